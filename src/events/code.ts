// The PLOVER coder for one sentence: find the main event predicate, decide its category from the
// verb, a light verb + noun pair, or a frame verb and its complement ("threatened to shell"),
// then read negation, modality and whether a party reports it, and the source and target phrases.
import { eventLexicon, type EventLexicon, type FrameKind } from './lexicon.js';
import {
  MODALS,
  NEGATORS,
  SUBORDINATORS,
  isPronoun,
  npAfter,
  npBefore,
  subjectBefore,
  type Chunk,
  type SentenceView,
  type Tok,
} from './clause.js';

export interface CodedEvent {
  category: string;
  mode: string | null;
  /** Token range of the trigger words (within the sentence). */
  trigger: Chunk;
  source: Chunk | null;
  target: Chunk | null;
  negated: boolean;
  modality: string | null;
  reported: boolean;
  /** The reporting phrase's subject ("Ankara" in "Ankara says it offered…"), if any. */
  reporter: Chunk | null;
  /** Main clause (true) or a later clause coded when the main one had no event. */
  main: boolean;
}

interface Coding {
  category: string;
  mode: string | null;
  trigger: Chunk;
  /** Where the event's own verb is, for the object search. */
  head: number;
  /** The complement's first token when a frame verb took one. */
  complementAt: number | null;
  /** A target found by the frame itself ("urged the EC to…", "demanded that the US…"). */
  frameTarget: Chunk | null;
  /** Subject of a that-clause ("declared that China must…"). */
  clauseSubject: Chunk | null;
  passive: boolean;
  negatedAbsorbed: boolean;
  negated: boolean;
  modality: string | null;
  frame: FrameKind | null;
  /** Coded from an action noun carried by a reporting or light verb. */
  nominal?: boolean;
}

const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", 'am', 'get', 'got', 'gets']);
const PARTICLES = new Set(['up', 'off', 'out', 'down', 'back', 'over', 'in', 'on', 'for', 'into', 'with', 'by', 'away', 'upon']);

/** Cheap de-inflection for words wink-nlp tagged as adjectives or nouns ("opposed", "lifts"). */
function stems(word: string): string[] {
  const out = [word];
  if (word.endsWith('ied')) out.push(word.slice(0, -3) + 'y');
  if (word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) out.push(word.slice(0, -3), word.slice(0, -3) + 'e');
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  if (/(.)\1ed$/.test(word)) out.push(word.slice(0, -3));
  return out;
}

function keysOf(t: Tok): string[] {
  return [...new Set([t.lemma, t.lower, ...stems(t.lower)])];
}

function isVerbLike(t: Tok, prev: Tok | undefined, lex: EventLexicon): boolean {
  // A participle used as an adjective: "the occupied districts", "rebel-occupied".
  if (prev && (prev.pos === 'DET' || prev.lower === '-') && /(ed|en)$/.test(t.lower)) return false;
  if (t.pos === 'VERB') return true;
  if (t.pos === 'AUX' || t.pos === 'PUNCT' || t.pos === 'DET' || t.pos === 'ADP' || t.pos === 'PRON' || t.pos === 'CCONJ' || t.pos === 'NUM') return false;
  // wink-nlp sometimes tags a verb as NOUN/ADJ/PROPN after an auxiliary or "to" ("to shell", "is opposed").
  if (prev && (prev.pos === 'AUX' || prev.lower === 'to' || MODALS.has(prev.lower) || prev.pos === 'ADV') && keysOf(t).some((k) => lex.verbs.has(k) || lex.frames.has(k))) return true;
  return false;
}

/** Lemma key for the verb at i, with a following particle when the pair is a known phrase. */
function verbKey(toks: Tok[], i: number, lex: EventLexicon): { key: string; length: number } {
  const t = toks[i];
  for (let len = Math.min(lex.maxVerbWords, 3); len >= 2; len--) {
    if (i + len > toks.length) continue;
    for (const base of keysOf(t)) {
      const phrase = [base, ...toks.slice(i + 1, i + len).map((x) => x.lower)].join(' ');
      if (lex.verbs.has(phrase) || lex.frames.has(phrase) || lex.verbClasses.has(phrase)) return { key: phrase, length: len };
    }
  }
  // A particle separated by a short object: "beat detainees up" is rare in news; skip.
  for (const k of keysOf(t)) if (lex.verbs.has(k) || lex.frames.has(k) || lex.verbClasses.has(k) || lex.reporting.has(k)) return { key: k, length: 1 };
  return { key: t.lemma, length: 1 };
}

