// Recurring times: "every week" → P1W, "each year", "every two years" → P2Y, "every Monday" →
// XXXX-WXX-1, "weekly", "daily", "twice a year", "$5bn a year", "per month".
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon, parseNumber } from '../lexicon.js';
import { durationValue } from './durations.js';

const ADVERBS: Record<string, string> = {
  daily: 'P1D', nightly: 'P1D', weekly: 'P1W', fortnightly: 'P2W', biweekly: 'P2W', monthly: 'P1M',
  quarterly: 'P3M', yearly: 'P1Y', annually: 'P1Y', hourly: 'PT1H',
};

let everyRe: RegExp | null = null;
let rateRe: RegExp | null = null;
let pluralRe: RegExp | null = null;

export function sets(scan: Scan): Candidate[] {
  const lx = lexicon();
  everyRe ??= new RegExp(`\\b(?:every|each)\\s+(?:(other)\\s+|(${lx.re.number})\\s+)?(?:(${lx.re.unit})|(${lx.re.weekday}))\\b`, 'gi');
  rateRe ??= /\b(?:(?<=\d\S*\s+(?:[a-z]+\s+){0,2}|\b(?:times|twice|once|percent|per\s+cent|dollars|euros)\s+)(?:a|an)|per)\s+(day|week|month|year|hour|night)\b/gi;
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, everyRe)) {
    if (m[4]) {
      if (!/^\p{Lu}/u.test(m[4])) continue;
      const wd = lx.weekdays[m[4].toLowerCase()];
      out.push({ start, end, type: 'SET', absolute: true, rule: 'sets', priority: 3, resolve: () => `XXXX-WXX-${wd}` });
      continue;
    }
    const unit = lx.units[m[3].toLowerCase()];
    const n = m[1] ? 2 : m[2] ? parseNumber(m[2]) : 1;
    out.push({ start, end, type: 'SET', absolute: true, rule: 'sets', priority: 3, resolve: () => durationValue(n, unit) });
  }
  // "on Mondays", "Fridays": a weekday in the plural recurs.
  pluralRe ??= new RegExp(`\\b(${lx.re.weekday})s\\b`, 'gi');
  for (const { m, start, end } of matches(scan, pluralRe)) {
    if (!/^\p{Lu}/u.test(m[1])) continue;
    const wd = lx.weekdays[m[1].toLowerCase()];
    out.push({ start, end, type: 'SET', absolute: true, rule: 'sets', priority: 2, resolve: () => `XXXX-WXX-${wd}` });
  }
  for (const { m, start, end } of matches(scan, rateRe)) {
    const unit = lx.units[m[1].toLowerCase()];
    out.push({ start, end, type: 'SET', absolute: true, rule: 'sets', priority: 3, resolve: () => durationValue(1, unit) });
  }
  for (const { m, start, end } of matches(scan, /\b(daily|nightly|weekly|fortnightly|biweekly|monthly|quarterly|yearly|annually|hourly|annual)\b/gi)) {
    const word = m[1].toLowerCase();
    // "annual" qualifies a period ("annual profit": one year's), the adverbs recur.
    if (word === 'annual') {
      out.push({ start, end, type: 'DURATION', absolute: true, rule: 'sets', priority: 1, resolve: () => 'P1Y' });
      continue;
    }
    const value = ADVERBS[word];
    out.push({ start, end, type: 'SET', absolute: true, rule: 'sets', priority: 1, resolve: () => value });
  }
  return out;
}
