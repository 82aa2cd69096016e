import type { Doc } from '../text/doc.js';
import type { ArticleEntities, ConditionAnnotation, QuoteAnnotation } from '../annotations.js';
export function findConditions(doc: Doc, entities: ArticleEntities, quotes: QuoteAnnotation[]): ConditionAnnotation[] {
  void doc; void entities; void quotes;
  return [];
}
