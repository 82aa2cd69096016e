// The brief's timeline: dated statements of all articles in one order, each with its sources.
import type { Brief, Span } from '../types.js';

export interface TimelineEntry {
  /** TIMEX3 value. */
  date: string;
  /** The sentence or a trimmed clause. */
  text: string;
  /** Every article reporting it. */
  evidence: Span[];
}

export function buildTimeline(brief: Brief): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const byId = new Map(brief.articles.map((a) => [a.id, a]));
  for (const t of brief.times ?? []) {
    if (!t.value || t.type === 'DURATION' || t.type === 'SET') continue;
    const a = byId.get(t.article);
    if (!a) continue;
    entries.push({ date: t.value, text: t.text, evidence: [{ article: t.article, start: t.start, end: t.end }] });
  }
  return entries.sort((x, y) => x.date.localeCompare(y.date));
}