/** Nouns of the event lexicon in toks[from, to): the first (longest at its position) match. */
export function findNoun(toks: Tok[], from: number, to: number, lex: EventLexicon): { at: number; length: number; key: string } | null {
  const starts = nounStarts(lex);
  for (let k = from; k < to; k++) {
    // A phrase of several words is looked up only from a word that starts some noun entry.
    const first = toks[k];
    const opens = first.lower.includes(' ') || first.lemma.includes(' ') || starts.has(first.lower) || starts.has(first.lemma);
    for (let len = Math.min(lex.maxNounWords, to - k); len >= 1; len--) {
      if (len > 1 && !opens) continue;
      const words = toks.slice(k, k + len);
      const phraseLower = words.map((x) => x.lower).join(' ');
      const phraseLemma = words.map((x) => x.lemma).join(' ');
      const plural = phraseLower + 's';
      const key = lex.nouns.has(phraseLower) ? phraseLower : lex.nouns.has(phraseLemma) ? phraseLemma : lex.nouns.has(plural) ? plural : null;
      if (key) return { at: k, length: len, key };
    }
  }
  return null;
}

/** First words of the noun entries of several words. */
const nounStartsOf = new WeakMap<EventLexicon, Set<string>>();
function nounStarts(lex: EventLexicon): Set<string> {
  let set = nounStartsOf.get(lex);
  if (!set) {
    set = new Set();
    for (const key of lex.nouns.keys()) if (key.includes(' ')) set.add(key.slice(0, key.indexOf(' ')));
    nounStartsOf.set(lex, set);
  }
  return set;
}

/** End of the object window of a verb: the next clause boundary. */
function objectLimit(toks: Tok[], from: number, limit: number): number {
  for (let k = from; k < limit; k++) {
    const t = toks[k];
    if (t.lower === ',' || t.lower === ';' || t.lower === ':' || t.lower === 'that' || (SUBORDINATORS.has(t.lower) && t.lower !== 'as')) return k;
    if (t.lower === 'to' && k + 1 < limit && toks[k + 1].pos === 'VERB') return k;
  }
  return limit;
}

function senseOf(entry: string | null | undefined): { category: string; mode: string | null } | null {
  if (!entry) return null;
  const slash = entry.indexOf('/');
  return slash < 0 ? { category: entry, mode: null } : { category: entry.slice(0, slash), mode: entry.slice(slash + 1) };
}

/** Light verb + noun: the category of the pair, if the lexicon has one. */
function lightCoding(toks: Tok[], key: string, from: number, to: number, lex: EventLexicon): { category: string; mode: string | null; nounAt: number; nounLength: number } | null {
  const classes = lex.verbClasses.get(key);
  if (!classes) return null;
  let k = from;
  while (k < to) {
    const noun = findNoun(toks, k, to, lex);
    if (!noun) return null;
    for (const sense of lex.nouns.get(noun.key) ?? []) {
      const map = lex.nounClassMap.get(sense.nounClass);
      if (!map) continue;
      for (const cls of classes) {
        const s = senseOf(map[cls]);
        // The noun's own mode ("curfew") describes imposing it, not lifting it.
        const own = senseOf(map.default);
        if (s) return { category: s.category, mode: !own || own.category === s.category ? sense.mode ?? s.mode : s.mode, nounAt: noun.at, nounLength: noun.length };
      }
    }
    k = noun.at + noun.length;
  }
  return null;
}

