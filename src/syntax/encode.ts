// Token attributes the parser's features read, computed once per sentence as integers so that
// feature extraction during parsing hashes numbers and never builds strings.

export interface ParseToken {
  text: string;
  /** Universal POS tag from wink-nlp. */
  pos: string;
  lemma: string;
}

export interface Encoded {
  /** Number of tokens; index n stands for the artificial root at the end of the buffer. */
  n: number;
  word: Int32Array;
  /** UPOS × 8 + how the word differs from its lemma (see inflection). */
  pos: Int32Array;
  lemma: Int32Array;
  suffix: Int32Array;
  shape: Int32Array;
  /** punct[i] = number of punctuation tokens before token i (for "is there punctuation between"). */
  punctBefore: Int32Array;
}

const POS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const POS_ID = new Map(POS_TAGS.map((t, i) => [t, i + 1]));
const POS_OTHER = POS_TAGS.length + 1;
export const POS_ROOT = (POS_TAGS.length + 2) * 8;
const PUNCT_ID = POS_ID.get('PUNCT')!;
export const WORD_ROOT = 0x2f5a1c3d;

/** FNV-1a over a word folded the way the features see it: lower case, typographic quotes and
 * dashes as ASCII (outlets differ in which they print), every digit as 0 (numbers of one shape
 * behave alike). */
export function hashWord(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ foldChar(text.charCodeAt(i)), 0x01000193);
  }
  return h | 0;
}

/** Hash of the folded word's last three characters. */
function hashSuffix(text: string): number {
  let h = 0x9747b28c;
  for (let i = Math.max(0, text.length - 3); i < text.length; i++) {
    h = Math.imul(h ^ foldChar(text.charCodeAt(i)), 0x01000193);
  }
  return h | 0;
}

function foldChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return 48;
  if (c < 128) return c;
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x02bc:
      return 39; // '
    case 0x201c:
    case 0x201d:
    case 0xab:
    case 0xbb:
      return 34; // "
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return 45; // -
    default: {
      const lower = String.fromCharCode(c).toLowerCase();
      return lower.length === 1 ? lower.charCodeAt(0) : c;
    }
  }
}

/** 1 lower case, 2 capitalised, 3 all capitals, 4 with a digit, 5 no letter or digit, 6 mixed. */
function shapeOf(text: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 128) {
      const ch = text[i];
      if (ch.toLowerCase() !== ch) upper++;
      else if (ch.toUpperCase() !== ch) lower++;
    }
  }
  if (digit > 0) return 4;
  if (upper === 0 && lower === 0) return 5;
  if (upper === 0) return 1;
  if (lower === 0) return upper > 1 ? 3 : 2;
  const first = text[0];
  return first.toUpperCase() === first && first.toLowerCase() !== first ? 2 : 6;
}

/** How a word differs from its lemma, a stand-in for the tense and number that fine-grained
 * tags carry and UPOS does not: 1 same, 2 -s, 3 -ed or another changed ending, 4 -ing. */
function inflection(text: string, lemma: string | undefined): number {
  const lower = text.toLowerCase();
  if (lemma === undefined || lower === lemma) return 1;
  if (lower.endsWith('ing')) return 4;
  if (lower === lemma + 's' || lower === lemma + 'es') return 2;
  return 3;
}

export function encode(tokens: readonly ParseToken[]): Encoded {
  const n = tokens.length;
  const e: Encoded = {
    n,
    word: new Int32Array(n + 1),
    pos: new Int32Array(n + 1),
    lemma: new Int32Array(n + 1),
    suffix: new Int32Array(n + 1),
    shape: new Int32Array(n + 1),
    punctBefore: new Int32Array(n + 2),
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    e.word[i] = hashWord(t.text);
    const upos = POS_ID.get(t.pos) ?? POS_OTHER;
    e.pos[i] = upos * 8 + inflection(t.text, t.lemma);
    // wink-nlp leaves some contractions ("cannot") without a lemma.
    e.lemma[i] = hashWord(t.lemma ?? t.text);
    e.suffix[i] = hashSuffix(t.text);
    e.shape[i] = shapeOf(t.text);
    e.punctBefore[i + 1] = e.punctBefore[i] + (upos === PUNCT_ID ? 1 : 0);
  }
  e.word[n] = WORD_ROOT;
  e.pos[n] = POS_ROOT;
  e.lemma[n] = WORD_ROOT;
  e.suffix[n] = WORD_ROOT;
  e.shape[n] = 7;
  e.punctBefore[n + 1] = e.punctBefore[n];
  return e;
}
