// Polarity and scope of a stance cue: frames that negate it ("refused to accept"), limitation of
// the issue ("wants to curb enrichment", "a cap on gas prices"), and rejection of an offer as not
// enough ("rejected the offer of partial relief as insufficient"). Word lists live in
// data/events/stances.json; the rules here only say where the words must stand.
import { loadJson } from '../util/data.js';
import { PhraseIndex, type Tok } from './clause.js';

interface PolarityFile {
  limitation: string[];
  limitationNouns: string[];
  insufficient: string[];
  shortfall: string[];
  negatingFrames: string[];
}

interface Lists {
  limitation: PhraseIndex<string>;
  maxLimitation: number;
  limitationNouns: Set<string>;
  insufficient: string[][];
  shortfall: string[][];
  negating: string[][];
}

let cache: Lists | null = null;
function lists(): Lists {
  if (cache) return cache;
  const f = loadJson<PolarityFile>('events/stances.json');
  const words = (p: string) => p.toLowerCase().split(' ');
  const lim = f.limitation.map((p) => ({ words: words(p), value: p }));
  cache = {
    limitation: new PhraseIndex(lim, true),
    maxLimitation: Math.max(...lim.map((l) => l.words.length)),
    limitationNouns: new Set(f.limitationNouns),
    insufficient: f.insufficient.map(words),
    shortfall: f.shortfall.map(words),
    negating: f.negatingFrames.map(words),
  };
  return cache;
}

function matches(toks: Tok[], k: number, words: string[]): boolean {
  if (k < 0 || k + words.length > toks.length) return false;
  for (let m = 0; m < words.length; m++) {
    const t = toks[k + m];
    if (t.lower !== words[m] && t.lemma !== words[m]) return false;
  }
  return true;
}

/** A negating frame right before the cue at `at`: "refused to", "declined to", "is unlikely to",
 * "has no intention of" (adverbs may stand inside: "refused outright to"). */
export function negatingFrameBefore(toks: Tok[], at: number, floor: number): boolean {
  // The frame's words without its closing "to"/"of", which may stand apart from them.
  const heads = lists().negating.map((w) => (/^(to|of)$/.test(w[w.length - 1]) ? w.slice(0, -1) : w));
  for (let end = at; end > Math.max(floor, at - 5); end--) {
    for (const w of heads) if (end - w.length >= floor && matches(toks, end - w.length, w)) return true;
    const t = toks[end - 1];
    if (!(t.pos === 'ADV' || t.pos === 'PART' || t.pos === 'AUX' || /^(to|of)$/.test(t.lower))) return false;
  }
  return false;
}

/** Heads whose "of" passes a limitation on to what they measure: "limit the number of staff". */
const QUANTITY_OF = /^(number|size|level|amount|use|scope|share|volume|scale|pace|flow|quantity|total)$/;

export interface Limitation {
  from: number;
  to: number;
  /** The limitation noun follows the issue: "enrichment limits", "a price cap". */
  after: boolean;
}

/** A limitation phrase starting at k ("rein in", "a cap on" from "cap"), or 0. */
export function limitationAt(toks: Tok[], k: number): number {
  let found = lists().limitation.at(toks, k)[0];
  // A gerund the tagger did not reduce: "proposed freezing the number of troops".
  if (!found && /ing$/.test(toks[k].lower)) {
    for (const lemma of gerundStems(toks[k].lower)) {
      found = lists().limitation.at([{ ...toks[k], lemma, pos: 'VERB' }, ...toks.slice(k + 1)], 0)[0];
      if (found) break;
    }
    if (found) return found.length === 1 && !/^(DET|ADJ|NOUN|NUM)$/.test(toks[k + 1]?.pos ?? '') && !/^(its|their|his|her|our)$/.test(toks[k + 1]?.lower ?? '') ? 0 : found.length;
  }
  if (!found) return 0;
  const t = toks[k];
  // One word is a limitation only as a verb ("curb immigration") or a noun with its complement
  // ("a cap on"); "the cap" alone, "the lower house" or a name ("Cap Haitien") is not.
  if (found.length === 1) {
    // A noun followed by a determiner is a verb the tagger missed: "unless Washington lifts its tariff".
    const verbLike = t.pos === 'NOUN' && (toks[k + 1]?.pos === 'DET' || /^(its|their|his|her|our)$/.test(toks[k + 1]?.lower ?? ''));
    if (t.pos === 'NOUN' && !verbLike && !/^(on|of|in|to)$/.test(toks[k + 1]?.lower ?? '')) return 0;
    if (!/^(VERB|NOUN)$/.test(t.pos)) return 0;
  }
  return found.length;
}

/** The limitation of an issue mention [from, to): a phrase ending just before it (with only a
 * determiner, possessor or adjective between: "limit Iran's enrichment", "curbs on new
 * settlements"), or a limitation noun just after it ("enrichment limits"). */
