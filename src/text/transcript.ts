// Interview and broadcast transcripts: paragraphs that open with a speaker label ("HALE:", "ANNIKA
// SORVALD:", "Q:", "Ingrid Hale (host):") are that speaker's own words, verbatim, without quote
// marks. A text is read as a transcript only when several paragraphs carry labels and at least
// two different speakers take turns, so a lone "Update:" or "Analysis:" line is no turn.
import type { Doc } from './doc.js';
import { foldName } from './fold.js';

export interface Turn {
  /** The label's words ("ANNIKA SORVALD", "Q"), and where they are. */
  label: string;
  labelStart: number;
  labelEnd: number;
  /** The role in brackets after the label, if any ("HOST"). */
  role: string | null;
  /** The turn's words after the label. */
  start: number;
  end: number;
  paragraph: number;
}

/** Labels: a name in capitals, Q/A, or a capitalised name of up to four words, then an optional
 * bracketed role, then a colon and the words. */
const LABEL = /^((?:Q|A|QUESTION|ANSWER)|[\p{Lu}][\p{Lu}\p{M}.'’ -]{1,40}?|[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3})(?:\s*\(([^)]{1,40})\))?\s*:\s+(?=\S)/u;

export function findTurns(doc: Doc): Turn[] {
  const turns: Turn[] = [];
  doc.paragraphs.forEach((p, i) => {
    const m = LABEL.exec(doc.text.slice(p.start, Math.min(p.end, p.start + 80)));
    if (!m) return;
    const label = m[1].trim();
    // A heading with a colon ("Analysis: what the deal means") is a label of a different kind: its
    // words after the colon start in lower case or run short; a turn is speech.
    const words = doc.text.slice(p.start + m[0].length, p.end);
    if (words.split(/\s+/).length < 2) return;
    turns.push({ label, labelStart: p.start, labelEnd: p.start + label.length, role: m[2]?.trim() ?? null, start: p.start + m[0].length, end: p.end, paragraph: i });
  });
  const labels = new Set(turns.map((t) => foldName(t.label)));
  // A transcript alternates speakers: three turns at least, two speakers at least, and most of
  // its labels recur.
  if (turns.length < 3 || labels.size < 2 || labels.size > Math.max(2, turns.length * 0.75)) return [];
  return turns;
}
