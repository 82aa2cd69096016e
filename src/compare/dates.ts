// The date of one event as different outlets give it: "agreed on Tuesday" (→ 17th) in one,
// "at Wednesday's session" (→ 18th) in another. Works on the resolved values of the time stage, so
// "on Friday" and "this Friday" written on different days agree when they name the same day.
import type { Context, SentenceInfo } from './context.js';
import { jaccard, sharedCount } from './context.js';
import type { Detector, FactClaim } from './claims.js';

const DAY = /^(\d{4}-\d{2}-\d{2})/;

/** Words that mark another occurrence of the same kind of event: a date on "talks resume" is not
 * the date of the talks that began. */
const REPEAT = /\b(again|resume[ds]?|resuming|next|another|second|third|further|follow-up|new round|re-?convene)\b/i;
const FUTURE = /\b(will|shall|would|'ll|is due|are due|is expected|are expected|is scheduled|are scheduled|is set to|are set to|plans? to|planned)\b/i;

function dayValue(value: string | null): string | null {
  const m = value ? DAY.exec(value) : null;
  return m ? m[1] : null;
}

function weekday(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function textOutsideTimes(s: SentenceInfo): string {
  let t = s.text;
  for (const x of [...s.times].sort((a, b) => b.start - a.start)) t = t.slice(0, x.start - s.start) + t.slice(x.end - s.start);
  return t;
}

export const dates: Detector = {
  kind: 'date',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const s of a.sentences) {
        const days = s.times.filter((t) => t.type !== 'DURATION' && t.type !== 'SET' && dayValue(t.value));
        // A sentence with two different days relates two events; which day goes with which is not
        // something to guess across outlets.
        if (new Set(days.map((t) => dayValue(t.value))).size !== 1) continue;
        if (s.actions.size === 0) continue;
        const t = days[0];
        const day = dayValue(t.value)!;
        out.push({
          kind: 'date',
          article: a.id,
          sentence: s,
          start: t.start,
          end: t.end,
          value: day,
          display: weekday(day),
          subject: [...s.actions].slice(0, 3).join(' '),
          bucket: 'date',
        });
      }
    }
    return out;
  },
  sameFact(a, b) {
    const sa = a.sentence;
    const sb = b.sentence;
    const ta = textOutsideTimes(sa);
    const tb = textOutsideTimes(sb);
    if (REPEAT.test(ta) !== REPEAT.test(tb)) return false;
    if (FUTURE.test(ta) !== FUTURE.test(tb)) return false;
    // The same action, and enough of the rest to be sure it is the same occurrence.
    const actions = sharedCount(sa.actions, sb.actions);
    if (actions === 0) return false;
    const j = jaccard(sa.lemmas, sb.lemmas);
    const entities = sharedCount(sa.entities, sb.entities);
    return j >= 0.3 || (actions >= 2 && (j >= 0.18 || entities >= 1));
  },
  conflict(a, b) {
    return a.value !== b.value;
  },
  topic(claims) {
    const shared = [...claims[0].sentence.actions].filter((x) => claims.every((c) => c.sentence.actions.has(x)));
    return `date of the ${shared.slice(0, 3).join(' / ') || 'event'}`;
  },
};
