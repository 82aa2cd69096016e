// The word lists and gazetteers that entities/ reads, loaded once per process. Countries come from
// the world-countries package; cities, regions and given names from the compact files that
// data/entities/build-gazetteers.mjs derives from GeoNames-based packages; cue words from data files.
import { createRequire } from 'node:module';
import { loadJson, loadTsv } from '../util/data.js';
import { fold } from './text.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}

interface ContextData {
  honorifics: string[];
  roleModifiers: string[];
  connectors: string[];
  connectorHeads: string[];
  orgSuffixes: string[];
  orgPrefixes: string[];
  placeSuffixes: string[];
  placePrepositions: string[];
  reportingVerbs: string[];
  personVerbs: string[];
  groupNouns: string[];
  stopCapitalized: string[];
  notNames: string[];
  thingSuffixes: string[];
  productNouns: string[];
  indexNouns: string[];
  indexModifiers: string[];
  marketMoves: string[];
  launchVerbs: string[];
  productLeads: string[];
  portfolioWords: string[];
  interfaceWords: string[];
  sectorNouns: string[];
  corporateNouns: string[];
  corporatePossessed: string[];
}

interface WordsData {
  calendarWords: string[];
  openers: string[];
  compoundTails: string[];
  titleCaseLower: string[];
  monthContext: string[];
  nameParticles: string[];
  legalForms: string[];
  placeNouns: string[];
  placeListPrepositions: string[];
  motionVerbs: string[];
  inNotPlace: string[];
  launchFillers: string[];
  determiners: string[];
  temporalModifiers: string[];
  listySuffixes: string[];
  nameConnectors: string[];
  percentWords: string[];
  stateStyles: string[];
  partyStateTags: string[];
  stateBodies: string[];
  commonWords: string[];
  bylineOpeners: string[];
  groupMemberCues: string[];
  statementNouns: string[];
  indexMoveFillers: string[];
  indexLevelPrepositions: string[];
  moneyWords: string[];
  passiveAuxiliaries: string[];
  beForms: string[];
  stakeNouns: string[];
  stakePrepositions: string[];
  clauseAfterHead: string[];
  chiefTitles: string[];
  officePrepositions: string[];
  roleObjectPrepositions: string[];
  coordinators: string[];
  stateStyleModifiers: string[];
  stateOfficeClasses: string[];
  capitalisedParticles: string[];
  personalPronouns: string[];
  demonymEndings: string[];
  venuePrepositions: string[];
  venueHeads: string[];
  partyMembers: string[];
  quantifiers: string[];
}

/** The lists of data/entities/words.json as sets (see data/README.md for what each is for). */
export type Words = { [K in keyof WordsData]: Set<string> };

export interface PlaceInfo {
  /** Canonical key shared by every name of one place: ISO alpha-2 for a country, else "city:name". */
  key: string;
  /** Country (ISO alpha-2) the place is in or is. */
  country: string;
  kind: 'country' | 'city' | 'region';
  population: number;
}

export interface Role {
  role: string;
  /** Dotted class path ("leader.president"); see data/entities/roles.tsv. */
  cls: string;
}

