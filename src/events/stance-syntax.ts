// Stances read from the dependency tree (src/syntax): for each clause whose predicate is a stance
// word of data/events/stances.json, the actor is its subject (or a passive verb's agent, or whoever
// asks for the act), the issue its object or complement, normalised to a short noun phrase, and the
// stance the predicate's, turned round by negation, negating frames ("refused to"), limitation
// ("wants to cap X" opposes X), rejection as not enough (a demand) and requests ("urged X to…").
// These are candidates: the position confidence model (src/events/confidence.ts) decides which
// the brief shows.
import type { Doc } from '../text/doc.js';
import type { Stance } from '../types.js';
import { loadJson } from '../util/data.js';
import { childrenOf, headOf, isPassive, labelOf, objectsOf, parseSentence, agentOf } from '../syntax/index.js';
import type { Chunk, SentenceView } from './clause.js';
import type { ConditionFound } from './conditions.js';
import type { Reporting } from './speakers.js';
import { insufficientAfter, undoneAfter } from './polarity.js';

type CueStance = Stance | 'concede' | 'limit';

interface Cue {
  stance: CueStance;
  /** The phrase as the lexicon writes it, for inspection and features. */
  phrase: string;
  particle?: string;
  prep?: string;
}

interface StancesFile {
  before: Record<string, string[]>;
  limitation: string[];
  nounCues?: string[];
  explicit?: string[];
  relinquish?: string[];
  requestedBacking?: string[];
  noParty?: string[];
  syntax?: {
    verbs?: Record<string, string[]>;
    negatingFrames?: string[];
    offerFrames?: string[];
    requestFrames?: string[];
    desireFrames?: string[];
    lightVerbs?: string[];
    actions?: string[];
    quantityHeads?: string[];
    fillers?: string[];
    genericHeads?: string[];
    notIssueHeads?: string[];
  };
}

interface Lexicon {
  /** Head lemma → cues that start with it. */
  cues: Map<string, Cue[]>;
  nounCues: Set<string>;
  explicit: Set<string>;
  relinquish: Set<string>;
  negating: Set<string>;
  offering: Set<string>;
  requesting: Set<string>;
  desiring: Set<string>;
  light: Set<string>;
  actions: Set<string>;
  quantity: Set<string>;
  fillers: Set<string>;
  generic: Set<string>;
  notIssue: Set<string>;
  nominal: Map<string, string>;
  /** Acts of backing: asked of another party, the requester supports the thing. */
  backing: Set<string>;
  /** Negative quantifiers: no party. */
  noParty: Set<string>;
  limitationAsIssue: Map<string, string>;
}

const PREPOSITIONS = new Set(['to', 'for', 'on', 'of', 'against', 'from', 'with', 'at', 'over', 'about', 'upon', 'into']);
const PARTICLES = new Set(['out', 'down', 'up', 'off', 'back', 'away', 'forward', 'ahead', 'in']);

let lexCache: Lexicon | null = null;
export function syntaxLexicon(): Lexicon {
  if (lexCache) return lexCache;
  const f = loadJson<StancesFile & { limitationAsIssue?: Record<string, string> }>('events/stances.json');
  const sx = f.syntax ?? {};
  const cues = new Map<string, Cue[]>();
  const add = (head: string, cue: Cue) => {
    const list = cues.get(head) ?? [];
    if (!list.some((c) => c.phrase === cue.phrase && c.stance === cue.stance)) list.push(cue);
    cues.set(head, list);
  };
  const read = (stance: CueStance, phrase: string) => {
    const w = phrase.toLowerCase().split(' ');
    if (w.length === 1) {
      if (w[0] === 'no' || w[0] === 'against') return;
      add(w[0], { stance, phrase });
    } else if (w.length === 2 && PREPOSITIONS.has(w[1])) add(w[0], { stance, phrase, prep: w[1] });
    else if (w.length === 2 && PARTICLES.has(w[1])) add(w[0], { stance, phrase, particle: w[1] });
    else if (w.length === 3 && PARTICLES.has(w[1]) && PREPOSITIONS.has(w[2])) add(w[0], { stance, phrase, particle: w[1], prep: w[2] });
  };
  for (const [stance, list] of Object.entries(f.before)) for (const p of list) read(stance as CueStance, p);
  for (const [stance, list] of Object.entries(sx.verbs ?? {})) for (const p of list) read(stance as CueStance, p);
  for (const p of f.limitation) read('limit', p);
  const nominal = new Map(Object.entries(loadJson<{ nouns: Record<string, string> }>('events/nominalisations.json').nouns));
  lexCache = {
    cues,
    nounCues: new Set((f.nounCues ?? []).map((c) => c.split(' ')[0])),
    explicit: new Set(f.explicit ?? []),
    relinquish: new Set(f.relinquish ?? []),
    negating: new Set(sx.negatingFrames ?? []),
    offering: new Set(sx.offerFrames ?? []),
    requesting: new Set(sx.requestFrames ?? []),
    desiring: new Set(sx.desireFrames ?? []),
    light: new Set(sx.lightVerbs ?? []),
    actions: new Set(sx.actions ?? []),
    quantity: new Set(sx.quantityHeads ?? []),
    fillers: new Set(sx.fillers ?? []),
    generic: new Set(sx.genericHeads ?? []),
    notIssue: new Set(sx.notIssueHeads ?? []),
    nominal,
    backing: new Set(f.requestedBacking ?? []),
    noParty: new Set(f.noParty ?? []),
    limitationAsIssue: new Map(Object.entries(f.limitationAsIssue ?? {})),
  };
  return lexCache;
}

