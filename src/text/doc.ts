// The Doc: an article's immutable text with paragraphs, sentences and tokens as stand-off spans.
// Every later stage reads a Doc; none of them edits the text.
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type model from 'wink-eng-lite-web-model';
import type { Article } from '../types.js';

export interface Paragraph {
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index into Doc.paragraphs. */
  paragraph: number;
  /** Index of the first token of the sentence and one past its last, into Doc.tokens. */
  firstToken: number;
  endToken: number;
}

export interface Token {
  start: number;
  end: number;
  /** Exactly text.slice(start, end). */
  text: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, AUX, PRON, PUNCT, …). */
  pos: string;
  /** Lower-case lemma from wink-nlp ("said" → "say", "n't" → "not"). */
  lemma: string;
  /** Index into Doc.sentences. */
  sentence: number;
}

export interface Doc {
  article: Article;
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

/** The part of wink-nlp's language model that its cache writes to: every word outside the
 * vocabulary that it reads is added to `lexeme`, and a word found there is kept whole next time. */
interface WinkCore {
  features: { lexeme: { hash: Record<string, number>; list: string[]; intrinsicSize: number } };
}
let core: WinkCore | null = null;

interface Wink {
  nlp: ReturnType<typeof winkNLP>;
  its: ReturnType<typeof winkNLP>['its'];
  /** The id wink-nlp gives the first word outside its vocabulary that it meets; every later
   * unknown word gets a higher one, so ids below it are vocabulary words. Read before any
   * document is. */
  firstUnknownId: number;
}
let loaded: Wink | null = null;

/** wink-nlp and its English model, loaded on first use: the main thread of a run whose articles
 * are analysed by worker threads never tokenises, and loading the model is a good part of a
 * process's start. */
function wink(): Wink {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const createNlp = require('wink-nlp') as typeof winkNLP;
  const english = require('wink-eng-lite-web-model') as typeof model;
  const nlp = createNlp(
    Object.assign(Object.create(null), english, {
      core: () => {
        core = (english as unknown as { core: () => WinkCore }).core();
        return core;
      },
    }) as typeof model,
  );
  const its = nlp.its;
  const firstUnknownId = (nlp.readDoc('qzxqzxqzq').tokens().out(its.uniqueId) as unknown as number[])[0];
  loaded = { nlp, its, firstUnknownId };
  return loaded;
}

/** How far forgetUnknownWords() has looked through the lexeme list. */
let forgottenUpTo = -1;

/**
 * wink-nlp remembers each word outside its vocabulary that it has read, and tokenises a word it
 * remembers differently: "Taylor's" is split in two the first time, but kept whole once any text
 * had it as one token. A Doc would then depend on which articles the process read before (and a
 * worker thread would tokenise differently from the main thread). So the words read before an
 * article are forgotten when it starts: their entries stay in wink-nlp's tables, which stay
 * consistent (a word read again gets a new entry), but the lookup no longer finds them.
 */
function forgetUnknownWords(): void {
  const lexeme = core?.features.lexeme;
  if (!lexeme) return;
  const { hash, list } = lexeme;
  for (let k = Math.max(forgottenUpTo, lexeme.intrinsicSize); k < list.length; k++) {
    if (hash[list[k]] === k) delete hash[list[k]];
  }
  forgottenUpTo = list.length;
}

const LETTERS = /^\p{L}+$/u;

/** Paragraphs are runs of non-blank lines; a single line break also ends a paragraph, because
 * page copies and Readability output put headings, captions and paragraphs on lines of their own
 * and wink-nlp would otherwise merge a heading into the next sentence. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) paragraphs.push({ start, end });
  }
  return paragraphs;
}

interface RawToken {
  start: number;
  end: number;
  pos: string;
  lemma: string;
}

/** Runs of non-space characters at least this long (a pasted data: URI, a base64 blob) are kept
 * away from wink-nlp: one of its abbreviation patterns takes time quadratic in a word's length. */
const LONG_RUN = /\S{120,}/g;

interface Tokenized {
  tokens: RawToken[];
  sentences: [number, number][];
}

/** Tokenise one paragraph; each over-long run of non-space characters becomes a one-token sentence
 * of its own, and the text between such runs goes through wink-nlp. */
function tokenizeParagraph(text: string, para: Paragraph): Tokenized {
  const slice = text.slice(para.start, para.end);
  LONG_RUN.lastIndex = 0;
  if (!LONG_RUN.test(slice)) return tokenizeWithWink(text, para);
  const out: Tokenized = { tokens: [], sentences: [] };
  const append = (part: Tokenized) => {
    const base = out.tokens.length;
    out.tokens.push(...part.tokens);
    for (const [a, b] of part.sentences) out.sentences.push([base + a, base + b]);
  };
  let cursor = para.start;
  const addText = (end: number) => {
    let start = cursor;
    while (start < end && /\s/.test(text[start])) start++;
    let stop = end;
    while (stop > start && /\s/.test(text[stop - 1])) stop--;
    if (stop > start) append(tokenizeWithWink(text, { start, end: stop }));
  };
  LONG_RUN.lastIndex = 0;
  for (let m = LONG_RUN.exec(slice); m; m = LONG_RUN.exec(slice)) {
    const start = para.start + m.index;
    const end = start + m[0].length;
    addText(start);
    append({ tokens: [{ start, end, pos: 'X', lemma: m[0].toLowerCase() }], sentences: [[0, 1]] });
    cursor = end;
  }
  addText(para.end);
  return out;
}

/** Tokenise a stretch of text with wink-nlp and map every token back to its offsets in the text.
 * wink-nlp splits words on some letters (Erdoğan → Erdo + ğ + an); such letter fragments with no
 * space between them are joined back into one token. */
function tokenizeWithWink(text: string, para: Paragraph): Tokenized {
  const slice = text.slice(para.start, para.end);
  const { nlp, its } = wink();
  const wdoc = nlp.readDoc(slice);
  const values: string[] = wdoc.tokens().out(its.value) as string[];
  const pos: string[] = wdoc.tokens().out(its.pos) as string[];
  // wink-nlp's typings declare lemma and precedingSpaces with a helper signature its own `out` rejects.
  const lemma = wdoc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces as unknown as typeof its.value) as string[];
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];

  const raw: RawToken[] = [];
  const rawIndexOf: number[] = []; // wink token index → index in raw
  const lastOf = new Map<number, number>(); // wink token split in two → index in raw of its second part
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let at = slice.indexOf(value, cursor);
    if (at < 0 || at - cursor > 40) at = -1;
    if (at < 0) {
      // wink-nlp normalised the token; keep position by skipping it.
      rawIndexOf.push(Math.max(0, raw.length - 1));
      continue;
    }
    const start = para.start + at;
    const end = start + value.length;
    const prev = raw[raw.length - 1];
    if (prev && spaces[i] === '' && prev.end === start && LETTERS.test(value) && LETTERS.test(text.slice(prev.start, prev.end))) {
      prev.end = end;
      prev.lemma = text.slice(prev.start, end).toLowerCase();
      rawIndexOf.push(raw.length - 1);
    } else if (/^I['’]m$/.test(value)) {
      // wink-nlp splits "I've" and "don't" but keeps "I'm" whole and calls it a proper noun, which
      // the name finder then takes for a name: the pronoun and the verb, as for the others.
      raw.push({ start, end: start + 1, pos: 'PRON', lemma: 'i' }, { start: start + 1, end, pos: 'AUX', lemma: 'be' });
      rawIndexOf.push(raw.length - 2);
      lastOf.set(rawIndexOf.length - 1, raw.length - 1);
    } else {
      // wink-nlp gives some contractions ("cannot") no lemma; their lower-case form stands in.
      raw.push({ start, end, pos: pos[i], lemma: lemma[i] ?? value.toLowerCase() });
      rawIndexOf.push(raw.length - 1);
    }
    cursor = at + value.length;
  }
  const sentences: [number, number][] = [];
  for (const [a, b] of spans) {
    if (values.length === 0) break;
    const first = rawIndexOf[a];
    const lastWink = Math.min(b, values.length - 1);
    const last = lastOf.get(lastWink) ?? rawIndexOf[lastWink];
    if (first === undefined || last === undefined) continue;
    const prev = sentences[sentences.length - 1];
    if (prev && first < prev[1]) continue;
    sentences.push([first, last + 1]);
  }
  return { tokens: raw, sentences };
}