export interface Lexicon {
  /** International bodies (data/entities/bodies.txt), each as its folded words, longest first. */
  bodies: string[][];
  /** Folded name → place. */
  places: Map<string, PlaceInfo>;
  /** Folded demonym ("turkish", "ukrainians") → country ISO alpha-2, with whether it is a plural noun. */
  demonyms: Map<string, { country: string; plural: boolean }>;
  /** Folded seat-of-power name → country and type. */
  seats: Map<string, { country: string; type: 'organization' | 'place' }>;
  givenNames: Set<string>;
  /** Folded role phrase → role; longest phrase has at most `roleMaxWords` words. */
  roles: Map<string, Role>;
  roleMaxWords: number;
  honorifics: Set<string>;
  roleModifiers: Set<string>;
  connectors: Set<string>;
  connectorHeads: Set<string>;
  orgSuffixes: Set<string>;
  orgPrefixes: Set<string>;
  placeSuffixes: Set<string>;
  placePrepositions: Set<string>;
  reportingVerbs: Set<string>;
  personVerbs: Set<string>;
  groupNouns: Map<string, number>;
  stopCapitalized: Set<string>;
  /** Capitalised tokens that are never part of a name: units, currencies, time zones. */
  notNames: Set<string>;
  /** Last words of names of things rather than actors ("Dow Jones Industrial Average", "Minsk Protocol"). */
  thingSuffixes: Set<string>;
  /** Common nouns that a product name modifies ("Dreamliner aircraft", "iPhone app"). */
  productNouns: Set<string>;
  /** Market indices: "the Nikkei stock index", "Dow Jones industrial average"; moves of an index. */
  indexNouns: Set<string>;
  indexModifiers: Set<string>;
  marketMoves: Set<string>;
  /** Verbs (lemmas) whose object is a product: "Norvik unveiled Falcon". */
  launchVerbs: Set<string>;
  /** Words right before a product name: "model Falcon", "version Tiger". */
  productLeads: Set<string>;
  /** Words of a ministerial portfolio ("Minister of International Trade"): no entity after an office. */
  portfolioWords: Set<string>;
  /** Words of a web page's furniture ("Share Facebook X WhatsApp", "Most Read", "Subscribe"). */
  interfaceWords: Set<string>;
  /** Sector nouns that make the next or apposed name a company: "automaker Toyota". */
  sectorNouns: Set<string>;
  /** Nouns after a name that only organisations have: "Toyota spokesman", "GM's shares". */
  corporateNouns: Set<string>;
  corporatePossessed: Set<string>;
  /** Folded country name → display name, for place keys. */
  countryName: Map<string, string>;
  words: Words;
  /** Folded names of news agencies (data/compare/wires.json): organisations whatever the sentence says. */
  agencies: Set<string>;
}

let cached: Lexicon | null = null;

function loadWords(): Words {
  const data = loadJson<WordsData & { _notes?: string }>('entities/words.json');
  const out: Partial<Words> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!Array.isArray(v)) continue;
    // Party-state tags keep their case ("Ky", "N.Y"): they are matched as written.
    out[k as keyof WordsData] = new Set(k === 'partyStateTags' ? v : v.map((x) => x.toLowerCase()));
  }
  return out as Words;
}

const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

/** Country names that world-countries keeps only inside a longer official form ("Republic of
 * Turkey"): the formal style, with its modifiers ("Islamic Republic of"), taken off the front. */
function shortForms(name: string, words: Words): string[] {
  let rest = name.toLowerCase().replace(/^the /, '');
  for (;;) {
    const m = /^(\S+) /.exec(rest);
    if (!m || !words.stateStyleModifiers.has(m[1])) break;
    rest = rest.slice(m[0].length);
  }
  for (const style of words.stateStyles) {
    if (!rest.startsWith(`${style} of `)) continue;
    const short = name.slice(name.length - rest.length + style.length + 4).replace(/^the /i, '');
    return short ? [short] : [];
  }
  return [];
}

