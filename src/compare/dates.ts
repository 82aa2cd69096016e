// The date of one event as different outlets give it: "agreed on Tuesday" (→ 17th) in one,
// "at Wednesday's session" (→ 18th) in another. Works on the resolved values of the time stage, so
// "on Friday" and "this Friday" written on different days agree when they name the same day.
import type { Context, SentenceInfo } from './context.js';
import { contentStem, differentPlaces, isAction, jaccard, sharedActions, sharedCount, stemsIn } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { happeningAt, sameHappening, sameVerb, type Happening } from './happening.js';
import { tokenIndexAt } from '../text/doc.js';

/** Words that mark another occurrence of the same kind of event: a date on "talks resume" is not
 * the date of the talks that began. */
const REPEAT = /\b(again|resume[ds]?|resuming|next|another|second|third|further|follow-up|new round|re-?convene)\b/i;
const FUTURE = /\b(will|shall|would|'ll|is due|are due|is expected|are expected|is scheduled|are scheduled|is set to|are set to|plans? to|planned)\b/i;

// One formatter, made once (toLocaleDateString builds one per call).
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function weekday(day: string): string {
  return DAY_FORMAT.format(new Date(`${day}T12:00:00Z`));
}

/** Tokens either side of a time expression read as the words about the dated event. */
const WINDOW = 12;

type DateClaim = FactClaim & { local: { lemmas: Set<string>; actions: Set<string>; eventNouns: Set<string>; text: string; repeat: boolean; future: boolean } };

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
  const eventNouns = new Set<string>();
  for (let i = Math.max(first, sent.firstToken); i <= Math.min(last, sent.endToken - 1); i++) {
    const tok = toks[i];
    if (tok.pos !== 'NOUN' || !isAction(tok)) continue;
    const st = contentStem(tok);
    if (st) eventNouns.add(st);
  }
  // The words around the date, without the date itself ("next Tuesday" is not another round).
  const text = a.doc.text.slice(from, t.start) + ' ' + a.doc.text.slice(t.end, to);
  return { ...stems, eventNouns, text, repeat: REPEAT.test(text), future: FUTURE.test(text) };
}

/** What a time expression fixes, at each grain it fixes it: a day, a weekday named in the text
 * (which stays comparable when no publication date resolves it), a month, a year, a decade. */
export interface When {
  day: string | null;
  weekday: string | null;
  month: string | null;
  year: string | null;
  decade: string | null;
  /** The time of day as a range of minutes after midnight ("8.40pm" → [1235, 1245] with "about";
   * "Tuesday afternoon" → [720, 1080]), and the zone it is written in ("GMT", or "" for local). */
  clock?: { from: number; to: number; zone: string; exact: boolean } | null;
}

const PARTS_OF_DAY: Record<string, [number, number]> = {
  morning: [300, 720],
  afternoon: [720, 1080],
  evening: [1020, 1320],
  night: [1200, 1740],
  tonight: [1080, 1740],
  midnight: [1410, 1470],
  noon: [690, 750],
  midday: [690, 750],
};

/** A clock time in text: "8.40pm", "3: 30 p. m.", "2045 GMT", "08:30", "midnight", "Tuesday
 * afternoon", with "about", "shortly after/before", "just after". */
