// In-article linking: the forms of one name become one entity. A surname refers back to the one
// person with that surname, a first word or acronym to the one organisation it abbreviates, and
// every name of a country to that country ("US", "U.S.", "United States", "America").
import type { EntityType } from '../types.js';
import { lexicon } from './lexicon.js';

export type Scores = Record<'person' | 'organization' | 'place' | 'other', number>;

export interface Candidate {
  start: number;
  end: number;
  first: number;
  last: number;
  /** Exactly the article text of the span. */
  text: string;
  /** The text with whitespace collapsed. */
  form: string;
  /** Folded form without a leading "the". */
  key: string;
  words: string[];
  score: Scores;
  /** Gazetteer key when the name is a known place. */
  placeKey: string | null;
  country: string | null;
  roles: string[];
  roleClasses: string[];
  possessive: boolean;
  /** A country name: never a surname. */
  strongPlace: boolean;
  /** The model's reading (or a rule's) makes this a person: the surname of a longer name may link to it. */
  strongPerson: boolean;
  /** A kept rule's cue settled the type (rules.ts); later document rules leave it alone. */
  settled?: boolean;
}

export interface Cluster {
  members: Candidate[];
  type: EntityType;
  name: string;
  aliases: string[];
  roles: string[];
  roleClasses: string[];
  country: string | null;
  firstStart: number;
}

/** A type the model gives at least this probability is a serious reading of a mention. */
const LIKELY = 0.5;

interface Group {
  id: string;
  members: Candidate[];
  score: Scores;
  words: string[];
  strongPlace: boolean;
}


const best = (s: Scores): keyof Scores | null => {
  let top: keyof Scores | null = null;
  let v = 0;
  for (const k of ['person', 'place', 'organization', 'other'] as const) {
    if (s[k] > v) {
      v = s[k];
      top = k;
    }
  }
  return top;
};

const initials = (words: string[]) =>
  words
    .filter((w) => !lexicon().words.nameConnectors.has(w))
    .map((w) => w[0])
    .join('');

