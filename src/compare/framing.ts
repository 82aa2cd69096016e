// Framing per article and actor: the tone of the writer's own words about the actor. A word counts
// for an actor only when the grammar says it is about that actor (syntax.ts):
//   - a modifier of its mention, of an apposition to it, or of a noun it owns ("the embattled
//     coach X", "X, a notorious criminal", "X's messy lifestyle");
//   - the predicate of a clause whose subject it is ("X was reckless", "X bungled the raid",
//     "X infamously …");
//   - the object of an evaluative verb ("critics slammed X", "X was praised by …");
//   - the reporting verb chosen for its speech ("X claimed", "…,” X admitted).
// Words about a third party are that party's, and words inside quotation marks belong to the
// speaker, never to the outlet. Each cue gets a confidence from the framing model (how it was tied
// to the actor); the tone is computed from the confident cues only.
import type { Framing, FramingCue } from '../types.js';
import type { ArticleInfo, Context } from './context.js';
import { inRanges } from './context.js';
import { loadJson } from '../util/data.js';
import type { Features } from '../util/logistic.js';
import type { Doc } from '../text/doc.js';
import { childrenOf, headOf, isNegated, isPassive, labelOf, objectsOf, parseOf, subjectOf, type Parse } from './syntax.js';
import { rate } from './confidence.js';

interface ToneLexicon {
  reporting: Record<string, number>;
  targetVerbs: Record<string, number>;
  evaluative: Record<string, number>;
  negators: string[];
}

/** How a cue was tied to its actor: the relation from the cue word to the actor's mention. */
export type CueRelation =
  | 'quote-cue' // the reporting verb of one of the actor's quotes
  | 'reporting-subject' // "X claimed …"
  | 'modifier' // an adjective or participle on the actor's noun phrase
  | 'predicate' // "X was reckless", "X is a controversial figure"
  | 'agent-verb' // "X bungled …"
  | 'adverb' // "X infamously …"
  | 'noun' // "the X regime", "X, a thug"
  | 'target-object' // "critics slammed X", "praised X's plan"
  | 'target-passive'; // "X was condemned"

/** How the noun phrase the cue is about reaches the actor's mention. */
export type Via = 'mention' | 'appos' | 'possessor' | 'compound' | 'subject';

export interface ToneCue {
  entity: string;
  word: string;
  /** The lexicon entry that matched (lemma). */
  lemma?: string;
  /** The cue word's part of speech and its article. */
  pos?: string;
  /** For an evaluative verb: its subject is a named actor. */
  namedSubject?: boolean;
  article?: string;
  weight: number;
  start: number;
  end: number;
  relation: CueRelation;
  via: Via;
  negated: boolean;
  /** Tokens between the cue and the actor's mention. */
  distance: number;
}

/** Reporting verbs and words graded below this are neutral wording (announced, confirmed,
 * explained): they nudge a tone but are not shown as cues a reader should weigh. */
const MIN_CUE = 0.2;

function lexicon(): ToneLexicon {
  return loadJson<ToneLexicon>('compare/tone.json');
}

/** Actors whose framing is worth a row: people, organisations, groups, and places that act
 * (speak, take positions, set conditions, or are the source or target of an event). */
function actors(ctx: Context): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.brief.entities ?? []) if (e.type === 'person' || e.type === 'organization' || e.type === 'group') out.add(e.id);
  for (const p of ctx.brief.positions ?? []) out.add(p.actor);
  for (const c of ctx.brief.conditions ?? []) out.add(c.actor);
  for (const ev of ctx.brief.events ?? []) {
    if (ev.source) out.add(ev.source);
    if (ev.target) out.add(ev.target);
  }
  for (const q of ctx.brief.quotes ?? []) if (q.speaker) out.add(q.speaker);
  return out;
}

const IRREGULAR: Record<string, string> = { said: 'say', told: 'tell', wrote: 'write', spoke: 'speak', hit: 'hit', lashed: 'lash' };

function verbLemma(verb: string, lex: Record<string, number>): string {
  if (IRREGULAR[verb]) return IRREGULAR[verb];
  for (const cut of [verb, verb.replace(/ied$/, 'y'), verb.replace(/d$/, ''), verb.replace(/ed$/, ''), verb.replace(/s$/, ''), verb.replace(/es$/, '')]) {
    if (lex[cut] !== undefined) return cut;
  }
  return verb;
}

/** The actor a nominal token stands for, and how: its own mention, the mention it is an
 * apposition to, its possessor ("X's plan"), or a name compounded into it ("the X regime"). */