/** Build the Doc of an article: paragraphs, sentences within paragraphs, tokens with POS. */
export function buildDoc(article: Article): Doc {
  // Loaded first, so that the word it reads on loading is forgotten with the others.
  wink();
  forgetUnknownWords();
  const text = article.text;
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  paragraphs.forEach((para, p) => {
    const { tokens: raw, sentences: spans } = tokenizeParagraph(text, para);
    // A paragraph that wink-nlp left without a sentence (or with tokens outside one) still gets
    // one sentence, so that every token belongs to a sentence.
    const bounds = spans.length > 0 ? spans : raw.length > 0 ? [[0, raw.length] as [number, number]] : [];
    let next = 0;
    for (let k = 0; k < bounds.length; k++) {
      const a = next;
      const b = k === bounds.length - 1 ? raw.length : Math.max(bounds[k][1], a);
      next = b;
      if (b <= a) continue;
      const s = sentences.length;
      const firstToken = tokens.length;
      for (let i = a; i < b; i++) {
        const t = raw[i];
        tokens.push({ start: t.start, end: t.end, text: text.slice(t.start, t.end), pos: t.pos, lemma: t.lemma, sentence: s });
      }
      sentences.push({ start: raw[a].start, end: raw[b - 1].end, paragraph: p, firstToken, endToken: tokens.length });
    }
  });
  return { article, text, paragraphs, sentences, tokens };
}


