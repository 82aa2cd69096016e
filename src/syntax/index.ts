// Dependency syntax for every stage: heads and UD relations for the Doc's own tokens, parsed on
// first request and cached per Doc, and the few questions stages ask of a tree (who is the
// subject of this verb, what are its objects, what modifies this noun, is it negated).
import { readFileSync } from 'node:fs';
import type { Doc } from '../text/doc.js';
import { dataPath } from '../util/data.js';
import { deserialise, type ParserModel } from './model.js';
import { parseTokens } from './parser.js';

export type { ParserModel } from './model.js';

/** The parse of a Doc so far: sentences are parsed when first asked for. */
export interface DocParse {
  /** Per Doc token: the Doc index of its head, -1 for the root of its sentence. */
  heads: Int32Array;
  /** Per Doc token: index into `labelNames`. */
  labelIds: Uint8Array;
  labelNames: readonly string[];
  /** Per sentence: 1 once parsed. */
  parsed: Uint8Array;
}

export interface SentenceParse {
  /** Doc indices of the sentence's tokens: firstToken … endToken - 1. */
  firstToken: number;
  endToken: number;
  /** Per token of the sentence (offset by firstToken): Doc index of its head or -1. */
  heads: number[];
  labels: string[];
}

let model: ParserModel | null = null;

/** The shipped model, read on first use. */
export function parserModel(): ParserModel {
  if (!model) model = deserialise(readFileSync(dataPath('models/parser.bin')));
  return model;
}

const cache = new WeakMap<Doc, DocParse>();

function docParse(doc: Doc): DocParse {
  let p = cache.get(doc);
  if (!p) {
    p = {
      heads: new Int32Array(doc.tokens.length).fill(-1),
      labelIds: new Uint8Array(doc.tokens.length),
      labelNames: parserModel().labels,
      parsed: new Uint8Array(doc.sentences.length),
    };
    cache.set(doc, p);
  }
  return p;
}

function ensureSentence(doc: Doc, p: DocParse, s: number): void {
  if (p.parsed[s]) return;
  const { firstToken, endToken } = doc.sentences[s];
  const r = parseTokens(parserModel(), doc.tokens.slice(firstToken, endToken));
  for (let i = 0; i < r.heads.length; i++) {
    p.heads[firstToken + i] = r.heads[i] < 0 ? -1 : firstToken + r.heads[i];
    p.labelIds[firstToken + i] = r.labels[i];
  }
  p.parsed[s] = 1;
}

/** The sentences of a Doc parsed so far, as plain typed arrays (structured-clonable). */
export interface ParseSnapshot {
  heads: Int32Array;
  labelIds: Uint8Array;
  parsed: Uint8Array;
}

/** What this thread has parsed of a Doc, or null if nothing. The cache is per thread and keyed by
 * the Doc object, so a worker sends this with its analysis and the receiving thread adopts it for
 * its clone of the Doc instead of parsing the sentences again. */
export function parseSnapshot(doc: Doc): ParseSnapshot | null {
  const p = cache.get(doc);
  if (!p || !p.parsed.includes(1)) return null;
  return { heads: p.heads, labelIds: p.labelIds, parsed: p.parsed };
}

/** Take a snapshot from parseSnapshot (of the same tokens) as this Doc's parse so far. */
export function adoptParse(doc: Doc, snapshot: ParseSnapshot): void {
  if (snapshot.heads.length !== doc.tokens.length || snapshot.parsed.length !== doc.sentences.length) return;
  const p = docParse(doc);
  for (let s = 0; s < doc.sentences.length; s++) {
    if (!snapshot.parsed[s] || p.parsed[s]) continue;
    const { firstToken, endToken } = doc.sentences[s];
    p.heads.set(snapshot.heads.subarray(firstToken, endToken), firstToken);
    p.labelIds.set(snapshot.labelIds.subarray(firstToken, endToken), firstToken);
    p.parsed[s] = 1;
  }
}

