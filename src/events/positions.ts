import type { Doc } from '../text/doc.js';
import type { ArticleEntities, PositionAnnotation, QuoteAnnotation } from '../annotations.js';
export function findPositions(doc: Doc, entities: ArticleEntities, quotes: QuoteAnnotation[]): PositionAnnotation[] {
  void doc; void entities; void quotes;
  return [];
}
