// The line rules of page copies, applied to what Readability extracted: a caption, byline, date
// line, share row or "related" box that survives as plain text inside the article element.
import { classifyLines, type LineKind } from '../plain/index.js';
import { filterBody } from '../plain/body.js';
import { isProse, wordCount } from '../plain/lines.js';

/** `text`: blocks separated by "\n\n", lines within a block by "\n". Returns the same shape. */
export function filterExtractedText(text: string): string {
  const blocks = text.split('\n\n').map((b) => b.split('\n'));
  const lines = blocks.flat();
  // Single navigation words inside an article are more likely subheadings ("Analysis").
  const raw = classifyLines(lines);
  const kinds: (LineKind | null)[] = raw.map((k) => (k === 'navigation' ? null : k));
  markMenuRuns(lines, raw, kinds);
  const keep = lines.map(() => false);
  const dropped: { line: string; kind: LineKind }[] = [];
  filterBody(lines, kinds, 0, keep, dropped);
  // Kicker labels above the first paragraph ("Talvik talks", "Opinion · Column").
  for (let i = 0; i < Math.min(lines.length, 2) && !isProse(lines[i]); i++) {
    if (keep[i] && wordCount(lines[i]) <= 4 && !/[.!?。！？:;"”]$/.test(lines[i])) keep[i] = false;
  }
  // A tail marker early in the text means the page's markup fooled us: keep the text as it was.
  const keptWords = lines.reduce((n, l, i) => n + (keep[i] ? wordCount(l) : 0), 0);
  if (keptWords < 0.5 * wordCount(text)) return text;
  let at = 0;
  const out: string[] = [];
  for (const block of blocks) {
    const kept = block.filter((_, j) => keep[at + j]);
    at += block.length;
    if (kept.length) out.push(kept.join('\n'));
  }
  return out.join('\n\n');
}

/**
 * Footer and menu link lists that Readability kept: a run of three or more short label lines of
 * which at least half are known menu words ("Home", "Subscribe", "Careers", "Terms of Use").
 * Single menu words elsewhere stay, since they may be subheadings.
 */
function markMenuRuns(lines: string[], raw: (LineKind | null)[], kinds: (LineKind | null)[]): void {
  const short = (i: number) => wordCount(lines[i]) <= 4 && !/[.!?。！？;"”]$/.test(lines[i]);
  for (let i = 0; i < lines.length; ) {
    if (!short(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && short(j)) j++;
    const known = raw.slice(i, j).filter((k) => k !== null).length;
    if (j - i >= 3 && known * 2 >= j - i) for (let t = i; t < j; t++) kinds[t] = 'navigation';
    i = j;
  }
}
