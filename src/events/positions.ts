// Positions: for each actor and each issue under negotiation, the stance (support, oppose,
// demand, offer, conditional) with its evidence. Issues come from a seed vocabulary
// (data/events/issues.json) and grow from what stance words take as objects in the text.
import type { Doc } from '../text/doc.js';
import type { ArticleEntities, PositionAnnotation, QuoteAnnotation } from '../annotations.js';
import type { Stance } from '../types.js';
import { loadJson } from '../util/data.js';
import { NEGATORS, PhraseIndex, isTimeWord, textOf, npAfter, npBefore, subjectBefore, sentenceView, type Chunk, type SentenceView, type Tok } from './clause.js';
import { conditionsInSentence, type ConditionFound } from './conditions.js';
import { ActorResolver, reportingOf, unfoldParenthetical, type ActorVia, type Reporting } from './speakers.js';
import { canHoldStance } from './actors.js';
import { insufficientAfter, undoneAfter, undoingActAfter, isLimitationNoun, limitationAt, limitationOf, negatingFrameBefore, offerFrameBefore, type Limitation } from './polarity.js';
import { syntaxPositionsInSentence, type SyntaxReading } from './stance-syntax.js';
import { sameIssue } from './grouping.js';

interface IssuesFile {
  issues: Record<string, string[]>;
}
interface StancesFile {
  before: Record<string, string[]>;
  after: Record<string, string[]>;
}

interface Phrase {
  words: string[];
  value: string;
}

