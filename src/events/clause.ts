// Token-level helpers over one sentence: a light view of its tokens, noun-phrase chunks to the
// left and right of a word, and the words that mark subordinate clauses, time phrases, negation
// and modality. Heuristics on wink-nlp POS tags; no parser is available offline.
import type { Doc } from '../text/doc.js';

export interface Tok {
  /** Index within the sentence. */
  i: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
}

export interface SentenceView {
  doc: Doc;
  index: number;
  start: number;
  end: number;
  tokens: Tok[];
}

export function sentenceView(doc: Doc, index: number): SentenceView {
  const s = doc.sentences[index];
  const tokens: Tok[] = [];
  for (let k = s.firstToken; k < s.endToken; k++) {
    const t = doc.tokens[k];
    tokens.push({ i: k - s.firstToken, text: t.text, lower: t.text.toLowerCase(), lemma: t.lemma.toLowerCase(), pos: t.pos, start: t.start, end: t.end });
  }
  return { doc, index, start: s.start, end: s.end, tokens };
}

/** A view of a bare string, for rule units and benchmarks that have a sentence but no article. */
export function textOf(view: SentenceView, from: number, to: number): string {
  if (from >= to) return '';
  return view.doc.text.slice(view.tokens[from].start, view.tokens[to - 1].end);
}

export const SUBORDINATORS = new Set([
  'after', 'before', 'because', 'following', 'while', 'when', 'whenever', 'since', 'although', 'though', 'despite',
  'whereas', 'who', 'which', 'whom', 'whose', 'where', 'if', 'unless', 'until', 'once', 'as', 'amid', 'whether', 'provided', 'providing',
]);

export const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'cannot']);
export const MODALS = new Set(['will', 'would', "'ll", "'d", 'could', 'may', 'might', 'shall', 'can', 'should', 'must', 'ca', 'wo']);

const DAY_OR_MONTH = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'tomorrow', 'overnight', 'now', 'earlier', 'later', 'week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'day']);

export function isTimeWord(t: Tok): boolean {
  return DAY_OR_MONTH.test(t.lower) || TIME_WORDS.has(t.lower) || (t.pos === 'NUM' && /^\d{1,4}(st|nd|rd|th)?$/.test(t.lower));
}

const PRONOUN_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'its', 'their', 'his', 'her', 'our', 'you']);
export function isPronoun(t: Tok): boolean {
  return t.pos === 'PRON' && PRONOUN_SUBJECTS.has(t.lower);
}

function isNominal(t: Tok): boolean {
  return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM' || (t.pos === 'PRON' && PRONOUN_SUBJECTS.has(t.lower)) || t.pos === 'X';
}

/** Words that may sit inside a noun phrase between nominals ("government of Tarsk province",
 * "Hungarian and Romanian officials", "Taiwan's Vice Foreign Minister", "U.S.-led"). */
function isNpGlue(t: Tok): boolean {
  return (
    t.pos === 'DET' ||
    t.pos === 'ADJ' ||
    t.lower === "'s" || t.lower === '’s' || t.lower === "'" ||
    t.lower === '-' || t.lower === '.' && false ||
    t.lower === 'of' || t.lower === 'and' || t.lower === '&' ||
    (t.pos === 'PRON' && /^(its|their|his|her|our)$/.test(t.lower))
  );
}

export interface Chunk {
  from: number;
  to: number;
}

/** The noun phrase that ends just before `at` (after skipping adverbs, auxiliaries, negation and
 * time phrases such as "on Tuesday"), or null. The subject of a verb, in the usual order. */
