// Publication dates for undated articles, from what they say and what the dated articles of the
// same story say. Each clue bounds the writing date; an article gets a date only when its clues
// fix one day (basis "inferred"). A window of several days is no date: a guess inside it was
// wrong often enough to mislead a reader who sorts the coverage by day.
import type { Doc } from '../text/doc.js';
import { addDays, compareDates, daysBetween, formatDay, isoWeekday, isValidDate, valueDay, type CalDate } from './calendar.js';
import type { Candidate, Direction } from './candidate.js';
import { lexicon } from './lexicon.js';
import { isDatelineDate } from './dateline.js';

export interface Window {
  lo: CalDate | null;
  hi: CalDate | null;
  /** What the bound comes from, for the record. */
  why: string;
  /** The lower bound is only the week's reach of a weekday, not a fact ("Saturday, 7 June" ahead). */
  loSoft?: boolean;
  /** Likewise for the upper bound ("Monday's session" behind). */
  hiSoft?: boolean;
}

/** What inference reads of a detected expression. Plain data (no resolver function, no quote
 * region), so that an article's clues can be computed in a worker thread or read from a cache and
 * used later across articles; a detector's `Found` has this shape too. */
export interface TimeClue {
  cand: Pick<Candidate, 'start' | 'end' | 'type' | 'absolute' | 'relation' | 'namesWeekday'>;
  sentence: number;
  dir: Direction;
  value: string | null;
}

export interface DatedArticle {
  doc: Doc;
  found: TimeClue[];
}


const lemmaCache = new WeakMap<Doc, Map<number, Set<string>>>();

/** Content words of a sentence (lemmas of nouns, names, verbs, adjectives), minus the time words. */
function contentLemmas(doc: Doc, sentence: number, exclude: TimeClue[]): Set<string> {
  let perDoc = lemmaCache.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    lemmaCache.set(doc, perDoc);
  }
  const cached = perDoc.get(sentence);
  if (cached) return cached;
  const computed = computeContentLemmas(doc, sentence, exclude);
  perDoc.set(sentence, computed);
  return computed;
}