export function lexicon(): Lexicon {
  if (cached) return cached;
  const ctx = loadJson<ContextData>('entities/context.json');
  const words = loadWords();
  const places = new Map<string, PlaceInfo>();
  const demonyms = new Map<string, { country: string; plural: boolean }>();
  const countryName = new Map<string, string>();
  const countries = require('world-countries') as WorldCountry[];
  const addPlace = (name: string, info: PlaceInfo, override = false) => {
    const key = fold(name);
    if (key.length < 2) return;
    const prev = places.get(key);
    if (!prev || override || (prev.kind !== 'country' && info.kind === 'country') || (prev.kind === info.kind && info.population > prev.population)) places.set(key, info);
  };
  for (const c of countries) {
    const info: PlaceInfo = { key: c.cca2, country: c.cca2, kind: 'country', population: Number.MAX_SAFE_INTEGER };
    countryName.set(c.cca2, c.name.common);
    const names = [c.name.common, c.name.official, ...c.altSpellings];
    for (const n of [...names]) names.push(...shortForms(n, words));
    for (const n of names) {
      // Two-letter codes other than a few used in prose ("US", "UK") would swallow acronyms.
      if (/^[A-Z]{2,3}$/.test(n) && !['US', 'UK', 'UAE', 'USA', 'DRC', 'PRC', 'ROK', 'DPRK'].includes(n)) continue;
      addPlace(n, info);
    }
    for (const d of Object.values(c.demonyms ?? {})) {
      for (const v of [d.m, d.f]) {
        if (!v) continue;
        const f = fold(v);
        if (!demonyms.has(f)) demonyms.set(f, { country: c.cca2, plural: false });
        const plural = /(?:ese|ss|sh|ch)$/i.test(v) ? null : /man$/i.test(v) ? v.replace(/man$/i, 'men') : `${v}s`;
        if (plural && !demonyms.has(fold(plural))) demonyms.set(fold(plural), { country: c.cca2, plural: true });
      }
    }
  }
  for (const [name, code, kind] of loadTsv('entities/places-extra.tsv')) {
    addPlace(name, { key: code, country: code, kind: kind === 'region' ? 'region' : 'country', population: Number.MAX_SAFE_INTEGER }, true);
  }
  for (const [name, cc] of loadTsv('entities/demonyms-extra.tsv')) demonyms.set(fold(name), { country: cc, plural: /s$/.test(name) && !/ss$/.test(name) });
  for (const [name, country, population, capital] of loadTsv('entities/cities.tsv')) {
    addPlace(name, { key: `city:${fold(name)}`, country, kind: 'city', population: Number(population) * (capital === '1' ? 10 : 1) });
  }
  for (const [name, country] of loadTsv('entities/regions.tsv')) addPlace(name, { key: `region:${fold(name)}`, country, kind: 'region', population: 0 });

  const seats = new Map<string, { country: string; type: 'organization' | 'place' }>();
  for (const [name, country, type] of loadTsv('entities/seats.tsv')) seats.set(fold(name), { country, type: type as 'organization' | 'place' });

  const givenNames = new Set(
    loadTsv('entities/given-names.txt')
      .map((r) => r[0].trim())
      .filter(Boolean),
  );
  const roles = new Map<string, Role>();
  let roleMaxWords = 1;
  for (const [role, cls] of loadTsv('entities/roles.tsv')) {
    roles.set(role, { role, cls });
    roleMaxWords = Math.max(roleMaxWords, role.split(' ').length);
  }
  const groupNouns = new Map<string, number>();
  for (const g of ctx.groupNouns) groupNouns.set(g, g.split(' ').length);

  const bodies = loadTsv('entities/bodies.txt')
    .map(([name]) => name.split(/\s+/).map(fold))
    .sort((a, b) => b.length - a.length);
  cached = {
    bodies,
    places,
    demonyms,
    seats,
    givenNames,
    roles,
    roleMaxWords,
    honorifics: lower(ctx.honorifics),
    roleModifiers: lower(ctx.roleModifiers),
    connectors: lower(ctx.connectors),
    connectorHeads: lower(ctx.connectorHeads),
    orgSuffixes: lower(ctx.orgSuffixes),
    orgPrefixes: lower(ctx.orgPrefixes),
    placeSuffixes: lower(ctx.placeSuffixes),
    placePrepositions: lower(ctx.placePrepositions),
    reportingVerbs: lower(ctx.reportingVerbs),
    personVerbs: lower(ctx.personVerbs),
    groupNouns,
    stopCapitalized: lower(ctx.stopCapitalized),
    notNames: lower(ctx.notNames),
    thingSuffixes: lower(ctx.thingSuffixes),
    productNouns: lower(ctx.productNouns),
    indexNouns: lower(ctx.indexNouns),
    indexModifiers: lower(ctx.indexModifiers),
    marketMoves: lower(ctx.marketMoves),
    launchVerbs: lower(ctx.launchVerbs),
    productLeads: lower(ctx.productLeads),
    portfolioWords: lower(ctx.portfolioWords ?? []),
    interfaceWords: lower(ctx.interfaceWords ?? []),
    sectorNouns: lower(ctx.sectorNouns),
    corporateNouns: lower(ctx.corporateNouns),
    corporatePossessed: lower(ctx.corporatePossessed),
    countryName,
    words,
    agencies: new Set(loadJson<{ agencies: { forms: string[] }[] }>('compare/wires.json').agencies.flatMap((a) => a.forms.map((f) => fold(f)))),
  };
  return cached;
}
