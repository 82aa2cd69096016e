// Is a quoted span someone's words (a full quote, or a fragment the writer embeds: partial), or a
// term, name or title the writer merely marks (a so-called “peace dividend”, the “Big Three”)?
import type { Doc } from '../text/doc.js';
import { cues } from './cues.js';
import { isCueToken, tokensIn, type Range } from './attribution.js';

export type QuoteKind = 'full' | 'partial' | 'term';

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'to', 'in', 'on', 'a', 'an', 'de', 'la', 'at', 'by', 'with', 'or']);
const ARTICLES = new Set(['a', 'an', 'the']);

function wordsOf(s: string): string[] {
  return s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

/** Every word capitalised (or a number, or a small function word): a name or title. */
export function nameLike(content: string): boolean {
  const words = wordsOf(content);
  if (words.length === 0 || words.length > 6) return false;
  if (/[.!?]\s+\S/.test(content)) return false;
  if (!/^[\p{Lu}\p{N}]|^\p{Ll}+\p{Lu}/u.test(words[0])) return false;
  return words.every((w) => /\p{Lu}/u.test(w) || /^\p{N}/u.test(w) || SMALL_WORDS.has(w.toLowerCase()));
}

function endsWithPhrase(words: string[], phrase: string[]): boolean {
  if (phrase.length > words.length) return false;
  const off = words.length - phrase.length;
  return phrase.every((w, i) => words[off + i] === w);
}

/** Lower-cased words of the writer's text just before `at` (within the same paragraph). */
function wordsBefore(text: string, floor: number, at: number, n: number): string[] {
  const w = text.slice(Math.max(floor, at - 80), at).toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  return w.slice(-n);
}

export function termMarkedBefore(text: string, floor: number, open: number): boolean {
  let words = wordsBefore(text, floor, open, 5);
  while (words.length && ARTICLES.has(words[words.length - 1])) words = words.slice(0, -1);
  return cues().termMarkers.some((m) => endsWithPhrase(words, m));
}

export function termMarkedAfter(text: string, close: number, ceiling: number): boolean {
  const after = text.slice(close + 1, Math.min(ceiling, close + 60)).toLowerCase();
  const m = /^[\s,—–-]*([\p{L}\s]+)/u.exec(after);
  if (!m) return false;
  const words = m[1].split(/\s+/).filter(Boolean);
  return cues().termFollowers.some((f) => f.every((w, i) => words[i] === w));
}

/** "called" right before the span (an article may sit between) with a person-like subject:
 * "what she called a “fresh start”", "Varga called the truce “…”"; not "The plan, called “Open Water”". */
export function calledBySomeone(doc: Doc, floor: number, open: number): boolean {
  const [a, b] = tokensIn(doc, Math.max(floor, open - 120), open);
  let k = b - 1;
  let steps = 0;
  while (k >= a && steps < 3) {
    const t = doc.tokens[k];
    if (/^(call|calls|called|calling|describe|describes|described|describing)$/i.test(t.text)) {
      const subj = doc.tokens[k - 1];
      return !!subj && k - 1 >= a && (subj.pos === 'PRON' || subj.pos === 'PROPN');
    }
    steps++;
    k--;
  }
  return false;
}

/** Whether the writer's part of the sentence holds a reporting cue. */
export function sentenceHasCue(doc: Doc, sentence: Range, quoted: Range[]): boolean {
  const [a, b] = tokensIn(doc, sentence.start, sentence.end);
  for (let i = a; i < b; i++) {
    const t = doc.tokens[i];
    if (quoted.some((q) => t.start >= q.start && t.end <= q.end)) continue;
    if (isCueToken(t, false, doc.tokens[i - 1], doc.tokens[i + 1], doc.tokens[i - 2])) return true;
    if (t.pos === 'NOUN' && cues().nounCues.has(t.lemma)) return true;
    if (t.text.toLowerCase() === 'according' && doc.tokens[i + 1]?.text.toLowerCase() === 'to') return true;
  }
  return false;
}

export interface ClassifyInput {
  doc: Doc;
  /** Paragraph bounds around the quote. */
  paragraph: Range;
  open: number;
  close: number;
  content: Range;
  /** The writer's sentence around the quote (may extend beyond the quote on both sides). */
  sentence: Range;
  /** Other quoted spans in that sentence, to skip when looking for cues. */
  quoted: Range[];
}

/** How the writer's text introduces the span: at a sentence start, after a colon, after a cue. */
export function introduction(doc: Doc, paragraphStart: number, open: number): 'start' | 'colon' | 'cueComma' | 'cue' | 'that' | 'comma' | 'embedded' {
  const text = doc.text;
  let k = open - 1;
  while (k >= paragraphStart && /\s/.test(text[k])) k--;
  if (k < paragraphStart) return 'start';
  const c = text[k];
  if (/[.!?]/.test(c) || /[”"’»]/.test(c)) return 'start';
  if (c === ':') return 'colon';
  const [a, b] = tokensIn(doc, Math.max(paragraphStart, open - 60), open);
  const prev = doc.tokens[b - 1];
  const prev2 = doc.tokens[b - 2];
  if (c === ',') {
    if (prev2 && b - 2 >= a && isCueToken(prev2, true, doc.tokens[b - 3], prev)) return 'cueComma';
    return 'comma';
  }
  if (c === '—' || c === '–') return 'colon';
  if (prev && /^that$/i.test(prev.text)) return 'that';
  if (prev && isCueToken(prev, true, prev2, doc.tokens[b])) return 'cue';
  return 'embedded';
}

export function classify(input: ClassifyInput): QuoteKind {
  const { doc, paragraph, open, close, content } = input;
  const text = doc.text;
  const body = text.slice(content.start, content.end);
  const intro = introduction(doc, paragraph.start, open);
  const capitalised = /^[\p{Lu}\p{N}'‘"“]/u.test(body);
  const words = wordsOf(body);
  const sentenceInside = /[.!?][”"’']?\s+\p{Lu}/u.test(body) || /[.!?,][”"’']?$/.test(body);

  if (termMarkedBefore(text, paragraph.start, open) || termMarkedAfter(text, close, paragraph.end)) return 'term';
  // "the “land for calm” formula", "a “deferred termination” package": the span names a thing.
  const nextWord = (/^\s+([\p{L}]+)/u.exec(text.slice(close + 1, close + 30))?.[1] ?? '').toLowerCase();
  const lastWord = (words[words.length - 1] ?? '').toLowerCase();
  if (words.length <= 5 && intro !== 'start' && intro !== 'colon' && intro !== 'cueComma' && (cues().labelHeads.has(nextWord) || (words.length <= 4 && cues().labelHeads.has(lastWord)))) return 'term';
  // "a mooring fee, or “berth charge,”": an alternative name for what the writer just named.
  if (/,\s*or\s*$/.test(text.slice(Math.max(paragraph.start, open - 6), open)) && words.length <= 3) return 'term';

  // After "he said," the quote is set off as speech whatever its first letter ("…,” he said, “but …”).
  if (intro === 'cueComma') return 'full';
  if (intro === 'comma' && capitalised && !nameLike(body)) return 'full';
  // "…, “we have always trusted the mediators, and …”": speech set off by a comma, opening with a pronoun.
  if (intro === 'comma' && words.length >= 5 && /^(i|we|you|he|she|it|they|this|there)\b/i.test(body)) return 'full';
  // said "this is the week that decides it." — a whole sentence quoted straight after the verb.
  const wholeSentence = /[.!?]$/.test(body) && words.length >= 5;
  if ((intro === 'start' || intro === 'colon' || intro === 'cue') && (capitalised || intro === 'start' || (intro === 'cue' && wholeSentence))) {
    // A capitalised name standing alone in a sentence of the writer's ("The “Big Three” automakers")
    // is caught below; a sentence-initial quote that runs on into the writer's words is still a quote.
    if (!(intro !== 'colon' && nameLike(body) && !sentenceInside && words.length <= 4 && !followedByCue(doc, close, paragraph.end))) return 'full';
  }
  if (intro === 'that') return 'partial';

  const cued = sentenceHasCue(doc, input.sentence, input.quoted) || headlineAttribution(text, input.sentence.start, open);
  if (nameLike(body) && !calledBySomeone(doc, paragraph.start, open)) return 'term';
  if (capitalised && words.length >= 5 && sentenceInside && intro !== 'comma') return 'full';
  if (words.length <= 3 && !cued && !calledBySomeone(doc, paragraph.start, open)) return 'term';
  return 'partial';
}

/** A headline or summary line that names its speaker before a colon: "Ruiz: Kestria ‘playing for time’". */
export function headlineAttribution(text: string, sentenceStart: number, open: number): boolean {
  const lead = text.slice(sentenceStart, open);
  return /^\s*\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*:/u.test(lead);
}

/** Whether the words right after a closing mark are an attribution (", he said"). */
function followedByCue(doc: Doc, close: number, ceiling: number): boolean {
  const [a, b] = tokensIn(doc, close + 1, Math.min(ceiling, close + 60));
  for (let i = a; i < Math.min(b, a + 5); i++) if (isCueToken(doc.tokens[i], false)) return true;
  return false;
}
