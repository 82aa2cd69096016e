// One article: run the rule units over every sentence, keep the best non-overlapping spans,
// and resolve each against its anchor (publication date, or when a quote was spoken).
import { tokenIndexAt, type Doc } from '../text/doc.js';
import type { TimeAnnotation } from '../annotations.js';
import { compareDates, formatDay, isValidDate, valueDay, valueStart, type CalDate } from './calendar.js';
import type { Candidate, Direction, Scan } from './candidate.js';
import { tenseAt } from './tense.js';
import { nominalTense } from './nominal.js';
import { lexicon } from './lexicon.js';
import { findQuoteRegions, isSpeechTime, regionAt, type QuoteRegion } from './quotes.js';
import { ago } from './rules/ago.js';
import { anaphora } from './rules/anaphora.js';
import { dayparts } from './rules/dayparts.js';
import { holidays } from './rules/holidays.js';
import { ranges } from './rules/ranges.js';
import { fiscal } from './rules/fiscal.js';
import { deictic } from './rules/deictic.js';
import { durations } from './rules/durations.js';
import { monthDates } from './rules/dates.js';
import { numericDates } from './rules/numeric.js';
import { periods } from './rules/periods.js';
import { refs } from './rules/refs.js';
import { sets } from './rules/sets.js';
import { textual } from './rules/textual.js';
import { clockSuffix, times } from './rules/times.js';
import { weekdays } from './rules/weekdays.js';
import { years } from './rules/years.js';

export const RULES: ((scan: Scan) => Candidate[])[] = [
  monthDates, numericDates, weekdays, deictic, periods, ago, years, durations, sets, times, textual, refs, anaphora, dayparts, holidays, ranges, fiscal,
];

/** A detected expression with what resolution needs. */
export interface Found {
  cand: Candidate;
  sentence: number;
  paragraph: number;
  dir: Direction;
  strong: boolean;
  /** Modifies a finished happening ("Tuesday's agreement"): never after its anchor. */
  finished?: boolean;
  /** The quote it sits in, if any. */
  quote: QuoteRegion | null;
  value: string | null;
  anchor: TimeAnnotation['anchor'];
}

/** Longest span first; among equals the higher priority; nothing overlaps what is kept. */
export function selectCandidates(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// Words before a calendar period that narrow it without changing its TIMEX3 value
// ("early 2020" → 2020, "the end of June" → June's value).
const MODIFIER_BEFORE = /(?:\b(?:(?:early|late)\s+(?:in|on)|early|mid|late|earlier|later|the\s+(?:end|start|beginning|middle|turn|close|rest|remainder|course)\s+of|the\s+(?:first|last|final)\s+(?:days?|weeks?)\s+of)\s+|\bmid-)$/i;

function extendModifiers(text: string, c: Candidate): Candidate {
  if (c.type !== 'DATE' || c.rule === 'durations') return c;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  const m = MODIFIER_BEFORE.exec(before);
  if (!m) return c;
  return { ...c, start: c.start - m[0].length };
}

/** A clock time takes the date right next to it: merged into one span when only a comma or
 * space separates them ("12:00 UTC Monday"), linked when a preposition does ("Friday at 9pm"). */
function attachTimes(text: string, kept: Candidate[]): { cands: Candidate[]; dateOf: Map<Candidate, Candidate> } {
  const out: Candidate[] = [];
  const dateOf = new Map<Candidate, Candidate>();
  const isDay = (c: Candidate | undefined): c is Candidate => !!c && c.type === 'DATE' && (c.rule === 'dates' || c.rule === 'weekdays' || c.rule === 'deictic' || c.rule === 'numeric' || c.rule === 'textual');
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i];
    if (!c.timeOnly) {
      out.push(c);
      continue;
    }
    const prev = out[out.length - 1];
    const next = kept[i + 1];
    const gapBefore = prev ? text.slice(prev.end, c.start) : null;
    const gapAfter = next ? text.slice(c.end, next.start) : null;
    const timeOnly = c.timeOnly;
    const merge = (date: Candidate, start: number, end: number): Candidate => ({
      ...date, start, end, type: 'TIME', timeOnly: undefined, rule: `${date.rule}+times`,
      resolve: (ctx) => {
        const v = date.resolve(ctx);
        const day = v && /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0];
        return day ? day + clockSuffix(timeOnly) : null;
      },
    });
    if (isDay(prev) && gapBefore !== null && /^\s*$/.test(gapBefore)) {
      out[out.length - 1] = merge(prev, prev.start, c.end);
      continue;
    }
    if (isDay(next) && gapAfter !== null && /^\s+$/.test(gapAfter)) {
      out.push(merge(next, c.start, next.end));
      i++;
      continue;
    }
    if (isDay(prev) && gapBefore !== null && /^[\s,]*((at|from|by|until|around)\s+)?$/i.test(gapBefore)) dateOf.set(c, prev);
    else if (isDay(next) && gapAfter !== null && /^[\s,]*((on|of)\s+)?$/i.test(gapAfter)) dateOf.set(c, next);
    out.push(c);
  }
  return { cands: out, dateOf };
}