/** How a stance was read from the tree: features of the confidence model. */
export interface SyntaxReading {
  /** The cue phrase as the lexicon writes it ("reject", "call for", "rule out"). */
  cue: string;
  /** The cue's own stance before polarity. */
  cueStance: CueStance;
  /** Part of speech of the cue word. */
  cueKind: 'verb' | 'adj' | 'noun';
  /** What frames the cue: a request, an offer or commitment, a wish, or nothing. */
  frame: 'plain' | 'offer' | 'request' | 'desire' | 'modal' | 'cue';
  /** How the issue was found: the object, a prepositional complement, a verb complement, a
   * passive subject, a noun cue's complement. */
  object: 'obj' | 'prep' | 'action' | 'passive' | 'nmod' | 'recipient';
  /** How the actor was found: the subject, a passive agent, the possessor of a noun cue, the
   * subject of a light verb, the requester. */
  actorBy: 'subject' | 'agent' | 'possessor' | 'light' | 'requester';
  /** Negations that turned the stance round (0, 1 or 2: "did not rule out"). */
  negations: number;
  /** A past-tense cue with no modal or frame: a reported act rather than a stated stance. */
  past: boolean;
  /** A modal on the cue or its frame ("will", "would"). */
  modal: boolean;
  insufficient: boolean;
  /** The issue phrase: words, whether it has a proper noun, whether the head is a proper noun. */
  issueWords: number;
  issueProper: boolean;
  issueHeadProper: boolean;
  /** The issue was named through a nominalised verb ("troop withdrawal"). */
  nominalised: boolean;
  /** Conjunct of a coordinated object ("rejected the plan and the timetable"). */
  conjunct: boolean;
}

export interface SyntaxPosition {
  issue: string;
  stance: Stance;
  subject: Chunk | null;
  span: Chunk;
  cue: string;
  syntax: SyntaxReading;
}

/** What carries an offer rather than being the thing offered: rejected as too little, it names no demand. */
const VEHICLES = new Set(['letter', 'offer', 'proposal', 'plan', 'package', 'gesture', 'concession', 'step', 'measure', 'bonus', 'deal', 'text', 'draft', 'statement', 'pledge', 'promise', 'assurance', 'version']);
/** Heads that name the instrument under negotiation: "the treaty" is resolved to its name. */
const INSTRUMENTS = new Set(['treaty', 'agreement', 'accord', 'pact', 'deal', 'framework', 'protocol', 'convention', 'charter']);
const TIME_HEADS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight|tomorrow|week|weekend|month|year|day|morning|afternoon|evening|night|winter|summer|spring|autumn|fall|season|hour|minute|time|decade|century)$/;

/** Cues of leaving: a stance only on a process ("withdrew from the talks"). */
const LEAVING = new Set(['withdraw from', 'pull out of', 'walk away from', 'drop out of', 'back out of']);
const PROCESS_NOUNS = /^(talk|talks|treaty|agreement|deal|negotiation|process|accord|coalition|government|race|pact|programme|program|contest|election|summit|meeting|organisation|organization|alliance|union|bloc|body|court|convention|framework|protocol|scheme|arrangement|plan|initiative|mission|partnership|league|competition|tournament|campaign|project|contract|bid)$/;

const MODAL = new Set(['will', 'would', "'ll", 'shall', 'could', 'can', 'wo', 'ca', 'may', 'might']);
const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'cannot']);
const PAST_AUX = new Set(['did', 'had', 'was', 'were']);

/** Stances in sentence `s` of the Doc read from its dependency tree. `view` is the sentence's
 * token view (indices relative to the sentence). */
/** How the tree reads a conditional commitment whose commitment and condition are the Doc token
 * ranges given: the commitment's verb, whether the condition clause hangs on it, whether the
 * actor phrase (Doc tokens) holds that verb's subject, and whether the verb is a stance word or an
 * act with a name of its own ("sign", "fund", "deploy"). */
export function conditionReading(doc: Doc, commitment: { from: number; to: number }, condition: { from: number; to: number }, actor: { from: number; to: number } | null): { verb: number; attached: boolean; subjectIsActor: boolean; stanceVerb: boolean } {
  const lex = syntaxLexicon();
  const toks = doc.tokens;
  parseSentence(doc, toks[commitment.from].sentence);
  let verb = -1;
  for (let k = commitment.from; k < commitment.to; k++) {
    if (toks[k].pos !== 'VERB') continue;
    const h = headOf(doc, k);
    if (verb < 0 || h < commitment.from || h >= commitment.to) {
      verb = k;
      if (h < commitment.from || h >= commitment.to) break;
    }
  }
  if (verb < 0) return { verb, attached: false, subjectIsActor: false, stanceVerb: false };
  let attached = false;
  for (let k = condition.from; k < condition.to && !attached; k++) {
    let h = k;
    for (let hop = 0; hop < 6 && h >= 0; hop++) {
      const up = headOf(doc, h);
      if (up === verb) {
        attached = true;
        break;
      }
      if (up < condition.from || up >= condition.to) break;
      h = up;
    }
  }
  const subj = subjectToken(doc, verb);
  const lemma = toks[verb].lemma.toLowerCase();
  return {
    verb,
    attached,
    subjectIsActor: actor !== null && subj >= actor.from && subj < actor.to,
    stanceVerb: lex.cues.has(lemma) || lex.nominal.has(lemma),
  };
}