/** Use a given tree for one sentence of a Doc instead of the parser's (a gold tree in a
 * benchmark, or a hand-built tree in a test of the helpers below). `heads` are sentence-relative
 * (-1 for the root); labels must be ones the model knows. */
export function setSentenceParse(doc: Doc, sentenceIndex: number, heads: readonly number[], labels: readonly string[]): void {
  const p = docParse(doc);
  const { firstToken, endToken } = doc.sentences[sentenceIndex];
  if (heads.length !== endToken - firstToken || labels.length !== heads.length) throw new Error('setSentenceParse: one head and one label per token');
  for (let i = 0; i < heads.length; i++) {
    const id = p.labelNames.indexOf(labels[i]);
    if (id < 0) throw new Error(`setSentenceParse: unknown label ${labels[i]}`);
    p.heads[firstToken + i] = heads[i] < 0 ? -1 : firstToken + heads[i];
    p.labelIds[firstToken + i] = id;
  }
  p.parsed[sentenceIndex] = 1;
}

/** Parse every sentence of the Doc (once; later calls return the cached parse). */
export function parseDoc(doc: Doc): DocParse {
  const p = docParse(doc);
  for (let s = 0; s < doc.sentences.length; s++) ensureSentence(doc, p, s);
  return p;
}

/** Parse one sentence (cached with the Doc). */
export function parseSentence(doc: Doc, sentenceIndex: number): SentenceParse {
  const p = docParse(doc);
  ensureSentence(doc, p, sentenceIndex);
  const { firstToken, endToken } = doc.sentences[sentenceIndex];
  const heads: number[] = [];
  const labels: string[] = [];
  for (let i = firstToken; i < endToken; i++) {
    heads.push(p.heads[i]);
    labels.push(p.labelNames[p.labelIds[i]]);
  }
  return { firstToken, endToken, heads, labels };
}

function tokenParse(doc: Doc, token: number): DocParse {
  const p = docParse(doc);
  ensureSentence(doc, p, doc.tokens[token].sentence);
  return p;
}

/** Doc index of the token's head, or -1 if it is the root of its sentence. */
export function headOf(doc: Doc, token: number): number {
  return tokenParse(doc, token).heads[token];
}

/** The UD relation of the token to its head ("nsubj", "amod", "root", …). */
export function labelOf(doc: Doc, token: number): string {
  const p = tokenParse(doc, token);
  return p.labelNames[p.labelIds[token]];
}

/** Dependents of a token in text order, optionally only those with one of the given relations. */
export function childrenOf(doc: Doc, token: number, labels?: readonly string[]): number[] {
  const p = tokenParse(doc, token);
  const { firstToken, endToken } = doc.sentences[doc.tokens[token].sentence];
  const out: number[] = [];
  for (let i = firstToken; i < endToken; i++) {
    if (p.heads[i] !== token) continue;
    if (labels && !labels.includes(p.labelNames[p.labelIds[i]])) continue;
    out.push(i);
  }
  return out;
}

const SUBJECTS = ['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass'];
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);

/** The subject of a predicate (a verb, or the adjective or noun of a copular clause): its own
 * subject; else, for the second verb of a coordination ("rejected and condemned"), the first
 * verb's; for an infinitive complement ("refused to sign", "urged Iran to sign"), the object of
 * the governing verb if it has one, else its subject; for a relative clause whose subject is
 * "who/which/that", the noun the clause modifies. -1 if none is found. */
export function subjectOf(doc: Doc, predicate: number): number {
  for (let hop = 0, p = predicate; hop < 8 && p >= 0; hop++) {
    const own = childrenOf(doc, p, SUBJECTS);
    const label = labelOf(doc, p);
    if (own.length > 0) {
      const s = own[0];
      if (label === 'acl:relcl' && RELATIVE_PRONOUNS.has(doc.tokens[s].text.toLowerCase())) return headOf(doc, p);
      return s;
    }
    if (label === 'conj') p = headOf(doc, p);
    else if (label === 'xcomp') {
      const head = headOf(doc, p);
      if (head < 0) return -1;
      const obj = childrenOf(doc, head, ['obj']);
      if (obj.length > 0) return obj[0];
      p = head;
    } else return -1;
  }
  return -1;
}