function computeContentLemmas(doc: Doc, sentence: number, exclude: TimeClue[]): Set<string> {
  const s = doc.sentences[sentence];
  const out = new Set<string>();
  if (!s) return out;
  const lx = lexicon();
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = doc.tokens[i];
    if (!/^(NOUN|PROPN|VERB|ADJ)$/.test(t.pos)) continue;
    if (exclude.some((f) => t.start >= f.cand.start && t.end <= f.cand.end)) continue;
    const lemma = t.lemma.toLowerCase();
    if (lemma.length < 3 || lx.speechSet.has(lemma) || /^(be|have|do|will|would|can|could|may|might|must|shall|should|get|make)$/.test(lemma)) continue;
    if (lemma in lx.weekdays || lemma in lx.months) continue;
    out.add(lemma);
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Lines that are a page's own date stamp ("Today: Tuesday, 3 June 2025") say when the page was
 * viewed, not written. */
function inPageStamp(doc: Doc, offset: number): boolean {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const head = doc.text.slice(lineStart, offset).toLowerCase();
  return lexicon().pageStampLabels.some((label) => head.trimStart().startsWith(label) && /^\s*[a-z ]+\s*[:|–-]/.test(head));
}

/** A line that labels the date after it as the publication ("Published", "Posted", "Filed") or
 * an update (which bounds the publication from above). */
function publicationLabel(doc: Doc, offset: number): 'published' | 'updated' | null {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const head = doc.text.slice(lineStart, offset);
  if (/^\s*(?:first\s+)?(?:published|posted|filed|dated|date|publication\s+date)\b[^\n]{0,24}$/i.test(head)) return 'published';
  if (/^\s*(?:last\s+)?(?:updated|modified|amended)\b[^\n]{0,24}$/i.test(head)) return 'updated';
  return null;
}

/** The year a month and day without one most likely belong to: the one nearest the batch's dates. */
function nearestYear(month: number, day: number, prior: CalDate): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const y of [prior.y - 1, prior.y, prior.y + 1]) {
    if (!isValidDate(y, month, day)) continue;
    const distance = Math.abs(daysBetween(prior, { y, m: month, d: day }));
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

/** Bounds from the article's own absolute dates: a past event happened before it was written,
 * an announced one lies ahead; a date that names its weekday is within a week of the writing. */
export function ownWindows(doc: Doc, found: TimeClue[], batchYears: number[], prior: CalDate | null = null): Window[] {
  const out: Window[] = [];
  for (const f of found) {
    if (inPageStamp(doc, f.cand.start)) continue;
    // "Published 3 June 2025", "First published on Tue 3 Jun 2025": the page says when.
    const label = publicationLabel(doc, f.cand.start);
    const labelled = label ? valueDay(f.value) : null;
    if (label && labelled) {
      const text = doc.text.slice(f.cand.start, f.cand.end);
      out.push(label === 'published' ? { lo: labelled, hi: labelled, why: `published "${text}"` } : { lo: null, hi: labelled, why: `updated "${text}"` });
      continue;
    }
    // A dateline is the day of writing; without its year, the batch's year nearest to it.
    if (f.cand.type === 'DATE' && isDatelineDate(doc.text, f.cand.start, f.cand.end)) {
      const text = doc.text.slice(f.cand.start, f.cand.end);
      let day = f.cand.absolute ? valueDay(f.value) : null;
      const rel = f.cand.relation;
      if (!day && rel?.kind === 'monthDay' && prior) {
        const y = nearestYear(rel.month, rel.day, prior);
        if (y !== null) day = { y, m: rel.month, d: rel.day };
      }
      if (day) {
        out.push({ lo: day, hi: day, why: `dateline "${text}"` });
        continue;
      }
    }
    let day: CalDate | null = null;
    let namesWeekday = false;
    if (f.cand.absolute && f.cand.type === 'DATE') {
      day = valueDay(f.value);
      namesWeekday = !!f.cand.namesWeekday;
    } else if (f.cand.relation?.kind === 'monthDay' && f.cand.relation.weekday !== null) {
      // "Saturday, 7 June": the year in which 7 June is a Saturday, among the batch's years.
      const { month, day: d, weekday } = f.cand.relation;
      const years = [...new Set(batchYears.flatMap((y) => [y - 1, y, y + 1]))].filter(
        (y) => isValidDate(y, month, d) && isoWeekday({ y, m: month, d }) === weekday,
      );
      if (years.length !== 1) continue;
      day = { y: years[0], m: month, d };
      namesWeekday = true;
    }
    if (!day) continue;
    const text = doc.text.slice(f.cand.start, f.cand.end);
    if (namesWeekday) {
      if (f.dir === 'future') out.push({ lo: addDays(day, -6), hi: addDays(day, -1), why: `"${text}" announced`, loSoft: true });
      else if (f.dir === 'past') out.push({ lo: day, hi: addDays(day, 6), why: `"${text}" reported`, hiSoft: true });
      else out.push({ lo: addDays(day, -6), hi: addDays(day, 6), why: `"${text}"`, loSoft: true, hiSoft: true });
    } else if (f.dir === 'past') out.push({ lo: day, hi: null, why: `"${text}" reported` });
    else if (f.dir === 'future') out.push({ lo: null, hi: day, why: `"${text}" announced` });
  }
  return out;
}

/** Bounds from the batch: a relative day here ("Monday's session", "yesterday's talks") that a
 * dated article dates, matched on the words the two sentences share. */
export function batchWindows(doc: Doc, found: TimeClue[], dated: DatedArticle[]): Window[] {
  const out: Window[] = [];
  // Every day the dated articles name, with the words of its sentence, computed once.
  const pool: { day: CalDate; weekday: number; words: Set<string> }[] = [];
  for (const d of dated) {
    for (const g of d.found) {
      const day = valueDay(g.value);
      if (!day || (g.cand.type !== 'DATE' && g.cand.type !== 'TIME')) continue;
      pool.push({ day, weekday: isoWeekday(day), words: contentLemmas(d.doc, g.sentence, d.found) });
    }
  }
  for (const f of found) {
    const rel = f.cand.relation;
    if (!rel || rel.kind === 'monthDay') continue;
    const here = contentLemmas(doc, f.sentence, found);
    if (here.size < 2) continue;
    let best = 0;
    let bestDays: CalDate[] = [];
    for (const { day, weekday, words } of pool) {
      if (rel.kind === 'weekday' && weekday !== rel.weekday) continue;
      const score = overlap(here, words);
      if (score < 2) continue;
      if (score > best) {
        best = score;
        bestDays = [day];
      } else if (score === best && !bestDays.some((x) => compareDates(x, day) === 0)) bestDays.push(day);
    }
    // Two outlets dating the matched happening differently: no clue from it.
    if (bestDays.length !== 1) continue;
    const day = bestDays[0];
    const text = doc.text.slice(f.cand.start, f.cand.end);
    const why = `"${text}" = ${formatDay(day)} in another article`;
    if (rel.kind === 'days') {
      const written = addDays(day, -rel.offset);
      out.push({ lo: written, hi: written, why });
    } else if (rel.strict === 'last') out.push({ lo: addDays(day, 1), hi: addDays(day, 7), why, hiSoft: true });
    else if (rel.strict === 'next') out.push({ lo: addDays(day, -7), hi: addDays(day, -1), why, loSoft: true });
    else if (f.dir === 'future') out.push({ lo: addDays(day, -6), hi: day, why, loSoft: true });
    else if (f.dir === 'past') out.push({ lo: day, hi: addDays(day, 6), why, hiSoft: true });
    // Without a tense the weekday was read as the nearer one: within three days either way.
    else out.push({ lo: addDays(day, -3), hi: addDays(day, 3), why, loSoft: true, hiSoft: true });
  }
  return out;
}

interface Bounds {
  lo: CalDate | null;
  hi: CalDate | null;
  loSoft: boolean;
  hiSoft: boolean;
}

function intersect(windows: Window[]): Bounds | null {
  const b: Bounds = { lo: null, hi: null, loSoft: false, hiSoft: false };
  for (const w of windows) {
    if (w.lo && (!b.lo || compareDates(w.lo, b.lo) > 0 || (compareDates(w.lo, b.lo) === 0 && !w.loSoft))) {
      b.lo = w.lo;
      b.loSoft = !!w.loSoft;
    }
    if (w.hi && (!b.hi || compareDates(w.hi, b.hi) < 0 || (compareDates(w.hi, b.hi) === 0 && !w.hiSoft))) {
      b.hi = w.hi;
      b.hiSoft = !!w.hiSoft;
    }
  }
  if (b.lo && b.hi && compareDates(b.lo, b.hi) > 0) return null;
  return b;
}

/** The inferred writing date: the one day the clues leave, or null. The batch's clues come first;
 * the article's own dates narrow them when they agree. */
export function inferPublished(own: Window[], batch: Window[]): CalDate | null {
  const candidates = [intersect([...batch, ...own]), batch.length > 0 ? intersect(batch) : null, batch.length === 0 ? intersect(own) : null];
  for (const c of candidates) {
    if (c?.lo && c.hi && compareDates(c.lo, c.hi) === 0) return c.lo;
  }
  return null;
}

/** The names an article uses (proper-noun lemmas, calendar words aside): what tells its story. */
export function storyWords(doc: Doc): Set<string> {
  const lx = lexicon();
  const out = new Set<string>();
  for (const t of doc.tokens) {
    if (t.pos !== 'PROPN' || !/^\p{L}{3,}$/u.test(t.text)) continue;
    const w = t.text.toLowerCase();
    if (w in lx.weekdays || w in lx.months) continue;
    out.add(w);
  }
  return out;
}

/** Two articles tell the same story when they share a good part of their names (at least three,
 * or all of a short article's). */
export function sameStory(a: Set<string>, b: Set<string>): boolean {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared > 0 && shared >= Math.min(3, Math.ceil(0.3 * small.size));
}

/** The median publication date of the dated articles. */
export function batchPrior(dates: CalDate[]): CalDate | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort(compareDates);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