/** Negation and modality between the clause start and the verb at i. */
function polarity(toks: Tok[], i: number, floor: number): { negated: boolean; modality: string | null; passive: boolean } {
  let negated = false;
  let modality: string | null = null;
  let passive = false;
  for (let k = i - 1; k >= floor && k >= i - 5; k--) {
    const t = toks[k];
    if (t.pos === 'VERB' && !BE_FORMS.has(t.lower)) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PUNCT') break;
    if (NEGATORS.has(t.lower) || (t.lower === 'longer' && k > floor && toks[k - 1].lower === 'no')) negated = true;
    if (MODALS.has(t.lower) && !modality) modality = t.lower === "'ll" || t.lower === 'wo' ? 'will' : t.lower === 'ca' ? 'can' : t.lower === "'d" ? 'would' : t.lower;
    if (t.lower === 'going' && toks[k + 1]?.lower === 'to') modality = modality ?? 'going to';
    if (BE_FORMS.has(t.lower) && k === i - 1 && /(ed|en|wn|ne|ung)$/.test(toks[i].lower)) passive = true;
    if (BE_FORMS.has(t.lower) && k < i - 1 && toks.slice(k + 1, i).every((x) => x.pos === 'ADV') && /(ed|en|wn|ne|ung)$/.test(toks[i].lower)) passive = true;
  }
  return { negated, modality, passive };
}

const MAX_DEPTH = 3;

/** Code the verb at i, following frames into their complements. */
function codeVerb(view: SentenceView, i: number, limit: number, lex: EventLexicon, floor: number, depth = 0): Coding | null {
  const toks = view.tokens;
  const { key, length } = verbKey(toks, i, lex);
  const after = i + length;
  const pol = polarity(toks, i, floor);
  const frames = lex.frames.get(key) ?? [];
  const trigger = { from: i, to: after };
  const base = (category: string, mode: string | null, head: number): Coding => ({
    category, mode, trigger, head, complementAt: null, frameTarget: null, clauseSubject: null, passive: pol.passive,
    negatedAbsorbed: false, negated: pol.negated, modality: pol.modality, frame: null,
  });

  // 1. Frame verb with an infinitive or that-clause complement.
  if (frames.length > 0 && depth < MAX_DEPTH) {
    const comp = findComplement(view, after, limit, frames, lex);
    if (comp) {
      const inner = codeVerb(view, comp.verb, limit, lex, comp.verb, depth + 1);
      const frame = frames.includes('threat') ? 'threat' : frames.includes('refusal') ? 'refusal' : frames.includes('request') ? 'request' : frames.includes('intent') ? 'intent' : 'continuation';
      let category: string | null = null;
      let mode: string | null = inner?.mode ?? null;
      if (frame === 'threat') category = 'THREATEN';
      else if (frame === 'refusal') { category = 'REJECT'; mode = null; }
      else if (frame === 'request') { category = 'DEMAND'; mode = null; }
      else if (frame === 'intent') category = inner ? (comp.clause ? inner.category : lex.intentOf[inner.category] ?? inner.category) : ownCategory(key, lex);
      else category = inner ? inner.category : null;
      if (inner && comp.clause && (inner.modality === 'must' || inner.modality === 'should') && frame !== 'request') {
        // "announced that Varin must agree…": a demand on the clause subject.
        const c = base('DEMAND', null, inner.head);
        c.trigger = { from: i, to: inner.trigger.to };
        c.frameTarget = comp.target;
        c.frame = 'request';
        return c;
      }
      if (frame === 'intent' && inner?.negated) category = lex.negatedOf[inner.category] ?? (inner.category === 'AGREE' ? 'REJECT' : category);
      if (category) {
        // A mode describes the act itself; an intent to act ("ready to meet") has none.
        if (inner && category !== inner.category && frame !== 'threat') mode = null;
        const c = base(category, mode, inner?.head ?? comp.verb);
        c.trigger = { from: i, to: inner ? inner.trigger.to : comp.verb + 1 };
        c.complementAt = comp.verb;
        c.frameTarget = comp.target;
        c.frame = frame;
        if (frame === 'continuation' && inner) {
          c.modality = pol.modality ?? inner.modality;
          c.negated = pol.negated || inner.negated;
          c.frameTarget = inner.frameTarget ?? comp.target;
        }
        return applyPolarity(c, lex);
      }
    }
  }

  // 2. Light verb + event noun in the object window ("imposed a curfew", "held talks").
  const objEnd = objectLimit(toks, after, limit);
  const light = lightCoding(toks, key, after, objEnd, lex);
  if (light) {
    const c = base(light.category, light.mode, i);
    c.trigger = { from: i, to: light.nounAt + light.nounLength };
    return applyPolarity(c, lex);
  }
  // Passive light verb: "a curfew was imposed".
  if (pol.passive && lex.verbClasses.has(key)) {
    const subj = npBefore(view, i, floor);
    if (subj) {
      const l2 = lightCoding(toks, key, subj.from, subj.to, lex);
      if (l2) return applyPolarity(base(l2.category, l2.mode, i), lex);
    }
  }

  // 3. A plain event verb.
  const senses = lex.verbs.get(key);
  // "struck a defiant tone", "hit a snag": a violent verb with a figurative object is no attack.
  if (senses && lex.violentVerbs.has(key)) {
    let k = i + 1;
    while (k < toks.length && k <= i + 4 && (toks[k].pos === 'DET' || toks[k].pos === 'ADJ' || toks[k].pos === 'ADV')) k++;
    if (k < toks.length && lex.figurativeObjects.has(toks[k].lemma)) return null;
  }
  if (senses && senses.length > 0) {
    const sense = pickSense(key, senses, toks, i, lex);
    return applyPolarity(base(sense.category, sense.mode, i), lex);
  }

  // 4. A reporting or light verb carrying an action noun: "announced the suspension of air links".
  if (lex.reporting.has(key) || lex.verbClasses.has(key)) {
    for (let k = after; k < Math.min(objEnd, after + 4); k++) {
      // Only inside the object phrase: "announced the suspension of…", not "says it offered talks".
      if (!/^(DET|ADJ|NUM|NOUN|PROPN)$/.test(toks[k].pos)) break;
      const verb = lex.nominalizations.get(toks[k].lower) ?? lex.nominalizations.get(toks[k].lemma);
      if (verb && toks[k].pos === 'NOUN') {
        const s2 = lex.verbs.get(verb);
        if (s2) {
          const c = base(s2[0].category, s2[0].mode, k);
          c.trigger = { from: i, to: k + 1 };
          c.nominal = true;
          return applyPolarity(c, lex);
        }
      }
    }
  }
  return null;
}