export function syntaxPositionsInSentence(doc: Doc, s: number, view: SentenceView, reporting: Reporting, conditions: ConditionFound[]): SyntaxPosition[] {
  const lex = syntaxLexicon();
  const parse = parseSentence(doc, s);
  const first = parse.firstToken;
  const end = parse.endToken;
  const toks = doc.tokens;
  const out: SyntaxPosition[] = [];
  if (view.tokens.some((t) => t.lower === '?')) return out;
  const lower = (i: number) => toks[i].text.toLowerCase();
  const lemma = (i: number) => toks[i].lemma.toLowerCase();
  const rel = (i: number) => i - first;
  const inSentence = (i: number) => i >= first && i < end;

  for (let c = first; c < end; c++) {
    const t = toks[c];
    // "We are against a treaty that…": a copular clause whose predicate is introduced by "against".
    if ((t.pos === 'NOUN' || t.pos === 'PROPN') && childrenOf(doc, c, ['case']).some((k) => lower(k) === 'against') && childrenOf(doc, c, ['cop']).length > 0 && childrenOf(doc, c, ['nsubj']).length > 0) {
      const r = finish(doc, { cue: { stance: 'oppose', phrase: 'against' }, cueToken: c, issueHead: c, object: 'prep', conjunct: false, cueKind: 'adj' }, view, reporting, conditions, lex, first);
      if (r) out.push(r);
      continue;
    }
    const cueList = lex.cues.get(lemma(c)) ?? lex.cues.get(lower(c));
    const isNoun = t.pos === 'NOUN';
    const isVerb = t.pos === 'VERB';
    const isAdj = t.pos === 'ADJ';
    if (!cueList && !(isVerb && lex.nominal.has(lemma(c)))) continue;
    // A participle before its noun ("the proposed tax", "frozen assets") is no predicate.
    if ((isVerb || isAdj) && labelOf(doc, c) === 'amod') continue;
    let read = false;
    for (const cue of cueList ?? []) {
      if (isNoun && !lex.nounCues.has(cue.phrase.split(' ')[0]) && !lex.nounCues.has(lemma(c))) continue;
      if (!isNoun && !isVerb && !isAdj) continue;
      // Particle: "rule out", "turn down".
      if (cue.particle) {
        const prt = childrenOf(doc, c, ['compound:prt']).some((k) => lower(k) === cue.particle) || (inSentence(c + 1) && lower(c + 1) === cue.particle);
        if (!prt) continue;
      } else if (childrenOf(doc, c, ['compound:prt']).length > 0 && (lex.cues.get(lemma(c)) ?? []).some((x) => x.particle)) {
        // "give up" is read by its particle entry, not as "give".
        continue;
      }
      // "withdraw from the talks" leaves a process (opposes it); "withdraw from Dorn" is a
      // troop withdrawal, read as an act below.
      const found = readCue(doc, c, cue, false, lex, first, end).filter((f) => !LEAVING.has(cue.phrase) || PROCESS_NOUNS.test(toks[f.issueHead].lemma.toLowerCase()));
      for (const f of found) {
        read = true;
        const r = finish(doc, f, view, reporting, conditions, lex, first);
        if (r) out.push(r);
      }
    }
    // An act with a noun of its own ("withdraw", "fund", "release"): a position when offered,
    // asked for, refused or framed by a stance word (see finish).
    if (!read && isVerb && lex.nominal.has(lemma(c)) && labelOf(doc, c) !== 'amod') {
      for (const f of readCue(doc, c, { stance: 'offer', phrase: lemma(c) }, true, lex, first, end)) {
        const r = finish(doc, f, view, reporting, conditions, lex, first, true);
        if (r) out.push(r);
      }
    }
  }
  // One reading per cue token and issue: the longest cue phrase wins ("call for" over "call").
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.span.from}|${p.issue}|${p.subject?.from ?? -1}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Found {
  cue: Cue;
  cueToken: number;
  /** The issue head (Doc index), or for an action, the verb. */
  issueHead: number;
  object: SyntaxReading['object'];
  conjunct: boolean;
  cueKind: SyntaxReading['cueKind'];
}