export function linkCandidates(cands: Candidate[], options: { firstNames?: boolean } = {}): Cluster[] {
  const lex = lexicon();
  const groups = new Map<string, Group>();
  for (const c of cands) {
    const id = c.placeKey ?? c.key;
    let g = groups.get(id);
    if (!g) {
      g = { id, members: [], score: { person: 0, organization: 0, place: 0, other: 0 }, words: c.words, strongPlace: false };
      groups.set(id, g);
    }
    g.members.push(c);
    for (const k of Object.keys(g.score) as (keyof Scores)[]) g.score[k] += c.score[k];
    if (c.words.length > g.words.length) g.words = c.words;
    if (c.strongPlace) g.strongPlace = true;
  }
  const list = [...groups.values()].sort((a, b) => b.words.length - a.words.length);
  const parent = list.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));

  for (let gi = 0; gi < list.length; gi++) {
    const g = list[gi];
    if (g.strongPlace) continue;
    const acronym = g.words.length === 1 && /^[A-Z]{2,6}$/.test(g.members[0].form.replace(/\./g, ''));
    const targets = new Set<number>();
    const personTargets = new Set<number>();
    for (let li = 0; li < list.length; li++) {
      const l = list[li];
      if (l === g || l.words.length <= g.words.length || l.strongPlace) continue;
      const lType = best(l.score);
      const n = g.words.length;
      const suffix = g.words.every((w, k) => w === l.words[l.words.length - n + k]);
      const prefix = g.words.every((w, k) => w === l.words[k]);
      // "Ilona" for "Ilona Kovacs": a lone given name that starts exactly one person's name (kept
      // rule first-names, docs/models/entities.md).
      if (options.firstNames && lType === 'person' && prefix && n === 1 && lex.givenNames.has(g.words[0]) && !g.members.some((m) => m.score.organization >= LIKELY || m.score.other >= LIKELY)) {
        targets.add(root(li));
        personTargets.add(root(li));
        continue;
      }
      // "Zelensky" for "Volodymyr Zelenskiy": one letter apart in a long surname.
      const variant = n === 1 && g.words[0].length >= 6 && oneEditApart(g.words[0], l.words[l.words.length - 1]);
      // Not a short form the article's own evidence reads as a place more than a person ("Velmor"
      // beside an old place name "Porto de Velmor" the model half took for a person).
      const placeLike = g.score.place > g.score.person && g.score.place >= LIKELY * g.members.length;
      if (lType === 'person' && (suffix || variant) && !placeLike && !g.members.some((m) => m.score.organization >= LIKELY || m.score.other >= LIKELY)) {
        targets.add(root(li));
        personTargets.add(root(li));
        continue;
      }
      const gPlace = g.score.place >= LIKELY * g.members.length;
      // "Lockheed" for "Lockheed Martin", "Apple" for "Apple Inc.". Not a body's head noun, which
      // names an institution of its own: "the House" is no short form of "House Democrats".
      if (lType === 'organization' && prefix && !gPlace && g.members.every((m) => m.score.person < LIKELY) && !(n === 1 && lex.connectorHeads.has(g.words[0]))) {
        targets.add(root(li));
        continue;
      }
      // "Senate" for "United States Senate", "Portela" for "Lisbon Portela": a place qualifies the short form.
      if (lType !== 'person' && suffix && !gPlace && lex.places.has(l.words.slice(0, l.words.length - n).join(' '))) {
        targets.add(root(li));
        continue;
      }
      // "Dreamliner" for "Boeing 787 Dreamliner": the last word of a product's name with a model number.
      if (lType === 'other' && suffix && !gPlace && l.members.some((m) => /\d/.test(m.form)) && g.members.every((m) => m.score.person < LIKELY && m.score.organization < LIKELY)) {
        targets.add(root(li));
        continue;
      }
      if (acronym && lType !== 'person' && l.words.length >= 2 && initials(l.words) === g.members[0].form.replace(/\./g, '').toLowerCase()) {
        targets.add(root(li));
      }
    }
    // "General Motors (GM)": an acronym in brackets right after a name defines it, whatever else fits.
    if (acronym && targets.size > 1) {
      const defined = [...targets].filter((t) =>
        list.some((l, li) => root(li) === t && l.members.some((x) => g.members.some((m) => m.start > x.end && m.start - x.end <= 3))),
      );
      if (defined.length === 1) {
        targets.clear();
        targets.add(defined[0]);
      }
    }
    if (targets.size === 1) {
      parent[gi] = [...targets][0];
      // A surname that is also a city ("Henderson") is the person's, not the gazetteer's.
      if (personTargets.size === 1) for (const m of g.members) m.score.place = m.score.organization = 0;
    } else if (targets.size > 1 && personTargets.size === targets.size) {
      // A surname two people share: a person, but which one the article does not say.
      for (const m of g.members) m.score.person += 1;
    }
  }

  const byRoot = new Map<number, Candidate[]>();
  list.forEach((g, i) => {
    const r = root(i);
    const arr = byRoot.get(r) ?? [];
    arr.push(...g.members);
    byRoot.set(r, arr);
  });
  const clusters: Cluster[] = [];
  for (const [r, members] of byRoot) {
    const score: Scores = { person: 0, organization: 0, place: 0, other: 0 };
    for (const c of members) for (const k of Object.keys(score) as (keyof Scores)[]) score[k] += c.score[k];
    // Linked shorter forms add their context to the full name's evidence.
    void r;
    const type = best(score) ?? 'organization';
    members.sort((a, b) => a.start - b.start);
    const name = [...members].sort((a, b) => b.words.length - a.words.length || b.form.length - a.form.length || nonAscii(b.form) - nonAscii(a.form))[0].form;
    const aliases = [...new Set(members.map((m) => m.form))].filter((f) => f !== name);
    const roles = [...new Set(members.flatMap((m) => m.roles))];
    const roleClasses = [...new Set(members.flatMap((m) => m.roleClasses))];
    const country = members.find((m) => m.country && m.roles.length > 0)?.country ?? members.find((m) => m.country)?.country ?? null;
    clusters.push({ members, type, name, aliases, roles, roleClasses, country, firstStart: members[0].start });
  }
  clusters.sort((a, b) => a.firstStart - b.firstStart);
  return clusters;
}

function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function nonAscii(s: string): number {
  let n = 0;
  for (const ch of s) if (ch.charCodeAt(0) > 127) n++;
  return n;
}