export function clockOf(text: string): When['clock'] {
  const lower = text.toLowerCase();
  let from: number | null = null;
  let exact = false;
  let zone = /\b(gmt|utc)\b/.test(lower) ? 'GMT' : /\blocal time\b/.test(lower) ? '' : '';
  let m: RegExpExecArray | null;
  if ((m = /\b(\d{1,2})(?:\s?[:.]\s?(\d{2}))?\s?([ap])\.?\s?m\b\.?/.exec(lower))) {
    let h = Number(m[1]) % 12;
    if (m[3] === 'p') h += 12;
    from = h * 60 + Number(m[2] ?? 0);
    exact = m[2] !== undefined;
  } else if ((m = /\b([01]?\d|2[0-3])[:.]?\s?([0-5]\d)\s?(gmt|utc|hrs|h\b|local)/.exec(lower)) || (m = /\b([01]\d|2[0-3])\s?:\s?([0-5]\d)\b/.exec(lower))) {
    from = Number(m[1]) * 60 + Number(m[2]);
    exact = true;
    if (m[3] && /gmt|utc/.test(m[3])) zone = 'GMT';
  }
  if (from === null) {
    const part = /\b(morning|afternoon|evening|night|tonight|midnight|noon|midday)\b/.exec(lower);
    if (!part) return null;
    const [a, b] = PARTS_OF_DAY[part[1]];
    return { from: a, to: b, zone, exact: false };
  }
  let lo = from;
  let hi = from;
  const round = from % 60 === 0 || from % 30 === 0;
  // "3:30" may round "3:33": a time on the quarter hour allows a few minutes.
  if (exact && from % 15 === 0) {
    lo -= 5;
    hi += 5;
  }
  if (/\b(about|around|approximately|roughly|some time|sometime)\b/.test(lower)) {
    lo -= round ? 30 : 5;
    hi += round ? 30 : 5;
  }
  if (/\b(shortly|just|soon) after\b/.test(lower)) hi += 20;
  else if (/\b(shortly|just) before\b/.test(lower)) lo -= 20;
  else if (/\bafter\b/.test(lower)) hi += 120;
  else if (/\bbefore\b/.test(lower)) lo -= 120;
  return { from: lo, to: hi, zone, exact };
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_SHORT: Record<string, string> = { sun: 'sunday', mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', thu: 'thursday', thur: 'thursday', thurs: 'thursday', fri: 'friday', sat: 'saturday' };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function whenOf(value: string | null, text: string): When | null {
  const w: When = { day: null, weekday: null, month: null, year: null, decade: null };
  const v = value ?? '';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v))) {
    w.day = m[0];
    w.month = `${m[1]}-${m[2]}`;
    w.year = m[1];
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    w.month = m[0];
    w.year = m[1];
  } else if ((m = /^(\d{4})$/.exec(v))) w.year = m[1];
  else if ((m = /^(\d{3})(X|0s)$/.exec(v))) w.decade = m[1];
  const lower = text.toLowerCase();
  const named = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\b\.?/.exec(lower);
  if (named) w.weekday = WEEKDAY_SHORT[named[1]] ?? named[1];
  else if (w.day) w.weekday = WEEKDAYS[new Date(`${w.day}T12:00:00Z`).getUTCDay()];
  if (!w.month) {
    const month = new RegExp(`\\b(${MONTHS.join('|')})\\b`).exec(lower);
    if (month) w.month = `${w.year ?? '----'}-${String(MONTHS.indexOf(month[1]) + 1).padStart(2, '0')}`;
  }
  const t = /T(\d{2}):(\d{2})/.exec(v);
  w.clock = clockOf(text) ?? (t ? { from: Number(t[1]) * 60 + Number(t[2]), to: Number(t[1]) * 60 + Number(t[2]), zone: /Z$/.test(v) ? 'GMT' : '', exact: true } : null);
  // Relative words the time stage could not resolve ("yesterday", "last week") fix nothing comparable.
  if (!w.day && !w.weekday && !w.month && !w.year && !w.decade && !w.clock) return null;
  return w;
}

/** Whether two dates for one happening cannot both be right. Compatible precision ("1950" and
 * "October 1950", "the 1940s" and 1947) is not a conflict. */
export function whenConflict(a: When, b: When): boolean {
  // Two times of day in one zone, with at least one a clock time, that cannot both hold.
  if (a.clock && b.clock && a.clock.zone === b.clock.zone && (a.clock.exact || b.clock.exact) && !dayConflict(a, b) && sameDayOrUnknown(a, b)) {
    const overlap = (x: { from: number; to: number }, y: { from: number; to: number }): boolean => x.from <= y.to && y.from <= x.to;
    const shift = (x: { from: number; to: number }, d: number) => ({ from: x.from + d, to: x.to + d });
    if (!overlap(a.clock, b.clock) && !overlap(shift(a.clock, 1440), b.clock) && !overlap(a.clock, shift(b.clock, 1440))) return true;
  }
  return dayConflict(a, b);
}

function sameDayOrUnknown(a: When, b: When): boolean {
  return !(a.day && b.day && a.day !== b.day) && !(a.weekday && b.weekday && a.weekday !== b.weekday);
}

