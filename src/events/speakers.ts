// Who takes a stance: the subject of the clause, resolved through pronouns to the reporting
// phrase ("Ankara said it would…") or the quote's speaker, and who asserts it — the actor itself,
// the writer, or a third party such as an analyst.
import { createRequire } from 'node:module';
import type { ArticleEntities, QuoteAnnotation } from '../annotations.js';
import { loadJson, loadTsv } from '../util/data.js';
import { speakerIsSure } from '../quotes/index.js';
import { demonymEntity, entityIn } from './actors.js';
import type { Doc } from '../text/doc.js';
import { MEMBER_LIST, isPronoun, isTimeWord, npAfter, npBefore, subjectBefore, sentenceView, textOf, type Chunk, type SentenceView } from './clause.js';
import { eventLexicon } from './lexicon.js';

export type Attribution = 'own' | 'writer' | 'third-party';

export interface Reporting {
  /** Subject of the reporting verb ("Ankara" in "Ankara says it…"), or of "according to …". */
  reporter: Chunk | null;
  /** First token after the reporting phrase when it opens the sentence ("X said that …"). */
  clauseStart: number;
  /** Where a trailing attribution (", officials said.") begins; tokens.length when none. */
  clauseEnd: number;
}

const FIRST_PERSON = new Set(['we', 'i', 'us', 'our', 'my', 'me']);
const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where']);

/** A subject cut before its relative clause: in "every missile that lands in Dobrec" the subject is
 * the missile, and a name inside the clause ("Dobrec") is no actor. */
function beforeRelativeClause(view: SentenceView, c: Chunk | null): Chunk | null {
  if (!c) return c;
  const toks = view.tokens;
  for (let i = c.from + 1; i < c.to - 1; i++) {
    if (!RELATIVE_PRONOUNS.has(toks[i].lower)) continue;
    // "that" may also point ("that deal"); a relative "that" is followed by a verb (which the
    // tagger may read as a plural noun: "that lands") or a subject of its own.
    const next = toks[i + 1];
    if (toks[i].lower !== 'that' || next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'DET' || /s$/.test(next.lower)) return { from: c.from, to: i };
  }
  return c;
}

/** The reporting frame of a sentence: "X said (that) …" at the front, or "…, X said." at the end. */
/** "Russia's aim, says a fellow at the Forum, is not a ceasefire": a reporting clause set off by
 * commas between a subject and its verb. Returns the sentence with that clause moved to the end
 * ("Russia's aim is not a ceasefire, says a fellow at the Forum."), the order the trailing
 * attribution rule reads; tokens keep their text offsets. Null when there is none. */
export function unfoldParenthetical(view: SentenceView): SentenceView | null {
  const lex = eventLexicon();
  const toks = view.tokens;
  for (let open = 1; open < toks.length - 3; open++) {
    if (toks[open].lower !== ',') continue;
    // ", says X," / ", X says," / ", according to X,"
    let verb = -1;
    if (toks[open + 1].lower === 'according' && toks[open + 2]?.lower === 'to') verb = open + 1;
    else {
      for (let k = open + 1; k < Math.min(toks.length, open + 6); k++) {
        // "The plan, which Ukraine says is fair, …" is a relative clause, not an attribution.
        if (toks[k].pos === 'PUNCT' || /^(which|who|whom|that|what|where|when)$/.test(toks[k].lower)) break;
        if (toks[k].pos === 'VERB') {
          if (lex.reporting.has(toks[k].lemma) && /^(says|said|adds|added|argues|argued|notes|noted|believes|believed|thinks|insists|insisted|writes|wrote|told)$/.test(toks[k].lower)) verb = k;
          break;
        }
      }
    }
    if (verb < 0) continue;
    // The clause closes at the comma after which the main clause's verb group resumes.
    let close = -1;
    for (let k = verb + 1; k < Math.min(toks.length - 1, verb + 20); k++) {
      if (toks[k].pos === 'VERB' && k > verb + 1 && toks[k - 1].lower !== ',') break;
      if (toks[k].lower === ',' && /^(AUX|VERB)$/.test(toks[k + 1].pos) || toks[k].lower === ',' && /^(will|would|could|can|must|should|has|have|had)$/.test(toks[k + 1].lower)) { close = k; break; }
    }
    if (close < 0) continue;
    // The main clause before the comma needs a subject of its own and no verb yet.
    if (toks.slice(0, open).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) continue;
    const end = /^[.!]$/.test(toks[toks.length - 1].lower) ? toks.length - 1 : toks.length;
    if (close >= end) continue;
    const order = [...toks.slice(0, open), ...toks.slice(close + 1, end), toks[open], ...toks.slice(open + 1, close), ...toks.slice(end)];
    return { ...view, tokens: order.map((t, i) => ({ ...t, i })) };
  }
  return null;
}

