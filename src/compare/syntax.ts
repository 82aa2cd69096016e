// The grammar compare/ reads: for each token of a Doc, its head and its relation to it (Universal
// Dependencies labels), and the few questions framing and claim linking ask of it (who is the
// subject of this verb, what does this adjective modify, which verb governs this date).
//
// `parseOf` reads the project's dependency parser (src/syntax, trained on GUM). Two things are
// adapted for compare/: a sentence in which the tagger read a word of a name as a verb or an
// adverb ("Felt died Thursday") is parsed again with that word tagged as a name, and the parse is
// kept per Doc with the tokens' labels as strings. `shallowParse` below (noun-phrase chunks and
// verb groups from wink-nlp's tags) is the parser compare/ used before src/syntax landed; it stays
// for `npm run train:compare -- --shallow`, which measures the two on the development gold.
import type { Doc, Token } from '../text/doc.js';
import { parseDoc, parserModel } from '../syntax/index.js';
import { parseTokens } from '../syntax/parser.js';

export interface Parse {
  /** Head token index (into doc.tokens) of each token; -1 for a sentence root. */
  heads: Int32Array;
  /** UD relation of each token to its head ("nsubj", "amod", "obj", "root"…). */
  labels: string[];
  /** The Doc indices of each token's dependents, in text order: token i's are
   * childList[childStart[i]] to childList[childStart[i + 1] - 1]. (One array for the Doc: an
   * array per token was a tenth of the brief's heap at 1,000 articles.) */
  childStart: Int32Array;
  childList: Int32Array;
  doc: Doc;
}

export type ParserChoice = 'dependency' | 'shallow';
let choice: ParserChoice = 'dependency';

/** Which parser compare/ reads (the shallow one only to measure it against the dependency parser). */
export function useParser(p: ParserChoice): void {
  choice = p;
}

const parses = new WeakMap<Doc, Parse>();

/** The parse of a Doc, computed once. `names` are entity mention spans: the tagger misreads some
 * names as verbs ("Felt died"), and a name is a noun phrase whatever the tagger says. */
export function parseOf(doc: Doc, names: { start: number; end: number }[] = []): Parse {
  let p = parses.get(doc);
  if (!p) parses.set(doc, (p = withChildren(doc, choice === 'shallow' ? shallowParse(doc, names) : dependencyParse(doc, names))));
  return p;
}

function withChildren(doc: Doc, p: { heads: Int32Array; labels: string[] }): Parse {
  const n = p.heads.length;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (p.heads[i] >= 0) childStart[p.heads[i] + 1]++;
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i];
  const childList = new Int32Array(childStart[n]);
  const next = childStart.slice(0, n);
  for (let i = 0; i < n; i++) if (p.heads[i] >= 0) childList[next[p.heads[i]]++] = i;
  return { ...p, childStart, childList, doc };
}

/** Tokens inside a name that the tagger did not read as a name part (a capitalised verb, adverb,
 * auxiliary or unknown word), re-tagged PROPN. */
function retagNames(doc: Doc, names: { start: number; end: number }[]): Token[] | null {
  if (!names.length) return null;
  const sorted = [...names].sort((a, b) => a.start - b.start);
  let toks: Token[] | null = null;
  let m = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    while (m < sorted.length && sorted[m].end <= t.start) m++;
    const inName = m < sorted.length && sorted[m].start <= t.start && t.end <= sorted[m].end;
    if (inName && /^\p{Lu}/u.test(t.text) && ['VERB', 'AUX', 'ADV', 'X', 'ADJ'].includes(t.pos)) {
      if (!toks) toks = doc.tokens.slice();
      toks[i] = { ...t, pos: 'PROPN' };
    }
  }
  return toks;
}

/** The dependency parser's tree for every sentence, re-parsed where a name was mis-tagged. */
function dependencyParse(doc: Doc, names: { start: number; end: number }[]): { heads: Int32Array; labels: string[] } {
  const dp = parseDoc(doc);
  const heads = Int32Array.from(dp.heads);
  const labels = Array.from(dp.labelIds, (id) => dp.labelNames[id]);
  const retagged = retagNames(doc, names);
  if (retagged) {
    for (const s of doc.sentences) {
      let changed = false;
      for (let i = s.firstToken; i < s.endToken && !changed; i++) changed = retagged[i] !== doc.tokens[i];
      if (!changed) continue;
      const r = parseTokens(parserModel(), retagged.slice(s.firstToken, s.endToken));
      for (let i = 0; i < r.heads.length; i++) {
        heads[s.firstToken + i] = r.heads[i] < 0 ? -1 : s.firstToken + r.heads[i];
        labels[s.firstToken + i] = dp.labelNames[r.labels[i]];
      }
    }
  }
  return { heads, labels };
}

