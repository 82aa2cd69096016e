// Calendar dates written with a month name: "3 June 2025", "April 3, 2024", "Saturday, 7 June",
// "June 2023", and a month on its own after a preposition ("since March", "in May").
import { formatDay, formatMonth, isValidDate, pad } from '../calendar.js';
import { matches, groupSpan, type Candidate, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';
import { resolveYear, yearForWeekday } from '../resolve.js';

function monthNumber(word: string): number | null {
  const m = lexicon().months[word.toLowerCase().replace(/\.$/, '')];
  return m ?? null;
}

/** Month names are capitalised in English; this keeps "may" the verb and "march" the noun out. */
function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

let fullRe: RegExp | null = null;
let rangeAfterRe: RegExp | null = null;
let rangeBeforeRe: RegExp | null = null;
let bareRe: RegExp | null = null;

function regexes(): { full: RegExp; bare: RegExp } {
  if (!fullRe || !bareRe) {
    const lx = lexicon().re;
    const WD = `(${lx.weekday})`;
    const MON = `(${lx.month})\\.?`;
    const DAY = `(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`;
    const YEAR = `(\\d{4})(?!\\d)`;
    fullRe = new RegExp(
      `\\b(?:${WD},?\\s+(?:the\\s+)?)?(?:${DAY}(?:\\s+of)?\\s+${MON}(?:,?\\s+${YEAR})?|${MON}\\s+${DAY}(?:,?\\s+${YEAR})?|${MON},?\\s+${YEAR})(?![\\w-])`,
      'gid',
    );
    bareRe = new RegExp(`\\b(${lexicon().re.monthFull})\\b(?!-)`, 'gid');
    // Two days of one month: "June 20-21", "June 20 or 21, 2025", "20 and 21 June".
    const JOIN = `\\s*(?:-|–|—|and|or|to|through|until)\\s*`;
    const D = `(\\d{1,2})(?:st|nd|rd|th)?`;
    rangeAfterRe = new RegExp(`\\b${MON}\\s+${D}${JOIN}${D}(?:,?\\s+${YEAR})?(?![\\w-])`, 'gid');
    rangeBeforeRe = new RegExp(`\\b${D}${JOIN}${D}(?:\\s+of)?\\s+${MON}(?:,?\\s+${YEAR})?(?![\\w-])`, 'gid');
  }
  return { full: fullRe, bare: bareRe };
}

/** A day of a month, absolute when the year is written. */
function dayCandidate(start: number, end: number, month: number, day: number, year: number | null): Candidate | null {
  if (year !== null) {
    if (!isValidDate(year, month, day)) return null;
    return { start, end, type: 'DATE', absolute: true, rule: 'dates', priority: 3, resolve: () => formatDay({ y: year, m: month, d: day }) };
  }
  if (!isValidDate(2000, month, day)) return null;
  return {
    start, end, type: 'DATE', absolute: false, rule: 'dates', priority: 3,
    relation: { kind: 'monthDay', month, day, weekday: null },
    resolve: ({ anchor, dir, strong }) => {
      if (!anchor) return null;
      const y = resolveYear(anchor, month, day, dir, strong);
      return isValidDate(y, month, day) ? formatDay({ y, m: month, d: day }) : null;
    },
  };
}

function dayRanges(scan: Scan): Candidate[] {
  regexes();
  const out: Candidate[] = [];
  for (const [re, monthGroup, dayGroups, yearGroup] of [
    [rangeAfterRe as RegExp, 1, [2, 3], 4],
    [rangeBeforeRe as RegExp, 3, [1, 2], 4],
  ] as const) {
    for (const { m } of matches(scan, re)) {
      if (!isCapitalised(m[monthGroup])) continue;
      const month = monthNumber(m[monthGroup]);
      if (month === null) continue;
      const year = m[yearGroup] ? Number(m[yearGroup]) : null;
      const monthSpan = groupSpan(scan, m, monthGroup);
      const yearSpan = m[yearGroup] ? groupSpan(scan, m, yearGroup) : null;
      dayGroups.forEach((g, k) => {
        const daySpan = groupSpan(scan, m, g);
        if (!daySpan || !monthSpan) return;
        // The first day carries the month when the month comes first, the last when it follows.
        const start = monthGroup === 1 && k === 0 ? monthSpan.start : daySpan.start;
        let end = daySpan.end;
        if (monthGroup === 3 && k === 1) end = monthSpan.end;
        if (yearSpan && k === dayGroups.length - 1) end = yearSpan.end;
        const c = dayCandidate(start, end, month, Number(m[g]), year);
        if (c) out.push(c);
      });
    }
  }
  return out;
}

const MONTH_CUES = new Set([
  'in', 'since', 'by', 'until', 'till', 'of', 'early', 'late', 'mid', 'mid-', 'last', 'next', 'this', 'from', 'through',
  'during', 'before', 'after', 'between', 'throughout', 'around', 'on', 'for', 'to', 'and', 'or', 'coming', 'past',
  // "their January sales", "its March report"
  'their', 'its', 'our',
]);

export function monthDates(scan: Scan): Candidate[] {
  const { full, bare } = regexes();
  const out: Candidate[] = dayRanges(scan);
  for (const { m, start, end } of matches(scan, full)) {
    const weekdayWord = m[1];
    const day = Number(m[2] ?? m[6] ?? NaN);
    const monthWord = m[3] ?? m[5] ?? m[8];
    const yearText = m[4] ?? m[7] ?? m[9];
    if (!isCapitalised(monthWord)) continue;
    const month = monthNumber(monthWord);
    if (month === null) continue;
    const weekday = weekdayWord ? lexicon().weekdays[weekdayWord.toLowerCase()] : null;
    // A full month name takes no full stop: one right after it ends the sentence.
    const fullName = monthWord.length > 4 ? monthWord.toLowerCase() !== 'sept' : /^(may|june|july)$/i.test(monthWord);
    const e = m[0].endsWith('.') && fullName ? end - 1 : end;
    if (yearText !== undefined) {
      const year = Number(yearText);
      if (Number.isNaN(day)) {
        out.push({ start, end: e, type: 'DATE', absolute: true, rule: 'dates', priority: 3, resolve: () => formatMonth(year, month) });
        continue;
      }
      if (!isValidDate(year, month, day)) continue;
      out.push({
        start, end: e, type: 'DATE', absolute: true, rule: 'dates', priority: 3, namesWeekday: weekday !== null,
        resolve: () => formatDay({ y: year, m: month, d: day }),
      });
      continue;
    }
    if (!isValidDate(2000, month, day)) continue;
    out.push({
      start, end: e, type: 'DATE', absolute: false, rule: 'dates', priority: 3,
      relation: { kind: 'monthDay', month, day, weekday },
      resolve: ({ anchor, dir, strong }) => {
        if (!anchor) return null;
        let year = resolveYear(anchor, month, day, dir, strong);
        if (weekday !== null) year = yearForWeekday(anchor.y, year, month, day, weekday) ?? year;
        return isValidDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
      },
    });
  }
  for (const { m, start, end } of matches(scan, bare)) {
    if (!isCapitalised(m[1])) continue;
    const month = monthNumber(m[1]);
    if (month === null) continue;
    const before = scan.text.slice(Math.max(scan.start, start - 12), start).toLowerCase();
    const cue = /([a-z]+-?)\s*$/.exec(before)?.[1];
    if (!cue || !MONTH_CUES.has(cue)) continue;
    // "May" is also a name and a modal verb: it needs a cue that cannot precede either.
    if (month === 5 && /^(and|or|to|of|for|on|their|its|our)$/.test(cue)) continue;
    // "last September", "next March": the nearest such month strictly before or after.
    if (cue === 'last' || cue === 'next' || cue === 'this') {
      const s = start - (before.length - before.lastIndexOf(cue));
      out.push({
        start: s, end, type: 'DATE', absolute: false, rule: 'dates', priority: 2,
        resolve: ({ anchor }) => {
          if (!anchor) return null;
          if (cue === 'this') return formatMonth(anchor.y, month);
          const y = cue === 'last' ? (month < anchor.m ? anchor.y : anchor.y - 1) : month > anchor.m ? anchor.y : anchor.y + 1;
          return formatMonth(y, month);
        },
      });
      continue;
    }
    out.push({
      start, end, type: 'DATE', absolute: false, rule: 'dates', priority: 1,
      resolve: ({ anchor, dir, strong }) => (anchor ? formatMonth(resolveYear(anchor, month, null, dir, strong), month) : null),
    });
  }
  return out;
}
