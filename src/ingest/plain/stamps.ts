// Dates on a page that are not its publication date: the site's "Today:" stamp and
// "Updated"/"Last modified" times.

const TODAY = /^(?:today(?:'s date)?|today is|current(?:ly)?(?: date| time)?|now)\b\s*[:,|-]?/i;
const UPDATED = /^(?:(?:last\s+)?updated?|modified|last modified|edited|revised|amended|accessed|retrieved|as of)\b\s*(?:on|at)?\s*[:,|-]?/i;

export type StampKind = 'today' | 'updated';

/** A line (or the part of one) that dates the page view or an update, not the article. */
export function stampKind(text: string): StampKind | null {
  const t = text.trim();
  if (TODAY.test(t)) return 'today';
  if (UPDATED.test(t)) return 'updated';
  return null;
}

/** Cut "Published 3 June 2025, updated 4 June 2025" at its update marker. */
export function beforeUpdateMarker(text: string): string {
  const m = /[,;|·•(–—-]?\s*\b(?:last\s+)?(?:updated?|modified|edited)\b/i.exec(text);
  return m && m.index > 0 ? text.slice(0, m.index) : text;
}
