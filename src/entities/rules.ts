// The rules kept beside the model. The tagger (model/) decides what is a name and of what type;
// these rules encode Parley's conventions (a title is a role, not part of a name; a country is a
// place) and a few cues too rare in the training data for the model to weigh (a party-state tag, a
// market index's points, a dateline). Each is named, each can be switched off (bench:ner --ablate
// measures what each one does on the dev sets), and docs/models/entities.md says why each is kept.
import type { Doc } from '../text/doc.js';
import type { EntityType } from '../types.js';
import { lexicon } from './lexicon.js';
import { fold } from './text.js';
import { titleAt } from './titles.js';
import { indexCue, organizationCue, productCue } from './cues.js';
import type { Candidate, Scores } from './link.js';
import { PROSE, featureDoc, partyTag } from './model/features.js';
import { spanProbabilities, type TaggedName } from './model/tagger.js';

export const RULES = [
  'mid-sentence-capitals',
  'function-words',
  'party-tags',
  'joined-names',
  'flights',
  'plural-titles',
  'titles',
  'countries',
  'seats',
  'local-countries',
  'legal-forms',
  'market-indices',
  'products',
  'company-context',
  'datelines',
  'place-nouns',
  'bylines',
  'first-names',
] as const;
export type Rule = (typeof RULES)[number];

export interface EntityOptions {
  /** Rules to leave out (for measuring what each one does). */
  without?: ReadonlySet<Rule>;
}

const on = (o: EntityOptions, r: Rule) => !o.without?.has(r);

