// Conditional commitments and ultimatums: "ready to sign … provided that the troops withdraw",
// "would attend only if…", "will not come without guarantees", "as a precondition for",
// "release the prisoners or face new tariffs", "unless", "no truce before a settlement".
import type { Doc } from '../text/doc.js';
import type { ArticleEntities, ConditionAnnotation, QuoteAnnotation } from '../annotations.js';
import { loadJson } from '../util/data.js';
import { NEGATORS, PhraseIndex, subjectBefore as npBefore, sentenceView, textOf, type Chunk, type SentenceView, type Tok } from './clause.js';
import { ActorResolver, reportingOf, type ActorVia, type Attribution, type Reporting } from './speakers.js';
import { canHoldStance } from './actors.js';
import { conditionReading } from './stance-syntax.js';

interface ConditionsFile {
  markers: Record<string, string[]>;
  negatedMain: Record<string, string[]>;
  modalMain: Record<string, string[]>;
  notAfter: string[];
  notBefore: string[];
  commitmentCues: string[];
  idioms: string[];
  stopAtComma: string[];
  persistVerbs: string[];
  ultimatumVerbs: string[];
  markerIsCondition?: string[];
}

export interface ConditionFound {
  shape: string;
  /** Token ranges within the sentence. */
  commitment: Chunk;
  condition: Chunk;
  marker: Chunk;
  /** Subject phrase of the commitment (or of the ultimatum's issuer). */
  subject: Chunk | null;
  ultimatum: boolean;
}

interface Marker {
  shape: string;
  words: string[];
  kind: 'plain' | 'negatedMain' | 'modalMain';
}

let markerCache: PhraseIndex<Marker> | null = null;
function markers(): PhraseIndex<Marker> {
  if (markerCache) return markerCache;
  const f = loadJson<ConditionsFile>('events/conditions.json');
  const out: Marker[] = [];
  for (const [shape, list] of Object.entries(f.markers)) for (const m of list) out.push({ shape, words: m.split(' '), kind: 'plain' });
  for (const [shape, list] of Object.entries(f.negatedMain)) for (const m of list) out.push({ shape, words: m.split(' '), kind: 'negatedMain' });
  for (const [shape, list] of Object.entries(f.modalMain)) for (const m of list) out.push({ shape, words: m.split(' '), kind: 'modalMain' });
  // Longest first, so "on the condition that" wins over "condition".
  markerCache = new PhraseIndex(out.map((m) => ({ words: m.words, value: m })));
  return markerCache;
}

function matchesAt(toks: Tok[], k: number, words: string[]): boolean {
  if (k + words.length > toks.length) return false;
  for (let m = 0; m < words.length; m++) if (toks[k + m].lower !== words[m]) return false;
  return true;
}

const CLAUSE_BREAK = new Set([';', ':', '—', '–']);
const DEMAND_VERBS = new Set(['demand', 'require', 'insist', 'want', 'seek', 'name', 'set', 'call', 'ask', 'need', 'make', 'put']);
const REPORTING_ING = /^(adding|saying|noting|warning|arguing|insisting|stressing|telling|explaining|claiming|writing|declaring)$/;
const QUOTE_MARKS = new Set(['"', '“', '”', "''", '``', '‘', '’']);

function hasCommitmentCue(toks: Tok[], from: number, to: number, cues: Set<string>): boolean {
  for (let k = from; k < to; k++) if (cues.has(toks[k].lower) || cues.has(toks[k].lemma)) return true;
  return false;
}

function negatedIn(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (NEGATORS.has(toks[k].lower) || toks[k].lower === 'refuse' || toks[k].lemma === 'refuse') return true;
  }
  return false;
}

