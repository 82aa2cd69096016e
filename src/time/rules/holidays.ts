// Holidays on a fixed date: "Christmas", "New Year's Eve", "Ukraine's Independence Day",
// "Christmas 2024". Without a year they take one by the sentence's tense, like a month-day
// ("talks will resume after Christmas" in June → this December; "a truce agreed at Christmas" → last).
import { formatDay } from '../calendar.js';
import { matches, type Candidate, type Scan } from '../candidate.js';
import { resolveYear } from '../resolve.js';
import { loadJson } from '../../util/data.js';

interface Holidays { fixed: Record<string, string>; independenceDays: Record<string, string> }

// "Christmas" that names a thing, not the day; "the Christmas period" or "Christmas sales" is a
// season of weeks around it, not 25 December.
const NOT_THE_DAY = /^\s+(?:and\s+New\s+Year(?:['’]s)?\s+)?(Island|tree|trees|card|cards|carols?|pudding|crackers?|lights|jumpers?|markets?|truce\s+of\s+1914|period|season|holidays?|break|recess|sales|shopping|spending|trading|quarter|rush)\b/i;
const OTHER_CALENDARS = /\b(Lunar|Chinese|Persian|Iranian|Jewish|Islamic|Hijri|Orthodox|Vietnamese|Tamil|Thai|Ethiopian)\s+$/i;

let data: Holidays | null = null;
let re: RegExp | null = null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+');

export function holidays(scan: Scan): Candidate[] {
  data ??= loadJson<Holidays>('time/holidays.json');
  if (!re) {
    const longestFirst = (keys: string[]) => keys.sort((a, b) => b.length - a.length).map(escape).join('|');
    const fixed = longestFirst(Object.keys(data.fixed));
    const countries = longestFirst(Object.keys(data.independenceDays));
    re = new RegExp(`(?:\\b(${countries})\\s+(?:Independence\\s+Day)|\\b(${fixed}))(?:,?\\s+(\\d{4})\\b)?`, 'giu');
  }
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, re)) {
    // Holiday names are proper nouns; "halloween" in lower case is rare in news and "fourth of
    // july" never is, so a lower-case first letter is left to other readings.
    if (!/^\p{Lu}/u.test(m[0])) continue;
    const key = (m[1] ?? m[2]).toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
    const md = m[1] ? data.independenceDays[key] : data.fixed[key];
    if (!md) continue;
    if (!m[3] && NOT_THE_DAY.test(scan.text.slice(end, end + 24))) continue;
    if (OTHER_CALENDARS.test(scan.text.slice(Math.max(0, start - 14), start))) continue;
    const [month, day] = md.split('-').map(Number);
    // "Ukraine's Independence Day": the country is context; the span is the holiday.
    const spanStart = m[1] ? start + m[0].search(/Independence/i) : start;
    const year = m[3] ? Number(m[3]) : null;
    out.push({
      start: spanStart, end, type: 'DATE', absolute: year !== null, rule: 'holidays', priority: 3,
      relation: year === null ? { kind: 'monthDay', month, day, weekday: null } : undefined,
      resolve: ({ anchor, dir, strong }) => {
        if (year !== null) return formatDay({ y: year, m: month, d: day });
        return anchor ? formatDay({ y: resolveYear(anchor, month, day, dir, strong), m: month, d: day }) : null;
      },
    });
  }
  return out;
}
