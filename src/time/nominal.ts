// A day named as the modifier of a happening: "Tuesday's agreement", "the October 7 attacks",
// "Friday's summit". The clause's verb is often not the happening's: in "Tuesday's agreement
// will be tested next week" the agreement is done, and in "Leaders said Friday's summit would
// decide" the summit is ahead. So the noun decides first: a finished happening (attack,
// agreement, ruling) lies in the past of the writer, whatever the tense around it — and a
// month-day without a year takes its most recent past occurrence, not the nearest one (the
// year of "the October 7 attacks" written in March is last year's at the latest; the text does
// not say which earlier year, so the most recent past one is the reading that is never in the
// future). A scheduled happening (summit, vote) takes the tense of the verb it governs, read
// from the right of the noun phrase.
import { tokenIndexAt, type Doc } from '../text/doc.js';
import type { Candidate } from './candidate.js';
import { tenseAfter, type Tense } from './tense.js';
import { loadJson } from '../util/data.js';

interface EventNouns { finished: string[]; scheduled: string[] }
let nouns: { finished: Set<string>; scheduled: Set<string> } | null = null;

const MODIFIABLE = new Set(['weekdays', 'dates', 'holidays']);

export interface NominalTense extends Tense {
  /** The date is of a happening already over: its value may not lie after the anchor. */
  finished: boolean;
}

/** The direction a modifier date takes from its head noun, or null when it modifies none. */
export function nominalTense(doc: Doc, sentence: number, c: Candidate): NominalTense | null {
  if (!MODIFIABLE.has(c.rule) || c.absolute || c.type !== 'DATE') return null;
  if (c.relation?.kind === 'weekday' && c.relation.strict !== null) return null;
  if (!c.relation) return null;
  if (!nouns) {
    const data = loadJson<EventNouns>('time/event-nouns.json');
    nouns = { finished: new Set(data.finished), scheduled: new Set(data.scheduled) };
  }
  const s = doc.sentences[sentence];
  if (!s) return null;
  const tokens = doc.tokens;
  let i = tokenIndexAt(doc, c.end);
  if (i < s.endToken && /^['’]s?$/.test(tokens[i].text)) i++;
  // The head is the first noun within three words ("Friday's surprise announcement").
  for (let k = 0; k < 3 && i + k < s.endToken; k++) {
    const t = tokens[i + k];
    const lemma = t.lemma.toLowerCase();
    const word = t.text.toLowerCase();
    if (nouns.finished.has(lemma) || nouns.finished.has(word)) return { dir: 'past', strong: true, finished: true };
    if (nouns.scheduled.has(lemma) || nouns.scheduled.has(word)) {
      const after = tenseAfter(doc, sentence, tokens[i + k].end);
      return after.dir ? { ...after, finished: false } : null;
    }
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'PUNCT' && t.text === '-'))) return null;
  }
  return null;
}