/** The issue heads a cue at `c` governs. */
function readCue(doc: Doc, c: number, cue: Cue, action: boolean, lex: Lexicon, first: number, end: number): Found[] {
  const toks = doc.tokens;
  const out: Found[] = [];
  const kind: SyntaxReading['cueKind'] = toks[c].pos === 'NOUN' ? 'noun' : toks[c].pos === 'ADJ' ? 'adj' : 'verb';
  const push = (heads: number[], object: SyntaxReading['object']) => heads.forEach((h, k) => out.push({ cue, cueToken: c, issueHead: h, object, conjunct: k > 0, cueKind: kind }));
  // A conjunct with a preposition of its own is another phrase ("to X, on Y, under Z"); a noun
  // with an object of its own is a verb the tagger missed.
  const ownCase = (x: number) => childrenOf(doc, x, ['case']).map((k) => toks[k].text.toLowerCase());
  const withConj = (h: number) => [h, ...childrenOf(doc, h, ['conj']).filter((x) => (toks[x].pos === toks[h].pos || /^(NOUN|PROPN)$/.test(toks[x].pos)) && ownCase(x).every((cs) => ownCase(h).includes(cs)))].filter((x) => childrenOf(doc, x, ['obj']).length === 0);
  const caseOf = (n: number) => childrenOf(doc, n, ['case', 'mark']).map((k) => toks[k].text.toLowerCase());
  if (action) {
    // An act the actor commits to or is asked for: the verb itself names the issue.
    push([c], 'action');
    return out;
  }
  // "urged parliament to reject…", "called on parliament to reject…": the object of a request
  // is the party addressed, not the issue; the complement is read with the request as its frame.
  const toClause = (a: number) => childrenOf(doc, a, ['mark']).some((m) => toks[m].text.toLowerCase() === 'to');
  // (The tree may hang "to reject…" on the party addressed: "urged [the deputies to ratify…]".)
  if (kind === 'verb' && lex.requesting.has(toks[c].lemma.toLowerCase()) && (childrenOf(doc, c, ['xcomp', 'ccomp']).length > 0 || childrenOf(doc, c, ['advcl']).some(toClause) || childrenOf(doc, c, ['obj']).some((o) => childrenOf(doc, o, ['acl']).some(toClause)))) return out;
  if (cue.prep) {
    const labels = kind === 'noun' ? ['nmod'] : ['obl', 'obj', 'nmod', 'obl:arg'];
    for (const n of childrenOf(doc, c, labels)) {
      const cases = caseOf(n);
      if (!cases.includes(cue.prep)) continue;
      // A verb complement ("agreed to withdraw", "committed to holding talks") is read from the
      // verb, with this cue as its frame.
      if (toks[n].pos !== 'VERB') push(withConj(n), 'prep');
      break;
    }
    // "the demand that we cannot meet": the tree may hang the complement off a neighbour; nothing then.
    return out;
  }
  if (kind === 'noun') {
    // A noun cue without its preposition in the lexicon: "a demand for", "an offer of", "a call to".
    for (const n of childrenOf(doc, c, ['nmod'])) {
      const cases = caseOf(n);
      if (!cases.some((x) => /^(for|of|on|to)$/.test(x))) continue;
      if (toks[n].pos !== 'VERB') push(withConj(n), 'nmod');
      return out;
    }
    // "made Olsen an offer": the offer is for the one it is made to.
    const light = headOf(doc, c);
    if (labelOf(doc, c) === 'obj' && light >= 0 && lex.light.has(toks[light].lemma.toLowerCase())) {
      const to = childrenOf(doc, light, ['iobj']).find((r) => toks[r].pos === 'PROPN');
      if (to !== undefined) push([to], 'recipient');
    }
    return out;
  }
  if (kind === 'verb' && isPassive(doc, c)) {
    // "The offer was rejected by the elders": the passive subject is the issue.
    const subj = childrenOf(doc, c, ['nsubj:pass']);
    if (subj.length) push(withConj(subj[0]), 'passive');
    return out;
  }
  const objs = objectsOf(doc, c).filter((o) => labelOf(doc, o) !== 'iobj');
  if (objs.length) push(objs, 'obj');
  else push(objectsOf(doc, c), 'obj');
  // A verb complement ("agreed to sign", "offered to pay") is read from the verb, with this cue
  // as its frame.
  void lex;
  void first;
  void end;
  return out;
}

/** The chain of frames above a cue: negating, offering, requesting or desiring verbs it is the
 * complement of ("refused to accept", "agreed to limit", "urged X to reject", "wants to cap"), or a
 * stance word whose complement it is ("supports releasing the funds", "ruled out sending troops"). */
interface Frames {
  negations: number;
  frame: SyntaxReading['frame'];
  /** For the 'cue' frame: the stance word's stance. */
  frameStance: CueStance | null;
  frameCue: string | null;
  /** A negating frame stands above the cue ("refused to discuss"). */
  negatingFrame: boolean;
  requester: number;
  modal: boolean;
  /** The topmost predicate of the chain (whose subject is the actor when no requester). */
  top: number;
}

function framesOf(doc: Doc, c: number, lex: Lexicon): Frames {
  const toks = doc.tokens;
  const lower = (i: number) => toks[i].text.toLowerCase();
  let negations = negatedHere(doc, c) ? 1 : 0;
  let frame: SyntaxReading['frame'] = 'plain';
  let frameStance: CueStance | null = null;
  let frameCue: string | null = null;
  let requester = -1;
  let negatingFrame = false;
  let modal = hasModal(doc, c);
  let h = c;
  for (let hop = 0; hop < 4; hop++) {
    const label = labelOf(doc, h);
    const up = headOf(doc, h);
    if (up < 0) break;
    // "refused to accept", "agreed to limit", "the refusal to discuss", "committed to holding".
    const complement = label === 'xcomp' || (label === 'acl' && toks[up].pos === 'NOUN') || (/^(advcl|obl|nmod)$/.test(label) && childrenOf(doc, h, ['mark', 'case']).some((m) => lower(m) === 'to'));
    if (!complement) break;
    // "urged [the deputies to ratify…]": the clause hangs on the party addressed, which is the
    // object of the request.
    const asker = headOf(doc, up);
    if (label === 'acl' && labelOf(doc, up) === 'obj' && asker >= 0 && (lex.requesting.has(toks[asker].lemma.toLowerCase()) || lex.requesting.has(lower(asker)))) {
      if (negatedHere(doc, asker)) negations++;
      if (hasModal(doc, asker)) modal = true;
      frame = 'request';
      requester = asker;
      h = asker;
      break;
    }
    const g = up;
    const gl = toks[g].lemma.toLowerCase();
    const has = (set: Set<string>) => set.has(gl) || set.has(lower(g));
    if (negatedHere(doc, g)) negations++;
    if (hasModal(doc, g)) modal = true;
    h = g;
    if (has(lex.negating)) {
      negations++;
      negatingFrame = true;
      continue;
    }
    // "urged parliament to…", "called on the departments to…".
    const addressed = childrenOf(doc, g, ['obj', 'iobj']).length > 0 || childrenOf(doc, g, ['obl']).some((o) => childrenOf(doc, o, ['case']).some((k) => /^(on|upon)$/.test(lower(k))));
    if (has(lex.requesting) && addressed) {
      frame = 'request';
      requester = g;
      break;
    }
    if (has(lex.offering)) {
      frame = 'offer';
      continue;
    }
    if (has(lex.desiring)) {
      if (frame === 'plain') frame = 'desire';
      continue;
    }
    const cue = (lex.cues.get(gl) ?? lex.cues.get(lower(g)) ?? []).find((x) => !x.particle || childrenOf(doc, g, ['compound:prt']).some((k) => lower(k) === x.particle));
    if (cue && cue.stance !== 'limit' && cue.stance !== 'conditional' && frame === 'plain') {
      frame = 'cue';
      frameStance = cue.stance;
      frameCue = cue.phrase;
    }
    break;
  }
  if (frame === 'plain' && modal) frame = 'modal';
  return { negations, frame, frameStance, frameCue, negatingFrame, requester, modal, top: h };
}