export function npBefore(view: SentenceView, at: number, floor = 0): Chunk | null {
  const toks = view.tokens;
  let k = at - 1;
  // Skip auxiliaries, adverbs, negation, time phrases and parentheticals between subject and verb.
  while (k >= floor) {
    const t = toks[k];
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || NEGATORS.has(t.lower) || MODALS.has(t.lower)) { k--; continue; }
    if (isTimeWord(t) || (t.lower === 'on' && k + 1 < at && isTimeWord(toks[k + 1]))) { k--; continue; }
    if ((t.lower === 'last' || t.lower === 'this' || t.lower === 'next') && k + 1 < at && isTimeWord(toks[k + 1])) { k--; continue; }
    if (t.lower === 'on' || t.lower === 'in' || t.lower === 'at') {
      // "on Tuesday", "in principle", "at last"
      if (k + 1 < at && (isTimeWord(toks[k + 1]) || /^(principle|turn|part|response|return)$/.test(toks[k + 1].lower) || toks[k + 1].lower === 'last')) { k--; continue; }
    }
    if (t.lower === 'last' && k > floor && toks[k - 1].lower === 'at') { k -= 2; continue; }
    break;
  }
  if (k < floor) return null;
  if (!isNominal(toks[k]) && !(toks[k].pos === 'ADJ' && /^[A-Z]/.test(toks[k].text))) {
    // A closing parenthesis or quote after an acronym: "(NPC) forum" is handled as a nominal run.
    if (toks[k].lower === ')' ) {
      let j = k;
      while (j >= floor && toks[j].lower !== '(') j--;
      if (j > floor) k = j - 1;
      else return null;
      if (k < floor || !isNominal(toks[k])) return null;
    } else return null;
  }
  const to = k + 1;
  let from = k;
  // A personal pronoun is a phrase of its own ("said on Wednesday he would…").
  if (toks[k].pos === 'PRON' && !/^(its|their|his|her|our)$/.test(toks[k].lower)) return { from: k, to };
  while (from - 1 >= floor) {
    const t = toks[from - 1];
    if (isNominal(t) && !(t.pos === 'PRON' && !/^(its|their|his|her|our)$/.test(t.lower))) { from--; continue; }
    // A spaced dash separates (a dateline, an aside); only a hyphen inside a word joins.
    if (t.lower === '-' && !(toks[from - 2] && toks[from - 2].end === t.start && t.end === toks[from].start)) break;
    if (isNpGlue(t)) {
      // "and"/"of" only between nominals.
      if ((t.lower === 'and' || t.lower === 'of' || t.lower === '&') && !(from - 2 >= floor && (isNominal(toks[from - 2]) || toks[from - 2].pos === 'ADJ'))) break;
      from--;
      continue;
    }
    if (t.lower === ')' || t.lower === '(') { from--; continue; }
    if ((t.lower === 'in' || t.lower === 'from') && from - 2 >= floor && toks[from - 2].pos === 'NOUN' && toks[from].pos === 'PROPN') { from--; continue; }
    break;
  }
  while (from < to && (toks[from].pos === 'DET' || toks[from].lower === 'and' || toks[from].lower === 'of')) from++;
  return from < to ? { from, to } : null;
}

const OBJECT_PREPS = new Set(['to', 'with', 'against', 'on', 'in', 'into', 'at', 'from', 'for', 'upon', 'over', 'toward', 'towards', 'of', 'between', 'by', 'onto', 'off']);

/** The first noun phrase after `at` (skipping particles, determiners and one preposition),
 * stopping at `limit`. Proper-name phrases are preferred when `preferProper` is set. */