function dayConflict(a: When, b: When): boolean {
  if (a.day && b.day) return a.day !== b.day;
  if (a.weekday && b.weekday && a.weekday !== b.weekday) return true;
  if (a.year && b.year && a.year !== b.year) return true;
  if (a.decade && b.year && !b.year.startsWith(a.decade)) return true;
  if (b.decade && a.year && !a.year.startsWith(b.decade)) return true;
  if (a.month && b.month && (a.year === b.year || !a.year || !b.year) && a.month.slice(-2) !== b.month.slice(-2)) return true;
  return false;
}

function describeWhen(w: When, text: string): string {
  if (w.day && !w.clock) return weekday(w.day);
  const t = text.trim().replace(/^(on|in|at|by|from|during)\s+/i, '');
  return t;
}

const CLOCK = /\b\d{1,2}(?:\s?[:.]\s?\d{2})?\s?[ap]\.?\s?m\b\.?|\b(?:[01]?\d|2[0-3])[:.]?\s?[0-5]\d\s?(?:GMT|UTC)\b/gi;

/** Clock times in a sentence that the time stage left out ("3: 30 p. m.", "8.40pm"). */
function clockTimes(text: string, s: SentenceInfo): SentenceInfo['times'] {
  const out: SentenceInfo['times'] = [];
  const body = text.slice(s.start, s.end);
  for (const m of body.matchAll(CLOCK)) {
    const start = s.start + m.index!;
    const end = start + m[0].length;
    if (s.times.some((t) => t.start < end && start < t.end)) continue;
    out.push({ article: s.article, start, end, text: m[0], value: null, anchor: null, type: 'TIME' });
  }
  return out;
}

type WhenClaim = DateClaim & { when: When; happening: Happening; grain: 'clock' | 'day' | 'weekday' | 'month' | 'year' };

