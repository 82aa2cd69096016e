// Gold names of the three corpora as tags on Parley's own tokens. Each document's text goes through
// buildDoc, exactly as an article does at run time, and gold spans are mapped onto those tokens by
// character offset, so the model trains on the tokens it will see. A token's tag is known (a name's
// B/I/L/U, or O) or unknown (-1): ECB+ annotates only event participants, so outside its markables
// nothing is known; MEANTIME annotates only its first sentences; a gold span whose edges fall
// inside a Parley token stays unknown rather than being forced.
import { buildDoc, type Doc } from '../../src/text/doc.js';
import { lexicon } from '../../src/entities/lexicon.js';
import { featureDoc } from '../../src/entities/model/features.js';
import { NAME_TYPES, type NameType, tagsOf } from '../../src/entities/model/labels.js';
import { textArticle } from '../lib/article.js';
import { gumNames, loadGumDocs, type GumSplit } from '../lib/gum-mentions.js';
import { loadMeantimeDocs } from '../lib/meantime.js';
import { loadEcbDocs, type EcbDoc } from '../lib/ecbplus.js';

export type Corpus = 'gum' | 'meantime' | 'ecb';

export interface GoldName {
  start: number;
  end: number;
  type: NameType;
}

export interface NerDoc {
  id: string;
  corpus: Corpus;
  doc: Doc;
  /** Per Parley token: the gold tag, or -1 when the gold says nothing about the token. */
  fixed: Int8Array;
  /** Gold names as placed on Parley tokens (after trimming), for scoring the raw tagger. */
  names: GoldName[];
  /** Sentences (indices into doc.sentences) to train on; by default those with a known tag. */
  sentences?: number[];
}

const typeIndex = (t: NameType) => NAME_TYPES.indexOf(t);

/** Token range [a, b] of the Parley tokens that exactly cover [start, end), or null when an edge
 * falls inside a token or the span crosses a sentence. */
function tokensOf(doc: Doc, start: number, end: number): [number, number] | null {
  const toks = doc.tokens;
  let a = -1;
  let b = -1;
  for (let i = lowerBound(doc, start); i < toks.length && toks[i].start < end; i++) {
    if (toks[i].end <= start) continue;
    if (a < 0) a = i;
    b = i;
  }
  if (a < 0) return null;
  if (toks[a].start !== start || toks[b].end !== end || toks[a].sentence !== toks[b].sentence) return null;
  return [a, b];
}

function overlapping(doc: Doc, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = lowerBound(doc, start); i < doc.tokens.length && doc.tokens[i].start < end; i++) if (doc.tokens[i].end > start) out.push(i);
  return out;
}