function ownCategory(key: string, lex: EventLexicon): string | null {
  const senses = lex.verbs.get(key);
  return senses ? senses[0].category : null;
}

/** Choose among a verb's senses: a military weapon or formation in the clause makes an
 * ambiguous killing FIGHT; explosives make it ASSAULT. */
function pickSense(key: string, senses: { category: string; mode: string | null }[], toks: Tok[], at: number, lex: EventLexicon) {
  if (!lex.violentVerbs.has(key)) return senses[0];
  for (const [label, cues] of lex.violenceCues) {
    const [category, mode] = label.split('/');
    // A military formation decides only as the actor (before the verb, or after "by").
    const agentOnly = mode === undefined;
    const by = toks.findIndex((t, k) => k > at && t.lower === 'by');
    const ranges: [number, number][] = agentOnly ? [[0, at], ...(by > 0 ? [[by, toks.length] as [number, number]] : [])] : [[0, toks.length]];
    for (const [a, b] of ranges) {
      if (hasPhrase(toks, a, b, cues)) return { category, mode: mode ?? senses[0].mode };
    }
  }
  return senses[0];
}

export function hasPhrase(toks: Tok[], from: number, to: number, phrases: string[][]): boolean {
  for (let k = from; k < to; k++) {
    for (const p of phrases) {
      if (k + p.length > to) continue;
      let ok = true;
      for (let m = 0; m < p.length && ok; m++) ok = toks[k + m].lower === p[m] || toks[k + m].lemma === p[m];
      if (ok) return true;
    }
  }
  return false;
}

/** Negated or modal actions become refusals or intents, as PLOVER codes them. */
function applyPolarity(c: Coding, lex: EventLexicon): Coding {
  // A refusal, request or threat is coded by its frame; "did not refuse" stays a negated refusal.
  if (c.frame === 'refusal' || c.frame === 'request' || c.frame === 'threat') return c;
  if (c.negated) {
    const flipped = lex.negatedOf[c.category];
    if (flipped && (c.modality || c.frame === 'intent')) {
      c.category = flipped;
      c.negatedAbsorbed = true;
    }
    return c;
  }
  if (c.modality && c.frame !== 'intent' && c.modality !== 'must' && c.modality !== 'should') {
    const intent = lex.intentOf[c.category];
    if (intent && intent !== c.category) {
      c.category = intent;
      if (intent !== 'THREATEN') c.mode = null;
    }
  }
  return c;
}

