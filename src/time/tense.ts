// Which way an underspecified time expression points: back in a past-tense clause ("met on
// Friday"), forward in a future or planning one ("will meet on Friday", "talks set to resume
// Friday", "a truce beginning Saturday"). Read from the verbs nearest the expression.
import type { Doc, Token } from '../text/doc.js';
import type { Direction } from './candidate.js';
import { lexicon } from './lexicon.js';

const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'got']);
const MODALS_FUTURE = new Set(['will', "'ll", 'shall', 'wo', '’ll']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", '’s', '’re']);
const PRESENT_HAVE = new Set(['has', 'have', "'ve", '’ve']);
const MAX_DISTANCE = 12;

/** Index of the first token starting at or after `offset`. */
export function tokenIndexAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** The tense a verb token gives its clause, looking at the words just before it. */
function verbDirection(tokens: Token[], i: number, lo: number): Direction | 'skip' {
  const lx = lexicon();
  const t = tokens[i];
  const word = t.text.toLowerCase();
  if (MODALS_FUTURE.has(word)) return 'future';
  if (word === 'would') return 'future';
  // Auxiliaries and infinitive markers in front of the verb decide.
  for (let k = i - 1; k >= Math.max(lo, i - 3); k--) {
    const w = tokens[k].text.toLowerCase();
    if (MODALS_FUTURE.has(w) || w === 'would') return 'future';
    if (w === 'to' && tokens[k].pos === 'PART') return 'future';
    if (w === 'going' || w === 'due' || w === 'set' || w === 'expected' || w === 'scheduled' || w === 'planned' || w === 'slated') return 'future';
    if (PRESENT_HAVE.has(w) || PAST_AUX.has(w)) return word.endsWith('ing') && PRESENT_BE.has(w) ? 'future' : 'past';
    if (PRESENT_BE.has(w)) {
      if (word.endsWith('ing')) return 'future';
      return lx.planningSet.has(t.lemma) ? 'future' : 'skip';
    }
    if (tokens[k].pos !== 'ADV' && tokens[k].pos !== 'PART') break;
  }
  if (PAST_AUX.has(word) || word === 'said' || word === 'told') return 'past';
  if (PRESENT_BE.has(word) || PRESENT_HAVE.has(word) || word === 'be' || word === 'been') {
    const next = tokens[i + 1];
    if (next && /^(due|set|scheduled|expected|slated|planned|poised|likely|about|going)$/i.test(next.text)) return 'future';
    if (PRESENT_HAVE.has(word)) return 'past';
    return 'skip';
  }
  if (word.endsWith('ing')) {
    return lx.planningSet.has(t.lemma) && /^(begin|start|end|expire|come|open|resume)$/.test(t.lemma) ? 'future' : 'skip';
  }
  if (/^(scheduled|planned|slated|set|due|expected)$/.test(word)) return 'future';
  if (word !== t.lemma && !word.endsWith('s')) return 'past';
  // A present-tense action verb with a date is a schedule ("talks resume Friday"); a present
  // reporting verb ("says") says nothing about the date.
  if (lx.speechSet.has(t.lemma)) return 'skip';
  return 'future';
}

/** The direction for the expression at [start, end), from the nearest tensed verb of its sentence. */
export function direction(doc: Doc, sentence: number, start: number, end: number): Direction {
  const s = doc.sentences[sentence];
  if (!s) return null;
  const tokens = doc.tokens;
  const first = tokenIndexAt(doc, start);
  const last = tokenIndexAt(doc, end);
  const lo = s.firstToken;
  const hi = s.endToken;
  for (let d = 1; d <= MAX_DISTANCE; d++) {
    for (const i of [first - d, last - 1 + d]) {
      if (i < lo || i >= hi) continue;
      const t = tokens[i];
      const w = t.text.toLowerCase();
      if (w === 'ago' || w === 'last' || w === 'previous') return 'past';
      if (w === 'next' || w === 'upcoming' || w === 'coming') return 'future';
      if (!isVerb(t) && !/^(scheduled|due|set|expected|planned|slated)$/.test(w)) continue;
      const r = verbDirection(tokens, i, lo);
      if (r !== 'skip') return r;
    }
  }
  return null;
}
