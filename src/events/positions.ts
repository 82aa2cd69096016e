// Positions: for each actor and each issue under negotiation, the stance (support, oppose,
// demand, offer, conditional) with its evidence. Issues come from a seed vocabulary
// (data/events/issues.json) and grow from what stance words take as objects in the text.
import type { Doc } from '../text/doc.js';
import type { ArticleEntities, PositionAnnotation, QuoteAnnotation } from '../annotations.js';
import type { Stance } from '../types.js';
import { loadJson } from '../util/data.js';
import { NEGATORS, npAfter, npBefore, sentenceView, textOf, type Chunk, type SentenceView, type Tok } from './clause.js';
import { conditionsInSentence, type ConditionFound } from './conditions.js';
import { ActorResolver, reportingOf, type Reporting } from './speakers.js';

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
  for (const [value, list] of Object.entries(map)) for (const p of list) out.push({ words: p.toLowerCase().split(' '), value });
  return out.sort((a, b) => b.words.length - a.words.length);
}

let issueCache: Phrase[] | null = null;
let beforeCache: Phrase[] | null = null;
let afterCache: Phrase[] | null = null;
function issuePhrases(): Phrase[] {
  return (issueCache ??= phrases(loadJson<IssuesFile>('events/issues.json').issues));
}
function beforeCues(): Phrase[] {
  return (beforeCache ??= phrases(loadJson<StancesFile>('events/stances.json').before));
}
function afterCues(): Phrase[] {
  return (afterCache ??= phrases(loadJson<StancesFile>('events/stances.json').after));
}

function wordAt(t: Tok, w: string): boolean {
  return t.lower === w || t.lemma === w || (w.length > 3 && t.lower === w + 's') || (w.endsWith('s') && t.lower === w.slice(0, -1));
}

function matchAt(toks: Tok[], k: number, words: string[]): boolean {
  if (k + words.length > toks.length) return false;
  for (let m = 0; m < words.length; m++) if (!wordAt(toks[k + m], words[m])) return false;
  return true;
}

export interface IssueMention {
  issue: string;
  from: number;
  to: number;
}

/** Issue mentions of the seed vocabulary in a sentence (longest match, no overlaps). */
export function issuesIn(view: SentenceView): IssueMention[] {
  const toks = view.tokens;
  const out: IssueMention[] = [];
  for (let k = 0; k < toks.length; k++) {
    for (const p of issuePhrases()) {
      if (matchAt(toks, k, p.words)) {
        out.push({ issue: p.value, from: k, to: k + p.words.length });
        k += p.words.length - 1;
        break;
      }
    }
  }
  return out;
}

const STRONG_GROWTH = new Set(['demand', 'call for', 'insist on', 'reject', 'rule out', 'oppose', 'propose', 'offer', 'support', 'back', 'endorse', 'refuse', 'push for', 'press for', 'seek', 'accept']);
const GENERIC_HEADS = new Set(['proposal', 'plan', 'idea', 'move', 'decision', 'statement', 'step', 'offer', 'call', 'request', 'demand', 'initiative', 'effort', 'efforts', 'position', 'approach', 'suggestion', 'issue', 'matter', 'question', 'thing', 'way', 'something', 'anything', 'talk', 'report', 'reports', 'claim', 'claims', 'one', 'kind', 'part', 'view', 'side', 'sides', 'point', 'time', 'terms', 'deal', 'agreement', 'document', 'text', 'draft', 'measure', 'measures', 'action', 'option', 'options', 'version', 'stance', 'notion', 'people', 'country', 'government']);

interface Cue {
  stance: Stance;
  from: number;
  to: number;
  words: string;
}

const CLAUSE_STOP = new Set([';', ':', '—', '–']);

