// events/: PLOVER events, positions on issues and conditional commitments, per article; then
// merged across articles into the brief's Event / Position / Condition items.
// (Work in progress: the per-article rules land in the files next to this one.)
import type { Doc } from '../text/doc.js';
import type {
  ArticleEntities,
  ArticleEvents,
  QuoteAnnotation,
  ResolvedEntities,
  TimeAnnotation,
} from '../annotations.js';
import type { Condition, Event, Position } from '../types.js';

export function findEvents(
  doc: Doc,
  entities: ArticleEntities,
  quotes: QuoteAnnotation[],
  times: TimeAnnotation[],
): ArticleEvents {
  void doc;
  void entities;
  void quotes;
  void times;
  return { events: [], positions: [], conditions: [] };
}

export function assembleEvents(
  docs: Doc[],
  events: ArticleEvents[],
  resolved: ResolvedEntities,
): { events: Event[]; positions: Position[]; conditions: Condition[] } {
  void docs;
  void events;
  void resolved;
  return { events: [], positions: [], conditions: [] };
}