/** Trim punctuation, quote marks and a leading "that" from a token range. */
function trim(toks: Tok[], c: Chunk): Chunk {
  let { from, to } = c;
  while (from < to && (toks[from].pos === 'PUNCT' || QUOTE_MARKS.has(toks[from].lower) || toks[from].lower === 'that' || toks[from].lower === 'then' || toks[from].pos === 'CCONJ')) from++;
  while (to > from && (toks[to - 1].pos === 'PUNCT' || QUOTE_MARKS.has(toks[to - 1].lower))) to--;
  return { from, to };
}

/** End of the condition clause starting at `from`: the next clause break, closing quote or the
 * trailing attribution; a comma ends it only when the marker opened the sentence. */
function clauseEndFrom(toks: Tok[], from: number, limit: number, stopAtComma: boolean): number {
  for (let k = from; k < limit; k++) {
    const t = toks[k];
    if (CLAUSE_BREAK.has(t.lower)) return k;
    if (stopAtComma && t.lower === ',') return k;
    if (QUOTE_MARKS.has(t.lower) && k > from) return k;
    if (t.lower === ',' && toks[k + 1] && (toks[k + 1].lower === 'but' || toks[k + 1].lower === 'while' || toks[k + 1].lower === 'whereas')) return k;
    // "…unless a deal was close, adding that…": a new reporting clause.
    if (t.lower === ',' && toks[k + 1]?.pos === 'VERB' && /ing$/.test(toks[k + 1].lower) && REPORTING_ING.test(toks[k + 1].lower)) return k;
    // "…, and that Kyiv would not drop its bid": a second reported clause.
    if (t.lower === 'and' && toks[k + 1]?.lower === 'that' && k > from) return toks[k - 1].lower === ',' ? k - 1 : k;
  }
  return limit;
}

/** Start of the commitment clause that ends at the marker: after the reporting phrase, an opening
 * quote or the last clause break. */
