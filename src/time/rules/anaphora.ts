// Distances counted from a date the text itself gave, not from the writer's today: "three days
// later", "a day earlier", "two years after", "the following week", "the previous month".
// News narrates with these once a date is set ("The talks opened on 12 May. Three days later…");
// read against publication they would be days or years off. The antecedent must be near
// (`previousNear`: the same paragraph or the sentence before); without one the value stays null.
import { addDays, addMonths, formatDay, formatMonth, formatWeek, valueStart, type CalDate } from '../calendar.js';
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon, parseNumber } from '../lexicon.js';

type Unit = 'D' | 'W' | 'M' | 'Y';
const UNIT: Record<string, Unit> = { day: 'D', days: 'D', week: 'W', weeks: 'W', month: 'M', months: 'M', year: 'Y', years: 'Y' };

/** `value` (any calendar granularity) moved by `n` units, written at the granularity of the unit
 * or of the antecedent, whichever is coarser ("2009" + 2 years → "2011"; "2025-05-12" + 3 days). */
export function shiftValue(value: string, n: number, unit: Unit): string | null {
  const start = valueStart(value);
  if (!start) return null;
  const dayPrecise = /^\d{4}-\d{2}-\d{2}/.test(value);
  const monthPrecise = dayPrecise || /^\d{4}-\d{2}$/.test(value);
  if (unit === 'Y') return String(start.y + n).padStart(4, '0');
  if (unit === 'M') {
    if (!monthPrecise) return null;
    const { y, m } = addMonths(start.y, start.m, n);
    return formatMonth(y, m);
  }
  if (!dayPrecise) return null;
  const day: CalDate = addDays(start, unit === 'W' ? 7 * n : n);
  return unit === 'W' ? formatWeek(day) : formatDay(day);
}

let countRe: RegExp | null = null;

export function anaphora(scan: Scan): Candidate[] {
  const lx = lexicon();
  countRe ??= new RegExp(`\\b(?:(?:some|about|around|nearly|almost|just|only|barely|exactly|precisely)\\s+)?(${lx.re.number})\\s+(days?|weeks?|months?|years?)\\s+(later|earlier|afterwards?|before|after|on)\\b`, 'gi');
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, countRe)) {
    const n = parseNumber(m[1]);
    if (n === null || !Number.isInteger(n)) continue;
    const word = m[3].toLowerCase();
    const after = scan.text.slice(end, end + 20);
    // "three days later than planned" compares with a plan, not with the date before.
    if (/^\s+than\b/i.test(after)) continue;
    // "two days before the vote", "a year after the war": counted from an event, not a date.
    if ((word === 'before' || word === 'after') && /^\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|we|[\p{L}\d])/iu.test(after) && !/^\s+(?:and|but|or|when)\b/i.test(after)) continue;
    // "a year on from the crash" likewise; "a year on," is the narrative form.
    if (word === 'on' && !/^\s*[,.;]/.test(after)) continue;
    const sign = word === 'earlier' || word === 'before' ? -1 : 1;
    const unit = UNIT[m[2].toLowerCase()];
    out.push(anaphoric(start, end, n * sign, unit));
  }
  // "the following week" always counts from the text; "the next/previous week" only when no
  // preposition makes it a stretch from now ("over the next week", "in the previous year").
  const relRe = /\b(the\s+(following|next|previous|preceding|prior)\s+(day|week|month|year))\b/gi;
  for (const { m, start, end } of matches(scan, relRe)) {
    const word = m[2].toLowerCase();
    const unit = UNIT[m[3].toLowerCase()];
    const before = scan.text.slice(Math.max(scan.start, start - 16), start);
    const after = scan.text.slice(end, end + 12);
    if (unit === 'D') continue; // "the next day" is textual.ts's
    if (/\b(over|within|in|for|during|throughout|of|across|through)\s+$/i.test(before) && word !== 'following') continue;
    if (/^\s*(or\s+(two|so)|and\s+a\s+half|['’]s)/i.test(after)) continue;
    if (/^\s+(of|when)\b/i.test(after)) continue;
    const sign = word === 'following' || word === 'next' ? 1 : -1;
    out.push(anaphoric(start, end, sign, unit));
  }
  // "the year before", "the week after", "the year previous": the same, unit first.
  const postRe = /\bthe\s+(week|month|year)\s+(before|after|previous|prior|earlier|later)\b/gi;
  for (const { m, start, end } of matches(scan, postRe)) {
    const word = m[2].toLowerCase();
    const after = scan.text.slice(end, end + 20);
    // "the year before the war", "the week after he left": counted from an event.
    if (/^\s+(?:than\b|[\p{L}\d])/iu.test(after) && !/^\s+(?:and|but|or)\b/i.test(after)) continue;
    const sign = word === 'after' || word === 'later' ? 1 : -1;
    out.push(anaphoric(start, end, sign, UNIT[m[1].toLowerCase()]));
  }
  return out;
}

function anaphoric(start: number, end: number, n: number, unit: Unit): Candidate {
  return {
    start, end, type: 'DATE', absolute: false, textual: true, rule: 'anaphora', priority: 4,
    resolve: ({ previousNear }) => (previousNear ? shiftValue(previousNear, n, unit) : null),
  };
}
