// A distance back from the writer's now: "two years ago" → 2023, "a week ago" → 2025-W22,
// "three days ago" → a day, "decades ago" → PAST_REF. "from now" counts forward.
import { addDays, formatDay, formatWeek, pad } from '../calendar.js';
import { matches, type Candidate, type Scan } from '../candidate.js';
import { lexicon, parseNumber } from '../lexicon.js';
import { monthOffset } from '../resolve.js';

let re: RegExp | null = null;

export function ago(scan: Scan): Candidate[] {
  const lx = lexicon();
  re ??= new RegExp(
    `\\b(?:(?:about|around|some|nearly|almost|roughly|more\\s+than|less\\s+than|over|just|only|barely|exactly|precisely)\\s+)?(?:(${lx.re.number}|${lx.vagueQuantities.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\s+)?(${lx.re.unit})\\s+(ago|from\\s+now|hence)\\b`,
    'gi',
  );
  const out: Candidate[] = [];
  for (const { m, start, end } of matches(scan, re)) {
    const unit = lx.units[m[2].toLowerCase()];
    const sign = m[3].toLowerCase() === 'ago' ? -1 : 1;
    const n = m[1] ? parseNumber(m[1]) : null;
    if (n === null || !Number.isInteger(n)) {
      const vague = sign < 0 ? 'PAST_REF' : 'FUTURE_REF';
      out.push({ start, end, type: 'DATE', absolute: true, rule: 'ago', priority: 3, resolve: () => vague });
      continue;
    }
    const k = n * sign;
    out.push({
      start, end, type: 'DATE', absolute: false, rule: 'ago', priority: 3,
      relation: unit === 'D' ? { kind: 'days', offset: k } : undefined,
      resolve: ({ anchor }) => {
        if (!anchor) return null;
        switch (unit) {
          case 'D':
            return formatDay(addDays(anchor, k));
          case 'W':
            return formatWeek(addDays(anchor, 7 * k));
          case '2W':
            return formatWeek(addDays(anchor, 14 * k));
          case 'M': {
            const { y, m: mo } = monthOffset(anchor, k);
            return `${pad(y, 4)}-${pad(mo)}`;
          }
          case 'Q': {
            const { y, m: mo } = monthOffset(anchor, 3 * k);
            return `${pad(y, 4)}-Q${Math.floor((mo - 1) / 3) + 1}`;
          }
          case 'Y':
            return pad(anchor.y + k, 4);
          case '10Y':
            return String(Math.floor((anchor.y + 10 * k) / 10));
          case '100Y':
            return String(Math.floor((anchor.y + 100 * k) / 100));
          default:
            // Hours and minutes ago: the day is known, the clock is not.
            return formatDay(anchor);
        }
      },
    });
  }
  return out;
}
