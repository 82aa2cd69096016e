// The date of one event as different outlets give it: "agreed on Tuesday" (→ 17th) in one,
// "at Wednesday's session" (→ 18th) in another. Works on the resolved values of the time stage, so
// "on Friday" and "this Friday" written on different days agree when they name the same day.
import type { Context, SentenceInfo } from './context.js';
import { differentPlaces, jaccard, sharedActions, sharedCount, stemsIn } from './context.js';
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

/** Tokens either side of a time expression read as the words about the dated event. */
const WINDOW = 12;

type DateClaim = FactClaim & { local: { lemmas: Set<string>; actions: Set<string>; text: string; repeat: boolean; future: boolean } };

/** The clause around a time expression: up to WINDOW tokens either side, stopping at a semicolon
 * or at another time expression (which dates something else). */
function localContext(ctx: Context, article: string, s: SentenceInfo, t: { start: number; end: number }): DateClaim['local'] {
  const a = ctx.byId.get(article)!;
  const toks = a.doc.tokens;
  const sent = a.doc.sentences[s.index];
  const others = s.times.filter((x) => x.start !== t.start);
  let first = sent.firstToken;
  let last = sent.endToken - 1;
  // First token of the sentence whose start (or end) reaches offset; binary search, because a
  // sentence without full stops can hold thousands of tokens and hundreds of dates.
  const tokenAt = (offset: number, byEnd = false): number => {
    let lo = sent.firstToken;
    let hi = sent.endToken;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byEnd ? toks[mid].end : toks[mid].start) >= offset) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(lo, sent.endToken - 1);
  };
  const at = tokenAt(t.start);
  const endAt = tokenAt(t.end, true);
  const otherAt = others.map((x) => tokenAt(x.start));
  // Words between two dates go to the nearer one.
  const nearerOther = (i: number): boolean => otherAt.some((xi) => Math.abs(xi - i) < Math.abs(i < at ? at - i : i - endAt));
  // Only words count toward the window, not punctuation.
  for (let i = at - 1, n = 0; i >= sent.firstToken; i--, n += toks[i + 1]?.pos === 'PUNCT' ? 0 : 1) {
    if (n >= WINDOW || toks[i].text === ';' || nearerOther(i) || others.some((x) => toks[i].start >= x.start && toks[i].end <= x.end)) {
      first = i + 1;
      break;
    }
  }
  for (let i = endAt + 1, n = 0; i < sent.endToken; i++, n += toks[i - 1]?.pos === 'PUNCT' ? 0 : 1) {
    if (n >= WINDOW || toks[i].text === ';' || nearerOther(i) || others.some((x) => toks[i].start >= x.start && toks[i].end <= x.end)) {
      last = i - 1;
      break;
    }
  }
  const from = toks[Math.max(first, sent.firstToken)].start;
  const to = toks[Math.min(last, sent.endToken - 1)].end;
  const stems = stemsIn(a.doc, from, to, s.times);
  // The words around the date, without the date itself ("next Tuesday" is not another round).
  const text = a.doc.text.slice(from, t.start) + ' ' + a.doc.text.slice(t.end, to);
  return { ...stems, text, repeat: REPEAT.test(text), future: FUTURE.test(text) };
}

export const dates: Detector = {
  kind: 'date',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const s of a.sentences) {
        for (const t of s.times) {
          if (t.type === 'DURATION' || t.type === 'SET') continue;
          const day = dayValue(t.value);
          if (!day) continue;
          // "TALVIK, Nov 18 (Meridian Press) -": the dateline dates the report, not an event.
          if (/^[\p{Lu}][\p{Lu} .'’-]*,\s*$/u.test(a.doc.text.slice(s.start, t.start))) continue;
          const local = localContext(ctx, a.id, s, t);
          if (local.actions.size === 0) continue;
          // A finished event dated after the article was published is a misread relative date
          // ("Tuesday's agreement" read forward from a Friday), not a claim the outlet made.
          const published = a.doc.article.published?.slice(0, 10);
          if (published && day > published && !local.future) continue;
          const claim: DateClaim = {
            kind: 'date',
            article: a.id,
            sentence: s,
            start: t.start,
            end: t.end,
            value: day,
            display: weekday(day),
            subject: [...local.actions].slice(0, 3).join(' '),
            bucket: 'date',
            local,
          };
          out.push(claim);
        }
      }
    }
    return out;
  },
  sameFact(a, b, ctx) {
    if (differentPlaces(ctx, a.sentence, b.sentence)) return false;
    const la = (a as DateClaim).local;
    const lb = (b as DateClaim).local;
    if (la.repeat !== lb.repeat || la.future !== lb.future) return false;
    // The same action next to the date, and enough of the rest to be sure it is the same occurrence.
    const actions = sharedActions(la, lb);
    if (actions === 0) return false;
    const local = sharedCount(la.lemmas, lb.lemmas);
    const j = jaccard(a.sentence.lemmas, b.sentence.lemmas);
    const entities = sharedCount(a.sentence.entities, b.sentence.entities);
    return local >= 3 || (local >= 2 && (j >= 0.15 || entities >= 1)) || j >= 0.35;
  },
  conflict(a, b) {
    return a.value !== b.value;
  },
  // sameFact needs an action of one among the other's words, so a shared word is necessary; the
  // sentence-level fallback (j ≥ 0.35) implies one too.
  blockKeys: (c) => new Set([...(c as DateClaim).local.lemmas, ...c.sentence.lemmas]),
  topic(claims) {
    const locals = claims.map((c) => (c as DateClaim).local);
    const shared = [...locals[0].actions].filter((x) => locals.every((l) => l.actions.has(x)));
    const words = shared.map((stemmed) => wordFor(claims, stemmed));
    return words.length ? `date of the event (${words.slice(0, 3).map((w) => `“${w}”`).join(', ')})` : 'date of the event';
  },
};

/** The word in the text behind a stem, for a readable topic. */
function wordFor(claims: FactClaim[], stemmed: string): string {
  for (const c of claims) {
    const m = new RegExp(`\\b(${stemmed}\\w*)`, 'i').exec(c.sentence.text);
    if (m) return m[1].toLowerCase();
  }
  return stemmed;
}