export function reportingOf(view: SentenceView): Reporting {
  const lex = eventLexicon();
  const toks = view.tokens;
  let clauseEnd = toks.length;
  let reporter: Chunk | null = null;
  // Trailing: ", officials said Thursday." / ", according to a Turkish official …" / ", she told reporters".
  for (let k = toks.length - 1; k > 2; k--) {
    if (toks[k].lower !== ',' && toks[k].lower !== '"' && toks[k].lower !== '”' && toks[k].lower !== "''") continue;
    const rest = toks.slice(k + 1);
    if (rest.length === 0 || rest.length > 18) continue;
    // '…" and insisted on the release…' continues the sentence; an attribution does not open with "and".
    if (rest[0].pos === 'CCONJ') continue;
    if (rest[0].lower === 'according' && rest[1]?.lower === 'to') {
      reporter = npAfter(view, k + 3, toks.length, false);
      clauseEnd = k;
      break;
    }
    const v = rest.findIndex((t) => t.pos === 'VERB');
    if (v < 0 || v > 7 || !lex.reporting.has(rest[v].lemma)) continue;
    // Between the comma or quote and the verb stands the speaker only, not "…" and …".
    if (rest.slice(0, v).some((t) => t.pos === 'CCONJ' || t.pos === 'PUNCT')) continue;
    // Only an attribution ends the sentence: ", said it would pay…" is a reported clause.
    if (rest.slice(v + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) continue;
    reporter = v > 0 ? npBefore(view, k + 1 + v, k + 1) : npAfter(view, k + 2, toks.length, false);
    clauseEnd = k;
    break;
  }
  // Leading: "According to two people who have seen the draft, the Social Democrats would…"
  let clauseStart = 0;
  if (toks[0]?.lower === 'according' && toks[1]?.lower === 'to') {
    const comma = toks.findIndex((t, k) => k > 2 && t.lower === ',');
    if (comma > 0 && comma < clauseEnd) {
      return { reporter: npAfter(view, 2, comma, false), clauseStart: comma + 1, clauseEnd };
    }
  }
  // "Varin rejected the proposal, saying Karsia would not…": the subject speaks.
  for (let k = 2; k < clauseEnd - 1; k++) {
    const t = toks[k];
    if (toks[k - 1].lower !== ',' || t.pos !== 'VERB' || !/ing$/.test(t.lower) || !lex.reporting.has(t.lemma)) continue;
    // '"…," she said, adding that…': the one who said it adds it (not a "we" inside the quote).
    if (k >= 3 && toks[k - 2].pos === 'VERB' && lex.reporting.has(toks[k - 2].lemma)) {
      const said = npBefore(view, k - 2, 0);
      if (said) return { reporter: said, clauseStart: toks[k + 1]?.lower === 'that' ? k + 2 : k + 1, clauseEnd };
    }
    const first = toks.findIndex((x) => x.pos === 'VERB' || x.pos === 'AUX');
    const subj = first > 0 && first < k ? subjectBefore(view, first, 0) : null;
    if (subj) return { reporter: subj, clauseStart: toks[k + 1]?.lower === 'that' ? k + 2 : k + 1, clauseEnd };
  }
  // Leading: "Ukraine's foreign minister, Olena Marchuk, said Kyiv was ready…"
  for (let k = 1; k < Math.min(clauseEnd, 25); k++) {
    const t = toks[k];
    if (t.pos !== 'VERB' || !lex.reporting.has(t.lemma)) continue;
    const next = toks[k + 1];
    if (!next) break;
    // "said on Tuesday that…" is a reporting frame; "insisted on guarantees" is a stance.
    const onTime = next.lower === 'on' && toks[k + 2] !== undefined && isTimeWord(toks[k + 2]);
    if (next.lower === 'that' || next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'DET' || next.pos === 'NOUN' || next.pos === 'ADJ' || onTime || next.pos === 'ADV') {
      let subj = subjectBefore(view, k, 0);
      // "The Commission urged both sides to settle, and said…": the sentence's subject.
      if (!subj && (toks[k - 1]?.lower === 'and' || toks[k - 2]?.lower === 'and')) {
        // The first verb with a subject before it: "The G7 ministers, meeting in Canada, backed …
        // and warned that…" skips the participle of the parenthetical.
        for (let v = 1; v < k - 1 && !subj; v++) if (toks[v].pos === 'VERB' || toks[v].pos === 'AUX') subj = subjectBefore(view, v, 0);
      }
      if (!subj && toks[k - 1]?.lower === ',') {
        // "The Federation (OMYLE), which represents 1,400 workers, says…": the phrase before the
        // parenthetical clause; "Its president, Stavros Koumantos, said…": the apposition.
        let c = k - 2;
        // "The Council, whose members include Nigeria, Egypt and Kenya, said…": a relative clause
        // may hold commas of its own; its subject is before the comma that opens it.
        const relative = toks.slice(0, k - 1).findIndex((t, j) => j > 0 && toks[j - 1].lower === ',' && /^(who|which|whose|where)$/.test(t.lower));
        if (relative > 0) c = relative - 1;
        else while (c > 0 && toks[c].lower !== ',') c--;
        if (c > 0) {
          const inner = npAfter(view, c + 1, k - 1, false);
          const innerIsName = inner && inner.from === c + 1 && inner.to === k - 1 && !MEMBER_LIST.test(toks[c + 1]?.lower ?? '') && toks.slice(inner.from, inner.to).some((t) => t.pos === 'PROPN');
          subj = innerIsName ? inner : npBefore(view, c, 0);
        }
      }
      reporter = subj ?? reporter;
      clauseStart = next.lower === 'that' ? k + 2 : k + 1;
      // "told state television Ukraine must withdraw": past the one told.
      if (/^(tell|assure|inform|remind|warn)$/.test(t.lemma) && next.lower !== 'that') {
        const told = npAfter(view, k + 1, Math.min(clauseEnd, k + 6), false);
        const after = told ? toks[told.to] : undefined;
        if (told && told.from <= k + 2 && after && (after.lower === 'that' || /^(PROPN|PRON|DET)$/.test(after.pos))) clauseStart = after.lower === 'that' ? told.to + 1 : told.to;
        else if (told && after && /^(AUX|VERB)$/.test(after.pos)) {
          // "told state television Ukraine must…": the name after the common nouns is the subject.
          let p = told.to;
          while (p > told.from && toks[p - 1].pos === 'PROPN') p--;
          if (p > told.from && p < told.to && toks[p - 1].pos === 'NOUN') clauseStart = p;
        }
      }
      // Skip a time phrase after the verb: "said on Tuesday that".
      for (let m = clauseStart; m < Math.min(clauseEnd, clauseStart + 5); m++) if (toks[m].lower === 'that') clauseStart = m + 1;
    }
    break;
  }
  return { reporter, clauseStart, clauseEnd };
}

/** The quote that holds the token range, if any. */
export function quoteAround(quotes: QuoteAnnotation[], start: number, end: number): QuoteAnnotation | null {
  for (const q of quotes) if (q.start <= start && end <= q.end) return q;
  return null;
}

/** How an actor was found, for the confidence of what it holds. */
export type ActorVia = 'name' | 'demonym' | 'apposition' | 'head-noun' | 'possessive' | 'pronoun' | 'first-person' | 'speaker' | 'voice' | 'compound';

export interface ResolvedActor {
  key: string;
  attributedBy: Attribution;
  via?: ActorVia;
}

let capitalCache: Map<string, string> | null = null;
/** Lower-case capital → lower-case country ("kyiv" → "ukraine"). */
function capitals(): Map<string, string> {
  if (capitalCache) return capitalCache;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { name: { common: string }; capital?: string[] }[];
  capitalCache = new Map();
  // "Washington D.C." is written "Washington": the name without its district names the seat too.
  for (const c of countries) for (const cap of c.capital ?? []) for (const form of new Set([cap, cap.replace(/,?\s+D\.\s?C\.$/, '')])) capitalCache.set(form.toLowerCase(), c.name.common.toLowerCase());
  return capitalCache;
}

let countryCache: Set<string> | null = null;
/** Lower-case common, official and other spellings of states ("Türkiye", "Turkey"); codes of two or
 * three capitals ("TR") are left out. */
function countryNames(): Set<string> {
  if (countryCache) return countryCache;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { name: { common: string; official: string }; altSpellings?: string[] }[];
  countryCache = new Set();
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official]) countryCache.add(n.toLowerCase());
    for (const n of c.altSpellings ?? []) if (!/^\p{Lu}{2,3}$/u.test(n)) countryCache.add(n.toLowerCase());
  }
  // Everyday names world-countries lacks ("Turkey"), from the entities gazetteer's own list.
  for (const [name, , kind] of loadTsv('entities/places-extra.tsv')) if (kind === 'country') countryCache.add(name.toLowerCase());
  return countryCache;
}

