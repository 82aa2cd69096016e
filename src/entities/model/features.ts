// Features of one token for the name tagger: its form, shape and affixes, its neighbours, where it
// stands (sentence start, line start, a headline or title-case line), what the rest of the article
// does with the same word (written in lower case elsewhere, capitalised mid-sentence elsewhere), the
// gazetteers, and the context cues the hand rules used to weigh (a title before, an appositive
// after, a reporting verb, "the town of", a legal form), and word clusters learnt from large text
// (clusters.ts). Pure: the same Doc gives the same strings.
// Words are folded (typographic apostrophes, quotes and dashes read as ASCII), so "Obama’s" and
// "Obama's" look alike to the model.
import { vocabularyWords, type Doc } from '../../text/doc.js';
import { lexicon, type Lexicon } from '../lexicon.js';
import { foldedTokens, isAcronym, isCapitalised } from '../text.js';
import { appositiveAfter } from '../titles.js';
import { indexCue, organizationCue, productCue } from '../cues.js';
import { demonymOf, localNames } from '../local.js';
import { fold } from '../text.js';
import { clusterRow, wordClusters } from './clusters.js';

/** Kinds of line: prose, title case (every lower-case word a short function word), all capitals. */
export const PROSE = 0;
export const TITLE_CASE = 1;
export const ALL_CAPS = 2;

export interface FeatureDoc {
  doc: Doc;
  /** Folded token texts. */
  words: string[];
  cap: Uint8Array;
  /** Per token: the kind of its line (paragraph). */
  lineKind: Uint8Array;
  /** Per token: 1 when only opening punctuation stands before it in its sentence. */
  initial: Uint8Array;
  /** Per token: 1 for the first token of its line, 2 for the last, 3 for both. */
  lineEdge: Uint8Array;
  /** Per token: token count of its line, bucketed. */
  lineSize: string[];
  /** Per token: gazetteer and word-list tags. */
  gaz: string[][];
  /** Folded words the article writes in lower case somewhere. */
  lower: Set<string>;
  /** Folded word → how often it is capitalised mid-sentence on prose lines. */
  capMid: Map<string, number>;
  /** Per token: inside a byline ("By Jane Roe and Ali Demir"). */
  byline: Uint8Array;
  /** Per token: shape and short shape of its text. */
  shape: string[];
  shortShape: string[];
  /** Per token: line kind and sentence-initial flag as one value ("k1i0"). */
  where: string[];
  lineEdgeS: string[];
  /** Per token: context cues (contextCues). */
  cues: string[][];
  /** Folded capitalised word → what its occurrences across the article have around them. */
  aggregate: Map<string, string[]>;
  /** Folded capitalised words whose lower-case form is an ordinary English word (wink-nlp's vocabulary). */
  vocabulary: Set<string>;
  /** Per token: its row in the word clusters (clusters.ts), -1 for a word they lack; filled on
   * first use, only when cluster features are on. */
  clusterRows: Int32Array | null;
}

const LETTER = /\p{L}/u;
const ALPHA = /^\p{L}+$/u;
const DIGIT = /\d/;

