// Quote marks → quoted spans. Real pages mix straight and curly marks, use curly singles both as
// quote marks and as apostrophes, close a curly opening with a straight mark, and forget closing
// marks. This scanner pairs marks per paragraph, so an unbalanced mark can never swallow more
// than its paragraph, and follows the convention that a quote running over several paragraphs
// reopens each new paragraph with an opening mark and closes only at its end.

export interface MarkedSpan {
  /** Offsets of the opening and closing marks (close = index of the closing mark, or the recovery point). */
  open: number;
  close: number;
  /** The quoted words: inside the marks, without surrounding spaces. */
  start: number;
  end: number;
  /** 'double' covers “ ” " „ « »; 'single' covers ‘ ’ and straight '. */
  family: 'double' | 'single';
  /** True when no closing mark was found and the span was cut at a recovery point. */
  unclosed: boolean;
  /** True when the span continues over paragraph breaks. */
  multiParagraph: boolean;
}

interface Range {
  start: number;
  end: number;
}

const DOUBLE_OPEN_ONLY = new Set(['“', '„', '«']);
const DOUBLE_CLOSE_ONLY = new Set(['”', '»']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

/** A straight or ambiguous mark opens when nothing word-like is glued to its left and something is glued to its right. */
function looksOpening(text: string, i: number, para: Range): boolean {
  const before = i > para.start ? text[i - 1] : undefined;
  const after = i + 1 < para.end ? text[i + 1] : undefined;
  const leftFree = before === undefined || SPACE.test(before) || '([{—–-:/'.includes(before) || DOUBLE_OPEN_ONLY.has(before) || before === '‘';
  const rightGlued = after !== undefined && !SPACE.test(after);
  return leftFree && rightGlued;
}

function looksClosing(text: string, i: number, para: Range): boolean {
  const before = i > para.start ? text[i - 1] : undefined;
  const after = i + 1 < para.end ? text[i + 1] : undefined;
  const leftGlued = before !== undefined && !SPACE.test(before);
  const rightFree = after === undefined || !isWordChar(after);
  return leftGlued && rightFree;
}

/** After an s, with a space and a lower-case word next: a plural possessive (officials’ demands),
 * or the end of a quote (‘within days’ once the lists are checked). */
function pluralPossessiveOrClose(text: string, i: number, para: Range): boolean {
  const before = i > para.start ? text[i - 1] : undefined;
  return before === 's' && /^ [a-z]/.test(text.slice(i + 1, Math.min(i + 3, para.end)));
}

/** A single mark (’ or ') between two letters is an apostrophe (don’t, Kestria’s); one after a
 * letter with a space and a lower-case word next is a plural possessive (officials’ demands). */
function isApostrophe(text: string, i: number, para: Range): boolean {
  const before = i > para.start ? text[i - 1] : undefined;
  const after = i + 1 < para.end ? text[i + 1] : undefined;
  if (isWordChar(before) && isWordChar(after)) return true;
  if (pluralPossessiveOrClose(text, i, para)) return true;
  // ’90s, ’em
  if (!isWordChar(before) && after !== undefined && /\d/.test(after)) return true;
  return false;
}

function family(c: string): 'double' | 'single' | null {
  if (c === '"' || c === '“' || c === '”' || c === '„' || c === '«' || c === '»' || c === '‟') return 'double';
  if (c === '‘' || c === '’' || c === "'" || c === '‚' || c === '‹' || c === '›') return 'single';
  return null;
}

function canOpen(text: string, i: number, para: Range): boolean {
  const c = text[i];
  if (c === '”' || c === '»' || c === '›') return false;
  if (c === '’') return false;
  if (c === '“' || c === '„' || c === '«' || c === '‹' || c === '‘') return !(i + 1 < para.end && SPACE.test(text[i + 1]) && c === '‘');
  return looksOpening(text, i, para) && !(c === "'" && isApostrophe(text, i, para));
}

function canClose(text: string, i: number, para: Range, fam: 'double' | 'single'): boolean {
  const c = text[i];
  if (family(c) !== fam) return false;
  if (c === '“' || c === '„' || c === '‘') return false;
  if (c === '«' || c === '‹') return false;
  if (fam === 'single' && isApostrophe(text, i, para)) return false;
  if (c === '”' || c === '»' || c === '›') return true;
  return looksClosing(text, i, para);
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return [start, end];
}

/** A straight single mark is far more often an apostrophe or a stray (O 'Dowd) than a quote mark:
 * it opens only when a plausible closing one follows within the paragraph. */
function hasCloserAhead(text: string, i: number, para: Range): boolean {
  const limit = Math.min(para.end, i + 400);
  for (let k = i + 2; k < limit; k++) if (text[k] === "'" && looksClosing(text, k, para) && !isApostrophe(text, k, para)) return true;
  return false;
}

function singleCloserAhead(text: string, i: number, para: Range): boolean {
  for (let k = i + 1; k < para.end; k++) if ((text[k] === '’' || text[k] === "'") && canClose(text, k, para, 'single')) return true;
  return false;
}

/** Whether a quote opened at `open` starts a clause (sentence start, after a colon, comma or dash)
 * rather than sitting inside the writer's sentence. Only such a quote may run on past its paragraph. */
function opensClause(text: string, open: number, para: Range): boolean {
  let k = open - 1;
  while (k >= para.start && SPACE.test(text[k])) k--;
  return k < para.start || /[.!?:,;—–-]/.test(text[k]);
}

/** Where an unclosed quote that began inside the writer's sentence most likely ended: the end of
 * that sentence. A quote opened at a sentence start, after a colon or after a comma keeps running
 * to the end of the paragraph. */
function recoveryEnd(text: string, open: number, para: Range): number {
  let k = open - 1;
  while (k >= para.start && SPACE.test(text[k])) k--;
  const prev = k >= para.start ? text[k] : '';
  const startsClause = prev === '' || /[.!?:,;—–-]/.test(prev);
  if (startsClause) return para.end;
  const rest = text.slice(open + 1, para.end);
  const m = /[.!?](?=\s+\S)/.exec(rest);
  return m ? open + 1 + m.index + 1 : para.end;
}

/** Pair the quote marks of a text whose paragraphs are given (sorted, non-overlapping). */
export function findMarkedSpans(text: string, paragraphs: Range[]): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let carry: { open: number; family: 'double' | 'single' } | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    let open: { at: number; family: 'double' | 'single'; multi: boolean } | null = null;
    let i = para.start;
    if (carry) {
      // The previous paragraph ended inside a quote and this one reopens it: same quote.
      open = { at: carry.open, family: carry.family, multi: true };
      i = para.start + 1;
      carry = null;
    }
    for (; i < para.end; i++) {
      const c = text[i];
      const fam = family(c);
      if (!fam) continue;
      if (open) {
        // Typewriter habit: two single marks ('' or ’’) close a double quote.
        if (open.family === 'double' && (c === "'" || c === '’') && text[i + 1] === c && looksClosing(text, i + 1, para)) {
          const [s, e] = trimmed(text, open.at + 1, i);
          if (e > s) spans.push({ open: open.at, close: i + 1, start: s, end: e, family: 'double', unclosed: false, multiParagraph: open.multi });
          open = null;
          i++;
          continue;
        }
        if (fam !== open.family) continue; // nested quote of the other family, or an apostrophe
        // “The so-called "peace plan" is a farce,” — straight marks inside a curly quote that a curly
        // mark closes later are a nested quote, not its end.
        if (c === '"' && DOUBLE_OPEN_ONLY.has(text[open.at]) && curlyCloserAhead(text, i, para)) continue;
        // ‘within days’ once…: read as a plural possessive only if a closing mark follows; with none
        // left in the paragraph, it is the closing mark.
        const closesHere =
          canClose(text, i, para, open.family) ||
          misSpacedClose(text, i, open.at) ||
          (open.family === 'single' && c === '’' && pluralPossessiveOrClose(text, i, para) && !singleCloserAhead(text, i, para));
        if (closesHere) {
          const [s, e] = trimmed(text, open.at + 1, i);
          if (e > s) spans.push({ open: open.at, close: i, start: s, end: e, family: open.family, unclosed: false, multiParagraph: open.multi });
          open = null;
          continue;
        }
        if (canOpen(text, i, para) && DOUBLE_OPEN_ONLY.has(c) === DOUBLE_OPEN_ONLY.has(text[open.at])) {
          // A second opening mark while one is open: the first was never closed. Cut it where its
          // sentence ends (or just before this mark) and start again here.
          const cut = Math.min(recoveryEnd(text, open.at, para), i);
          const [s, e] = trimmed(text, open.at + 1, cut);
          if (e > s && !open.multi) spans.push({ open: open.at, close: cut, start: s, end: e, family: open.family, unclosed: true, multiParagraph: false });
          open = { at: i, family: fam, multi: false };
        }
        continue;
      }
      if (canOpen(text, i, para) && (c !== "'" || hasCloserAhead(text, i, para))) open = { at: i, family: fam, multi: false };
    }
    if (open) {
      const next = paragraphs[p + 1];
      const reopens = next && family(text[next.start]) === open.family && canOpen(text, next.start, next) && closesLater(text, paragraphs, p + 1, open.family);
      if (reopens && opensClause(text, open.at, para) && /[.!?…,:;]["'”’]?$/.test(text.slice(Math.max(para.start, para.end - 2), para.end))) {
        carry = { open: open.at, family: open.family };
        continue;
      }
      const cut = recoveryEnd(text, open.at, para);
      const [s, e] = trimmed(text, open.at + 1, cut);
      if (e > s) spans.push({ open: open.at, close: cut, start: s, end: e, family: open.family, unclosed: true, multiParagraph: open.multi });
    }
  }
  return spans;
}