export function headOf(p: Parse, i: number): number {
  return i < 0 ? -1 : p.heads[i];
}

export function labelOf(p: Parse, i: number): string {
  return i < 0 ? '' : p.labels[i];
}

/** Dependents of token `i`, optionally only those with one of the labels, in text order. */
export function childrenOf(p: Parse, i: number, ...labels: string[]): number[] {
  if (i < 0) return [];
  const out: number[] = [];
  for (let c = p.childStart[i], end = p.childStart[i + 1]; c < end; c++) {
    const k = p.childList[c];
    if (labels.length === 0 || labels.includes(p.labels[k])) out.push(k);
  }
  return out;
}

const SUBJECTS = ['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass'];
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);

/** The subject of a clause head (a verb, or the predicate of a copula): its own; a relative
 * clause's antecedent when the clause's subject is who/which/that (or missing); the first
 * conjunct's for the second verb of "X blew the whistle and left"; for an infinitive complement
 * ("refused to sign") the governing verb's object if it has one, else its subject. -1 if none. */
export function subjectOf(p: Parse, head: number): number {
  for (let hop = 0, h = head; hop < 8 && h >= 0; hop++) {
    const own = childrenOf(p, h, ...SUBJECTS);
    const label = p.labels[h];
    if (own.length) {
      if (label === 'acl:relcl' && RELATIVE_PRONOUNS.has(p.doc.tokens[own[0]].text.toLowerCase())) return p.heads[h];
      return own[0];
    }
    if (label === 'acl:relcl') return p.heads[h];
    if (label === 'conj') h = p.heads[h];
    else if (label === 'xcomp') {
      const up = p.heads[h];
      if (up < 0) return -1;
      const obj = childrenOf(p, up, 'obj');
      if (obj.length) return obj[0];
      h = up;
    } else return -1;
  }
  return -1;
}

export function isPassive(p: Parse, head: number): boolean {
  return childrenOf(p, head, 'nsubj:pass', 'aux:pass', 'csubj:pass').length > 0;
}

/** Direct objects of a verb, with the nouns coordinated with them. */
export function objectsOf(p: Parse, head: number): number[] {
  const direct = childrenOf(p, head, 'obj', 'iobj');
  const out = new Set(direct);
  for (const o of direct) for (const c of childrenOf(p, o, 'conj')) out.add(c);
  return [...out].sort((a, b) => a - b);
}

/** Adjectival and nominal modifiers of a noun, and its appositions. */
export function modifiersOf(p: Parse, noun: number): number[] {
  return childrenOf(p, noun, 'amod', 'compound', 'appos', 'nmod:poss', 'acl:relcl', 'acl');
}

/** The nearest verb or clause head above token `i` (itself when it is one). */
export function governingVerb(p: Parse, doc: Doc, i: number): number {
  let k = i;
  for (let n = 0; k >= 0 && n < 12; n++) {
    const t = doc.tokens[k];
    if (t.pos === 'VERB' || childrenOf(p, k, 'cop', 'nsubj', 'nsubj:pass').length || p.heads[k] < 0) return k;
    k = p.heads[k];
  }
  return -1;
}

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nor', 'neither', 'hardly', 'barely', 'cannot']);

/** Whether a clause head (or a modifier) is negated: "did not bungle", "was never reckless". */
export function isNegated(p: Parse, doc: Doc, i: number): boolean {
  return childrenOf(p, i, 'advmod', 'neg', 'det', 'aux', 'aux:pass', 'cop').some((k) => NEGATORS.has(doc.tokens[k].text.toLowerCase().replace('’', "'")));
}

// ── the shallow fallback parser ─────────────────────────────────────────────────────────────