/** Does a place name a state or its seat (a country, or a capital standing for it: "Kyiv")? */
export function placeIsState(names: string[]): boolean {
  const states = countryNames();
  const caps = capitals();
  return names.some((n) => states.has(n.toLowerCase()) || caps.has(n.toLowerCase()));
}

let demonymCache: Map<string, string> | null = null;
/** Lower-case demonym → lower-case country name ("french" → "france"). */
function demonyms(): Map<string, string> {
  if (demonymCache) return demonymCache;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { name: { common: string }; demonyms?: { eng?: { m?: string; f?: string } } }[];
  demonymCache = new Map();
  for (const c of countries) {
    const name = c.name.common.toLowerCase();
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) demonymCache.set(d.toLowerCase(), name);
  }
  return demonymCache;
}

/** Does a reporting phrase speak for the actor ("Ukraine's foreign minister" for Ukraine, "the
 * Russian delegation" for Russia)? */
function affiliated(phrase: string, entities: ArticleEntities, actorKey: string): boolean {
  const entity = entities.entities.find((e) => e.key === actorKey);
  if (!entity) return false;
  const words = phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const names = [entity.name, ...entity.aliases].map((n) => n.toLowerCase());
  const dem = demonyms();
  for (const w of words) {
    if (names.some((n) => n === w || n.split(/\s+/).includes(w))) return true;
    const country = dem.get(w);
    if (country && names.includes(country)) return true;
  }
  return false;
}

let actorNounCache: Map<string, string[]> | null = null;
/** Common noun → words of the names it may refer back to (data/events/actor-nouns.json). */
function actorNouns(): Map<string, string[]> {
  return (actorNounCache ??= new Map(Object.entries(loadJson<{ kin: Record<string, string[]> }>('events/actor-nouns.json').kin)));
}

let thirdPartyPattern: RegExp | null = null;
function isThirdPartyPhrase(phrase: string): boolean {
  if (!thirdPartyPattern) {
    const words = loadJson<{ thirdParty: string[] }>('events/stances.json').thirdParty;
    thirdPartyPattern = new RegExp(`\\b(${words.map((w) => w.replace(/[-]/g, '\\-')).join('|')})\\b`);
  }
  return thirdPartyPattern.test(phrase.toLowerCase());
}

const SIDE_NOUNS = new Set(['parliament', 'cabinet', 'leadership', 'office', 'spokesman', 'spokeswoman', 'spokesperson', 'aides', 'aide', 'staff', 'lawyers', 'allies', 'party', 'government', 'country', 'side', 'union', 'delegation', 'movement', 'administration', 'team', 'group', 'coalition', 'alliance', 'organisation', 'organization', 'ministry', 'company', 'federation', 'bloc', 'camp', 'state', 'nation', 'people']);
/** Heads of phrases that stand for a state or body: "the administration", "the army". */
const ROLE_HEADS = new Set(['administration', 'army', 'military', 'president', 'negotiators', 'negotiator', 'officials', 'forces', 'parliament', 'cabinet', 'leadership', 'presidency', 'regime', 'authorities', 'envoy', 'diplomats', 'mediators']);
/** Groups that a place name qualifies without being them ("Sarvania rebels"). */
const NON_STATE_GROUPS = /^(rebels?|militants?|insurgents?|separatists?|fighters?|guerrillas?|militias?|protesters?|opposition|dissidents?|exiles?|hardliners?)$/;
const THIRD_PERSON_HUMAN = new Set(['he', 'she', 'him', 'her', 'his']);
const THIRD_PERSON_OTHER = new Set(['it', 'they', 'its', 'their', 'them']);

/** Per-article actor resolution: subjects to entities through appositions ("The port operator,
 * Aegean Terminal Holdings, …" makes a later "the port operator" that company), pronouns to the
 * reporter, the quote's speaker or the nearest earlier mention, and "we" outside quotes to the
 * document's own voice (a statement's signatories, an interview's labelled speaker). */
export class ActorResolver {
  private readonly byHead = new Map<string, string>();
  /** Person → the state, party or body they speak for ("Ukraine's foreign minister, Olena Marchuk"). */
  private readonly affiliation = new Map<string, string>();
  private readonly voice: string | null;
  private readonly quotes: QuoteAnnotation[];

