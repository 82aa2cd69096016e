// Days named from a date the text just gave: "the same day", "that day", "the next day", "the
// following day", "the day before", "on the day". Resolved against the last day mentioned.
import { addDays, formatDay, valueDay } from '../calendar.js';
import { matches, type Candidate, type Scan } from '../candidate.js';

const OFFSETS: Record<string, number> = {
  'the same day': 0, 'that day': 0, 'that same day': 0, 'the day': 0, 'the next day': 1, 'the following day': 1,
  'the day after': 1, 'the day before': -1, 'the previous day': -1, 'the preceding day': -1,
};

/** The same calendar period shifted by whole years: "2009-01" → "2008-01", "2009-Q3" → "2008-Q3". */
export function shiftYears(value: string, years: number): string | null {
  const m = /^(\d{4})(-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI))?$/.exec(value);
  if (!m) return null;
  return String(Number(m[1]) + years).padStart(4, '0') + (m[2] ?? '');
}

export function textual(scan: Scan): Candidate[] {
  const out: Candidate[] = [];
  // "the same period last year" or "the same month a year ago": the period just named, a year back.
  const samePeriod = /\bthe\s+same\s+(?:month|period|quarter|week|time|day)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior|last)\s+year|the\s+year\s+before|(?:one|a)\s+year\s+prior)\b/gi;
  for (const { start, end } of matches(scan, samePeriod)) {
    out.push({
      start, end, type: 'DATE', absolute: false, textual: true, rule: 'textual-period', priority: 3,
      resolve: ({ previousValue }) => (previousValue ? shiftYears(previousValue, -1) : null),
    });
  }
  const re = /\b(the\s+same\s+day|that\s+(?:same\s+)?day|the\s+(?:next|following|previous|preceding)\s+day|the\s+day\s+(?:before|after)|the\s+day)\b/gi;
  for (const { m, start, end } of matches(scan, re)) {
    const phrase = m[1].toLowerCase().replace(/\s+/g, ' ');
    const before = scan.text.slice(Math.max(0, start - 12), start);
    const after = scan.text.slice(end, end + 20);
    // "the day" alone only as "on/for/during the day" and not "the day of/when/that…".
    if (phrase === 'the day' && (!/\b(on|for|during|over|by|(?:later|earlier|late|early)\s+in|(?:start|end|beginning|rest|remainder|course|close)\s+of|end(?:ed|ing|s)?|finish(?:ed|es|ing)?|close[sd]?|closing|start(?:ed|ing|s)?|open(?:ed|ing|s)?)\s+$/i.test(before) || /^\s*(of|when|that|which|before|after|in|['’]s)\b/i.test(after))) continue;
    if ((phrase === 'the day after' || phrase === 'the day before') && /^\s+(yesterday|tomorrow)/i.test(after)) continue;
    // "the day before the vote": relative to an event, not to a date.
    if ((phrase === 'the day after' || phrase === 'the day before') && /^\s+\w/.test(after) && !/^\s+(on|at|in|and|,)/i.test(after)) continue;
    const offset = OFFSETS[phrase];
    out.push({
      start, end, type: 'DATE', absolute: false, textual: true, rule: 'textual', priority: 1,
      // "the next day", "the day before" narrate from a date just given (the same paragraph or
      // the sentence before); far from one, or with none, they stay unresolved rather than
      // counting from the publication day. "the same day" / "on the day" keep the fallback.
      resolve: ({ previous, previousNear }) => {
        if (offset === 0) return previous ? formatDay(addDays(previous, offset)) : null;
        const near = valueDay(previousNear ?? null);
        return near ? formatDay(addDays(near, offset)) : null;
      },
    });
  }
  return out;
}
