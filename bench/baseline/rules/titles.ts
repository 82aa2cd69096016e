// Roles and titles: "French President Emmanuel Macron", "Macron, the French president,", "analyst
// Jana Brook", and title-only references ("the Turkish leader") that point back to a person.
import type { Doc } from '../../../src/text/doc.js';
import { lexicon, type Role } from './lexicon.js';
import { demonymOf, localNames } from './local.js';
import { fold, foldedTokens, isCapitalised } from './text.js';

export interface RoleMatch {
  /** Token range of the whole title phrase (modifiers included), inclusive. */
  first: number;
  last: number;
  /** The title as seen, lower case, without determiners or nationality ("foreign minister"). */
  text: string;
  role: Role;
  /** ISO alpha-2 of a nationality word or country in the title ("Turkish", "Turkey's"), if any. */
  country: string | null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
const TEMPORAL = new Set(['former', 'then', 'outgoing', 'incoming', 'new', 'current', 'longtime', 'acting', 'interim']);

/** Lower-case word of token i, with "'s" kept as its own word. */
const word = (doc: Doc, i: number) => foldedTokens(doc)[i];

/** The longest role phrase that starts exactly at token p (no modifiers), within sentence s. */
function roleAt(doc: Doc, p: number, limit: number): { last: number; role: Role } | null {
  const lex = lexicon();
  const s = doc.tokens[p].sentence;
  let words = '';
  let best: { last: number; role: Role } | null = null;
  for (let q = p; q < Math.min(limit, p + lex.roleMaxWords + 1); q++) {
    if (doc.tokens[q].sentence !== s) break;
    const w = word(doc, q);
    if (w === '-' && words) {
      words += '-';
      continue;
    }
    words = words && !words.endsWith('-') ? `${words} ${w}` : words + w;
    const role = lex.roles.get(words);
    if (role) best = { last: q, role };
  }
  return best;
}

/** A title phrase (modifiers, then a role) starting at token p and ending before `limit`. */
export function titleAt(doc: Doc, p: number, limit: number): RoleMatch | null {
  const lex = lexicon();
  let country: string | null = null;
  let q = p;
  const s = doc.tokens[p]?.sentence;
  while (q < limit && doc.tokens[q].sentence === s) {
    const found = roleAt(doc, q, limit);
    if (found) {
      // Prefer a longer role that starts with a modifier ("foreign minister" over "foreign").
      const words: string[] = [];
      for (let k = p; k <= found.last; k++) {
        const w = word(doc, k);
        if ((demonymOf(doc, w) && isCapitalised(doc.tokens[k].text)) || DETERMINERS.has(w)) continue;
        words.push(w);
      }
      return { first: p, last: found.last, text: words.join(' ').replace(/ - /g, '-'), role: found.role, country };
    }
    const w = word(doc, q);
    const dem = isCapitalised(doc.tokens[q].text) ? demonymOf(doc, w) : undefined;
    if (dem && !dem.plural) country = dem.country;
    else if (!lex.roleModifiers.has(w)) return null;
    q++;
    if (q - p > 4) return null;
  }
  return null;
}

/** A title ending right before token `first` ("analyst Jana Brook", "the French president, Emmanuel Macron"). */
export function titleBefore(doc: Doc, first: number): RoleMatch | null {
  let end = first - 1;
  if (end >= 0 && doc.tokens[end].text === ',') end--;
  if (end < 0 || doc.tokens[end].sentence !== doc.tokens[first].sentence) return null;
  const lex = lexicon();
  // Try the earliest start whose phrase ends exactly at `end`.
  for (let p = Math.max(0, end - lex.roleMaxWords - 4); p <= end; p++) {
    if (doc.tokens[p].sentence !== doc.tokens[first].sentence) continue;
    const m = titleAt(doc, p, end + 1);
    if (m && m.last === end) {
      // "the French president, Emmanuel Macron" needs a determiner before a comma-separated title.
      if (end !== first - 1 && !(p > 0 && DETERMINERS.has(word(doc, p - 1)))) continue;
      if (m.country === null) m.country = countryBefore(doc, p);
      return m;
    }
  }
  return null;
}

/** Nationality given by a possessive country ("Turkey's president") or a demonym just before token p. */
export function countryBefore(doc: Doc, p: number): string | null {
  const lex = lexicon();
  let k = p - 1;
  if (k >= 0 && (doc.tokens[k].text === "'s" || doc.tokens[k].text === '’s')) k--;
  else if (k >= 0 && DETERMINERS.has(word(doc, k))) return null;
  if (k < 0) return null;
  // Up to three tokens back for multi-word countries ("South Korea's").
  for (let a = Math.max(0, k - 2); a <= k; a++) {
    const name = fold(doc.text.slice(doc.tokens[a].start, doc.tokens[k].end));
    const place = lex.places.get(name);
    if (place?.kind === 'country') return place.country;
    const seat = lex.seats.get(name);
    if (seat) return seat.country;
    if (localNames(doc).countries.has(name)) return `local:${name}`;
    const dem = isCapitalised(doc.tokens[a].text) ? demonymOf(doc, name) : undefined;
    if (dem) return dem.country;
  }
  return null;
}

export interface Appositive {
  title: RoleMatch | null;
  /** ", 52," or ", who": the name is a person even without a title. */
  personCue: boolean;
  /** ", which": an organisation or thing. */
  thingCue: boolean;
}

/** What follows a name after a comma: ", the French president", ", 52,", ", who". */
export function appositiveAfter(doc: Doc, last: number): Appositive {
  const none: Appositive = { title: null, personCue: false, thingCue: false };
  const toks = doc.tokens;
  let k = last + 1;
  if (k < toks.length && (toks[k].text === "'s" || toks[k].text === '’s')) return none;
  if (k >= toks.length || toks[k].text !== ',' || toks[k].sentence !== toks[last].sentence) return none;
  k++;
  if (k >= toks.length) return none;
  const w = word(doc, k);
  if (/^\d{2}$/.test(w) && toks[k + 1]?.text === ',') return { title: null, personCue: true, thingCue: false };
  if (w === 'who' || w === 'whose') return { title: null, personCue: true, thingCue: false };
  if (w === 'which') return { title: null, personCue: false, thingCue: true };
  let country: string | null = null;
  if (DETERMINERS.has(w)) k++;
  else {
    // "Turkey's president": a possessive country before the title.
    for (let e = k; e < Math.min(k + 3, toks.length - 1); e++) {
      if (toks[e + 1].text === "'s" || toks[e + 1].text === '’s') {
        country = countryBefore(doc, e + 2);
        if (country) k = e + 2;
        break;
      }
    }
  }
  const m = k < toks.length ? titleAt(doc, k, Math.min(toks.length, k + 8)) : null;
  if (!m) return none;
  if (!m.country) m.country = country;
  return { title: m, personCue: true, thingCue: false };
}

export interface TitleReference {
  start: number;
  end: number;
  title: RoleMatch;
}

/** "the Turkish leader", "the French president", "Turkey's foreign minister" not followed by a name. */
export function titleReferences(doc: Doc, isNameToken: (i: number) => boolean): TitleReference[] {
  const out: TitleReference[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const w = word(doc, i);
    let startTok = -1;
    let country: string | null = null;
    if (w === 'the') startTok = i;
    else if (w === "'s" || w === '’s') {
      country = countryBefore(doc, i + 1);
      if (!country) continue;
      // Span starts at the country's first token.
      let a = i - 1;
      while (a > 0 && toks[a - 1].sentence === toks[i].sentence && isNameToken(a - 1) && i - a < 3) a--;
      startTok = a;
    } else continue;
    const m = titleAt(doc, i + 1, Math.min(toks.length, i + 9));
    if (!m) continue;
    const after = m.last + 1;
    // "the French President Emmanuel Macron": a name follows, so this is a prefix title, not a reference.
    if (after < toks.length && toks[after].sentence === toks[i].sentence && isNameToken(after)) continue;
    // "the president of Turkey"
    let end = m.last;
    if (!m.country) m.country = country;
    if (after + 1 < toks.length && word(doc, after) === 'of' && toks[after + 1].sentence === toks[i].sentence) {
      const lex = lexicon();
      for (let e = Math.min(toks.length - 1, after + 3); e > after; e--) {
        const name = fold(doc.text.slice(toks[after + 1].start, toks[e].end));
        const place = lex.places.get(name);
        if (place?.kind === 'country') {
          m.country = place.country;
          end = e;
          break;
        }
      }
      // "the head of the country's intelligence service" is a title of its own, not a reference.
      if (end === m.last) continue;
    }
    // Plural or compound nouns after the role ("the president spokesman") make it something else.
    if (after < toks.length && toks[after].pos === 'NOUN' && end === m.last) continue;
    out.push({ start: toks[startTok].start, end: toks[end].end, title: m });
    i = end;
  }
  return out;
}

export const isTemporal = (w: string) => TEMPORAL.has(w);