  constructor(
    private readonly doc: Doc,
    private readonly entities: ArticleEntities,
    quotes: QuoteAnnotation[],
  ) {
    // A quote whose speaker the brief is unsure of lends no actor to the stances inside it:
    // unknown beats wrong (the speaker ranker proposes someone for nearly every quote).
    this.quotes = quotes.map((q) => (q.speaker && !speakerIsSure(q) ? { ...q, speaker: null } : q));
    this.learnAppositions();
    this.learnPremodifiers();
    this.voice = this.documentVoice();
  }

  private entityOf(view: SentenceView, c: Chunk | null): string | null {
    if (!c) return null;
    return entityIn(this.entities, { start: view.tokens[c.from].start, end: view.tokens[c.to - 1].end });
  }

  /** "The port operator, Aegean Terminal Holdings," and "Stavros Koumantos, the union's president,". */
  private learnAppositions(): void {
    for (let s = 0; s < this.doc.sentences.length; s++) {
      const view = sentenceView(this.doc, s);
      const toks = view.tokens;
      for (let k = 1; k < toks.length - 2; k++) {
        if (toks[k].lower !== ',') continue;
        const left = npBefore(view, k, 0);
        const right = npAfter(view, k + 1, Math.min(toks.length, k + 8), false);
        if (!left || !right || right.from !== k + 1 && !(right.from === k + 2 && toks[k + 1].pos === 'DET')) continue;
        if (toks[right.to]?.lower !== ',') continue;
        const le = this.entityOf(view, left);
        const re = this.entityOf(view, right);
        this.learnAffiliation(view, left, right);
        const noun = (c: Chunk) => [...toks.slice(c.from, c.to)].reverse().find((t) => t.pos === 'NOUN');
        if (re && !le) {
          const head = noun(left);
          if (head) this.byHead.set(head.lemma, re);
        } else if (le && !re) {
          const head = noun(right);
          if (head) this.byHead.set(head.lemma, le);
        }
      }
    }
  }

  /** Two phrases naming the same person: the other entity named in one of them is their side. */
  private learnAffiliation(view: SentenceView, a: Chunk, b: Chunk): void {
    const toks = view.tokens;
    const mentionsIn = (c: Chunk) => this.entities.mentions.filter((m) => m.start >= toks[c.from].start && m.end <= toks[c.to - 1].end);
    const all = [...mentionsIn(a), ...mentionsIn(b)];
    const person = all.find((m) => m.type === 'person');
    const side = all.find((m) => m.type !== 'person');
    if (person && side && !this.affiliation.has(person.entity)) this.affiliation.set(person.entity, side.entity);
    // "The Pellanese envoy, Tomas Brek,": the state of the nationality word.
    if (person && !side && !this.affiliation.has(person.entity)) {
      const state = [...toks.slice(a.from, a.to), ...toks.slice(b.from, b.to)].map((t) => this.stateOfDemonym(t.text)).find((k) => k !== null);
      if (state) this.affiliation.set(person.entity, state);
    }
    // "Their leader, Johan Berglund": the side is whoever "their" refers to.
    if (person && !side && /^(their|its)$/.test(toks[a.from]?.lower ?? '')) {
      const ante = this.antecedent(view, 'they', toks[a.from].start);
      if (ante && !this.affiliation.has(person.entity)) this.affiliation.set(person.entity, ante);
    }
  }

  /** The state a nationality word names, when the article names that state: "Russian" → Russia
   * (world-countries), "Pellanese" → Pellan, "Kessari" → Kessar (a state the article names
   * with the word's stem). */
  stateOfDemonym(word: string): string | null {
    if (!/^\p{Lu}\p{Ll}{3,}$/u.test(word)) return null;
    const real = demonymEntity(this.entities, word);
    if (real) return real;
    const lower = word.toLowerCase();
    const stems = [lower.replace(/n$/, ''), lower.replace(/an$/, ''), lower.replace(/ian$/, ''), lower.replace(/i$/, ''), lower.replace(/ese$/, '')].filter((x) => x.length >= 4 && x !== lower);
    const place = this.entities.entities.find((e) => e.type === 'place' && [e.name, ...e.aliases].some((n) => stems.includes(n.toLowerCase())));
    return place ? place.key : null;
  }

