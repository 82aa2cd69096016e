// What compare/ knows about each article, gathered once from the brief's annotations and the Doc:
// sentences with their content lemmas, entity mentions and resolved times. Every detector in this
// folder reads these, never the raw text again.
import type { Brief, Quote, TimeExpression } from '../types.js';
import { tokenIndexAt, type Doc, type Token } from '../text/doc.js';
import { loadJson } from '../util/data.js';
import { independentSources, type SourceGroups } from './sources.js';

export interface MentionRef {
  start: number;
  end: number;
  entity: string;
}

export interface SentenceInfo {
  article: string;
  index: number;
  start: number;
  end: number;
  text: string;
  /** Content lemmas (nouns, verbs, adjectives, names) minus reporting verbs, time words and numbers. */
  lemmas: Set<string>;
  /** Lemmas of verbs and event nouns that say what happened ("meet", "session", "release"). */
  actions: Set<string>;
  entities: Set<string>;
  times: TimeExpression[];
}

export interface ArticleInfo {
  id: string;
  outlet: string;
  doc: Doc;
  sentences: SentenceInfo[];
  mentions: MentionRef[];
  quotes: Quote[];
  /** [start, end) ranges inside quotation marks: the words of others, not of the writer. */
  quoted: [number, number][];
}

export interface Context {
  brief: Brief;
  articles: ArticleInfo[];
  byId: Map<string, ArticleInfo>;
  sources: SourceGroups;
  entityName: Map<string, string>;
  entityType: Map<string, string>;
}

interface Lexicon {
  synonyms: Record<string, string>;
  reportingVerbs: string[];
  timeWords: string[];
  stopLemmas: string[];
  eventNouns: string[];
}

type Words = { reporting: Set<string>; time: Set<string>; stop: Set<string>; eventNouns: Set<string>; synonyms: Record<string, string> };
let lexicon: Words | null = null;
export function words(): Words {
  if (!lexicon) {
    const l = loadJson<Lexicon>('compare/words.json');
    lexicon = {
      reporting: new Set(l.reportingVerbs),
      time: new Set(l.timeWords),
      stop: new Set(l.stopLemmas),
      eventNouns: new Set(l.eventNouns),
      synonyms: l.synonyms,
    };
  }
  return lexicon;
}

const CONTENT_POS = new Set(['NOUN', 'VERB', 'PROPN', 'ADJ']);

/** Ranges between quotation marks (straight or curly), paragraph by paragraph so an unclosed mark
 * cannot swallow the rest of the article. */
export function quotedRanges(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  for (const p of doc.paragraphs) {
    const text = doc.text.slice(p.start, p.end);
    // Curly and straight single quotes too, told apart from apostrophes by what surrounds them.
    const re = /“[^”]*”|"[^"]*"|«[^»]*»|‘[^‘]*?’(?![\p{L}])|(?<=^|[\s(\[—–-])'[^'\n]*?'(?![\p{L}])/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push([p.start + m.index, p.start + m.index + m[0].length]);
  }
  return out;
}

export function inRanges(ranges: [number, number][], at: number): boolean {
  for (const [a, b] of ranges) if (at >= a && at < b) return true;
  return false;
}

/** The lemma used to compare reports, with words outlets use interchangeably folded together,
 * then lightly stemmed so that a noun meets its verb ("summons" / "summoned", "meeting" / "met"). */
export function lemmaOf(lemma: string, text: string): string {
  const l = (lemma || text).toLowerCase().replace(/[’']s$/, '');
  return stem(words().synonyms[l] ?? l);
}

export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(ations?|ings?|ments?|ions?|als?|ers?|ed|es|s|e)$/, '').slice(0, 6);
}

/** The comparison stem of a content token, or null for words that do not tell reports apart
 * (function words, reporting verbs, time words, figures). */
export function contentStem(t: Token): string | null {
  if (!CONTENT_POS.has(t.pos) || /\d/.test(t.text)) return null;
  const w = words();
  const raw = (t.lemma || t.text).toLowerCase().replace(/[’']s$/, '');
  const word = w.synonyms[raw] ?? raw;
  if (word.length < 2 || w.stop.has(word) || w.time.has(word) || w.reporting.has(word) || w.reporting.has(t.text.toLowerCase())) return null;
  return stem(word);
}

/** Whether a content token names what happened: a verb or an event noun ("session", "release"). */
export function isAction(t: Token): boolean {
  const w = words();
  const raw = (t.lemma || t.text).toLowerCase();
  return t.pos === 'VERB' || w.eventNouns.has(raw) || w.eventNouns.has(w.synonyms[raw] ?? raw);
}

/** Content stems and action stems of the tokens in [start, end), outside the given time spans. */
export function stemsIn(doc: Doc, start: number, end: number, times: { start: number; end: number }[] = []): { lemmas: Set<string>; actions: Set<string> } {
  const lemmas = new Set<string>();
  const actions = new Set<string>();
  for (let i = tokenIndexAt(doc, start); i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    if (t.end > end) break;
    if (times.some((x) => t.start >= x.start && t.end <= x.end)) continue;
    const l = contentStem(t);
    if (!l) continue;
    lemmas.add(l);
    if (isAction(t)) actions.add(l);
  }
  return { lemmas, actions };
}

function sentenceInfo(doc: Doc, index: number, mentions: MentionRef[], times: TimeExpression[]): SentenceInfo {
  const s = doc.sentences[index];
  const timeSpans = times.filter((t) => t.start >= s.start && t.end <= s.end);
  const lemmas = new Set<string>();
  const actions = new Set<string>();
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = doc.tokens[i];
    if (timeSpans.some((x) => t.start >= x.start && t.end <= x.end)) continue;
    const l = contentStem(t);
    if (!l) continue;
    lemmas.add(l);
    if (isAction(t)) actions.add(l);
  }
  const entities = new Set<string>();
  for (const m of mentions) if (m.start >= s.start && m.end <= s.end) entities.add(m.entity);
  return { article: doc.article.id, index, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), lemmas, actions, entities, times: timeSpans };
}

