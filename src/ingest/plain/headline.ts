// The headline of a page copy: the title-shaped line just above the byline / dateline cluster,
// or, without one, the last title-shaped line before the body starts.
import { isHeadlineLike } from './lines.js';

export interface HeaderLine {
  text: string;
  /** Already claimed by another rule (chrome, byline, dateline, stamp, caption). */
  claimed: boolean;
}

/**
 * Index of the headline among `lines[0..bodyStart)`, or -1.
 * `anchor` is the index of the first byline or dateline, or -1.
 */
export function findHeadline(lines: HeaderLine[], bodyStart: number, anchor: number): number {
  const candidate = (i: number) => !lines[i].claimed && isHeadlineLike(lines[i].text) && !/[|›»]/.test(lines[i].text);
  if (anchor >= 0) {
    let nearest = -1;
    for (let i = anchor - 1; i >= 0; i--) {
      if (candidate(i)) {
        nearest = i;
        break;
      }
    }
    if (nearest < 0) return titleSentenceAbove(lines, anchor);
    // A standfirst may sit between headline and byline: the line directly above is then the headline.
    const above = nearest - 1;
    if (above >= 0 && candidate(above) && isStandfirst(lines[nearest].text, lines[above].text)) return above;
    return nearest;
  }
  for (let i = bodyStart - 1; i >= 0; i--) {
    if (candidate(i)) {
      // Walk up over a standfirst to the headline above it.
      const above = i - 1;
      if (above >= 0 && candidate(above) && isStandfirst(lines[i].text, lines[above].text)) return above;
      return i;
    }
  }
  return -1;
}

/** `line` reads as a standfirst under `above`: longer, sentence-like, and `above` is no masthead. */
function isStandfirst(line: string, above: string): boolean {
  const words = wordsOf(line);
  const sentenceLike = words >= 12 || /[;,]\s|\bwrites\b|[.!?]$/.test(line);
  const masthead = above === above.toUpperCase() && /\p{Lu}{3}/u.test(above) && wordsOf(above) <= 5;
  return sentenceLike && wordsOf(above) < words && !masthead;
}

function wordsOf(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Opinion headlines are often sentences ("The deal is a start. Don't confuse it with a
 * solution."). With no title-shaped line above the byline, the first unclaimed line above it is
 * the headline when it is short and heads the page (nothing unclaimed above it).
 */
function titleSentenceAbove(lines: HeaderLine[], anchor: number): number {
  let i = anchor - 1;
  while (i >= 0 && lines[i].claimed) i--;
  if (i < 0) return -1;
  const t = lines[i].text;
  if (wordsOf(t) < 3 || wordsOf(t) > 25 || !/^[\p{Lu}\p{N}"“‘']/u.test(t)) return -1;
  for (let j = i - 1; j >= 0; j--) if (!lines[j].claimed) return -1;
  return i;
}
