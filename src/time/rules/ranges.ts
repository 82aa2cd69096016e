// Both ends of a month range without a year ("between May and July", "from October to
// January") share one reading: resolved one by one, a past sentence written in June would put
// May in this year and July in the last. A range told in the past ends in the past, so its end
// takes the year and the start follows; otherwise the start takes it and the end follows.
// Each end stays its own expression (TIMEX3 marks the two points, not the span between them).
import { formatMonth } from '../calendar.js';
import { matches, groupSpan, type Candidate, type Scan } from '../candidate.js';
import { lexicon } from '../lexicon.js';
import { resolveYear } from '../resolve.js';

let re: RegExp | null = null;

export function ranges(scan: Scan): Candidate[] {
  const lx = lexicon();
  re ??= new RegExp(`\\b(?:from|between)\\s+(${lx.re.monthFull})\\s+(?:to|and|until|till|through|into|[–-])\\s+(${lx.re.monthFull})\\b(?![\\s,]+\\d)`, 'gid');
  const out: Candidate[] = [];
  for (const { m } of matches(scan, re)) {
    if (!/^\p{Lu}/u.test(m[1]) || !/^\p{Lu}/u.test(m[2])) continue;
    const first = lx.months[m[1].toLowerCase()];
    const last = lx.months[m[2].toLowerCase()];
    const wraps = last < first ? 1 : 0;
    const years = (ctx: Parameters<Candidate['resolve']>[0]): [number, number] | null => {
      if (!ctx.anchor) return null;
      if (ctx.dir === 'past') {
        const y = resolveYear(ctx.anchor, last, null, ctx.dir, ctx.strong);
        return [y - wraps, y];
      }
      const y = resolveYear(ctx.anchor, first, null, ctx.dir, ctx.strong);
      return [y, y + wraps];
    };
    const a = groupSpan(scan, m, 1);
    const b = groupSpan(scan, m, 2);
    if (!a || !b) continue;
    // Priority above the single-month rule (same spans), so the paired reading wins.
    out.push({ ...a, type: 'DATE', absolute: false, rule: 'ranges', priority: 5, resolve: (ctx) => { const y = years(ctx); return y ? formatMonth(y[0], first) : null; } });
    out.push({ ...b, type: 'DATE', absolute: false, rule: 'ranges', priority: 5, resolve: (ctx) => { const y = years(ctx); return y ? formatMonth(y[1], last) : null; } });
  }
  return out;
}