export function buildContext(brief: Brief, docs: Doc[]): Context {
  const mentionsByArticle = new Map<string, MentionRef[]>();
  const entityName = new Map<string, string>();
  const entityType = new Map<string, string>();
  for (const e of brief.entities ?? []) {
    entityName.set(e.id, e.name);
    entityType.set(e.id, e.type);
    for (const m of e.mentions) {
      let list = mentionsByArticle.get(m.article);
      if (!list) mentionsByArticle.set(m.article, (list = []));
      list.push({ start: m.start, end: m.end, entity: e.id });
    }
  }
  const articles: ArticleInfo[] = docs.map((doc) => {
    const id = doc.article.id;
    const mentions = (mentionsByArticle.get(id) ?? []).sort((a, b) => a.start - b.start);
    const times = (brief.times ?? []).filter((t) => t.article === id);
    return {
      id,
      outlet: doc.article.outlet ?? id,
      doc,
      sentences: doc.sentences.map((_, i) => sentenceInfo(doc, i, mentions, times)),
      mentions,
      quotes: (brief.quotes ?? []).filter((q) => q.article === id),
      quoted: [
        ...quotedRanges(doc),
        ...(brief.quotes ?? []).filter((q) => q.article === id).map((q): [number, number] => [q.start, q.end]),
      ],
    };
  });
  return {
    brief,
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    sources: independentSources(docs.map((d) => d.article)),
    entityName,
    entityType,
  };
}

/** Overlap of two lemma sets: |A∩B| / |A∪B|. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared;
}

const capitalStems = new WeakMap<SentenceInfo, Set<string>>();

/** Two sentences naming different places and none in common ("killed in Kharkiv" / "killed in
 * Odesa") report different events, whatever else they share. */
export function differentPlaces(ctx: Context, a: SentenceInfo, b: SentenceInfo): boolean {
  const places = (s: SentenceInfo): string[] => [...s.entities].filter((e) => ctx.entityType.get(e) === 'place');
  const pa = places(a);
  const pb = places(b);
  if (pa.length === 0 || pb.length === 0 || pa.some((p) => pb.includes(p))) return false;
  // A place one sentence names that the other article names too is one both outlets know: the
  // island and the region it lies in ("Qeshm island" / "southern Iran"), not two scenes.
  const named = (article: string): Set<string> => {
    const info = ctx.byId.get(article);
    return new Set(info ? info.mentions.map((m) => m.entity) : []);
  };
  const inB = named(b.article);
  const inA = named(a.article);
  if (pa.some((p) => inB.has(p)) || pb.some((p) => inA.has(p))) return false;
  // A place named in the other sentence in another form ("Kellan" / "Kellani assets") is shared too.
  const stems = (s: SentenceInfo): Set<string> => {
    let set = capitalStems.get(s);
    if (!set) capitalStems.set(s, (set = new Set((s.text.match(/\p{Lu}[\p{L}’'-]+/gu) ?? []).map((w) => w.toLowerCase().slice(0, 5)))));
    return set;
  };
  const sa = stems(a);
  const sb = stems(b);
  const nameStem = (id: string): string => (ctx.entityName.get(id) ?? '').toLowerCase().slice(0, 5);
  return !pa.some((p) => sb.has(nameStem(p))) && !pb.some((p) => sa.has(nameStem(p)));
}

/** Action words the two share, where one side may use the word as a verb and the other as a noun
 * ("summoned on Monday" / "Tuesday's summons"). */
export function sharedActions(a: { lemmas: Set<string>; actions: Set<string> }, b: { lemmas: Set<string>; actions: Set<string> }): number {
  const shared = new Set<string>();
  for (const x of a.actions) if (b.lemmas.has(x)) shared.add(x);
  for (const x of b.actions) if (a.lemmas.has(x)) shared.add(x);
  return shared.size;
}

/** Whether two sentences from different articles plausibly report the same fact: enough shared
 * content words, at least one shared action word, and no contradiction in who is involved. */
export function sameFact(a: SentenceInfo, b: SentenceInfo, minJaccard = 0.25): boolean {
  const j = jaccard(a.lemmas, b.lemmas);
  const actions = sharedActions(a, b);
  const sharedEntities = sharedCount(a.entities, b.entities);
  if (actions === 0) return false;
  if (j >= minJaccard) return true;
  return sharedEntities >= 1 && sharedCount(a.lemmas, b.lemmas) >= 3 && j >= minJaccard * 0.6;
}

/** A capitalised proper-noun token. wink-nlp tags some names with letters outside ASCII as X
 * ("Şahin"), so those count too. */
export function isNameToken(t: { text: string; pos: string }): boolean {
  return (t.pos === 'PROPN' || t.pos === 'X') && /^\p{Lu}/u.test(t.text);
}
