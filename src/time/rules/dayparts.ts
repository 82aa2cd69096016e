// The night as a part of a day: "overnight", "overnight into Thursday", "in the early hours of
// Thursday", "the small hours of yesterday". TIMEX3 has NI for night; the early hours belong to
// the day they open ("the early hours of Thursday" → the Thursday, TNI).
import { addDays, formatDay } from '../calendar.js';
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';
import { resolveWeekday } from '../resolve.js';

// "overnight" as an adjective of things that are not a night ("an overnight success").
const NOT_A_NIGHT = /^\s+(success|sensation|celebrity|star|bag|rates?|lending|index|repo|deposits?|funding|markets?|trading|delivery|shipping|parking|guests?)\b/i;
const DEICTIC: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };

let hoursRe: RegExp | null = null;
let overnightRe: RegExp | null = null;

export function dayparts(scan: Scan): Candidate[] {
  const lx = lexicon();
  const dayWord = `(${lx.re.weekday}|today|yesterday|tomorrow)`;
  hoursRe ??= new RegExp(`\\bthe\\s+(?:early|small|wee)\\s+hours\\s+(?:of\\s+|on\\s+)?${dayWord}\\b`, 'gi');
  overnightRe ??= new RegExp(`\\bovernight(?:\\s+(into|on|to)\\s+${dayWord}|\\s+${dayWord})?\\b`, 'gi');
  const out: Candidate[] = [];
  // `shift`: "overnight into Friday" is the night that began on Thursday.
  const night = (start: number, end: number, word: string | undefined, fallback: 'overnight' | 'hours', shift = 0): Candidate => {
    const w = word?.toLowerCase();
    const weekday = w && w in lx.weekdays ? lx.weekdays[w] : null;
    return {
      start, end, type: 'TIME', absolute: false, rule: 'dayparts', priority: 3,
      relation: weekday !== null ? { kind: 'weekday', weekday, strict: null } : w ? { kind: 'days', offset: DEICTIC[w] } : undefined,
      resolve: ({ anchor, dir }) => {
        if (!anchor) return null;
        if (weekday !== null) return `${formatDay(addDays(resolveWeekday(anchor, weekday, dir, null), shift))}TNI`;
        if (w) return `${formatDay(addDays(anchor, DEICTIC[w] + shift))}TNI`;
        // A bare "overnight" in a report is the night just gone, which news dates by the day
        // it began; in a future sentence ("will fly overnight") the coming night.
        return `${formatDay(fallback === 'overnight' && dir !== 'future' ? addDays(anchor, -1) : anchor)}TNI`;
      },
    };
  };
  for (const { m, start, end } of matches(scan, hoursRe)) {
    if (m[1].toLowerCase() in lx.weekdays && !/^\p{Lu}/u.test(m[1])) continue;
    out.push(night(start, end, m[1], 'hours'));
  }
  for (const { m, start, end } of matches(scan, overnightRe)) {
    const word = m[2] ?? m[3];
    const into = /^(into|to)$/i.test(m[1] ?? '');
    if (word && word.toLowerCase() in lx.weekdays && !/^\p{Lu}/u.test(word)) continue;
    if (!word && NOT_A_NIGHT.test(scan.text.slice(end, end + 16))) continue;
    out.push(night(start, end, word, 'overnight', into ? -1 : 0));
  }
  return out;
}