/** “…deputy, "Sheriff Baca said”: a straight double mark typed with its space on the wrong side.
 * While a straight quote is open, a straight mark right after a comma or a sentence end and a
 * space closes it rather than opening another. */
function misSpacedClose(text: string, i: number, openAt: number): boolean {
  return text[i] === '"' && text[openAt] === '"' && i - openAt > 3 && /[,.?!]\s$/.test(text.slice(i - 2, i)) && /^\S/.test(text.slice(i + 1, i + 2));
}

/** A curly closing double mark later in the paragraph, before any new curly opening one. */
function curlyCloserAhead(text: string, i: number, para: Range): boolean {
  for (let k = i + 1; k < para.end; k++) {
    if (DOUBLE_CLOSE_ONLY.has(text[k])) return true;
    if (DOUBLE_OPEN_ONLY.has(text[k])) return false;
  }
  return false;
}

/** Whether a quote continued into paragraph `p` is closed somewhere in it or a later continued paragraph. */
function closesLater(text: string, paragraphs: Range[], p: number, fam: 'double' | 'single'): boolean {
  for (let q = p; q < paragraphs.length && q < p + 30; q++) {
    const para = paragraphs[q];
    for (let i = para.start + 1; i < para.end; i++) {
      if (family(text[i]) === fam && canClose(text, i, para, fam) && !canOpen(text, i, para)) return true;
    }
    const next = paragraphs[q + 1];
    if (!next || family(text[next.start]) !== fam) return false;
  }
  return false;
}

/** Offsets of every quote mark character, for callers that need to skip them. */
export function isQuoteMark(c: string): boolean {
  return family(c) !== null;
}