export function npAfter(view: SentenceView, at: number, limit: number, preferProper = true): Chunk | null {
  const toks = view.tokens;
  let first: Chunk | null = null;
  let k = at;
  while (k < limit) {
    const t = toks[k];
    if (t.pos === 'PUNCT' && !/^(-|\(|\)|"|“|”|``|''|‘|’)$/.test(t.lower)) break;
    if (SUBORDINATORS.has(t.lower) && t.lower !== 'as' || t.lower === 'that') break;
    if (t.pos === 'VERB' && first) break;
    if (isNominal(t) && !isTimeWord(t) && !(t.pos === 'PRON' && !/^(its|their|his|her|our|it|them|him)$/.test(t.lower))) {
      let from = k;
      while (from - 1 >= at && (toks[from - 1].pos === 'ADJ' || toks[from - 1].lower === "'s")) from--;
      let to = k + 1;
      while (to < limit) {
        const u = toks[to];
        if (isNominal(u) && !isTimeWord(u)) { to++; continue; }
        if ((u.lower === "'s" || u.lower === '-' || u.pos === 'ADJ') && to + 1 < limit && isNominal(toks[to + 1])) { to += 2; continue; }
        if ((u.lower === 'and' || u.lower === 'of') && to + 1 < limit && (toks[to + 1].pos === 'PROPN' || (toks[to + 1].pos === 'ADJ' && to + 2 < limit && isNominal(toks[to + 2])))) { to += 2; continue; }
        break;
      }
      const chunk = { from, to };
      const proper = toks.slice(from, to).some((x) => x.pos === 'PROPN' || (x.pos === 'ADJ' && /^[A-Z]/.test(x.text)));
      if (!preferProper || proper) return chunk;
      if (!first) first = chunk;
      k = to;
      continue;
    }
    if (t.pos === 'ADJ' && /^[A-Z]/.test(t.text) && preferProper) {
      // A nationality adjective standing for its state: "an Australian ultimatum".
      return { from: k, to: k + 1 };
    }
    if (OBJECT_PREPS.has(t.lower) || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'PART' || t.pos === 'ADP' || t.pos === 'NUM' || t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'CCONJ' || t.pos === 'PUNCT' || t.pos === 'SYM') { k++; continue; }
    k++;
  }
  return first;
}

/** The subject of the verb at `at`: the noun phrase before it, or — when a parenthetical stands
 * between them — the name in an apposition ("The port operator, Aegean Terminal Holdings, has
 * offered…") or the phrase before a relative clause ("The union, which represents…, says…"). */
/** Words opening a parenthetical list of a group's members. */
export const MEMBER_LIST = /^(including|such|like|led|among|notably|especially|namely|comprising)$/;

export function subjectBefore(view: SentenceView, at: number, floor = 0): Chunk | null {
  const direct = npBefore(view, at, floor);
  if (direct) return direct;
  const toks = view.tokens;
  let k = at - 1;
  while (k > floor && (toks[k].pos === 'AUX' || toks[k].pos === 'ADV' || toks[k].pos === 'PART' || MODALS.has(toks[k].lower) || NEGATORS.has(toks[k].lower))) k--;
  if (k <= floor || toks[k].lower !== ',') return null;
  let c = k - 1;
  // "The Council, whose members include Nigeria, Egypt and Kenya, said": the relative clause may
  // hold commas of its own; the subject stands before the comma that opens it.
  let relative = -1;
  for (let j = floor + 1; j < k; j++) if (toks[j - 1].lower === ',' && /^(who|which|whose)$/.test(toks[j].lower)) relative = j;
  if (relative > 0) return npBefore(view, relative - 1, floor);
  while (c > floor && toks[c].lower !== ',') c--;
  if (c <= floor) return null;
  const inner = npAfter(view, c + 1, k, false);
  // "The G7, including Canada and Japan, said…": a list of members is no apposition.
  if (inner && inner.from <= c + 2 && inner.to === k && !MEMBER_LIST.test(toks[c + 1]?.lower ?? '') && toks.slice(inner.from, inner.to).some((t) => t.pos === 'PROPN')) return inner;
  return npBefore(view, c, floor);
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** Word-sequence phrases indexed by their first word, for matching many phrases at each token. */
export class PhraseIndex<V> {
  private readonly byFirst = new Map<string, { words: string[]; value: V }[]>();
  constructor(entries: { words: string[]; value: V }[], private readonly loose = false) {
    for (const e of entries) {
      const list = this.byFirst.get(e.words[0]) ?? [];
      list.push(e);
      this.byFirst.set(e.words[0], list);
    }
    // Longest first, so the longest phrase starting at a token wins.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private static fits(t: Tok, w: string, loose: boolean): boolean {
    if (t.lower === w) return true;
    if (!loose) return false;
    return t.lemma === w || (w.length > 3 && t.lower === w + 's') || (w.endsWith('s') && t.lower === w.slice(0, -1));
  }

  /** Keys under which a token may start a phrase. */
  private keys(t: Tok): string[] {
    if (!this.loose) return [t.lower];
    const out = [t.lower, t.lemma];
    if (t.lower.endsWith('s')) out.push(t.lower.slice(0, -1));
    out.push(t.lower + 's');
    return [...new Set(out)];
  }

  /** Phrases that match at token k, longest first. Loose matching also steps over a possessive
   * the phrase does not have ("withdraw its troops" for "withdraw troops"). */
  at(toks: Tok[], k: number): { words: string[]; value: V; length: number }[] {
    const out: { words: string[]; value: V; length: number }[] = [];
    for (const key of this.keys(toks[k])) {
      for (const e of this.byFirst.get(key) ?? []) {
        let pos = k;
        let ok = true;
        for (let m = 0; m < e.words.length && ok; m++) {
          if (this.loose && m > 0 && pos < toks.length && POSSESSIVES.has(toks[pos].lower) && !POSSESSIVES.has(e.words[m])) pos++;
          ok = pos < toks.length && PhraseIndex.fits(toks[pos], e.words[m], this.loose);
          pos++;
        }
        if (ok && !out.some((o) => o.words === e.words)) out.push({ ...e, length: pos - k });
      }
    }
    return out.sort((a, b) => b.length - a.length);
  }

  /** Phrases that end exactly before token `end`, longest first. */
  endingAt(toks: Tok[], end: number, maxWords: number): { words: string[]; value: V; start: number; length: number }[] {
    const out: { words: string[]; value: V; start: number; length: number }[] = [];
    for (let start = Math.max(0, end - maxWords - 1); start < end; start++) {
      for (const e of this.at(toks, start)) if (start + e.length === end) out.push({ ...e, start });
    }
    return out.sort((a, b) => b.length - a.length);
  }
}