const FUNCTION_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'INTJ']);
const POSSESSIVE = /^(?:'s|’s)$/;
const APOSTROPHE = /^['’]$/;

const span = (first: number, last: number, type: number, probs: number[]): TaggedName => ({ first, last, type, probs });
const personProbs = (p: number[]) => {
  const rest = p[1] + p[2] + p[3];
  return [Math.max(p[0], 1 - rest), p[1], p[2], p[3]].map((x, k) => (k === 0 ? x : x * 0.5));
};

/** Rules on the spans the tagger found: trim, split, join or drop them. */
export function spanRules(doc: Doc, tagged: TaggedName[], o: EntityOptions): TaggedName[] {
  const lex = lexicon();
  const toks = doc.tokens;
  const names = on(o, 'mid-sentence-capitals') ? withCapitalRuns(doc, tagged) : tagged;
  let out: TaggedName[] = [];
  for (const n of names) {
    let { first, last } = n;
    // "In Donbas", "He": a capitalised function word at a headline's or sentence's edge is no part of a name.
    if (on(o, 'function-words')) {
      const fn = (k: number) => FUNCTION_POS.has(toks[k].pos) && lex.stopCapitalized.has(fold(toks[k].text));
      while (first <= last && fn(first)) first++;
      while (last >= first && fn(last) && !/^\p{Lu}{2,}$/u.test(toks[last].text)) last--;
      if (first > last) continue;
    }
    // "(R-Ky.)": a party letter and a state abbreviation name no one.
    if (on(o, 'party-tags')) {
      let tag = false;
      for (let k = first; k <= last && !tag; k++) tag = partyTag(doc, k);
      if (tag) continue;
    }
    // "Kelvair Flight 574": the numbered flight is no actor; the carrier before it is one.
    if (on(o, 'flights')) {
      let flight = -1;
      for (let k = first + 1; k < last; k++) if (fold(toks[k].text) === 'flight' && /^\d/.test(toks[k + 1].text)) flight = k;
      if (flight < 0 && last + 1 < toks.length && fold(toks[last].text) === 'flight' && /^\d/.test(toks[last + 1].text) && last > first) flight = last;
      if (flight >= 0) {
        out.push(span(first, flight - 1, 1, [0, 1, 0, 0]));
        continue;
      }
    }
    out.push(first === n.first && last === n.last ? n : { ...n, first, last });
  }
  if (on(o, 'joined-names')) out = joinNames(doc, out);
  if (on(o, 'plural-titles')) out = pluralTitles(doc, out);
  return out;
}

/**
 * A run of capitalised words inside a prose sentence that the tagger left out ("a Toyota
 * spokesman", "the Sandai stock index") is offered as a name, with the probabilities the model
 * gives that exact span; it is kept only when a type rule's cue settles it (typeRules), since on
 * the dev sets most such runs the tagger left out are rightly left out. Not a title, honorific,
 * nationality, calendar word, unit or function word, and not a run that touches a name the tagger
 * found (its boundary was the model's decision).
 */
function withCapitalRuns(doc: Doc, tagged: TaggedName[]): TaggedName[] {
  const lex = lexicon();
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length);
  for (const n of tagged) for (let k = Math.max(0, n.first - 1); k <= Math.min(toks.length - 1, n.last + 1); k++) covered[k] = 1;
  const eligible = (k: number) => {
    if (!fd.cap[k] || fd.initial[k] || fd.lineKind[k] !== PROSE || covered[k] || fd.byline[k]) return false;
    const w = fd.words[k];
    if (w === 'i' || lex.stopCapitalized.has(w) || lex.notNames.has(w) || lex.words.calendarWords.has(w.replace(/\.$/, ''))) return false;
    return !fd.gaz[k].some((g) => g.startsWith('role:') || g === 'honorific' || g === 'demonym' || g === 'demonyms');
  };
  const added: TaggedName[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (!eligible(k)) continue;
    let e = k;
    while (e + 1 < toks.length && toks[e + 1].sentence === toks[k].sentence && eligible(e + 1)) e++;
    // Only a whole run of capitals: "France" in "Air France" is part of a name, not one.
    const capBefore = k > 0 && toks[k - 1].sentence === toks[k].sentence && fd.cap[k - 1] === 1;
    const capAfter = e + 1 < toks.length && toks[e + 1].sentence === toks[e].sentence && fd.cap[e + 1] === 1;
    if (capBefore || capAfter || fd.gaz[k].includes('legal')) {
      k = e;
      continue;
    }
    const p = spanProbabilities(doc, k, e);
    const total = p ? p.reduce((a, b) => a + b, 0) : 0;
    if (p && total > 0) {
      const probs = p.map((x) => x / total);
      added.push({ first: k, last: e, type: probs.indexOf(Math.max(...probs)), probs, byRule: true });
    }
    k = e;
  }
  if (added.length === 0) return tagged;
  return [...tagged, ...added].sort((a, b) => a.first - b.first);
}

/** "People's Republic of China", "Michael O' Leary": names the tokenizer cut at an apostrophe. */
function joinNames(doc: Doc, names: TaggedName[]): TaggedName[] {
  const lex = lexicon();
  const toks = doc.tokens;
  const out: TaggedName[] = [];
  for (const n of names) {
    const prev = out[out.length - 1];
    if (prev && n.first === prev.last + 2) {
      const mid = toks[prev.last + 1];
      const joinsBody = POSSESSIVE.test(mid.text) && lex.connectorHeads.has(`${fold(toks[prev.last].text)}'s`);
      const irish = APOSTROPHE.test(mid.text) && /^[OD]$/.test(toks[prev.last].text) && mid.start === toks[prev.last].end;
      if ((joinsBody || irish) && toks[prev.last].sentence === toks[n.first].sentence) {
        out[out.length - 1] = { ...n, first: prev.first, probs: irish ? personProbs(n.probs) : n.probs };
        continue;
      }
    }
    // A possessive body head the tagger left out: "People's" before "Republic of China".
    if (POSSESSIVE.test(toks[n.first - 1]?.text ?? '') && n.first >= 2 && lex.connectorHeads.has(`${fold(toks[n.first - 2].text)}'s`) && /^\p{Lu}/u.test(toks[n.first - 2].text)) {
      out.push({ ...n, first: n.first - 2 });
      continue;
    }
    out.push(n);
  }
  return out;
}

/** The last token of a plural title at the start of a span ("Foreign Ministers", "Heads of State"), or -1. */
function pluralTitleEnd(doc: Doc, first: number, last: number): number {
  const lex = lexicon();
  const toks = doc.tokens;
  for (let e = Math.min(last, first + lex.roleMaxWords - 1); e >= first; e--) {
    const words = toks.slice(first, e + 1).map((t) => fold(t.text));
    // The plural sits on the head: the last word ("ministers") or the word before "of" ("heads of state").
    const at = words.indexOf('of') > 0 ? words.indexOf('of') - 1 : words.length - 1;
    const w = words[at];
    if (!/(?:[^s]s|men)$/.test(w) || !/^\p{Lu}/u.test(toks[first + at].text)) continue;
    const sing = w.endsWith('men') ? `${w.slice(0, -3)}man` : w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
    const phrase = [...words.slice(0, at), sing, ...words.slice(at + 1)].join(' ');
    if (lex.roles.has(phrase)) return e;
  }
  return -1;
}

/** "Heads of State" names no one; "Foreign Ministers Sergei Lavrov and Wang Yi" names people. */
function pluralTitles(doc: Doc, names: TaggedName[]): TaggedName[] {
  const toks = doc.tokens;
  const out: TaggedName[] = [];
  let listAfterTitle = -1; // sentence whose plural title is still listing people
  for (const n of names) {
    const end = pluralTitleEnd(doc, n.first, n.last);
    if (end >= 0) {
      if (end >= n.last) continue;
      const rest = end + 1;
      // "Ministers of Canada": what the office holders come from is a name of its own, not a person.
      if (['of', 'for', 'on'].includes(fold(toks[rest].text))) {
        let k = rest + 1;
        if (k <= n.last && fold(toks[k].text) === 'the') k++;
        if (k <= n.last) out.push({ ...n, first: k });
        continue;
      }
      out.push({ ...n, first: rest, type: 0, probs: personProbs(n.probs) });
      listAfterTitle = toks[rest].sentence;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && listAfterTitle === toks[n.first].sentence && n.first > prev.last && n.first - prev.last <= 3) {
      const between = toks.slice(prev.last + 1, n.first).map((t) => fold(t.text));
      if (between.every((w) => w === ',' || w === 'and') && prev.type === 0) {
        out.push({ ...n, type: 0, probs: personProbs(n.probs) });
        if (!between.includes('and')) continue;
      }
    }
    listAfterTitle = -1;
    out.push(n);
  }
  return out;
}

/** A leading title or honorific inside a span becomes the person's role ("Secretary of State Mike
 * Pompeo" → "Mike Pompeo"), when what follows reads as a person's name. */
export function leadingTitle(doc: Doc, n: TaggedName, first: number, o: EntityOptions): { first: number; role: ReturnType<typeof titleAt> } {
  if (!on(o, 'titles')) return { first, role: null };
  const lex = lexicon();
  const toks = doc.tokens;
  const last = n.last;
  let role: ReturnType<typeof titleAt> = null;
  const personish = n.probs[0] >= Math.max(n.probs[1], n.probs[2], n.probs[3]);
  for (;;) {
    if (first >= last) break;
    const w = fold(toks[first].text);
    if (lex.honorifics.has(w) || (lex.honorifics.has(`${w}.`) && toks[first + 1]?.text === '.')) {
      first = toks[first + 1]?.text === '.' && first + 1 < last ? first + 2 : first + 1;
      continue;
    }
    const title = titleAt(doc, first, last);
    if (!title || title.last >= last) break;
    const rest = title.last + 1;
    // "General Motors", "King's College": a title word that starts a body's name stays in it.
    if (!personish && !lex.givenNames.has(fold(toks[rest].text))) break;
    if (lex.places.has(fold(doc.text.slice(toks[first].start, toks[last].end)))) break;
    role = title;
    first = rest;
  }
  return { first, role };
}

const ONE_HOT: Record<string, Scores> = {
  person: { person: 1, organization: 0, place: 0, other: 0 },
  organization: { person: 0, organization: 1, place: 0, other: 0 },
  place: { person: 0, organization: 0, place: 1, other: 0 },
  other: { person: 0, organization: 0, place: 0, other: 1 },
};

/** Rules that settle a candidate's type from a strong cue: the candidate's evidence becomes that
 * type. Returns whether one did. */
export function typeRules(doc: Doc, c: Candidate, o: EntityOptions): boolean {
  const type = ruleType(doc, c, o);
  if (type) c.score = { ...ONE_HOT[type] };
  return type !== null;
}

function ruleType(doc: Doc, c: Candidate, o: EntityOptions): EntityType | null {
  const lex = lexicon();
  const toks = doc.tokens;
  const fd = featureDoc(doc);
  const { first, last, key, words } = c;
  const lastWord = words[words.length - 1];
  const s = c.score;
  const person = s.person >= Math.max(s.organization, s.place, s.other);
  const place = lex.places.get(key);
  const seat = lex.seats.get(key);
  // Parley's convention: a country is a place, whatever it does in the sentence.
  if (on(o, 'countries') && place?.kind === 'country' && !seat) return 'place';
  if (on(o, 'seats') && seat) return seat.type;
  if (on(o, 'local-countries') && c.placeKey?.startsWith('local:')) return 'place';
  if (on(o, 'legal-forms') && words.length >= 2 && lex.words.legalForms.has(lastWord)) return 'organization';
  if (on(o, 'bylines') && fd.byline[first] && words.length >= 2 && !lex.orgSuffixes.has(lastWord)) return 'person';
  if (on(o, 'datelines') && fd.cues[first].includes('c:dateline') && first === last) return 'place';
  if (on(o, 'market-indices') && indexCue(doc, first, last, c.possessive) >= 3) return 'other';
  if (on(o, 'products') && !person && productCue(doc, first, last, c.possessive) >= 2 && !place) return 'other';
  if (on(o, 'company-context') && !person && organizationCue(doc, first, last, c.possessive) >= 3 && place?.kind !== 'country') return 'organization';
  if (on(o, 'place-nouns') && !seat) {
    const next = toks[last + 1];
    const before = toks[first - 1];
    const nounAfter = !!next && next.sentence === toks[last].sentence && /^\p{Ll}/u.test(next.text) && lex.words.placeNouns.has(fold(next.text)) && !c.possessive;
    const nounOf = !!before && first >= 2 && (fold(before.text) === 'of' || before.text === ',') && lex.words.placeNouns.has(fold(toks[first - 2].text)) && toks[first - 2].sentence === toks[first].sentence;
    if ((nounAfter || nounOf) && !person) return 'place';
  }
  return null;
}
