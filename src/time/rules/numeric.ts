// All-number dates: "2025-06-07", "7/8/07", "07.06.2025". chrono-node reads the formats; the
// value is built from the parts it is certain of.
import * as chrono from 'chrono-node';
import { formatDay, formatMonth, isValidDate } from '../calendar.js';
import type { Candidate, Scan } from '../candidate.js';

const NUMERIC = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/;
const REF = new Date(Date.UTC(2000, 0, 1, 12));

export function numericDates(scan: Scan): Candidate[] {
  const sentence = scan.text.slice(scan.start, scan.end);
  // chrono is the costly part of the stage: call it only where an all-number date can be.
  if (!/\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(sentence)) return [];
  const out: Candidate[] = [];
  for (const r of chrono.parse(sentence, REF, { forwardDate: false })) {
    const text = r.text.trim();
    if (!NUMERIC.test(text)) continue;
    // A decimal number ("3.5") or a score is not a date: two separators or an ISO date are required.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) && (text.match(/[/.-]/g) ?? []).length < 2) continue;
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month')) continue;
    const y = c.get('year') as number;
    const m = c.get('month') as number;
    const d = c.isCertain('day') ? (c.get('day') as number) : null;
    if (d !== null && !isValidDate(y, m, d)) continue;
    const start = scan.start + r.index + r.text.indexOf(text);
    const value = d === null ? formatMonth(y, m) : formatDay({ y, m, d });
    out.push({ start, end: start + text.length, type: 'DATE', absolute: true, rule: 'numeric', priority: 3, resolve: () => value });
  }
  return out;
}
