// The brief's timeline: the dated events and statements of all articles in one order, each with
// every article that reports it. A happening two outlets date differently stays two entries
// (compare/ turns that into a discrepancy); the same happening on the same date is one entry.
import type { Brief, Span } from '../types.js';
import { valueStart } from './calendar.js';
import { datelinePrefix, isDatelineDate } from './dateline.js';
import { minShared, Rarity } from '../util/blocking.js';

export interface TimelineEntry {
  /** TIMEX3 value. */
  date: string;
  /** The sentence, or the clause of it that carries the date. */
  text: string;
  /** Every article reporting it: the passage in each. */
  evidence: Span[];
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Prof|Pres|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs|etc|Inc|Ltd|Co|Corp|Jr|Sr|Mt|Ft|approx)|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z])\.$/;

/** Bounds of the sentence holding `offset`, from the text alone (no Doc is at hand here). */
export function sentenceBounds(text: string, offset: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  let start = lineStart;
  let end = lineEnd;
  const boundary = /[.!?]["”’)\]]*\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  const line = text.slice(lineStart, lineEnd);
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const stop = lineStart + m.index + m[0].trimEnd().length;
    const head = text.slice(Math.max(lineStart, lineStart + m.index - 12), lineStart + m.index + 1);
    if (ABBREVIATION.test(head)) continue;
    const next = lineStart + m.index + m[0].length;
    if (next <= offset) start = next;
    else if (stop >= offset) {
      end = stop;
      break;
    }
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The clause around [start, end) inside a sentence shared with other dated expressions: cut at
 * the punctuation between this expression and its neighbours. */
function clauseBounds(text: string, sentence: { start: number; end: number }, expr: { start: number; end: number }, others: { start: number; end: number }[]): { start: number; end: number } {
  let from = sentence.start;
  let to = sentence.end;
  for (const o of others) {
    if (o.end <= expr.start && o.end > from) {
      const gap = text.slice(o.end, expr.start);
      const cut = Math.max(gap.lastIndexOf(','), gap.lastIndexOf(';'), gap.lastIndexOf('—'), gap.lastIndexOf('–'), gap.lastIndexOf(':'));
      if (cut >= 0) from = Math.max(from, o.end + cut + 1);
    }
    if (o.start >= expr.end && o.start < to) {
      // The cut nearest the other date keeps this date's predicate: "In January, a truce took
      // effect, | but it collapsed in March".
      const gap = text.slice(expr.end, o.start);
      const cut = Math.max(gap.lastIndexOf(','), gap.lastIndexOf(';'), gap.lastIndexOf('—'), gap.lastIndexOf('–'), gap.lastIndexOf(':'));
      if (cut >= 0) to = Math.min(to, expr.end + cut);
    }
  }
  while (from < to && /[\s,;:—–]/.test(text[from])) from++;
  while (to > from && /[\s,;:—–]/.test(text[to - 1])) to--;
  return { start: from, end: to };
}

const STOP = new Set(
  'the a an and or but of to in on at by for from with as is are was were be been has have had will would could should may might that this these those it its their his her they he she we our said says say told after before over into than then also not no about more most which who whom what when where while there here'.split(' '),
);

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.replace(/(?:'s|’s|ies|es|s|ed|ing)$/, ''));
  }
  return out;
}

/** Two passages describe the same happening when they share most of the shorter one's words.
 * (The timeline decides this through HappeningIndex, which gives the same answers.) */
export function sameHappening(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= 3 && shared / Math.min(a.size, b.size) >= 0.5;
}

/**
 * The first entry of a date that shares most words with an item, as sameHappening decides: 3
 * shared words and half of the smaller set's (t = max(3, ⌈m/2⌉), m the smaller size). With every
 * set's words in one global order (rarest first), the first shared word of a pair that has t of
 * them stands before position size − t + 1 in both sets (prefix filtering, src/util/blocking.ts).
 * So each entry is indexed by its words at those positions, bucketed by its size, and an item
 * looks up its own words at such positions, only in the buckets where the position can still
 * pass (t grows with the smaller size: a common word, far down an item's order, can only match a
 * small entry). A pair is first met at its first shared word, so its count starts there and stops
 * as soon as t is out of reach. Same answer as comparing every entry of the date, with work that
 * grows with the items rather than with their square on a busy day.
 */
export class HappeningIndex {
  private readonly rarity: Rarity;
  /** date → word rank → buckets by entry size (ascending) of [entry, position of the word in it]. */
  private readonly byDate = new Map<string, Map<number, { size: number; postings: [number, number][] }[]>>();
  /** Each entry's words as ranks in the global order. */
  private readonly words: Int32Array[] = [];
  private readonly seen: number[] = [];
  private stamp = 0;

  constructor(all: Set<string>[]) {
    this.rarity = new Rarity(all);
  }

  add(entry: number, date: string, words: Set<string>): void {
    const ordered = this.rarity.ordered(words);
    this.words[entry] = ordered;
    this.seen[entry] = -1;
    const size = ordered.length;
    if (size < 3) return;
    let byWord = this.byDate.get(date);
    if (!byWord) this.byDate.set(date, (byWord = new Map()));
    for (let p = 0; p < size - need(3) + 1; p++) {
      let buckets = byWord.get(ordered[p]);
      if (!buckets) byWord.set(ordered[p], (buckets = []));
      let at = buckets.findIndex((b) => b.size >= size);
      if (at < 0) at = buckets.length;
      if (buckets[at]?.size !== size) buckets.splice(at, 0, { size, postings: [] });
      buckets[at].postings.push([entry, p]);
    }
  }

  /** The lowest-numbered entry below `before` of `date` that is the same happening, or Infinity. */
  firstMatch(date: string, words: Set<string>, before = Infinity): number {
    const byWord = this.byDate.get(date);
    const ordered = this.rarity.ordered(words);
    const size = ordered.length;
    let first = before;
    if (!byWord || size < 3) return first;
    const stamp = ++this.stamp;
    for (let p = 0; p < size - need(3) + 1; p++) {
      for (const bucket of byWord.get(ordered[p]) ?? []) {
        const t = need(Math.min(size, bucket.size));
        // t only grows with the bucket's size: no larger bucket can pass either.
        if (p >= size - t + 1) break;
        for (const [entry, q] of bucket.postings) {
          if (entry >= first || this.seen[entry] === stamp) continue;
          // Met for the first time: at the pair's first shared word, so nothing before p and q is
          // shared, and the count goes on from there.
          this.seen[entry] = stamp;
          if (q < bucket.size - t + 1 && sharesAtLeast(ordered, this.words[entry], t, p + 1, q + 1, 1)) first = entry;
        }
      }
    }
    return first;
  }
}

/** Whether two ascending rank lists share at least t members, counting from a[i] and b[j] with
 * `shared` already counted before them; stops when t is out of reach. */
function sharesAtLeast(a: Int32Array, b: Int32Array, t: number, i: number, j: number, shared: number): boolean {
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < t) return false;
    if (a[i] === b[j]) {
      if (++shared >= t) return true;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared >= t;
}

const needs: number[] = [];
/** Shared words two sets need when the smaller has m: as sameHappening counts them. */
function need(m: number): number {
  return (needs[m] ??= minShared(m, 0.5, 3));
}

interface Item {
  date: string;
  article: string;
  start: number;
  end: number;
  text: string;
  words: Set<string>;
  order: number;
  /** Items of one event of events/: one entry whatever their wording. */
  event?: string;
}

/** Only calendar values go on a timeline: not durations, sets or vague references. */
function isCalendar(value: string | null | undefined): value is string {
  return !!value && valueStart(value) !== null;
}

export function buildTimeline(brief: Brief): TimelineEntry[] {
  const textOf = new Map(brief.articles.map((a) => [a.id, a.text]));
  const articleOrder = new Map(brief.articles.map((a, i) => [a.id, i]));
  const items: Item[] = [];
  // Spans of dated events, by article and date.
  const covered = new Map<string, Span[]>();
  const push = (date: string, article: string, start: number, end: number, text: string, event?: string): void => {
    items.push({ date, article, start, end, text, words: words(text), order: (articleOrder.get(article) ?? 0) * 1e9 + start, event });
  };

  for (const e of brief.events ?? []) {
    if (!isCalendar(e.date)) continue;
    for (const span of e.evidence) {
      const text = textOf.get(span.article);
      if (text === undefined || span.start < 0 || span.end > text.length || span.end <= span.start) continue;
      push(e.date, span.article, span.start, span.end, text.slice(span.start, span.end), e.id);
      const key = `${span.article}\u0000${e.date}`;
      const list = covered.get(key);
      if (list) list.push(span);
      else covered.set(key, [span]);
    }
  }

  // Dated expressions grouped by sentence, so that a sentence with two dates gives two clauses.
  const bySentence = new Map<string, { article: string; sentence: { start: number; end: number }; exprs: { start: number; end: number; value: string; type?: string }[] }>();
  for (const t of brief.times ?? []) {
    if (!isCalendar(t.value) || t.type === 'DURATION' || t.type === 'SET') continue;
    const text = textOf.get(t.article);
    if (text === undefined || t.end > text.length) continue;
    if (isDatelineDate(text, t.start, t.end)) continue;
    const sentence = sentenceBounds(text, t.start);
    // The lede's dateline is not part of what happened.
    const prefix = datelinePrefix(text.slice(sentence.start, sentence.end));
    if (prefix > 0 && sentence.start + prefix <= t.start) sentence.start += prefix;
    const key = `${t.article}:${sentence.start}`;
    const group = bySentence.get(key) ?? { article: t.article, sentence, exprs: [] };
    group.exprs.push({ start: t.start, end: t.end, value: t.value, type: t.type });
    bySentence.set(key, group);
  }
  for (const { article, sentence, exprs } of bySentence.values()) {
    const text = textOf.get(article) as string;
    const seen = new Set<string>();
    for (const x of exprs) {
      if (seen.has(x.value)) continue;
      seen.add(x.value);
      // An event already carries this sentence and date.
      if ((covered.get(`${article}\u0000${x.value}`) ?? []).some((c) => c.start < sentence.end && sentence.start < c.end)) continue;
      const others = exprs.filter((o) => o.value !== x.value);
      const span = others.length > 0 ? clauseBounds(text, sentence, x, others) : sentence;
      if (span.end <= span.start) continue;
      push(x.value, article, span.start, span.end, text.slice(span.start, span.end));
    }
  }

  // Merge the same happening on the same date across articles: each item joins the first entry
  // of its date that is the same event or shares most words with it (see HappeningIndex).
  items.sort((a, b) => a.order - b.order);
  const entries: { entry: TimelineEntry; words: Set<string>; order: number; event?: string; articles: Set<string> }[] = [];
  const index = new HappeningIndex(items.map((it) => it.words));
  const byEvent = new Map<string, number>();
  for (const it of items) {
    const sameEvent = it.event !== undefined ? byEvent.get(`${it.date}\u0000${it.event}`) ?? Infinity : Infinity;
    const first = index.firstMatch(it.date, it.words, sameEvent);
    const match = first < Infinity ? entries[first] : undefined;
    if (match) {
      // One passage per article: a headline and its lede saying the same thing stay one entry.
      if (!match.articles.has(it.article)) {
        match.articles.add(it.article);
        match.entry.evidence.push({ article: it.article, start: it.start, end: it.end });
      }
      continue;
    }
    if (it.event !== undefined && !byEvent.has(`${it.date}\u0000${it.event}`)) byEvent.set(`${it.date}\u0000${it.event}`, entries.length);
    index.add(entries.length, it.date, it.words);
    entries.push({ entry: { date: it.date, text: it.text, evidence: [{ article: it.article, start: it.start, end: it.end }] }, words: it.words, order: it.order, event: it.event, articles: new Set([it.article]) });
  }
  const startKey = (v: string): number => {
    const s = valueStart(v);
    return s ? s.y * 10000 + s.m * 100 + s.d : 0;
  };
  return entries
    .sort((a, b) => startKey(a.entry.date) - startKey(b.entry.date) || a.entry.date.length - b.entry.date.length || a.entry.date.localeCompare(b.entry.date) || a.order - b.order)
    .map((e) => e.entry);
}