/** Detect the expressions of a Doc (no values yet). */
export function detect(doc: Doc): { found: Found[]; dateOf: Map<Candidate, Candidate>; quotes: QuoteRegion[] } {
  const cands: Candidate[] = [];
  const sentenceOf = new Map<Candidate, number>();
  doc.sentences.forEach((s, i) => {
    const scan: Scan = { text: doc.text, start: s.start, end: s.end };
    for (const rule of RULES) {
      for (const c of rule(scan)) {
        cands.push(c);
        sentenceOf.set(c, i);
      }
    }
  });
  const kept = selectCandidates(cands).map((c) => {
    const e = extendModifiers(doc.text, c);
    sentenceOf.set(e, sentenceOf.get(c) ?? 0);
    return e;
  });
  const { cands: attached, dateOf } = attachTimes(doc.text, kept);
  const quotes = findQuoteRegions(doc);
  const found = attached.map((c) => {
    const sentence = sentenceOf.get(c) ?? doc.tokens.find((t) => t.start >= c.start)?.sentence ?? 0;
    const tense = nominalTense(doc, sentence, c) ?? { ...tenseAt(doc, sentence, c.start, c.end), finished: false };
    return { cand: c, sentence, paragraph: doc.sentences[sentence]?.paragraph ?? -1, dir: tense.dir, strong: tense.strong, finished: tense.finished, quote: regionAt(quotes, c.start, c.end), value: null, anchor: null };
  });
  return { found, dateOf, quotes };
}

/** Resolve detected expressions in text order. `quoteAnchor` gives the day a quote was spoken. */
export function resolveFound(
  found: Found[],
  dateOf: Map<Candidate, Candidate>,
  published: CalDate | null,
  quoteAnchor: Map<QuoteRegion, CalDate> = new Map(),
): void {
  const valueOf = new Map<Candidate, string | null>();
  const anchorOf = new Map<Candidate, TimeAnnotation['anchor']>();
  // Clock times read the value of a date that may come after them ("09:40 UTC, March 3rd"):
  // dates first, then times. Both passes walk the text in order to know the last date named.
  for (const timesPass of [false, true]) {
    let previous: CalDate | null = null;
    let previousValue: string | null = null;
    let near: { value: string; sentence: number; paragraph: number } | null = null;
    for (const f of found) {
      const c = f.cand;
      if (timesPass === !!c.timeOnly) {
        const spoken = f.quote ? quoteAnchor.get(f.quote) ?? null : null;
        const previousNear = near && (near.paragraph === f.paragraph || near.sentence >= f.sentence - 1) ? near.value : null;
        const r = resolveOne(f, found, dateOf, valueOf, anchorOf, spoken ?? published, spoken ? 'text' : 'published', previous, previousValue, previousNear);
        f.value = r.value;
        f.anchor = r.anchor;
        valueOf.set(c, r.value);
        anchorOf.set(c, r.anchor);
      }
      const v = valueOf.get(c) ?? null;
      const day = valueDay(v);
      if (day && (c.type === 'DATE' || c.type === 'TIME')) previous = day;
      if (c.type === 'DATE' && valueStart(v)) previousValue = v;
      if (v && (c.type === 'DATE' || c.type === 'TIME') && valueStart(v)) near = { value: day && c.type === 'TIME' ? formatDay(day) : v, sentence: f.sentence, paragraph: f.paragraph };
    }
  }
}

/** The value of one expression and what it was resolved against. */
function resolveOne(
  f: Found,
  found: Found[],
  dateOf: Map<Candidate, Candidate>,
  valueOf: Map<Candidate, string | null>,
  anchorOf: Map<Candidate, TimeAnnotation['anchor']>,
  anchor: CalDate | null,
  anchorKind: 'text' | 'published',
  previous: CalDate | null,
  previousValue: string | null,
  previousNear: string | null,
): { value: string | null; anchor: TimeAnnotation['anchor'] } {
  const c = f.cand;
  const ctx = { anchor, dir: f.dir, strong: f.strong, previous, previousValue, previousNear };
  if (c.absolute) return { value: c.resolve(ctx), anchor: 'absolute' };
  if (c.timeOnly) {
    // The day next to the time, else the nearest day named in the same sentence
    // ("made its first flight Tuesday in Everett at 18:00 UTC"), else the anchor's day.
    const linked = dateOf.get(c) ?? sameSentenceDay(found, f, valueOf);
    const linkedDay = linked ? valueDay(valueOf.get(linked) ?? null) : null;
    const day = linkedDay ?? anchor;
    if (!day) return { value: null, anchor: null };
    // A time on a named day counts from whatever that day counted from.
    return { value: formatDay(day) + clockSuffix(c.timeOnly), anchor: linked && linkedDay ? anchorOf.get(linked) ?? anchorKind : anchorKind };
  }
  if (c.textual) {
    // "the same day" needs a day named before it; failing that, the anchor's day.
    const value = c.resolve({ ...ctx, previous: previous ?? anchor });
    return { value, anchor: value === null ? null : previous || c.rule === 'textual-period' || c.rule === 'anaphora' ? 'text' : anchorKind };
  }
  let value = anchor ? c.resolve(ctx) : null;
  if (f.finished && anchor) value = notAfter(value, anchor);
  return { value, anchor: value === null ? null : anchorKind };
}

