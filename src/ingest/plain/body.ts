// Walking an article body line by line: drop single chrome lines, skip "related"/"more from"
// teaser sections (header, headlines, one-sentence blurbs) and drop the page's tail (tags,
// comments, copyright) once it begins.
import type { LineKind } from './index.js';
import { parseByLine } from './byline.js';
import { isHeadlineLike, isProse, wordCount } from './lines.js';

const RELATIVE_TIME = /^(?:\d+\s+(?:seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)\s+ago|yesterday|just now|\d+\s*(?:min|mins|minutes?)\s+read)$/i;

/**
 * Mark which of lines[start..] to keep. `kinds` holds each line's chrome class (null: maybe
 * article text). Dropped lines are reported with their reason.
 */
export function filterBody(
  lines: string[],
  kinds: (LineKind | null)[],
  start: number,
  keep: boolean[],
  dropped: { line: string; kind: LineKind }[],
): void {
  let state: 'body' | 'teaser' | 'tail' = 'body';
  let afterTeaserHeadline = false;
  // Teaser lists either pair each headline with a blurb or list bare headlines; after two bare
  // headlines in a row, running text means the article has resumed.
  let bareHeadlines = false;
  let afterInlineTeaser = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const k = kinds[i];
    if (state === 'tail') {
      dropped.push({ line, kind: 'tail' });
      continue;
    }
    if (k === 'tail' || (k === 'comments' && !nearChrome(kinds, i))) {
      state = 'tail';
      dropped.push({ line, kind: k });
      continue;
    }
    if (k === 'teaserHeader') {
      state = 'teaser';
      afterTeaserHeadline = false;
      bareHeadlines = false;
      dropped.push({ line, kind: k });
      continue;
    }
    if (k !== null) {
      dropped.push({ line, kind: k });
      if (k === 'inlineTeaser') afterInlineTeaser = true;
      continue;
    }
    // The standfirst of an inline teaser: a line under it without a full stop.
    if (afterInlineTeaser && state === 'body' && wordCount(line) <= 30 && !/[.!?。！？:"”’)]$/.test(line)) {
      afterInlineTeaser = false;
      dropped.push({ line, kind: 'teaser' });
      continue;
    }
    afterInlineTeaser = false;
    // A kicker label ("Peace talks") sitting right above a teaser line or section.
    if (isLabel(line) && (kinds[i + 1] === 'inlineTeaser' || kinds[i + 1] === 'teaserHeader')) {
      dropped.push({ line, kind: 'teaser' });
      continue;
    }
    // A promo headline set in capitals inside the body ("CLICK HERE TO GET THE APP",
    // "CO-FOUNDER 'PROUD' OF …"): article sentences are not written in capitals.
    if (isShouted(line)) {
      dropped.push({ line, kind: 'teaser' });
      continue;
    }
    if (state === 'teaser') {
      const words = wordCount(line);
      if (RELATIVE_TIME.test(line) || parseByLine(line) || (words < 3 && !isProse(line))) {
        // A label between a headline and the next line breaks the headline–blurb pair.
        afterTeaserHeadline = false;
        dropped.push({ line, kind: 'teaser' });
        continue;
      }
      if (isHeadlineLike(line) && !isProse(line)) {
        if (afterTeaserHeadline) bareHeadlines = true;
        afterTeaserHeadline = true;
        dropped.push({ line, kind: 'teaser' });
        continue;
      }
      if (afterTeaserHeadline && !bareHeadlines && isBlurb(line)) {
        afterTeaserHeadline = false;
        dropped.push({ line, kind: 'teaser' });
        continue;
      }
      state = 'body';
    }
    keep[i] = true;
  }
}

function isShouted(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  // Capitalised subheads are short questions or labels ("WHO LEADS THE RACE?").
  if (wordCount(line) < 6 || letters.length < 25 || /[?:]["”’]?$/.test(line)) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length > 0.9;
}

function isLabel(line: string): boolean {
  return wordCount(line) <= 4 && !/[.!?。！？:;,"”]$/.test(line);
}

/** A teaser's blurb: one short sentence under its headline. Article paragraphs run longer. */
function isBlurb(line: string): boolean {
  return wordCount(line) <= 30 && !/[.!?。！？]["”’)]?\s+["“‘(]?\p{Lu}/u.test(line);
}

function nearChrome(kinds: (LineKind | null)[], i: number): boolean {
  const near = (k: LineKind | null | undefined) => k === 'share' || k === 'comments' || k === 'navigation';
  return near(kinds[i - 1]) || near(kinds[i + 1]);
}