/** The complement of a frame verb: "to" + verb (after an optional object for requests), or a
 * that-clause (its subject and verb), or — for intents — the next verb of a bare clause
 * ("said it will…" is handled by the reporting walk instead). */
function findComplement(view: SentenceView, from: number, limit: number, frames: FrameKind[], lex: EventLexicon): { verb: number; target: Chunk | null; clause?: boolean } | null {
  const toks = view.tokens;
  const request = frames.includes('request');
  const maxGap = request ? 10 : 3;
  for (let k = from; k < Math.min(limit, from + maxGap + 2); k++) {
    const t = toks[k];
    if (t.lower === 'to' && k + 1 < limit) {
      let v = k + 1;
      while (v < limit && (toks[v].pos === 'ADV' || NEGATORS.has(toks[v].lower))) v++;
      if (v < limit && (toks[v].pos === 'VERB' || toks[v].pos === 'AUX' || isVerbLike(toks[v], toks[v - 1], lex))) {
        const target = request && k > from ? npAfter(view, from, k, true) : null;
        // "be able/ready to": step over a copula.
        if (toks[v].pos === 'AUX' && v + 1 < limit) {
          const w = toks[v + 1];
          if (w.pos === 'VERB' || isVerbLike(w, toks[v], lex)) return { verb: v + 1, target };
        }
        if (toks[v].pos === 'AUX') return null;
        return { verb: v, target };
      }
      if (!request) return null;
    }
    // "demanded that Velaria scrap…" — but in "demanded an admission by Moscow that…" the clause
    // belongs to the noun.
    if (t.lower === 'that' && (request || frames.includes('intent') || frames.includes('threat')) && toks.slice(from, k).every((x) => x.pos === 'ADV' || x.pos === 'PUNCT' || x.pos === 'NUM' || /^(on|today|yesterday)$/.test(x.lower) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(x.lower))) {
      const clause = clauseAfter(view, k + 1, limit, lex);
      if (clause) return { verb: clause.verb, target: clause.subject, clause: true };
      return null;
    }
    if (t.pos === 'PUNCT' && t.lower !== '-') return null;
    if (!request && (t.pos === 'NOUN' || t.pos === 'PROPN') && !(frames.includes('intent') && k === from)) return null;
  }
  return null;
}

/** Subject and first verb of a clause starting at `from`. */
export function clauseAfter(view: SentenceView, from: number, limit: number, lex: EventLexicon): { subject: Chunk | null; verb: number } | null {
  const toks = view.tokens;
  for (let k = from; k < limit; k++) {
    const t = toks[k];
    if (t.pos === 'PUNCT' && t.lower !== '-' && t.lower !== "'" && t.lower !== '"' && k > from) {
      if (t.lower === ',' || t.lower === '(' || t.lower === ')') continue;
      return null;
    }
    if (isVerbLike(t, toks[k - 1], lex) && k > from) {
      const subject = npBefore(view, k, from);
      return { subject, verb: k };
    }
  }
  return null;
}

/** Where the trailing attribution starts: ", officials said Thursday." / ", according to …". */
export function attributionStart(view: SentenceView, lex: EventLexicon): { at: number; reporter: Chunk | null } | null {
  const toks = view.tokens;
  for (let k = toks.length - 1; k > 2; k--) {
    if (toks[k].lower !== ',') continue;
    const rest = toks.slice(k + 1);
    if (rest.length === 0 || rest.length > 16) continue;
    if (rest[0].lower === 'according' && rest[1]?.lower === 'to') {
      return { at: k, reporter: npAfter(view, k + 3, toks.length, false) };
    }
    const v = rest.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
    if (v < 0) continue;
    const verbTok = rest[v];
    if (!lex.reporting.has(verbTok.lemma) && !['quote', 'cite', 'tell'].includes(verbTok.lemma)) continue;
    // "…, officials said" or "…, said the spokesman"
    const reporter = v > 0 ? npBefore(view, k + 1 + v, k + 1) : npAfter(view, k + 2, toks.length, false);
    return { at: k, reporter };
  }
  return null;
}

