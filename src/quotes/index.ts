// Quotes stage: direct quotations in one article (findQuotes), then ids, global speakers and
// cross-outlet statement grouping across articles (assembleQuotes).
//
// Conventions (see docs in bench/gold/quotes/README.md):
// - A quote is one run of words between an opening and a closing mark, without the marks. A quote
//   over several paragraphs (each reopened with a mark, closed only at the end) is one quote.
// - Mid-attribution ("“A,” he said. “B.”" or "“A,” he said, “B.”") gives two quotes with the same
//   speaker and cue: text must be one contiguous slice of the article, and the writer's words sit between.
// - partial: the quoted words are built into the writer's own sentence (after "that", inside a
//   clause, a lower-case fragment), whatever their length. Quoted terms, names and titles are no quotes.
import type { ArticleEntities, QuoteAnnotation, ResolvedEntities } from '../annotations.js';
import type { Quote } from '../types.js';
import type { Doc } from '../text/doc.js';
import { findMarkedSpans, type MarkedSpan } from './marks.js';
import { attributeAfter, attributeBefore, clauseSubject, ownerOf, speakerBefore, tokensIn, type Attribution, type Range } from './attribution.js';
import { classify, headlineAttribution, introduction, type QuoteKind } from './classify.js';
import { SpeakerResolver, type SpeakerRef } from './speaker.js';
import { cues } from './cues.js';
import { groupStatements } from './statements.js';
import { attributionFeatures } from './model/features.js';
import { loadModel, score, type Features } from '../util/logistic.js';
import { rank, type RankerWeights } from '../util/ranker.js';
import { loadJson } from '../util/data.js';
import { choiceFeatures, speakerCandidates } from './model/candidates.js';
import { findTurns, type Turn } from '../text/transcript.js';
import { labelEntity } from './transcript.js';

export interface DetailedQuote extends QuoteAnnotation {
  /** The name the speaker resolves to (for checking against gold without the entities stage). */
  referent: { start: number; end: number } | null;
  /** What the attribution confidence is computed from; null when no speaker was found. */
  features: Features | null;
  /** Words wholly inside an inner quotation: someone else's, as the person named recalls them. */
  recalled?: boolean;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'prof', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'approx', 'dept', 'messrs', 'mt', 'ft', 'rev']);