  /** Also from one phrase: "Kremlin spokesman Pavel Grinev", "the Russian delegation's head";
   * and "the U.S. administration", "Sudan's army" teach what a later "the administration" or "the
   * army" refers to. */
  private learnPremodifiers(): void {
    const ms = this.entities.mentions;
    for (const m of ms) {
      if (m.type === 'person') continue;
      const after = /^(?:['’]s)?\s+([a-z]+)(?:\s+([a-z]+))?/.exec(this.doc.text.slice(m.end, m.end + 40));
      if (!after) continue;
      for (const word of [after[1], after[2]]) {
        if (word && SIDE_NOUNS.has(word) && !this.byHead.has(word)) this.byHead.set(word, m.entity);
        if (word && ROLE_HEADS.has(word) && !this.byHead.has(word)) this.byHead.set(word, m.entity);
      }
    }
    // "Ilse Varga is the foreign minister of Pellan", "Tomas Brek, envoy of Norland".
    for (let k = 0; k + 1 < ms.length; k++) {
      const a = ms[k];
      const b = ms[k + 1];
      if (a.type !== 'person' || b.type !== 'place' || this.affiliation.has(a.entity)) continue;
      if (/^,?\s+(?:(?:is|was|,)\s+)?(?:the\s+)?(?:[a-z-]+\s+){1,3}(?:of|for)\s+$/.test(this.doc.text.slice(a.end, b.start))) this.affiliation.set(a.entity, b.entity);
    }
    // "Pellanese Foreign Minister Ilse Varga": a nationality word before the title.
    for (const m of ms) {
      if (m.type !== 'person' || this.affiliation.has(m.entity)) continue;
      const before = /(\p{Lu}\p{Ll}+)\s+(?:[\p{L}-]+\s+){1,3}$/u.exec(this.doc.text.slice(Math.max(0, m.start - 50), m.start));
      const state = before ? this.stateOfDemonym(before[1]) : null;
      if (state) this.affiliation.set(m.entity, state);
    }
    for (let k = 0; k + 1 < ms.length; k++) {
      const a = ms[k];
      const b = ms[k + 1];
      if (a.type === 'person' || b.type !== 'person') continue;
      const between = this.doc.text.slice(a.end, b.start);
      if (/^(?:['’]s)?\s+(?:[a-z-]+\s+){1,3}$/.test(between) && !this.affiliation.has(b.entity)) this.affiliation.set(b.entity, a.entity);
    }
  }

  /** Does `speaker` speak for `actor`: the same entity, their side, or the side's capital? */
  sameSide(speaker: string, actor: string): boolean {
    if (speaker === actor) return true;
    const side = this.affiliation.get(speaker);
    if (!side) return false;
    if (side === actor) return true;
    const name = (k: string) => this.entities.entities.find((e) => e.key === k)?.name.toLowerCase() ?? '';
    const cap = capitals();
    const a = name(side);
    const b = name(actor);
    return cap.get(a) === b || cap.get(b) === a || (demonyms().get(a) ?? a) === (demonyms().get(b) ?? b);
  }

  /** The side a person speaks for, if the article says. */
  sideOf(key: string): string | null {
    return this.affiliation.get(key) ?? null;
  }

  /** "We, the G7 Foreign Ministers of …," or the first group or organisation of the opening lines. */
  private documentVoice(): string | null {
    for (let s = 0; s < Math.min(this.doc.sentences.length, 8); s++) {
      const view = sentenceView(this.doc, s);
      const toks = view.tokens;
      for (let k = 0; k + 2 < toks.length; k++) {
        if (toks[k].lower === 'we' && toks[k + 1].lower === ',') {
          const np = npAfter(view, k + 2, toks.length, false);
          const key = this.entityOf(view, np);
          if (key) return key;
        }
      }
    }
    const firstLines = this.doc.sentences.slice(0, 3);
    const end = firstLines.length ? firstLines[firstLines.length - 1].end : 0;
    const m = this.entities.mentions.find((x) => x.start < end && (x.type === 'group' || x.type === 'organization'));
    return m ? m.entity : null;
  }

  /** "KOUMANTOS: We will…" — the labelled speaker of an interview or transcript paragraph. */
  private paragraphSpeaker(view: SentenceView): string | null {
    const para = this.doc.paragraphs[this.doc.sentences[view.index].paragraph];
    if (!para) return null;
    const head = this.doc.text.slice(para.start, Math.min(para.end, para.start + 60));
    const m = /^([\p{Lu}][\p{L}'’.\- ]{1,40}):\s/u.exec(head);
    if (!m || /^(q|question)$/i.test(m[1].trim())) return null;
    const label = m[1].trim().toLowerCase();
    for (const e of this.entities.entities) {
      const forms = [e.name, ...e.aliases].map((f) => f.toLowerCase());
      if (forms.some((f) => f === label || f.split(/\s+/).pop() === label.split(/\s+/).pop())) return e.key;
    }
    return null;
  }

  /** The antecedent of a pronoun: among the mentions of the current and two previous sentences
   * that fit it (a person for he/she; a state, body or group for it/they), the most recent one in
   * subject position (opening its sentence or clause), else the most recent. */
  private antecedent(view: SentenceView, pronoun: string, before: number): string | null {
    const human = THIRD_PERSON_HUMAN.has(pronoun);
    const floor = this.doc.sentences[Math.max(0, view.index - 2)].start;
    let recent: string | null = null;
    for (let k = this.entities.mentions.length - 1; k >= 0; k--) {
      const m = this.entities.mentions[k];
      if (m.end > before) continue;
      if (m.start < floor) break;
      if (m.kind === 'pronoun' || this.isDateline(m)) continue;
      const fits = human ? m.type === 'person' : m.type === 'organization' || m.type === 'group' || m.type === 'place';
      if (!fits) continue;
      recent ??= m.entity;
      const lead = this.doc.text.slice(Math.max(0, m.start - 40), m.start);
      if (/(^|[.!?"“:;—–]\s*|\n)((The|the)\s+)?$/.test(lead) || /(^|\n)[^\n]{0,3}$/.test(lead)) return m.entity;
    }
    return recent;
  }

  /** The first state or body named in this sentence before `before`, outside the reporting phrase. */
  private antecedentInSentence(view: SentenceView, before: number): string | null {
    const reporting = reportingOf(view);
    const from = reporting.clauseStart < view.tokens.length ? view.tokens[reporting.clauseStart]?.start ?? view.start : view.start;
    const m = this.entities.mentions.find((x) => x.start >= from && x.end <= before && (x.type === 'place' || x.type === 'organization' || x.type === 'group') && !this.isDateline(x));
    return m ? m.entity : null;
  }

  /** How the last chunkActor() found its actor. */
  private via: ActorVia = 'name';

  private chunkActor(view: SentenceView, c: Chunk, reporterKey: string | null, quote: QuoteAnnotation | null, reportingReporter = false, thirdPartyReporter = false): string | null {
    const toks = view.tokens;
    this.via = 'pronoun';
    const pronoun = c.to - c.from === 1 && isPronoun(toks[c.from]) ? toks[c.from].lower : null;
    if (pronoun) {
      // The entities stage may already have linked the pronoun.
      const linked = this.entityOf(view, c);
      if (linked && !FIRST_PERSON.has(pronoun)) return linked;
      if (FIRST_PERSON.has(pronoun)) {
        const speaker = quote ? quote.speaker ?? reporterKey : this.paragraphSpeaker(view) ?? reporterKey;
        this.via = 'first-person';
        if (!speaker) {
          this.via = 'voice';
          return quote ? null : this.voice;
        }
        // A state official's "we" is the state; "I", or a party leader's "we", is the person.
        const side = this.affiliation.get(speaker);
        const sideIsState = side !== undefined && this.entities.entities.find((e) => e.key === side)?.type === 'place';
        return /^(we|us|our)$/.test(pronoun) && sideIsState ? side : speaker;
      }
      // "The main opposition party said it…": the pronoun is the reporter, named or not — unless
      // the reporter is an analyst speaking of someone else ("Analysts say the United States is
      // pressing Kyiv…, and that it has signalled…").
      if (reportingReporter && !quote && !thirdPartyReporter) return reporterKey;
      if (thirdPartyReporter) {
        const inSentence = this.antecedentInSentence(view, toks[c.from].start);
        if (inSentence) return inSentence;
      }
      return this.antecedent(view, pronoun, toks[c.from].start);
    }
    // "The head of the World Food Programme in Sudan said": a chunk that is only the place of a
    // phrase before it ("… in Sudan") stands for that phrase's named body.
    if (c.from > 1 && /^(in|at)$/.test(toks[c.from - 1].lower)) {
      const owner = npBefore(view, c.from - 1, 0);
      const body = owner ? this.entities.mentions.find((m) => m.type !== 'place' && m.type !== 'person' && m.start >= toks[owner.from].start && m.end <= toks[owner.to - 1].end) : undefined;
      this.via = 'name';
      if (body) return body.entity;
    }
    const who = this.withoutLocation(view, c);
    this.via = 'name';
    // "Sarvania rebels", "Ukrainian opposition": a place naming whose fighters or opponents they
    // are, not the state itself; the body those nouns refer to, if the article names one.
    const last = toks[who.to - 1];
    if (who.to - who.from >= 2 && last.pos === 'NOUN' && NON_STATE_GROUPS.test(last.lower)) {
      const kin = this.bodyByNoun(last.lemma, toks[c.from].start) ?? this.bodyByNoun(last.lower, toks[c.from].start);
      this.via = 'head-noun';
      return kin;
    }
    const named = this.entityOf(view, who);
    if (!named) this.via = 'demonym';
    const direct = named ?? demonymEntity(this.entities, textOf(view, who.from, who.to)) ?? this.bodyByAdjective(view, who);
    if (direct) return this.stateForEnvoys(direct) ?? direct;
    this.via = 'apposition';
    // "The port operator, Aegean Terminal Holdings, has offered…"
    if (toks[c.to]?.lower === ',') {
      const app = npAfter(view, c.to + 1, Math.min(toks.length, c.to + 8), false);
      if (app && app.from <= c.to + 2 && toks[app.to]?.lower === ',') {
        const key = this.entityOf(view, app);
        if (key) return key;
      }
    }
    const head = [...toks.slice(c.from, c.to)].reverse().find((t) => t.pos === 'NOUN' || (t.pos === 'PROPN' && c.to - c.from <= 2));
    // "her party", "his government", "their delegation": the side of the person referred to.
    const possessive = toks[c.from].lower;
    this.via = 'possessive';
    if (head && /^(her|his|their|its|our|my)$/.test(possessive) && SIDE_NOUNS.has(head.lemma)) {
      const person = FIRST_PERSON.has(possessive) ? quote?.speaker ?? this.paragraphSpeaker(view) : reporterKey ?? this.antecedent(view, possessive === 'her' || possessive === 'his' ? 'she' : 'they', toks[c.from].start);
      if (person) return this.affiliation.get(person) ?? person;
    }
    this.via = 'head-noun';
    if (head) {
      const known = this.byHead.get(head.lemma) ?? this.byHead.get(head.lower);
      if (known) return known;
      // "the ministry" for "Labour Ministry", "the Commission" for "European Commission".
      const named = this.entities.entities.find((e) => e.type !== 'place' && e.type !== 'person' && e.name.toLowerCase().split(/\s+/).includes(head.lower));
      if (named) return named.key;
      // "the rebels" for the Tamsin Liberation Movement, "the union" for the Federation of
      // Dockworkers: a definite common noun for a named body of the article.
      if (/^(the|this|that|these|those)$/.test(toks[c.from].lower) || c.from === 0 || toks[c.from].pos === 'NOUN') {
        const kin = this.bodyByNoun(head.lemma, toks[c.from].start) ?? this.bodyByNoun(head.lower, toks[c.from].start);
        if (kin) return kin;
      }
    }
    return null;
  }

  /** "KYIV, May 14 (Reuters) -", "ISTANBUL —": a dateline names where the story was filed, never
   * who acts, so it is no antecedent and no side. */
  private isDateline(m: { start: number; end: number; text: string }): boolean {
    const before = this.doc.text.slice(Math.max(0, m.start - 2), m.start);
    const after = this.doc.text.slice(m.end, m.end + 3);
    return (m.start === 0 || /\n\s*$/.test(before)) && m.text === m.text.toUpperCase() && /\p{Lu}{3}/u.test(m.text) && /^\s*[,(—–-]/.test(after);
  }

  /** "African leaders meeting in Addis Ababa": the place after "in" is where they are, not who. */
  private withoutLocation(view: SentenceView, c: Chunk): Chunk {
    const toks = view.tokens;
    for (let k = c.from + 2; k < c.to; k++) {
      if (!/^(in|at|near)$/.test(toks[k].lower)) continue;
      if (toks[k - 1].pos === 'VERB' || /^(meeting|gathered|assembled|gathering)$/.test(toks[k - 1].lower)) return { from: c.from, to: k - 1 };
      // "the head of the World Food Programme in Sudan": a named body before the place is who.
      const body = this.entities.mentions.some((m) => m.type !== 'place' && m.start >= toks[c.from].start && m.end <= toks[k - 1].end);
      if (body) return { from: c.from, to: k };
    }
    return c;
  }

  /** "African leaders", "European ministers": the body whose name opens with the adjective
   * (the African Union, the European Union), when the article names one. */
  private bodyByAdjective(view: SentenceView, c: Chunk): string | null {
    const toks = view.tokens;
    const first = toks.slice(c.from, c.to).find((t) => t.pos !== 'DET');
    const head = toks[c.to - 1];
    if (!first || first === head || !/^[A-Z]/.test(first.text) || !/^(leaders|heads|ministers|members|states|governments|officials|countries|nations|envoys|diplomats)$/.test(head.lower)) return null;
    const body = this.entities.entities.find((e) => (e.type === 'organization' || e.type === 'group') && e.name.split(/\s+/)[0] === first.text && e.name.split(/\s+/).length > 1);
    return body ? body.key : null;
  }

  /** "Ukrainian officials", "the Russian delegation" found as a group of their own: they speak
   * for their state when the article names it. */
  private stateForEnvoys(key: string): string | null {
    const e = this.entities.entities.find((x) => x.key === key);
    if (!e || (e.type !== 'group' && e.type !== 'other' && e.type !== 'organization')) return null;
    // "Beshtar's delegation", "Aldavia's government": the state it speaks for, when the article names it.
    const owned = /^(.+?)['’]s\s+(\S+)$/.exec(e.name);
    if (owned && (ROLE_HEADS.has(owned[2].toLowerCase()) || SIDE_NOUNS.has(owned[2].toLowerCase()))) {
      const state = this.entities.entities.find((x) => x.key !== key && x.type === 'place' && [x.name, ...x.aliases].some((n) => n.toLowerCase() === owned[1].toLowerCase()));
      if (state) return state.key;
    }
    const words = e.name.toLowerCase().split(/\s+/);
    if (words.length < 2 || !words.slice(1).every((w) => ROLE_HEADS.has(w) || SIDE_NOUNS.has(w))) return null;
    const state = demonymEntity(this.entities, words[0]);
    return state && state !== key ? state : null;
  }

  /** The named organisation or group a common noun refers back to: among the bodies whose name
   * holds a word of the noun's kin, the one mentioned last before `before` (else first after). */
  private bodyByNoun(noun: string, before: number): string | null {
    const words = actorNouns().get(noun);
    if (!words) return null;
    const fits = (name: string) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => words.some((k) => w === k || (k.length > 4 && w.endsWith(k))));
    const bodies = new Set(this.entities.entities.filter((e) => (e.type === 'organization' || e.type === 'group') && [e.name, ...e.aliases].some(fits)).map((e) => e.key));
    if (bodies.size === 0) return null;
    let later: string | null = null;
    for (let k = this.entities.mentions.length - 1; k >= 0; k--) {
      const m = this.entities.mentions[k];
      if (!bodies.has(m.entity)) continue;
      if (m.end <= before) return m.entity;
      later = m.entity;
    }
    return later;
  }

  private quoteOverlapping(start: number, end: number): QuoteAnnotation | null {
    let best: QuoteAnnotation | null = null;
    let bestOverlap = 0;
    for (const q of this.quotes) {
      const o = Math.min(q.end, end) - Math.max(q.start, start);
      if (o > bestOverlap) { best = q; bestOverlap = o; }
    }
    return best;
  }

  /** Like resolve(), but a compound subject ("Russia and Ukraine agreed…") or "both sides"
   * gives one actor per party. */
  resolveAll(view: SentenceView, whole: Chunk | null, reporting: Reporting): ResolvedActor[] {
    const subject = beforeRelativeClause(view, whole);
    const first = this.resolve(view, subject, reporting);
    if (!subject) return first ? [first] : [];
    const toks = view.tokens;
    // The chunk may leave out its determiner: "Both sides agreed…" gives the chunk "sides".
    const lead = toks.slice(Math.max(0, subject.from - 2), subject.from).map((t) => t.lower).join(' ');
    const words = toks.slice(subject.from, subject.to).map((t) => t.lower).join(' ');
    if (/^(both|the two) (sides|parties|delegations|governments|countries|camps)$/.test(words) || (/^(sides|parties|delegations|governments|countries|camps)$/.test(words) && /(^|\s)(both|the two)$/.test(lead))) {
      const parties = this.mainParties();
      if (parties.length === 2) return parties.map((key) => ({ key, attributedBy: first?.attributedBy ?? 'writer', via: 'compound' as const }));
    }
    // "Russia and China said they opposed…": the pronoun stands for every reporter.
    if (subject.to - subject.from === 1 && /^(they|we)$/.test(toks[subject.from].lower) && reporting.reporter && toks.slice(reporting.reporter.from, reporting.reporter.to).some((t) => t.lower === 'and')) {
      return this.resolveAll(view, reporting.reporter, { ...reporting, reporter: null }).map((a) => ({ ...a, attributedBy: 'own' as const, via: 'pronoun' as const }));
    }
    if (!toks.slice(subject.from, subject.to).some((t) => t.lower === 'and')) return first ? [first] : [];
    const keys: string[] = [];
    const start = toks[subject.from].start;
    const end = toks[subject.to - 1].end;
    // "Dock unions in Genoa and Antwerp": places after a preposition are not parties.
    const placesQualify = !toks.slice(subject.from, subject.to).some((t) => /^(in|from|of)$/.test(t.lower));
    for (const m of this.entities.mentions) {
      if (m.start < start || m.end > end || keys.includes(m.entity)) continue;
      if (m.type === 'place' && !placesQualify) continue;
      keys.push(m.entity);
    }
    if (keys.length < 2) return first ? [first] : [];
    return keys.map((key) => ({ key, attributedBy: first?.attributedBy ?? 'writer', via: 'compound' as const }));
  }

  private partiesCache: string[] | null = null;
  /** The two most-mentioned states or bodies of the article: who "both sides" are. */
  private mainParties(): string[] {
    if (this.partiesCache) return this.partiesCache;
    const count = new Map<string, number>();
    // Of places, only states are sides: a capital counts for its state ("Kyiv" for Ukraine); a
    // city where the talks are held ("talks in Istanbul") or a region is no side.
    const nameOf = new Map(this.entities.entities.map((e) => [e.key, e.name.toLowerCase()]));
    const byName = new Map(this.entities.entities.filter((e) => e.type === 'place').map((e) => [e.name.toLowerCase(), e.key]));
    const states = countryNames();
    for (const m of this.entities.mentions) {
      if ((m.type !== 'place' && m.type !== 'organization' && m.type !== 'group') || this.isDateline(m)) continue;
      let key: string | null = m.entity;
      if (m.type === 'place') {
        const name = nameOf.get(m.entity) ?? '';
        const state = capitals().get(name);
        key = states.has(name) ? m.entity : state ? byName.get(state) ?? m.entity : null;
      }
      if (key) count.set(key, (count.get(key) ?? 0) + 1);
    }
    const ranked = [...count].sort((a, b) => b[1] - a[1]);
    this.partiesCache = ranked.length >= 2 && ranked[1][1] >= 2 ? [ranked[0][0], ranked[1][0]] : [];
    return this.partiesCache;
  }

  /** Resolve the actor of a clause and who asserts the stance. */
  resolve(view: SentenceView, whole: Chunk | null, reporting: Reporting): ResolvedActor | null {
    const subject = beforeRelativeClause(view, whole);
    const toks = view.tokens;
    const entities = this.entities;
    const at = subject ? toks[subject.from].start : view.start;
    const quote = subject ? quoteAround(this.quotes, at, toks[subject.to - 1].end) : this.quoteOverlapping(view.start, view.end);
    // The whole reporting phrase counts for who is speaking: "Analysts at the Policy Group say".
    const reporterText = reporting.reporter
      ? textOf(view, Math.min(reporting.reporter.from, reporting.clauseStart > 0 && reporting.reporter.from < reporting.clauseStart ? 0 : reporting.reporter.from), reporting.reporter.to)
      : '';
    const reporterKey = reporting.reporter ? this.chunkActor(view, reporting.reporter, null, null) : null;
    let key: string | null = null;
    let via: ActorVia = 'speaker';
    if (subject) {
      key = this.chunkActor(view, subject, reporterKey, quote, reporting.reporter !== null, reporting.reporter !== null && isThirdPartyPhrase(reporterText));
      via = this.via;
    }
    // "The minister said the government would…", "A direct meeting is not excluded" (in an
    // interview answer): an unnamed body or a thing speaks through whoever is speaking.
    // Not when the subject names another party the entity stage missed ("the Jurra delegation"):
    // giving its stance to the mediator reporting it would be a confident wrong actor.
    if (!key && subject && !isPronoun(toks[subject.from]) && !namesAnotherParty(toks, subject)) {
      // "…assets in our jurisdictions will remain…": "our" is the document's own voice.
      const ours = toks.slice(subject.from, subject.to).some((t) => /^(our|we|us)$/.test(t.lower));
      const speaker = quote ? quote.speaker : reporterKey ?? this.paragraphSpeaker(view) ?? (ours ? this.voice : null);
      if (speaker) {
        key = speaker;
        via = 'speaker';
      }
    }
    if (!key && !subject) key = quote?.speaker ?? reporterKey ?? (quote ? null : this.paragraphSpeaker(view));
    // A communiqué's operative clauses open with the verb: "Requests the Commission to…".
    // wink-nlp may tag such a verb as a proper noun; a plural-noun subject ("Officials said")
    // would be followed by its verb instead.
    const operative = toks[0] && /^[A-Z][a-z]+s$/.test(toks[0].text) && (toks[0].pos === 'VERB' || (toks[1] !== undefined && /^(DET|PRON|SCONJ|PART|ADJ|ADV)$/.test(toks[1].pos)));
    if (!key && !subject && !quote && operative) {
      key = this.voice;
      via = 'voice';
    }
    if (!key) return null;
    // "Beshtar's delegation", "the Ukrainian delegation": the state they speak for.
    key = this.stateForEnvoys(key) ?? key;
    let attributedBy: Attribution = 'writer';
    const labelled = this.paragraphSpeaker(view);
    if (quote) {
      attributedBy = !quote.speaker || this.sameSide(quote.speaker, key) || (quote.speakerText && affiliated(quote.speakerText, entities, key)) ? 'own' : 'third-party';
      if (quote.speakerText && isThirdPartyPhrase(quote.speakerText)) attributedBy = 'third-party';
    } else if (reporting.reporter) {
      if (isThirdPartyPhrase(reporterText)) attributedBy = 'third-party';
      else if (!reporterKey || this.sameSide(reporterKey, key) || affiliated(reporterText, entities, key)) attributedBy = 'own';
      // A person with no known side speaking of a state is taken as its official; speaking of
      // another person, they are a third party.
      else if (entities.entities.find((e) => e.key === reporterKey)?.type === 'person' && !this.affiliation.has(reporterKey) && entities.entities.find((e) => e.key === key)?.type !== 'person') attributedBy = 'own';
      else attributedBy = 'third-party';
    } else if (labelled) {
      attributedBy = this.sameSide(labelled, key) ? 'own' : 'third-party';
    } else if (subject && FIRST_PERSON.has(toks[subject.from].lower)) {
      attributedBy = 'own';
    }
    return { key, attributedBy, via };
  }
}

/** A subject carrying a capitalised word of its own ("the Jurra delegation", "the Kestrian
 * negotiators"). Only the noun phrase after its determiner counts ("Monday the president" is the
 * speaker's own president), and not a clause's first word, capitalised anyway ("Inspectors can
 * return…", "HALE: Talks…"). */
function namesAnotherParty(toks: SentenceView['tokens'], subject: Chunk): boolean {
  let from = subject.from;
  for (let k = subject.from; k < subject.to; k++) if (toks[k].pos === 'DET') from = k + 1;
  const clauseInitial = (k: number) => k === 0 || /^[:;"“‘'(—–-]$/.test(toks[k - 1].text);
  for (let k = from; k < subject.to; k++) if (/^\p{Lu}/u.test(toks[k].text) && toks[k].pos !== 'PRON' && !clauseInitial(k)) return true;
  return false;
}

/** Resolve the actor of one clause without article-wide context (rule tests). */
export function resolveActor(
  view: SentenceView,
  entities: ArticleEntities,
  quotes: QuoteAnnotation[],
  subject: Chunk | null,
  reporting: Reporting,
): ResolvedActor | null {
  return new ActorResolver(view.doc, entities, quotes).resolve(view, subject, reporting);
}