const vocabularyCache = new Map<string, boolean>();

/**
 * Whether each word (lower case, letters only) is in wink-nlp's English vocabulary. A capitalised
 * word whose lower-case form is an ordinary English word ("Results", "Doctors", "Talks") is a name
 * less often than one that is not ("Obama", "Velmor"); the entities model reads this as a feature.
 * One wink-nlp pass for all the words; a word it splits or changes counts as unknown.
 */
export function vocabularyWords(words: string[]): boolean[] {
  const out = new Array<boolean>(words.length).fill(false);
  // Most words recur from article to article: answers are kept (the cache is dropped when large).
  const simple = words.map((w, i) => [w, i] as const).filter(([w, i]) => {
    const known = vocabularyCache.get(w);
    if (known !== undefined) out[i] = known;
    return known === undefined && /^\p{Ll}+$/u.test(w);
  });
  if (simple.length === 0) return out;
  const { nlp, its, firstUnknownId } = wink();
  const wdoc = nlp.readDoc(simple.map(([w]) => w).join(' '));
  const values = wdoc.tokens().out(its.value) as string[];
  const ids = wdoc.tokens().out(its.uniqueId) as unknown as number[];
  if (values.length !== simple.length) return out;
  if (vocabularyCache.size > 200_000) vocabularyCache.clear();
  simple.forEach(([w, i], k) => {
    out[i] = values[k] === w && ids[k] < firstUnknownId;
    vocabularyCache.set(w, out[i]);
  });
  return out;
}

/** Index of the first token that starts at or after `offset` (tokens.length if none). */
export function firstTokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token of the Doc that starts at or after `offset`. */
export function tokenIndexAt(doc: Doc, offset: number): number {
  return firstTokenAtOrAfter(doc.tokens, offset);
}

/** The sentence that contains offset `at`, or -1. Binary search over sorted sentences. */
export function sentenceAt(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
