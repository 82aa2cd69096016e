// Dates on a page that are not its publication date: the site's "Today:" stamp and
// "Updated"/"Last modified" times.

// A label, then a separator or straight into a date: "Today: …", "Today is Friday …", "Updated 2 hours ago".
const NEXT = "(?:\\s*[:,|–—-]|\\s+(?:on|at)\\b|(?=\\s+(?:\\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b)))";
const TODAY = new RegExp(`^(?:today(?:'s date)?|today is|current (?:date|time))${NEXT}`, 'i');
const UPDATED = new RegExp(`^[|·•\\s]*(?:(?:last\\s+)?updated?|modified|last modified|edited|revised|amended|accessed|retrieved|as of)${NEXT}`, 'i');
const HAS_TIME = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b|\bago\b|\byesterday\b/i;

export type StampKind = 'today' | 'updated';

/** A short line that dates the page view or an update, not the article. */
export function stampKind(text: string): StampKind | null {
  const t = text.trim();
  if (t.split(/\s+/).length > 16 || !HAS_TIME.test(t)) return null;
  if (TODAY.test(t)) return 'today';
  if (UPDATED.test(t)) return 'updated';
  return null;
}

/** Cut "Published 3 June 2025, updated 4 June 2025" at its update marker. */
export function beforeUpdateMarker(text: string): string {
  const m = /[,;|·•(–—-]?\s*\b(?:last\s+)?(?:updated?|modified|edited)\b/i.exec(text);
  return m && m.index > 0 ? text.slice(0, m.index) : text;
}