function phrases(map: Record<string, string[]>): Phrase[] {
  const out: Phrase[] = [];
  for (const [value, list] of Object.entries(map)) {
    for (const p of list) {
      out.push({ words: p.toLowerCase().split(' '), value });
      // The tokenizer splits "air-defence" into "air - defence": match that form too.
      // …and "leaders' meeting" into "leaders ' meeting".
      const split = p.toLowerCase().replace(/(\w)-(?=\w)/g, '$1 - ').replace(/(\w)['’](?= |$)/g, "$1 '");
      if (split !== p.toLowerCase()) out.push({ words: split.split(' '), value });
    }
  }
  return out.sort((a, b) => b.words.length - a.words.length);
}

let noPartyCache: Set<string> | null = null;
/** Negative quantifiers (stances.json noParty): no party holds a stance they are the subject of. */
export function noParty(): Set<string> {
  return (noPartyCache ??= new Set(loadJson<{ noParty?: string[] }>('events/stances.json').noParty ?? []));
}

let denialCache: { verbs: Set<string>; claims: Set<string> } | null = null;
/** Denial verbs and claim nouns (stances.json, _note_denial). */
function denialLists(): { verbs: Set<string>; claims: Set<string> } {
  return (denialCache ??= (() => {
    const f = loadJson<{ denialVerbs?: string[]; claimNouns?: string[] }>('events/stances.json');
    return { verbs: new Set(f.denialVerbs ?? []), claims: new Set(f.claimNouns ?? []) };
  })());
}
/** Whether the clause whose subject starts at `from` is what a party denies ("denied that it
 * would accept", "dismissed reports that it had agreed"): such a clause states no stance. */
export function deniedClause(toks: Tok[], from: number): boolean {
  const denial = denialLists();
  let k = from - 1;
  if (k >= 0 && toks[k].lower === 'that') k--;
  if (k >= 0 && denial.claims.has(toks[k].lower)) {
    k--;
    if (k >= 0 && toks[k].pos === 'DET') k--;
    // "dismissed reports that…" needs its "that"; "denied it would…" does not.
    if (toks[from - 1]?.lower !== 'that') return false;
  }
  return k >= 0 && toks[k].pos === 'VERB' && denial.verbs.has(toks[k].lemma) && (toks[k].lemma === 'deny' || toks[from - 1]?.lower === 'that');
}

let clauseListsCache: { accusation: Set<string>; otherParty: Set<string> } | null = null;
function clauseLists() {
  return (clauseListsCache ??= (() => {
    const f = loadJson<{ accusationVerbs?: string[]; otherPartyNouns?: string[] }>('events/stances.json');
    return { accusation: new Set(f.accusationVerbs ?? []), otherParty: new Set(f.otherPartyNouns ?? []) };
  })());
}

/** Whether the stance words at `from` are the "of/for" complement of an accusation or a praise
 * ("accused Belmar of blocking…"): they say what the object did, not the subject. */
export function accusedComplement(toks: Tok[], from: number, floor: number): boolean {
  let k = from - 1;
  if (k >= 0 && toks[k].pos === 'VERB' && /ing$/.test(toks[k].lower)) k--;
  if (k < floor || !/^(of|for)$/.test(toks[k].lower)) return false;
  for (let j = k - 1; j >= Math.max(floor, k - 8); j--) if (toks[j].pos === 'VERB' && clauseLists().accusation.has(toks[j].lemma)) return true;
  return false;
}

/** Whether a claim noun and its "that" stand between the stance cue and the issue ("rejected the
 * idea that a ceasefire depends on…"): the cue is about the claim, not the issue. */
export function claimBetween(toks: Tok[], from: number, to: number): boolean {
  const denial = denialLists();
  for (let k = from; k + 1 < to; k++) if (denial.claims.has(toks[k].lower) && toks[k + 1].lower === 'that') return true;
  return false;
}

/** Whether a subject is another party of a possessor ("Belmar's allies"), or one of a "neither…
 * nor" pair: no stance of the party named. */
export function notThePartyNamed(toks: Tok[], subject: Chunk): boolean {
  if (toks[subject.from - 1]?.lower === 'nor' || toks[subject.from]?.lower === 'neither') return true;
  for (let k = subject.from; k < subject.to - 1; k++) if (/^['’]s?$/.test(toks[k].lower) && clauseLists().otherParty.has(toks[k + 1].lower)) return true;
  return false;
}

let pendingCache: string[][] | null = null;
/** Whether a "not yet" frame ("has yet to accept") stands right before the stance's words at `from`. */
export function pendingBefore(toks: Tok[], from: number, floor: number): boolean {
  pendingCache ??= (loadJson<{ pendingFrames?: string[] }>('events/stances.json').pendingFrames ?? []).map((f) => f.split(' '));
  for (const words of pendingCache)
    for (let k = Math.max(floor, from - words.length - 2); k <= from; k++) if (words.every((w, m) => toks[k + m]?.lower === w)) return true;
  return false;
}

let backingCache: Set<string> | null = null;
/** Acts of backing (stances.json requestedBacking): asking another party to do one supports the thing. */
export function requestedBacking(): Set<string> {
  return (backingCache ??= new Set(loadJson<{ requestedBacking?: string[] }>('events/stances.json').requestedBacking ?? []));
}

let issueCache: PhraseIndex<string> | null = null;
let beforeCache: PhraseIndex<string> | null = null;
let afterCache: PhraseIndex<string> | null = null;
let maxCueWords = 1;
function issuePhrases(): PhraseIndex<string> {
  return (issueCache ??= new PhraseIndex(phrases(loadJson<IssuesFile>('events/issues.json').issues), true));
}
function beforeCues(): PhraseIndex<string> {
  if (!beforeCache) {
    const list = phrases(loadJson<StancesFile>('events/stances.json').before);
    maxCueWords = Math.max(...list.map((p) => p.words.length));
    beforeCache = new PhraseIndex(list, true);
  }
  return beforeCache;
}
function afterCues(): PhraseIndex<string> {
  return (afterCache ??= new PhraseIndex(phrases(loadJson<StancesFile>('events/stances.json').after), true));
}

let relinquishCache: Set<string> | null = null;
/** "will not give up X" insists on keeping X: a demand, not support. */
function relinquishing(cue: string): boolean {
  relinquishCache ??= new Set(loadJson<{ relinquish?: string[] }>('events/stances.json').relinquish ?? []);
  return relinquishCache.has(cue);
}
/** "will not drop its bid for NATO membership": what is not given up is the pursuit of the issue,
 * so the actor backs it (support) rather than insists on keeping it (demand). */
function pursuitBetween(toks: Tok[], from: number, to: number): boolean {
  return toks.slice(from, to).some((t) => /^(bid|bids|ambition|ambitions|aspiration|aspirations|quest|pursuit|hope|hopes|push|drive|campaign|goal|aim)$/.test(t.lower));
}
let coerciveCache: Set<string> | null = null;
/** Issues that are measures against another party ("will retaliate" backs retaliation). */
function coerciveIssues(): Set<string> {
  return (coerciveCache ??= new Set(loadJson<{ coercive?: string[] }>('events/issues.json').coercive ?? []));
}

let verbIssueCache: Set<string> | null = null;
/** Seed variants that are verbs ("retaliate", "negotiate"). */
function verbIssues(): Set<string> {
  return (verbIssueCache ??= new Set(loadJson<{ verbs?: string[] }>('events/issues.json').verbs ?? []));
}

let singularCache: Set<string> | null = null;
function singularOnly(): Set<string> {
  return (singularCache ??= new Set(loadJson<{ singularOnly?: string[] }>('events/issues.json').singularOnly ?? []));
}

let modifiedCache: Set<string> | null = null;
function modifiedNouns(): Set<string> {
  return (modifiedCache ??= new Set(loadJson<{ modifiedNouns?: string[] }>('events/issues.json').modifiedNouns ?? []));
}

export interface IssueMention {
  issue: string;
  from: number;
  to: number;
}

const PROCESS_NOUNS = /^(talk|treaty|agreement|deal|negotiation|process|accord|coalition|government|race|pact|programme|program|contest|election|summit|meeting|organisation|organization|alliance|union|bloc|body|court|convention)$/;

/** Issue mentions of the seed vocabulary in a sentence (longest match, no overlaps). */
export function issuesIn(view: SentenceView): IssueMention[] {
  const toks = view.tokens;
  const out: IssueMention[] = [];
  for (let k = 0; k < toks.length; k++) {
    // A one-word issue tagged as a verb counts only where a noun can stand: "open to talks", not
    // "it would pay".
    // After "to", a verb is an infinitive ("to pay for reconstruction"), unless it has a plural
    // noun's form ("open to talks" mis-tagged).
    const infinitive = toks[k - 1]?.lower === 'to' && toks[k].pos === 'VERB' && !/s$/.test(toks[k].lower);
    const nounSlot = toks[k].pos !== 'VERB' && toks[k].pos !== 'AUX' || /^(DET|ADJ|NUM)$/.test(toks[k - 1]?.pos ?? '') || (!infinitive && /^(to|for|of|on|in|about|no|any|its|their|his|her|our)$/.test(toks[k - 1]?.lower ?? ''));
    const p = issuePhrases().at(toks, k).find((x) => x.words.length > 1 || nounSlot || (toks[k].pos === 'VERB' && verbIssues().has(x.words[0])));
    // "new settlements" are places, not a settlement of the conflict.
    if (p && p.length === 1 && singularOnly().has(p.words[0]) && toks[k].lower !== p.words[0]) continue;
    // "withdraw from the talks" leaves a process, not ground: no troop withdrawal.
    if (p && p.length === 1 && toks[k].pos === 'VERB' && toks[k + 1]?.lower === 'from' && PROCESS_NOUNS.test(toks.slice(k + 2, k + 5).find((t) => t.pos === 'NOUN')?.lemma ?? '')) continue;
    // "withdraw the threat", "withdraw its offer": a transitive withdrawal of anything but forces.
    if (p && p.length === 1 && toks[k].lemma === 'withdraw' && /^(DET|ADJ|NOUN|NUM|PRON)$/.test(toks[k + 1]?.pos ?? '') && !/^(troop|force|soldier|army|unit|personnel|fighter|contingent|military)$/.test(toks.slice(k + 1, k + 5).find((t) => t.pos === 'NOUN')?.lemma ?? '')) continue;
    // "a ceasefire line", "sanctions monitors": the issue word modifies another noun, which is
    // what the phrase is about.
    if (p && modifiedNouns().has(toks[k + p.length]?.lemma ?? '') && toks[k + p.length]?.pos === 'NOUN') {
      k += p.length - 1;
      continue;
    }
    if (p) {
      out.push({ issue: p.value, from: k, to: k + p.length });
      k += p.length - 1;
    }
  }
  return out;
}

const GENERIC_HEADS = new Set(['proposal', 'plan', 'idea', 'move', 'decision', 'statement', 'step', 'offer', 'call', 'request', 'demand', 'initiative', 'effort', 'efforts', 'position', 'approach', 'suggestion', 'issue', 'matter', 'question', 'thing', 'way', 'something', 'anything', 'talk', 'report', 'reports', 'claim', 'claims', 'one', 'kind', 'part', 'view', 'side', 'sides', 'point', 'time', 'terms', 'deal', 'agreement', 'document', 'text', 'draft', 'measure', 'measures', 'action', 'option', 'options', 'version', 'stance', 'term', 'notion', 'people', 'country', 'government', 'signature', 'sign', 'kind', 'date', 'state', 'states', 'party', 'parties', 'percent', 'material', 'front', 'operation', 'operations', 'outcome', 'sequence', 'dollar', 'dollars', 'euro', 'euros', 'billion', 'million', 'attempt', 'attempts', 'list', 'response']);

interface Cue {
  stance: Stance;
  from: number;
  to: number;
  words: string;
}

const ADVERBIAL_PREPOSITIONS = new Set(['through', 'via', 'during', 'at', 'by', 'despite', 'amid', 'under', 'within']);
const CLAUSE_STOP = new Set([';', ':', '—', '–']);
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’', '``', "''"]);
const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);

/** The stance cue governing an issue mention: the nearest cue before it in its clause. */
function cueBefore(toks: Tok[], issue: IssueMention, floor: number, wide = false): Cue | null {
  // An issue that is itself a verb phrase ("withdraw its troops") has its own predicate: only a
  // cue right before it governs it ("ready to withdraw its troops").
  // ("occupied territory" is a participle before its noun, not a verb phrase)
  const verbPhrase = !wide && toks[issue.from]?.pos === 'VERB' && !/^(NOUN|PROPN)$/.test(toks[issue.from + 1]?.pos ?? '');
  const reach = verbPhrase ? 3 : 12;
  for (let end = issue.from; end > Math.max(floor, issue.from - reach); end--) {
    const t = toks[end - 1];
    // "seek an exemption through talks": a noun object stands between the cue and an issue in
    // an adverbial phrase, so the cue governs that object, not the issue.
    if (ADVERBIAL_PREPOSITIONS.has(t.lower) && end - 1 > floor && /^(NOUN|PROPN)$/.test(toks[end - 2].pos)) return null;
    // A cue does not reach into another clause: "accept a ceasefire before it captures more territory".
    if (CLAUSE_STOP.has(t.lower) || /^(but|while|whereas|although|before|after|until|because|since|when|unless|if|once)$/.test(t.lower)) return null;
    // "proposed freezing the number of troops in the buffer zone": a limitation between them
    // governs what follows it (the limitation rule reads it), not the cue before.
    if (end < issue.from && limitationAt(toks, end - 1)) return null;
    // "promised that the civilians will be covered in the talks": a complement clause has its own
    // predicate (a request frame reads "demanded that…").
    if (t.lower === 'that' && end < issue.from && toks[end - 2]?.pos === 'VERB') return null;
    // "has yet to sign on, and negotiations…": a coordinated clause after a comma is another's.
    if (t.lower === 'and' && toks[end - 2]?.lower === ',' && end < issue.from) return null;
    // "scrap its tax or face new duties": a coordinated verb takes the issue after it.
    if (/^(or|and)$/.test(t.lower) && toks[end]?.pos === 'VERB' && end < issue.from) return null;
    // Another clause's verb between cue and issue is fine ("ready to sign a ceasefire"); a new
    // subject after a comma is not.
    beforeCues();
    for (const p of beforeCues().endingAt(toks, end, maxCueWords)) {
      const start = p.start;
      if (start < floor) continue;
      {
        // A participle modifying a noun is no stance: "their proposed wealth tax", "frozen assets".
        if (p.words.length === 1 && start > 0 && (toks[start - 1].pos === 'DET' || /^(its|their|his|her|our|my|your)$/.test(toks[start - 1].lower))) continue;
        if (p.words.length === 1 && isAttributive(toks, start)) continue;
        // "back in talks", "a no-confidence vote": one word is a cue only as a verb, an adjective
        // or one of the noun cues.
        // (A noun followed by a determiner is a verb the tagger missed: "the G7 backs a ceasefire".)
        const verbLike = toks[start].pos === 'NOUN' && (toks[start + 1]?.pos === 'DET' || /^(its|their|his|her|our)$/.test(toks[start + 1]?.lower ?? ''));
        if (p.words.length === 1 && !/^(VERB|ADJ)$/.test(toks[start].pos) && !verbLike && toks[start - 1]?.lower !== 'to' && !(toks[start].pos === 'NOUN' && nounCues().has(p.words[0])) && p.words[0] !== 'no' && p.words[0] !== 'against') continue;
        // Not inside a name: "Rapid Support Forces".
        if (toks.slice(start, end).some((t) => t.pos === 'PROPN' && start > 0)) continue;
        // "no" only as a determiner right before the issue ("no ceasefire").
        if (p.length === 1 && p.words[0] === 'no' && end !== issue.from && !(end + 1 === issue.from && /^(new|further|more|real|lasting|full)$/.test(toks[end].lower))) continue;
        if (p.words.join(' ') === 'against' && toks[start - 1]?.lower === 'war') continue;
        // "refusal to reopen its border crossings for the collapse of the talks": the cue governs
        // the infinitive's object; an issue in a phrase attached after that object is another's.
        const verbAt = p.words[p.words.length - 1] === 'to' ? end : toks[end]?.lower === 'to' ? end + 1 : -1;
        if (verbAt > 0 && toks[verbAt]?.pos === 'VERB' && objectThenPhrase(toks, verbAt + 1, issue.from)) return null;
        return { stance: p.value as Stance, from: start, to: end, words: p.words.join(' ') };
      }
    }
  }
  return null;
}

/** A noun, then a preposition other than "of", between `from` and `to`: an object already
 * complete before a phrase that attaches elsewhere. */
function objectThenPhrase(toks: Tok[], from: number, to: number): boolean {
  let noun = false;
  for (let k = from; k < to; k++) {
    if (toks[k].pos === 'NOUN' || toks[k].pos === 'PROPN') noun = true;
    else if (noun && toks[k].pos === 'ADP' && toks[k].lower !== 'of') return true;
  }
  return false;
}

function cueAfter(toks: Tok[], issue: IssueMention, limit: number): Cue | null {
  for (let k = issue.to; k < Math.min(limit, issue.to + 6); k++) {
    if (CLAUSE_STOP.has(toks[k].lower) || toks[k].lower === ',') return null;
    const p = afterCues().at(toks, k)[0];
    // "spent the talks arguing that any withdrawal must be…": another verb or clause intervenes.
    if (!p && (toks[k].pos === 'VERB' || toks[k].lower === 'that')) return null;
    if (p) return { stance: p.value as Stance, from: k, to: k + p.length, words: p.words.join(' ') };
  }
  return null;
}

/** The position after a short aside set off by commas (", in principle,", ", for now,") at `at`;
 * `at` itself when there is none. An aside holds no verb. */
export function pastAside(toks: Tok[], at: number, limit: number): number {
  if (toks[at]?.lower !== ',') return at;
  for (let k = at + 1; k < Math.min(limit, at + 6); k++) {
    if (toks[k].lower === ',') return k > at + 1 && k + 1 < limit ? k + 1 : at;
    if (!/^(ADP|ADV|ADJ|DET|NOUN|NUM)$/.test(toks[k].pos)) return at;
  }
  return at;
}

/** The head of a reduced relative clause whose verb is at `verb`: "a demand [both sides reject]",
 * "the proposal [that Berglund dismissed]", when the head names an offer or a demand. */
/** A verb after the rest of a noun phrase ("… and the opposition reject"). */
function clauseFollows(toks: Tok[], at: number, limit: number): boolean {
  let k = at;
  while (k < limit && /^(PROPN|NOUN|DET|ADJ|CCONJ|NUM)$/.test(toks[k].pos)) k++;
  return k < limit && /^(VERB|AUX)$/.test(toks[k].pos);
}

export function relativeHead(view: SentenceView, verb: number): { from: number; to: number; subject: Chunk; refersTo: 'offer' | 'demand' } | null {
  const toks = view.tokens;
  let j = verb;
  while (j > 0 && /^(AUX|ADV|PART)$/.test(toks[j - 1].pos)) j--;
  const subjectEnd = j;
  for (let i = j - 1; i >= 1; i--) {
    const t = toks[i];
    if (!/^(PROPN|NOUN|DET|ADJ|CCONJ|PRON|NUM)$/.test(t.pos) && !/^(that|which)$/.test(t.lower)) return null;
    const refersTo = OFFER_NOUNS.has(t.lemma) ? 'offer' : DEMAND_NOUNS.has(t.lemma) ? 'demand' : null;
    if (!refersTo || t.pos !== 'NOUN' || toks[i - 1].pos !== 'DET') continue;
    let from = i + 1;
    if (/^(that|which)$/.test(toks[from]?.lower ?? '')) from++;
    // The subject of the relative clause must be there: "the proposal was rejected" has none.
    if (from >= subjectEnd) return null;
    return { from: i - 1, to: i + 1, subject: { from, to: subjectEnd }, refersTo };
  }
  return null;
}

/** "Istanbul as the venue for a summit": the phrase after a name offered as a setting. */
export function venueOf(view: SentenceView, object: Chunk, limit: number): Chunk | null {
  const toks = view.tokens;
  if (!toks.slice(object.from, object.to).every((t) => t.pos === 'PROPN' || t.pos === 'DET')) return null;
  let k = object.to;
  if (toks[k]?.lower !== 'as') return null;
  k++;
  if (toks[k]?.pos === 'DET') k++;
  if (!/^(venue|host|site|location|place|setting)$/.test(toks[k]?.lower ?? '') || !/^(for|of)$/.test(toks[k + 1]?.lower ?? '')) return null;
  const np = npAfter(view, k + 2, Math.min(limit, k + 10), false);
  return np ? extendOf(view, np, limit) : null;
}

/** Bare tokens for a phrase of our own making, to look it up in the seed vocabulary. */
function tokensOf(phrase: string): Tok[] {
  return phrase.split(' ').map((w, i) => ({ i, text: w, lower: w.toLowerCase(), lemma: w.toLowerCase(), pos: 'NOUN', start: 0, end: 0 }));
}

const MODAL_WORDS = /^(will|would|'ll|could|can|shall|should|must|might|may|wo|ca)$/;

/** "sanctions would be imposed", "the tariffs will not be lifted": a modal passive whose subject
 * is the issue; the stance is the verb's, held by its agent (a by-phrase) or the speaker. A past
 * passive ("were imposed") reports a fact, not a stance, so a modal is required. */
export function passiveAfter(toks: Tok[], issue: IssueMention, limit: number): Cue | null {
  let k = issue.to;
  let modal = false;
  let be = false;
  while (k < limit && (toks[k].pos === 'AUX' || toks[k].pos === 'PART' || toks[k].pos === 'ADV' || NEGATORS.has(toks[k].lower) || MODAL_WORDS.test(toks[k].lower))) {
    if (MODAL_WORDS.test(toks[k].lower)) modal = true;
    if (BE.has(toks[k].lower)) be = true;
    k++;
  }
  if (!modal || !be || k >= limit || !/(ed|en|wn|ne)$/.test(toks[k].lower) || toks[k].lemma === toks[k].lower) return null;
  const p = beforeCues().at(toks, k).find((x) => x.length === 1);
  if (!p) return null;
  return { stance: p.value as Stance, from: k, to: k + 1, words: toks[k].lemma };
}

function negatedBefore(toks: Tok[], at: number, floor: number): boolean {
  // "refused to accept", "is unlikely to back", "has no intention of lifting"
  if (negatingFrameBefore(toks, at, floor)) return true;
  // "has no objection to", "there is no support for": "no" negates a noun cue right after it.
  if (toks[at]?.pos === 'NOUN' && at - 1 >= floor && toks[at - 1].lower === 'no') return true;
  for (let k = at - 1; k >= Math.max(floor, at - 4); k--) {
    const t = toks[k];
    if (NEGATORS.has(t.lower) && t.lower !== 'no') return true;
    if (t.lower === 'longer' && toks[k - 1]?.lower === 'no') return true;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.lower === ',') return false;
  }
  return false;
}

let addresseeCache: Set<string> | null = null;
function addressees(): Set<string> {
  return (addresseeCache ??= new Set(loadJson<{ addressee?: string[] }>('events/stances.json').addressee ?? []));
}
let nounCueCache: Set<string> | null = null;
function nounCues(): Set<string> {
  return (nounCueCache ??= new Set(loadJson<{ nounCues?: string[] }>('events/stances.json').nounCues ?? []));
}

/** A participle used as an adjective right before its noun: "frozen assets", "proposed changes". */
function isAttributive(toks: Tok[], k: number): boolean {
  const t = toks[k];
  const next = toks[k + 1];
  // "backed Kyiv's call" is a verb before a possessor, not a participle before its noun.
  if (next?.pos === 'PROPN' && /^['’]s$/.test(toks[k + 2]?.lower ?? '')) return false;
  return /(ed|en)$/.test(t.lower) && t.lemma !== t.lower && next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ') && (k === 0 || toks[k - 1].pos !== 'AUX' && !/^(has|have|had)$/.test(toks[k - 1].lower)) && (t.pos === 'ADJ' || toks[k - 1]?.pos === 'DET' || toks[k - 1]?.pos === 'ADP' || toks[k - 1]?.pos === 'PUNCT' || (toks[k - 1]?.pos === 'VERB' && /ing$/.test(toks[k - 1].lower)));
}

/** "would rather stay in opposition than accept a 2035 date": the cue is refused. */
function ratherThan(toks: Tok[], at: number): boolean {
  return toks[at - 1]?.lower === 'than' && toks.slice(Math.max(0, at - 12), at).some((t) => t.lower === 'rather');
}

let actionNounCache: Map<string, string> | null = null;
/** The noun of an action verb ("release" → release, "withdraw" → withdrawal), from the verbs lexicon. */
function actionNoun(lemma: string): string | null {
  if (!actionNounCache) {
    actionNounCache = new Map();
    for (const [noun, verb] of Object.entries(loadJson<{ nominalizations?: Record<string, string> }>('events/verbs.json').nominalizations ?? {})) if (!actionNounCache.has(verb)) actionNounCache.set(verb, noun);
  }
  return actionNounCache.get(lemma) ?? null;
}

let lightVerbCache: Set<string> | null = null;
function lightVerbs(): Set<string> {
  return (lightVerbCache ??= new Set(loadJson<{ lightVerbs?: string[] }>('events/stances.json').lightVerbs ?? []));
}

let futureOfferCache: Set<string> | null = null;
function futureOffers(): Set<string> {
  return (futureOfferCache ??= new Set(loadJson<{ futureOffer?: string[] }>('events/stances.json').futureOffer ?? []));
}

/** Is the verb at k committed to ("will host", "would free", "is ready to lift", "can return")?
 * 'negated' for "will not ship", "would never release". */
function commitmentBefore(toks: Tok[], k: number): 'yes' | 'negated' | null {
  let negated = false;
  for (let m = k - 1; m >= Math.max(0, k - 6); m--) {
    const t = toks[m];
    if (NEGATORS.has(t.lower)) { negated = true; continue; }
    if (/^(will|would|'ll|could|can|shall|wo|ca)$/.test(t.lower)) return negated ? 'negated' : 'yes';
    if (t.lower === 'to' && /^(ready|prepared|willing|offered|offer|offers|agreed|agree|pledged|promised|vowed|committed|undertook|plans|planned|intends)$/.test(toks[m - 1]?.lower ?? '')) return negated ? 'negated' : 'yes';
    if (t.pos === 'ADV' || t.lower === 'also' || t.lower === 'then' || t.lower === 'to' || t.pos === 'AUX' && !/^(has|have|had|did|does|do)$/.test(t.lower)) continue;
    return null;
  }
  return null;
}

let requestCache: string[][] | null = null;
/** A request verb governing position `at` ("called on Russia to…", "demanded that Ukraine…"). */
function requestBefore(toks: Tok[], at: number, floor: number): number | null {
  requestCache ??= (loadJson<{ request: string[] }>('events/stances.json').request ?? []).map((r) => r.split(' '));
  for (let k = at - 1; k >= Math.max(floor, at - 10); k--) {
    if (CLAUSE_STOP.has(toks[k].lower)) return null;
    // "asked not to be named because the talks…": a subordinate clause is not the request's.
    if (/^(because|since|while|although|though|when|whereas|after|before|if|unless)$/.test(toks[k].lower)) return null;
    for (const r of requestCache) {
      if (k + r.length > at) continue;
      let ok = true;
      for (let m = 0; m < r.length && ok; m++) ok = toks[k + m].lower === r[m] || toks[k + m].lemma === r[m];
      if (!ok) continue;
      // The complement must follow: "to" or "that" between the request and the cue.
      if (toks.slice(k + r.length, at).some((t) => t.lower === 'to' || t.lower === 'that') || r[r.length - 1] === 'that') return k;
    }
  }
  return null;
}

const FIRST_PERSON_SUBJECT = /^(we|i)$/i;

/** "must accept", "should not drop", "has to withdraw": an obligation on the clause's subject. */
function obligedBefore(toks: Tok[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const t = toks[k].lower;
    if (t === 'must' || t === 'should') return true;
    if (t === 'to' && /^(has|have|had|needs|need)$/.test(toks[k - 1]?.lower ?? '')) return true;
    if (!(toks[k].pos === 'ADV' || toks[k].pos === 'PART' || NEGATORS.has(t))) return false;
  }
  return false;
}

/** Is the verb after a subject (past auxiliaries) one whose subject undergoes the measure? */
function facesAfter(toks: Tok[], at: number): boolean {
  let k = at;
  while (k < toks.length && (toks[k].pos === 'AUX' || toks[k].pos === 'ADV' || toks[k].pos === 'PART')) k++;
  return k < toks.length && /^(face|risk|incur|suffer)$/.test(toks[k].lemma);
}

/** The subject of the clause around a cue: the noun phrase before the cue's verb group. */
function subjectOf(view: SentenceView, cueFrom: number, floor: number): Chunk | null {
  const toks = view.tokens;
  let k = cueFrom;
  // "raised no objection to", "voiced strong support for": a light verb's determiner and
  // adjectives stand between it and the noun cue.
  if (toks[cueFrom]?.pos === 'NOUN') {
    let j = cueFrom;
    while (j > floor && /^(DET|ADJ)$/.test(toks[j - 1].pos)) j--;
    if (j < cueFrom && j > floor && /^(VERB|AUX)$/.test(toks[j - 1].pos) && lightVerbs().has(toks[j - 1].lemma)) k = j;
  }
  // Walk left over the verb group ("would be ready to", "has repeatedly", "was prepared to").
  // Quote marks too: 'Moscow "does not rule out" a meeting'.
  while (k > floor && (/^(VERB|AUX|ADV|PART|ADJ)$/.test(toks[k - 1].pos) || QUOTE_MARKS.has(toks[k - 1].lower)) && !(toks[k - 1].pos === 'ADJ' && /^[A-Z]/.test(toks[k - 1].text)) && !/^(to)$/.test(toks[k - 1].lower)) k--;
  if (k > floor && toks[k - 1].lower === 'to') {
    // "the Kremlin is unlikely to accept": the adjective's subject.
    let j = k - 1;
    while (j > floor && /^(ADJ|ADV|AUX|PART)$/.test(toks[j - 1].pos) && toks[j - 1].lower !== 'to') j--;
    if (j < k - 1 && j > floor && /^(NOUN|PROPN|PRON)$/.test(toks[j - 1].pos)) return subjectBefore(view, j, floor);
    // "…urged Moscow to release…" — the cue is the complement; the subject is further left.
    while (k > floor && toks[k - 1].pos !== 'VERB') k--;
    k = Math.max(floor, k - 1);
  }
  const found = subjectBefore(view, k, floor) ?? subjectBefore(view, cueFrom, floor);
  if (found || !/^(and|but)$/.test(toks[k - 1]?.lower ?? '')) return found;
  // "The ministers backed the call and warned that…": a coordinated verb shares the subject of
  // the first verb of the sentence.
  for (let v = floor + 1; v < k - 1; v++) {
    if (toks[v].pos !== 'VERB' && toks[v].pos !== 'AUX') continue;
    const first = subjectBefore(view, v, floor);
    if (first) return first;
  }
  return null;
}

/** Who takes a stance by limiting an issue, and on what (see stances.json, _note_limitation):
 * whoever wants X limited opposes X; whoever refuses the limitation opposes the limitation itself
 * (`refused`); a withdrawn demand for it is no position (null). */
function limitedStance(view: SentenceView, lim: Limitation, issueFrom: number, floor: number, conditions: ConditionFound[]): { stance: Stance; subject: Chunk | null; from: number; outer: Cue | null; condition: boolean; refused: boolean } | null {
  const toks = view.tokens;
  const anchor = lim.after ? issueFrom : lim.from;
  const cond = conditions.find((c) => inside(c.commitment, anchor) || inside(c.condition, anchor));
  if (cond) {
    // "would cap enrichment provided that…": the limitation is what is conditionally offered;
    // "…unless Washington lifts its tariff": the party setting the condition wants it limited.
    if (negatedBefore(toks, anchor, floor)) return null;
    if (inside(cond.condition, anchor)) return { stance: 'oppose', subject: cond.subject, from: Math.min(anchor, lim.from), outer: null, condition: true, refused: false };
    if (cond.ultimatum) return null;
    return { stance: 'conditional', subject: cond.subject, from: Math.min(anchor, lim.from), outer: null, condition: true, refused: false };
  }
  // The limitation is a verb with its own object: the cue before it may stand further off
  // ("wanted the Senate to limit the deployment").
  const outer = cueBefore(toks, { issue: '', from: anchor, to: anchor }, floor, true);
  // A negation between the cue (if any) and the limitation: "wants not to cap…", "never agreed to limit…".
  let refused = negatedBefore(toks, anchor, outer ? outer.to : floor);
  if (outer) {
    // "dropped its insistence on a cut": the demand is withdrawn, no stance is left.
    if (toks[outer.from].pos === 'NOUN' && relinquishedBefore(toks, outer.from)) return null;
    const outerNegated = negatedBefore(toks, outer.from, floor);
    // "rejected any cap", "did not back limits": the limitation is refused; "did not reject
    // limits" backs it.
    if ((outer.stance === 'oppose') !== outerNegated) refused = !refused;
  }
  // "Firefighters cut the gates", "his fat stopped a dozen bullets": a limitation told as a past
  // act, with no cue, modal or infinitive around it, is narration, not a stance.
  if (!outer && !lim.after && !refused && pastNarration(toks, anchor)) return null;
  const anchorOfSubject = outer ? outer.from : anchor;
  // "Iran must curb enrichment, the minister said": the speaker wants it limited.
  if (!outer && !refused && obligedBefore(toks, anchor)) return { stance: 'oppose', subject: null, from: Math.min(anchor, lim.from), outer, condition: false, refused };
  let subject = subjectOf(view, anchorOfSubject, floor);
  if (subject && inside(subject, issueFrom)) subject = null;
  return { stance: 'oppose', subject, from: Math.min(anchorOfSubject, lim.from), outer, condition: false, refused };
}

/** A verb told as a finished act: past tense, no modal, no "to" or auxiliary of intent before it. */
function pastNarration(toks: Tok[], at: number): boolean {
  const t = toks[at];
  if (!/(ed|cut|set|put|shut|halted|froze|stopped|lifted|capped|curbed|eased)$/.test(t.lower) || /ing$/.test(t.lower)) return false;
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const w = toks[k].lower;
    if (MODAL_WORDS.test(w) || w === 'to' || /^(will|would|could|should|must|might|may|shall)$/.test(w)) return false;
    if (!(toks[k].pos === 'ADV' || toks[k].pos === 'AUX' || toks[k].pos === 'PART')) break;
  }
  return true;
}

/** "demanded the sanctions be lifted", "sanctions must be lifted": an issue that an undoing act
 * follows is asked to end. It becomes the issue of its ending where the vocabulary names one
 * ("lifting of sanctions" is sanctions relief) and is dropped where it does not ("called for the
 * loans to be cancelled" backs no loans). */
function undoneIssues(toks: Tok[], mentions: IssueMention[], limit: number): IssueMention[] {
  const out: IssueMention[] = [];
  for (const m of mentions) {
    const act = undoingActAfter(toks, m.to, limit);
    if (act < 0) {
      out.push(m);
      continue;
    }
    const prefix = limitationNames().get(toks[act].lemma.toLowerCase());
    const seed = prefix ? seedIssueNamed(`${prefix} ${m.issue}`) : null;
    if (seed) out.push({ ...m, issue: seed });
  }
  return out;
}

let limitationNameCache: Map<string, string> | null = null;
/** What an act of limitation makes of the thing it acts on ("lift" → "lifting of"; stances.json limitationAsIssue). */
function limitationNames(): Map<string, string> {
  return (limitationNameCache ??= new Map(Object.entries(loadJson<{ limitationAsIssue?: Record<string, string> }>('events/stances.json').limitationAsIssue ?? {})));
}

/** The seed issue a whole phrase names ("lifting of sanctions" is sanctions relief), or null. */
function seedIssueNamed(name: string): string | null {
  return issuePhrases().at(tokensOf(name), 0).find((p) => p.length === name.split(' ').length)?.value ?? null;
}

/** "cap on monitoring mission": the issue a refused limitation names. */
function limitationIssue(toks: Tok[], lim: Limitation, issue: string): string {
  const words = toks.slice(lim.from, lim.to);
  const key = [words[0].lemma, ...words.slice(1).map((t) => t.lower)].join(' ');
  const name = lim.after ? `${issue} ${words[0].lower}` : `${limitationNames().get(key) ?? words.map((t) => t.lower).join(' ')} ${issue}`;
  return seedIssueNamed(name) ?? name;
}

/** Whether one of `phrases` (words matched by lemma or form) ends at token `k`. */
function phraseEndingAt(toks: Tok[], k: number, phrases: string[][]): boolean {
  for (const w of phrases) {
    const from = k - w.length + 1;
    if (from >= 0 && w.every((x, i) => toks[from + i].lemma === x || toks[from + i].lower === x)) return true;
  }
  return false;
}

let relinquishNounCache: string[][] | null = null;
/** "dropped its insistence on", "abandoned their demand for": a verb withdrawing the noun cue at `at`. */
function relinquishedBefore(toks: Tok[], at: number): boolean {
  relinquishNounCache ??= (loadJson<{ relinquishNoun?: string[] }>('events/stances.json').relinquishNoun ?? []).map((w) => w.split(' '));
  let k = at - 1;
  while (k >= 0 && (toks[k].pos === 'ADJ' || toks[k].pos === 'DET' || /^(its|their|his|her|our|my)$/.test(toks[k].lower))) k--;
  return phraseEndingAt(toks, k, relinquishNounCache);
}

let resistNounCache: string[][] | null = null;
/** "resisted calls for", "rebuffed demands for": a verb resisting the noun cue at `at`, which others hold. */
function resistedBefore(toks: Tok[], at: number): boolean {
  resistNounCache ??= (loadJson<{ resistNoun?: string[] }>('events/stances.json').resistNoun ?? []).map((w) => w.split(' '));
  let k = at - 1;
  while (k >= 0 && (toks[k].pos === 'ADJ' || toks[k].pos === 'DET' || toks[k].pos === 'ADV' || /^(its|their|his|her|our|my|growing|repeated)$/.test(toks[k].lower))) k--;
  return phraseEndingAt(toks, k, resistNounCache);
}

function inside(c: Chunk, k: number): boolean {
  return c.from <= k && k < c.to;
}

const FILLER_ADJECTIVES = new Set(['immediate', 'full', 'unconditional', 'any', 'new', 'further', 'additional', 'lasting', 'robust', 'proposed', 'so-called', 'such', 'more', 'genuine', 'real', 'formal', 'final', 'firm', 'clear', 'concrete', 'strong', 'total', 'complete', 'possible', 'swift', 'rapid', 'quick', 'early', 'current', 'latest']);

/** An issue label from an object phrase: its words without determiners, pronouns and filler
 * adjectives, the head in its lemma form; null for a bare name or a generic head ("the plan"). */
export function issueFromPhrase(words: Tok[]): string | null {
  // "next week", "on Monday": a phrase with a time in it is no issue ("travel to Washington next week").
  if (words.some((t) => isTimeWord(t) && t.pos !== 'NUM')) return null;
  // "50 billion dollars of gas", "a share of the revenue": a quantity's issue is what it measures.
  const of = words.findIndex((t) => t.lower === 'of');
  if (of > 0 && words.slice(0, of).some((t) => QUANTITY_HEADS.has(t.lemma) || QUANTITY_HEADS.has(t.lower))) return issueFromPhrase(words.slice(of + 1));
  // "the treaty", "the deal": a definite reference to the instrument under negotiation, named by
  // findPositions from the article (see instrumentsOf).
  const bare = words.filter((t) => t.pos !== 'PUNCT');
  if (bare.length === 2 && /^(the|this)$/.test(bare[0].lower) && INSTRUMENT_HEADS.has(bare[1].lemma)) return `the ${bare[1].lemma}`;
  const label = literalIssue(words);
  if (!label) return null;
  const vocabulary = issueVocabulary();
  if (vocabulary.dropLabels.has(label.toLowerCase())) return null;
  const head = headOf(words);
  if (head && vocabulary.dropHeads.has(head)) return null;
  return (head && vocabulary.heads.get(head)) ?? label;
}

export const INSTRUMENT_HEADS = new Set(['treaty', 'agreement', 'accord', 'pact', 'deal', 'framework', 'protocol', 'convention', 'charter']);

/** Instruments the article names ("the Kestrel Strait Security Agreement", "the Geneva
 * framework"), most mentioned first: what "the treaty" or "the deal" refers to. */
export function instrumentsOf(text: string): string[] {
  const counts = new Map<string, number>();
  const re = /\b((?:[A-Z][\p{L}'’-]+\s+){1,5})(Agreement|Treaty|Accord|Pact|Deal|Framework|Protocol|Convention|Charter|agreement|treaty|accord|pact|deal|framework|protocol)\b/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[1].trim().split(/\s+/);
    while (words.length && /^(The|A|An|This|That|Its|Their|His|Her|Our|On|In|Under|After|Before|By|For|Of|And|But)$/.test(words[0])) words.shift();
    if (!words.length) continue;
    const name = `${words.join(' ')} ${m[2]}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

const QUANTITY_HEADS = new Set(['percent', 'per', 'cent', 'dollar', 'euro', 'pound', 'yuan', 'rouble', 'ruble', 'billion', 'million', 'trillion', 'thousand', 'hundred', 'tonne', 'ton', 'barrel', 'amount', 'share', 'portion', 'half', 'third', 'quarter', 'number', 'volume', 'quantity', 'bulk', 'rest', 'lot']);

interface IssueVocabulary {
  heads: Map<string, string>;
  dropHeads: Set<string>;
  dropLabels: Set<string>;
}
let vocabularyCache: IssueVocabulary | null = null;
/** Head nouns that name a seed issue ("missiles" → military aid) and labels that are no issue. */
function issueVocabulary(): IssueVocabulary {
  if (vocabularyCache) return vocabularyCache;
  const file = loadJson<{ heads?: Record<string, string[]>; notIssues?: { heads?: string[]; labels?: string[] } }>('events/issues.json');
  const heads = new Map<string, string>();
  for (const [issue, list] of Object.entries(file.heads ?? {})) for (const h of list) heads.set(h, issue);
  vocabularyCache = { heads, dropHeads: new Set(file.notIssues?.heads ?? []), dropLabels: new Set(file.notIssues?.labels ?? []) };
  return vocabularyCache;
}

/** The head noun of an object phrase (lemma): the noun before "of/to/on/for", else the last noun. */
function headOf(words: Tok[]): string | null {
  const kept = words.filter((t) => t.pos !== 'DET' && t.pos !== 'PUNCT');
  const ofAt = kept.findIndex((t) => /^(of|to|on|for)$/.test(t.lower));
  const scope = ofAt > 0 ? kept.slice(0, ofAt) : kept;
  const noun = [...scope].reverse().find((t) => t.pos === 'NOUN');
  return noun ? (noun.lower === 'arms' ? 'arms' : noun.lemma) : null;
}

function literalIssue(words: Tok[]): string | null {
  const kept = words.filter((t) => t.pos !== 'DET' && t.pos !== 'PRON' && t.lower !== "'s" && t.lower !== '’s' && t.pos !== 'PUNCT' && !FILLER_ADJECTIVES.has(t.lower));
  while (kept.length && (kept[0].pos === 'ADP' || kept[0].pos === 'CCONJ' || kept[0].pos === 'NUM' || /^(percent|per|cent|%)$/.test(kept[0].lower) || /^\d/.test(kept[0].lower))) kept.shift();
  while (kept.length && (kept[kept.length - 1].pos === 'ADP' || kept[kept.length - 1].pos === 'CCONJ')) kept.pop();
  if (kept.length === 0 || kept.length > 6) return null;
  const nouns = kept.filter((t) => t.pos === 'NOUN');
  if (nouns.length === 0) return null;
  const ofAt = kept.findIndex((t) => /^(of|to|on|for)$/.test(t.lower));
  const head = ofAt > 0 ? kept[ofAt - 1] : kept[kept.length - 1];
  if (GENERIC_HEADS.has(head.lemma) && ofAt < 0) return null;
  if (kept.every((t) => t.pos === 'PROPN' || t.pos === 'ADP')) return null;
  return kept.map((t) => (t === head && t.pos === 'NOUN' ? t.lemma : t.pos === 'PROPN' ? t.text : t.lower)).join(' ');
}

/** "the government's offer of new protections", "a proposal for talks": the phrase after the
 * offer or demand noun, which names what is offered or asked for. */
function offeredIn(toks: Tok[], object: Chunk): Chunk | null {
  for (let k = object.from; k + 1 < object.to; k++) {
    if (toks[k].pos !== 'NOUN' || !(OFFER_NOUNS.has(toks[k].lemma) || DEMAND_NOUNS.has(toks[k].lemma))) continue;
    if (!/^(of|for)$/.test(toks[k + 1].lower) || k + 2 >= object.to) return null;
    return { from: k + 2, to: object.to };
  }
  return null;
}

/** "the release of all civilians": carry a noun phrase through "of" and its complement. */
function extendOf(view: SentenceView, np: Chunk, limit: number): Chunk {
  const toks = view.tokens;
  // "changes to Ukraine's borders", "a cap on enrichment": a generic head takes its complement.
  const generic = GENERIC_HEADS.has(toks[np.to - 1]?.lemma ?? '') || /^(change|changes|cap|limit|limits|curbs|restrictions)$/.test(toks[np.to - 1]?.lower ?? '');
  if ((toks[np.to]?.lower === 'of' || (generic && /^(to|on|for)$/.test(toks[np.to]?.lower ?? ''))) && np.to + 1 < limit) {
    const more = npAfter(view, np.to + 1, Math.min(limit, np.to + 6), false);
    if (more && more.from <= np.to + 3) return { from: np.from, to: more.to };
  }
  return np;
}

export interface PositionFound extends PositionAnnotation {
  /** Cue words, for inspection. */
  cue: string;
  /** How the stance, the issue and the actor were read: what the confidence model scores. */
  how?: Reading & {
    via: ActorVia;
    /** The issue is a canonical issue of the seed vocabulary (not grown from the text). */
    seed: boolean;
    /** The stance is inside quotation marks (the actor's quoted words, or a quoted fragment). */
    inQuote: boolean;
    /** A modal verb ("will", "would", "could") in the stated stance. */
    modal: boolean;
    /** No subject phrase: the actor came from the reporter, the quote's speaker or the document's voice. */
    subjectless: boolean;
    /** Words between the subject phrase and the stance. */
    subjectGap: number;
    /** How many stances the sentence holds (a crowded sentence is read less surely). */
    sentencePositions: number;
    /** Read from the dependency tree (src/events/stance-syntax.ts): how. */
    syntax?: SyntaxReading;
    /** The rules and the tree read the same actor, stance and issue here. */
    agree?: boolean;
    /** The other reading gives the same actor and stance in the same clause, on another issue. */
    sameActorStance?: boolean;
    /** Read from a headline: a title-cased line ("Minister Rejects Levy on Grain"). */
    headline?: boolean;
    /** A seed issue the passage does not name by its head word ("direct talks" read from
     * "negotiating", "wages" from "pay"): the vocabulary stretched to everyday words. */
    seedIndirect?: boolean;
  };
}

let frameHeadCache: Set<string> | null = null;
/** "a framework for a ceasefire", "the text of the accord": the document noun whose complement
 * holds the mention at `from`; a stance before it is on the document, not on the mention. */
function frameHeadBefore(toks: Tok[], from: number): number | null {
  frameHeadCache ??= new Set(loadJson<{ frameHeads?: string[] }>('events/issues.json').frameHeads ?? []);
  // Back over the determiners and adjectives of the mention, and over earlier members of a
  // coordination ("a framework for a ceasefire and a prisoner exchange").
  let k = from - 1;
  while (k >= Math.max(0, from - 10) && (/^(DET|ADJ|NUM|NOUN|CCONJ)$/.test(toks[k].pos) || toks[k].lower === ',')) k--;
  if (k < 1 || !/^(for|on|of)$/.test(toks[k].lower)) return null;
  return toks[k - 1].pos === 'NOUN' && frameHeadCache.has(toks[k - 1].lemma) ? k - 1 : null;
}

let seedIssueCache: Set<string> | null = null;
function isSeedIssue(issue: string): boolean {
  return (seedIssueCache ??= new Set(Object.keys(loadJson<IssuesFile>('events/issues.json').issues))).has(issue);
}

/** Is [start, end) inside a short quoted fragment built into the writer's sentence? */
function quotedFragment(text: string, quotes: QuoteAnnotation[], start: number, end: number): boolean {
  for (const q of quotes) {
    const overlap = Math.min(q.end, end) - Math.max(q.start, start);
    if (overlap > 0 && q.partial) return true;
  }
  // Quote marks around the object even when the quotes stage saw no quotation there.
  const inner = text.slice(start, end);
  return /["“”]/.test(inner) && (inner.match(/["“”]/g) ?? []).length >= 2;
}

/** Positions of one article. */
export function findPositions(doc: Doc, entities: ArticleEntities, quotes: QuoteAnnotation[]): PositionFound[] {
  const out: PositionFound[] = [];
  const resolver = new ActorResolver(doc, entities, quotes);
  const members = new Map(entities.entities.filter((e) => e.members && e.members.length).map((e) => [e.key, e.members!]));
  let instruments: string[] | null = null;
  for (let s = 0; s < doc.sentences.length; s++) {
    const raw = sentenceView(doc, s);
    const view = unfoldParenthetical(raw) ?? raw;
    const reporting = reportingOf(view);
    const conditions = conditionsInSentence(view, reporting);
    const inSentence = positionsInSentence(view, reporting, conditions);
    // Stances read from the dependency tree, after the rules' own.
    const ruleCount = inSentence.length;
    for (const x of syntaxPositionsInSentence(doc, s, raw, reporting, conditions)) {
      inSentence.push({ issue: x.issue, stance: x.stance, subject: x.subject, span: x.span, cue: x.cue, syntax: x.syntax, how: reading('syntax', { cueKind: x.syntax.cueKind, negated: x.syntax.negations % 2 === 1, limitation: x.syntax.cueStance === 'limit', insufficient: x.syntax.insufficient, request: x.syntax.frame === 'request', condition: x.stance === 'conditional' }) });
    }
    const sentenceFirst = out.length;
    // A headline: most words capitalised, or the opening line without a full stop.
    const words = raw.tokens.filter((t) => /^\p{L}/u.test(t.text));
    const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
    const headline = (words.length >= 3 && capitalised / words.length >= 0.6) || (s === 0 && !/[.!?"”]$/.test(raw.tokens[raw.tokens.length - 1]?.text ?? ''));
    // A headline restates the story in a few words ("Minister Rejects Levy on Grain"); the
    // body states the position with its actor and issue, so headlines hold none here.
    if (headline) continue;
    for (const [index, p] of inSentence.entries()) {
      const fromSyntax = index >= ruleCount;
      const toks = view.tokens;
      if (p.refersTo === 'antecedent') {
        // A subject pronoun takes the seed issue named last in the two sentences before, else
        // the last issue-like phrase of the sentence before.
        let issue: string | null = null;
        for (let b = s - 1; b >= Math.max(0, s - 2) && !issue; b--) {
          const seeds = issuesIn(sentenceView(doc, b));
          issue = seeds.length ? seeds[seeds.length - 1].issue : null;
        }
        issue ??= s > 0 ? lastIssueIn(sentenceView(doc, s - 1)) : null;
        if (!issue) continue;
        p.issue = issue;
      } else if (p.refersTo === 'previous') {
        // The issue named last in the sentence before: seed mentions first, else a stance's issue.
        // A short reply ("Good.") in between names nothing: look two sentences back at most.
        let issue: string | null = null;
        for (let b = s - 1; b >= Math.max(0, s - 2) && !issue; b--) {
          const before = sentenceView(doc, b);
          issue = lastIssueIn(before);
        }
        if (!issue) continue;
        p.issue = issue;
      } else if (p.refersTo) {
        // The latest offer (or demand) of the last three sentences, this one's earlier clauses included.
        const floor = doc.sentences[Math.max(0, s - 3)].start;
        const earlier = [...out].reverse().find((o) => o.start >= floor && o.start < toks[p.span.from].start && (p.refersTo === 'offer' ? o.stance === 'offer' || o.stance === 'conditional' : o.stance === 'demand'));
        if (!earlier) continue;
        p.issue = earlier.issue;
      }
      // "the treaty": the instrument the article names; with none, the one the story names
      // (assembleEvents resolves the label `the treaty` then).
      if (p.issue.startsWith('the ')) {
        const named = (instruments ??= instrumentsOf(doc.text))[0];
        if (named) p.issue = named;
      }
      // A span reaching into a moved parenthetical has no single stretch of text.
      if (toks[p.span.to - 1].end <= toks[p.span.from].start) continue;
      const start = toks[p.span.from].start;
      const end = toks[p.span.to - 1].end;
      const quote = quotes.find((q) => q.start <= start && end <= q.end) ?? null;
      // "called the deal 'a giant bag of money'": a quoted fragment is someone's words, not an
      // issue a reader recognises; a seed issue inside it still is one.
      if (!isSeedIssue(p.issue) && quotedFragment(doc.text, quotes, start, end)) continue;
      // "Nobody backs the levy…": a negative quantifier holds no stance, and when the rule
      // found no subject, the word right before the cue is the one to check (else the stance
      // would fall back on the speaker).
      if (p.subject && noParty().has(textOf(view, p.subject.from, p.subject.to).toLowerCase())) continue;
      // "Belmar's allies support…", "Neither Karsovia nor Belmar supports…": not the named party's stance.
      if (p.subject && notThePartyNamed(toks, p.subject)) continue;
      // "accused Belmar of blocking the exchange": the blocking is Belmar's, not the accuser's.
      if (accusedComplement(toks, p.span.from, 0)) continue;
      // "rejected the idea that a ceasefire depends on…": the rejection is of the idea.
      if (claimBetween(toks, p.span.from, p.span.to)) continue;
      // "has yet to accept the plan": not done so far, neither accepted nor refused.
      if (pendingBefore(toks, p.span.from, p.subject ? p.subject.to : 0)) continue;
      // "Belmar denied that it would accept a withdrawal": what a party denies is no stance of it.
      if (p.subject && deniedClause(toks, p.subject.from)) continue;
      if (!p.subject && p.span.from > 0 && noParty().has(toks[p.span.from - 1].lower)) continue;
      // "has not vetoed a budget since 2004": a negated act over a stretch of time is a record
      // of what has not happened, not a stance on the thing.
      if (p.how?.negated && toks.some((t, i) => t.lower === 'since' && toks[i + 1] !== undefined && isTimeWord(toks[i + 1]))) continue;
      const modal = toks.slice(p.span.from, p.span.to).some((t) => MODAL_WORDS.test(t.lower)) || (p.subject !== null && toks.slice(p.subject.to, p.span.from).some((t) => MODAL_WORDS.test(t.lower)));
      const actors = resolver.resolveAll(view, p.subject, reporting);
      for (const actor of actors) {
      // The actor must be a party: not an event, a tournament or a pronoun tagged as a name.
      if (!canHoldStance(entities.entities.find((e) => e.key === actor.key))) continue;
      // A subject the tree found that names no party ("the new levy rarely offers…") does not
      // fall back on whoever is speaking.
      if (fromSyntax && (actor.via === 'speaker' || actor.via === 'voice')) continue;
      const key = `${actor.key}|${p.issue}|${p.stance}`;
      // The tree may name the issue the rules read in other words ("truce" for the seed issue
      // "ceasefire"): one reading, which the rules' label keeps.
      const same = out.slice(sentenceFirst).find((o) => `${o.actor}|${o.issue}|${o.stance}` === key || (fromSyntax && o.actor === actor.key && o.stance === p.stance && !o.how?.syntax && sameIssue(o.issue, p.issue)));
      if (same) {
        if (fromSyntax && !same.how?.syntax && same.how) same.how.agree = true;
        continue;
      }
      const found: PositionFound = {
        actor: actor.key,
        issue: p.issue,
        stance: p.stance,
        start,
        end,
        attributedBy: actor.attributedBy,
        cue: p.cue,
        how: {
          ...(p.how ?? reading('seed')),
          via: actor.via ?? 'name',
          seed: isSeedIssue(p.issue),
          inQuote: quote !== null,
          modal,
          subjectless: p.subject === null,
          subjectGap: p.subject ? Math.max(0, p.span.from - p.subject.to) : 0,
          sentencePositions: ruleCount,
          ...(headline ? { headline: true } : {}),
          ...(isSeedIssue(p.issue) && !doc.text.slice(start, end).toLowerCase().includes((p.issue.toLowerCase().split(' ').pop() ?? '').replace(/s$/, '')) ? { seedIndirect: true } : {}),
          ...(p.syntax ? { syntax: p.syntax } : {}),
        },
      };
      // The other reading of the clause: the same actor and stance on another issue.
      for (const o of out.slice(sentenceFirst)) {
        if (o.actor !== found.actor || o.stance !== found.stance || !o.how || !found.how || !!o.how.syntax === !!found.how.syntax) continue;
        if (o.start < found.end && found.start < o.end) {
          o.how.sameActorStance = true;
          found.how.sameActorStance = true;
        }
      }
      const m = members.get(actor.key);
      if (m) found.members = m;
      out.push(found);
      }
    }
  }
  return out;
}

/** How a stance was read: the features of the confidence model (see docs/models/positions.md). */
export interface Reading {
  /** The rule that found it. */
  path: 'seed' | 'grown' | 'limitation' | 'outer' | 'relative' | 'previous' | 'antecedent' | 'membership' | 'committed' | 'venue' | 'syntax';
  /** What kind of word carries the stance. */
  cueKind: 'verb' | 'noun' | 'adj' | 'after' | 'passive' | 'committed' | 'limitation' | 'condition';
  /** Tokens between the cue and the issue. */
  distance: number;
  negated: boolean;
  limitation: boolean;
  insufficient: boolean;
  /** Read through a request frame ("urged X to…", "demanded that X…"). */
  request: boolean;
  /** Inside a conditional commitment or its condition. */
  condition: boolean;
  /** Read from inside the condition: what a party makes its commitment depend on. */
  inCondition: boolean;
  /** An obligation laid on another party ("X must…"): the speaker's demand. */
  obliged: boolean;
}

function reading(path: Reading['path'], extra: Partial<Reading> = {}): Reading {
  return { path, cueKind: 'verb', distance: 0, negated: false, limitation: false, insufficient: false, request: false, condition: false, inCondition: false, obliged: false, ...extra };
}

function cueKindOf(toks: Tok[], cue: Cue | null, after = false, passive = false): Reading['cueKind'] {
  if (!cue) return 'committed';
  if (passive) return 'passive';
  if (after) return 'after';
  const t = toks[cue.from];
  return t.pos === 'NOUN' ? 'noun' : t.pos === 'ADJ' ? 'adj' : 'verb';
}

export interface SentencePosition {
  issue: string;
  stance: Stance;
  subject: Chunk | null;
  span: Chunk;
  cue: string;
  how?: Reading;
  /** The object is a definite "the offer", "the proposal", "the demand": its issue is that of
   * the latest such stance before it in the article (filled in by findPositions); issue is ''. */
  refersTo?: 'offer' | 'demand' | 'previous' | 'antecedent';
  /** Read from the dependency tree. */
  syntax?: SyntaxReading;
}

/** The issue named last in a sentence: a seed mention, or the last noun phrase that makes an
 * issue ("…unless there is an independent safety audit"), whichever ends later. */
export function lastIssueIn(view: SentenceView): string | null {
  const toks = view.tokens;
  const seeds = issuesIn(view);
  const seed = seeds[seeds.length - 1];
  for (let k = toks.length - 1; k >= 0; k--) {
    if (seed && k < seed.to) return seed.issue;
    if (toks[k].pos !== 'NOUN' || toks[k + 1]?.pos === 'NOUN') continue;
    const np = npBefore(view, k + 1, 0);
    if (!np) continue;
    // Carry the phrase back over "of": "the release of all civilians".
    let from = np.from;
    if (toks[from - 1]?.lower === 'of') {
      const head = npBefore(view, from - 1, 0);
      if (head) from = head.from;
    }
    const issue = issueFromPhrase(toks.slice(from, np.to));
    if (issue) return seed && seed.to > np.from ? seed.issue : issue;
  }
  return seed?.issue ?? null;
}

/** "that", "this", "it" standing alone as an object: followed by the clause's end or an adverb. */
export function demonstrativeObject(toks: Tok[], at: number, limit: number): boolean {
  if (at >= limit || !/^(that|this|it|these|those|them)$/.test(toks[at].lower)) return false;
  const next = toks[at + 1];
  if (!next || at + 1 >= limit) return true;
  if (next.pos === 'PUNCT') return next.lower !== "'s" && next.lower !== '’s';
  return next.pos === 'ADV' && /ly$/.test(next.lower) && (at + 2 >= limit || toks[at + 2].pos === 'PUNCT');
}

/** What carries an offer rather than being the thing offered: rejected as too little, it names no demand. */
const VEHICLE_HEADS = new Set(['letter', 'offer', 'proposal', 'plan', 'package', 'gesture', 'concession', 'step', 'measure', 'bonus', 'deal', 'text', 'draft', 'statement', 'pledge', 'promise', 'assurance', 'assurances']);

const OFFER_NOUNS = new Set(['offer', 'proposal', 'plan', 'idea', 'initiative', 'sequence', 'compromise', 'formula', 'package', 'suggestion', 'deal']);
const DEMAND_NOUNS = new Set(['demand', 'request', 'ultimatum', 'call', 'condition', 'conditions', 'precondition']);

/** "the offer", "this proposal", "such a demand": a phrase that names an earlier stance. */
export function referenceOf(words: Tok[]): 'offer' | 'demand' | undefined {
  const kept = words.filter((t) => t.pos !== 'PUNCT');
  if (kept.length < 2 || kept.length > 3 || !/^(the|this|that|such|these|those)$/.test(kept[0].lower)) return undefined;
  const head = kept[kept.length - 1];
  if (OFFER_NOUNS.has(head.lemma) || OFFER_NOUNS.has(head.lower)) return 'offer';
  if (DEMAND_NOUNS.has(head.lemma) || DEMAND_NOUNS.has(head.lower)) return 'demand';
  return undefined;
}

/** Stances taken in one sentence (rule unit; tokens only). */
export function positionsInSentence(view: SentenceView, reporting: Reporting = reportingOf(view), conditions: ConditionFound[] = conditionsInSentence(view, reporting)): SentencePosition[] {
  const toks = view.tokens;
  const floor = 0;
  const limit = reporting.clauseEnd;
  const out: SentencePosition[] = [];
  // A question takes no stance ("Will you suspend the strike?").
  if (toks.some((t) => t.lower === '?')) return [];
  // "Had Veldora accepted a partial swap in June, …": a counterfactual says what did not happen.
  if (/^(had|were)$/.test(toks[0]?.lower ?? '') && /^(PROPN|NOUN|DET|PRON)$/.test(toks[1]?.pos ?? '') && toks.some((t) => t.lower === ',')) return [];
  // An issue word inside a condition marker is no issue ("in exchange for").
  const mentions = undoneIssues(
    toks,
    issuesIn(view).filter((m) => m.to <= limit && !conditions.some((c) => m.from < c.marker.to && c.marker.from < m.to) && !(toks[m.from - 1]?.lower === 'in' && /^(exchange|return)$/.test(toks[m.from].lower))),
    limit,
  );
  // Mentions read by the limitation rule, whether or not it took a stance: no other rule reads them.
  const limitedMentions = new Set<number>();
  for (const m of mentions) {
    const mFloor = Math.max(floor, reporting.clauseStart > m.from ? 0 : reporting.clauseStart);
    // "agreed on a framework for a ceasefire": the stance is on the framework (read below).
    const frame = frameHeadBefore(toks, m.from);
    if (frame !== null && cueBefore(toks, { issue: m.issue, from: frame, to: frame + 1 }, mFloor)) continue;
    const lim = limitationOf(toks, m.from, m.to, mFloor);
    if (lim) {
      limitedMentions.add(m.from);
      const l = limitedStance(view, lim, m.from, mFloor, conditions);
      if (l) out.push({ issue: l.refused ? limitationIssue(toks, lim, m.issue) : m.issue, stance: l.stance, subject: l.subject, span: { from: Math.min(l.from, m.from), to: Math.max(m.to, lim.to) }, cue: textOf(view, lim.from, lim.to).toLowerCase(), how: reading('limitation', { limitation: true, cueKind: l.outer ? cueKindOf(toks, l.outer) : 'limitation', distance: Math.max(0, m.from - lim.to), condition: l.condition, inCondition: l.condition && l.stance === 'oppose' }) });
      continue;
    }
    let cue = cueBefore(toks, m, mFloor);
    let subjectAnchor: number | null = cue ? cue.from : null;
    let passive = false;
    if (!cue) {
      cue = cueAfter(toks, m, limit);
      subjectAnchor = null;
    }
    if (!cue) {
      cue = passiveAfter(toks, m, limit);
      passive = cue !== null;
    }
    let stance: Stance | null = cue ? cue.stance : null;
    // A seed issue that is itself the committed verb: "Tokyo would not retaliate", "we will negotiate".
    if (!cue && toks[m.from].pos === 'VERB' && m.to - m.from === 1) {
      const committed = commitmentBefore(toks, m.from);
      if (committed) {
        stance = committed === 'negated' ? 'oppose' : coerciveIssues().has(m.issue) ? 'support' : 'offer';
        subjectAnchor = m.from;
      }
    }
    // "cannot give ground on coal" insists on it; "ready to compromise on wages" offers.
    if ((stance as string) === 'concede') stance = cue && negatedBefore(toks, cue.from, floor) ? 'demand' : 'offer';
    // "conditioned any summit on a ceasefire": the summit is conditional, the ceasefire demanded.
    if (cue && stance === 'conditional') {
      if (cue.to - cue.from === 1 && toks[cue.from].pos !== 'VERB') stance = null;
      else if (toks.slice(cue.to, m.from).some((t) => t.lower === 'on' || t.lower === 'upon')) stance = 'demand';
    }
    // "backed away from its demand for…": a withdrawn demand is no position; "resisted calls for…":
    // the subject opposes what others call for.
    // ("calls" after a verb is a noun, whatever the tagger says.)
    if (cue && stance && (stance === 'demand' || stance === 'support')) {
      if (toks[cue.from].pos === 'NOUN' && relinquishedBefore(toks, cue.from)) stance = null;
      else if (resistedBefore(toks, cue.from)) stance = 'oppose';
    }
    // "insistence on zero enrichment": demanding none of it is opposing it.
    if (stance && toks[m.from - 1]?.lower === 'zero' && (stance === 'demand' || stance === 'support')) stance = 'oppose';
    let negated = false;
    if (cue && stance && (cue.stance as string) !== 'concede' && cue.words !== 'no' && (negatedBefore(toks, cue.from, floor) || ratherThan(toks, cue.from))) {
      negated = true;
      stance = relinquishing(cue.words) ? (pursuitBetween(toks, cue.to, m.to) ? 'support' : 'demand') : stance === 'support' || stance === 'offer' ? 'oppose' : stance === 'oppose' ? 'support' : null;
    }
    // "rejected the plan as not enough": what is refused as too little is demanded, in full.
    let insufficient = false;
    if (cue && !negated && cue.stance === 'oppose' && stance === 'oppose' && insufficientAfter(toks, m.to, limit)) {
      stance = 'demand';
      insufficient = true;
    }
    // A conditional commitment around the issue.
    const cond = conditions.find((c) => inside(c.commitment, m.from) || inside(c.condition, m.from));
    let subject: Chunk | null = null;
    let fromCondition = false;
    if (cond) {
      const cueInside = cue !== null && (inside(cond.condition, cue.from) || inside(cond.commitment, cue.from)) && (inside(cond.condition, cue.from) === inside(cond.condition, m.from));
      if (inside(cond.commitment, m.from) && !cond.ultimatum && stance !== 'demand') stance = 'conditional';
      else if (inside(cond.condition, m.from)) {
        // What a party makes its commitment depend on, it demands ("only if the operator agrees to
        // a pay rise"); what the condition drops, it opposes ("provided that they drop the tax").
        // …except that a refusal threatened with consequences is a demand ("sanctions if Moscow
        // refused a truce").
        stance = cueInside && stance === 'oppose' && cond.shape !== 'if-will' ? 'oppose' : 'demand';
        fromCondition = true;
      }
      subject = cond.subject;
    }
    // "Russia demanded that Ukraine renounce its NATO ambitions": the requester's stance.
    const request = requestBefore(toks, cue ? cue.from : m.from, reporting.clauseStart > m.from ? 0 : reporting.clauseStart);
    let requester: Chunk | null = null;
    if (request !== null && !fromCondition) {
      stance = stance === 'oppose' ? 'oppose' : 'demand';
      requester = subjectOf(view, request, reporting.clauseStart > request ? 0 : reporting.clauseStart);
    }
    if (!stance) continue;
    if (subjectAnchor !== null) {
      const sub = subjectOf(view, subjectAnchor, cond ? Math.min(cond.commitment.from, cond.condition.from, subjectAnchor) : reporting.clauseStart > subjectAnchor ? 0 : reporting.clauseStart);
      if (sub && !fromCondition) subject = sub;
    }
    if (request !== null && !fromCondition) {
      subject = requester;
    }
    if (passive && cue && toks[cue.to]?.lower === 'by') {
      // "would be lifted by Washington": the agent holds the stance.
      const agent = npAfter(view, cue.to + 1, Math.min(limit, cue.to + 7));
      if (agent) subject = agent;
    }
    if (subject && inside(subject, m.from)) subject = null;
    // "Ukraine must accept a ceasefire, Grinev said": what another party must do, the speaker demands.
    let obliged = false;
    if (cue && !cond && request === null && obligedBefore(toks, cue.from) && !(subject && FIRST_PERSON_SUBJECT.test(textOf(view, subject.from, subject.to)))) {
      stance = stance === 'oppose' ? 'oppose' : 'demand';
      subject = null;
      obliged = true;
    }
    const from = Math.min(m.from, cue ? cue.from : m.from, cond ? Math.min(cond.commitment.from, cond.condition.from) : m.from);
    const to = Math.max(m.to, cue ? cue.to : m.to);
    const how = reading('seed', {
      cueKind: cond && !cue ? 'condition' : cueKindOf(toks, cue, cue !== null && cue.from >= m.to && !passive, passive),
      distance: cue ? Math.max(0, cue.from >= m.to ? cue.from - m.to : m.from - cue.to) : 0,
      negated,
      insufficient,
      request: request !== null && !fromCondition,
      condition: cond !== undefined,
      inCondition: fromCondition,
      obliged,
    });
    // "welcomed the accord": a definite instrument word names the article's instrument.
    const instrument = m.to - m.from === 1 && INSTRUMENT_HEADS.has(toks[m.from].lemma) && /^(the|this)$/.test(toks[m.from - 1]?.lower ?? '');
    const main: SentencePosition = { issue: instrument ? `the ${toks[m.from].lemma}` : m.issue, stance, subject, span: { from, to }, cue: cue?.words ?? cond?.shape ?? '', how };
    // "The ministers backed Kyiv's call for a ceasefire", "rejected the offer of a pay rise as too
    // little": the verb before a noun cue takes its own stance on the issue.
    const nounCue = cue !== null && toks[cue.from].pos === 'NOUN';
    const possessed = nounCue && (/^('s|’s|s)$/.test(toks[cue!.from - 1]?.lower ?? '') || /^(PROPN|NOUN)$/.test(toks[cue!.from - 1]?.pos ?? ''));
    const determined = nounCue && !possessed && toks[cue!.from - 1]?.pos === 'DET';
    let outerPosition: SentencePosition | null = null;
    if (cue && (possessed || determined)) {
      // "backed Kyiv's call for…", "supported the AU call for…", "rejected the offer of…"
      const owner = possessed ? npBefore(view, cue.from, 0) : { from: cue.from - 1, to: cue.from };
      if (owner) {
        const outer = cueBefore(toks, { issue: m.issue, from: owner.from, to: owner.to }, reporting.clauseStart > owner.from ? 0 : reporting.clauseStart);
        if (outer && outer.to >= owner.from - 1) {
          let outerStance: Stance | null = outer.stance === 'support' || outer.stance === 'offer' ? 'support' : outer.stance;
          const outerNegated = negatedBefore(toks, outer.from, 0);
          if (outerNegated) outerStance = outerStance === 'support' ? 'oppose' : outerStance === 'oppose' ? 'support' : null;
          const short = outerStance === 'oppose' && !outerNegated && insufficientAfter(toks, m.to, limit);
          if (short) outerStance = 'demand';
          if (outerStance && (outerStance as string) !== 'concede') {
            outerPosition = { issue: m.issue, stance: outerStance, subject: subjectOf(view, outer.from, reporting.clauseStart > outer.from ? 0 : reporting.clauseStart), span: { from: outer.from, to }, cue: outer.words, how: reading('outer', { cueKind: cueKindOf(toks, outer), distance: m.from - outer.to, negated: outerNegated, insufficient: short }) };
          }
        }
      }
    }
    // "the offer of a pay rise" names no one who offers it: only the outer verb's stance is kept.
    if (!(determined && outerPosition)) out.push(main);
    if (outerPosition) out.push(outerPosition);
  }
  // Every other stance cue with a noun-phrase object: the object is the issue, taken from the
  // text when the seed vocabulary does not name it ("ruled out a wealth tax").
  const usedCues = new Set(out.map((o) => o.span.from));
  for (let k = 0; k < limit; k++) {
    if (usedCues.has(k)) continue;
    for (const p of beforeCues().at(toks, k)) {
      const cueText = p.words.join(' ');
      if (cueText === 'no' || cueText === 'against' && toks[k].pos !== 'ADP') break;
      if (p.length === 1 && !/^(VERB|ADJ)$/.test(toks[k].pos) && !(toks[k].pos === 'NOUN' && nounCues().has(cueText))) break;
      // "at the request of both parties": the noun names whose request, not what is requested.
      if (toks[k].pos === 'NOUN' && toks[k + p.length]?.lower === 'of') break;
      if (p.length === 1 && isAttributive(toks, k)) break;
      if (k > 0 && toks.slice(k, k + p.length).some((t) => t.pos === 'PROPN')) break;
      // "the 'America's Most Wanted' show": a capitalised cue mid-sentence is part of a title.
      if (k > 0 && /^[A-Z]/.test(toks[k].text) && !QUOTE_MARKS.has(toks[k - 1].lower) && toks[k - 1].lower !== ':' && !/^[.!?]$/.test(toks[k - 1].lower)) break;
      if (p.length === 1 && k > 0 && toks[k].pos !== 'NOUN' && (toks[k - 1].pos === 'DET' || /^(its|their|his|her|our|my|your)$/.test(toks[k - 1].lower))) break;
      let objFrom = k + p.length;
      // "a demand both the union and the opposition reject", "a proposal Berglund dismissed as…":
      // the cue's object is the offer or demand before its subject (a reduced relative clause).
      if (toks[k].pos === 'VERB' && (objFrom >= limit || /^(\.|,|as|;)$/.test(toks[objFrom].lower) || toks[objFrom].pos === 'AUX')) {
        const head = relativeHead(view, k);
        if (head) {
          let stance: Stance | null = p.value as Stance;
          if ((p.value as string) === 'concede') stance = 'offer';
          const negated = negatedBefore(toks, k, 0);
          if (negated) stance = stance === 'support' || stance === 'offer' ? 'oppose' : stance === 'oppose' ? 'support' : null;
          if (stance) out.push({ issue: '', stance, subject: head.subject, span: { from: head.from, to: k + p.length }, cue: cueText, refersTo: head.refersTo, how: reading('relative', { cueKind: cueKindOf(toks, { stance, from: k, to: k + p.length, words: cueText }), negated }) });
          break;
        }
      }
      // Passive or adjectival uses take no stance: "backed by shareholders", "required for".
      if (p.length === 1 && /ed$/.test(toks[k].lower) && /^(by|for|due)$/.test(toks[objFrom]?.lower ?? '')) break;
      if (p.length === 1 && k > 0 && BE.has(toks[k - 1].lower) && /ed$/.test(toks[k].lower) && toks[k].pos === 'VERB') break;
      // A reduced passive after its noun: "the tariffs imposed on Canadian steel".
      if (p.length === 1 && k > 0 && /^(NOUN|PROPN)$/.test(toks[k - 1].pos) && /ed$/.test(toks[k].lower) && toks[objFrom]?.pos === 'ADP') break;
      // "We support that fully.", "Kyiv rejected it.": a pronoun object stands for the issue
      // named last in the sentence before (filled in by findPositions).
      if (demonstrativeObject(toks, objFrom, limit) && !addressees().has(cueText)) {
        let stance: Stance | null = p.value as Stance;
        const negated = negatedBefore(toks, k, 0);
        if ((p.value as string) === 'concede') stance = negated ? 'demand' : 'offer';
        else if (negated) stance = stance === 'support' || stance === 'offer' ? 'oppose' : stance === 'oppose' ? 'support' : null;
        if (stance && !conditions.some((c) => inside(c.condition, k) || inside(c.commitment, k))) {
          let subject = subjectOf(view, k, reporting.clauseStart > k ? 0 : reporting.clauseStart);
          if (subject && inside(subject, k)) subject = null;
          out.push({ issue: '', stance, subject, span: { from: k, to: objFrom + 1 }, cue: cueText, refersTo: 'previous', how: reading('previous', { cueKind: cueKindOf(toks, { stance, from: k, to: k + p.length, words: cueText }), negated }) });
        }
        break;
      }
      // "suggests that the plane…": a clause, not an issue.
      if (toks[objFrom]?.lower === 'that') break;
      // "call on all states to refrain from …": past the addressee to the demanded action.
      if (addressees().has(cueText)) {
        const to = toks.findIndex((t, x) => x >= objFrom && x < Math.min(limit, objFrom + 8) && t.lower === 'to');
        if (to < 0) break;
        objFrom = to;
      }
      const request = addressees().has(cueText);
      // "accepted, in principle, a proposal": an aside between commas sits between cue and object.
      objFrom = pastAside(toks, objFrom, limit);
      // 'does not "rule out" a meeting': quote marks around the cue are no break.
      while (objFrom < limit && QUOTE_MARKS.has(toks[objFrom].lower)) objFrom++;
      // A noun cue takes its object through "of", "for", "on" or "to" ("offer of talks"), never
      // bare ("the Nationals' offer sets the bar") nor through "in" ("offer in the history of…").
      if (toks[k].pos === 'NOUN' && p.length === 1 && objFrom === k + 1 && !/^(of|for|on|to)$/.test(toks[objFrom]?.lower ?? '')) break;
      while (objFrom < limit && /^(to|for|on|of|in|with)$/.test(toks[objFrom].lower)) objFrom++;
      // "wants to curb immigration", "called for a cap on prices": the limitation rule reads it.
      {
        let j = objFrom;
        while (j < limit && /^(DET|ADJ|NUM)$/.test(toks[j].pos)) j++;
        if (j < limit && limitationAt(toks, j)) break;
      }
      // "refused to rule out new sanctions": the inner cue, negated by the frame, reads it.
      if (objFrom < limit && toks[objFrom].pos === 'VERB' && negatingFrameBefore(toks, objFrom, k) && beforeCues().at(toks, objFrom).length) break;
      // "called on parliament to reject the framework": the requested stance decides.
      let inner: { value: string; length: number } | undefined;
      // "supports releasing the frozen funds": the action backed names the issue.
      let action: string | null = null;
      if (objFrom < limit && toks[objFrom].pos === 'VERB') {
        // "would like to thank the crews": only a demanded action carries its object as the issue.
        // An offer is of an action: "proposed using frozen assets", "offered to host talks";
        // so is what is agreed to ("agreed to hold a fifth round").
        // …and a refused action's object is opposed: "refusal to discuss the return of territory".
        const gerund = p.value === 'support' && /ing$/.test(toks[objFrom].lower) && objFrom === k + p.length;
        if (!request && !gerund && p.value !== 'offer' && p.value !== 'oppose' && !(p.value === 'support' && /^(agree|commit|sign|vote)/.test(cueText))) break;
        if (request) inner = beforeCues().at(toks, objFrom)[0];
        // "urged Tehran to explain traces of uranium": a requested act that is neither a stance nor
        // an offer of the lexicon ("release", "withdraw") names no issue by its object.
        if (request && !inner && !futureOffers().has(toks[objFrom].lemma)) break;
        if (gerund) action = actionNoun(toks[objFrom].lemma);
        objFrom += inner && inner.length > 1 ? inner.length - 1 : 0;
        objFrom++;
        // "to keep supplying air-defence systems": a verb of continuation keeps its gerund's object.
        if (objFrom + 1 < limit && /^(keep|continue|resume)$/.test(toks[objFrom - 1].lemma) && toks[objFrom].pos === 'VERB' && /ing$/.test(toks[objFrom].lower)) objFrom++;
        // A phrasal verb's particle: "ruled out giving up finance", "hand over the hostages".
        if (objFrom < limit && /^(up|over|back|down|out|off)$/.test(toks[objFrom].lower) && toks[objFrom].pos !== 'VERB') objFrom++;
      }
      while (objFrom < limit && QUOTE_MARKS.has(toks[objFrom].lower)) objFrom++;
      // "agreed on Thursday on a framework": a time phrase between the cue and its object.
      while (objFrom < limit && (isTimeWord(toks[objFrom]) || (toks[objFrom].lower === 'on' && toks[objFrom + 1] && isTimeWord(toks[objFrom + 1])))) {
        objFrom++;
        if (toks[objFrom] && /^(on|in|at)$/.test(toks[objFrom].lower) && !isTimeWord(toks[objFrom + 1] ?? toks[objFrom])) objFrom++;
      }
      const np = npAfter(view, objFrom, Math.min(limit, objFrom + 8), false);
      if (!np || toks.slice(objFrom, np.from).some((t) => !/^(DET|ADJ|NUM)$/.test(t.pos) && !/^(its|their|his|her|our|my|your)$/.test(t.lower))) break;
      // "a demand both the union … reject": a noun cue before a clause heads a relative clause.
      if (toks[k].pos === 'NOUN' && objFrom === k + p.length && clauseFollows(toks, np.to, limit)) break;
      let object = extendOf(view, np, limit);
      // "offered Istanbul as the venue for a leaders' meeting": a place offered as the setting of
      // something offers that thing.
      const venue = venueOf(view, object, limit);
      if (venue) {
        const seed = mentions.find((m) => m.from >= venue.from && m.from < venue.to);
        if (seed && p.value === 'offer' && !usedCues.has(k)) {
          const stance: Stance = negatedBefore(toks, k, 0) ? 'oppose' : 'offer';
          out.push({ issue: seed.issue, stance, subject: subjectOf(view, k, reporting.clauseStart > k ? 0 : reporting.clauseStart), span: { from: k, to: venue.to }, cue: cueText, how: reading('venue', { negated: stance === 'oppose' }) });
          k = venue.to - 1;
          break;
        }
        object = venue;
      }
      if (mentions.some((m) => m.from >= object.from && m.from < object.to + 3 && !ADVERBIAL_PREPOSITIONS.has(toks[m.from - 1]?.lower ?? '') && frameHeadBefore(toks, m.from) !== object.to - 1)) break;
      // "rejected the government's offer of new protections": the issue is what was offered.
      const offered = offeredIn(toks, object);
      if (offered) object = offered;
      // "demanded enrichment limits": the limited thing is the issue (see limitedStance).
      const limited = object.to - object.from >= 2 && isLimitationNoun(toks[object.to - 1]) && /^(NOUN|PROPN|ADJ)$/.test(toks[object.to - 2].pos);
      // "the treaty", "the deal": resolved to the instrument the article names (findPositions).
      const definite = object.to - object.from === 1 && INSTRUMENT_HEADS.has(toks[object.from].lemma) && /^(the|this)$/.test(toks[object.from - 1]?.lower ?? '');
      let issue = definite ? `the ${toks[object.from].lemma}` : issueFromPhrase(toks.slice(object.from, limited ? object.to - 1 : object.to));
      if (issue && action && !issue.startsWith(action)) issue = `${action} of ${issue}`;
      // "Ukraine welcomed the offer": the issue is that of the offer made just before.
      const refersTo = issue ? undefined : referenceOf(toks.slice(objFrom, object.to));
      if (!issue && !refersTo) break;
      if (undoneAfter(toks, object.to, limit)) break;
      let stance: Stance | null = p.value as Stance;
      const negated = negatedBefore(toks, k, 0) || ratherThan(toks, k);
      if ((p.value as string) === 'concede') stance = negated ? 'demand' : 'offer';
      else if (negated) stance = relinquishing(cueText) ? (pursuitBetween(toks, k + p.length, object.to) ? 'support' : 'demand') : stance === 'support' || stance === 'offer' ? 'oppose' : stance === 'oppose' ? 'support' : null;
      if (!stance) break;
      if (request && inner && inner.value !== 'concede') {
        const innerNegated = negatedBefore(toks, objFrom - inner.length, k + p.length);
        // Asked to reject → oppose; asked to ratify or endorse → support (requestedBacking); asked
        // to do anything else → demand.
        const innerWords = toks.slice(objFrom - inner.length, objFrom).map((t) => t.lemma.toLowerCase()).join(' ');
        stance = (inner.value === 'oppose') !== innerNegated ? 'oppose' : !innerNegated && requestedBacking().has(innerWords) ? 'support' : 'demand';
      }
      // "demanded enrichment limits" opposes enrichment; refusing or offering limits says nothing
      // sure about it (see limitedStance).
      let refusedLimit = false;
      if (limited) {
        // "demanded enrichment limits" opposes enrichment; "rejected enrichment limits" opposes
        // the limits (see limitedStance).
        refusedLimit = stance === 'oppose';
        stance = 'oppose';
      }
      if (refusedLimit && issue) issue = limitationIssue(toks, { from: object.to - 1, to: object.to, after: true }, issue);
      // "rejected the offer as not enough": a demand for (more of) what was offered.
      const insufficient = !negated && !limited && p.value === 'oppose' && stance === 'oppose' && insufficientAfter(toks, object.to, limit);
      if (insufficient) {
        // "dismissed the letter as not enough": what is demanded is something else, not named here.
        if (!offered && VEHICLE_HEADS.has(toks[object.to - 1].lemma)) break;
        stance = 'demand';
      }
      let subject = subjectOf(view, k, reporting.clauseStart > k ? 0 : reporting.clauseStart);
      const cond = conditions.find((c) => inside(c.commitment, k) || inside(c.condition, k));
      if (cond) {
        if (inside(cond.condition, k)) {
          stance = stance === 'oppose' ? 'oppose' : 'demand';
          subject = cond.subject;
        } else if (!cond.ultimatum && (stance === 'support' || stance === 'offer')) stance = 'conditional';
      }
      if (subject && inside(subject, k)) subject = null;
      const obliged = !cond && obligedBefore(toks, k) && !(subject && FIRST_PERSON_SUBJECT.test(textOf(view, subject.from, subject.to)));
      if (obliged) {
        stance = stance === 'oppose' ? 'oppose' : 'demand';
        subject = null;
      }
      const how = reading(refersTo ? 'previous' : 'grown', { cueKind: cueKindOf(toks, { stance, from: k, to: k + p.length, words: cueText }), distance: object.from - (k + p.length), negated, limitation: limited, insufficient, request, condition: cond !== undefined, inCondition: cond !== undefined && inside(cond.condition, k), obliged });
      out.push({ issue: issue ?? '', stance, subject, span: { from: k, to: object.to }, cue: cueText, ...(refersTo ? { refersTo } : {}), how });
      k = object.to - 1;
      break;
    }
  }
  // "wants to curb immigration", "called for a cap on gas prices": the limited thing, grown from
  // the text, is opposed (see limitedStance).
  for (let k = 0; k < limit; k++) {
    const n = limitationAt(toks, k);
    if (!n || out.some((o) => o.span.from <= k && k < o.span.to)) continue;
    if (n === 1 && isAttributive(toks, k)) continue;
    let objFrom = k + n;
    while (objFrom < limit && QUOTE_MARKS.has(toks[objFrom].lower)) objFrom++;
    const np = npAfter(view, objFrom, Math.min(limit, objFrom + 8), false);
    if (!np || toks.slice(objFrom, np.from).some((t) => !/^(DET|ADJ|NUM)$/.test(t.pos) && !/^(its|their|his|her|our|my|your)$/.test(t.lower))) continue;
    if (mentions.some((m) => m.from >= np.from && m.from < np.to + 3)) continue;
    const object = extendOf(view, np, limit);
    const issue = issueFromPhrase(toks.slice(object.from, object.to));
    if (!issue) continue;
    const floorK = reporting.clauseStart > k ? 0 : reporting.clauseStart;
    const lim: Limitation = { from: k, to: k + n, after: false };
    const l = limitedStance(view, lim, object.from, floorK, conditions);
    if (!l) continue;
    out.push({ issue: l.refused ? limitationIssue(toks, lim, issue) : issue, stance: l.stance, subject: l.subject, span: { from: l.from, to: object.to }, cue: textOf(view, k, k + n).toLowerCase(), how: reading('limitation', { limitation: true, cueKind: l.outer ? cueKindOf(toks, l.outer) : 'limitation', distance: object.from - k - n, condition: l.condition, inCondition: l.condition && l.stance === 'oppose' }) });
    k = object.to - 1;
  }
  // "they would be imposed if the summit collapsed": a pronoun subject of a modal passive stands
  // for the issue named last before (filled in by findPositions).
  for (let k = 0; k < limit; k++) {
    if (!/^(they|it|these|those)$/.test(toks[k].lower) || toks[k].pos !== 'PRON') continue;
    if (k > 0 && !/^(,|that|and|but|said|says|;)$/.test(toks[k - 1].lower)) continue;
    const cue = passiveAfter(toks, { issue: '', from: k, to: k + 1 }, limit);
    if (!cue) continue;
    let stance: Stance | null = cue.stance;
    if ((stance as string) === 'concede') stance = 'offer';
    if (negatedBefore(toks, cue.from, k)) stance = stance === 'support' || stance === 'offer' ? 'oppose' : stance === 'oppose' ? 'support' : null;
    if (!stance || stance === 'conditional') continue;
    const cond = conditions.find((c) => inside(c.commitment, cue.from));
    if (cond && !cond.ultimatum) stance = 'conditional';
    let subject: Chunk | null = null;
    if (toks[cue.to]?.lower === 'by') subject = npAfter(view, cue.to + 1, Math.min(limit, cue.to + 7));
    out.push({ issue: '', stance, subject, span: { from: k, to: cue.to }, cue: cue.words, refersTo: 'antecedent', how: reading('antecedent', { cueKind: 'passive', negated: negatedBefore(toks, cue.from, k), condition: cond !== undefined }) });
  }
  // "Moscow wants Ukraine out of NATO", "keep Britain out of the EU": the actor opposes the
  // other party's membership of the named body.
  for (let k = 0; k + 3 < limit; k++) {
    if (!/^(want|keep)$/.test(toks[k].lemma) || toks[k].pos !== 'VERB') continue;
    const out_ = toks.findIndex((t, x) => x > k + 1 && x < Math.min(limit - 2, k + 7) && t.lower === 'out' && toks[x + 1].lower === 'of');
    if (out_ < 0) continue;
    const party = npAfter(view, k + 1, out_);
    if (!party || party.from !== k + 1 && !(party.from === k + 2 && toks[k + 1].pos === 'DET')) continue;
    let b = out_ + 2;
    if (toks[b]?.pos === 'DET') b++;
    let e = b;
    while (e < limit && toks[e].pos === 'PROPN') e++;
    if (e === b) continue;
    const body = toks.slice(b, e).map((t) => t.text).join(' ');
    const seed = issuePhrases().at(tokensOf(`${body} membership`), 0)[0];
    const issue = seed?.value ?? `${body} membership`;
    const stance: Stance = negatedBefore(toks, k, 0) ? 'support' : 'oppose';
    out.push({ issue, stance, subject: subjectOf(view, k, reporting.clauseStart > k ? 0 : reporting.clauseStart), span: { from: k, to: e }, cue: `${toks[k].lemma} out of`, how: reading('membership', { negated: stance === 'support' }) });
  }
  // A commitment to act ("will host a conference", "would free 200 soldiers"): an offer.
  const taken = new Set(out.map((o) => o.span.from));
  for (let k = 0; k < limit; k++) {
    if (taken.has(k) || toks[k].pos !== 'VERB') continue;
    const offerVerb = futureOffers().has(toks[k].lemma);
    // Any committed verb inside the commitment of a condition states a conditional position on
    // its object ("would vote down the budget unless…").
    // …or a stance verb ("would vote down the budget unless…"); a verb of narration ("would tell
    // the world", "would move a flower pot") is no commitment on a negotiated issue.
    const boundVerb = !offerVerb && beforeCues().at(toks, k).length > 0 && conditions.some((c) => !c.ultimatum && inside(c.commitment, k));
    if (!offerVerb && !boundVerb) continue;
    const committed = commitmentBefore(toks, k);
    if (!committed) continue;
    const np = npAfter(view, k + 1, Math.min(limit, k + 9), false);
    if (!np || toks.slice(k + 1, np.from).some((t) => !/^(DET|ADJ|NUM|ADP|CCONJ)$/.test(t.pos) && !QUOTE_MARKS.has(t.lower) && !/^(its|their|his|her|our|my|your)$/.test(t.lower))) continue;
    const object = extendOf(view, np, limit);
    if (out.some((o) => o.span.from <= object.from && object.from < o.span.to + 3)) continue;
    const seed = mentions.find((m) => m.from >= object.from && m.from < object.to + 2);
    if (seed && limitedMentions.has(seed.from)) continue;
    const issue = seed ? seed.issue : issueFromPhrase(toks.slice(object.from, object.to));
    if (!issue) continue;
    const cond = conditions.find((c) => inside(c.commitment, k));
    const stance: Stance = cond && !cond.ultimatum ? 'conditional' : committed === 'negated' ? 'oppose' : 'offer';
    const floor = reporting.clauseStart > k ? 0 : reporting.clauseStart;
    out.push({ issue, stance, subject: cond?.subject ?? subjectOf(view, k, floor), span: { from: k, to: object.to }, cue: toks[k].lemma, how: reading('committed', { cueKind: 'committed', negated: committed === 'negated', condition: cond !== undefined, distance: object.from - k - 1 }) });
  }
  // "Russia would face further sanctions": who faces a measure is its target, not its holder;
  // the stance is whoever says so (the reporter or the quote's speaker).
  // "…and warned that Russia would face sanctions": whoever governs the "that" clause.
  for (const o of out) {
    if (!o.subject || !facesAfter(toks, o.subject.to)) continue;
    const that = o.subject.from - 1;
    const governor = toks[that]?.lower === 'that' && toks[that - 1]?.pos === 'VERB' ? subjectOf(view, that - 1, 0) : null;
    o.subject = governor && !inside(governor, o.subject.from) ? governor : null;
  }
  return out;
}
