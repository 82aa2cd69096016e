// The rules kept beside the model. The tagger (model/) decides what is a name and of what type;
// these rules encode Parley's conventions (a title is a role, not part of a name; a country is a
// place) and a few cues too rare in the training data for the model to weigh (a party-state tag, a
// market index's points, a dateline). Each is named, each can be switched off (bench:ner --ablate
// measures what each one does on the dev sets), and docs/models/entities.md says why each is kept.
import type { Doc } from '../text/doc.js';
import type { EntityType } from '../types.js';
import { lexicon } from './lexicon.js';
import { fold, isAcronym } from './text.js';
import { localNames } from './local.js';
import { titleAt } from './titles.js';
import { indexCue, organizationCue, productCue } from './cues.js';
import type { Candidate, Scores } from './link.js';
import { PROSE, featureDoc, partyTag } from './model/features.js';
import { spanProbabilities, type TaggedName } from './model/tagger.js';

export const RULES = [
  'mid-sentence-capitals',
  'headline-support',
  'possessive-split',
  'place-lists',
  'product-lists',
  'lone-persons',
  'lone-places',
  'body-heads',
  'venues',
  'news-agencies',
  'said-x',
  'person-verbs',
  'place-led-names',
  'offices-of-state',
  'office-of-body',
  'function-words',
  'ordinary-openers',
  'party-tags',
  'joined-names',
  'flights',
  'plural-titles',
  'titles',
  'countries',
  'gazetteer-spans',
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
  'unknown-names',
  'surnames',
  'known-bodies',
  'coordinated-names',
  'repeated-names',
  'word-surnames',
  'plural-possessive-bodies',
  'office-of-place',
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
  const fd = featureDoc(doc);
  let names = on(o, 'mid-sentence-capitals') ? withCapitalRuns(doc, tagged) : tagged;
  if (on(o, 'local-countries')) names = withLocalCountries(doc, names);
  if (on(o, 'countries')) names = withCountries(doc, names);
  if (on(o, 'known-bodies')) names = withKnownBodies(doc, names);
  if (on(o, 'bylines')) names = withBylineNames(doc, names);
  if (on(o, 'headline-support')) names = withHeadlineNames(doc, names);
  if (on(o, 'word-surnames')) names = withWordSurnames(doc, names);
  if (on(o, 'surnames')) names = withSurnames(doc, names);
  let out: TaggedName[] = [];
  for (const n of names) {
    let { first, last } = n;
    // "In Donbas", "He", "and Government": a capitalised function word at a headline's or
    // sentence's edge, or a lower-case word at a name's edge, is no part of the name.
    if (on(o, 'function-words')) {
      // A quantifier opens no name, whatever the tagger made of its capital ("Several Republicans").
      const fn = (k: number) => (FUNCTION_POS.has(toks[k].pos) && lex.stopCapitalized.has(fold(toks[k].text))) || (k === first && k < last && lex.words.quantifiers.has(fold(toks[k].text))) || (/^\p{Ll}/u.test(toks[k].text) && !lex.words.nameParticles.has(fold(toks[k].text)) && !/^\p{Ll}{1,2}\p{Lu}/u.test(toks[k].text)) || !/[\p{L}\p{N}]/u.test(toks[k].text);
      while (first <= last && fn(first)) first++;
      while (last >= first && fn(last) && !/^\p{Lu}{2,}$/u.test(toks[last].text)) last--;
      if (first > last) continue;
    }
    // Issue 11, part 3: an ordinary English word opening a line or a sentence ("Results",
    // "Doctors said") that the article never capitalises inside a sentence and no gazetteer
    // knows is no name by its capital alone.
    if (on(o, 'ordinary-openers') && first === last && fd.initial[first] && !n.settled && /^\p{Lu}\p{Ll}+$/u.test(toks[first].text)) {
      const w = fd.words[first];
      const elsewhere = names.some((x) => x !== n && x.last > x.first && fd.words.slice(x.first, x.last + 1).includes(w));
      const cues = new Set([...(fd.aggregate.get(w) ?? []), ...fd.cues[first]]);
      const person = [...PERSON_SUPPORT].some((x) => cues.has(x));
      if (fd.vocabulary.has(w) && (fd.capMid.get(w) ?? 0) === 0 && !elsewhere && !person && !fd.gaz[first].some((g) => SUPPORTING_LISTS.test(g) || g === 'given')) continue;
    }
    // "Minister of International Trade" names no one; "Minister of International Trade Priya
    // Anand" names the holder after the portfolio (leadingTitle gives her the office).
    if (on(o, 'titles')) {
      const office = titleAt(doc, first, last + 1);
      if (office && office.first === first && office.last + 1 < last && lex.words.officePrepositions.has(fold(toks[office.last + 1].text))) {
        let k = office.last + 2;
        if (fold(toks[k].text) === 'the') k++;
        let p = k;
        while (p <= last && portfolioWord(doc, p)) p++;
        if (p > k && p > last) continue;
        if (p > k && lex.givenNames.has(fold(toks[p].text))) first = p;
      }
    }
    // "Halvex's C.E.O.": a dotted role abbreviation is a title, not a name.
    if (on(o, 'titles') && first === last && /\./.test(toks[first].text) && lex.roles.has(fold(toks[first].text).replace(/\./g, ''))) continue;
    // "Minister of International Trade": words after an office that all belong to its portfolio
    // name no one; "Minister for Refugees Filippo Grandi" keeps the holder after them.
    if (on(o, 'titles') && first >= 2 && ['of', 'for'].includes(fold(toks[first - 1].text)) && portfolioWord(doc, first)) {
      let k = first;
      while (k <= last && portfolioWord(doc, k)) k++;
      if (k > last) continue;
      if (!lex.givenNames.has(fold(toks[k].text))) {
        out.push(retyped(doc, n, first, last));
        continue;
      }
      first = k;
    }
    // "Special Envoy for Ukraine Kurt Volker", "Ambassador to Britain Liu Xiaoming": after an office
    // and its preposition, a known place or body and then the office's holder are two names.
    if (on(o, 'titles') && first >= 2 && last - first >= 2) {
      let b = first - 1;
      if (fold(toks[b].text) === 'the' && b > 0) b--;
      const prep = fold(toks[b].text);
      let titled = false;
      for (let p = Math.max(0, b - 4); p < b && !titled; p++) titled = titleAt(doc, p, b)?.last === b - 1;
      if (titled && (prep === 'to' || lex.words.officePrepositions.has(prep))) {
        const bodies = lex.bodies;
        let place = -1;
        for (let k = first; k <= last - 2; k++) {
          const name = fold(doc.text.slice(toks[first].start, toks[k].end));
          // A country, region or large city; a small town named like a word ("National") is no evidence.
          const known = lex.places.get(name);
          if ((known && (known.kind !== 'city' || known.population >= 100000)) || bodies.some((w) => w.length === k - first + 1 && w.every((x, j) => fd.words[first + j] === x))) place = k;
        }
        // An unlisted place ("Ostmark") when a listed given name opens the holder's name.
        // The place is no English word ("National" is none) and the holder's name two or three words.
        if (place < 0 && !fd.vocabulary.has(fd.words[first]) && !lex.givenNames.has(fd.words[first]) && lex.givenNames.has(fd.words[first + 1]) && last - first <= 3) place = first;
        if (place >= 0) {
          out.push(retyped(doc, n, first, place));
          first = place + 1;
        }
      }
    }
    // "UN High Commissioner": a title that ends a span names no one; the body before it is a name.
    // Not "Court of Justice" (a connector before the title word makes it part of a body's name) nor
    // "Martin Luther King" (one title word after a given name and another name is a surname).
    if (on(o, 'titles')) {
      let cut = -1;
      for (let k = first; k <= last && cut < 0; k++) {
        const t = titleAt(doc, k, last + 1);
        if (t && t.last === last) cut = k;
      }
      const connected = cut > first && lex.words.nameConnectors.has(fold(toks[cut - 1].text));
      // "Odile King" too, when the tagger itself reads the whole span as a person.
      const surname = cut === last && cut > first && ((lex.givenNames.has(fold(toks[first].text)) && last - first >= 2) || (!n.byRule && n.probs[0] >= 0.5 && /^\p{Lu}\p{Ll}+$/u.test(toks[first].text) && !lex.places.has(fd.words[first])));
      // A lone title word is the surname of a person the tagger named with it ("King said" after
      // "Odile King").
      const surnameOf = first === last && names.some((x) => x !== n && x.last > x.first && x.probs[0] >= 0.5 && fd.words[x.last] === fd.words[first]);
      if (cut === first && !n.byRule && !surnameOf && titleAt(doc, first, last + 1)?.first === first) continue;
      if (cut > first && !connected && !surname) last = cut - 1;
    }
    // "the Oregon Democrat", "a Democrat": one member of a party, described, not named ("Democrats",
    // the party's members together, stay a group).
    if (on(o, 'party-tags') && lex.words.partyMembers.has(fold(toks[last].text)) && (first === last || fd.gaz[first].some((g) => /^(?:city-[a-z]+|region|country):/.test(g)) || lex.places.has(fold(doc.text.slice(toks[first].start, toks[last - 1].end))))) continue;
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
    // Part 3 of issue 11: on a headline or title-case line capitals say nothing, so a name there
    // needs support: a word the article also capitalises inside a prose sentence, a gazetteer
    // entry, or an acronym ("Talks Resume As Ceasefire Holds" names nothing).
    // A span across unsupported words is cut into its supported stretches ("Zelenskiy Meets Trump"
    // → "Zelenskiy", "Trump"); a word the vocabulary lacks and the article never writes in lower
    // case supports itself ("Zelenskiy"), an ordinary word does not ("Meets", "Talks").
    if (on(o, 'headline-support') && fd.lineKind[first] !== PROSE && !fd.byline[first]) {
      const supported = (k: number) => headlineSupported(doc, k);
      let k = first;
      while (k <= last) {
        while (k <= last && !supported(k)) k++;
        if (k > last) break;
        let e = k;
        while (e + 1 <= last && (supported(e + 1) || (lex.words.nameConnectors.has(fd.words[e + 1]) && e + 2 <= last && supported(e + 2)))) e++;
        out.push(k === n.first && e === n.last ? n : retyped(doc, n, k, e));
        k = e + 1;
      }
      continue;
    }
    // "The AU's Peace and Security Council", "Russia's Foreign Ministry": after an acronym or a
    // known place, a possessive ends one name and starts another ("St Mary's Hospital" stays whole).
    if (on(o, 'possessive-split')) {
      let cut = -1;
      for (let k = first + 1; k < last && cut < 0; k++) {
        if (!POSSESSIVE.test(toks[k].text) || lex.connectorHeads.has(`${fold(toks[k - 1].text)}'s`)) continue;
        const owner = fold(doc.text.slice(toks[first].start, toks[k - 1].end));
        if (isAcronym(toks[k - 1].text) || lex.places.has(owner) || lex.seats.has(owner)) cut = k;
      }
      if (cut > 0) {
        out.push(retyped(doc, n, first, cut - 1));
        first = cut + 1;
      }
    }
    out.push(first === n.first && last === n.last ? n : retyped(doc, n, first, last));
  }
  if (on(o, 'repeated-names')) out = withRepeatedNames(doc, out);
  if (on(o, 'gazetteer-spans')) out = wholePlaces(doc, out);
  if (on(o, 'plural-possessive-bodies')) out = pluralPossessiveBodies(doc, out);
  if (on(o, 'joined-names')) out = joinNames(doc, out);
  if (on(o, 'plural-titles')) out = pluralTitles(doc, out);
  // Two rules can grow two parts into the same whole ("Bosnia" and "Herzegovina" into the known
  // place): one name per stretch of text.
  const seen = new Set<string>();
  const distinct = out.filter((n) => {
    const key = `${n.first}:${n.last}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return on(o, 'coordinated-names') ? splitCoordinations(doc, distinct) : distinct;
}

/**
 * "the United Nations and the European Union", "talks between Aldavia and Beshtar": names joined
 * by "and" are two actors when each part is a name on its own — a place or body the lists know, or
 * a name the article gives alone elsewhere — and the whole is no name the lists know ("Bosnia and
 * Herzegovina"). "Securities and Exchange Commission" stays whole: its parts name nothing alone.
 */
function splitCoordinations(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const lex = lexicon();
  const toks = doc.tokens;
  const folded = (a: number, b: number) => fold(doc.text.slice(toks[a].start, toks[b].end));
  const bodies = new Set(lex.bodies.map((b) => b.join(' ')));
  const known = (a: number, b: number) => {
    const name = folded(a, b);
    return lex.places.has(name) || bodies.has(fd.words.slice(a, b + 1).join(' '));
  };
  const alone = new Set(names.map((n) => folded(n.first, n.last)));
  const standsAlone = (a: number, b: number) => a <= b && (known(a, b) || alone.has(folded(a, b)));
  const out: TaggedName[] = [];
  for (const n of names) {
    const joints: number[] = [];
    for (let k = n.first + 1; k < n.last; k++) if (fd.words[k] === 'and') joints.push(k);
    if (joints.length === 0 || known(n.first, n.last)) {
      out.push(n);
      continue;
    }
    // Each part, less a leading "the", must stand alone.
    const parts: [number, number][] = [];
    let from = n.first;
    for (const k of [...joints, n.last + 1]) {
      let a = from;
      if (fd.words[a] === 'the' && a < k - 1) a++;
      parts.push([a, k - 1]);
      from = k + 1;
    }
    if (parts.every(([a, b]) => standsAlone(a, b))) for (const [a, b] of parts) out.push(retyped(doc, n, a, b));
    else out.push(n);
  }
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
  const covered = coveredTokens(doc, tagged, 1);
  // A known place of several words ("St. Louis") is found whole, before single words are looked at.
  const placeEnd = (k: number) => {
    const tag = fd.gaz[k].find((g) => /^(?:city-[a-z]+|region|country):[BU]$/.test(g));
    if (!tag) return -1;
    let e = k;
    if (tag.endsWith(':B')) while (e + 1 < toks.length && fd.gaz[e + 1].some((g) => /^(?:city-[a-z]+|region|country):[IL]$/.test(g))) e++;
    return e;
  };
  const eligible = (k: number) => {
    // An acronym is written in capitals wherever it stands, so it counts at a sentence start too, as
    // does a word the vocabulary lacks and the article never writes in lower case ("Berlusconi").
    const initialName = isAcronym(toks[k].text) || (!fd.vocabulary.has(fd.words[k]) && !fd.lower.has(fd.words[k]));
    if (!fd.cap[k] || (fd.initial[k] && !initialName) || fd.lineKind[k] !== PROSE || covered[k] || fd.byline[k]) return false;
    const w = fd.words[k];
    if (w === 'i' || lex.stopCapitalized.has(w) || lex.notNames.has(w) || lex.words.calendarWords.has(w.replace(/\.$/, ''))) return false;
    return !fd.gaz[k].some((g) => g.startsWith('role:') || g === 'honorific' || g === 'demonym' || g === 'demonyms');
  };
  const added: TaggedName[] = [];
  for (let k = 0; k < toks.length; k++) {
    let pe = !covered[k] && fd.cap[k] && !fd.initial[k] && fd.lineKind[k] === PROSE ? placeEnd(k) : -1;
    // A place that modifies a noun ("US lenders", "the Tacoma plant") is left out, as the
    // tagger learnt from MEANTIME, which does not annotate it.
    if (pe >= 0 && pe + 1 < toks.length && toks[pe + 1].sentence === toks[k].sentence && (toks[pe + 1].pos === 'NOUN' || toks[pe + 1].pos === 'ADJ') && /^\p{Ll}/u.test(toks[pe + 1].text)) pe = -1;
    if (pe < 0 && !eligible(k)) continue;
    let e = pe >= 0 ? pe : k;
    while (pe < 0 && e + 1 < toks.length && toks[e + 1].sentence === toks[k].sentence && eligible(e + 1)) e++;
    // Only a whole run of capitals: "Varna" in "Air Varna" is part of a name, not one (a title
    // beside it is no part of a name: "UN High Commissioner").
    const titleWord = (q: number) => fd.gaz[q].some((g) => g.startsWith('role:') || g === 'honorific');
    const capBefore = k > 0 && toks[k - 1].sentence === toks[k].sentence && fd.cap[k - 1] === 1 && !titleWord(k - 1);
    const capAfter = e + 1 < toks.length && toks[e + 1].sentence === toks[e].sentence && fd.cap[e + 1] === 1 && !titleWord(e + 1);
    // A modifier of a noun ("US automakers") is left out, as for places above, unless the noun
    // makes it a company ("a Toyota spokesman").
    const modifier = pe < 0 && e + 1 < toks.length && toks[e + 1].sentence === toks[e].sentence && (toks[e + 1].pos === 'NOUN' || toks[e + 1].pos === 'ADJ') && /^\p{Ll}/u.test(toks[e + 1].text) && organizationCue(doc, k, e, false) < 3 && indexCue(doc, k, e, false) < 3 && !lex.words.placeNouns.has(fd.words[e + 1]);
    if (capBefore || capAfter || modifier || fd.gaz[k].includes('legal')) {
      k = e;
      continue;
    }
    const p = spanProbabilities(doc, k, e);
    const total = p ? p.reduce((a, b) => a + b, 0) : 0;
    if (p && total > 0) {
      // The model's own probabilities, not renormalised: for a span it did not decode they are
      // small, so linking leans on the article's other mentions to type it.
      const probs = p;
      // A known place or an acronym in brackets after a name ("General Motors (GM)") needs no further cue.
      const known = lex.places.has(fold(doc.text.slice(toks[k].start, toks[e].end))) || (k === e && isAcronym(toks[k].text) && toks[k - 1]?.text === '(' && toks[e + 1]?.text === ')');
      added.push({ first: k, last: e, type: probs.indexOf(Math.max(...probs)), probs, byRule: !known });
    }
    k = e;
  }
  if (added.length === 0) return tagged;
  return [...tagged, ...added].sort((a, b) => a.first - b.first);
}

/** Per token, 1 where one of the names (widened by `margin` tokens each side) covers it. */
function coveredTokens(doc: Doc, names: TaggedName[], margin = 0): Uint8Array {
  const n = doc.tokens.length;
  const covered = new Uint8Array(n);
  for (const x of names) for (let k = Math.max(0, x.first - margin); k <= Math.min(n - 1, x.last + margin); k++) covered[k] = 1;
  return covered;
}

/** A span whose edges a rule moved, typed again by the model for its new extent. */
function retyped(doc: Doc, n: TaggedName, first: number, last: number): TaggedName {
  const p = spanProbabilities(doc, first, last);
  const total = p ? p.reduce((a, b) => a + b, 0) : 0;
  if (!p || total <= 0) return { ...n, first, last };
  return { ...n, first, last, probs: p, type: p.indexOf(Math.max(...p)) };
}

/** "in St. Louis": a span inside a known place of several words ("Louis") grows to the whole
 * place, and the model types the grown span. */
function wholePlaces(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  return names.map((n) => {
    let a = n.first;
    let b = n.last;
    const inPlace = (k: number) => fd.gaz[k].some((g) => /^(?:city-[a-z]+|region|country|seat-[a-z]+):[BIL]$/.test(g));
    while (a > 0 && toks[a - 1].sentence === toks[a].sentence && inPlace(a - 1) && fd.gaz[a].some((g) => /:[IL]$/.test(g))) a--;
    while (b + 1 < toks.length && toks[b + 1].sentence === toks[b].sentence && inPlace(b + 1) && fd.gaz[b].some((g) => /:[BI]$/.test(g))) b++;
    return a === n.first && b === n.last ? n : retyped(doc, n, a, b);
  });
}

/** "Russia and Security Council members spoke": a country's name is a name wherever it stands,
 * sentence-initial or not, even where the tagger left it out. */
function withCountries(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const covered = coveredTokens(doc, names);
  const added: TaggedName[] = [];
  for (let k = 0; k < doc.tokens.length; k++) {
    if (covered[k] || !fd.cap[k] || fd.lineKind[k] !== PROSE) continue;
    const tag = fd.gaz[k].find((g) => g.startsWith('country:'));
    if (tag !== 'country:U' && tag !== 'country:B') continue;
    let e = k;
    if (tag === 'country:B') while (e + 1 < doc.tokens.length && fd.gaz[e + 1].some((g) => g === 'country:I' || g === 'country:L')) e++;
    let free = true;
    for (let q = k; q <= e; q++) if (covered[q]) free = false;
    // Not part of a longer name ("Air Varna") nor a modifier ("US lenders"), which is how the
    // tagger, following MEANTIME, leaves a country out.
    const toks = doc.tokens;
    const before = toks[k - 1];
    const after = toks[e + 1];
    const inName = (!!before && before.sentence === toks[k].sentence && fd.cap[k - 1] === 1) || (!!after && after.sentence === toks[e].sentence && (fd.cap[e + 1] === 1 || after.pos === 'NOUN' || after.pos === 'ADJ'));
    if (free && !inName) added.push({ first: k, last: e, type: 2, probs: [0, 0, 1, 0], settled: true });
    k = e;
  }
  return added.length ? [...names, ...added].sort((a, b) => a.first - b.first) : names;
}

/** "the European Union", "the UN Security Council": an international body on the list
 * (data/entities/bodies.txt) is one organisation's name, whole, wherever its words stand together
 * as a run of capitals of their own; a shorter name the tagger found inside it gives way. */
function withKnownBodies(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  const bodies = lexicon().bodies;
  const found: TaggedName[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (!fd.cap[k] || fd.lineKind[k] !== PROSE) continue;
    const body = bodies.find((b) => b.every((w, j) => k + j < toks.length && toks[k + j].sentence === toks[k].sentence && fd.words[k + j] === w && /^\p{Lu}/u.test(toks[k + j].text)));
    if (!body) continue;
    const e = k + body.length - 1;
    // Not inside a longer run of capitals ("the Virginia General Assembly", "EU Council").
    const capBefore = k > 0 && toks[k - 1].sentence === toks[k].sentence && fd.cap[k - 1] === 1 && /\p{L}/u.test(toks[k - 1].text) && !FUNCTION_POS.has(toks[k - 1].pos);
    const capAfter = e + 1 < toks.length && toks[e + 1].sentence === toks[e].sentence && fd.cap[e + 1] === 1 && /\p{L}/u.test(toks[e + 1].text);
    if (!capBefore && !capAfter) found.push({ first: k, last: e, type: 1, probs: [0, 1, 0, 0], settled: true });
    k = e;
  }
  if (found.length === 0) return names;
  // A name the tagger found inside a body's name gives way to it. One that runs on past the body
  // into a list ("the UN Security Council and NATO") is cut after the body, the rest read again;
  // one that crosses its edge otherwise keeps its reading and the body is left out.
  const listWord = (q: number) => q < toks.length && (fd.words[q] === 'and' || fd.words[q] === '&' || toks[q].text === ',');
  const kept: TaggedName[] = [];
  for (const n of names) {
    if (found.some((b) => b.first <= n.first && n.last <= b.last)) continue;
    const body = found.find((b) => b.first === n.first && b.last < n.last && listWord(b.last + 1));
    if (body && body.last + 2 <= n.last) kept.push(retyped(doc, n, body.last + 2, n.last));
    else if (!body) kept.push(n);
  }
  const bodiesKept = found.filter((b) => !kept.some((n) => n.first <= b.last && b.first <= n.last));
  return [...kept, ...bodiesKept].sort((a, b) => a.first - b.first);
}

/** "client Odile Page passed away": a given name the tagger read as a person, then a capitalised
 * word that is also an English word ("Page", "Hunter", "Weeks"), is one name: the tagger, seeing an
 * ordinary word, stopped at the given name. Not where the next word is a title, a place, a function
 * word or a word the article writes in lower case, and not where it starts a name of its own. */
function withWordSurnames(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  const lex = lexicon();
  const starts = new Set(names.map((n) => n.first));
  return names.map((n) => {
    const k = n.last + 1;
    if (n.first !== n.last || k >= toks.length || starts.has(k) || n.probs[0] < Math.max(n.probs[1], n.probs[2], n.probs[3])) return n;
    if (!lex.givenNames.has(fd.words[n.first]) || toks[k].sentence !== toks[n.first].sentence || toks[k].start !== toks[n.last].end + 1) return n;
    const w = fd.words[k];
    if (!/^\p{Lu}\p{Ll}+$/u.test(toks[k].text) || fd.lineKind[k] !== PROSE || fd.lower.has(w) || (FUNCTION_POS.has(toks[k].pos) && lex.stopCapitalized.has(w)) || lex.places.has(w) || lex.givenNames.has(w)) return n;
    if (fd.gaz[k].some((g) => g.startsWith('role:') || g === 'honorific' || g === 'demonym' || g === 'demonyms')) return n;
    // The word then runs on into more capitals: a longer name the tagger's reading does not cover.
    if (k + 1 < toks.length && toks[k + 1].sentence === toks[k].sentence && fd.cap[k + 1] === 1 && /\p{L}/u.test(toks[k + 1].text)) return n;
    return retyped(doc, n, n.first, k);
  });
}

/** "the Harriers won … The Harriers lost": one article means one thing by one capitalised name, so
 * where the tagger found a name, the same words standing alone elsewhere in the article's prose are
 * that name too, sentence starts included, with the probabilities of the reading found (the
 * tagger's context features see the other mentions but its decoding can still leave some out). Not
 * words inside a longer run of capitals, and not a word the article also writes in lower case. */
function withRepeatedNames(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  const lex = lexicon();
  const found = new Map<string, TaggedName>();
  for (const n of names) {
    if (n.byRule || fd.lineKind[n.first] !== PROSE) continue;
    const words = fd.words.slice(n.first, n.last + 1);
    if (words.some((w, j) => fd.lower.has(w) || !/^\p{Lu}/u.test(toks[n.first + j].text) || lex.stopCapitalized.has(w))) continue;
    const key = words.join(' ');
    if (!found.has(key)) found.set(key, n);
  }
  if (found.size === 0) return names;
  const byFirst = new Map<string, string[][]>();
  for (const key of found.keys()) {
    const words = key.split(' ');
    (byFirst.get(words[0]) ?? byFirst.set(words[0], []).get(words[0])!).push(words);
  }
  const covered = coveredTokens(doc, names);
  // A capital beside the run makes it part of a longer name, unless it is a function word ("The").
  const capNear = (q: number, k: number) => q >= 0 && q < toks.length && toks[q].sentence === toks[k].sentence && fd.cap[q] === 1 && /\p{L}/u.test(toks[q].text) && !(FUNCTION_POS.has(toks[q].pos) && lex.stopCapitalized.has(fd.words[q]));
  const added: TaggedName[] = [];
  for (let k = 0; k < toks.length; k++) {
    const options = byFirst.get(fd.words[k]);
    if (!options || covered[k] || fd.lineKind[k] !== PROSE || !/^\p{Lu}/u.test(toks[k].text)) continue;
    for (const words of options) {
      const e = k + words.length - 1;
      if (e >= toks.length || toks[e].sentence !== toks[k].sentence) continue;
      let same = true;
      for (let j = 1; j < words.length && same; j++) same = fd.words[k + j] === words[j] && !covered[k + j] && /^\p{Lu}/u.test(toks[k + j].text);
      if (!same || capNear(k - 1, k) || capNear(e + 1, e) || toks[e + 1]?.text === '-' || toks[k - 1]?.text === '-') continue;
      // A name that modifies a noun ("Harriers fans", "Harriers home form") is left out, as the
      // tagger learnt from MEANTIME; an adjective with no noun after it is the tagger's misreading
      // of a verb ("helping the Harriers secure the title").
      const inSentence = (q: number) => q < toks.length && toks[q].sentence === toks[e].sentence && /^\p{Ll}/u.test(toks[q].text);
      const noun = (q: number) => inSentence(q) && toks[q].pos === 'NOUN';
      const adj = (q: number) => inSentence(q) && toks[q].pos === 'ADJ';
      if (noun(e + 1) || (adj(e + 1) && (noun(e + 2) || adj(e + 2)))) continue;
      const n = found.get(words.join(' '))!;
      added.push({ first: k, last: e, type: n.type, probs: n.probs });
      k = e;
      break;
    }
  }
  if (added.length === 0) return names;
  return [...names, ...added].sort((a, b) => a.first - b.first);
}

/** '"…," Okafor said': once the article has named a person in full, the surname alone names them
 * wherever it stands on its own, sentence starts included, where the tagger reads a capital as
 * saying nothing ("King said" after "Odile King"). Not a word inside a longer run of capitals. */
function withSurnames(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  const surnames = new Map<string, number[]>();
  for (const n of names) {
    if (n.last === n.first || n.probs[0] < 0.5 || n.probs[0] < Math.max(n.probs[1], n.probs[2], n.probs[3])) continue;
    const w = fd.words[n.last];
    if (/^\p{Lu}\p{Ll}{2,}$/u.test(toks[n.last].text) && !surnames.has(w)) surnames.set(w, n.probs);
  }
  if (surnames.size === 0) return names;
  const covered = coveredTokens(doc, names);
  const added: TaggedName[] = [];
  for (let k = 0; k < toks.length; k++) {
    const probs = surnames.get(fd.words[k]);
    if (!probs || covered[k] || !fd.cap[k] || fd.lineKind[k] !== PROSE) continue;
    const capNear = (q: number) => q >= 0 && q < toks.length && toks[q].sentence === toks[k].sentence && fd.cap[q] === 1 && /\p{L}/u.test(toks[q].text);
    if (capNear(k - 1) || capNear(k + 1) || toks[k + 1]?.text === '-') continue;
    added.push({ first: k, last: k, type: 0, probs, settled: true });
  }
  if (added.length === 0) return names;
  return [...names, ...added].sort((a, b) => a.first - b.first);
}

/** "By Gemma Platt and Jo Lee, World Affairs Reporter": each name of a byline is a person's, whole. */
function withBylineNames(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  const byline: TaggedName[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (!fd.byline[k] || !fd.cap[k]) continue;
    let e = k;
    while (e + 1 < toks.length && fd.byline[e + 1] && !/^(?:and|&)$/i.test(toks[e + 1].text) && (fd.cap[e + 1] || lexicon().words.nameParticles.has(fd.words[e + 1]))) e++;
    if (e > k) byline.push({ first: k, last: e, type: 0, probs: [1, 0, 0, 0], settled: true });
    k = e;
  }
  if (byline.length === 0) return names;
  const kept = names.filter((n) => !byline.some((b) => n.first <= b.last && b.first <= n.last));
  return [...kept, ...byline].sort((a, b) => a.first - b.first);
}

/** Words of a headline or title-case line that support themselves as names (see headline-support
 * in spanRules) and that the tagger left out ("Zelensky" in "Putin and Zelensky to Meet"). */
function withHeadlineNames(doc: Doc, names: TaggedName[]): TaggedName[] {
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  const covered = coveredTokens(doc, names, 1);
  const added: TaggedName[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (fd.lineKind[k] === PROSE || fd.byline[k] || covered[k] || !fd.cap[k] || !headlineSupported(doc, k) || FUNCTION_POS.has(toks[k].pos)) continue;
    if (fd.gaz[k].some((g) => g.startsWith('role:') || g === 'honorific' || g === 'demonym' || g === 'demonyms' || g === 'calendar')) continue;
    let e = k;
    while (e + 1 < toks.length && toks[e + 1].sentence === toks[k].sentence && !covered[e + 1] && fd.cap[e + 1] && headlineSupported(doc, e + 1)) e++;
    const p = spanProbabilities(doc, k, e);
    const total = p ? p.reduce((a, b) => a + b, 0) : 0;
    if (p && total > 0) {
      added.push({ first: k, last: e, type: p.indexOf(Math.max(...p)), probs: p });
    }
    k = e;
  }
  return added.length ? [...names, ...added].sort((a, b) => a.first - b.first) : names;
}

/** On a headline or title-case line: a word the article also capitalises inside a prose sentence,
 * a gazetteer entry, an acronym, or a word the vocabulary lacks that the article never writes in
 * lower case ("Zelenskiy"); an ordinary word ("Meets", "Talks") is not. */
function headlineSupported(doc: Doc, k: number): boolean {
  const fd = featureDoc(doc);
  const w = fd.words[k];
  if ((fd.capMid.get(w) ?? 0) > 0 || isAcronym(doc.tokens[k].text) || fd.gaz[k].some((g) => SUPPORTING_LISTS.test(g))) return true;
  // The given-name list holds ordinary words too ("Meet", "Will"): it vouches only for other words.
  if (fd.gaz[k].includes('given') && !fd.vocabulary.has(w)) return true;
  return fd.cap[k] === 1 && !fd.vocabulary.has(w) && !fd.lower.has(w);
}

/** Gazetteer tags that vouch for a headline word being a name (see features.ts gazetteerTags). */
const SUPPORTING_LISTS = /^(?:country|region|city-big|city-mid|seat-org|seat-place|demonym|localcountry)(?::|$)/;

/** "Karsia rejected the offer": a country the article names with its own adjective ("Karsian
 * troops") is a name even where the tagger, seeing an unfamiliar word, left it out. */
function withLocalCountries(doc: Doc, names: TaggedName[]): TaggedName[] {
  const local = localNames(doc);
  if (local.countries.size === 0) return names;
  const fd = featureDoc(doc);
  const covered = coveredTokens(doc, names);
  const added: TaggedName[] = [];
  fd.words.forEach((w, k) => {
    if (fd.cap[k] && !covered[k] && local.countries.has(w)) added.push({ first: k, last: k, type: 2, probs: [0, 0, 1, 0], settled: true });
  });
  return added.length ? [...names, ...added].sort((a, b) => a.first - b.first) : names;
}

const portfolioWord = (doc: Doc, k: number) => lexicon().portfolioWords.has(fold(doc.tokens[k].text));

/** "People's Republic of China", "Michael O' Leary": names the tokenizer cut at an apostrophe;
 * "Federal Service for the Inland Waterways": a body's head noun, "of/for/on (the)", and a name
 * are one name. */
/**
 * "the Ashby Farmers' Union", "the Workers' Party of Korea", "the Hale Tenants' Association": a
 * capitalised plural of an ordinary noun, its apostrophe, then a body's head noun is one body's
 * name, not an owner and a thing owned. The tagger, which learnt that a possessive ends a name,
 * cuts it in two or keeps only the owner. A party's members ("the Democrats' Senate majority"), a
 * place or a person's name before the apostrophe stays an owner.
 */
function pluralPossessiveBodies(doc: Doc, names: TaggedName[]): TaggedName[] {
  const lex = lexicon();
  const fd = featureDoc(doc);
  const toks = doc.tokens;
  let out = names;
  for (let k = 1; k + 1 < toks.length; k++) {
    const owner = toks[k - 1];
    if (!APOSTROPHE.test(toks[k].text) || owner.end !== toks[k].start || owner.sentence !== toks[k + 1].sentence) continue;
    if (!/^\p{Lu}\p{Ll}+s$/u.test(owner.text) || !fd.cap[k + 1]) continue;
    const plural = fd.words[k - 1];
    if (!fd.vocabulary.has(plural) || lex.places.has(plural) || lex.givenNames.has(plural) || lex.words.partyMembers.has(plural.replace(/s$/, ''))) continue;
    // The body's words: a name that starts right after the apostrophe, else the capitals there.
    const after = out.find((n) => n.first === k + 1);
    let e = after ? after.last : k + 1;
    if (!after) while (e + 1 < toks.length && e + 1 - k < 4 && toks[e + 1].sentence === owner.sentence && fd.cap[e + 1] && !FUNCTION_POS.has(toks[e + 1].pos)) e++;
    let head = false;
    for (let q = k + 1; q <= e; q++) head ||= lex.connectorHeads.has(fd.words[q]) || (lex.orgSuffixes.has(fd.words[q]) && /^\p{L}{4,}$/u.test(fd.words[q]));
    if (!head) continue;
    const before = out.find((n) => n.last === k - 1);
    const first = before ? before.first : k - 1;
    const base = after ?? before ?? { first, last: e, type: 1, probs: [0, 1, 0, 0] };
    const joined = retyped(doc, base, first, e);
    // A body, whatever the model makes of the joined words.
    const body = { ...joined, type: 1, probs: [0, Math.max(0.9, joined.probs[1]), 0, 0], settled: true };
    out = [...out.filter((n) => n.last < first || n.first > e), body].sort((a, b) => a.first - b.first);
  }
  return out;
}

function joinNames(doc: Doc, names: TaggedName[]): TaggedName[] {
  const lex = lexicon();
  const toks = doc.tokens;
  const out: TaggedName[] = [];
  for (const n of names) {
    const prev = out[out.length - 1];
    if (prev && n.first > prev.last + 1 && n.first - prev.last <= 3 && toks[prev.last].sentence === toks[n.first].sentence && lex.connectorHeads.has(fold(toks[prev.last].text)) && !n.byRule) {
      const between = toks.slice(prev.last + 1, n.first).map((t) => fold(t.text));
      if (['of', 'for', 'on'].includes(between[0]) && (between.length === 1 || (between.length === 2 && between[1] === 'the'))) {
        out[out.length - 1] = retyped(doc, prev, prev.first, n.last);
        continue;
      }
    }
    if (prev && n.first === prev.last + 2) {
      const mid = toks[prev.last + 1];
      const joinsBody = POSSESSIVE.test(mid.text) && lex.connectorHeads.has(`${fold(toks[prev.last].text)}'s`);
      const irish = APOSTROPHE.test(mid.text) && /^[OD]$/.test(toks[prev.last].text) && mid.start === toks[prev.last].end;
      if ((joinsBody || irish) && toks[prev.last].sentence === toks[n.first].sentence) {
        const probs = irish ? personProbs(n.probs) : n.probs;
        out[out.length - 1] = { first: prev.first, last: n.last, probs, type: probs.indexOf(Math.max(...probs)) };
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
  // "Northern Rail and Port Authority", "Peace and Security Council": "and" inside one body's name,
  // when the right part ends in a body's head noun and the left part is no name of its own (no
  // place, no person's given name or title, no head noun of its own). "Halvex and Brightcore
  // Group" stays two: a company ending closes each name of a list.
  const fd = featureDoc(doc);
  const words = fd.words;
  for (let i = out.length - 2; i >= 0; i--) {
    const a = out[i];
    const b = out[i + 1];
    if (b.first !== a.last + 2 || words[a.last + 1] !== 'and' || toks[a.last].sentence !== toks[b.first].sentence || a.last - a.first > 3) continue;
    // A body's head noun among the right part's first words ("Port Authority NRPA Ltd."); a legal
    // form or a list-closing ending is no such head ("Halvex and Brightcore Inc." are two companies).
    const isHead = (w: string) => !lex.words.listySuffixes.has(w) && !lex.words.legalForms.has(w) && (lex.connectorHeads.has(w) || (lex.orgSuffixes.has(w) && /^\p{L}{4,}$/u.test(w)));
    let bodyHead = false;
    for (let k = b.first + 1; k <= Math.min(b.last, b.first + 2); k++) bodyHead ||= isHead(words[k]);
    if (!bodyHead || lex.places.has(words[b.first]) || lex.givenNames.has(words[b.first])) continue;
    const leftText = fold(doc.text.slice(toks[a.first].start, toks[a.last].end));
    let personal = false;
    for (let k = a.first; k <= a.last; k++) personal ||= lex.givenNames.has(words[k]) || lex.roles.has(words[k]) || lex.honorifics.has(words[k]);
    if (personal || lex.places.has(leftText) || lex.places.has(words[a.last]) || lex.connectorHeads.has(words[a.last]) || isAcronym(toks[a.last].text)) continue;
    out.splice(i, 2, retyped(doc, b, a.first, b.last));
  }
  // A body's head noun, then "of/for/on (the)" and capitalised words the tagger left out.
  for (let i = 0; i < out.length; i++) {
    const n = out[i];
    if (!lex.connectorHeads.has(fold(toks[n.last].text))) continue;
    let k = n.last + 1;
    if (!['of', 'for', 'on'].includes(fold(toks[k]?.text ?? '')) || toks[k].sentence !== toks[n.last].sentence) continue;
    k++;
    if (fold(toks[k]?.text ?? '') === 'the') k++;
    let e = k - 1;
    // A run only a fallback rule found, with no type of its own settled, is the body's tail.
    const next = out[i + 1];
    const absorbNext = next !== undefined && next.first === k && next.byRule === true && !next.settled;
    const limit = next === undefined || absorbNext ? Infinity : next.first;
    // A day or a month is when, not part of the name ("the Interior Department on Thursday").
    const calendar = (q: number) => lex.words.calendarWords.has(fd.words[q].replace(/\.$/, ''));
    while (e + 1 < toks.length && toks[e + 1].sentence === toks[n.last].sentence && fd.cap[e + 1] && !FUNCTION_POS.has(toks[e + 1].pos) && !calendar(e + 1) && e + 1 < limit) e++;
    if (absorbNext && e < next.last) continue;
    if (e >= k) {
      out[i] = retyped(doc, n, n.first, e);
      if (absorbNext) out.splice(i + 1, 1);
    }
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

/** "the Rangers", "the Senators": one plural role word that the article capitalises inside its
 * prose and never writes in lower case, and that the tagger reads as a body rather than people, is a
 * name (a team's), not a title; "Ministers met" in a text that also writes "ministers" stays a title. */
function pluralName(doc: Doc, n: TaggedName): boolean {
  if (n.first !== n.last || n.probs[0] >= Math.max(n.probs[1], n.probs[3])) return false;
  const fd = featureDoc(doc);
  const w = fd.words[n.first];
  return (fd.capMid.get(w) ?? 0) > 0 && !fd.lower.has(w);
}

/** "Heads of State" names no one; "Foreign Ministers Sergei Lavrov and Wang Yi" names people. */
function pluralTitles(doc: Doc, names: TaggedName[]): TaggedName[] {
  const toks = doc.tokens;
  const out: TaggedName[] = [];
  let listAfterTitle = -1; // sentence whose plural title is still listing people
  for (const n of names) {
    const end = pluralTitleEnd(doc, n.first, n.last);
    if (end >= 0) {
      if (end >= n.last) {
        if (pluralName(doc, n)) out.push(n);
        continue;
      }
      const rest = end + 1;
      // "Heads of State and Government": a lower-case word goes on with the title.
      if (/^\p{Ll}/u.test(toks[rest].text) && !['of', 'for', 'on'].includes(fold(toks[rest].text))) continue;
      // "Ministers of Canada": what the office holders come from is a name of its own, not a person.
      if (['of', 'for', 'on'].includes(fold(toks[rest].text))) {
        let k = rest + 1;
        if (k <= n.last && fold(toks[k].text) === 'the') k++;
        if (k <= n.last) out.push(retyped(doc, n, k, n.last));
        continue;
      }
      out.push({ ...n, first: rest, type: 0, probs: personProbs(n.probs), settled: true });
      listAfterTitle = toks[rest].sentence;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && listAfterTitle === toks[n.first].sentence && n.first > prev.last && n.first - prev.last <= 3) {
      const between = toks.slice(prev.last + 1, n.first).map((t) => fold(t.text));
      if (between.every((w) => w === ',' || w === 'and') && prev.type === 0) {
        out.push({ ...n, type: 0, probs: personProbs(n.probs), settled: true });
        // "and" closes the list: what follows it is no longer named by the title.
        if (between.includes('and')) listAfterTitle = -1;
        continue;
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
  // "St. Louis", "Prince Edward Island": a known place keeps its title-like first word.
  if (lex.places.has(fold(doc.text.slice(toks[first].start, toks[last].end)))) return { first, role };
  for (;;) {
    if (first >= last) break;
    const w = fold(toks[first].text);
    // "Royal Highness": a word that makes the honorific after it part of a stack.
    const royal = w === 'royal' && first + 1 < last && lex.honorifics.has(fold(toks[first + 1].text));
    if (royal || lex.honorifics.has(w) || (lex.honorifics.has(`${w}.`) && toks[first + 1]?.text === '.')) {
      first = toks[first + 1]?.text === '.' && first + 1 < last ? first + 2 : first + 1;
      continue;
    }
    const title = titleAt(doc, first, last);
    if (!title || title.last >= last) break;
    const rest = title.last + 1;
    // "General Motors", "Queen's Hall": a title word that starts a body's name stays in it.
    if (!personish && !lex.givenNames.has(fold(toks[rest].text))) break;
    if (lex.places.has(fold(doc.text.slice(toks[first].start, toks[last].end)))) break;
    role = title;
    first = rest;
  }
  // "High Commissioner for Refugees Filippo Grandi": the office before the portfolio is the holder's.
  if (!role && first >= 3) {
    let k = first - 1;
    while (k >= 0 && portfolioWord(doc, k) && !['of', 'for'].includes(fold(toks[k].text))) k--;
    if (k < first - 1 && k >= 1 && ['of', 'for'].includes(fold(toks[k].text))) {
      for (let a = Math.max(0, k - lex.roleMaxWords); a < k; a++) {
        const t = titleAt(doc, a, k);
        if (t && t.last === k - 1) {
          role = t;
          break;
        }
      }
    }
  }
  return { first, role };
}

/** The evidence a rule's cue gives its type: it outweighs the model's reading of two other
 * mentions of the same entity, which linking adds up (link.ts). */
const RULE_WEIGHT = 2;
const ONE_HOT: Record<string, Scores> = {
  person: { person: RULE_WEIGHT, organization: 0, place: 0, other: 0 },
  organization: { person: 0, organization: RULE_WEIGHT, place: 0, other: 0 },
  place: { person: 0, organization: 0, place: RULE_WEIGHT, other: 0 },
  other: { person: 0, organization: 0, place: 0, other: RULE_WEIGHT },
};

/** Rules that settle a candidate's type from a strong cue: the candidate's evidence becomes that
 * type. Returns whether one did. */
export function typeRules(doc: Doc, c: Candidate, o: EntityOptions): boolean {
  const type = ruleType(doc, c, o);
  if (type) {
    c.score = { ...ONE_HOT[type] };
    c.settled = true;
  }
  return type !== null;
}

/** Names some mention of which holds a state office ("Kestria's chief negotiator"), per document. */
const stateNames = new WeakMap<Doc, Set<string>>();

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
  if (on(o, 'news-agencies') && lex.agencies.has(key)) return 'organization';
  // '"…," said Lavrov.': an inverted reporting clause names a person, not a body: nothing after
  // the name but punctuation, and no subject of its own before the verb.
  if (on(o, 'said-x') && first >= 1 && !isAcronym(c.text) && !place && !seat && !lex.orgSuffixes.has(lastWord)) {
    const verb = toks[first - 1];
    const before = toks[first - 2];
    const next = toks[last + 1];
    const subject = !!before && before.sentence === verb.sentence && ['PROPN', 'NOUN', 'PRON'].includes(before.pos);
    const ends = !next || next.sentence !== toks[last].sentence || /^[,.;:]$/.test(next.text);
    if (verb.sentence === toks[first].sentence && verb.pos === 'VERB' && lex.reportingVerbs.has(verb.lemma) && !subject && ends && !c.possessive) return 'person';
  }
  // "London Heathrow", "Washington Mutual": a name led by a country or a city of millions is no person's.
  if (on(o, 'place-led-names') && person && words.length >= 2 && c.roles.length === 0) {
    const lead = lex.places.get(words[0]);
    if (lead && (lead.kind === 'country' || lead.population >= 5_000_000)) return bestOf(s, ['organization', 'place', 'other']);
  }
  // "Berlusconi greeted him", "Moammar Qaddafi arrived": verbs only people do, right after a plain name.
  // Not a state the article names by its office ("the Prime Minister of Kestria arrived").
  if (on(o, 'person-verbs') && words.length <= 3 && !place && !seat && !isAcronym(c.text) && !c.possessive && !lex.orgSuffixes.has(lastWord) && !(on(o, 'offices-of-state') && stateOffice(doc).has(key))) {
    const next = toks[last + 1];
    if (next && next.sentence === toks[last].sentence && (next.pos === 'VERB' || next.pos === 'AUX') && lex.personVerbs.has(next.lemma)) return 'person';
  }
  // "regional official Durdy Annayev": two or three capitalised words inside a sentence, none an
  // ordinary English word, a place or a body's word, with a given name first or a person's word
  // (a noun, a title) right before, and no reading the model holds with confidence, name a person:
  // foreign names the training corpora rarely show.
  if (on(o, 'unknown-names') && words.length >= 2 && words.length <= 3 && !place && !seat && !c.possessive && Math.max(s.organization, s.place, s.other) < 0.5 && !fd.initial[first] && fd.lineKind[first] === PROSE) {
    let plain = true;
    let shaped = true;
    for (let k = first; k <= last; k++) {
      const w = fd.words[k];
      const nameLike = /^\p{Lu}\p{Ll}+(?:-\p{L}+)?$/u.test(toks[k].text) && !lex.places.has(w) && !lex.orgSuffixes.has(w) && !lex.connectorHeads.has(w);
      shaped &&= nameLike;
      plain &&= nameLike && !fd.vocabulary.has(w);
    }
    const before = toks[first - 1];
    const after = toks[last + 1];
    // Not part of a longer hyphenated or numbered name ("Rolls-Royce Trent 900").
    const inLonger = (!!before && before.end === toks[first].start) || (!!after && after.sentence === toks[last].sentence && /^\d/.test(after.text));
    const personBefore = !!before && before.sentence === toks[first].sentence && (before.pos === 'NOUN' || fd.gaz[first - 1].some((g) => g.startsWith('role:')));
    if (plain && !inLonger && (lex.givenNames.has(fd.words[first]) || personBefore)) return 'person';
    // "first baseman Mark Page", "referee Tony Weeks": a person's word, then a given name, then a
    // capitalised word, is a person even where the names are also English words ("mark", "weeks").
    if (shaped && !inLonger && personBefore && lex.givenNames.has(fd.words[first])) return 'person';
  }
  // Parley's convention: a country is a place, whatever it does in the sentence.
  if (on(o, 'countries') && place?.kind === 'country' && !seat) return 'place';
  // "the mayor of Boston said", "the governor of South Dakota": a listed place after an office and
  // "of" is the office's place, not a team, a firm or the office holder, whatever follows it.
  if (on(o, 'office-of-place') && place && !seat && first >= 2) {
    let k = first - 1;
    if (fold(toks[k].text) === 'the' && k >= 2) k--;
    const office = k >= 1 && fold(toks[k].text) === 'of' && toks[k - 1].sentence === toks[first].sentence && lex.roles.has(fold(toks[k - 1].text));
    if (office && words.length === key.split(' ').length) return 'place';
  }
  // A seat of power speaks for its government ("the Kremlin said"), but where something happens
  // at or in it, it is the place ("talks at the Élysée Palace", "a speech from the White House").
  if (on(o, 'seats') && seat) {
    let k = first - 1;
    if (fold(toks[k]?.text ?? '') === 'the') k--;
    const prep = k >= 0 && toks[k].sentence === toks[first].sentence ? fold(toks[k].text) : '';
    return lex.placePrepositions.has(prep) || lex.words.venuePrepositions.has(prep) ? 'place' : seat.type;
  }
  if (on(o, 'local-countries') && c.placeKey?.startsWith('local:')) return 'place';
  // "Brennmark's defence secretary", "Kestria's chief negotiator": offices only a state has.
  if (on(o, 'offices-of-state') && !seat && stateOffice(doc).has(key)) return 'place';
  if (on(o, 'legal-forms') && words.length >= 2 && lex.words.legalForms.has(lastWord)) return 'organization';
  if (on(o, 'bylines') && fd.byline[first] && words.length >= 2 && !lex.orgSuffixes.has(lastWord)) return 'person';
  if (on(o, 'datelines') && fd.cues[first].includes('c:dateline') && first === last) return 'place';
  if (on(o, 'market-indices') && indexCue(doc, first, last, c.possessive) >= 3) return 'other';
  if (on(o, 'products') && !person && productCue(doc, first, last, c.possessive) >= 2 && !place) return 'other';
  if (on(o, 'company-context') && !person && organizationCue(doc, first, last, c.possessive) >= 3 && place?.kind !== 'country') return 'organization';
  // "the European Council", "Kiel Institute": a name whose last word is a body's head noun.
  // Heads of state bodies ("government", "commission") are left to the model: both training
  // corpora often type a government or an EU body as a place.
  // "talks at the Euxinograd Palace", "a rally in Freedom Square": a venue after "at"/"in" is a place.
  if (on(o, 'venues') && words.length >= 2 && lex.words.venueHeads.has(lastWord)) {
    let k = first - 1;
    if (fold(toks[k]?.text ?? '') === 'the') k--;
    const prep = k >= 0 && toks[k].sentence === toks[first].sentence ? fold(toks[k].text) : '';
    if (lex.placePrepositions.has(prep) || lex.words.venuePrepositions.has(prep)) return 'place';
  }
  if (on(o, 'body-heads') && words.length >= 2 && !place && lex.orgSuffixes.has(lastWord) && lastWord.length >= 4 && !lex.words.listySuffixes.has(lastWord) && !lex.words.stateBodies.has(lastWord) && !lex.words.venueHeads.has(lastWord) && !person) return 'organization';
  // "UN High Commissioner", "NATO Secretary General": an acronym right before an office is its body.
  if (on(o, 'office-of-body') && isAcronym(c.text) && !place && titleAt(doc, last + 1, Math.min(toks.length, last + 6))) return 'organization';
  // "the Head of Mossad", "the Secretary of the African Union": what an office is "of", when it is
  // no place, is the body that has the office.
  if (on(o, 'office-of-body') && !place && !seat && first >= 2 && c.score.person < Math.max(c.score.organization, c.score.place, c.score.other)) {
    let k = first - 1;
    if (fold(toks[k].text) === 'the') k--;
    if (k >= 1 && fold(toks[k].text) === 'of' && toks[k].sentence === toks[first].sentence) {
      let role = false;
      for (let a = Math.max(0, k - lex.roleMaxWords); a < k && !role; a++) {
        const t = titleAt(doc, a, k);
        role = (!!t && t.last === k - 1) || pluralTitleEnd(doc, a, k - 1) === k - 1;
      }
      if (role) return 'organization';
    }
  }
  if (on(o, 'place-nouns') && !seat) {
    const next = toks[last + 1];
    const before = toks[first - 1];
    const nounAfter = !!next && next.sentence === toks[last].sentence && /^\p{Ll}/u.test(next.text) && lex.words.placeNouns.has(fold(next.text)) && !c.possessive;
    const nounOf = !!before && first >= 2 && (fold(before.text) === 'of' || before.text === ',') && lex.words.placeNouns.has(fold(toks[first - 2].text)) && toks[first - 2].sentence === toks[first].sentence;
    // "the Mira river" is a place even where the model read a person; "the town of X" only when
    // the model does not see a person ("the son of Ali").
    if (nounAfter || (nounOf && !person)) return 'place';
  }
  return null;
}

function bestOf(s: Scores, types: (keyof Scores)[]): keyof Scores {
  return types.reduce((a, b) => (s[b] > s[a] ? b : a));
}

const PLACE_SUPPORT = new Set(['c:placenoun-of', 'c:motion-to', 'c:in-x-region', 'c:dateline', 'p:in', 'p:near', 'p:at', 'p:across', 'p:outside', 'p:inside', 'n:river', 'n:region', 'n:province', 'n:city', 'n:town', 'n:village', 'n:district']);
const PERSON_SUPPORT = new Set(['c:title-1', 'c:title,', 'c:honorific-1', 'c:appos-title', 'c:appos-person', 'c:say-1', 'c:pron-he', 'c:pron-she', 'after-given']);

/** Rules that weigh a candidate against the rest of the article. */
export function documentRules(doc: Doc, cands: Candidate[], o: EntityOptions): void {
  const lex = lexicon();
  const toks = doc.tokens;
  const fd = featureDoc(doc);
  if (on(o, 'product-lists')) {
    // "the eLumo Classic, Mini and Flex": names coordinated with a clear product, with no cue of
    // their own, are products too ("Brightcore Inc." in such a list keeps its legal form).
    let i = 0;
    while (i < cands.length) {
      let j = i;
      while (j + 1 < cands.length && coordinated(doc, cands[j], cands[j + 1])) j++;
      const list = cands.slice(i, j + 1);
      const clear = list.some((c) => c.score.other >= 0.5 && c.score.other > Math.max(c.score.organization, c.score.place, c.score.person));
      if (j > i && clear) for (const c of list) if (!c.settled && Math.max(c.score.organization, c.score.place, c.score.person) < 0.5) c.score = { ...ONE_HOT.other };
      i = j + 1;
    }
  }
  if (on(o, 'place-lists')) {
    // "in Genoa and Antwerp": after a place preposition, a coordinated list with a known place is a
    // list of places ("a stake in Rosneft and London" is not: "in" there places nothing).
    let i = 0;
    while (i < cands.length) {
      let j = i;
      while (j + 1 < cands.length && coordinated(doc, cands[j], cands[j + 1])) j++;
      if (j > i) {
        const list = cands.slice(i, j + 1);
        const prep = fold(toks[list[0].first - 1]?.text ?? '');
        const before = fold(toks[list[0].first - 2]?.text ?? '');
        const hasAnd = toks.slice(list[list.length - 2].last + 1, list[list.length - 1].first).some((t) => lex.words.coordinators.has(fold(t.text)));
        const known = list.some((c) => c.placeKey && !c.placeKey.startsWith('local:') && c.score.place >= Math.max(c.score.organization, c.score.person));
        if (hasAnd && known && lex.words.placeListPrepositions.has(prep) && !lex.words.inNotPlace.has(before)) {
          for (const c of list) if (!c.settled && c.score.place < Math.max(c.score.organization, c.score.person, c.score.other) && c.roles.length === 0) c.score = { ...ONE_HOT.place };
        }
      }
      i = j + 1;
    }
  }
  if (on(o, 'lone-persons')) {
    // A person is introduced by a full name, a title or a description; a lone unfamiliar word the
    // article never gives a first name, title, "he" or "she" is more likely a body or a place
    // ("Brightcore unveiled its phone") than a person. The model's next reading decides which.
    for (const c of cands) {
      const s = c.score;
      if (c.settled || c.words.length !== 1 || s.person < Math.max(s.organization, s.place, s.other) || c.roles.length > 0 || fd.lineKind[c.first] !== PROSE) continue;
      const w = c.words[0];
      // A given name stays a person unless something places it ("in Velmor", "Velmor, Ontario").
      if ((lex.givenNames.has(w) && !placeSupport(doc, c)) || fd.byline[c.first] || personSupport(doc, c)) continue;
      // The surname or first name of a longer person's name ("Porto de Velmor", an old place name, does not count).
      const isPerson = (x: Candidate) => x.score.person >= Math.max(x.score.organization, x.score.place, x.score.other);
      if (cands.some((x) => x !== c && x.words.length >= 2 && isPerson(x) && (x.words[x.words.length - 1] === w || x.words[0] === w))) continue;
      c.score = { ...ONE_HOT[notPerson(doc, c, cands)] };
    }
  }
  if (on(o, 'lone-places')) {
    // "sent a letter to Brightcore": "to" reads as a destination to the model, but without a verb of
    // movement, an unfamiliar word that no gazetteer, place noun, "in", "near" or "at" ever places
    // is more likely a body. Only title-case words after "to" (acronyms such as "EU" are left alone).
    for (const c of cands) {
      const s = c.score;
      if (c.settled || c.words.length !== 1 || s.place < Math.max(s.organization, s.person, s.other) || c.placeKey || fd.lineKind[c.first] !== PROSE) continue;
      if (!/^\p{Lu}\p{Ll}+$/u.test(c.text) || fd.vocabulary.has(c.words[0]) || placeSupport(doc, c)) continue;
      if (cands.some((x) => x !== c && x.words.length >= 2 && x.words.includes(c.words[0]))) continue;
      c.score = { ...ONE_HOT[personSupport(doc, c) ? 'person' : s.other > s.organization ? 'other' : 'organization'] };
    }
  }
}

/** Folded names written with a possessive and an office only a state has, anywhere in the article:
 * such a name is a country in all its mentions ("Kestria's losses" too). */
function stateOffice(doc: Doc): Set<string> {
  let names = stateNames.get(doc);
  if (names) return names;
  names = new Set();
  stateNames.set(doc, names);
  const toks = doc.tokens;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (!POSSESSIVE.test(toks[k].text) || !/^\p{Lu}/u.test(toks[k - 1].text)) continue;
    const office = titleAt(doc, k + 1, Math.min(toks.length, k + 7));
    if (!office || ![...lexicon().words.stateOfficeClasses].some((cls) => office.role.cls === cls || office.role.cls.startsWith(`${cls}.`) || office.role.cls.startsWith(`${cls}-`))) continue;
    let a = k - 1;
    while (a > 0 && toks[a - 1].sentence === toks[k].sentence && /^\p{Lu}/u.test(toks[a - 1].text) && k - a < 3) a--;
    names.add(fold(doc.text.slice(toks[a].start, toks[k - 1].end)));
    names.add(fold(toks[k - 1].text));
  }
  // "the Prime Minister of Kestria", "Foreign Minister of the Aldavian Republic": the state after a
  // state's office and "of" (not a portfolio: "Minister of International Trade").
  const isStateOffice = (cls: string) => [...lexicon().words.stateOfficeClasses].some((c) => cls === c || cls.startsWith(`${c}.`) || cls.startsWith(`${c}-`));
  for (let k = 1; k + 1 < toks.length; k++) {
    if (fold(toks[k].text) !== 'of') continue;
    let office = false;
    for (let p = Math.max(0, k - 4); p < k && !office; p++) {
      const t = titleAt(doc, p, k);
      office = !!t && t.last === k - 1 && isStateOffice(t.role.cls);
    }
    if (!office) continue;
    let a = k + 1;
    if (fold(toks[a]?.text ?? '') === 'the') a++;
    if (!toks[a] || toks[a].sentence !== toks[k].sentence || !/^\p{Lu}/u.test(toks[a].text) || portfolioWord(doc, a)) continue;
    // Each run of capitals from there: the holder's name may follow the state ("… of Beshtar Ilya
    // Marn"). A body is no state ("Secretary of the African Union", "Head of NATO").
    const lex = lexicon();
    for (let b = a; b < toks.length && b - a < 4 && toks[b].sentence === toks[a].sentence && /^\p{Lu}/u.test(toks[b].text); b++) {
      const w = fold(toks[b].text);
      if (isAcronym(toks[b].text) || lex.connectorHeads.has(w) || lex.orgSuffixes.has(w)) break;
      names.add(fold(doc.text.slice(toks[a].start, toks[b].end)));
    }
  }
  return names;
}

function cuesOf(doc: Doc, c: Candidate): Set<string> {
  const fd = featureDoc(doc);
  return new Set([...(fd.aggregate.get(c.words[0]) ?? []), ...fd.cues[c.first]]);
}

function personSupport(doc: Doc, c: Candidate): boolean {
  const cues = cuesOf(doc, c);
  if ([...PERSON_SUPPORT].some((x) => cues.has(x))) return true;
  // "Novak said": a reporting verb after the name, unless "it" refers back to it ("Brightcore said it…").
  return cues.has('c:say+1') && !cues.has('c:pron-it');
}

/** Something places this one-word name: a cue ("the town of X", "in X", "flew to X") or the region
 * after it ("Dalby, Queensland"). */
function placeSupport(doc: Doc, c: Candidate): boolean {
  const cues = cuesOf(doc, c);
  if ([...PLACE_SUPPORT].some((x) => cues.has(x))) return true;
  const toks = doc.tokens;
  const region = toks[c.last + 1]?.text === ',' ? lexicon().places.get(fold(toks[c.last + 2]?.text ?? '')) : undefined;
  return !!region && region.kind !== 'city';
}

/** The reading of a lone name that is not a person: a place if something places it, a thing if
 * the model leans that way, else a body. */
function notPerson(doc: Doc, c: Candidate, _cands: Candidate[]): keyof Scores {
  const s = c.score;
  if (c.placeKey || placeSupport(doc, c)) return 'place';
  return s.other > Math.max(s.organization, s.place) ? 'other' : 'organization';
}

function coordinated(doc: Doc, a: Candidate, b: Candidate): boolean {
  const toks = doc.tokens;
  if (toks[a.last].sentence !== toks[b.first].sentence || b.first <= a.last + 1 || b.first - a.last > 3) return false;
  return toks.slice(a.last + 1, b.first).every((t) => /^(?:,|and|or|the)$/i.test(t.text));
}