/** "Xxxx" for "Obama", "X.X." for "U.S.", "dd" for "42", runs of one class kept to two characters. */
export function shape(text: string): string {
  let out = '';
  let prev = '';
  let run = 0;
  for (let i = 0; i < text.length && out.length < 8; i++) {
    const code = text.charCodeAt(i);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = text[i];
    else {
      const ch = text[i];
      c = ch === '’' || ch === '‘' ? "'" : ch === '–' || ch === '—' ? '-' : ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
    if (c === prev) {
      if (++run >= 2) continue;
    } else {
      prev = c;
      run = 0;
    }
    out += c;
  }
  return out;
}

/** The shape with every run collapsed to one character: "Xx", "X.X.", "d". */
export function shortShape(text: string): string {
  return shape(text).replace(/(.)\1+/g, '$1');
}

const bucket = (n: number) => (n <= 0 ? '0' : n === 1 ? '1' : n <= 3 ? '2-3' : '4+');
const sizeBucket = (n: number) => (n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 12 ? '7-12' : '13+');

const cache = new WeakMap<Doc, FeatureDoc>();

/** What the features need to know about the whole document, computed once per Doc. */
export function featureDoc(doc: Doc): FeatureDoc {
  const hit = cache.get(doc);
  if (hit) return hit;
  const lex = lexicon();
  const toks = doc.tokens;
  const n = toks.length;
  const words = foldedTokens(doc);
  const cap = new Uint8Array(n);
  for (let i = 0; i < n; i++) cap[i] = isCapitalised(toks[i].text) && LETTER.test(toks[i].text) ? 1 : 0;
  const paragraphOf = new Int32Array(n);
  for (let i = 0; i < n; i++) paragraphOf[i] = doc.sentences[toks[i].sentence]?.paragraph ?? 0;

  // Kind of each line: title case when at least three capitalised words and no lower-case word other
  // than a short function word; all capitals when no lower-case letter at all.
  const stats = new Map<number, { cap: number; prose: boolean; lowerLetters: boolean; letters: number; count: number }>();
  for (let i = 0; i < n; i++) {
    const p = paragraphOf[i];
    let st = stats.get(p);
    if (!st) stats.set(p, (st = { cap: 0, prose: false, lowerLetters: false, letters: 0, count: 0 }));
    st.count++;
    const t = toks[i].text;
    if (/\p{Ll}/u.test(t)) st.lowerLetters = true;
    if (!ALPHA.test(t)) continue;
    st.letters++;
    if (cap[i]) {
      if (t.length >= 3) st.cap++;
    } else if (!lex.words.titleCaseLower.has(t)) st.prose = true;
  }
  const kindOf = new Map<number, number>();
  for (const [p, st] of stats) kindOf.set(p, st.letters >= 2 && !st.lowerLetters ? ALL_CAPS : st.cap >= 3 && !st.prose ? TITLE_CASE : PROSE);
  const lineKind = new Uint8Array(n);
  const lineEdge = new Uint8Array(n);
  const lineSize: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = paragraphOf[i];
    lineKind[i] = kindOf.get(p) ?? PROSE;
    if (i === 0 || paragraphOf[i - 1] !== p) lineEdge[i] |= 1;
    if (i === n - 1 || paragraphOf[i + 1] !== p) lineEdge[i] |= 2;
    lineSize[i] = sizeBucket(stats.get(p)?.count ?? 0);
  }

  const initial = new Uint8Array(n);
  for (const s of doc.sentences) {
    let k = s.firstToken;
    while (k < s.endToken && lex.words.openers.has(toks[k].text)) k++;
    if (k < s.endToken) initial[k] = 1;
  }
  // After an opening quote, a colon or a dash inside a sentence ("VARNA (Wire) — Talks resumed"),
  // a capital says as little as at its start.
  for (let i = 1; i < n; i++) if (toks[i].sentence === toks[i - 1].sentence && (toks[i - 1].text === ':' || /^["“‘—–]$/.test(toks[i - 1].text))) initial[i] = 1;

  const lower = new Set<string>();
  const capMid = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = toks[i].text;
    if (/^\p{Ll}/u.test(t)) lower.add(words[i]);
    else if (cap[i] && !initial[i] && lineKind[i] === PROSE) capMid.set(words[i], (capMid.get(words[i]) ?? 0) + 1);
  }

  const byline = new Uint8Array(n);
  for (const para of doc.paragraphs) {
    const line = doc.text.slice(para.start, para.end);
    const opener = [...lex.words.bylineOpeners].find((o) => line.toLowerCase().startsWith(`${o} `) && /^\p{Lu}/u.test(line.slice(o.length + 1)));
    if (!opener) continue;
    let i = toks.findIndex((t) => t.start >= para.start + opener.length);
    for (; i >= 0 && i < n && toks[i].end <= para.end; i++) {
      if (/^(?:,|\||—|-)$/.test(toks[i].text)) break;
      byline[i] = 1;
    }
  }

  const gaz = gazetteerTags(doc, words, cap, lex);
  const cues = contextCues(doc, words, cap, gaz);
  const shapes = toks.map((t) => shape(t.text));
  const fd: FeatureDoc = {
    doc,
    words,
    cap,
    lineKind,
    initial,
    lineEdge,
    lineSize,
    gaz,
    lower,
    capMid,
    byline,
    shape: shapes,
    shortShape: shapes.map((x) => x.replace(/(.)\1+/g, '$1')),
    where: Array.from(lineKind, (k, i) => `k${k}i${initial[i]}`),
    lineEdgeS: Array.from(lineEdge, String),
    cues,
    aggregate: aggregateContexts(doc, words, cap, cues, lex),
    vocabulary: vocabularyOf(words, cap),
    clusterRows: null,
  };
  cache.set(doc, fd);
  return fd;
}

function clusterRowsOf(toks: Doc['tokens'], words: string[]): Int32Array {
  const wc = wordClusters();
  const out = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) out[i] = clusterRow(wc, toks[i].text, words[i]);
  return out;
}

/** Per granularity of the word clusters: the feature prefixes for the word before, the word, the word after. */
let clusterPrefixes: string[][] | null = null;

/**
 * Word clusters (clusters.ts, k-means over GloVe vectors learnt from billions of words): the cluster
 * of the word and of the words either side at each granularity (64, 256, 1,024). A name the training
 * data never had ("Rosneft") shares a cluster with ones it had ("Gazprom"), and a context word with
 * its kin ("envoy", "emissary" and "ambassador" share one of 256). A word outside the clustered
 * vocabulary gives none.
 */
function clusterFeatures(fd: FeatureDoc, i: number, lo: number, hi: number, sink: Sink): void {
  const wc = wordClusters();
  clusterPrefixes ??= wc.ks.map((k) => [`c${k}-1=`, `c${k}=`, `c${k}+1=`]);
  const rows = (fd.clusterRows ??= clusterRowsOf(fd.doc.tokens, fd.words));
  const from = Math.max(lo, i - 1);
  const to = Math.min(hi - 1, i + 1);
  for (let g = 0; g < wc.ks.length; g++) {
    const col = wc.columns[g];
    const names = wc.names[g];
    const prefixes = clusterPrefixes[g];
    for (let k = from; k <= to; k++) {
      const r = rows[k];
      if (r >= 0) sink.f1(prefixes[k - i + 1], names[col[r]]);
    }
  }
}

function vocabularyOf(words: string[], cap: Uint8Array): Set<string> {
  const distinct = [...new Set(words.filter((_, i) => cap[i]))];
  const known = vocabularyWords(distinct);
  // Ordinary words of conflict news that wink-nlp's vocabulary lacks ("ceasefire").
  const common = lexicon().words.commonWords;
  return new Set(distinct.filter((w, k) => known[k] || common.has(w)));
}

/** At most this many context values are gathered per word, in text order. */
const AGGREGATE_LIMIT = 24;

/**
 * Context aggregation (Ratinov & Roth 2009): a name's type shows in some of its mentions more than
 * others ("in Velmor" types the town that "Velmor was" leaves open), so every capitalised occurrence
 * of a word sees the lower-case words before and after all its occurrences, their context cues, and
 * whether it follows a given name or starts a longer run of capitals somewhere.
 */
function aggregateContexts(doc: Doc, words: string[], cap: Uint8Array, cues: string[][], lex: Lexicon): Map<string, string[]> {
  const toks = doc.tokens;
  const sets = new Map<string, Set<string>>();
  for (let i = 0; i < toks.length; i++) {
    if (!cap[i]) continue;
    const w = words[i];
    let set = sets.get(w);
    if (!set) sets.set(w, (set = new Set()));
    if (set.size >= AGGREGATE_LIMIT) continue;
    const si = toks[i].sentence;
    const prev = i > 0 && toks[i - 1].sentence === si ? i - 1 : -1;
    const next = i + 1 < toks.length && toks[i + 1].sentence === si ? i + 1 : -1;
    if (prev >= 0 && !cap[prev] && /^\p{Ll}/u.test(toks[prev].text)) set.add(`p:${words[prev]}`);
    if (next >= 0 && !cap[next] && /^\p{Ll}|^'/u.test(words[next])) set.add(`n:${words[next]}`);
    if (prev >= 0 && cap[prev] && lex.givenNames.has(words[prev])) set.add('after-given');
    if (next >= 0 && cap[next]) set.add('before-cap');
    for (const c of cues[i]) set.add(c);
  }
  const out = new Map<string, string[]>();
  for (const [w, set] of sets) out.set(w, [...set]);
  return out;
}

const POSITION = ['B', 'I', 'L', 'U'];
const tagSpan = (gaz: string[][], a: number, b: number, tag: string) => {
  for (let k = a; k <= b; k++) gaz[k].push(`${tag}:${a === b ? 'U' : POSITION[k === a ? 0 : k === b ? 2 : 1]}`);
};

function gazetteerTags(doc: Doc, words: string[], cap: Uint8Array, lex: Lexicon): string[][] {
  const toks = doc.tokens;
  const n = toks.length;
  const local = localNames(doc);
  const gaz: string[][] = Array.from({ length: n }, () => []);
  const w = lex.words;
  for (let i = 0; i < n; i++) {
    const x = words[i];
    const g = gaz[i];
    if (lex.givenNames.has(x)) g.push('given');
    if (lex.honorifics.has(x) || (lex.honorifics.has(`${x}.`) && toks[i + 1]?.text === '.')) g.push('honorific');
    if (lex.orgSuffixes.has(x)) g.push('orgsuf');
    if (lex.orgPrefixes.has(x)) g.push('orgpre');
    if (lex.placeSuffixes.has(x)) g.push('placesuf');
    if (lex.thingSuffixes.has(x)) g.push('thingsuf');
    if (lex.connectorHeads.has(x)) g.push('connhead');
    if (lex.stopCapitalized.has(x)) g.push('stopcap');
    if (lex.notNames.has(x)) g.push('notname');
    if (w.calendarWords.has(x.replace(/\.$/, ''))) g.push('calendar');
    if (w.legalForms.has(x)) g.push('legal');
    if (w.placeNouns.has(x)) g.push('placenoun');
    if (w.nameParticles.has(x)) g.push('particle');
    if (lex.sectorNouns.has(x)) g.push('sector');
    if (lex.corporateNouns.has(x)) g.push('corpnoun');
    if (lex.productNouns.has(x)) g.push('productnoun');
    if (lex.indexNouns.has(x)) g.push('indexnoun');
    if (lex.interfaceWords.has(x)) g.push('interface');
    if (lex.portfolioWords.has(x)) g.push('portfolio');
    if (lex.groupNouns.has(x)) g.push('groupnoun');
    if (cap[i]) {
      const dem = demonymOf(doc, x);
      if (dem) g.push(dem.plural ? 'demonyms' : 'demonym');
      if (local.countries.has(x)) g.push('localcountry');
    }
  }
  // Places and seats of power, up to four tokens, longest match from each capitalised token.
  for (let i = 0; i < n; i++) {
    if (!cap[i] && !isAcronym(toks[i].text)) continue;
    for (let len = Math.min(4, n - i); len >= 1; len--) {
      const j = i + len - 1;
      if (toks[j].sentence !== toks[i].sentence || (!cap[j] && !/^[A-Z.]+$/.test(toks[j].text))) continue;
      const key = len === 1 ? words[i] : fold(doc.text.slice(toks[i].start, toks[j].end));
      const seat = lex.seats.get(key);
      const place = lex.places.get(key);
      if (!seat && !place) continue;
      if (seat) tagSpan(gaz, i, j, `seat-${seat.type === 'place' ? 'place' : 'org'}`);
      if (place) {
        const size = place.kind !== 'city' ? place.kind : place.population >= 1_000_000 ? 'city-big' : place.population >= 200_000 ? 'city-mid' : 'city-small';
        tagSpan(gaz, i, j, size);
      }
      break;
    }
  }
  // Role phrases ("foreign minister", "secretary of state"), longest from each token. A phrase
  // that starts no role phrase cannot grow into one.
  const starts = roleStarts(lex);
  for (let i = 0; i < n; i++) {
    let phrase = '';
    let best = -1;
    for (let j = i; j < Math.min(n, i + lex.roleMaxWords); j++) {
      if (toks[j].sentence !== toks[i].sentence) break;
      phrase = phrase ? `${phrase} ${words[j]}` : words[j];
      if (lex.roles.has(phrase)) best = j;
      if (!starts.has(phrase)) break;
    }
    if (best >= 0) {
      tagSpan(gaz, i, best, 'role');
      i = best;
    }
  }
  return gaz;
}

/** Every beginning of a role phrase that a space ends ("secretary", "secretary of"). */
const roleStartsOf = new WeakMap<Lexicon, Set<string>>();
function roleStarts(lex: Lexicon): Set<string> {
  let set = roleStartsOf.get(lex);
  if (!set) {
    set = new Set();
    for (const phrase of lex.roles.keys()) for (let k = phrase.indexOf(' '); k >= 0; k = phrase.indexOf(' ', k + 1)) set.add(phrase.slice(0, k));
    roleStartsOf.set(lex, set);
  }
  return set;
}

const isVerb = (pos: string) => pos === 'VERB' || pos === 'AUX';

// Features are hashed as they are made (FNV-1a over "prefix" + "value|value…"), so no feature string
// is ever built on the hot path; a StringSink spells the same features out for tests and debugging,
// and hashFeature(string) of what it spells equals what a HashSink computes.
const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;
const BAR = 124; // '|'
const prefixes = new Map<string, number>();

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h;
}

function prefixHash(p: string): number {
  let h = prefixes.get(p);
  if (h === undefined) {
    h = fnv(OFFSET, p);
    prefixes.set(p, h);
  }
  return h;
}

/** 32-bit FNV-1a of a feature string, the key of its weights. */
export const hashFeature = (s: string): number => fnv(OFFSET, s) >>> 0;

/** Receives the features of one token: a name ("b"), or a prefix with one to three values. */
export interface Sink {
  f(name: string): void;
  f1(prefix: string, a: string): void;
  f2(prefix: string, a: string, b: string): void;
  f3(prefix: string, a: string, b: string, c: string): void;
}

/** Collects feature hashes; `onHash` sees each one. */
export class HashSink implements Sink {
  constructor(public onHash: (h: number) => void) {}
  f(name: string) {
    this.onHash(prefixHash(name) >>> 0);
  }
  f1(prefix: string, a: string) {
    this.onHash(fnv(prefixHash(prefix), a) >>> 0);
  }
  f2(prefix: string, a: string, b: string) {
    this.onHash(fnv(Math.imul(fnv(prefixHash(prefix), a) ^ BAR, PRIME), b) >>> 0);
  }
  f3(prefix: string, a: string, b: string, c: string) {
    this.onHash(fnv(Math.imul(fnv(Math.imul(fnv(prefixHash(prefix), a) ^ BAR, PRIME), b) ^ BAR, PRIME), c) >>> 0);
  }
}


/** Spells features out as strings. */
export class StringSink implements Sink {
  readonly out: string[] = [];
  f(name: string) {
    this.out.push(name);
  }
  f1(prefix: string, a: string) {
    this.out.push(prefix + a);
  }
  f2(prefix: string, a: string, b: string) {
    this.out.push(`${prefix}${a}|${b}`);
  }
  f3(prefix: string, a: string, b: string, c: string) {
    this.out.push(`${prefix}${a}|${b}|${c}`);
  }
}

const BOS = '<s>';
const EOS = '</s>';
const ROLE_END = new Set(['role:L', 'role:U']);

/** The features of token i, given to `sink`; with `clusters`, the word-cluster features too (only
 * weights trained with them ask for them: `train:entities --clusters` records it in the weights
 * file, and the tagger reads it there, so the cluster file is read only for such weights). */
export function tokenFeatures(fd: FeatureDoc, i: number, sink: Sink, clusters = false): void {
  const { doc, words } = fd;
  const toks = doc.tokens;
  const t = toks[i];
  const s = doc.sentences[t.sentence];
  const lo = s.firstToken;
  const hi = s.endToken;
  const w = words[i];
  const cap = fd.cap[i];
  const capS = cap ? '1' : '0';
  const where = fd.where[i];
  const prevW = i - 1 >= lo ? words[i - 1] : BOS;
  const nextW = i + 1 < hi ? words[i + 1] : EOS;
  const ssPrev = i - 1 >= lo ? fd.shortShape[i - 1] : BOS;
  const ssNext = i + 1 < hi ? fd.shortShape[i + 1] : EOS;
  const ss = fd.shortShape[i];

  sink.f('b');
  sink.f1('w=', w);
  sink.f1('sh=', fd.shape[i]);
  sink.f1('ss=', ss);
  sink.f1('pos=', t.pos);
  sink.f1('where=', where);
  sink.f2('cap=', capS, where);
  if (w.length >= 4 && ALPHA.test(w)) {
    sink.f1('p3=', w.slice(0, 3));
    sink.f1('s3=', w.slice(-3));
    sink.f1('s4=', w.slice(-4));
  } else if (ALPHA.test(w)) sink.f1('s2=', w.slice(-2));
  sink.f1('w-1=', prevW);
  sink.f1('w+1=', nextW);
  sink.f1('w-2=', i - 2 >= lo ? words[i - 2] : BOS);
  sink.f1('w+2=', i + 2 < hi ? words[i + 2] : EOS);
  sink.f1('ss-1=', ssPrev);
  sink.f1('ss+1=', ssNext);
  sink.f1('pos-1=', i - 1 >= lo ? toks[i - 1].pos : BOS);
  sink.f1('pos+1=', i + 1 < hi ? toks[i + 1].pos : EOS);
  sink.f3('pos|cap=', t.pos, capS, where);
  sink.f2('w-1|ss=', prevW, ss);
  sink.f2('ss|w+1=', ss, nextW);
  // Whether a token is glued to its neighbours tells a hyphen inside a name ("Jean-Paul") from a
  // dash between clauses ("Pompeo – speaking").
  if (!/[\p{L}\p{N}]/u.test(t.text)) sink.f2('glue=', i > lo && toks[i - 1].end === t.start ? '1' : '0', i + 1 < hi && toks[i + 1].start === t.end ? '1' : '0');
  sink.f2('line=', fd.lineEdgeS[i], fd.lineSize[i]);
  sink.f3('line|cap=', fd.lineEdgeS[i], fd.lineSize[i], capS);
  if (fd.byline[i]) sink.f('byline');

  if (cap) {
    // What the article does with the same word elsewhere decides most sentence-initial and headline words.
    const lowerSeen = fd.lower.has(w) || fd.lower.has(`${w}s`) || (w.endsWith('s') && fd.lower.has(w.slice(0, -1)));
    const mid = bucket((fd.capMid.get(w) ?? 0) - (fd.initial[i] || fd.lineKind[i] !== PROSE ? 0 : 1));
    const lowerS = lowerSeen ? '1' : '0';
    sink.f2('lower=', lowerS, where);
    sink.f2('capmid=', mid, where);
    sink.f2('lower|capmid=', lowerS, mid);
    // An ordinary English word capitalised ("Results", "Doctors") is a name less often than a word
    // the vocabulary lacks ("Velmor"), most of all at a line or sentence start.
    const dict = fd.vocabulary.has(w) ? '1' : '0';
    sink.f2('dict=', dict, where);
    sink.f3('dict|lower=', dict, lowerS, where);
    if (i + 1 < hi && fd.cap[i + 1]) sink.f1('capnext|', where);
    if (i - 1 >= lo && fd.cap[i - 1]) sink.f('capprev');
    for (const a of fd.aggregate.get(w) ?? []) sink.f1('agg=', a);
  }

  for (let d = -1; d <= 1; d++) {
    const k = i + d;
    if (k < lo || k >= hi) continue;
    const prefix = d < 0 ? 'g-1=' : d > 0 ? 'g+1=' : 'g0=';
    for (const g of fd.gaz[k]) sink.f1(prefix, g);
  }
  const gaz = fd.gaz[i];
  for (const g of gaz) sink.f3('g|cap=', g, capS, fd.initial[i] ? '1' : '0');
  // Pairs of lists a word is on ("given" and "city-big": "Francisco") let the model weigh them together.
  for (let a = 0; a < gaz.length; a++) for (let b = a + 1; b < gaz.length; b++) sink.f2('gg=', gaz[a], gaz[b]);

  for (const c of fd.cues[i]) sink.f(c);
  if (clusters) clusterFeatures(fd, i, lo, hi, sink);
}

/** Context cues of every token: the evidence the hand rules weighed, as features. */
function contextCues(doc: Doc, words: string[], cap: Uint8Array, gaz: string[][]): string[][] {
  const toks = doc.tokens;
  const lex = lexicon();
  const out: string[][] = [];
  const roleEndsAt = (k: number, s: number) => k >= 0 && toks[k].sentence === s && gaz[k].some((g) => ROLE_END.has(g));
  for (let i = 0; i < toks.length; i++) {
    const c: string[] = [];
    out.push(c);
    const t = toks[i];
    const si = t.sentence;
    const sent = doc.sentences[si];
    const prev = i > sent.firstToken ? toks[i - 1] : null;
    const next = i + 1 < sent.endToken ? toks[i + 1] : null;
    if (roleEndsAt(i - 1, si)) c.push('c:title-1');
    if (prev?.text === ',' && roleEndsAt(i - 2, si)) c.push('c:title,');
    if (prev && gaz[i - 1].includes('honorific')) c.push('c:honorific-1');
    else if (prev?.text === '.' && i - 2 >= sent.firstToken && gaz[i - 2].includes('honorific')) c.push('c:honorific-1');
    if (next?.text === ',' && cap[i]) {
      const app = appositiveAfter(doc, i);
      if (app.title) c.push('c:appos-title');
      else if (app.personCue) c.push('c:appos-person');
      if (app.thingCue) c.push('c:appos-which');
    }
    if (next && isVerb(next.pos) && lex.reportingVerbs.has(next.lemma)) c.push('c:say+1');
    if (prev && prev.pos === 'VERB' && lex.reportingVerbs.has(prev.lemma)) c.push('c:say-1');
    if (next && isVerb(next.pos) && lex.personVerbs.has(next.lemma)) c.push('c:pverb+1');
    if (i - 2 >= sent.firstToken && (words[i - 1] === 'of' || words[i - 1] === ',') && lex.words.placeNouns.has(words[i - 2])) c.push('c:placenoun-of');
    if (prev && words[i - 1] === 'to') {
      for (let k = i - 2; k >= sent.firstToken && i - k <= 6; k--) {
        if (toks[k].pos === 'VERB') {
          if (lex.words.motionVerbs.has(toks[k].lemma)) c.push('c:motion-to');
          break;
        }
      }
    }
    if (prev && lex.placePrepositions.has(words[i - 1]) && next?.text === ',' && i + 2 < sent.endToken) {
      const region = lex.places.get(words[i + 2]);
      if (region && region.kind !== 'city') c.push('c:in-x-region');
    }
    if (i === 0 || toks[i - 1].sentence !== si || doc.sentences[toks[i - 1].sentence].paragraph !== sent.paragraph) {
      if (/^\p{Lu}{3,}$/u.test(t.text) && next && /^[,(—–-]$/.test(next.text)) c.push('c:dateline');
    }
    // The first personal pronoun after a name often refers back to it: "Brightcore said it…".
    if (cap[i]) {
      const pron = pronounAfter(doc, words, i);
      if (pron) c.push(`c:pron-${pron}`);
    }
    // "Sen. Mitch McConnell (R-Ky.)": a party letter and a state abbreviation are no name.
    if (partyTag(doc, i)) c.push('c:party-tag');
    if (next && /^\d/.test(next.text)) c.push('c:num+1');
    if (prev && /^\d/.test(prev.text)) c.push('c:num-1');
    if (cap[i]) {
      const possessive = !!next && (words[i + 1] === "'s" || words[i + 1] === "'");
      if (organizationCue(doc, i, i, possessive) > 0) c.push('c:org');
      if (productCue(doc, i, i, possessive) > 0) c.push('c:product');
      if (indexCue(doc, i, i, possessive) > 0) c.push('c:index');
    }
  }
  return out;
}

/** Personal pronoun → the one it stands for ("him" → "he"), from data/entities/words.json. */
let pronouns: Map<string, string> | null = null;
function pronounOf(w: string): string | undefined {
  pronouns ??= new Map([...lexicon().words.personalPronouns].map((x) => x.split(':') as [string, string]));
  return pronouns.get(w);
}

/** The first personal pronoun in the rest of the sentence after token i (at most ten tokens), as
 * he, she, it or they; null when none. */
function pronounAfter(doc: Doc, words: string[], i: number): string | null {
  const toks = doc.tokens;
  const si = toks[i].sentence;
  for (let k = i + 1; k < toks.length && k <= i + 10 && toks[k].sentence === si; k++) {
    const p = pronounOf(words[k]);
    if (p && toks[k].pos === 'PRON') return p;
    if (p && (words[k] === 'his' || words[k] === 'its' || words[k] === 'their' || words[k] === 'her')) return p;
  }
  return null;
}

/** Token i is part of a party-state tag: "R-Ky", "D-N.Y", "I-Vt". */
export function partyTag(doc: Doc, i: number): boolean {
  const toks = doc.tokens;
  const t = toks[i].text;
  // Cheap test first: this runs for every token.
  if (t.length > 5 || !(/^[DRI]$/.test(t) || t === '-' || t === '–' || t === '.' || /^\p{Lu}/u.test(t))) return false;
  if (isParty(toks, i) && dashAt(toks, i + 1) && isState(toks, i + 2)) return true;
  if (dashAt(toks, i) && isParty(toks, i - 1) && isState(toks, i + 1)) return true;
  // A token inside the state abbreviation: walk back over the glued tokens to the dash.
  let k = i;
  while (k > 0 && toks[k - 1].end === toks[k].start && !dashAt(toks, k - 1) && i - k < 3) k--;
  return k > 1 && dashAt(toks, k - 1) && isParty(toks, k - 2) && isState(toks, k);
}

function isParty(toks: Doc['tokens'], k: number): boolean {
  const t = toks[k]?.text;
  return t === 'D' || t === 'R' || t === 'I';
}

/** A state abbreviation starts at token k, possibly cut by the tokenizer ("N" "." "Y."). */
function isState(toks: Doc['tokens'], k: number): boolean {
  const tags = lexicon().words.partyStateTags;
  let text = '';
  for (let q = k; q < toks.length && q < k + 4; q++) {
    if (q > k && toks[q].start !== toks[q - 1].end) break;
    text += toks[q].text;
    if (tags.has(text.replace(/\.$/, ''))) return true;
  }
  return false;
}

/** A dash glued to the tokens on both sides. */
function dashAt(toks: Doc['tokens'], k: number): boolean {
  const t = toks[k];
  return !!t && (t.text === '-' || t.text === '–') && toks[k - 1]?.end === t.start && t.end === toks[k + 1]?.start;
}