/** Direct and indirect objects of a verb, each with the nouns coordinated with it ("the offer
 * and the plan"), in text order. A passive verb's patient is its subject: see isPassive. */
export function objectsOf(doc: Doc, verb: number): number[] {
  return withConjuncts(doc, childrenOf(doc, verb, ['obj', 'iobj']));
}

/** The agent of a passive verb ("praised by the mediator" → mediator), or -1: an obl:agent
 * dependent, or for a passive verb an oblique introduced by "by" (the parser often labels a
 * passive agent plain obl). */
export function agentOf(doc: Doc, verb: number): number {
  const a = childrenOf(doc, verb, ['obl:agent']);
  if (a.length > 0) return a[0];
  if (!isPassive(doc, verb)) return -1;
  for (const o of childrenOf(doc, verb, ['obl'])) {
    if (childrenOf(doc, o, ['case']).some((c) => doc.tokens[c].text.toLowerCase() === 'by')) return o;
  }
  return -1;
}

/** A passive subject or a passive auxiliary among the verb's dependents. */
export function isPassive(doc: Doc, verb: number): boolean {
  return childrenOf(doc, verb, ['nsubj:pass', 'aux:pass', 'csubj:pass']).length > 0;
}

const MODIFIERS = ['amod', 'nmod', 'nmod:poss', 'appos', 'acl', 'acl:relcl', 'compound', 'nummod'];

/** What modifies a noun: adjectives (with those coordinated with them: "defiant and isolated"),
 * prepositional and possessive modifiers, appositions, participial and relative clauses,
 * compounds and numbers, in text order. Use labelOf to tell them apart. */
export function modifiersOf(doc: Doc, noun: number): number[] {
  const direct = childrenOf(doc, noun, MODIFIERS);
  const out = new Set(direct);
  for (const m of direct) {
    if (labelOf(doc, m) !== 'amod') continue;
    for (const c of childrenOf(doc, m, ['conj'])) out.add(c);
  }
  return [...out].sort((a, b) => a - b);
}

/** The predicate a noun is the subject of ("The minister was defiant" → defiant; "The minister
 * rejected…" → rejected), through coordination of subjects; -1 if it is not a subject. */
export function predicateOf(doc: Doc, noun: number): number {
  let t = noun;
  for (let hop = 0; hop < 8; hop++) {
    const label = labelOf(doc, t);
    if (SUBJECTS.includes(label)) return headOf(doc, t);
    if (label !== 'conj') return -1;
    t = headOf(doc, t);
    if (t < 0) return -1;
  }
  return -1;
}

/** The nearest verb above a token: the closest ancestor that is a verb, has a copula or is its
 * sentence's root (a verbless headline). -1 if the token is the root itself. */
export function governingVerb(doc: Doc, token: number): number {
  let h = headOf(doc, token);
  for (let hop = 0; h >= 0 && hop < 64; hop++) {
    if (doc.tokens[h].pos === 'VERB' || headOf(doc, h) < 0 || childrenOf(doc, h, ['cop']).length > 0) return h;
    h = headOf(doc, h);
  }
  return -1;
}

const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'cannot']);

/** A negating dependent: not, n't, never (advmod), or an auxiliary written "cannot". */
export function isNegated(doc: Doc, verb: number): boolean {
  for (const c of childrenOf(doc, verb, ['advmod', 'aux', 'aux:pass', 'cop'])) {
    if (NEGATORS.has(doc.tokens[c].text.toLowerCase())) return true;
  }
  return false;
}

function withConjuncts(doc: Doc, tokens: number[]): number[] {
  const out = new Set(tokens);
  for (const t of tokens) for (const c of childrenOf(doc, t, ['conj'])) out.add(c);
  return [...out].sort((a, b) => a - b);
}