/** The stance cue governing an issue mention: the nearest cue before it in its clause. */
function cueBefore(toks: Tok[], issue: IssueMention, floor: number): Cue | null {
  for (let end = issue.from; end > Math.max(floor, issue.from - 12); end--) {
    const t = toks[end - 1];
    if (CLAUSE_STOP.has(t.lower)) return null;
    // Another clause's verb between cue and issue is fine ("ready to sign a ceasefire"); a new
    // subject after a comma is not.
    for (const p of beforeCues()) {
      const start = end - p.words.length;
      if (start < floor) continue;
      if (matchAt(toks, start, p.words)) {
        // "no" only as a determiner right before the issue ("no ceasefire").
        if (p.words.length === 1 && p.words[0] === 'no' && end !== issue.from && !(end + 1 === issue.from && /^(new|further|more|real|lasting|full)$/.test(toks[end].lower))) continue;
        if (p.words.join(' ') === 'against' && toks[start - 1]?.lower === 'war') continue;
        return { stance: p.value as Stance, from: start, to: end, words: p.words.join(' ') };
      }
    }
  }
  return null;
}

function cueAfter(toks: Tok[], issue: IssueMention, limit: number): Cue | null {
  for (let k = issue.to; k < Math.min(limit, issue.to + 6); k++) {
    if (CLAUSE_STOP.has(toks[k].lower) || toks[k].lower === ',') return null;
    for (const p of afterCues()) {
      if (matchAt(toks, k, p.words)) return { stance: p.value as Stance, from: k, to: k + p.words.length, words: p.words.join(' ') };
    }
  }
  return null;
}

function negatedBefore(toks: Tok[], at: number, floor: number): boolean {
  for (let k = at - 1; k >= Math.max(floor, at - 4); k--) {
    const t = toks[k];
    if (NEGATORS.has(t.lower) && t.lower !== 'no') return true;
    if (t.lower === 'longer' && toks[k - 1]?.lower === 'no') return true;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.lower === ',') return false;
  }
  return false;
}

/** The subject of the clause around a cue: the noun phrase before the cue's verb group. */
function subjectOf(view: SentenceView, cueFrom: number, floor: number): Chunk | null {
  const toks = view.tokens;
  let k = cueFrom;
  // Walk left over the verb group ("would be ready to", "has repeatedly", "was prepared to").
  while (k > floor && /^(VERB|AUX|ADV|PART|ADJ)$/.test(toks[k - 1].pos) && !(toks[k - 1].pos === 'ADJ' && /^[A-Z]/.test(toks[k - 1].text)) && !/^(to)$/.test(toks[k - 1].lower)) k--;
  if (k > floor && toks[k - 1].lower === 'to') {
    // "…urged Moscow to release…" — the cue is the complement; the subject is further left.
    while (k > floor && toks[k - 1].pos !== 'VERB') k--;
    k = Math.max(floor, k - 1);
  }
  return npBefore(view, k, floor) ?? npBefore(view, cueFrom, floor);
}

function inside(c: Chunk, k: number): boolean {
  return c.from <= k && k < c.to;
}

export interface PositionFound extends PositionAnnotation {
  /** Cue words, for inspection. */
  cue: string;
}

/** Positions of one article. */
export function findPositions(doc: Doc, entities: ArticleEntities, quotes: QuoteAnnotation[]): PositionFound[] {
  const out: PositionFound[] = [];
  const resolver = new ActorResolver(doc, entities, quotes);
  const members = new Map(entities.entities.filter((e) => e.members && e.members.length).map((e) => [e.key, e.members!]));
  for (let s = 0; s < doc.sentences.length; s++) {
    const view = sentenceView(doc, s);
    const reporting = reportingOf(view);
    const conditions = conditionsInSentence(view, reporting);
    for (const p of positionsInSentence(view, reporting, conditions)) {
      const actor = resolver.resolve(view, p.subject, reporting);
      if (!actor) continue;
      const toks = view.tokens;
      const key = `${actor.key}|${p.issue}|${p.stance}`;
      if (out.some((o) => `${o.actor}|${o.issue}|${o.stance}` === key && o.start >= view.start && o.end <= view.end)) continue;
      const found: PositionFound = {
        actor: actor.key,
        issue: p.issue,
        stance: p.stance,
        start: toks[p.span.from].start,
        end: toks[p.span.to - 1].end,
        attributedBy: actor.attributedBy,
        cue: p.cue,
      };
      const m = members.get(actor.key);
      if (m) found.members = m;
      out.push(found);
    }
  }
  return out;
}

export interface SentencePosition {
  issue: string;
  stance: Stance;
  subject: Chunk | null;
  span: Chunk;
  cue: string;
}

