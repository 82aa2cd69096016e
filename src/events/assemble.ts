import type { Doc } from '../text/doc.js';
import type { ArticleEvents, ResolvedEntities } from '../annotations.js';
import type { Condition, Event, Position } from '../types.js';
export function assemble(docs: Doc[], events: ArticleEvents[], resolved: ResolvedEntities): { events: Event[]; positions: Position[]; conditions: Condition[] } {
  void docs; void events; void resolved;
  return { events: [], positions: [], conditions: [] };
}