export const dates: Detector = {
  kind: 'date',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    for (const a of ctx.articles) {
      for (const s of a.sentences) {
        for (const t of [...s.times, ...clockTimes(a.doc.text, s)]) {
          if (t.type === 'DURATION' || t.type === 'SET') continue;
          const text = a.doc.text.slice(t.start, t.end);
          const when = whenOf(t.value, text);
          if (!when) continue;
          // A page's own time stamp ("Updated 8:52 PM") dates the page, not a happening.
          if (/\b(updated|posted|published|modified|edited|last update)\b[^.]{0,30}$/i.test(a.doc.text.slice(Math.max(s.start, t.start - 40), t.start))) continue;
          // "about 8.40pm", "shortly after 3 p.m.": the words before the time belong to it.
          if (when.clock) when.clock = clockOf(a.doc.text.slice(Math.max(s.start, t.start - 16), t.end)) ?? when.clock;
          // "TALVIK, Nov 18 (Meridian Press) -": the dateline dates the report, not an event.
          if (/^[\p{Lu}][\p{Lu} .'’-]*,\s*$/u.test(a.doc.text.slice(s.start, t.start))) continue;
          // A heading or a date line standing alone dates the page.
          if (s.end - s.start < t.end - t.start + 25 && !/\b(on|in|at)\b/i.test(s.text)) continue;
          const local = localContext(ctx, a.id, s, t);
          if (local.actions.size === 0) continue;
          // A finished event dated after the article was published is a misread relative date
          // ("Tuesday's agreement" read forward from a Friday), not a claim the outlet made.
          const published = a.doc.article.published?.slice(0, 10);
          if (when.day && published && when.day > published && !local.future) continue;
          const grain = when.clock?.exact ? 'clock' : when.day ? 'day' : when.weekday ? 'weekday' : when.month && !when.month.startsWith('-') ? 'month' : when.year || when.decade ? 'year' : when.clock ? 'clock' : 'month';
          const claim: WhenClaim = {
            kind: 'date',
            article: a.id,
            sentence: s,
            start: t.start,
            end: t.end,
            value: `${when.day ?? ''}|${when.weekday ?? ''}|${when.month ?? ''}|${when.year ?? when.decade ?? ''}|${when.clock ? `${when.clock.from}-${when.clock.to}${when.clock.zone}` : ''}`,
            display: describeWhen(when, text),
            subject: [...local.actions].slice(0, 3).join(' '),
            bucket: 'date',
            local,
            when,
            grain,
            happening: happeningAt(ctx, a, tokenIndexAt(a.doc, t.start)),
          };
          out.push(claim);
        }
      }
    }
    return out;
  },
  sameFact(a, b, ctx) {
    if (differentPlaces(ctx, a.sentence, b.sentence)) return false;
    const ca = a as WhenClaim;
    const cb = b as WhenClaim;
    const la = ca.local;
    const lb = cb.local;
    if (la.repeat !== lb.repeat || la.future !== lb.future) return false;
    const h = sameHappening(ctx, ca.happening, cb.happening, a.sentence, b.sentence);
    // Two different actors for the same verb: two happenings.
    if (sameVerb(ca.happening, cb.happening) && !h.same && !h.subject && ca.happening.subject && cb.happening.subject) return false;
    if (h.same) return true;
    // A year or a month alone dates many things in a life; it takes the same verb said of the
    // same actor (above) to be one happening.
    if (ca.grain === 'year' || cb.grain === 'year' || ca.grain === 'month' || cb.grain === 'month') return false;
    // The same action next to the date, and enough of the rest to be sure it is the same occurrence.
    const actions = sharedActions(la, lb);
    if (actions === 0) return false;
    const local = sharedCount(la.lemmas, lb.lemmas);
    const j = jaccard(a.sentence.lemmas, b.sentence.lemmas);
    const entities = sharedCount(a.sentence.entities, b.sentence.entities);
    // Without the grammar's tie (the same verb said of the same actor or object), the dates must
    // sit next to the same named event ("a vote on Tuesday" / "Thursday's vote") with more words
    // in common, or the sentences must be near copies.
    const eventNoun = [...la.eventNouns].some((n) => lb.eventNouns.has(n));
    return (eventNoun && (local >= 2 || (sameVerb(ca.happening, cb.happening) && local >= 1))) || (sameVerb(ca.happening, cb.happening) && local >= 2 && entities >= 1) || j >= 0.4;
  },
  linkage: 'average',
  linkStrength(a, b, ctx) {
    const ca = a as WhenClaim;
    const cb = b as WhenClaim;
    const h = sameHappening(ctx, ca.happening, cb.happening, a.sentence, b.sentence);
    return (h.same ? 3 : 0) + (sameVerb(ca.happening, cb.happening) ? 1 : 0) + sharedCount(ca.local.lemmas, cb.local.lemmas) * 0.5 + jaccard(a.sentence.lemmas, b.sentence.lemmas) * 2;
  },
  conflict(a, b) {
    return whenConflict((a as WhenClaim).when, (b as WhenClaim).when);
  },
  // sameFact needs an action of one among the other's words, or the same verb, so a shared word
  // is necessary; the sentence-level fallback (j ≥ 0.35) implies one too.
  blockKeys: (c) => new Set([...(c as DateClaim).local.lemmas, ...c.sentence.lemmas, `verb:${(c as WhenClaim).happening.verb}`]),
  topic(claims) {
    const locals = claims.map((c) => (c as DateClaim).local);
    const shared = [...locals[0].actions].filter((x) => locals.every((l) => l.actions.has(x)));
    const verb = (claims[0] as WhenClaim).happening.verb;
    const stems = shared.length ? shared : verb && claims.every((c) => (c as WhenClaim).happening.verbs.has(verb)) ? [verb] : [];
    const words = stems.map((stemmed) => wordFor(claims, stemmed));
    return words.length ? `date of the event (${words.slice(0, 3).map((w) => `“${w}”`).join(', ')})` : 'date of the event';
  },
  pairFeatures(a, b, ctx) {
    const ca = a as WhenClaim;
    const cb = b as WhenClaim;
    const h = sameHappening(ctx, ca.happening, cb.happening, a.sentence, b.sentence);
    const grains = [ca.grain, cb.grain].sort().join('-');
    return {
      [`date:grain:${grains}`]: 1,
      'link:sameVerb': sameVerb(ca.happening, cb.happening) ? 1 : 0,
      'link:sameActor': h.subject ? 1 : 0,
      'link:sameObject': h.object ? 1 : 0,
      'link:pronoun': ca.happening.pronoun || cb.happening.pronoun ? 1 : 0,
      'link:localWords': Math.min(sharedCount(ca.local.lemmas, cb.local.lemmas), 6) / 6,
      // The date of a named event ("Thursday's vote", "a vote on Tuesday") in both.
      'date:sameEventNoun': [...ca.local.eventNouns].some((n) => cb.local.eventNouns.has(n)) ? 1 : 0,
    };
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