/** Stances taken in one sentence (rule unit; tokens only). */
export function positionsInSentence(view: SentenceView, reporting: Reporting = reportingOf(view), conditions: ConditionFound[] = conditionsInSentence(view, reporting)): SentencePosition[] {
  const toks = view.tokens;
  const floor = 0;
  const limit = reporting.clauseEnd;
  const out: SentencePosition[] = [];
  const mentions = issuesIn(view).filter((m) => m.to <= limit);
  for (const m of mentions) {
    let cue = cueBefore(toks, m, Math.max(floor, reporting.clauseStart > m.from ? 0 : reporting.clauseStart));
    let subjectAnchor: number | null = cue ? cue.from : null;
    if (!cue) {
      cue = cueAfter(toks, m, limit);
      subjectAnchor = null;
    }
    let stance: Stance | null = cue ? cue.stance : null;
    if (cue && stance && cue.words !== 'no' && negatedBefore(toks, cue.from, floor)) {
      stance = stance === 'support' || stance === 'offer' ? 'oppose' : stance === 'oppose' ? 'support' : null;
    }
    // A conditional commitment around the issue.
    const cond = conditions.find((c) => inside(c.commitment, m.from) || inside(c.condition, m.from));
    let subject: Chunk | null = null;
    if (cond) {
      if (inside(cond.commitment, m.from) && !cond.ultimatum && (stance === null || stance === 'support' || stance === 'offer')) stance = 'conditional';
      else if (inside(cond.condition, m.from) && (stance === null || (cond.shape === 'not-without' && stance !== 'oppose'))) stance = 'demand';
      else if (cond.ultimatum && inside(cond.condition, m.from) && stance === null) stance = 'demand';
      subject = cond.subject;
    }
    if (!stance) continue;
    if (subjectAnchor !== null) {
      const sub = subjectOf(view, subjectAnchor, cond ? Math.min(cond.commitment.from, cond.condition.from, subjectAnchor) : reporting.clauseStart > subjectAnchor ? 0 : reporting.clauseStart);
      if (sub && !(cond && stance === 'demand' && inside(cond.condition, m.from))) subject = sub;
    }
    if (subject && inside(subject, m.from)) subject = null;
    const from = Math.min(m.from, cue ? cue.from : m.from, cond ? Math.min(cond.commitment.from, cond.condition.from) : m.from);
    const to = Math.max(m.to, cue ? cue.to : m.to);
    out.push({ issue: m.issue, stance, subject, span: { from, to }, cue: cue?.words ?? cond?.shape ?? '' });
  }
  // Grow the vocabulary: what a strong stance verb takes as its object when no seed issue is there.
  for (let k = 0; k < limit; k++) {
    for (const p of beforeCues()) {
      if (!STRONG_GROWTH.has(p.words.join(' ')) || !matchAt(toks, k, p.words)) continue;
      if (toks[k].pos !== 'VERB' && toks[k].pos !== 'NOUN') continue;
      const objFrom = k + p.words.length;
      if (mentions.some((m) => m.from >= objFrom && m.from < objFrom + 6)) continue;
      const np = npAfter(view, objFrom, Math.min(limit, objFrom + 8), false);
      if (!np || np.from > objFrom + 3) continue;
      const words = toks.slice(np.from, np.to).filter((t) => t.pos !== 'DET' && t.pos !== 'PRON' && t.lower !== "'s");
      if (words.length === 0 || words.length > 5 || !words.some((t) => t.pos === 'NOUN')) continue;
      const head = words[words.length - 1];
      if (GENERIC_HEADS.has(head.lemma) || GENERIC_HEADS.has(head.lower) || words.every((t) => t.pos === 'PROPN')) continue;
      let stance: Stance = p.value as Stance;
      if (negatedBefore(toks, k, 0)) {
        if (stance === 'support' || stance === 'offer') stance = 'oppose';
        else continue;
      }
      const issue = words.map((t) => (t === head ? t.lemma : t.lower)).join(' ');
      out.push({ issue, stance, subject: subjectOf(view, k, reporting.clauseStart > k ? 0 : reporting.clauseStart), span: { from: k, to: np.to }, cue: p.words.join(' ') });
      break;
    }
  }
  void textOf;
  return out;
}