function negatedHere(doc: Doc, v: number): boolean {
  const toks = doc.tokens;
  for (const k of childrenOf(doc, v, ['advmod', 'aux', 'aux:pass', 'cop', 'det', 'cc:preconj'])) {
    const w = toks[k].text.toLowerCase();
    if (NEGATORS.has(w)) return true;
    // "no objection to", "no longer resisting".
    if (w === 'no' && (labelOf(doc, k) === 'det' || toks[k + 1]?.text.toLowerCase() === 'longer')) return true;
    if (w === 'longer' && toks[k - 1]?.text.toLowerCase() === 'no') return true;
  }
  return false;
}

function hasModal(doc: Doc, v: number): boolean {
  return childrenOf(doc, v, ['aux']).some((k) => MODAL.has(doc.tokens[k].text.toLowerCase()));
}

function isPast(doc: Doc, v: number): boolean {
  const t = doc.tokens[v];
  if (t.pos !== 'VERB') return false;
  const aux = childrenOf(doc, v, ['aux', 'aux:pass']).map((k) => doc.tokens[k].text.toLowerCase());
  if (aux.some((a) => MODAL.has(a) || a === 'to' || a === 'will')) return false;
  if (aux.some((a) => PAST_AUX.has(a))) return true;
  if (aux.some((a) => /^(has|have|is|are|am)$/.test(a))) return false;
  return t.text.toLowerCase() !== t.lemma.toLowerCase() && /(ed|ought|ew|ove|ole|ote|id|ent|ook|ung|ade)$/.test(t.text.toLowerCase()) && !/ing$/.test(t.text.toLowerCase());
}

/** Who holds the stance, the issue phrase and the stance after polarity, or null. */
function finish(doc: Doc, f: Found, view: SentenceView, reporting: Reporting, conditions: ConditionFound[], lex: Lexicon, first: number, action = false): SyntaxPosition | null {
  const toks = doc.tokens;
  const c = f.cueToken;
  const lower = (i: number) => toks[i].text.toLowerCase();
  const frames = framesOf(doc, c, lex);
  let negations = frames.negations;
  // ── issue ──
  let issue: string | null;
  let issueInfo: IssueInfo | null = null;
  let nominalised = false;
  let issueEnd = f.issueHead;
  if (f.object === 'action') {
    const a = actionIssue(doc, f.issueHead, lex);
    if (!a) return null;
    issue = a.text;
    issueInfo = a;
    nominalised = true;
    issueEnd = a.last;
    // Under a negation the action's own negation counts too: "agreed not to deploy".
    if (f.issueHead !== c && negatedHere(doc, f.issueHead)) negations++;
  } else {
    issueInfo = issuePhrase(doc, f.issueHead, lex);
    if (!issueInfo) return null;
    issue = issueInfo.text;
    issueEnd = issueInfo.last;
    if (undoneAfter(view.tokens, issueEnd - first + 1, view.tokens.length)) return null;
    // "offered Olsen a three-year deal": the deal is for the one it is offered to.
    const recipient = f.object === 'obj' ? childrenOf(doc, c, ['iobj']).find((r) => toks[r].pos === 'PROPN') : undefined;
    if (recipient !== undefined && f.cue.stance === 'offer') {
      const r = issuePhrase(doc, recipient, lex);
      if (r) issue = `${issue} for ${r.text}`;
    }
    if (f.object === 'recipient') issue = `${toks[c].lemma.toLowerCase()} for ${issue}`;
  }
  // ── stance ──
  let stance: Stance | null;
  let insufficient = false;
  const base = f.cue.stance;
  const odd = negations % 2 === 1;
  const frameStance = frames.frame === 'cue' ? frames.frameStance : null;
  if (base === 'limit') {
    // Whoever wants X limited opposes (more of) X; whoever refuses the limitation ("refused to
    // cap", "rejected capping") opposes the limitation itself. A limitation told as a past act is
    // narration: no stance.
    if (frames.frame === 'plain' && !odd && isPast(doc, c)) return null;
    stance = 'oppose';
    if (odd !== (frameStance === 'oppose')) {
      const key = f.cue.particle ? `${toks[c].lemma.toLowerCase()} ${f.cue.particle}` : toks[c].lemma.toLowerCase();
      issue = `${lex.limitationAsIssue.get(key) ?? 'limits on'} ${issue}`;
    }
  } else if (action) {
    // An act: offered or committed to (offer), asked for (demand), refused (oppose), backed or
    // opposed by the stance word it completes; a past act or a plain mention is no position.
    if (frames.frame === 'request') stance = odd ? 'oppose' : 'demand';
    else if (frames.frame === 'offer' || frames.frame === 'modal') stance = odd ? 'oppose' : 'offer';
    else if (frames.frame === 'desire') stance = odd ? null : 'demand';
    else if (frames.negatingFrame) stance = odd ? 'oppose' : null;
    else if (frames.frame === 'cue') {
      const b: Stance | null = frameStance === 'concede' ? 'offer' : frameStance === 'limit' || frameStance === 'conditional' ? null : frameStance;
      stance = odd ? flip(b) : b;
    } else stance = null;
  } else if (base === 'concede') {
    stance = odd ? 'demand' : 'offer';
  } else if (odd) {
    const relinquish = lex.relinquish.has(f.cue.phrase);
    stance = relinquish ? 'demand' : flip(base);
  } else {
    stance = base === 'conditional' ? null : base;
    // "rejected the offer as not enough": a demand for (more of) what was offered.
    if (base === 'oppose' && insufficientAfter(view.tokens, issueEnd - first + 1, view.tokens.length)) {
      // "dismissed the letter as not enough": what is demanded instead is not named here.
      if (VEHICLES.has(toks[f.issueHead].lemma.toLowerCase())) return null;
      stance = 'demand';
      insufficient = true;
    }
  }
  if (!stance) return null;
  // ── actor ──
  let actorToken = -1;
  let actorBy: SyntaxReading['actorBy'] = 'subject';
  if (frames.frame === 'request') {
    actorToken = holderOf(doc, frames.requester, lex);
    actorBy = 'requester';
    // The requested stance: asked to reject → oppose; asked to ratify or endorse → support
    // (requestedBacking); asked to do anything else → demand, as the rules read requests.
    if (!action && base !== 'limit') stance = stance === 'oppose' ? 'oppose' : stance === 'support' && lex.backing.has(f.cue.phrase) ? 'support' : 'demand';
  } else if (f.cueKind === 'noun') {
    actorToken = holderOf(doc, c, lex);
    actorBy = childrenOf(doc, c, ['nmod:poss']).length ? 'possessor' : 'light';
    // "raised no objection to": the light verb's negation.
    const light = headOf(doc, c);
    if (actorBy === 'light' && light >= 0 && negatedHere(doc, light)) {
      stance = flip(stance);
      negations++;
    }
  } else if (f.object === 'passive') {
    actorToken = agentOf(doc, c);
    actorBy = 'agent';
  } else if (frames.top !== c && toks[frames.top].pos === 'NOUN') {
    // "Norland's offer to pay", "the refusal to discuss": whoever holds the noun.
    actorToken = holderOf(doc, frames.top, lex);
    actorBy = childrenOf(doc, frames.top, ['nmod:poss']).length ? 'possessor' : 'light';
  } else {
    actorToken = subjectToken(doc, c);
  }
  if (!stance) return null;
  if (actorToken < 0) return null;
  // "Nobody backs the levy…": a negative quantifier holds no stance.
  if (lex.noParty.has(lower(actorToken))) return null;
  // The actor must not be the issue itself.
  if (issueInfo && issueInfo.tokens.includes(actorToken)) return null;
  // ── conditions ──
  const k = c - first;
  const cond = conditions.find((x) => (x.commitment.from <= k && k < x.commitment.to) || (x.condition.from <= k && k < x.condition.to));
  if (cond) {
    if (cond.condition.from <= k && k < cond.condition.to) return null;
    // "will not ratify the framework unless…", "would accept … if…": a conditional position;
    // "refused to suspend the strikes before…" states a refusal, not a commitment.
    if (!cond.ultimatum && stance !== 'demand' && (frames.modal || frames.frame === 'offer' || frames.frame === 'modal')) stance = 'conditional';
  }
  const subject = chunkOf(doc, actorToken, first);
  const from = Math.min(c, ...(issueInfo ? issueInfo.tokens : [f.issueHead])) - first;
  const to = Math.max(c, issueEnd) - first + 1;
  const issueTokens = issueInfo?.tokens ?? [];
  return {
    issue,
    stance,
    subject,
    span: { from, to },
    cue: f.cue.phrase,
    syntax: {
      cue: f.cue.phrase,
      cueStance: base,
      cueKind: f.cueKind,
      frame: frames.frame,
      object: f.object,
      actorBy,
      negations,
      past: frames.frame === 'plain' && isPast(doc, c),
      modal: frames.modal,
      insufficient,
      issueWords: issue.split(/\s+/).length,
      issueProper: issueTokens.some((i) => toks[i].pos === 'PROPN'),
      issueHeadProper: toks[f.issueHead].pos === 'PROPN',
      nominalised,
      conjunct: f.conjunct,
    },
  };
}