function clauseStartBefore(toks: Tok[], marker: number, reporting: Reporting): number {
  let start = marker <= reporting.clauseStart ? 0 : reporting.clauseStart;
  for (let k = marker - 1; k >= start; k--) {
    if (CLAUSE_BREAK.has(toks[k].lower)) return k + 1;
    // An opening quote starts the clause; a closing one ('accept "a modest levy" if…') does not.
    if (QUOTE_MARKS.has(toks[k].lower) && (k === 0 || /^[,:;]$/.test(toks[k - 1].lower) || toks[k - 1].pos === 'VERB' && k === start)) return k + 1;
    if (toks[k].lower === 'and' && toks[k + 1]?.lower === 'that') return k + 2;
    // "…, adding that Washington could impose…": the reported clause.
    if (toks[k].lower === 'that' && toks[k - 1]?.pos === 'VERB' && k < marker - 1) return k + 1;
    // "welcomed the engagement but would not sit down … unless": only the second clause is bound.
    if (/^(but|while|whereas|although)$/.test(toks[k].lower) && k < marker - 1) return k + 1;
    // "…backed Kyiv's call and threatened new sanctions unless…": the second predicate only.
    if (toks[k].lower === 'and' && toks[k + 1]?.pos === 'VERB' && k < marker - 2) return k + 1;
    // "…now backs a negotiated outcome, and its minister said Riyadh would support… as long as":
    // a coordinated clause with a subject of its own.
    if (toks[k].lower === 'and' && toks[k - 1]?.lower === ',' && /^(DET|PRON|PROPN|NOUN)$/.test(toks[k + 1]?.pos ?? '') && toks.slice(k + 1, marker).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return k + 1;
  }
  return start;
}

function firstVerb(toks: Tok[], from: number, to: number): number {
  for (let k = from; k < to; k++) if (toks[k].pos === 'VERB' || toks[k].pos === 'AUX' || (toks[k].pos === 'ADJ' && /^(ready|prepared|willing|open)$/.test(toks[k].lower))) return k;
  return -1;
}

const memo = new WeakMap<SentenceView['doc'], Map<number, ConditionFound[]>>();

/** All conditional commitments of one sentence (rule unit; tokens only). Memoised per Doc
 * sentence, since positions and conditions both read them. */
export function conditionsInSentence(view: SentenceView, reporting: Reporting = reportingOf(view)): ConditionFound[] {
  let perDoc = memo.get(view.doc);
  if (!perDoc) memo.set(view.doc, (perDoc = new Map()));
  const known = perDoc.get(view.index);
  if (known) return known;
  const found = conditionsUncached(view, reporting);
  perDoc.set(view.index, found);
  return found;
}

function conditionsUncached(view: SentenceView, reporting: Reporting): ConditionFound[] {
  const f = loadJson<ConditionsFile>('events/conditions.json');
  const cues = new Set(f.commitmentCues);
  const notAfter = new Set(f.notAfter);
  const notBefore = new Set(f.notBefore);
  const toks = view.tokens;
  const limit = reporting.clauseEnd;
  const found: ConditionFound[] = [];
  const used = new Set<number>();
  // Fixed phrases ("as long as it takes", "if necessary") hold no condition.
  for (const idiom of f.idioms) {
    const w = idiom.split(' ');
    for (let k = 0; k < toks.length; k++) if (matchesAt(toks, k, w)) for (let u = k; u < k + w.length; u++) used.add(u);
  }
  const stopAtComma = new Set(f.stopAtComma);
  const persist = new Set(f.persistVerbs ?? []);
  const ultimatumVerbs = new Set(f.ultimatumVerbs ?? []);
  // A question asks for a commitment; it does not make one.
  if (toks.some((t) => t.lower === '?')) return [];
  for (let k = 0; k < limit; k++) {
    if (used.has(k)) continue;
    for (const { value: m } of markers().at(toks, k)) {
      const after = k + m.words.length;
      const prev = toks[k - 1];
      // Not a condition: "spoke on condition of anonymity", "aid provided by", "even if", "if any".
      if (m.shape === 'provided-that' && m.words.length === 1 && (!toks[after] || !/^(DET|PROPN|PRON|NOUN|ADJ)$/.test(toks[after].pos) || (prev && (prev.pos === 'AUX' || prev.pos === 'DET')))) continue;
      if (m.shape === 'precondition' && m.words.length === 1 && toks[after]?.lower !== 'for' && toks[after]?.lower !== 'to' && toks[after]?.lower !== 'of') continue;
      if (m.kind === 'modalMain' && ((prev && notAfter.has(prev.lower)) || (toks[after] && notBefore.has(toks[after].lower)))) continue;
      // "Should Russia refuse, we will…", "Decides that, should the parties fail, it will…": an
      // inverted condition opens its clause and is followed by its subject.
      if (m.words[0] === 'should' && !((k === 0 || /^(,|that|and|but)$/.test(prev?.lower ?? '') || QUOTE_MARKS.has(prev?.lower ?? '')) && /^(DET|PROPN|NOUN|PRON)$/.test(toks[after]?.pos ?? ''))) continue;
      // "once again", "once more": an adverb, not a condition.
      if (m.words[0] === 'once' && /^(again|more)$/.test(toks[after]?.lower ?? '')) continue;
      if (m.words[0] === 'once' && k > 0 && prev && prev.pos !== 'PUNCT' && prev.lower !== 'but' && prev.lower !== 'and' && !(prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'ADV' || prev.pos === 'VERB')) continue;
      if (m.words[0] === 'or' && !/^(face|else|risk|we|they|it|there|be)$/.test(m.words[1] ?? '')) continue;
      // "officials are subject to the law", "the deal is contingent on…" described, not committed to:
      // only a commitment clause with a verb of its own binds ("will sign, subject to approval").
      if ((m.shape === 'subject-to' || m.shape === 'on-condition') && /^(is|are|was|were|be|been|being|remain|remains)$/.test(prev?.lower ?? '')) continue;

      const quoteOpens = QUOTE_MARKS.has(prev?.lower ?? '') && (k === 1 || /^[,:;]$/.test(toks[k - 2]?.lower ?? '') || k - 1 <= reporting.clauseStart);
      const opensClause = k === 0 || k <= reporting.clauseStart || CLAUSE_BREAK.has(prev?.lower ?? '') || quoteOpens || prev?.lower === ',' && m.kind === 'modalMain' && firstVerb(toks, 0, k) < 0;
      let commitment: Chunk;
      let condition: Chunk;
      if (opensClause && m.shape !== 'ultimatum') {
        // "If Moscow withdraws, Kyiv will talk." / "Unless the strike ends, we will…"
        const condEnd = clauseEndFrom(toks, after, limit, true);
        condition = { from: after, to: condEnd };
        let commitEnd = clauseEndFrom(toks, condEnd + 1, limit, false);
        // "If they do, our parliament has already decided: we will suspend…" — the commitment
        // follows the colon.
        if (toks[commitEnd]?.lower === ':' && !hasCommitmentCue(toks, condEnd + 1, commitEnd, cues)) commitEnd = clauseEndFrom(toks, commitEnd + 1, limit, false);
        commitment = { from: condEnd + 1, to: commitEnd };
      } else if (m.shape === 'ultimatum' || m.shape === 'precondition') {
        // "drop the barriers or face tariffs": the threatened consequence is what the actor would do.
        // "recognition … as a precondition for talks": talks are the commitment.
        const start = clauseStartBefore(toks, k, reporting);
        condition = { from: start, to: k };
        // "Hamas demanded a full withdrawal as a precondition for any deal": what is demanded.
        if (m.shape === 'precondition') {
          const v = toks.findIndex((t, x) => x >= start && x < k && t.pos === 'VERB' && DEMAND_VERBS.has(t.lemma));
          if (v >= 0) condition = { from: /^(on|for)$/.test(toks[v + 1]?.lower ?? '') ? v + 2 : v + 1, to: k };
        }
        commitment = { from: m.shape === 'ultimatum' && m.words[1] === 'face' ? k + 1 : after, to: clauseEndFrom(toks, after, limit, false) };
      } else {
        const start = clauseStartBefore(toks, k, reporting);
        commitment = { from: start, to: k };
        condition = { from: after, to: clauseEndFrom(toks, after, limit, stopAtComma.has(m.shape)) };
      }
      commitment = trim(toks, commitment);
      condition = trim(toks, condition);
      // "ready to cut our tariffs to zero, on a reciprocal basis": the marker is the condition.
      if (condition.to <= condition.from && (f.markerIsCondition ?? []).includes(m.words.join(' '))) condition = { from: k, to: after };
      if (commitment.to - commitment.from < 1 || condition.to - condition.from < 1) continue;
      if (m.kind === 'negatedMain') {
        const persists = m.words[0] === 'until' && toks.slice(commitment.from, commitment.to).some((t) => persist.has(t.lemma));
        if (!negatedIn(toks, commitment.from, commitment.to) && !persists) continue;
        // "no truce before…" / "will not sign until…" — but not "before the talks, he said".
      }
      if (m.kind === 'modalMain' && !hasCommitmentCue(toks, commitment.from, commitment.to, cues)) continue;
      // "Without it, we…": a condition that is only a pronoun names nothing a reader can use.
      if (condition.to - condition.from === 1 && /^(it|that|this|them|him|her|these|those)$/.test(toks[condition.from].lower)) continue;
      // "it would not have been possible without…": what did not happen commits no one, whatever the marker.
      if (/\b(would|could|might)(n't| not)? have\b/i.test(textOf(view, commitment.from, commitment.to))) continue;
      // A commitment of forty words or more is a paragraph of someone's argument, not a commitment.
      if (commitment.to - commitment.from >= 40) continue;
      // Counterfactuals and hypotheticals: "we would have lost if we had accepted", "if I were…".
      if (m.kind === 'modalMain' && (/\b(would|could|might) have\b/i.test(textOf(view, commitment.from, commitment.to)) || /^(\w+ )?(were|had)\b/i.test(textOf(view, condition.from, condition.to)))) continue;
      // "if they are to meet demand": a purpose, not a condition of a commitment.
      if (m.kind === 'modalMain' && /^(\w+ )?(is|are|was|were) to\b/i.test(textOf(view, condition.from, condition.to))) continue;
      // The actor: the subject of the commitment clause, or the issuer of an ultimatum.
      let subject: Chunk | null = null;
      if (m.shape === 'ultimatum') {
        // "told the generals to agree a ceasefire or face sanctions": the teller issues it, and the
        // condition is what follows "to".
        let teller = -1;
        for (let v = k - 1; v >= Math.max(0, k - 25); v--) if (toks[v].pos === 'VERB' && ultimatumVerbs.has(toks[v].lemma)) { teller = v; break; }
        if (teller >= 0) {
          const to = toks.findIndex((t, x) => x > teller && x < k && t.lower === 'to');
          if (to > 0) condition = trim(toks, { from: to + 1, to: k });
          subject = npBefore(view, teller, 0);
        }
        subject ??= reporting.reporter ?? (reporting.clauseStart > 0 ? npBefore(view, reporting.clauseStart - 1, 0) : null);
        // "warned Beijing to drop barriers or face…": the subject of the warning verb.
        if (!subject) {
          const v = firstVerb(toks, 0, condition.from + 1);
          if (v > 0 && v < condition.from) subject = npBefore(view, v, 0);
        }
      } else if (toks[commitment.from]?.lower === 'there') {
        // "there will be no second round": no subject of its own; the speaker commits.
        subject = null;
      } else {
        const v = firstVerb(toks, commitment.from, commitment.to);
        subject = v >= 0 ? npBefore(view, v, commitment.from) : null;
        if (!subject && commitment.from > 0) {
          // "…, said Kyiv would not…": the subject sits before the commitment's start.
          const v2 = firstVerb(toks, reporting.clauseStart, commitment.to);
          if (v2 >= 0) subject = npBefore(view, v2, reporting.clauseStart);
        }
        // "Kyiv was ready to sign a ceasefire provided that…": the subject is before the clause.
        if (!subject && m.shape !== 'precondition') {
          const v3 = firstVerb(toks, reporting.clauseStart, k);
          if (v3 >= 0) subject = npBefore(view, v3, reporting.clauseStart);
        }
        if (m.shape === 'precondition' && !subject) {
          const v4 = firstVerb(toks, 0, k);
          if (v4 >= 0) subject = npBefore(view, v4, 0);
        }
      }
      found.push({ shape: m.shape, commitment, condition, marker: { from: k, to: after }, subject, ultimatum: m.shape === 'ultimatum' });
      for (let u = k; u < after; u++) used.add(u);
      break;
    }
  }
  return found;
}

export interface ConditionWithAttribution extends ConditionAnnotation {
  shape: string;
  attributedBy: Attribution;
  /** How it was read: what the confidence model scores. */
  how?: {
    via: ActorVia;
    inQuote: boolean;
    /** A modal in the commitment ("will", "would"): a commitment rather than a habit or a fact. */
    modal: boolean;
    /** "would have … if … had": what did not happen. */
    counterfactual: boolean;
    /** A past-tense commitment without a modal: narration more than a commitment. */
    past: boolean;
    negated: boolean;
    /** "we"/"I" commit. */
    firstPerson: boolean;
    /** The tree's reading (src/events/stance-syntax.ts conditionReading): the condition clause
     * hangs on the commitment's verb; the actor phrase holds that verb's subject; the verb is a
     * stance word or a named act ("sign", "fund"). */
    attached?: boolean;
    subjectIsActor?: boolean;
    stanceVerb?: boolean;
  };
  /** Where the commitment and the condition are in the text. */
  commitmentSpan: { start: number; end: number };
  conditionSpan: { start: number; end: number };
}

/** Markers whose condition may be a noun phrase ("in exchange for the release of…"). */
const NOUN_MARKERS = new Set(['in-exchange-for', 'subject-to', 'precondition', 'not-without', 'no-before', 'on-condition', 'ultimatum']);

/** The conditional commitments of an article, each tied to an actor entity. */
export function findConditions(doc: Doc, entities: ArticleEntities, quotes: QuoteAnnotation[]): ConditionWithAttribution[] {
  const out: ConditionWithAttribution[] = [];
  const resolver = new ActorResolver(doc, entities, quotes);
  for (let s = 0; s < doc.sentences.length; s++) {
    const view = sentenceView(doc, s);
    const reporting = reportingOf(view);
    for (const c of conditionsInSentence(view, reporting)) {
      // A condition clause says what must happen: "if Monday", "once the help" are no conditions
      // (a misread marker), unless the marker takes a noun ("in exchange for", "subject to").
      const toks0 = view.tokens;
      const clausal = toks0.slice(c.condition.from, c.condition.to).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      if (!clausal && !NOUN_MARKERS.has(c.shape)) continue;
      const actor = resolver.resolve(view, c.subject, reporting);
      if (!actor || !canHoldStance(entities.entities.find((e) => e.key === actor.key))) continue;
      const toks = view.tokens;
      const from = Math.min(c.commitment.from, c.condition.from, c.marker.from);
      const to = Math.max(c.commitment.to, c.condition.to, c.marker.to);
      const commitment = toks.slice(c.commitment.from, c.commitment.to);
      const modal = commitment.some((t) => /^(will|would|'ll|shall|could|can|wo|ca|must)$/.test(t.lower)) || toks.slice(Math.max(0, c.commitment.from - 4), c.commitment.from).some((t) => /^(will|would|'ll|shall)$/.test(t.lower));
      const commitmentText = textOf(view, c.commitment.from, c.commitment.to);
      const first = doc.sentences[s].firstToken;
      const tree = conditionReading(doc, { from: first + c.commitment.from, to: first + c.commitment.to }, { from: first + c.condition.from, to: first + c.condition.to }, c.subject ? { from: first + c.subject.from, to: first + c.subject.to } : null);
      const conditionText = textOf(view, c.condition.from, c.condition.to);
      out.push({
        actor: actor.key,
        commitment: textOf(view, c.commitment.from, c.commitment.to),
        condition: textOf(view, c.condition.from, c.condition.to),
        start: toks[from].start,
        end: toks[to - 1].end,
        shape: c.shape,
        attributedBy: actor.attributedBy,
        commitmentSpan: { start: toks[c.commitment.from].start, end: toks[c.commitment.to - 1].end },
        conditionSpan: { start: toks[c.condition.from].start, end: toks[c.condition.to - 1].end },
        how: {
          via: actor.via ?? 'name',
          inQuote: quotes.some((q) => q.start <= toks[from].start && toks[to - 1].end <= q.end),
          modal,
          counterfactual: /\b(would|could|might)(n't| not)? have\b/i.test(commitmentText) || /^(\w+ )?(had|were)\b/i.test(conditionText),
          past: !modal && commitment.some((t) => /^(was|were|did|had)$/.test(t.lower) || (t.pos === 'VERB' && /ed$/.test(t.lower))),
          negated: commitment.some((t) => NEGATORS.has(t.lower)),
          firstPerson: commitment.some((t) => /^(we|i)$/.test(t.lower)) || (c.subject !== null && /^(we|i)$/i.test(textOf(view, c.subject.from, c.subject.to))),
          attached: tree.attached,
          subjectIsActor: tree.subjectIsActor,
          stanceVerb: tree.stanceVerb,
        },
      });
    }
  }
  return out;
}