export function limitationOf(toks: Tok[], from: number, to: number, floor: number): Limitation | null {
  for (let end = from; end >= Math.max(floor + 1, from - 6); end--) {
    if (end < from) {
      const t = toks[end];
      // Determiners, possessors, adjectives, compound nouns ("the arms embargo") and a quantity's
      // "of" ("the number of foreign troops") stand between a limitation and what it limits.
      const glue = t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'NOUN' || /^(percent|per|cent|%)$/.test(t.lower) || /^(its|their|his|her|our|my|your|'s|’s)$/.test(t.lower) || (t.pos === 'PROPN' && /^('s|’s)$/.test(toks[end + 1]?.lower ?? '')) || (t.lower === 'of' && QUANTITY_OF.test(toks[end - 1]?.lemma ?? ''));
      if (!glue) break;
    }
    for (let start = Math.max(floor, end - lists().maxLimitation); start < end; start++) {
      const n = limitationAt(toks, start);
      if (n && start + n === end) return { from: start, to: end, after: false };
    }
  }
  if (isLimitationNoun(toks[to])) return { from: to, to: to + 1, after: true };
  return null;
}

/** A noun that limits the noun before it: "enrichment limits", "a price cap". */
export function isLimitationNoun(t: Tok | undefined): boolean {
  return t !== undefined && t.pos === 'NOUN' && (lists().limitationNouns.has(t.lower) || lists().limitationNouns.has(t.lemma));
}

/** "…as insufficient", "…as too little, too late", or a shortfall anywhere after the cue in the
 * clause ("rejected the plan, saying it did not go far enough"). */
export function insufficientAfter(toks: Tok[], from: number, limit: number): boolean {
  const l = lists();
  for (let k = from; k < limit; k++) {
    if (toks[k].lower === 'as') {
      let j = k + 1;
      if (toks[j]?.lower === 'being') j++;
      if (l.insufficient.some((w) => matches(toks, j, w))) return true;
    }
    if (l.shortfall.some((w) => matches(toks, k, w))) return true;
    // "did not go far enough": the shortfall list holds the words after the negation.
    if (/^(not|n't|never)$/.test(toks[k].lower) && matches(toks, k + 1, ['go', 'far', 'enough'])) return true;
  }
  return false;
}

let offerFrames: string[][] | null = null;
/** An offer or commitment frame right before `at` ("offered to", "is ready to", "will"), past
 * adverbs and negation. */
export function offerFrameBefore(toks: Tok[], at: number): boolean {
  offerFrames ??= loadJson<{ offerFrames: string[] }>('events/stances.json').offerFrames.map((p) => p.toLowerCase().split(' '));
  for (let end = at; end > Math.max(0, at - 4); end--) {
    for (const w of offerFrames) if (matches(toks, end - w.length, w)) return true;
    const t = toks[end - 1];
    if (!(t.pos === 'ADV' || t.pos === 'PART' || /^(not|n't|never|also|then)$/.test(t.lower))) return false;
  }
  return false;
}

/** Verb forms a gerund may come from: "freezing" → freez, freeze; "capping" → cap. */
function gerundStems(word: string): string[] {
  const stem = word.slice(0, -3);
  const out = [stem, `${stem}e`];
  if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1));
  return out;
}

let undoingCache: Set<string> | null = null;
/** Acts that undo or hold back what they act on (stances.json undoingActs). */
function undoingActs(): Set<string> {
  return (undoingCache ??= new Set(loadJson<{ undoingActs?: string[] }>('events/stances.json').undoingActs ?? []));
}

const POSSESSIVE_DETERMINERS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** "called for all loans to be cancelled", "demanded the sanctions on its banks be lifted": after
 * an object at `at` (and what completes its noun phrase), an act that undoes it is what is asked,
 * so the object is no issue the stance backs. "called for the army to be deployed" still asks for
 * the army. */
export function undoneAfter(toks: Tok[], at: number, limit: number): boolean {
  return undoingActAfter(toks, at, limit) >= 0;
}

/** The index of the undoing act after an object at `at` (see undoneAfter), or -1. */
export function undoingActAfter(toks: Tok[], at: number, limit: number): number {
  let k = at;
  while (k < limit && k < at + 6 && (/^(NOUN|PROPN|ADJ|DET|ADP|NUM)$/.test(toks[k].pos) || POSSESSIVE_DETERMINERS.has(toks[k].lower)) && toks[k].lower !== 'to') k++;
  // "to be cancelled", "must be lifted", "should be scrapped".
  if (toks[k] && (toks[k].lower === 'to' || /^(must|should|will|would|can|could|shall|need|needs)$/.test(toks[k].lower))) k++;
  return k + 1 < limit && toks[k].lower === 'be' && toks[k + 1].pos === 'VERB' && undoingActs().has(toks[k + 1].lemma.toLowerCase()) ? k + 1 : -1;
}