const COPULAS = new Set(['be', 'become', 'seem', 'remain', 'appear', 'look', 'sound', 'prove', 'feel', 'get']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom', 'whose']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

interface Chunk {
  kind: 'np' | 'vg';
  from: number;
  to: number; // inclusive
  head: number;
}

const isWord = (t: Token | undefined): boolean => !!t && /[\p{L}\p{N}]/u.test(t.text);
const lower = (t: Token): string => t.text.toLowerCase().replace(/’/g, "'");
const isPossessiveMark = (t: Token | undefined): boolean => !!t && /^['’]s?$/.test(t.text) && (t.pos === 'PART' || t.text.length === 2);
const isNominal = (t: Token): boolean => t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'X' && /^\p{Lu}/u.test(t.text));
/** A participle standing as an adjective before a noun ("the shaken Costello", "a botched attempt"). */
const participleModifier = (toks: Token[], k: number, end: number): boolean =>
  toks[k].pos === 'VERB' &&
  /(ed|en|ing)$/i.test(toks[k].text) &&
  k + 1 < end &&
  (isNominal(toks[k + 1]) || toks[k + 1].pos === 'ADJ') &&
  // Only inside a phrase that has begun: "Critics slammed Eastland" is a clause, "the shaken
  // Costello" a phrase.
  k > 0 &&
  (['DET', 'ADJ', 'ADV', 'NUM'].includes(toks[k - 1].pos) || POSSESSIVE_PRONOUNS.has(lower(toks[k - 1])) || toks[k - 1].text === '-');

/** Chunk one sentence into noun phrases and verb groups. */
function chunk(toks: Token[], start: number, end: number): Chunk[] {
  const out: Chunk[] = [];
  let i = start;
  while (i < end) {
    const t = toks[i];
    // Noun phrase: determiners, numbers, adjectives, adverbs before adjectives, nouns, names,
    // hyphen joins, participles used as adjectives; it ends on its last nominal.
    if (['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'X'].includes(t.pos) || (t.pos === 'ADV' && toks[i + 1]?.pos === 'ADJ' && isNominalAhead(toks, i + 1, end)) || participleModifier(toks, i, end)) {
      if (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(lower(t))) {
        if (RELATIVES.has(lower(t))) {
          i++;
          continue;
        }
        out.push({ kind: 'np', from: i, to: i, head: i });
        i++;
        continue;
      }
      let j = i;
      let last = -1;
      while (j < end) {
        const u = toks[j];
        if (isNominal(u) || u.pos === 'NUM') last = j;
        else if (u.pos === 'PRON' && j === i && POSSESSIVE_PRONOUNS.has(lower(u))) {
          // "her crazy past": the possessive opens the phrase
        } else if (u.pos === 'DET' && j === i) {
          // determiner first
        } else if (u.pos === 'ADJ' || (u.pos === 'ADV' && toks[j + 1]?.pos === 'ADJ') || participleModifier(toks, j, end)) {
          // modifiers before the head
        } else if (u.text === '-' && isWord(toks[j - 1]) && isWord(toks[j + 1]) && j > i) {
          // "hard - partying", "12 - year"
        } else break;
        j++;
      }
      if (last < 0) {
        // A predicate adjective ("was reckless"), or a lone determiner: an adjective phrase.
        const adj = lastIndex(toks, i, j, (u) => u.pos === 'ADJ');
        if (adj >= 0) out.push({ kind: 'np', from: i, to: j - 1, head: adj });
        i = Math.max(j, i + 1);
        continue;
      }
      out.push({ kind: 'np', from: i, to: last, head: last });
      i = last + 1;
      continue;
    }
    // Verb group: auxiliaries, negation, adverbs, ending on the main verb (or a lone auxiliary).
    if (t.pos === 'AUX' || t.pos === 'VERB' || (t.pos === 'PART' && lower(t) === 'to' && toks[i + 1]?.pos === 'VERB')) {
      let j = i;
      let lastVerb = -1;
      let lastAux = -1;
      while (j < end) {
        const u = toks[j];
        // A second main verb starts another group ("known for partying | checked").
        if (u.pos === 'VERB' && lastVerb >= 0) break;
        if (u.pos === 'VERB') lastVerb = j;
        else if (u.pos === 'AUX') lastAux = j;
        else if (u.pos === 'PART' || (u.pos === 'ADV' && j + 1 < end && ['VERB', 'AUX', 'ADV', 'PART'].includes(toks[j + 1].pos))) {
          // not, to, adverbs inside the group
        } else break;
        // A verb followed by another verb's auxiliary ends the group ("died had been").
        if (lastVerb >= 0 && toks[j + 1]?.pos === 'AUX') {
          j++;
          break;
        }
        j++;
      }
      const head = lastVerb >= 0 ? lastVerb : lastAux >= 0 ? lastAux : j - 1;
      out.push({ kind: 'vg', from: i, to: Math.max(i, j - 1), head });
      i = Math.max(j, i + 1);
      continue;
    }
    i++;
  }
  return out;
}

function isNominalAhead(toks: Token[], k: number, end: number): boolean {
  for (let j = k; j < end && j < k + 4; j++) {
    if (isNominal(toks[j])) return true;
    if (toks[j].pos !== 'ADJ' && toks[j].pos !== 'ADV' && toks[j].text !== '-') return false;
  }
  return false;
}

function lastIndex(toks: Token[], from: number, to: number, ok: (t: Token) => boolean): number {
  for (let k = to - 1; k >= from; k--) if (ok(toks[k])) return k;
  return -1;
}

export function shallowParse(doc: Doc, names: { start: number; end: number }[] = []): { heads: Int32Array; labels: string[] } {
  const n = doc.tokens.length;
  const heads = new Int32Array(n).fill(-1);
  const labels = new Array<string>(n).fill('root');
  let toks = doc.tokens;
  if (names.length) {
    const sorted = [...names].sort((a, b) => a.start - b.start);
    toks = doc.tokens.map((t) => t);
    let m = 0;
    for (let i = 0; i < toks.length; i++) {
      while (m < sorted.length && sorted[m].end <= toks[i].start) m++;
      const inName = m < sorted.length && sorted[m].start <= toks[i].start && toks[i].end <= sorted[m].end;
      if (inName && /^\p{Lu}/u.test(toks[i].text) && toks[i].pos !== 'PROPN') toks[i] = { ...toks[i], pos: 'PROPN' };
    }
  }
  for (const s of doc.sentences) parseSentence(toks, s.firstToken, s.endToken, heads, labels);
  return { heads, labels };
}

const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'tonight', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night']);
/** A bare time noun phrase ("Thursday", "last week") modifies the clause, it is not an object. */
const isTimePhrase = (toks: Token[], c: Chunk): boolean => TIME_WORDS.has(lower(toks[c.head]));

function parseSentence(toks: Token[], start: number, end: number, heads: Int32Array, labels: string[]): void {
  const set = (i: number, h: number, label: string): void => {
    if (i === h || i < start || i >= end) return;
    heads[i] = h;
    labels[i] = label;
  };
  const chunks = chunk(toks, start, end);
  const unattached = new Set<number>();
  for (let i = start; i < end; i++) unattached.add(i);
  const attach = (i: number, h: number, label: string): void => {
    set(i, h, label);
    unattached.delete(i);
  };

  // Inside noun phrases: everything before the head modifies it.
  for (const c of chunks) {
    if (c.kind !== 'np') continue;
    for (let k = c.from; k <= c.to; k++) {
      if (k === c.head) continue;
      const t = toks[k];
      if (k > c.head) continue;
      const label =
        t.pos === 'DET' ? 'det'
        : t.pos === 'NUM' ? 'nummod'
        : t.pos === 'PRON' ? 'nmod:poss'
        : t.pos === 'ADV' ? 'advmod'
        : t.text === '-' ? 'punct'
        : t.pos === 'ADJ' || t.pos === 'VERB' ? 'amod'
        : 'compound';
      // An adverb modifies the adjective after it ("highly controversial").
      attach(k, t.pos === 'ADV' && toks[k + 1]?.pos === 'ADJ' ? k + 1 : c.head, label);
    }
  }
  // Possessives: "Reid 's messy lifestyle" → Reid is nmod:poss of lifestyle.
  for (let x = 0; x + 1 < chunks.length; x++) {
    const a = chunks[x];
    const b = chunks[x + 1];
    if (a.kind === 'np' && b.kind === 'np' && isPossessiveMark(toks[a.to + 1]) && b.from === a.to + 2) {
      attach(a.head, b.head, 'nmod:poss');
      attach(a.to + 1, a.head, 'case');
    }
  }
  const npAt = new Map<number, Chunk>();
  for (const c of chunks) if (c.kind === 'np') for (let k = c.from; k <= c.to; k++) npAt.set(k, c);
  const isPP = (c: Chunk): boolean => c.from - 1 >= start && toks[c.from - 1].pos === 'ADP';

  // Appositions: "NP1 , NP2 ," where NP2 is not the subject of a verb that follows.
  for (let x = 0; x + 1 < chunks.length; x++) {
    const a = chunks[x];
    const b = chunks[x + 1];
    if (a.kind !== 'np' || b.kind !== 'np' || toks[a.to + 1]?.text !== ',' || b.from !== a.to + 2) continue;
    if (toks[b.head].pos === 'NUM' || toks[a.head].pos === 'NUM') continue;
    const after = toks[b.to + 1];
    const next = chunks[x + 2];
    const closes = !after || after.text === ',' || after.text === ';' || after.text === ')' || after.pos === 'PUNCT' || (after.pos === 'ADP' && next?.kind === 'np');
    if (heads[b.head] !== -1 && labels[b.head] === 'nmod:poss') continue;
    if (closes && !(next && next.kind === 'vg' && next.from === b.to + 1)) {
      attach(b.head, a.head, 'appos');
    } else if (x === 0 && a.from === start && next?.kind === 'vg' && next.from === b.to + 1 && toks[a.from].pos === 'DET' && /^(a|an)$/i.test(toks[a.from].text)) {
      // A fronted description: "A lackadaisical student, Mr. Gigante graduated …".
      attach(a.head, b.head, 'appos');
    }
  }
  // Prepositional phrases: a noun phrase after a preposition attaches to the noun phrase before
  // it, else to the verb before it.
  for (let x = 0; x < chunks.length; x++) {
    const c = chunks[x];
    if (c.kind !== 'np' || !isPP(c)) continue;
    // "with a pugilist 's face": the preposition's object is the possessed noun.
    let object = c.head;
    while (labels[object] === 'nmod:poss' && heads[object] >= 0) object = heads[object];
    attach(c.from - 1, object, 'case');
    if (!unattached.has(object)) continue;
    (c as Chunk & { object?: number }).object = object;
    const prev = chunks[x - 1];
    if (prev && prev.to === c.from - 2 && !(prev.kind === 'np' && isTimePhrase(toks, prev))) attach(object, prev.head, prev.kind === 'np' ? 'nmod' : lower(toks[c.from - 1]) === 'by' ? 'obl:agent' : 'obl');
    else {
      // After a clause-level adverbial or at the start: find the verb of the clause later.
      (c as Chunk & { obl?: boolean }).obl = true;
    }
  }
  // Clauses: each verb group's head, its subject and object.
  let previousClause: { head: number; subject: number; end: number } | null = null;
  const clauseHead = new Map<Chunk, number>();
  for (let x = 0; x < chunks.length; x++) {
    const v = chunks[x];
    if (v.kind !== 'vg') continue;
    let head = v.head;
    const headTok = toks[head];
    const auxes: number[] = [];
    for (let k = v.from; k <= v.to; k++) if (k !== head) auxes.push(k);
    // A copula: "was reckless", "is a controversial figure" — the predicate heads the clause.
    const next = chunks[x + 1];
    let copula = -1;
    if (headTok.pos === 'AUX' && COPULAS.has(headTok.lemma) && next?.kind === 'np' && next.from === v.to + 1 && !isPP(next)) {
      copula = head;
      head = next.head;
    } else if (headTok.pos === 'VERB' && COPULAS.has(headTok.lemma) && headTok.lemma !== 'get' && next?.kind === 'np' && next.from === v.to + 1 && toks[next.head].pos === 'ADJ') {
      copula = head;
      head = next.head;
    }
    for (const k of auxes) {
      const t = toks[k];
      attach(k, head, t.pos === 'PART' && /^(not|n't|n’t)$/i.test(t.text) ? 'advmod' : t.pos === 'ADV' ? 'advmod' : t.pos === 'PART' ? 'mark' : 'aux');
    }
    if (copula >= 0) attach(copula, head, 'cop');
    const passive = copula < 0 && toks[head].pos === 'VERB' && /(ed|en|wn)$/i.test(toks[head].text) && auxes.some((k) => ['be', 'get'].includes(toks[k].lemma));
    // Subject: the nearest noun phrase to the left that is not inside a prepositional phrase,
    // stepping over a comma-delimited aside (", 33,", ", who …,") and adverbs.
    let subject = -1;
    let relative = false;
    let k = v.from - 1;
    while (k >= start && toks[k].pos === 'ADV') k--;
    if (k >= start && RELATIVES.has(lower(toks[k])) && toks[k].pos !== 'DET') {
      relative = true;
      let r = k - 1;
      if (r >= start && toks[r].text === ',') r--;
      const np = npAt.get(r);
      if (np) subject = np.head;
    } else {
      let guard = 0;
      while (k >= start && guard++ < 60) {
        const t = toks[k];
        if (t.text === ',') {
          // An aside closed by this comma (", 33,", ", a stocky figure …,", ", who makes …,"):
          // skip back to the comma that opened it, when a noun phrase stands before that one.
          let open = k - 1;
          while (open >= start && toks[open].text !== ',' && open > k - 30) open--;
          const opener = toks[open + 1];
          const aside = opener && (npAt.has(open + 1) || RELATIVES.has(lower(opener)) || (opener.pos === 'VERB' && /(ing|ed|en)$/i.test(opener.text)));
          if (open >= start && toks[open].text === ',' && aside && npAt.get(open - 1)) {
            k = open - 1;
            continue;
          }
          break;
        }
        const np = npAt.get(k);
        if (np) {
          if (isPP(np)) {
            k = np.from - 2;
            continue;
          }
          if (labels[np.head] === 'nmod:poss' || labels[np.head] === 'appos') {
            k = np.from - 1;
            continue;
          }
          subject = np.head;
          break;
        }
        if (t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'VERB' || t.pos === 'AUX' || t.text === ';' || t.text === ':') break;
        k--;
      }
    }
    if (subject >= 0 && subject !== head) {
      attach(subject, head, passive ? 'nsubj:pass' : 'nsubj');
      if (relative) attach(head, subject, 'acl:relcl');
    } else if (!relative && previousClause && toks[v.from - 1] && toks[v.from - 1].pos === 'CCONJ' && previousClause.subject >= 0) {
      // "X blew the whistle and died": the second verb is a conjunct of the first.
      attach(head, previousClause.head, 'conj');
    }
    // Object: the noun phrase right after the verb group ("slammed Eastland 's plan": the plan).
    if (copula < 0 && next?.kind === 'np' && next.from === v.to + 1) {
      let object = next.head;
      while (labels[object] === 'nmod:poss' && heads[object] >= 0) object = heads[object];
      if (unattached.has(object)) attach(object, head, isTimePhrase(toks, next) ? 'obl:tmod' : 'obj');
    }
    // Clause-level phrases after the verb: time phrases and the prepositional phrases after them.
    for (let y = x + 1; y < chunks.length && chunks[y].kind === 'np'; y++) {
      const c = chunks[y];
      if (isTimePhrase(toks, c) && unattached.has(c.head)) attach(c.head, head, 'obl:tmod');
    }
    // Prepositional phrases left for the clause: the nearest verb.
    for (let y = x + 1; y < chunks.length && chunks[y].kind === 'np'; y++) {
      const c = chunks[y] as Chunk & { obl?: boolean; object?: number };
      const o = c.object ?? c.head;
      if ((c.obl || (isPP(c) && isTimePhrase(toks, chunks[y - 1]))) && unattached.has(o)) attach(o, head, lower(toks[c.from - 1]) === 'by' && passive ? 'obl:agent' : 'obl');
    }
    previousClause = { head, subject, end: v.to };
    clauseHead.set(v, head);
  }
  // Clause-level phrases before the first verb ("In 1969, he was indicted"): attach to it.
  const firstVerb = chunks.find((c) => c.kind === 'vg');
  for (const c of chunks) {
    const cc = c as Chunk & { obl?: boolean; object?: number };
    const o = cc.object ?? c.head;
    if (c.kind === 'np' && cc.obl && unattached.has(o) && firstVerb) {
      const h = clauseHead.get(firstVerb) ?? firstVerb.head;
      if (h !== o) attach(o, h, 'obl');
    }
  }
  // Coordinated adjectives ("smart and ambitious") and nouns share their first conjunct's relation.
  for (let k = start + 1; k + 1 < end; k++) {
    if (toks[k].pos !== 'CCONJ') continue;
    const a = k - 1;
    const b = k + 1;
    if (toks[a].pos === 'ADJ' && toks[b].pos === 'ADJ' && unattached.has(a)) {
      attach(a, b, 'conj');
    }
  }
}
