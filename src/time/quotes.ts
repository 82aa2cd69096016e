// Quoted words are dated from when they were spoken when the article says so ("'We will meet on
// Friday,' he said on Tuesday"): the quote's relative expressions count from that day.
import { tokenIndexAt, type Doc } from '../text/doc.js';
import { lexicon } from './lexicon.js';

export interface QuoteRegion {
  /** Offsets of the quoted words including the marks. */
  start: number;
  end: number;
}

const PAIRS: [string, string][] = [
  ['“', '”'],
  ['«', '»'],
  ['„', '“'],
];

/** Quoted stretches: curly and guillemet pairs, and straight double quotes paired within a paragraph. */
export function findQuoteRegions(doc: Doc): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  for (const p of doc.paragraphs) {
    const text = doc.text.slice(p.start, p.end);
    for (const [open, close] of PAIRS) {
      let from = 0;
      for (;;) {
        const a = text.indexOf(open, from);
        if (a < 0) break;
        const b = text.indexOf(close, a + 1);
        if (b < 0) break;
        out.push({ start: p.start + a, end: p.start + b + 1 });
        from = b + 1;
      }
    }
    const straight: number[] = [];
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) straight.push(i);
    for (let k = 0; k + 1 < straight.length; k += 2) out.push({ start: p.start + straight[k], end: p.start + straight[k + 1] + 1 });
    // An unclosed quote at the end of a paragraph runs to its end (the next paragraph reopens it).
    if (straight.length % 2 === 1) out.push({ start: p.start + straight[straight.length - 1], end: p.end });
  }
  return out.sort((x, y) => x.start - y.start);
}

export function regionAt(regions: QuoteRegion[], start: number, end: number): QuoteRegion | null {
  for (const r of regions) if (start >= r.start && end <= r.end) return r;
  return null;
}

const SPEECH_NOUNS = /^(interview|statement|speech|remarks|briefing|conference|address|post|tweet|message|comments|letter|op-ed|broadcast|appearance|session|meeting|hearing|debate|summit|visit)$/i;

/** Is the expression at [start, end) the time of a speech act ("said on Tuesday", "told
 * reporters Monday", "speaking on Friday", "in an interview on Sunday")? */
export function isSpeechTime(doc: Doc, start: number, end: number, regions: QuoteRegion[]): boolean {
  if (regionAt(regions, start, end)) return false;
  const speech = lexicon().speechSet;
  const first = tokenIndexAt(doc, start);
  const last = tokenIndexAt(doc, end);
  const sentence = doc.tokens[first]?.sentence;
  for (let i = Math.max(0, first - 6); i < Math.min(doc.tokens.length, last + 4); i++) {
    const t = doc.tokens[i];
    if (t.sentence !== sentence || (i >= first && i < last)) continue;
    if (regionAt(regions, t.start, t.end)) continue;
    if ((t.pos === 'VERB' && speech.has(t.lemma)) || (i < first && SPEECH_NOUNS.test(t.text))) return true;
  }
  return false;
}
