// Weeks, months, years, weekends, quarters, halves and seasons named relative to the writer's
// now or with a year: "next week" → 2025-W24, "last month", "earlier this year", "the end of
// the year", "this weekend", "the first quarter of 2031", "third-quarter", "spring 2031", "last summer".
import { addDays, daysInMonth, formatMonth, formatWeek, isoWeekday, pad, type CalDate } from '../calendar.js';
import { matches, type Candidate, type Direction, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';
import { monthOffset, quarterOf, resolvePeriodYear, resolveYear } from '../resolve.js';

type Unit = 'week' | 'weekend' | 'month' | 'year' | 'quarter' | 'decade';

/** The value of the period `shift` units away from the one containing the anchor. */
export function periodValue(anchor: CalDate, unit: Unit, shift: number): string {
  switch (unit) {
    case 'week':
      return formatWeek(addDays(anchor, 7 * shift));
    case 'weekend':
      return `${formatWeek(addDays(anchor, 7 * shift))}-WE`;
    case 'month': {
      const { y, m } = monthOffset(anchor, shift);
      return formatMonth(y, m);
    }
    case 'quarter': {
      const { y, m } = monthOffset(anchor, 3 * shift);
      return `${pad(y, 4)}-Q${quarterOf(m)}`;
    }
    case 'decade':
      return String(Math.floor(anchor.y / 10) + shift);
    case 'year':
      return pad(anchor.y + shift, 4);
  }
}

/** "the weekend" without this/last/next: the coming one in a future sentence, else the last. */
function bareWeekend(anchor: CalDate, dir: Direction): string {
  const wd = isoWeekday(anchor);
  if (dir === 'future' || wd >= 6) return periodValue(anchor, 'weekend', 0);
  return periodValue(anchor, 'weekend', -1);
}

/** A week belongs to the month that holds its Thursday (as ISO weeks belong to years). */
function weekOfMonth(y: number, month: number, ordinal: string): CalDate {
  const first = { y, m: month, d: 1 };
  const firstThursday = addDays(first, (4 - isoWeekday(first) + 7) % 7);
  if (ordinal === 'last' || ordinal === 'final') {
    const last = { y, m: month, d: daysInMonth(y, month) };
    return addDays(last, -((isoWeekday(last) - 4 + 7) % 7));
  }
  const n = { first: 0, second: 1, third: 2, fourth: 3 }[ordinal] ?? 0;
  return addDays(firstThursday, 7 * n);
}

const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

function seasonYear(anchor: CalDate, code: string, shift: 'last' | 'next' | 'this' | null, dir: Direction, strong: boolean): number {
  const [from, to] = SEASON_MONTHS[code];
  const m = code === 'WI' && anchor.m <= 2 ? anchor.m + 12 : anchor.m;
  const base = code === 'WI' && anchor.m <= 2 ? anchor.y - 1 : anchor.y;
  const current = m >= from && m <= to;
  if (shift === 'this') return base;
  if (shift === 'last') return current || from > m ? base - 1 : base;
  if (shift === 'next') return current || to < m ? base + 1 : base;
  if (current) return base;
  return resolvePeriodYear({ ...anchor, y: base, m }, from, to, dir, strong);
}

let relRe: RegExp | null = null;
let quarterRe: RegExp | null = null;
let seasonRe: RegExp | null = null;
let boundaryRe: RegExp | null = null;
let weekOfRe: RegExp | null = null;

const ORDINAL_QUARTER: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

export function periods(scan: Scan): Candidate[] {
  const lx = lexicon();
  relRe ??= /\b(?:(earlier|later|so\s+far|late|early)\s+)?(this\s+past|this|last|next|the\s+previous|the\s+following|the\s+current|the\s+coming|the\s+past|current|past)\s+(week|weekend|month|year|quarter|decade)\b/gi;
  quarterRe ??= /\b(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th|last)[-\s]+(quarter|half)(?:\s+of\s+(?:(\d{4})|(this|last|next)\s+year|the\s+year))?\b|\bQ([1-4])\s+(\d{4})\b|\b(\d{4})\s+Q([1-4])\b/gi;
  seasonRe ??= new RegExp(`\\b(?:(this|last|next|early|late|mid-?|the)\\s*)?(${lx.re.season})(?:\\s+(?:of\\s+)?(\\d{4}))?\\b`, 'gi');
  boundaryRe ??= /\b(?:the\s+)?(start|beginning|end|middle|rest|remainder|close|turn|course)\s+of\s+the\s+(year|month|week)\b|\bthe\s+weekend\b/gi;
  weekOfRe ??= new RegExp(`\\bthe\\s+(first|second|third|fourth|last|final)\\s+week\\s+of\\s+(${lx.re.monthFull})(?:,?\\s+(\\d{4}))?\\b`, 'gi');
  const out: Candidate[] = [];

  for (const { m, start, end } of matches(scan, weekOfRe)) {
    if (!/^\p{Lu}/u.test(m[2])) continue;
    const month = lx.months[m[2].toLowerCase()];
    const ord = m[1].toLowerCase();
    const year = m[3] ? Number(m[3]) : null;
    const value = (y: number): string => formatWeek(weekOfMonth(y, month, ord));
    out.push({
      start, end, type: 'DATE', absolute: year !== null, rule: 'periods', priority: 3,
      resolve: ({ anchor, dir, strong }) => (year !== null ? value(year) : anchor ? value(resolveYear(anchor, month, null, dir, strong)) : null),
    });
  }

  for (const { m, start, end } of matches(scan, relRe)) {
    const which = m[2].toLowerCase().replace(/\s+/g, ' ');
    const unit = m[3].toLowerCase() as Unit;
    // "the past year", "the coming week" are stretches of time, not calendar periods.
    if (which === 'past' || which === 'the past' || which === 'the coming') {
      if (unit === 'weekend') continue;
      const value = { week: 'P1W', month: 'P1M', year: 'P1Y', decade: 'P10Y', weekend: '', quarter: 'P3M' }[unit];
      out.push({ start, end, type: 'DURATION', absolute: true, rule: 'periods', priority: 2, resolve: () => value });
      continue;
    }
    const shift = which === 'last' || which === 'this past' || which === 'the previous' ? -1 : which === 'next' || which === 'the following' ? 1 : 0;
    out.push({
      start, end, type: 'DATE', absolute: false, rule: 'periods', priority: 2,
      resolve: ({ anchor }) => (anchor ? periodValue(anchor, unit, shift) : null),
    });
  }

  for (const { m, start, end } of matches(scan, quarterRe)) {
    if (m[5] || m[7]) {
      const q = Number(m[5] ?? m[8]);
      const y = Number(m[6] ?? m[7]);
      out.push({ start, end, type: 'DATE', absolute: true, rule: 'periods', priority: 3, resolve: () => `${y}-Q${q}` });
      continue;
    }
    const ord = m[1].toLowerCase();
    const half = m[2].toLowerCase() === 'half';
    const year = m[3] ? Number(m[3]) : null;
    const rel = m[4]?.toLowerCase();
    if (half && ord !== 'first' && ord !== 'second' && ord !== '1st' && ord !== '2nd' && ord !== 'last' && ord !== 'final') continue;
    const n = ord === 'last' || ord === 'final' ? (half ? 2 : 4) : half ? (ord.startsWith('f') || ord === '1st' ? 1 : 2) : ORDINAL_QUARTER[ord];
    const code = half ? 'H' : 'Q';
    // "the last quarter" with no year is the quarter before the current one.
    const previous = ord === 'last' && year === null && !rel && !/\bof\b/.test(m[0]);
    if (year !== null) {
      out.push({ start, end, type: 'DATE', absolute: true, rule: 'periods', priority: 3, resolve: () => `${year}-${code}${n}` });
      continue;
    }
    out.push({
      start, end, type: 'DATE', absolute: false, rule: 'periods', priority: 3,
      resolve: ({ anchor, dir, strong }) => {
        if (!anchor) return null;
        if (previous && !half) return periodValue(anchor, 'quarter', -1);
        let y: number;
        if (rel === 'last') y = anchor.y - 1;
        else if (rel === 'next') y = anchor.y + 1;
        else if (rel === 'this' || /the\s+year/i.test(m[0])) y = anchor.y;
        else {
          const first = half ? (n - 1) * 6 + 1 : (n - 1) * 3 + 1;
          const last = half ? n * 6 : n * 3;
          y = resolvePeriodYear(anchor, first, last, dir, strong ?? false);
        }
        return `${pad(y, 4)}-${code}${n}`;
      },
    });
  }

  for (const { m, start, end } of matches(scan, seasonRe)) {
    const word = m[2].toLowerCase();
    const code = lx.seasons[word];
    const mod = m[1]?.toLowerCase().replace(/-$/, '');
    const year = m[3] ? Number(m[3]) : null;
    // "fall" is mostly the verb or "the fall of X": only a season with a year or this/last/next.
    if (word === 'fall' && year === null && !(mod === 'this' || mod === 'last' || mod === 'next')) continue;
    // A season needs a cue, or a capital inside a sentence ("their Autumn meetings").
    const capitalisedInside = /^\p{Lu}/u.test(m[2]) && /\p{Ll}[\s,]*$/u.test(scan.text.slice(Math.max(scan.start, start - 3), start));
    if (year === null && !mod && !capitalisedInside && !/\b(in|during|since|until|by|this|over)\s+(?:the\s+)?$/i.test(scan.text.slice(Math.max(0, start - 15), start))) continue;
    // "the spring" alone is fine, "the" stays outside the span.
    const s = mod === 'the' ? start + m[0].indexOf(m[2]) : start;
    if (year !== null) {
      out.push({ start: s, end, type: 'DATE', absolute: true, rule: 'periods', priority: 3, resolve: () => `${year}-${code}` });
      continue;
    }
    const shift = mod === 'this' || mod === 'last' || mod === 'next' ? mod : null;
    out.push({
      start: s, end, type: 'DATE', absolute: false, rule: 'periods', priority: 2,
      resolve: ({ anchor, dir, strong }) => (anchor ? `${pad(seasonYear(anchor, code, shift, dir, strong ?? false), 4)}-${code}` : null),
    });
  }

  for (const { m, start, end } of matches(scan, boundaryRe)) {
    if (!m[1]) {
      out.push({
        start, end, type: 'DATE', absolute: false, rule: 'periods', priority: 1,
        resolve: ({ anchor, dir }) => (anchor ? bareWeekend(anchor, dir) : null),
      });
      continue;
    }
    const unit = m[2].toLowerCase() as Unit;
    out.push({
      start, end, type: 'DATE', absolute: false, rule: 'periods', priority: 1,
      resolve: ({ anchor }) => (anchor ? periodValue(anchor, unit, 0) : null),
    });
  }
  return out;
}
