// Features of one token for the name tagger: its form, shape and affixes, its neighbours, where it
// stands (sentence start, line start, a headline or title-case line), what the rest of the article
// does with the same word (written in lower case elsewhere, capitalised mid-sentence elsewhere), the
// gazetteers, and the context cues the hand rules used to weigh (a title before, an appositive
// after, a reporting verb, "the town of", a legal form). Pure: the same Doc gives the same strings.
// Words are folded (typographic apostrophes, quotes and dashes read as ASCII), so "Obama’s" and
// "Obama's" look alike to the model.
import type { Doc } from '../../text/doc.js';
import { lexicon, type Lexicon } from '../lexicon.js';
import { foldedTokens, isAcronym, isCapitalised } from '../text.js';
import { appositiveAfter } from '../titles.js';
import { indexCue, organizationCue, productCue } from '../cues.js';
import { demonymOf, localNames } from '../local.js';
import { fold } from '../text.js';

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
}

const LETTER = /\p{L}/u;
const ALPHA = /^\p{L}+$/u;
const DIGIT = /\d/;

/** "Xxxx" for "Obama", "X.X." for "U.S.", "dd" for "42", runs of one class kept to two characters. */
export function shape(text: string): string {
  let out = '';
  let prev = '';
  let run = 0;
  for (const ch of text) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch === '’' || ch === '‘' ? "'" : ch === '–' || ch === '—' ? '-' : ch;
    if (c === prev) {
      run++;
      if (run >= 2) continue;
    } else {
      prev = c;
      run = 0;
    }
    out += c;
    if (out.length >= 8) break;
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
  // After an opening quote or a colon inside a sentence, a capital says as little as at its start.
  for (let i = 1; i < n; i++) if (toks[i].sentence === toks[i - 1].sentence && (toks[i - 1].text === ':' || /^["“‘]$/.test(toks[i - 1].text))) initial[i] = 1;

  const lower = new Set<string>();
  const capMid = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = toks[i].text;
    if (/^\p{Ll}/u.test(t)) lower.add(words[i]);
    else if (cap[i] && !initial[i] && lineKind[i] === PROSE) capMid.set(words[i], (capMid.get(words[i]) ?? 0) + 1);
  }

  const byline = new Uint8Array(n);
  for (const para of doc.paragraphs) {
    if (!/^(?:by|reporting by|written by)\s+\p{Lu}/iu.test(doc.text.slice(para.start, para.end))) continue;
    let i = toks.findIndex((t) => t.start >= para.start);
    while (i >= 0 && i < n && toks[i].end <= para.end && /^(?:by|reporting|written)$/i.test(toks[i].text)) i++;
    for (; i >= 0 && i < n && toks[i].end <= para.end; i++) {
      if (/^(?:,|\||—|-)$/.test(toks[i].text)) break;
      byline[i] = 1;
    }
  }

  const fd: FeatureDoc = { doc, words, cap, lineKind, initial, lineEdge, lineSize, gaz: gazetteerTags(doc, words, cap, lex), lower, capMid, byline };
  cache.set(doc, fd);
  return fd;
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
  // Role phrases ("foreign minister", "secretary of state"), longest from each token.
  for (let i = 0; i < n; i++) {
    let phrase = '';
    let best = -1;
    for (let j = i; j < Math.min(n, i + lex.roleMaxWords); j++) {
      if (toks[j].sentence !== toks[i].sentence) break;
      phrase = phrase ? `${phrase} ${words[j]}` : words[j];
      if (lex.roles.has(phrase)) best = j;
    }
    if (best >= 0) {
      tagSpan(gaz, i, best, 'role');
      i = best;
    }
  }
  return gaz;
}

const isVerb = (pos: string) => pos === 'VERB' || pos === 'AUX';

/** The feature strings of token i, appended to `out`. */
export function tokenFeatures(fd: FeatureDoc, i: number, out: string[]): void {
  const { doc, words } = fd;
  const toks = doc.tokens;
  const lex = lexicon();
  const t = toks[i];
  const s = doc.sentences[t.sentence];
  const inSent = (k: number) => k >= s.firstToken && k < s.endToken;
  const w = words[i];
  const word = (k: number) => (inSent(k) ? words[k] : k < s.firstToken ? '<s>' : '</s>');
  const sh = shape(t.text);
  const ss = shortShape(t.text);
  const cap = fd.cap[i];
  const kind = fd.lineKind[i];
  const init = fd.initial[i];
  const where = `k${kind}i${init}`;

  out.push('b', `w=${w}`, `sh=${sh}`, `ss=${ss}`, `pos=${t.pos}`, `where=${where}`, `cap=${cap}|${where}`);
  if (ALPHA.test(w) && w.length >= 4) out.push(`p3=${w.slice(0, 3)}`, `s3=${w.slice(-3)}`, `s4=${w.slice(-4)}`);
  else if (ALPHA.test(w)) out.push(`s2=${w.slice(-2)}`);
  out.push(`w-1=${word(i - 1)}`, `w+1=${word(i + 1)}`, `w-2=${word(i - 2)}`, `w+2=${word(i + 2)}`);
  out.push(`ss-1=${inSent(i - 1) ? shortShape(toks[i - 1].text) : '<s>'}`, `ss+1=${inSent(i + 1) ? shortShape(toks[i + 1].text) : '</s>'}`);
  out.push(`pos-1=${inSent(i - 1) ? toks[i - 1].pos : '<s>'}`, `pos+1=${inSent(i + 1) ? toks[i + 1].pos : '</s>'}`);
  out.push(`pos|cap=${t.pos}|${cap}|${where}`, `w-1|ss=${word(i - 1)}|${ss}`, `ss|w+1=${ss}|${word(i + 1)}`);
  out.push(`line=${fd.lineEdge[i]}|${fd.lineSize[i]}`, `line|cap=${fd.lineEdge[i]}|${fd.lineSize[i]}|${cap}`);
  if (fd.byline[i]) out.push('byline');

  if (cap) {
    // What the article does with the same word elsewhere decides most sentence-initial and headline words.
    const lowerSeen = fd.lower.has(w) || fd.lower.has(`${w}s`) || (w.endsWith('s') && fd.lower.has(w.slice(0, -1)));
    const mid = (fd.capMid.get(w) ?? 0) - (init || kind !== PROSE ? 0 : 1);
    out.push(`lower=${lowerSeen ? 1 : 0}|${where}`, `capmid=${bucket(mid)}|${where}`, `lower|capmid=${lowerSeen ? 1 : 0}|${bucket(mid)}`);
    if (inSent(i + 1) && fd.cap[i + 1]) out.push(`capnext|${where}`);
    if (inSent(i - 1) && fd.cap[i - 1]) out.push('capprev');
  }

  for (let d = -1; d <= 1; d++) {
    const k = i + d;
    if (!inSent(k)) continue;
    for (const g of fd.gaz[k]) out.push(`g${d}=${g}`);
  }
  for (const g of fd.gaz[i]) out.push(`g|cap=${g}|${cap}|${init}`);

  // Context cues the hand rules weighed; the model learns how much each is worth.
  const prev = inSent(i - 1) ? toks[i - 1] : null;
  const next = inSent(i + 1) ? toks[i + 1] : null;
  const roleEndsAt = (k: number) => inSent(k) && fd.gaz[k].some((g) => g === 'role:L' || g === 'role:U');
  if (roleEndsAt(i - 1)) out.push('c:title-1');
  if (prev?.text === ',' && roleEndsAt(i - 2)) out.push('c:title,');
  if (inSent(i - 1) && fd.gaz[i - 1].includes('honorific')) out.push('c:honorific-1');
  if (inSent(i - 2) && toks[i - 1].text === '.' && fd.gaz[i - 2].includes('honorific')) out.push('c:honorific-1');
  if (next?.text === ',' && cap) {
    const app = appositiveAfter(doc, i);
    if (app.title) out.push('c:appos-title');
    else if (app.personCue) out.push('c:appos-person');
    if (app.thingCue) out.push('c:appos-which');
  }
  if (next && isVerb(next.pos) && lex.reportingVerbs.has(next.lemma)) out.push('c:say+1');
  if (prev && prev.pos === 'VERB' && lex.reportingVerbs.has(prev.lemma)) out.push('c:say-1');
  if (next && isVerb(next.pos) && lex.personVerbs.has(next.lemma)) out.push('c:pverb+1');
  if (inSent(i - 2) && (words[i - 1] === 'of' || words[i - 1] === ',') && lex.words.placeNouns.has(words[i - 2])) out.push('c:placenoun-of');
  if (prev && words[i - 1] === 'to') {
    for (let k = i - 2; k >= s.firstToken && i - k <= 6; k--) {
      if (toks[k].pos === 'VERB') {
        if (lex.words.motionVerbs.has(toks[k].lemma)) out.push('c:motion-to');
        break;
      }
    }
  }
  if (prev && lex.placePrepositions.has(words[i - 1]) && next?.text === ',' && inSent(i + 2)) {
    const region = lex.places.get(words[i + 2]);
    if (region && region.kind !== 'city') out.push('c:in-x-region');
  }
  if (fd.lineEdge[i] & 1 && /^\p{Lu}{3,}$/u.test(t.text) && next && /^[,(—–-]$/.test(next.text)) out.push('c:dateline');
  if (next && /^\d/.test(next.text)) out.push('c:num+1');
  if (prev && /^\d/.test(prev.text)) out.push('c:num-1');
  if (cap) {
    const possessive = !!next && (words[i + 1] === "'s" || words[i + 1] === "'");
    if (organizationCue(doc, i, i, possessive) > 0) out.push('c:org');
    if (productCue(doc, i, i, possessive) > 0) out.push('c:product');
    if (indexCue(doc, i, i, possessive) > 0) out.push('c:index');
  }
  // "Sen. Mitch McConnell (R-Ky.)": a party letter and a state abbreviation are no name.
  if (partyTag(fd, i)) out.push('c:party-tag');
}

/** Token i is part of a party-state tag: "R-Ky", "D-N.Y", "I-Vt". */
export function partyTag(fd: FeatureDoc, i: number): boolean {
  const toks = fd.doc.tokens;
  const tags = lexicon().words.partyStateTags;
  const at = (k: number) => toks[k]?.text ?? '';
  const isParty = (k: number) => /^[DRI]$/.test(at(k));
  const isState = (k: number) => tags.has(at(k).replace(/\.$/, ''));
  const dash = (k: number) => /^[-–]$/.test(at(k)) && toks[k - 1]?.end === toks[k].start && toks[k].end === toks[k + 1]?.start;
  if (isParty(i) && dash(i + 1) && isState(i + 2)) return true;
  if (isState(i) && dash(i - 1) && isParty(i - 2)) return true;
  return dash(i) && isParty(i - 1) && isState(i + 1);
}

/** Feature strings of every token of a document, per token. */
export function documentFeatures(doc: Doc): string[][] {
  const fd = featureDoc(doc);
  const out: string[][] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const f: string[] = [];
    tokenFeatures(fd, i, f);
    out.push(f);
  }
  return out;
}
