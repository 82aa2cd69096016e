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
    if (nearest < 0) return -1;
    // A standfirst may sit between headline and byline: a longer line, often a full sentence.
    for (let i = nearest - 1; i >= Math.max(0, nearest - 2); i--) {
      if (lines[i].claimed) continue;
      if (candidate(i) && wordsOf(lines[i].text) <= wordsOf(lines[nearest].text) && wordsOf(lines[nearest].text) >= 10) return i;
      break;
    }
    return nearest;
  }
  for (let i = bodyStart - 1; i >= 0; i--) {
    if (candidate(i)) {
      // Walk up over a standfirst to the headline above it.
      const above = i - 1;
      if (above >= 0 && candidate(above) && wordsOf(lines[above].text) < wordsOf(lines[i].text) && wordsOf(lines[i].text) >= 10) return above;
      return i;
    }
  }
  return -1;
}

function wordsOf(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