function isSentenceEnd(text: string, i: number): boolean {
  if (!/[.!?]/.test(text[i])) return false;
  // "(D-Ore.)": an abbreviation closing a short bracket ends no sentence.
  if (text[i + 1] === ')' && /\([^()]{0,15}$/.test(text.slice(Math.max(0, i - 16), i))) return false;
  let k = i + 1;
  while (k < text.length && /[”"’'»)]/.test(text[k])) k++;
  if (k < text.length && !/\s/.test(text[k])) return false;
  if (text[i] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^(\p{L}\.)*\p{Lu}$/u.test(word)) return false; // U.S. / J. initials
  return true;
}

function inside(at: number, spans: Range[]): boolean {
  return spans.some((s) => at >= s.start && at < s.end);
}

function sentenceStartBefore(text: string, pos: number, floor: number, quoted: Range[]): number {
  for (let i = pos - 1; i >= floor; i--) {
    const q = quoted.find((r) => i >= r.start && i < r.end);
    if (q) {
      // A quote that ends its own sentence (“….” The next …) closes the writer's sentence too.
      const close = q.end - 1;
      if (/[.!?][”"’'»]$/.test(text.slice(close - 1, close + 1)) && /^\s+[\p{Lu}“"‘«]/u.test(text.slice(close + 1, close + 4))) {
        let k = close + 1;
        while (k < pos && /\s/.test(text[k])) k++;
        return k;
      }
      i = q.start;
      continue;
    }
    if (isSentenceEnd(text, i)) {
      let k = i + 1;
      while (k < pos && /[”"’'»)\s]/.test(text[k])) k++;
      return k;
    }
  }
  return floor;
}

function sentenceEndAfter(text: string, pos: number, ceiling: number, quoted: Range[]): number {
  for (let i = pos; i < ceiling; i++) {
    if (inside(i, quoted)) continue;
    if (isSentenceEnd(text, i)) return i + 1;
  }
  return ceiling;
}

interface Working {
  span: MarkedSpan;
  paragraph: number;
  kind: QuoteKind;
  attribution: Attribution | null;
  /** Which rule gave the attribution: evidence for its confidence. */
  via: string;
  /** For an attribution carried from an earlier quote: how many paragraphs back it was given. */
  gap: number;
}

/** Every direct quotation in the article, with speaker and cue where found. */
export function findQuotes(doc: Doc, entities: ArticleEntities): QuoteAnnotation[] {
  return chooseSpeakers(doc, entities, findQuotesDetailed(doc, entities));
}

interface RankerFile {
  name: string;
  trainedOn: string;
  weights: RankerWeights;
}

/** Each quote's speaker chosen among the people and bodies around it by the speaker ranker
 * (the attribution rules' choice is one candidate and their evidence its features), with the
 * confidence model's probability that the choice is right. A choice other than the rules' names
 * its speaker by the candidate's nearest mention and keeps no reporting cue (the cue the rules
 * found was another's). */
export function chooseSpeakers(doc: Doc, entities: ArticleEntities, quotes: DetailedQuote[]): QuoteAnnotation[] {
  const ranker = loadJson<RankerFile>('models/speaker-ranker.json');
  const model = loadModel('attribution');
  return quotes.map((q, i) => {
    const { referent: _referent, features, recalled, ...rest } = q;
    if (recalled) return { ...rest, speaker: null };
    const candidates = speakerCandidates(doc, entities, quotes, i);
    if (candidates.length === 0) return { ...rest, speaker: null };
    const probabilities = rank(ranker.weights, candidates.map((c) => c.x));
    let chosen = 0;
    for (let j = 1; j < probabilities.length; j++) if (probabilities[j] > probabilities[chosen]) chosen = j;
    const c = candidates[chosen];
    const speakerConfidence = round(score(model, choiceFeatures(probabilities, chosen, c, features)));
    if (c.entity === q.speaker) return { ...rest, speakerConfidence };
    return { ...rest, speaker: c.entity, speakerConfidence, speakerSpan: c.nearest, speakerText: doc.text.slice(c.nearest.start, c.nearest.end), cue: null, cueSpan: null };
  });
}

const round = (p: number) => Math.round(p * 1000) / 1000;

/** Whether the brief names a quote's speaker: a speaker whose confidence clears the attribution
 * threshold (unknown beats wrong; below it the speaker is only a possible one). */
export function speakerIsSure(q: Pick<QuoteAnnotation, 'speaker' | 'speakerConfidence'>): boolean {
  return q.speaker !== null && (q.speakerConfidence === undefined || q.speakerConfidence >= loadModel('attribution').threshold);
}

/** As findQuotes, with each quote's referent. Throws on a failure: the pipeline isolates articles
 * and reports the failure, so nothing here hides it. */
export function findQuotesDetailed(doc: Doc, entities: ArticleEntities): DetailedQuote[] {
  return run(doc, entities);
}

function paragraphOf(doc: Doc, at: number): number {
  const ps = doc.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < ps[mid].start) hi = mid - 1;
    else if (at >= ps[mid].end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(ps.length - 1, lo - 1));
}

function run(doc: Doc, entities: ArticleEntities): DetailedQuote[] {
  const text = doc.text;
  const spans = findMarkedSpans(text, doc.paragraphs);
  const quoted: Range[] = spans.map((s) => ({ start: s.open, end: s.close + 1 }));
  const work: Working[] = [];

  spans.forEach((span, n) => {
    const p = paragraphOf(doc, span.close);
    const pOpen = paragraphOf(doc, span.open);
    const para = doc.paragraphs[p];
    const paraOpen = doc.paragraphs[pOpen];
    const others = quoted.filter((_, m) => m !== n);
    const sentStart = sentenceStartBefore(text, span.open, paraOpen.start, others);
    const sentEnd = sentenceEndAfter(text, span.close + 1, para.end, others);
    const next = spans[n + 1];
    const trailingEnd = Math.min(sentEnd, next && next.open < para.end ? next.open : para.end);
    const kind = classify({
      doc,
      paragraph: paraOpen,
      open: span.open,
      close: span.close,
      content: { start: span.start, end: span.end },
      sentence: { start: sentStart, end: sentEnd },
      quoted,
    });
    if (kind === 'term') return;
    const [ta, tb] = tokensIn(doc, span.close + 1, trailingEnd);
    const [la, lb] = tokensIn(doc, sentStart, span.open);
    const maskedBefore = (i: number) => inside(doc.tokens[i].start, quoted);
    const after = span.unclosed || !trailingMayAttribute(text, span, firstWordAt(doc, ta, tb), kind) ? null : attributeAfter(doc, ta, tb, kind === 'full');
    const before = attributeBefore(doc, la, lb, maskedBefore);
    const tightAfter = after && after.cue && after.cue.start - (span.close + 1) <= 40 && after.speaker;
    let attribution: Attribution | null = tightAfter ? after : before?.speaker ? before : (after ?? before);
    let via = !attribution ? 'none' : attribution === after ? (tightAfter ? 'after-tight' : 'after') : 'before';
    // "She also rejected the offer: “…”" / "Okafor: ‘…’" — a colon hands the quote to the clause subject.
    if ((!attribution || !attribution.speaker) && introduction(doc, paraOpen.start, span.open) === 'colon' && lb > la) {
      const subject = clauseSubject(doc, la, lb, maskedBefore);
      if (subject) {
        attribution = { cue: attribution?.cue ?? null, speaker: subject, side: 'before' };
        via = 'colon';
      }
    }
    // "Varga sent word to the mediators, “we have always …”": speech set off by a comma
    // after a clause with no reporting verb belongs to that clause's subject.
    if (!attribution && kind === 'full' && lb > la && /,\s*$/.test(text.slice(sentStart, span.open))) {
      let verb = -1;
      for (let k = lb - 1; k >= la; k--) if (!maskedBefore(k) && doc.tokens[k].pos === 'VERB') { verb = k; break; }
      const subject = (verb > la ? speakerBefore(doc, verb, la) : null) ?? clauseSubject(doc, la, lb, maskedBefore);
      if (subject) {
        attribution = { cue: null, speaker: subject, side: 'before' };
        via = 'comma-clause';
      }
    }
    // "Ruiz: Kestria ‘playing for time’" — a summary line that names its speaker before a colon.
    if ((!attribution || !attribution.speaker) && headlineAttribution(text, sentStart, span.open)) {
      const [ha, hb] = tokensIn(doc, sentStart, text.indexOf(':', sentStart));
      if (hb > ha) {
        attribution = { cue: null, speaker: { start: doc.tokens[ha].start, end: doc.tokens[hb - 1].end }, side: 'before' };
        via = 'headline';
      }
    }
    work.push({ span, paragraph: pOpen, kind, attribution, via, gap: 0 });
  });

  inheritAttributions(doc, work);
  const turns = findTurns(doc);

  // Speakers to entities, in reading order, so a pronoun can fall back on the last speaker.
  const resolver = new SpeakerResolver(doc, entities, quoted);
  const previous: SpeakerRef[] = [];
  const out: DetailedQuote[] = [];
  for (const w of work) {
    // “‘Oh, God!’” King recalled: words wholly inside an inner quotation are someone else's, as the
    // person named recalls them; who said them the sentence does not say.
    const words = text.slice(w.span.start, w.span.end);
    const recalled = !w.span.unclosed && /^\s*[‘'"]/.test(words) && /[’'"][.,!?]?\s*$/.test(words);
    let speakerSpan = recalled ? null : (w.attribution?.speaker ?? null);
    if (speakerSpan) {
      const owner = isStatementPhrase(doc, speakerSpan) ? ownerOf(doc, speakerSpan) : null;
      if (owner) speakerSpan = owner;
    }
    let ref: SpeakerRef = { entity: null, referent: null };
    if (speakerSpan) {
      ref = resolver.resolve(speakerSpan, previous);
      const pron = cues().pronouns.get(text.slice(speakerSpan.start, speakerSpan.end).toLowerCase()) ?? null;
      resolver.remember(ref, pron);
      if (ref.referent) previous.push(ref);
    }
    const cue = w.attribution?.cue ?? null;
    // In a transcript, "you" in a turn is whoever spoke the turn before: “You called it …” is the guest's phrase.
    const turn = turnAt(turns, w.span.start);
    if (turn && speakerSpan && /^you$/i.test(text.slice(speakerSpan.start, speakerSpan.end))) {
      const addressee = previousSpeaker(turns, turn);
      if (addressee) ref = { entity: labelEntity(addressee.label, entities), referent: { start: addressee.labelStart, end: addressee.labelEnd }, how: 'addressee' };
    }
    const features = ref.entity
      ? attributionFeatures(doc, entities, {
          via: w.via,
          how: ref.how ?? null,
          candidates: ref.candidates ?? null,
          gap: w.gap,
          partial: w.kind === 'partial',
          multiParagraph: w.span.multiParagraph,
          nested: quoted.some((r) => r.start < w.span.open && r.end > w.span.close + 1),
          quote: { start: w.span.start, end: w.span.end },
          speakerWords: speakerSpan,
          cue: cue ? text.slice(cue.start, cue.end) : null,
          cueSpan: cue,
          entity: ref.entity,
        })
      : null;
    out.push({
      start: w.span.start,
      end: w.span.end,
      text: text.slice(w.span.start, w.span.end),
      speaker: ref.entity,
      speakerSpan: speakerSpan ? { start: speakerSpan.start, end: speakerSpan.end } : null,
      speakerText: speakerSpan ? text.slice(speakerSpan.start, speakerSpan.end) : null,
      cue: cue ? text.slice(cue.start, cue.end) : null,
      cueSpan: cue ? { start: cue.start, end: cue.end } : null,
      partial: w.kind === 'partial',
      referent: ref.referent,
      features,
      ...(recalled ? { recalled } : {}),
    });
  }
  // Each turn of a transcript is its speaker's words, verbatim.
  for (const t of turns) {
    const speaker = labelEntity(t.label, entities);
    out.push({
      start: t.start,
      end: t.end,
      text: text.slice(t.start, t.end),
      speaker,
      speakerSpan: { start: t.labelStart, end: t.labelEnd },
      speakerText: t.label,
      cue: null,
      cueSpan: null,
      partial: false,
      referent: { start: t.labelStart, end: t.labelEnd },
      features: speaker
        ? attributionFeatures(doc, entities, { via: 'turn', how: 'label', candidates: null, gap: 0, partial: false, multiParagraph: false, nested: false, quote: { start: t.start, end: t.end }, speakerWords: { start: t.labelStart, end: t.labelEnd }, cue: null, cueSpan: null, entity: speaker })
        : null,
    });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function turnAt(turns: Turn[], at: number): Turn | null {
  return turns.find((t) => at >= t.start && at < t.end) ?? null;
}

/** The speaker of the last turn before this one that another label spoke. */
function previousSpeaker(turns: Turn[], turn: Turn): Turn | null {
  const i = turns.indexOf(turn);
  for (let k = i - 1; k >= 0; k--) if (turns[k].label.toLowerCase() !== turn.label.toLowerCase()) return turns[k];
  return null;
}

function firstWordAt(doc: Doc, a: number, b: number): number {
  for (let i = a; i < b; i++) if (/[\p{L}\p{N}]/u.test(doc.tokens[i].text)) return doc.tokens[i].start;
  return -1;
}

/** Whether the words after a closing mark can attribute the quote. A quote that ends its own
 * sentence (“….”) is followed by a new sentence of the writer's unless the next word is lower-case
 * ("….” said X / he said); after “…?” or “…!” a name may follow ("“…?” Drozd asked"). An
 * embedded fragment is attributed afterwards only from right after a comma or dash. */
function trailingMayAttribute(text: string, span: MarkedSpan, nextWordAt: number, kind: QuoteKind): boolean {
  if (nextWordAt < 0) return false;
  // “…‘So who signs the text first?’” — look through nested closing marks.
  const inner = text.slice(span.start, span.end).replace(/[’'”"]+$/, '');
  const between = text.slice(span.close + 1, nextWordAt);
  // A lower-case next word ("said", "he"), but not a lower-case-first name ("iOS will support").
  const word = text.slice(nextWordAt, nextWordAt + 20);
  const lowerWord = /^\p{Ll}+\b/u.test(word) && !/^\p{Ll}+\p{Lu}/u.test(word);
  if (kind === 'partial') return /[,—–]$/.test(inner) || /^[,—–]/.test(between.trim()) || (/[.!?]$/.test(inner) && lowerWord);
  if (/[.]$/.test(inner) || /^\s*\./.test(between)) return lowerWord && !/^\s*\./.test(between);
  if (/[!?]$/.test(inner)) return true;
  if (/[,;—–-]$/.test(inner) || /^[,;—–-]/.test(between.trim())) return true;
  return lowerWord;
}

/** "A statement on the ministry's website": the words name a document; its owner is the speaker. */
function isStatementPhrase(doc: Doc, r: Range): boolean {
  const words = doc.text.slice(r.start, r.end).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  // "A statement from X" (a cue first) or "X's letter" (a cue as the head).
  return words.slice(0, 3).some((w) => cues().nounCues.has(w)) || cues().nounCues.has(words[words.length - 1] ?? '');
}

/** Quotes without attribution of their own take it from their neighbours, in the ways news copy
 * leaves a speaker implied: a paragraph that ended with a colon; an earlier quote in the same
 * paragraph (mid-attribution); a following quote right next to it ("“A,” “B,” X said."); the
 * quote that ended the previous paragraph when this paragraph opens with a quote. */
function inheritAttributions(doc: Doc, work: Working[]): void {
  const text = doc.text;
  const quoted: Range[] = work.map((w) => ({ start: w.span.open, end: w.span.close + 1 }));
  for (let n = 0; n < work.length; n++) {
    const w = work[n];
    if (w.attribution?.speaker || w.kind !== 'full') continue;
    const para = doc.paragraphs[w.paragraph];
    const atParagraphStart = w.span.open === para.start;
    // 1. The previous paragraph ends with a colon: "Reading from prepared remarks, she said:"
    if (atParagraphStart && w.paragraph > 0) {
      const prev = doc.paragraphs[w.paragraph - 1];
      if (text[prev.end - 1] === ':') {
        const start = sentenceStartBefore(text, prev.end - 1, prev.start, []);
        const [a, b] = tokensIn(doc, start, prev.end - 1);
        const before = attributeBefore(doc, a, b, () => false);
        const speaker = before?.speaker ?? clauseSubject(doc, a, b);
        if (speaker) {
          w.attribution = { cue: before?.cue ?? null, speaker, side: 'before' };
          w.via = 'para-colon';
          continue;
        }
      }
    }
    // 2. The writer's sentence right before the quote attributes something ("…, the chairman
    //    Ana Ruiz denied the report. “We rule nothing out.”") and no quote sits between.
    {
      const prevQuote = work[n - 1];
      const floor = Math.max(para.start, prevQuote && prevQuote.paragraph === w.paragraph ? prevQuote.span.close + 1 : para.start);
      let prevEnd = w.span.open - 1;
      while (prevEnd > floor && /\s/.test(text[prevEnd])) prevEnd--;
      let start = prevEnd > floor && /[.!?:]/.test(text[prevEnd]) ? sentenceStartBefore(text, prevEnd, floor, []) : w.span.open;
      // A paragraph that is only a quote, after a paragraph reporting someone's words: "Drozd said
      // it was merely the newest attempt …\n\n“They want us to kneel …”".
      if (atParagraphStart && w.paragraph > 0 && !(prevQuote && prevQuote.paragraph === w.paragraph - 1 && prevQuote.span.close > doc.paragraphs[w.paragraph - 1].end - 3)) {
        const pp = doc.paragraphs[w.paragraph - 1];
        prevEnd = pp.end - 1;
        start = /[.!?]/.test(text[prevEnd]) ? sentenceStartBefore(text, prevEnd, pp.start, quoted) : prevEnd;
      }
      if (start < prevEnd && w.span.open - start < 600) {
        const [a, b] = tokensIn(doc, start, prevEnd + 1);
        const before = attributeBefore(doc, a, b, () => false);
        if (before?.speaker) {
          w.attribution = before;
          w.via = 'prev-sentence';
          continue;
        }
      }
    }
    // 3. An earlier attributed quote in the same paragraph.
    for (let m = n - 1; m >= 0 && work[m].paragraph === w.paragraph && w.span.open - work[m].span.close < 400; m--) {
      if (work[m].attribution?.speaker) {
        w.attribution = work[m].attribution;
        w.via = 'same-paragraph';
        break;
      }
    }
    if (w.attribution?.speaker) continue;
    // 4. The next quote, with nothing but punctuation between.
    const next = work[n + 1];
    if (next && next.paragraph === w.paragraph && next.attribution?.speaker && /^[\s,;—–-]*$/.test(text.slice(w.span.close + 1, next.span.open))) {
      w.attribution = next.attribution;
      w.via = 'next-quote';
      continue;
    }
    // 5. Its words recur inside an attributed quote (a headline, a subheading or a pull quote that
    //    repeats what the body quotes): "My warnings were ignored" … Varga told the committee,
    //    "I warned them … My warnings were ignored."
    {
      const own = normalise(text.slice(w.span.start, w.span.end));
      if (own.split(' ').length >= 3) {
        const source = work.find((o) => o !== w && o.attribution?.speaker && normalise(text.slice(o.span.start, o.span.end)).includes(own));
        if (source) {
          w.attribution = source.attribution;
          w.via = 'repeated';
          continue;
        }
      }
    }
    // 6. The paragraph opens with this quote and the previous one ended with an attributed quote.
    if (atParagraphStart && w.kind === 'full' && n > 0) {
      const prev = work[n - 1];
      const prevPara = doc.paragraphs[prev.paragraph];
      if (prev.paragraph === w.paragraph - 1 && prev.attribution?.speaker && prevPara.end - prev.span.close < 120) {
        w.attribution = prev.attribution;
        w.via = 'previous-paragraph';
        w.gap = 1;
        continue;
      }
    }
    // 7. A run of quotes: a quote that opens its paragraph continues the last speaker named a few
    //    paragraphs up, as long as the writer's words between name no other speaker.
    if (atParagraphStart && w.kind === 'full') {
      let m = n - 1;
      while (m >= 0 && !work[m].attribution?.speaker) m--;
      const gap = m >= 0 ? w.paragraph - work[m].paragraph : Infinity;
      if (m >= 0 && gap >= 1 && gap <= 4 && !otherSpeakerBetween(doc, work[m].span.close + 1, w.span.open, quoted, work[m].attribution!)) {
        w.attribution = work[m].attribution;
        w.via = 'run';
        w.gap = gap;
      }
    }
  }
}

/** Whether the writer's sentences in [from, to) report someone's words (a cue with a speaker) —
 * someone other than the attribution's own words. */
function otherSpeakerBetween(doc: Doc, from: number, to: number, quoted: Range[], current: Attribution): boolean {
  for (const s of doc.sentences) {
    if (s.end <= from || s.start >= to) continue;
    const [a, b] = tokensIn(doc, Math.max(s.start, from), Math.min(s.end, to));
    if (b <= a) continue;
    const found = attributeBefore(doc, a, b, (i) => inside(doc.tokens[i].start, quoted));
    if (found?.speaker && !(current.speaker && found.speaker.start === current.speaker.start)) return true;
  }
  return false;
}

function normalise(s: string): string {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Number the quotes, map local speaker keys to global entity ids, and mark quotes of one
 * statement across outlets with a shared `statement` id. */
export function assembleQuotes(docs: Doc[], quotes: QuoteAnnotation[][], resolved: ResolvedEntities): Quote[] {
  const out: Quote[] = [];
  docs.forEach((doc, i) => {
    (quotes[i] ?? []).forEach((q) => {
      const speaker = q.speaker ? (resolved.globalId.get(q.speaker) ?? null) : null;
      // Unknown beats wrong: an attribution under the threshold names no speaker, only a candidate.
      const sure = speaker !== null && speakerIsSure(q);
      out.push({
        id: `q${out.length + 1}`,
        article: doc.article.id,
        start: q.start,
        end: q.end,
        text: q.text,
        speaker: sure ? speaker : null,
        speakerText: q.speakerText,
        cue: q.cue,
        partial: q.partial,
        ...(q.speakerConfidence !== undefined && speaker ? { speakerConfidence: q.speakerConfidence } : {}),
        ...(!sure && speaker ? { possibleSpeaker: speaker } : {}),
      });
    });
  });
  const groups = groupStatements(out);
  for (const [index, statement] of groups) out[index].statement = statement;
  return out;
}
