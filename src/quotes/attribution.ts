// Attribution: for a quoted span, the reporting cue and the words naming its speaker, found in
// the writer's text around it (after it first, then before it), following the shapes news copy uses:
//   “…,” Foreign Minister Ana Ruiz told reporters.     “…,” said Lena Fischer, a researcher.
//   Kestrian negotiator Pavel Drozd said: “…”          … according to Tolliver, … “as early as next week.”
//   Harbour councillor Lena Varga said she too was “stunned”.      The Courier quoted Drozd as saying …
import { firstTokenAtOrAfter, type Doc, type Token } from '../text/doc.js';
import { cues, cueLemma } from './cues.js';

export interface Range {
  start: number;
  end: number;
}

export interface Attribution {
  cue: Range | null;
  speaker: Range | null;
  /** Where the cue was found relative to the quote. */
  side: 'after' | 'before';
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);
const OBJECT_PRONOUNS = new Set(['them', 'him', 'her', 'us', 'me', 'whom']);
const NP_ADP = new Set(['of', 'at', 'for', 'from', 'with']);
const SKIP_BEFORE_CUE = new Set(['also', 'later', 'then', 'first', 'again', 'further', 'previously', 'repeatedly', 'once', 'has', 'had', 'have', 'would', 'will', 'did', 'does', 'do', 'was', 'is', 'were', 'later', 'not', "n't", 'never', 'earlier', 'simply', 'only', 'just', 'merely', 'reportedly', 'publicly', 'privately', 'bluntly', 'flatly', 'angrily', 'quietly', 'separately']);
const CLOSERS = new Set(['”', '"', '’', "'", '»']);
const TERMINAL = /^[.!?]+$/;
const TIME_HEADS = /^(times?|years?|days?|weeks?|months?|hours?|minutes?|today|yesterday|tonight|morning|evening|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;
/** Verbs that may put their subject after them: "…, said Lena Fischer" / "stated Foreign Minister X". */
const INVERTING = new Set(['say', 'state', 'add', 'note', 'declare', 'write', 'explain', 'insist', 'warn', 'continue', 'ask', 'reply', 'respond', 'comment', 'remark', 'observe', 'estimate', 'argue', 'conclude', 'admit', 'concede', 'confirm', 'announce', 'quip', 'joke', 'counter', 'retort', 'recall', 'stress', 'emphasize', 'emphasise', 'caution', 'predict', 'interject']);

/** First index of a token whose start is >= at (tokens are sorted). */
export const tokenAtOrAfter = firstTokenAtOrAfter;

/** Token indices [a, b) whose tokens lie wholly inside [start, end). */
export function tokensIn(doc: Doc, start: number, end: number): [number, number] {
  const a = tokenAtOrAfter(doc.tokens, start);
  let b = a;
  while (b < doc.tokens.length && doc.tokens[b].end <= end) b++;
  return [a, b];
}

function lower(t: Token): string {
  return t.text.toLowerCase();
}

function isPossessive(t: Token): boolean {
  return t.text === "'s" || t.text === '’s' || t.text === "'" || t.text === '’';
}

function isNameToken(t: Token): boolean {
  return t.pos === 'PROPN' || (/^\p{Lu}/u.test(t.text) && (t.pos === 'NOUN' || t.pos === 'ADJ'));
}

/** Tokens that can sit inside a speaker noun phrase. */
function npToken(t: Token): boolean {
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'DET' || t.pos === 'NUM') return true;
  if (isPossessive(t)) return true;
  if (t.pos === 'PRON' && (OBJECT_PRONOUNS.has(lower(t)) || lower(t) === 'his' || lower(t) === 'her' || lower(t) === 'its' || lower(t) === 'their' || lower(t) === 'our')) return true;
  if (t.text === '&' || t.text === '-' || t.text === '.') return true;
  // Names wink-nlp tags oddly ("Cook", "Hale") are still capitalised words.
  if (/^\p{Lu}[\p{L}'’.-]*$/u.test(t.text) && t.pos !== 'PRON' && t.pos !== 'AUX' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ' && t.pos !== 'ADP') return true;
  return false;
}

/** A word glued by a hyphen to the one before ("London-based", "fact-checking"). */
function inCompound(doc: Doc, k: number): boolean {
  const prev = doc.tokens[k - 1];
  return !!prev && prev.text === '-' && prev.end === doc.tokens[k].start && /^\p{L}/u.test(doc.tokens[k].text);
}

/** A capitalised word inside a sentence that wink-nlp tagged as a verb or modal but that opens a
 * name ("Will Dorne", "Mark Lyle"): followed by a proper noun. */
function namePart(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  const prev = doc.tokens[k - 1];
  const next = doc.tokens[k + 1];
  return /^\p{Lu}\p{Ll}+$/u.test(t.text) && (t.pos === 'AUX' || t.pos === 'VERB') && !!prev && prev.sentence === t.sentence && !!next && next.pos === 'PROPN';
}

export function isCueToken(t: Token, weakToo: boolean, prev?: Token, next?: Token, prevPrev?: Token): string | null {
  // "rejected Kestrian claims that": after a verb, determiner or preposition the pair is a noun phrase.
  const subjectStarts = !prevPrev || !['VERB', 'DET', 'ADP', 'ADJ', 'AUX'].includes(prevPrev.pos);
  // wink-nlp tags some reporting verbs as nouns: "Mr Howard claims", "what the manufacturers call “…”".
  const nounButVerb =
    t.pos === 'NOUN' &&
    (/^(says|said|tells|told|adds|added|states|stated|notes|noted|warns|warned)$/i.test(t.text) ||
      (subjectStarts && /^\p{Ll}+(s|ing)$/u.test(t.text) && !!prev && (prev.pos === 'PROPN' || prev.pos === 'PRON')) ||
      (!!prev && (prev.pos === 'NOUN' || prev.pos === 'PRON' || prev.pos === 'PROPN') && (!prevPrev || !['VERB', 'ADP', 'AUX'].includes(prevPrev.pos)) && !!next && /^(["“‘'«]|that)$/i.test(next.text)));
  if (t.pos !== 'VERB' && !nounButVerb) return null;
  const lemma = cueLemma(t.lemma, t.text);
  if (!lemma) return null;
  if (!weakToo && cues().weakVerbs.has(lemma)) return null;
  return lemma;
}

/** Extend a cue verb over the words that belong to it: "told reporters", "wrote on X", "put it". */
function cueExtent(doc: Doc, i: number, limit: number): number {
  const tokens = doc.tokens;
  let best = i;
  for (const phrase of cues().objects) {
    let k = i + 1;
    let ok = true;
    for (const w of phrase) {
      if (k >= limit || lower(tokens[k]) !== w) {
        ok = false;
        break;
      }
      k++;
    }
    if (ok) {
      best = k - 1;
      break;
    }
  }
  if (best === i && i + 1 < limit && lower(tokens[i + 1]) === 'it' && /^put$/i.test(tokens[i].text)) best = i + 1;
  return best;
}

function range(doc: Doc, a: number, b: number): Range {
  return { start: doc.tokens[a].start, end: doc.tokens[b].end };
}

/** The noun phrase ending just before token `ci` (exclusive), not reaching before token `lo`.
 * Comma-separated appositions ("Kestria's chief negotiator, Pavel Drozd,") are kept when the
 * earlier part is itself bounded by the sentence start, a comma or a closing quote mark. */
export function speakerBefore(doc: Doc, ci: number, lo: number): Range | null {
  const tokens = doc.tokens;
  let j = ci - 1;
  // "Mara O'Dwyer, a trade lawyer at Halden, who stated": the antecedent of "who".
  {
    let k = ci - 1;
    while (k >= lo && (SKIP_BEFORE_CUE.has(lower(tokens[k])) || tokens[k].pos === 'ADV')) k--;
    if (k >= lo && /^(who|which)$/i.test(tokens[k].text)) return antecedent(doc, k, lo);
  }
  while (j >= lo && (SKIP_BEFORE_CUE.has(lower(tokens[j])) || tokens[j].pos === 'ADV')) j--;
  // "Sen. Dana Whitcomb (D-Ore.) said", "Ana Ruiz (pictured) said": a bracket between name and cue.
  if (j >= lo && tokens[j].text === ')') {
    let k = j - 1;
    while (k >= lo && k > j - 10 && tokens[k].text !== '(' && tokens[k].text !== ')') k--;
    if (k >= lo && tokens[k].text === '(') j = k - 1;
  }
  let commaBeforeCue = false;
  if (j >= lo && tokens[j].text === ',') {
    commaBeforeCue = true;
    j--;
  }
  if (j < lo) return null;
  const t = tokens[j];
  if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(lower(t))) return commaBeforeCue ? null : range(doc, j, j);
  const end = j;
  // Segments of the phrase, right to left, split at commas.
  const segments: [number, number][] = [];
  let segEnd = j;
  let k = j;
  for (; k >= lo; k--) {
    const tk = tokens[k];
    if (tk.text === ',') {
      if (k === segEnd) break;
      segments.push([k + 1, segEnd]);
      segEnd = k - 1;
      continue;
    }
    if (npToken(tk) || inCompound(doc, k) || namePart(doc, k)) continue;
    if (tk.pos === 'ADP' && NP_ADP.has(lower(tk)) && k + 1 <= segEnd) continue;
    // "China's ambassador to Britain", "special envoy to the region"
    if (lower(tk) === 'to' && k - 1 >= lo && cues().titleWords.has(lower(tokens[k - 1])) && k + 1 <= segEnd) continue;
    if (lower(tk) === 'and' && k - 1 >= lo && npToken(tokens[k - 1]) && tokens[k - 1].pos !== 'DET' && k + 1 <= segEnd && npToken(tokens[k + 1])) continue;
    break;
  }
  const boundedLeft = k < lo || tokens[k].text === ',' || CLOSERS.has(tokens[k].text) || tokens[k].text === ':' || TERMINAL.test(tokens[k].text);
  if (segEnd >= k + 1) segments.push([k + 1, segEnd]);
  if (segments.length === 0) return null;
  // A phrase cut off from the cue by a comma is the speaker only when it stands as the clause's
  // subject (bounded on its left): "…,” the EU's foreign policy chief, Kaja Lind, said"; not
  // "alluding to the dispute, saying".
  if (commaBeforeCue && !boundedLeft) {
    // Only a name set off by commas on both sides ("…, Pavel Drozd, said"), not "alongside Varga, said".
    const [sa, sb] = segments[0];
    const allNames = tokens.slice(sa, sb + 1).every((x) => x.pos === 'PROPN' || /^\p{Lu}/u.test(x.text));
    if (!allNames || segments.length < 2) return null;
    return range(doc, sa, sb);
  }
  // Leading time phrases are no part of the speaker ("Back then, the ministry said").
  let last = segments.length - 1;
  while (last > 0 && TIME_HEADS.test(tokens[segments[last][1]].text)) last--;
  let first = boundedLeft ? segments[last][0] : segments[0][0];
  // Trim leading prepositions/conjunctions left by the scan.
  while (first <= end && (tokens[first].pos === 'ADP' || tokens[first].pos === 'CCONJ' || tokens[first].text === ',')) first++;
  if (first > end) return null;
  if (TIME_HEADS.test(tokens[end].text)) return null;
  // A lone determiner or adjective is no speaker.
  const content = tokens.slice(first, end + 1).some((x) => x.pos === 'PROPN' || x.pos === 'NOUN' || x.pos === 'NUM' || x.pos === 'PRON' || /^\p{Lu}/u.test(x.text));
  if (!content) return null;
  return range(doc, first, end);
}

/** The noun phrase, appositions included, that a relative pronoun at `who` refers back to. */
function antecedent(doc: Doc, who: number, lo: number): Range | null {
  const tokens = doc.tokens;
  let end = who - 1;
  if (end >= lo && tokens[end].text === ',') end--;
  let k = end;
  while (k >= lo && (npToken(tokens[k]) || tokens[k].text === ',' || (tokens[k].pos === 'ADP' && NP_ADP.has(lower(tokens[k]))))) k--;
  let first = k + 1;
  while (first <= end && (tokens[first].pos === 'ADP' || tokens[first].text === ',')) first++;
  return first <= end ? range(doc, first, end) : null;
}

/** The noun phrase starting at token `i` ("said Lena Fischer, a researcher"; "said a former colleague
 * at the Meridian foreign ministry"; "said the head of the dockers' union Portline, Edda Kraal"). */
export function speakerAfter(doc: Doc, i: number, hi: number): Range | null {
  const tokens = doc.tokens;
  let k = i;
  if (k < hi && tokens[k].pos === 'PRON' && SUBJECT_PRONOUNS.has(lower(tokens[k]))) return range(doc, k, k);
  let sawName = false;
  for (; k < hi; k++) {
    const t = tokens[k];
    if (npToken(t) && t.text !== '.') {
      if (t.pos === 'PROPN') sawName = true;
      continue;
    }
    if (t.pos === 'ADP' && (lower(t) === 'of' || (!sawName && NP_ADP.has(lower(t)))) && k + 1 < hi && npToken(tokens[k + 1])) continue;
    if (lower(t) === 'and' && k > i && k + 1 < hi && npToken(tokens[k + 1]) && tokens[k + 1].pos !== 'DET') continue;
    break;
  }
  if (k === i) return null;
  let end = k - 1;
  // Time words glued to the phrase ("said Foreign Minister Ilya Sorokin on Monday") stop at the ADP; a
  // trailing weekday or month written as a name is dropped.
  while (end > i && /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)$/i.test(tokens[end].text)) end--;
  // Apposition that is a name: "…, Edda Kraal." when the head had no person name.
  if (k < hi && tokens[k].text === ',' && k + 1 < hi) {
    let m = k + 1;
    while (m < hi && tokens[m].pos === 'PROPN') m++;
    const closes = m >= hi || TERMINAL.test(tokens[m].text) || tokens[m].text === ',';
    const headHasLowercase = tokens.slice(i, end + 1).some((x) => x.pos === 'NOUN' && /^\p{Ll}/u.test(x.text));
    const endsInTitle = cues().titleWords.has(lower(tokens[end]));
    if (m > k + 1 && closes && (headHasLowercase || endsInTitle)) end = m - 1;
  }
  const content = tokens.slice(i, end + 1).some((x) => x.pos === 'PROPN' || x.pos === 'NOUN' || x.pos === 'NUM' || /^\p{Lu}/u.test(x.text));
  return content ? range(doc, i, end) : null;
}

/** The subject of the clause that holds token range [lo, hi): the first noun phrase after any
 * leading adverbial clause ("Speaking to the BBC, Ms Ruiz said …"; "Asked about X, Ruiz laughed"). */
export function clauseSubject(doc: Doc, lo: number, hi: number, masked: (i: number) => boolean = () => false): Range | null {
  const tokens = doc.tokens;
  let start = lo;
  // Skip a dateline or time stamp ("14:32", "GENEVA (AFP) —") and a quote that opens the sentence.
  while (start < hi && (masked(start) || tokens[start].pos === 'NUM' || tokens[start].pos === 'PUNCT' || tokens[start].pos === 'SYM')) start++;
  // Leading participles or prepositional phrases open adverbial clauses: jump past their commas.
  for (let guard = 0; guard < 4; guard++) {
    const first = tokens[start];
    if (!first || start >= hi) return null;
    if (!(first.pos === 'VERB' || first.pos === 'ADP' || first.pos === 'SCONJ' || first.pos === 'ADV' || first.pos === 'CCONJ')) break;
    let k = start;
    while (k < hi && tokens[k].text !== ',') k++;
    if (k >= hi) {
      // No comma: "On the ferry dispute she said" — take the last subject pronoun before a verb.
      for (let m = start; m < hi; m++) if (tokens[m].pos === 'PRON' && SUBJECT_PRONOUNS.has(lower(tokens[m]))) return range(doc, m, m);
      return null;
    }
    start = k + 1;
  }
  if (start >= hi) return null;
  if (tokens[start].pos === 'PRON' && SUBJECT_PRONOUNS.has(lower(tokens[start]))) return range(doc, start, start);
  let k = start;
  let sawHead = false;
  for (; k < hi; k++) {
    const t = tokens[k];
    if (npToken(t) && t.text !== '.') {
      if (sawHead && /^\p{Ll}+s$/u.test(t.text) && tokens[k - 1]?.pos === 'PROPN' && !/ss$/.test(t.text)) break;
      sawHead = sawHead || t.pos !== 'DET';
      continue;
    }
    if (t.pos === 'ADP' && NP_ADP.has(lower(t)) && k + 1 < hi && npToken(tokens[k + 1])) continue;
    if (t.text === ',' && sawHead) {
      // Apposition: "Ana Ruiz, Meridia's foreign minister, posted …" — skip to the closing comma.
      let m = k + 1;
      while (m < hi && (npToken(tokens[m]) || (tokens[m].pos === 'ADP' && NP_ADP.has(lower(tokens[m]))))) m++;
      if (m < hi && tokens[m].text === ',' && m > k + 1) {
        k = m;
        continue;
      }
    }
    break;
  }
  if (k === start) return null;
  return range(doc, start, k - 1);
}

/** Cues in token range [a, b): indices of cue verbs (strong first, then weak), plus "according to". */
function findCues(doc: Doc, a: number, b: number, weakToo: boolean, masked: (i: number) => boolean = () => false): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) {
    if (masked(i)) continue;
    const t = doc.tokens[i];
    if (lower(t) === 'according' && i + 1 < b && lower(doc.tokens[i + 1]) === 'to') out.push(i);
    else if (isCueToken(t, weakToo, doc.tokens[i - 1], doc.tokens[i + 1], doc.tokens[i - 2]) && !agentlessPassive(doc, i)) out.push(i);
  }
  return out;
}

/** Attribution from the text right after a quote: “…,” he said / said X / X told reporters. */
export function attributeAfter(doc: Doc, a: number, b: number, anyVerb = true): Attribution | null {
  const tokens = doc.tokens;
  let i = a;
  while (i < b && (tokens[i].text === ',' || tokens[i].text === '—' || tokens[i].text === '–' || tokens[i].text === '-' || CLOSERS.has(tokens[i].text))) i++;
  if (i < b && /^(while|but|and|as|although|though|whereas|because|when|which|where|if|so)$/i.test(tokens[i].text)) return null;
  const window = Math.min(b, i + 30);
  for (const weak of [false, true]) {
    const found = findCues(doc, i, window, weak);
    for (const ci of found) {
      if (lower(tokens[ci]) === 'according') continue;
      // "remembered asking": a participle after another verb is that verb's complement.
      const catenative = ci > i && tokens[ci - 1].pos === 'VERB';
      if (ci !== i && /ing$/i.test(tokens[ci].text) && !catenative) continue;
      const cueEnd = cueExtent(doc, ci, b);
      if (catenative && /ing$/i.test(tokens[ci].text)) {
        const sp = speakerBefore(doc, ci - 1, i);
        if (sp) return { cue: range(doc, ci - 1, cueEnd), speaker: sp, side: 'after' };
        continue;
      }
      if (ci === i) {
        const speaker = speakerAfter(doc, cueEnd + 1, b);
        if (speaker) return { cue: range(doc, ci, cueEnd), speaker, side: 'after' };
        continue;
      }
      // "Kurier.example quoted Halvorsen as saying"
      if (/^quot/i.test(tokens[ci].text)) {
        const sp = speakerAfter(doc, ci + 1, b);
        if (sp) return { cue: range(doc, ci, cueEnd), speaker: sp, side: 'after' };
      }
      const speaker = speakerBefore(doc, ci, i);
      if (speaker) return { cue: range(doc, ci, cueEnd), speaker, side: 'after' };
    }
    if (found.length) break;
  }
  // A cue word right after the quote even when tagged a noun ("…,” claims columnist Piet Alders).
  if (i < b && cueLemma(tokens[i].lemma, tokens[i].text) && !cues().weakVerbs.has(cueLemma(tokens[i].lemma, tokens[i].text)!)) {
    const sp = speakerAfter(doc, i + 1, b);
    if (sp) return { cue: range(doc, i, i), speaker: sp, side: 'after' };
  }
  if (!anyVerb) return null;
  // Any verb right after a set-off quote attributes it ("…,” enthused Ines Vallo / “…,” Okonkwo beamed).
  for (let k = i; k < Math.min(b, i + 6); k++) {
    const t = tokens[k];
    if (t.pos !== 'VERB' || /ing$/i.test(t.text)) continue;
    if (k === i) {
      const sp = speakerAfter(doc, k + 1, b);
      if (sp && tokens[k + 1]?.pos !== 'DET') return { cue: range(doc, k, k), speaker: sp, side: 'after' };
    } else {
      const sp = speakerBefore(doc, k, i);
      if (sp) return { cue: range(doc, k, k), speaker: sp, side: 'after' };
    }
    break;
  }
  // No verb at all: “…,” Mira Dahl, an analyst at Fenwick Research.
  let m = i;
  while (m < b && tokens[m].pos === 'PROPN') m++;
  if (m > i + 1 && (m >= b || tokens[m].text === ',' || TERMINAL.test(tokens[m].text))) return { cue: null, speaker: range(doc, i, m - 1), side: 'after' };
  return null;
}

/** Attribution from the writer's text before a quote (same sentence): X said: “…” / X said that “…”. */
export function attributeBefore(doc: Doc, a: number, b: number, masked: (i: number) => boolean = () => false): Attribution | null {
  const tokens = doc.tokens;
  for (const weak of [false, true]) {
    const found = findCues(doc, a, b, weak, masked);
    for (let n = found.length - 1; n >= 0; n--) {
      const ci = found[n];
      if (lower(tokens[ci]) === 'according') {
        const sp = speakerAfter(doc, ci + 2, b);
        if (sp) return { cue: range(doc, ci, ci + 1), speaker: sp, side: 'before' };
        continue;
      }
      const cueEnd = cueExtent(doc, ci, b);
      if (/^quot/i.test(tokens[ci].text)) {
        const sp = speakerAfter(doc, ci + 1, b);
        if (sp) return { cue: range(doc, ci, cueEnd), speaker: sp, side: 'before' };
      }
      const agent = passiveAgent(doc, ci, b);
      if (agent) return { cue: range(doc, ci, cueEnd), speaker: agent, side: 'before' };
      let speaker = speakerBefore(doc, ci, a);
      // A participle ("…, saying", "stating") belongs to the clause subject, except in "with X saying".
      if (speaker && /ing$/i.test(tokens[ci].text)) {
        const [sa] = tokensIn(doc, speaker.start, speaker.end);
        const before = tokens[sa - 1];
        if (!(before && /^with$/i.test(before.text)) && !(isPronoun(doc, speaker) && sa === a)) speaker = clauseSubject(doc, a, ci, masked) ?? speaker;
      }
      // A cue with a noun-cue head ("released a statement saying") or none at all ("…, saying"):
      // the speaker is the clause subject.
      if (speaker && isNounCuePhrase(doc, speaker)) {
        const by = ownerOf(doc, speaker);
        speaker = by ?? clauseSubject(doc, a, ci, masked);
      }
      if (!speaker) speaker = inverted(doc, ci, cueEnd, b);
      if (!speaker && n > 0 && /^(and|but|or|then)$/i.test(tokens[ci - 1]?.text ?? '')) {
        for (let m = n - 1; m >= 0 && !speaker; m--) speaker = speakerBefore(doc, found[m], a);
      }
      speaker ??= clauseSubject(doc, a, ci, masked);
      if (speaker) return { cue: range(doc, ci, cueEnd), speaker, side: 'before' };
      return { cue: range(doc, ci, cueEnd), speaker: null, side: 'before' };
    }
    if (found.length) break;
  }
  let k = b - 1;
  while (k >= a && (tokens[k].text === ',' || tokens[k].text === ':')) k--;
  if (k >= a && k < b - 1 && cues().nounCues.has(tokens[k].lemma)) {
    const speaker = clauseSubject(doc, a, k, masked);
    if (speaker) return { cue: range(doc, k, k), speaker, side: 'before' };
  }
  return null;
}

/** "was not reported", "is claimed to be": a passive cue without "by" names no speaker. */
function agentlessPassive(doc: Doc, i: number): boolean {
  let k = i - 1;
  if (k >= 0 && /^(not|n't|also|widely|often)$/i.test(doc.tokens[k].text)) k--;
  if (k < 0 || !/^(was|were|is|are|been|be|being)$/i.test(doc.tokens[k].text)) return false;
  return lower(doc.tokens[i + 1] ?? doc.tokens[i]) !== 'by';
}

/** "was hailed by Varga as …": the agent of a passive cue speaks. */
function passiveAgent(doc: Doc, ci: number, b: number): Range | null {
  const prev = doc.tokens[ci - 1];
  const next = doc.tokens[ci + 1];
  if (!prev || !next || !/^(was|were|is|are|been|be|being)$/i.test(prev.text) || lower(next) !== 'by') return null;
  return speakerAfter(doc, ci + 2, b);
}

/** "…, stated Foreign Minister Ilya Sorokin": a cue verb right after a comma or at the start, followed by a name. */
function inverted(doc: Doc, ci: number, cueEnd: number, b: number): Range | null {
  const prev = doc.tokens[ci - 1];
  if (prev && prev.text !== ',' && !CLOSERS.has(prev.text)) return null;
  const lemma = cueLemma(doc.tokens[ci].lemma, doc.tokens[ci].text);
  if (!lemma || !INVERTING.has(lemma) || /ing$/i.test(doc.tokens[ci].text)) return null;
  const next = doc.tokens[cueEnd + 1];
  if (!next || !(next.pos === 'PROPN' || next.pos === 'DET')) return null;
  return speakerAfter(doc, cueEnd + 1, b);
}

function isNounCuePhrase(doc: Doc, r: Range): boolean {
  const [a, b] = tokensIn(doc, r.start, r.end);
  const head = doc.tokens[b - 1];
  return !!head && cues().nounCues.has(head.lemma) && !doc.tokens.slice(a, b).some((t) => t.pos === 'PROPN' && t !== head);
}

/** "A statement from Norvik Shipping" / "Statement from the Kestrian foreign ministry" → the owner. */
export function ownerOf(doc: Doc, r: Range): Range | null {
  const [a, b] = tokensIn(doc, r.start, r.end);
  for (let i = a; i < b; i++) {
    const w = lower(doc.tokens[i]);
    if ((w === 'from' || w === 'by' || w === 'of') && i + 1 < b) return { start: doc.tokens[i + 1].start, end: r.end };
    // "Willoughby's letter", "the district attorney's release": the owner before the possessive.
    if (isPossessive(doc.tokens[i]) && i > a && i + 1 < b && cues().nounCues.has(doc.tokens[i + 1].lemma)) {
      let s = a;
      while (s < i && doc.tokens[s].pos === 'DET') s++;
      if (s < i) return { start: doc.tokens[s].start, end: doc.tokens[i - 1].end };
    }
    if (w === 'on' && i + 2 < b && doc.tokens[i + 1].pos === 'PROPN' && isPossessive(doc.tokens[i + 2])) return { start: doc.tokens[i + 1].start, end: doc.tokens[i + 1].end };
  }
  return null;
}

function isPronoun(doc: Doc, r: Range): boolean {
  return SUBJECT_PRONOUNS.has(doc.text.slice(r.start, r.end).toLowerCase());
}