/** Mark tokens that belong to subordinate or relative clauses: from the subordinator to the next
 * comma; a clause opening the sentence ("If …, X will …") ends at its comma too. */
function subordinateMask(toks: Tok[], limit: number): boolean[] {
  const mask = new Array<boolean>(toks.length).fill(false);
  // A prepositional phrase opening the sentence ("In a note delivered on Monday, …").
  if (toks[0] && toks[0].pos === 'ADP') {
    const comma = toks.findIndex((t, k) => k < 16 && t.lower === ',');
    if (comma > 0) for (let m = 0; m < comma; m++) mask[m] = true;
  }
  for (let k = 0; k < limit; k++) {
    const t = toks[k];
    const sub = SUBORDINATORS.has(t.lower) && !(t.lower === 'as' && toks[k + 1] && /^(a|an|the|part|well|proof|such)$/.test(toks[k + 1].lower)) && !(t.lower === 'once' && /^(again|more)$/.test(toks[k + 1]?.lower ?? ''));
    const relativeThat = t.lower === 'that' && k > 0 && (toks[k - 1].pos === 'NOUN' || toks[k - 1].pos === 'PROPN') && toks[k + 1] && (toks[k + 1].pos === 'VERB' || toks[k + 1].pos === 'AUX');
    const following = t.lower === 'following' && t.pos !== 'VERB';
    if ((sub && t.lower !== 'following') || relativeThat || following) {
      let e = k;
      while (e < limit && toks[e].lower !== ',' && toks[e].lower !== ';') e++;
      for (let m = k; m < e; m++) mask[m] = true;
    }
  }
  return mask;
}