function actorOf(p: Parse, token: number, mentionAt: Map<number, string>, doc?: Doc, depth = 0): { entity: string; via: Via; at: number } | null {
  if (token < 0 || depth > 2) return null;
  const own = mentionAt.get(token);
  if (own) return { entity: own, via: 'mention', at: token };
  if (labelOf(p, token) === 'appos') {
    const h = headOf(p, token);
    if (mentionAt.has(h)) return { entity: mentionAt.get(h)!, via: 'appos', at: h };
  }
  for (const k of childrenOf(p, token, 'appos')) if (mentionAt.has(k)) return { entity: mentionAt.get(k)!, via: 'appos', at: k };
  for (const k of childrenOf(p, token, 'nmod:poss')) if (mentionAt.has(k)) return { entity: mentionAt.get(k)!, via: 'possessor', at: k };
  for (const k of childrenOf(p, token, 'compound')) if (mentionAt.has(k)) return { entity: mentionAt.get(k)!, via: 'compound', at: k };
  // "an offer from X", "a proposal by X": X's, like a possessor.
  if (doc) {
    for (const k of childrenOf(p, token, 'nmod')) {
      if (!mentionAt.has(k)) continue;
      const marker = childrenOf(p, k, 'case').map((c) => doc.tokens[c].text.toLowerCase());
      if (marker.includes('from') || marker.includes('by')) return { entity: mentionAt.get(k)!, via: 'possessor', at: k };
    }
  }
  return null;
}

/** The actor a clause is about: its subject's actor ("X was reckless", "X, a …, bungled"). */
function subjectActor(p: Parse, clause: number, mentionAt: Map<number, string>): { entity: string; via: Via; at: number } | null {
  const s = subjectOf(p, clause);
  if (s < 0) return null;
  const a = actorOf(p, s, mentionAt);
  // A possessor is not the subject: "X's lawyer bungled" is about the lawyer.
  if (!a || a.via === 'possessor' || a.via === 'compound') return null;
  return { ...a, via: a.via === 'mention' ? 'subject' : a.via };
}