/** A finished happening's day without a year moved to its most recent occurrence on or before
 * the anchor (a weekday in a past reading already is). */
function notAfter(value: string | null, anchor: CalDate): string | null {
  const day = valueDay(value);
  if (!value || !day || compareDates(day, anchor) <= 0) return value;
  const y = day.y - 1;
  return isValidDate(y, day.m, day.d) ? formatDay({ y, m: day.m, d: day.d }) + value.slice(10) : null;
}

function sameSentenceDay(found: Found[], f: Found, valueOf: Map<Candidate, string | null>): Candidate | undefined {
  let best: Candidate | undefined;
  let bestDistance = Infinity;
  for (const g of found) {
    if (g === f || g.sentence !== f.sentence || g.cand.type !== 'DATE' || !valueDay(valueOf.get(g.cand) ?? null)) continue;
    const distance = Math.abs(g.cand.start - f.cand.start);
    if (distance < bestDistance) {
      best = g.cand;
      bestDistance = distance;
    }
  }
  return best;
}

/** Days on which quotes were spoken, where the text says so: a day-precision expression
 * outside the quote, next to a speech verb, in the quote's sentence or the one before it. */
export function quoteAnchors(doc: Doc, found: Found[], quotes: QuoteRegion[]): Map<QuoteRegion, CalDate> {
  const out = new Map<QuoteRegion, CalDate>();
  const speechTimes = found.filter((f) => !f.quote && valueDay(f.value) && (f.cand.type === 'DATE' || f.cand.type === 'TIME') && isSpeechTime(doc, f.cand.start, f.cand.end, quotes));
  if (speechTimes.length === 0) return out;
  for (const q of quotes) {
    const qs = doc.tokens[Math.min(doc.tokens.length - 1, Math.max(0, tokenIndexAt(doc, q.start)))]?.sentence ?? -1;
    const qe = doc.tokens[Math.max(0, tokenIndexAt(doc, q.end) - 1)]?.sentence ?? -1;
    const para = doc.sentences[qs]?.paragraph;
    // The sentence before counts only when the quote's own sentence names no speaker act
    // ('He said on Tuesday: "…"'), not when it has its own ('"…," she told reporters').
    const ownCue = hasSpeechVerbOutside(doc, qs, qe, quotes);
    let best: Found | null = null;
    let bestDistance = Infinity;
    for (const f of speechTimes) {
      if (f.sentence < (ownCue ? qs : qs - 1) || f.sentence > qe + (ownCue ? 0 : 1)) continue;
      if (doc.sentences[f.sentence]?.paragraph !== para && f.sentence !== qs - 1) continue;
      const distance = f.cand.start >= q.end ? f.cand.start - q.end : q.start - f.cand.end;
      if (distance < bestDistance) {
        best = f;
        bestDistance = distance;
      }
    }
    const day = best ? valueDay(best.value) : null;
    if (day) out.set(q, day);
  }
  return out;
}

function hasSpeechVerbOutside(doc: Doc, from: number, to: number, quotes: QuoteRegion[]): boolean {
  const speech = lexicon().speechSet;
  for (let s = from; s <= to; s++) {
    const sentence = doc.sentences[s];
    if (!sentence) continue;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const t = doc.tokens[i];
      if (t.pos === 'VERB' && speech.has(t.lemma) && !regionAt(quotes, t.start, t.end)) return true;
    }
  }
  return false;
}


/** Detect and resolve an article's time expressions against `published` (null: relative
 * expressions stay unresolved). */
export function annotateDoc(doc: Doc, published: CalDate | null): { annotations: TimeAnnotation[]; found: Found[] } {
  const { found, dateOf, quotes } = detect(doc);
  resolveFound(found, dateOf, published);
  const anchors = quoteAnchors(doc, found, quotes);
  if (anchors.size > 0) resolveFound(found, dateOf, published, anchors);
  const annotations = found.map((f) => ({
    start: f.cand.start,
    end: f.cand.end,
    text: doc.text.slice(f.cand.start, f.cand.end),
    type: f.cand.type,
    value: f.value,
    anchor: f.anchor,
  }));
  return { annotations, found };
}