/** Code one sentence: the main event first, then further events in other clauses. */
export function codeSentence(view: SentenceView, lex: EventLexicon = eventLexicon()): CodedEvent[] {
  const toks = view.tokens;
  if (toks.length === 0) return [];
  const attribution = attributionStart(view, lex);
  const limit = attribution ? attribution.at : toks.length;
  const mask = subordinateMask(toks, limit);
  const out: CodedEvent[] = [];
  let reporter: Chunk | null = attribution?.reporter ?? null;
  let reported = attribution !== null;
  let reportingSubjectEnd = 0;

  const emit = (c: Coding, main: boolean): void => {
    let source: Chunk | null = null;
    let target: Chunk | null = null;
    const subjectFloor = reportingSubjectEnd;
    const frameVerb = c.trigger.from;
    let subject = subjectBefore(view, frameVerb, subjectFloor);
    if (subject && subject.to - subject.from === 1 && isPronoun(toks[subject.from]) && reporter) subject = reporter;
    if (c.passive) {
      const by = toks.findIndex((t, k) => k > c.head && k < limit && t.lower === 'by');
      source = by >= 0 ? npAfter(view, by + 1, limit, false) : reporter;
      target = subject;
    } else {
      source = subject;
      const objEnd = limit;
      const headEnd = c.head === c.trigger.from ? c.trigger.to : c.head + 1;
      target = c.frameTarget;
      if (!target && c.head === c.trigger.from && c.trigger.to - c.trigger.from > 1) {
        // A light verb's indirect object sits before its noun: "sent the Karsian army 40
        // trucks of food", "will give Karsia a loan".
        const early = npAfter(view, c.head + 1, c.trigger.to, true);
        if (early && early.to <= c.trigger.to - 1 && toks.slice(early.from, early.to).some((t) => t.pos === 'PROPN')) target = early;
      }
      target ??= npAfter(view, Math.max(headEnd, c.trigger.to), objEnd, true);
    }
    if (c.modality === 'must' || c.modality === 'should' || c.modality === 'has to') {
      // "declared that Karsia must lift its tariffs": a demand by the reporter on the clause subject.
      if (reporter && subject && subject !== reporter) {
        out.push({ category: 'DEMAND', mode: null, trigger: c.trigger, source: reporter, target: subject, negated: false, modality: null, reported, reporter, main });
        return;
      }
    }
    let category = c.category;
    if (lex.cooperative.has(category) && hasPhrase(toks, c.trigger.to, limit, lex.rejectionPhrases)) category = 'REJECT';
    out.push({
      category, mode: c.mode, trigger: c.trigger, source, target,
      negated: c.negated && !c.negatedAbsorbed, modality: c.modality, reported, reporter, main,
    });
  };

  for (let k = 0; k < limit; k++) {
    const t = toks[k];
    if (mask[k]) continue;
    const frameNoun = t.pos === 'NOUN' && toks[k + 1]?.lower === 'to' && toks[k + 2]?.pos === 'VERB' && k > 0 && (/^(PROPN|PRON|NOUN)$/.test(toks[k - 1].pos) || toks[k - 1].lower === ',') && keysOf(t).some((x) => lex.frames.has(x));
    if (!frameNoun && !isVerbLike(t, toks[k - 1], eventLexicon()) && !(t.pos === 'ADJ' && (lex.ready.has(t.lower) || lex.unwilling.has(t.lower)))) continue;
    const { key } = verbKey(toks, k, lex);
    // "is willing/ready/prepared to X" behaves as an intent frame.
    if ((lex.ready.has(t.lower) || lex.unwilling.has(t.lower)) && toks[k + 1]?.lower === 'to') {
      if (toks[k + 1]?.lower !== 'to') continue;
      const unwilling = lex.unwilling.has(t.lower) || polarity(toks, k, 0).negated;
      const comp = findComplement(view, k + 1, limit, ['intent'], lex);
      if (!comp) continue;
      const inner = codeVerb(view, comp.verb, limit, lex, comp.verb, 1);
      const readyPol = polarity(toks, k, 0);
      if (!inner) {
        // Ready to do something the lexicon does not know: an intent to cooperate all the same.
        const c: Coding = { category: unwilling ? 'REJECT' : 'AGREE', mode: null, trigger: { from: k, to: comp.verb + 1 }, head: comp.verb, complementAt: comp.verb, frameTarget: null, clauseSubject: null, passive: false, negatedAbsorbed: unwilling, negated: false, modality: 'ready', frame: 'intent' };
        emit(c, out.length === 0);
        break;
      }
      if (readyPol.modality === 'must' || readyPol.modality === 'should') {
        emit({ ...inner, category: inner.category, modality: 'must', trigger: { from: k, to: inner.trigger.to }, frame: null, negated: false, negatedAbsorbed: false, passive: false }, out.length === 0);
        break;
      }
      const category = unwilling ? (lex.negatedOf[inner.category] ?? inner.category) : lex.intentOf[inner.category] ?? inner.category;
      emit({ ...inner, category, mode: category === inner.category || category === 'THREATEN' ? inner.mode : null, trigger: { from: k, to: inner.trigger.to }, head: inner.head, frame: 'intent', modality: 'ready', negated: unwilling && !lex.negatedOf[inner.category], negatedAbsorbed: unwilling && !!lex.negatedOf[inner.category], passive: false }, out.length === 0);
      break;
    }
    const coded = codeVerb(view, k, limit, lex, 0);
    const isReporting = lex.reporting.has(key) && !coded?.nominal && (!coded || coded.frame === null && !lex.verbs.has(key) || ['say', 'tell', 'report', 'state', 'claim', 'add', 'note', 'confirm'].includes(key));
    if (isReporting) {
      // "Ankara says it offered…": the event is in the complement; the reporter is the subject.
      const nextIsClause = toks[k + 1] && (toks[k + 1].lower === 'that' || toks[k + 1].pos === 'PRON' || toks[k + 1].pos === 'PROPN' || toks[k + 1].pos === 'DET' || toks[k + 1].pos === 'NOUN' || toks[k + 1].pos === 'ADJ' || isTimeLike(toks[k + 1]));
      if (nextIsClause || !coded) {
        reporter = npBefore(view, k, 0) ?? reporter;
        reported = true;
        reportingSubjectEnd = k + 1;
        continue;
      }
    }
    if (coded) {
      emit(coded, true);
      break;
    }
    // "declared that Karsia must lift its tariffs": whatever the verb, a "must" put on another party
    // by the reporter is a demand.
    if (reported && reporter && t.pos === 'VERB') {
      const pol = polarity(toks, k, reportingSubjectEnd);
      const subject = npBefore(view, k, reportingSubjectEnd);
      if ((pol.modality === 'must' || pol.modality === 'should') && subject && !isPronoun(toks[subject.from])) {
        out.push({ category: 'DEMAND', mode: null, trigger: { from: k, to: k + 1 }, source: reporter, target: subject, negated: false, modality: null, reported, reporter, main: true });
        break;
      }
    }
  }

  // A coordinated clause with its own event: "Rebels kidnapped 16 advisers and exploded bombs",
  // "Russia shelled Kharkiv, and Ukraine struck a depot in Belgorod".
  const main = out[0];
  if (main) {
    let k = main.trigger.to;
    let extra = 0;
    while (k < limit && extra < 2) {
      const t = toks[k];
      const joins = (t.lower === 'and' || t.lower === 'but' || t.lower === ';') && !mask[k];
      if (!joins) { k++; continue; }
      // The next verb within a short reach, with or without a subject of its own.
      let v = k + 1;
      while (v < Math.min(limit, k + 7) && !isVerbLike(toks[v], toks[v - 1], lex)) v++;
      if (v >= Math.min(limit, k + 7)) { k++; continue; }
      const coded = codeVerb(view, v, limit, lex, k + 1);
      if (coded && !lex.reporting.has(verbKey(toks, v, lex).key)) {
        const own = npBefore(view, v, k + 1);
        const sharedSubject = !own && toks.slice(k + 1, v).every((x) => x.pos === 'ADV' || x.pos === 'AUX' || x.pos === 'PART');
        const source = own ?? (sharedSubject ? main.source : null);
        const headEnd = coded.head === coded.trigger.from ? coded.trigger.to : coded.head + 1;
        let target = coded.frameTarget ?? npAfter(view, Math.max(headEnd, coded.trigger.to), limit, true);
        let src = source;
        if (coded.passive) { target = own; src = null; }
        out.push({
          category: coded.category, mode: coded.mode, trigger: coded.trigger, source: src, target,
          negated: coded.negated && !coded.negatedAbsorbed, modality: coded.modality, reported, reporter, main: false,
        });
        extra++;
        k = coded.trigger.to;
        continue;
      }
      k = v + 1;
    }
  }

  // No main-clause event: look at subordinate clauses, then at event nouns on their own.
  if (out.length === 0) {
    for (let k = 0; k < limit; k++) {
      if (!mask[k] || !isVerbLike(toks[k], toks[k - 1], lex)) continue;
      const coded = codeVerb(view, k, limit, lex, 0);
      if (coded && !lex.reporting.has(verbKey(toks, k, lex).key)) {
        emit(coded, false);
        break;
      }
    }
  }
  if (out.length === 0) {
    // An action noun ("the withdrawal of…", "Palestinian riots against…") when no verb codes.
    let noun: { at: number; length: number; key: string } | null = null;
    let nominal: { category: string; mode: string | null } | null = null;
    for (let k = 0; k < limit && !noun && !nominal; k++) {
      const verb = toks[k].pos === 'NOUN' ? lex.nominalizations.get(toks[k].lower) : undefined;
      const senses = verb ? lex.verbs.get(verb) : undefined;
      if (senses) {
        nominal = senses[0];
        noun = { at: k, length: 1, key: toks[k].lower };
        break;
      }
      const found = findNoun(toks, k, Math.min(limit, k + lex.maxNounWords), lex);
      if (found && found.at === k && (lex.nouns.get(found.key) ?? []).some((x) => lex.nounClassMap.get(x.nounClass)?.default)) noun = found;
    }
    if (noun) {
      const senses = nominal ? [{ nounClass: '', mode: nominal.mode, length: 1 }] : lex.nouns.get(noun.key) ?? [];
      for (const sense of senses) {
        const s = nominal ?? senseOf(lex.nounClassMap.get(sense.nounClass)?.default);
        if (!s) continue;
        const trig = { from: noun.at, to: noun.at + noun.length };
        const source = npBefore(view, noun.at + noun.length - 1, 0) && noun.at > 0 ? npBefore(view, noun.at, 0) : null;
        out.push({
          category: s.category, mode: sense.mode ?? s.mode, trigger: trig, source: source ?? reporter, target: npAfter(view, trig.to, limit, true),
          negated: false, modality: null, reported, reporter, main: false,
        });
        break;
      }
    }
  }
  return out;
}

function isTimeLike(t: Tok): boolean {
  return /^(on|today|yesterday|last|this|in)$/.test(t.lower);
}
