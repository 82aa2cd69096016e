// Which way an underspecified time expression points: back in a past-tense clause ("met on
// Friday"), forward in a future or planning one ("will meet on Friday", "talks set to resume
// Friday", "a hearing has been scheduled for June 3", "a truce beginning Saturday"). Read from
// the verb group nearest the expression.
import { tokenIndexAt, type Doc, type Token } from '../text/doc.js';
import type { Direction } from './candidate.js';
import { lexicon } from './lexicon.js';

export interface Tense {
  dir: Direction;
  /** Marked by an auxiliary, a modal, an infinitive or a planning verb, not just a present form. */
  strong: boolean;
}

const MODALS = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would', 'may', 'might', 'could', 'should', 'must', 'can', 'ca']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
const PERFECT = new Set(['has', 'have', "'ve", '’ve']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", '’s', '’re']);
const PLANNED = /^(scheduled|planned|slated|set|due|expected|poised|likely|expecting|planning|preparing|intending|hoping|aiming|going)$/;
const SCHEDULE_ING = /^(begin|start|end|expire|come|open|resume|close|run|take)$/;
const MAX_DISTANCE = 12;

function isVerbish(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** The verb group around token i: auxiliaries, "to", negation and adverbs up to the main verb. */
function verbGroup(tokens: Token[], i: number, lo: number, hi: number): Token[] {
  let a = i;
  while (a - 1 >= lo && i - a < 4) {
    const t = tokens[a - 1];
    const w = t.text.toLowerCase();
    if (t.pos === 'AUX' || (t.pos === 'PART' && (w === 'to' || w === 'not' || w === "n't")) || t.pos === 'ADV' || PLANNED.test(w)) a--;
    else break;
  }
  let b = i;
  while (b + 1 < hi && b - i < 4 && tokens[b].pos === 'AUX') {
    const t = tokens[b + 1];
    if (isVerbish(t) || t.pos === 'ADV' || t.pos === 'PART') b++;
    else break;
  }
  return tokens.slice(a, b + 1);
}

/** The tense of a verb group, or null when it does not say ("says", "include"). */
export function groupTense(group: Token[]): Tense | null {
  const lx = lexicon();
  const words = group.map((t) => t.text.toLowerCase());
  const verbs = group.filter(isVerbish);
  const main = verbs[verbs.length - 1] ?? group[group.length - 1];
  const mainWord = main.text.toLowerCase();
  const hasModal = words.some((w) => MODALS.has(w));
  const perfect = words.some((w) => PERFECT.has(w) || w === 'have');
  if (hasModal) {
    // "may have signed" looks back; "will sign", "could sign" look ahead.
    return perfect && mainWord !== lx.planningLemmas.find((l) => l === main.lemma) && /ed$|en$/.test(mainWord) ? { dir: 'past', strong: true } : { dir: 'future', strong: true };
  }
  if (group.some((t, k) => t.text.toLowerCase() === 'to' && t.pos === 'PART' && k < group.length - 1)) return { dir: 'future', strong: true };
  if (words.some((w) => PLANNED.test(w)) || (verbs.length > 1 && /^(schedule|plan|slate|set|expect)$/.test(main.lemma))) return { dir: 'future', strong: true };
  if (words.some((w) => PAST_AUX.has(w))) return { dir: 'past', strong: true };
  if (perfect && verbs.length > 1) return { dir: 'past', strong: true };
  if (words.some((w) => PRESENT_BE.has(w)) && mainWord.endsWith('ing')) return { dir: 'future', strong: true };
  if (PERFECT.has(mainWord)) return { dir: 'past', strong: false };
  if (PRESENT_BE.has(mainWord) || mainWord === 'be' || mainWord === 'been') return null;
  if (mainWord.endsWith('ing')) return SCHEDULE_ING.test(main.lemma) && verbs.length === 1 ? { dir: 'future', strong: true } : null;
  if (mainWord === 'said' || mainWord === 'told' || (mainWord !== main.lemma && !mainWord.endsWith('s'))) return { dir: 'past', strong: true };
  // A present-tense action verb with a date is a schedule ("talks resume Friday"); a present
  // reporting verb ("says") says nothing about the date.
  if (lx.speechSet.has(main.lemma)) return null;
  return { dir: 'future', strong: false };
}

/** The tense for the expression at [start, end), from the nearest verb group of its sentence. */
export function tenseAt(doc: Doc, sentence: number, start: number, end: number): Tense {
  const s = doc.sentences[sentence];
  if (!s) return { dir: null, strong: false };
  const tokens = doc.tokens;
  const first = tokenIndexAt(doc, start);
  const last = tokenIndexAt(doc, end);
  const lo = s.firstToken;
  const hi = s.endToken;
  const before = tokens[first - 1]?.text.toLowerCase();
  if (first - 1 >= lo && before === 'since') return { dir: 'past', strong: true };
  // "closed until Friday": a deadline ahead, unless a past auxiliary sets the clause in the past.
  if (first - 1 >= lo && (before === 'until' || before === 'till')) {
    const pastAux = tokens.slice(lo, first).some((t) => t.pos === 'AUX' && PAST_AUX.has(t.text.toLowerCase()));
    if (!pastAux) return { dir: 'future', strong: true };
  }
  const tense = nearestGroupTense(tokens, first, last, lo, hi);
  // Headlines put past events in the present ("Russia and Ukraine meet in Istanbul on Monday"):
  // there a bare present says nothing about the direction.
  if (tense.dir === 'future' && !tense.strong && isHeadline(doc, sentence)) return { dir: null, strong: false };
  return tense;
}

/** A short line without a closing full stop: a headline, kicker or caption. */
function isHeadline(doc: Doc, sentence: number): boolean {
  const p = doc.paragraphs[doc.sentences[sentence].paragraph];
  if (!p) return false;
  const text = doc.text.slice(p.start, p.end);
  return !/[.!?…"”’']\s*$/.test(text) && text.split(/\s+/).length <= 20;
}

/** The tense of the first verb group after `end` in its sentence: the verb a noun phrase ending
 * there is the subject of ("Friday's summit will decide"). */
export function tenseAfter(doc: Doc, sentence: number, end: number): Tense {
  const s = doc.sentences[sentence];
  if (!s) return { dir: null, strong: false };
  const at = tokenIndexAt(doc, end);
  return nearestGroupTense(doc.tokens, at, at, s.firstToken, s.endToken, [1]);
}

function nearestGroupTense(tokens: Token[], first: number, last: number, lo: number, hi: number, sides: number[] = [-1, 1]): Tense {
  // The governing verb usually comes before its time adjunct ("met in Geneva on Monday to
  // discuss…": the infinitive after it is a purpose, not the tense); look left first.
  for (const side of sides) {
    for (let d = 1; d <= MAX_DISTANCE; d++) {
      const i = side < 0 ? first - d : last - 1 + d;
      if (i < lo || i >= hi) break;
      const t = tokens[i];
      // A semicolon, colon, dash or quotation mark starts another clause.
      if (/^[;:—–"“”]$/.test(t.text)) break;
      if (!isVerbish(t) && !PLANNED.test(t.text.toLowerCase())) continue;
      const tense = groupTense(verbGroup(tokens, i, lo, hi));
      if (tense) return tense;
    }
  }
  return { dir: null, strong: false };
}

export function direction(doc: Doc, sentence: number, start: number, end: number): Direction {
  return tenseAt(doc, sentence, start, end).dir;
}