function lowerBound(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function place(d: NerDoc, a: number, b: number, type: NameType) {
  const tags = tagsOf([{ first: a, last: b, type: typeIndex(type) }], b - a + 1, a);
  for (let k = a; k <= b; k++) d.fixed[k] = tags[k - a];
  d.names.push({ start: d.doc.tokens[a].start, end: d.doc.tokens[b].end, type });
}

const CAP = /^\p{Lu}/u;
const BODY_JOIN = new Set(['of', 'the', 'and', '&', 'for', 'on', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'bin', '-']);
const PERSON_JOIN = new Set(['de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'bin', '-']);

/**
 * The name inside an annotated mention, in Parley's convention: MEANTIME and ECB+ spans carry
 * determiners, titles and descriptions ("Halvex Chief Executive Tom Reyes", "Baltic national
 * carrier Norda Air", "Skylane Ltd., a Halvex-led consortium"). Keep what comes before a comma or
 * bracket, take the last stretch of capitalised words (English noun phrases end in their head),
 * drop a leading "The", and for a person drop the titles and honorifics before the name.
 */
export function namePart(doc: Doc, first: number, last: number, type: NameType): [number, number] | null {
  const toks = doc.tokens;
  const fd = featureDoc(doc);
  const words = fd.words;
  let end = last;
  for (let k = first + 1; k <= last; k++) {
    if (/^[,(;)"“”]$/.test(toks[k].text)) {
      end = k - 1;
      break;
    }
  }
  while (end >= first && (/^(?:'s|'|[.,;:!?])$/.test(words[end]) || !/[\p{L}\d]/u.test(toks[end].text))) end--;
  if (end < first) return null;
  const join = type === 'PER' ? PERSON_JOIN : BODY_JOIN;
  const part = (k: number) => CAP.test(toks[k].text) || /^\p{Ll}{1,2}\p{Lu}/u.test(toks[k].text) || (type !== 'PER' && /^\d/.test(toks[k].text) && k > first && CAP.test(toks[k - 1].text) ? true : false);
  // The last run of name words, joined by connectors.
  let b = end;
  while (b >= first && !part(b)) b--;
  if (b < first) return null;
  // "the Kovacs administration", "a Varna courthouse": a name that modifies a common noun is not
  // what the mention names.
  for (let k = b + 1; k <= end; k++) if (/^\p{Ll}/u.test(toks[k].text) && !join.has(words[k])) return null;
  let a = b;
  for (;;) {
    if (a - 1 >= first && part(a - 1)) {
      a--;
      continue;
    }
    let k = a - 1;
    while (k >= first && join.has(words[k])) k--;
    if (k < a - 1 && k >= first && part(k)) {
      a = k;
      continue;
    }
    break;
  }
  if (words[a] === 'the' && a < b) a++;
  if (type === 'PER') {
    // "Halvex Chief Executive Tom Reyes" → "Tom Reyes": the name starts after the last title word.
    for (let k = b - 1; k >= a; k--) {
      const g = fd.gaz[k];
      if (g.includes('role:L') || g.includes('role:U') || g.includes('honorific') || (toks[k].text === '.' && fd.gaz[k - 1]?.includes('honorific'))) {
        a = k + 1;
        break;
      }
    }
  }
  return a <= b ? [a, b] : null;
}

function newDoc(id: string, corpus: Corpus, text: string): NerDoc {
  const doc = buildDoc(textArticle(id, text));
  return { id, corpus, doc, fixed: new Int8Array(doc.tokens.length).fill(-1), names: [] };
}

/** GUM: every token known; names per gumNames (bench/lib/gum.ts). */
export function gumNerDocs(split: GumSplit): NerDoc[] {
  return loadGumDocs(split).map((g) => {
    const d = newDoc(g.id, 'gum', g.text);
    d.fixed.fill(0);
    for (const n of gumNames(g)) {
      const r = tokensOf(d.doc, n.start, n.end);
      if (r) place(d, r[0], r[1], n.type);
      else for (const k of overlapping(d.doc, n.start, n.end)) d.fixed[k] = -1;
    }
    return d;
  });
}

const MEANTIME_TYPE: Record<string, NameType> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', PRO: 'MISC', FIN: 'MISC', MIX: 'MISC' };

/** MEANTIME: the annotated first sentences are known (names, else O); the rest is unknown. */
export function meantimeNerDocs(topics?: string[]): NerDoc[] {
  const out: NerDoc[] = [];
  for (const m of loadMeantimeDocs()) {
    if (topics && !topics.includes(m.topic)) continue;
    const d = newDoc(m.id, 'meantime', m.text);
    d.doc.tokens.forEach((t, k) => {
      if (t.end <= m.scopeEnd) d.fixed[k] = 0;
    });
    for (const n of m.names) markMention(d, n.start, n.end, MEANTIME_TYPE[n.type] ?? null);
    out.push(d);
  }
  return out;
}

/** Tags from one annotated mention: its name part, if it has one, is a name of `type`; its other
 * capitalised words are unknown (they may be a nested name: "UK" in "UK RAF"); its lower-case words are O. */
function markMention(d: NerDoc, start: number, end: number, type: NameType | null) {
  const toks = overlapping(d.doc, start, end);
  if (toks.length === 0) return;
  const first = toks[0];
  const last = toks[toks.length - 1];
  const straddles = d.doc.tokens[first].start < start || d.doc.tokens[last].end > end || d.doc.tokens[first].sentence !== d.doc.tokens[last].sentence;
  const name = type && !straddles ? namePart(d.doc, first, last, type) : null;
  for (const k of toks) {
    const t = d.doc.tokens[k].text;
    if (straddles || /^\p{Lu}|^\d|^\p{Ll}{1,2}\p{Lu}/u.test(t)) d.fixed[k] = -1;
    else if (d.fixed[k] < 0) d.fixed[k] = 0;
  }
  if (name && type) place(d, name[0], name[1], type);
}

const ECB_TYPE: Record<string, NameType> = { HUMAN_PART_PER: 'PER', HUMAN_PART_ORG: 'ORG', HUMAN_PART_GPE: 'LOC', LOC_GEO: 'LOC', LOC_FAC: 'LOC', LOC_OTHER: 'LOC' };

/** ECB+ topics: only markables are known. A participant or location markable gives its name part
 * a type and its lower-case words O; an action or time markable is O throughout (a weekday or a
 * month is no name for Parley); nothing outside markables is known. */
export function ecbNerDocs(topics: number[]): NerDoc[] {
  return loadEcbDocs(topics).map((e) => ecbNerDoc(e));
}

export function ecbNerDoc(e: EcbDoc): NerDoc {
  const d = newDoc(e.id, 'ecb', e.text);
  for (const m of e.markables) {
    if (m.tag.startsWith('ACTION') || m.tag.startsWith('NEG_ACTION') || m.tag.startsWith('TIME')) {
      // A capitalised action word may be a named event ("World Cup"): leave it unknown.
      const time = m.tag.startsWith('TIME');
      for (const k of overlapping(d.doc, m.start, m.end)) if (d.fixed[k] < 0 && (time || !/^\p{Lu}/u.test(d.doc.tokens[k].text))) d.fixed[k] = 0;
      continue;
    }
    markMention(d, m.start, m.end, ECB_TYPE[m.tag] ?? null);
  }
  return d;
}

/** A headline-style copy of a sentence: every word capitalised, except short function words in
 * the style most outlets use (`every` capitalises those too, as some outlets do). */
export function titleCase(s: string, every = false): string {
  const small = lexicon().words.titleCaseLower;
  let first = true;
  return s.replace(/\p{L}[\p{L}'’]*/gu, (w) => {
    const keep = !every && !first && small.has(w.toLowerCase());
    first = false;
    return keep ? w : w[0].toUpperCase() + w.slice(1);
  });
}

/**
 * Headline copies: title-case lines are rare in the training text, and capitalisation says little
 * in them, so for some fully known sentences that hold a name, a title-cased copy is put on a line
 * of its own before the document (as a headline stands) and only that line is trained on. Lengths
 * are unchanged by title-casing, so gold offsets carry over.
 */
export function headlineCopies(d: NerDoc, perDoc: number): NerDoc | null {
  const { doc } = d;
  const picked: { start: number; end: number }[] = [];
  for (const s of doc.sentences) {
    if (picked.length >= perDoc) break;
    const n = s.endToken - s.firstToken;
    if (n < 4 || n > 20) continue;
    let known = true;
    let name = false;
    for (let k = s.firstToken; k < s.endToken; k++) {
      if (d.fixed[k] < 0) known = false;
      if (d.fixed[k] > 0) name = true;
    }
    if (known && name) picked.push({ start: s.start, end: s.end });
  }
  if (picked.length === 0) return null;
  let prefix = '';
  const shifts: { from: number; to: number; start: number; end: number }[] = [];
  picked.forEach((p, k) => {
    shifts.push({ from: p.start, to: prefix.length, start: p.start, end: p.end });
    prefix += `${titleCase(doc.text.slice(p.start, p.end), k % 2 === 1)}\n`;
  });
  const copy = newDoc(`${d.id}#headlines`, d.corpus, prefix + doc.text);
  for (const sh of shifts) {
    for (const n of d.names) {
      if (n.start < sh.start || n.end > sh.end) continue;
      const r = tokensOf(copy.doc, n.start - sh.from + sh.to, n.end - sh.from + sh.to);
      if (r) place(copy, r[0], r[1], n.type);
    }
    // Every other token of the copied line is O, unless a name's edge fell inside a token.
    for (let k = 0; k < copy.doc.tokens.length && copy.doc.tokens[k].start < prefix.length; k++) {
      const t = copy.doc.tokens[k];
      if (t.start >= sh.to && t.end <= sh.to + (sh.end - sh.start) && copy.fixed[k] < 0) copy.fixed[k] = 0;
    }
    for (const n of d.names) {
      if (n.start < sh.start || n.end > sh.end) continue;
      if (!tokensOf(copy.doc, n.start - sh.from + sh.to, n.end - sh.from + sh.to)) for (const k of overlapping(copy.doc, n.start - sh.from + sh.to, n.end - sh.from + sh.to)) copy.fixed[k] = -1;
    }
  }
  copy.sentences = [];
  copy.doc.sentences.forEach((s, si) => {
    if (s.end <= prefix.length) copy.sentences!.push(si);
  });
  copy.names = copy.names.filter((n) => n.end <= prefix.length);
  return copy;
}

export interface Participant {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC';
}

/**
 * The named participants of an ECB+ document, for scoring (bench:ner): markables tagged
 * HUMAN_PART_PER, HUMAN_PART_ORG, HUMAN_PART_GPE or LOC_* in the sentences the corpus lists as
 * annotated, reduced to their name part (namePart: "the actress Ana Ortiz" → "Ana Ortiz";
 * none when a name only modifies the head noun, "the Kovacs administration"), and kept only when the
 * name part holds a word that reads as a name: on a prose line, capitalised and not opening its
 * sentence, or opening it but never written in lower case in the document ("Police said" is no
 * name; "Ortiz said" is); on a headline or title-case line, a word the document also capitalises
 * mid-sentence in prose ("Fugitive" in a headline is no name). GPE and LOC become places, as Parley
 * types countries and cities.
 */
export function ecbNamedParticipants(e: EcbDoc, doc: Doc): Participant[] {
  const fd = featureDoc(doc);
  const out: Participant[] = [];
  const seen = new Set<string>();
  for (const m of e.markables) {
    const type = ECB_TYPE[m.tag] as Participant['type'] | undefined;
    if (!type) continue;
    const first = e.tokenById.get(m.tokenIds[0]);
    if (!first || !e.annotatedSentences.has(first.sentence)) continue;
    const toks = overlapping(doc, m.start, m.end);
    if (toks.length === 0) continue;
    const part = namePart(doc, toks[0], toks[toks.length - 1], type);
    if (!part) continue;
    let named = false;
    for (let k = part[0]; k <= part[1] && !named; k++) {
      if (!fd.cap[k]) continue;
      const w = fd.words[k];
      if (fd.lineKind[k] !== 0) named = (fd.capMid.get(w) ?? 0) > 0;
      else named = !fd.initial[k] || !fd.lower.has(w);
    }
    if (!named) continue;
    const start = doc.tokens[part[0]].start;
    const end = doc.tokens[part[1]].end;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start, end, type });
  }
  return out;
}