/** Tone cues in one article, each tied to the actor the grammar says it is about. */
export function toneCues(a: ArticleInfo, who: Set<string> | null = null): ToneCue[] {
  const lex = lexicon();
  const doc = a.doc;
  const toks = doc.tokens;
  const p = parseOf(doc, a.mentions);
  const mentionAt = mentionTokens(doc, a, who);
  const cues: ToneCue[] = [];
  const seen = new Set<string>();
  const push = (cue: ToneCue): void => {
    const key = `${cue.entity}:${cue.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    cues.push(cue);
  };

  // Reporting verbs the outlet chose for the actor's quotes. A quote whose speaker is uncertain
  // gives no cue: the brief does not know whose speech the verb frames.
  for (const q of a.quotes) {
    if (!q.speaker || !q.cue || (who && !who.has(q.speaker))) continue;
    const verb = q.cue.toLowerCase().split(/\s+/)[0];
    const w = lex.reporting[verbLemma(verb, lex.reporting)];
    if (w === undefined || Math.abs(w) < MIN_CUE) continue;
    const at = cueOffset(doc, q, verb);
    if (!at) continue;
    push({ entity: q.speaker, lemma: verbLemma(verb, lex.reporting), pos: 'VERB', article: a.id, word: doc.text.slice(at.start, at.end), weight: w, start: at.start, end: at.end, relation: 'quote-cue', via: 'subject', negated: false, distance: 0 });
  }

  for (const s of doc.sentences) {
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = toks[i];
      if (inRanges(a.quoted, t.start) || mentionAt.has(i)) continue;
      const word = t.text.toLowerCase().replace(/’/g, "'");
      const lemma = (t.lemma || word).toLowerCase();
      const evaluative = lex.evaluative[word] ?? lex.evaluative[lemma];
      const target = t.pos === 'VERB' ? (lex.targetVerbs[lemma] ?? lex.targetVerbs[verbLemma(word, lex.targetVerbs)]) : undefined;
      const reporting = t.pos === 'VERB' ? lex.reporting[lemma] ?? lex.reporting[verbLemma(word, lex.reporting)] : undefined;
      let found: { entity: string; via: Via; at: number } | null = null;
      let relation: CueRelation | null = null;
      let weight = 0;
      let clause = i;
      const label = labelOf(p, i);
      if (target !== undefined && Math.abs(target) >= MIN_CUE) {
        weight = target;
        if (isPassive(p, i)) {
          found = subjectActor(p, i, mentionAt);
          relation = 'target-passive';
        } else {
          for (const o of objectsOf(p, i)) {
            found = actorOf(p, o, mentionAt, doc);
            if (found) break;
          }
          relation = 'target-object';
        }
        // An adjectival participle ("the criticised plan") is a modifier, read below.
        if (!found && label === 'amod') {
          found = actorOf(p, headOf(p, i), mentionAt, doc);
          relation = 'modifier';
        }
      } else if (reporting !== undefined && Math.abs(reporting) >= MIN_CUE && t.pos === 'VERB') {
        weight = reporting;
        // "was admitted to hospital" is not speech.
        if (!isPassive(p, i)) found = subjectActor(p, i, mentionAt);
        relation = 'reporting-subject';
        // The cue of one of the actor's own quotes is already counted.
        if (found && a.quotes.some((q) => q.speaker === found!.entity && q.cue && Math.abs(t.start - q.start) < 300 && q.cue.toLowerCase().startsWith(word))) continue;
      } else if (evaluative !== undefined && Math.abs(evaluative) >= MIN_CUE) {
        weight = evaluative;
        // A capitalised adjective the tagger read as part of a name ("Legendary pinup queen X").
        if (label === 'amod' || label === 'conj' || (label === 'compound' && t.pos !== 'NOUN')) {
          let h = headOf(p, i);
          if (label === 'conj') h = labelOf(p, h) === 'amod' ? headOf(p, h) : h;
          if (h >= 0 && childrenOf(p, h, 'cop').length) {
            found = subjectActor(p, h, mentionAt);
            relation = 'predicate';
            clause = h;
          } else {
            found = actorOf(p, h, mentionAt, doc);
            relation = 'modifier';
            // "X is a controversial figure": the modified noun is the predicate.
            if (!found && h >= 0) {
              found = subjectActor(p, h, mentionAt);
              relation = 'predicate';
              clause = h;
            }
          }
        } else if (t.pos === 'ADV' || label === 'advmod') {
          // "X infamously walked out", "X was infamously photographed": the manner is X's either way.
          const h = headOf(p, i);
          if (h >= 0) found = subjectActor(p, h, mentionAt);
          relation = 'adverb';
          clause = h;
        } else if (t.pos === 'VERB') {
          if (!isPassive(p, i)) found = subjectActor(p, i, mentionAt);
          relation = 'agent-verb';
        } else if (childrenOf(p, i, 'cop', 'nsubj').length) {
          // A predicate adjective or noun: "X was reckless", "X is a thug".
          found = subjectActor(p, i, mentionAt);
          relation = 'predicate';
        } else if (t.pos === 'NOUN' || t.pos === 'PROPN') {
          const own = actorOf(p, i, mentionAt, doc);
          if (own && own.via !== 'mention') found = own;
          relation = 'noun';
        }
      }
      // The parser misreads some long noun phrases ("the embattled Prime Minister Hana Ortiz"): an
      // adjective or participle whose noun phrase runs, through titles and names only, into the
      // actor's mention modifies it.
      if (!found && evaluative !== undefined && Math.abs(evaluative) >= MIN_CUE && (t.pos === 'ADJ' || t.pos === 'VERB')) {
        const np = mentionInPhrase(toks, i, s.endToken, mentionAt);
        if (np) {
          found = { entity: np.entity, via: 'mention', at: np.at };
          relation = 'modifier';
          weight = evaluative;
        }
      }
      if (!found || !relation || (who && !who.has(found.entity))) continue;
      // Someone else's words retold ("X insisted that Y was not an isolated case", "Y is a
      // disgrace, officials said") are theirs, not the outlet's.
      if (relation !== 'reporting-subject' && reportedSpeech(doc, s.firstToken, s.endToken, i, lex.reporting)) continue;
      // "insisted on remaining anonymous", "refused to name": not a way of reporting speech.
      if (relation === 'reporting-subject' && /^(on|upon|to)$/i.test(toks[i + 1]?.text ?? '')) continue;
      if (relation === 'reporting-subject') {
        // "Neither X nor Y ever claimed …": speech that did not happen frames nobody.
        if (isNegated(p, doc, i) || /\b(neither|never|not|nor|n['’]t)\b/i.test(doc.text.slice(toks[Math.max(s.firstToken, i - 8)].start, t.start))) continue;
        // "Prosecutors said X bragged …": the verb is the prosecutors' account, not the outlet's.
        const up = headOf(p, i);
        if (up >= 0 && ['ccomp', 'xcomp'].includes(labelOf(p, i)) && (lex.reporting[(toks[up].lemma || toks[up].text).toLowerCase()] !== undefined || /^(allege|accuse|charge|testify)/i.test(toks[up].lemma || ''))) continue;
        if (/\ballegedly\b/i.test(doc.text.slice(toks[Math.max(s.firstToken, i - 10)].start, t.start))) continue;
      }
      const negated = isNegated(p, doc, clause) || (clause !== i && isNegated(p, doc, i)) || negatedBefore(doc, i, s.firstToken, lex.negators);
      const judge = relation === 'target-object' ? subjectOf(p, i) : -1;
      push({
        entity: found.entity,
        lemma,
        pos: t.pos,
        namedSubject: judge >= 0 && mentionAt.has(judge),
        article: a.id,
        word: negated ? `not ${t.text}` : t.text,
        weight: negated ? -weight * 0.5 : weight,
        start: t.start,
        end: t.end,
        relation,
        via: found.via,
        negated,
        distance: Math.abs(found.at - i),
      });
    }
  }
  return cues;
}

/** The actor whose mention ends the noun phrase that begins after token i ("embattled | Prime
 * Minister Hana Ortiz"), when only title words, names and other modifiers stand between. */
function mentionInPhrase(toks: Doc['tokens'], i: number, end: number, mentionAt: Map<number, string>): { entity: string; at: number } | null {
  const prev = toks[i - 1];
  // The adjective opens the phrase: a determiner, a possessive or nothing before it.
  if (prev && !['DET', 'PUNCT', 'ADP', 'CCONJ', 'SCONJ', 'VERB', 'AUX'].includes(prev.pos) && !/^(his|her|their|its)$/i.test(prev.text)) return null;
  for (let k = i + 1; k < end && k < i + 6; k++) {
    const e = mentionAt.get(k);
    if (e) return { entity: e, at: k };
    const t = toks[k];
    if (!(t.pos === 'PROPN' || t.pos === 'ADJ' || (t.pos === 'NOUN' && /^\p{Lu}/u.test(t.text)) || t.text === '-')) return null;
  }
  return null;
}

/** Whether token i sits in reported speech: after "<reporting verb> that" earlier in the sentence,
 * or before a closing attribution (", officials said."). */
function reportedSpeech(doc: Doc, first: number, end: number, i: number, reporting: Record<string, number>): boolean {
  const toks = doc.tokens;
  const isReporting = (k: number): boolean => toks[k].pos === 'VERB' && reporting[(toks[k].lemma || toks[k].text).toLowerCase()] !== undefined;
  for (let k = first; k < i - 1; k++) if (isReporting(k) && /^that$/i.test(toks[k + 1].text)) return true;
  // A trailing attribution: ", <up to five words> said ." at the end of the sentence.
  let last = end - 1;
  while (last > i && toks[last].pos === 'PUNCT') last--;
  if (last > i && isReporting(last)) {
    for (let k = last - 1; k > i && k >= last - 6; k--) if (toks[k].text === ',') return true;
  }
  return false;
}

/** A negator right before the cue ("never reckless", "not a constructive partner"). */
function negatedBefore(doc: Doc, i: number, first: number, negators: string[]): boolean {
  for (let k = Math.max(first, i - 2); k < i; k++) if (negators.includes(doc.tokens[k].text.toLowerCase().replace('’', "'"))) return true;
  return false;
}

/** Token index → actor, for tokens inside the actor's mentions. */
function mentionTokens(doc: Doc, a: ArticleInfo, who: Set<string> | null): Map<number, string> {
  const out = new Map<number, string>();
  let k = 0;
  for (const m of a.mentions) {
    if (who && !who.has(m.entity)) continue;
    while (k > 0 && doc.tokens[k - 1].end > m.start) k--;
    while (k < doc.tokens.length && doc.tokens[k].end <= m.start) k++;
    for (let i = k; i < doc.tokens.length && doc.tokens[i].start < m.end; i++) if (/[\p{L}\p{N}]/u.test(doc.tokens[i].text)) out.set(i, m.entity);
  }
  return out;
}

/** Where a quote's reporting verb is: the first occurrence of the word in the quote's sentence(s)
 * outside the quote itself. */
function cueOffset(doc: Doc, q: { start: number; end: number }, verb: string): { start: number; end: number } | null {
  const from = Math.max(0, q.start - 300);
  const to = Math.min(doc.text.length, q.end + 300);
  const re = new RegExp(`\\b${verb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi');
  let best: { start: number; end: number } | null = null;
  for (let m = re.exec(doc.text.slice(from, to)); m; m = re.exec(doc.text.slice(from, to))) {
    const start = from + m.index;
    if (start >= q.start && start < q.end) continue;
    const d = start < q.start ? q.start - start : start - q.end;
    if (!best || d < (best.start < q.start ? q.start - best.start : best.start - q.end)) best = { start, end: start + m[0].length };
  }
  return best;
}

/** The features the framing model scores: how the cue was tied to its actor. */
export function cueFeatures(c: ToneCue, ctx: Context): Features {
  const x: Features = {
    [`rel:${c.relation}`]: 1,
    [`via:${c.via}`]: 1,
    weight: Math.abs(c.weight),
    positive: c.weight > 0 ? 1 : 0,
    negated: c.negated ? 1 : 0,
    distance: Math.min(c.distance, 20) / 10,
    // An actor the entities stage named by one word ("Charles" for a full name) or by a common
    // noun is often not the actor a reader would name.
    person: ctx.entityType.get(c.entity) === 'person' ? 1 : 0,
    oneWordName: (ctx.entityName.get(c.entity) ?? '').trim().split(/\s+/).length === 1 ? 1 : 0,
  };
  // A noun that names what someone is ("mobster", "veteran") describes more often than it judges.
  if (c.relation === 'noun' || (c.relation === 'predicate' && /^(NOUN|PROPN)$/.test(c.pos ?? ''))) x.descriptorNoun = 1;
  // "Irimescu accused X": an evaluative verb whose subject is a named party reports that party's
  // judgement; "critics slammed X" is closer to the outlet's own.
  if (c.relation === 'target-object' && c.namedSubject) x.namedJudge = 1;
  // How present the actor is in the article: a cue about its main actors is more often the outlet's
  // framing than one about a passer-by, and an actor named by a full name is one a reader knows.
  const mentions = c.article ? (ctx.byId.get(c.article)?.mentions.filter((m) => m.entity === c.entity).length ?? 0) : 0;
  x.mentions = Math.min(mentions, 8) / 8;
  x.fullName = (ctx.entityName.get(c.entity) ?? '').trim().split(/\s+/).length >= 2 ? 1 : 0;
  return x;
}

/** Shrinks toward neutral when there is little evidence: one "claimed" is −0.2, not −0.4. */
export function toneOf(weights: number[]): number {
  if (weights.length === 0) return 0;
  const sum = weights.reduce((x, y) => x + y, 0);
  const tone = Math.max(-1, Math.min(1, sum / Math.max(2, weights.length)));
  return Math.round(tone * 100) / 100;
}

/** Every cue with its features, per article: what the brief rates and the training script reads. */
export function ratedCues(ctx: Context): { article: string; cue: ToneCue; features: Features; rated: FramingCue }[] {
  const who = actors(ctx);
  const out: { article: string; cue: ToneCue; features: Features; rated: FramingCue }[] = [];
  for (const a of ctx.articles) {
    for (const cue of toneCues(a, who)) {
      const features = cueFeatures(cue, ctx);
      const { confidence, uncertain } = rate('framing', features);
      const rated: FramingCue = { start: cue.start, end: cue.end, text: a.doc.text.slice(cue.start, cue.end), weight: cue.weight, confidence };
      if (uncertain) rated.uncertain = true;
      out.push({ article: a.id, cue, features, rated });
    }
  }
  return out;
}

export function framing(ctx: Context): Framing[] {
  const who = actors(ctx);
  const rated = ratedCues(ctx);
  const out: Framing[] = [];
  for (const a of ctx.articles) {
    const mentionCount = new Map<string, number>();
    for (const m of a.mentions) if (who.has(m.entity)) mentionCount.set(m.entity, (mentionCount.get(m.entity) ?? 0) + 1);
    const mine = rated.filter((r) => r.article === a.id);
    for (const [entity, mentions] of mentionCount) {
      const cues = mine.filter((r) => r.cue.entity === entity).sort((x, y) => x.cue.start - y.cue.start);
      const confident = cues.filter((r) => !r.rated.uncertain);
      out.push({
        article: a.id,
        entity,
        tone: toneOf(confident.map((r) => r.cue.weight)),
        mentions,
        cues: confident.map((r) => r.cue.word),
        cueSpans: cues.map((r) => r.rated),
      });
    }
  }
  return out;
}