function flip(s: Stance | null): Stance | null {
  return s === 'support' || s === 'offer' ? 'oppose' : s === 'oppose' ? 'support' : null;
}

/** Who holds a stance noun: its possessor ("Kyiv's demand"), or the subject of the light verb
 * that carries it ("voiced support for", "made an offer"); a verb's subject otherwise. */
function holderOf(doc: Doc, p: number, lex: Lexicon): number {
  const toks = doc.tokens;
  if (toks[p].pos !== 'NOUN') return subjectToken(doc, p);
  const poss = childrenOf(doc, p, ['nmod:poss']);
  if (poss.length) return poss[0];
  const head = headOf(doc, p);
  if (labelOf(doc, p) === 'obj' && head >= 0 && lex.light.has(toks[head].lemma.toLowerCase())) return subjectToken(doc, head);
  return -1;
}

/** The subject of a predicate, through coordination and complements. */
export function subjectToken(doc: Doc, v: number): number {
  const toks = doc.tokens;
  for (let hop = 0, p = v; hop < 6 && p >= 0; hop++) {
    const own = childrenOf(doc, p, ['nsubj', 'nsubj:pass']);
    if (own.length) {
      const s = own[0];
      // "the envoy who rejected": the noun the relative clause modifies.
      if (/^(who|which|that|whom)$/.test(toks[s].text.toLowerCase())) {
        if (labelOf(doc, p) === 'acl:relcl') return headOf(doc, p);
        // The tree may hang the clause elsewhere: the name just before the pronoun
        // ("Sen. Ada Holm (D-Vt.), who has opposed…").
        let k = s - 1;
        const first = doc.sentences[toks[s].sentence].firstToken;
        let depth = 0;
        for (; k >= first; k--) {
          const w = toks[k].text;
          if (w === ')') depth++;
          else if (w === '(') depth--;
          else if (depth === 0 && w !== ',' && toks[k].pos !== 'PUNCT') break;
        }
        return k >= first && /^(PROPN|NOUN)$/.test(toks[k].pos) ? k : -1;
      }
      return s;
    }
    const label = labelOf(doc, p);
    if (label === 'conj' || label === 'xcomp') p = headOf(doc, p);
    else if (label === 'acl' || label === 'advcl') {
      // "…, saying it would…": the participle's subject is the main clause's.
      p = headOf(doc, p);
      if (p >= 0 && toks[p].pos === 'NOUN') return -1;
    } else return -1;
  }
  return -1;
}

const CHUNK_LABELS = ['compound', 'flat', 'flat:name', 'det', 'amod', 'nmod:poss', 'nummod', 'case', 'cc', 'conj', 'nmod', 'appos', 'fixed', 'goeswith', 'det:poss', 'punct'];

/** The phrase of an actor token, as a sentence-relative chunk. */
function chunkOf(doc: Doc, t: number, first: number): Chunk {
  const toks = doc.tokens;
  const keep = new Set([t]);
  const stack = [t];
  while (stack.length) {
    const x = stack.pop()!;
    for (const k of childrenOf(doc, x, CHUNK_LABELS)) {
      if (keep.has(k) || Math.abs(k - t) > 10) continue;
      // A title in quotation marks ("whose book, "Open Borders",") names a work, not a party.
      if (labelOf(doc, k) === 'appos' && childrenOf(doc, k, ['punct']).some((q) => /^["“”'‘’]$/.test(toks[q].text))) continue;
      keep.add(k);
      stack.push(k);
    }
  }
  let from = Math.min(...keep);
  let to = Math.max(...keep) + 1;
  while (from < t && toks[from].pos === 'PUNCT') from++;
  while (to - 1 > t && toks[to - 1].pos === 'PUNCT') to--;
  return { from: from - first, to: to - first };
}

interface IssueInfo {
  text: string;
  tokens: number[];
  last: number;
}

const ISSUE_LABELS = ['compound', 'amod', 'flat', 'flat:name', 'nmod:poss', 'nummod'];

/** The issue phrase headed by `h`: the head with its compounds, adjectives and one
 * prepositional complement, determiners and filler words dropped. Null for a pronoun, a clause,
 * a bare generic head ("the plan") or a head that names no issue. */
export function issuePhrase(doc: Doc, h: number, lex: Lexicon = syntaxLexicon(), depth = 0): IssueInfo | null {
  const toks = doc.tokens;
  const t = toks[h];
  if (!/^(NOUN|PROPN|NUM|ADJ|X)$/.test(t.pos)) return null;
  const lem = t.lemma.toLowerCase();
  // "the number of troops", "the use of decrees": a quantity's issue is what it measures.
  if (lex.quantity.has(lem)) {
    const of = childrenOf(doc, h, ['nmod']).find((n) => childrenOf(doc, n, ['case']).some((k) => toks[k].text.toLowerCase() === 'of'));
    return of !== undefined && depth < 2 ? issuePhrase(doc, of, lex, depth + 1) : null;
  }
  if (lex.notIssue.has(lem) || TIME_HEADS.test(lem) || TIME_HEADS.test(t.text.toLowerCase())) return null;
  // "the treaty", "this agreement": the instrument the article names (resolved by findPositions).
  if (INSTRUMENTS.has(lem) && depth === 0) {
    const mods = childrenOf(doc, h, [...ISSUE_LABELS, 'nmod']).filter((k) => toks[k].pos !== 'PRON' && toks[k].pos !== 'DET');
    const det = childrenOf(doc, h, ['det']).map((k) => toks[k].text.toLowerCase());
    if (mods.length === 0 && det.some((d) => /^(the|this|that)$/.test(d))) return { text: `the ${lem}`, tokens: [h], last: h };
  }
  const keep = new Set<number>([h]);
  const addMods = (x: number, d: number) => {
    for (const k of childrenOf(doc, x, ISSUE_LABELS)) {
      const w = toks[k].text.toLowerCase();
      if (toks[k].pos === 'PRON' || toks[k].pos === 'DET' || toks[k].pos === 'ADV' || toks[k].pos === 'ADP' || toks[k].pos === 'PART' || toks[k].pos === 'VERB' && labelOf(doc, k) !== 'amod' || lex.fillers.has(w)) continue;
      if ((toks[k].pos === 'NUM' && labelOf(doc, k) === 'nummod') || toks[k].pos === 'SYM' || !/\p{L}/u.test(toks[k].text)) continue;
      keep.add(k);
      // "'s" of a possessor.
      for (const cs of childrenOf(doc, k, ['case'])) if (/^['’]s?$/.test(toks[cs].text)) keep.add(cs);
      if (d < 2) addMods(k, d + 1);
    }
  };
  addMods(h, 0);
  let mods = [...keep].filter((k) => k !== h && toks[k].pos !== 'PART' && !/^['’]s?$/.test(toks[k].text));
  const generic = lex.generic.has(lem);
  // One prepositional complement: "release of prisoners", "cap on enrichment", "a contract for Olsen".
  const nmods = childrenOf(doc, h, ['nmod']).filter((n) => childrenOf(doc, n, ['case']).some((k) => /^(of|for|on|to|against|over|from|with|in)$/.test(toks[k].text.toLowerCase())));
  let tail: number[] = [];
  if (nmods.length && depth < 2) {
    const n = nmods[0];
    // A date or time ("on Monday", "in March") is when, not what: no part of the issue.
    const when = TIME_HEADS.test(toks[n].lemma.toLowerCase()) || TIME_HEADS.test(toks[n].text.toLowerCase());
    const inner = when ? null : issuePhrase(doc, n, lex, depth + 1) ?? (toks[n].pos === 'PROPN' ? { text: toks[n].text, tokens: [n], last: n } : null);
    const cs = childrenOf(doc, n, ['case'])[0];
    // A place or time after "in" only narrows a generic head ("talks in Geneva" stays "talks").
    const weak = /^(in|from|with)$/.test(toks[cs].text.toLowerCase()) && !generic;
    if (inner && !weak && inner.tokens.length <= 5) tail = [cs, ...inner.tokens];
  }
  if (generic && mods.length === 0 && tail.length === 0) return null;
  // A word the text writes with a hyphen stays whole: "Pellanese-led", "Kessari-held".
  const sentence = doc.sentences[t.sentence];
  for (const k of [...keep]) {
    for (let j = k; j > sentence.firstToken && toks[j - 1].end === toks[j].start && /^[\p{L}\p{N}-]+$/u.test(toks[j - 1].text); j--) keep.add(j - 1);
    for (let j = k; j + 1 < sentence.endToken && toks[j + 1].start === toks[j].end && /^[\p{L}\p{N}-]+$/u.test(toks[j + 1].text); j++) keep.add(j + 1);
  }
  let all = [...new Set([...keep, ...tail])].sort((a, b) => a - b);
  if (all.length > 8) {
    all = [...keep].sort((a, b) => a - b);
    tail = [];
  }
  mods = all.filter((k) => k !== h);
  const text = spell(doc, all);
  if (!/\p{L}/u.test(text)) return null;
  // Markup in the text ("<img src=x …>") is no words of an issue.
  const first = Math.min(...all);
  const last = Math.max(...all);
  if (toks.slice(Math.max(sentence.firstToken, first - 1), Math.min(sentence.endToken, last + 2)).some((k) => /^[<>=]$|^<\/?[a-z]/i.test(k.text))) return null;
  // A bare name is a party, not an issue.
  if (t.pos === 'PROPN' && mods.every((k) => toks[k].pos === 'PROPN') && !generic) return { text, tokens: all, last: Math.max(...all) };
  return { text, tokens: all, last: Math.max(...all) };
}

/** The words of the given tokens as the text spells them, joined where the text joins them. */
function spell(doc: Doc, tokens: number[]): string {
  const toks = doc.tokens;
  let out = '';
  let prevEnd = -1;
  for (const k of tokens) {
    const t = toks[k];
    const keepCase = t.pos === 'PROPN' || /^\p{Lu}{2,}/u.test(t.text) || (/^\p{Lu}/u.test(t.text) && doc.sentences[t.sentence].firstToken !== k);
    const w = keepCase ? t.text : t.text.toLowerCase();
    out += out && t.start !== prevEnd ? ` ${w}` : w;
    prevEnd = t.end;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The issue of an act: "withdraw troops" → "troop withdrawal", "fund the mission" → "funding
 * of the mission", "withdraw from Dorn" → "withdrawal from Dorn". */
function actionIssue(doc: Doc, v: number, lex: Lexicon): (IssueInfo & { noun: string }) | null {
  const toks = doc.tokens;
  const lem = toks[v].lemma.toLowerCase();
  const prt = childrenOf(doc, v, ['compound:prt']).map((k) => toks[k].text.toLowerCase())[0];
  const noun = (prt && lex.nominal.get(`${lem} ${prt}`)) || lex.nominal.get(lem);
  if (!noun) return null;
  const objs = childrenOf(doc, v, ['obj']);
  // "allow observers into the territory": the observers' access to it.
  if (/^(allow|let|admit|permit)$/.test(lem) && objs.length && toks[objs[0]].pos === 'NOUN') {
    const into = childrenOf(doc, v, ['obl']).find((n) => childrenOf(doc, n, ['case']).some((k) => /^(into|to|in|onto)$/.test(toks[k].text.toLowerCase())));
    const where = into !== undefined ? issuePhrase(doc, into, lex) : null;
    const who = issuePhrase(doc, objs[0], lex);
    if (where && who) {
      const whoText = who.tokens.length === 1 ? toks[objs[0]].lemma.toLowerCase() : who.text;
      return { text: `${whoText} access to ${where.text}`, tokens: [v, ...who.tokens, ...where.tokens], last: where.last, noun: 'access' };
    }
  }
  if (objs.length) {
    const o = objs[0];
    if (toks[o].pos === 'PRON') return null;
    const p = issuePhrase(doc, o, lex);
    // "lend Pellan billions": a sum given to a party names the act by its recipient.
    const to = childrenOf(doc, v, ['iobj']).find((r) => toks[r].pos === 'PROPN');
    if (!p && to !== undefined) return { text: `${noun} to ${spell(doc, [to, ...childrenOf(doc, to, ['flat', 'compound'])].sort((a, b) => a - b))}`, tokens: [v, to], last: Math.max(o, to), noun };
    if (!p) return null;
    // "troops" alone → "troop withdrawal".
    if (p.tokens.length === 1 && toks[o].pos === 'NOUN') return { text: `${toks[o].lemma.toLowerCase()} ${noun}`, tokens: [v, o], last: o, noun };
    return { text: `${noun} of ${p.text}`, tokens: [v, ...p.tokens], last: p.last, noun };
  }
  for (const n of childrenOf(doc, v, ['obl'])) {
    const cs = childrenOf(doc, n, ['case']).map((k) => toks[k].text.toLowerCase())[0];
    if (!cs || !/^(from|to|into|on|for|of|with)$/.test(cs)) continue;
    const p = issuePhrase(doc, n, lex);
    if (!p && toks[n].pos !== 'PROPN') continue;
    const inner = p ?? { text: toks[n].text, tokens: [n], last: n };
    return { text: `${noun} ${cs} ${inner.text}`, tokens: [v, ...inner.tokens], last: inner.last, noun };
  }
  return null;
}
