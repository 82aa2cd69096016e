// One person or body named differently by different outlets: "Bryant Dalton" in one, "Brian
// Dalton" in another; "the Medal of Honor" and "the Medal of Valor"; "J. Edgar Hoover" and
// "Herbert Hoover". A claim is a multi-word name as an article writes it; two claims are about the
// same bearer when all their words but one agree (the surname, for a person) and neither article
// names both forms (an article naming "Dorothy Brown" and "Latonya Brown" tells two people apart).
// Spelling and case variants ("LaTonya" / "Latonya"), initials ("Bryant A. Dalton"), nicknames
// ("Bob" / "Robert") and one name inside the other ("Hoover" / "J. Edgar Hoover") agree.
import type { Context, SentenceInfo } from './context.js';
import { jaccard } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import { foldName } from './people.js';
import { loadJson } from '../util/data.js';
import { editDistance } from '../util/edit-distance.js';

interface NameWords {
  nicknames: string[][];
  titles: string[];
}

let vocab: { nick: Map<string, number>; titles: Set<string> } | null = null;
function V(): NonNullable<typeof vocab> {
  if (!vocab) {
    const w = loadJson<NameWords>('compare/names.json');
    const nick = new Map<string, number>();
    w.nicknames.forEach((group, i) => group.forEach((n) => nick.set(n, i)));
    vocab = { nick, titles: new Set(w.titles) };
  }
  return vocab;
}

type NameClaim = FactClaim & { words: string[]; at: number; entityType: string; entity: string; roles: string[]; context: Set<string>; capitalised: boolean };

/** Whether a form names the bearer of `words`: its first and last words agree with theirs. */
function sameForm(form: string, words: string[]): boolean {
  const f = form.split(' ');
  return f.length >= 2 && f[0] === words[0] && f[f.length - 1] === words[words.length - 1];
}

/** The words of a name that identify: folded, without titles, initials and possessives. */
export function nameWords(text: string): string[] {
  return foldName(text.replace(/['’]s\b/g, ''))
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !V().titles.has(w));
}

/** Two forms of one word: the same, nicknames of one name, or two spellings of one sound
 * (Heydar / Heidar, Giannis / Yiannis, Organization / Organisation, Katarina / Katrina). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = V().nick.get(a);
  if (ga !== undefined && ga === V().nick.get(b)) return true;
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  return skeleton(a) === skeleton(b);
}

/** The consonants of a word as they sound: vowels, y, h and w dropped, doubled letters once,
 * c/k/q, s/z, ph/f, and an initial g, j, y, c or k made one. */
export function skeleton(w: string): string {
  let x = w.toLowerCase().replace(/ph/g, 'f').replace(/[cq]/g, 'k').replace(/z/g, 's');
  x = x.replace(/^[gjyk]/, 'K');
  x = x.replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1');
  return x;
}

/** The position at which two names of equal length differ, when they differ in exactly one word
 * (the others written alike) and that word is not another form of the same one. */
function oneDifference(a: string[], b: string[]): number {
  if (a.length !== b.length || a.length < 2) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at >= 0 && !sameWord(a[at], b[at]) ? at : -1;
}

/** The pairs (i < j, in that order) of claims of one entity type whose names have the same length
 * and differ in exactly one word: each such pair shares the key of its names with that word left
 * out, and no other pair does, so only those are compared (all pairs grew with the square of a
 * brief's names). */
function oneWordApart(list: NameClaim[]): [number, number][] {
  const blocks = new Map<string, number[]>();
  list.forEach((c, i) => {
    for (let k = 0; k < c.words.length; k++) {
      const key = `${c.entityType}\u0000${k}\u0000${c.words.map((w, x) => (x === k ? '' : w)).join(' ')}`;
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  const pairs: [number, number][] = [];
  for (const [key, block] of blocks) {
    if (block.length < 2) continue;
    const k = Number(key.split('\u0000')[1]);
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) if (list[block[x]].words[k] !== list[block[y]].words[k]) pairs.push([block[x], block[y]]);
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

const KIN = /\b(brother|sister|wife|husband|son|daughter|father|mother|cousin|nephew|niece|uncle|aunt|widow|widower|grandson|granddaughter|grandfather|grandmother|stepson|stepdaughter)s?\b,?\s*(the\s+)?[\p{L} .'-]{0,12}$/iu;

const TYPES = new Set(['person', 'organization', 'group', 'other', 'event', 'work']);

export const names: Detector = {
  kind: 'name',
  extract(ctx: Context): FactClaim[] {
    const out: FactClaim[] = [];
    const seen = new Set<string>();
    for (const e of ctx.brief.entities ?? []) {
      if (!TYPES.has(e.type)) continue;
      for (const m of e.mentions) {
        const a = ctx.byId.get(m.article);
        if (!a) continue;
        const text = a.doc.text.slice(m.start, m.end);
        const words = nameWords(text);
        if (words.length < 2 || words.length > 5) continue;
        const key = `${m.article}\u0000${words.join(' ')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const s = a.sentences.find((x) => x.start <= m.start && m.end <= x.end);
        if (!s) continue;
        // "his brother Louis …", "Smith's widow Ann …": a relative of the bearer, not the bearer.
        if (KIN.test(a.doc.text.slice(Math.max(s.start, m.start - 24), m.start))) continue;
        out.push({
          kind: 'name' as FactClaim['kind'],
          article: m.article,
          sentence: s,
          start: m.start,
          end: m.end,
          value: '',
          display: text.replace(/['’]s$/, ''),
          subject: text,
          bucket: 'name',
          words,
          at: -1,
          entityType: e.type,
          entity: e.id,
          roles: e.roles,
          context: contextWords(s, words),
          capitalised: text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) && !/^(of|the|and|for|de|la|van|von|al|el|bin)$/i.test(w)).every((w) => /^\p{Lu}/u.test(w)) && text !== text.toUpperCase(),
        } as NameClaim);
      }
    }
    // Pair forms that differ in one word; every other form of the pair's shared words joins them.
    const byArticle = new Map<string, Set<string>>();
    for (const c of out as NameClaim[]) {
      if (!byArticle.has(c.article)) byArticle.set(c.article, new Set());
      byArticle.get(c.article)!.add(c.words.join(' '));
    }
    const claims: FactClaim[] = [];
    const list = out as NameClaim[];
    const places = new Set<string>();
    for (const e of ctx.brief.entities ?? []) if (e.type === 'place') for (const f of [e.name, ...e.aliases]) for (const w of nameWords(f)) places.add(w);
    const keep = new Map<string, NameClaim>();
    for (const [i, j] of oneWordApart(list)) {
      const a = list[i];
      const b = list[j];
      if (a.article === b.article) continue;
      if (a.entityType !== b.entityType) continue;
      const at = oneDifference(a.words, b.words);
      if (at < 0) continue;
      if (/\d/.test(a.words[at] + b.words[at])) continue;
      // Every word written as a name ("Alaska officials" is not a name), and not a headline.
      if (!a.capitalised || !b.capitalised) continue;
      // Two places make two bodies ("Bellflower / Norwalk Superior Court").
      if (places.has(a.words[at]) && places.has(b.words[at])) continue;
      if (a.entityType === 'person') {
        // A person's given name, the surname shared.
        if (at !== 0) continue;
        // Given names that are no misspelling of each other ("Makaeo" / "Jumaane Williams") name
        // two people, unless the resolve stage made them one actor or both hold the same office
        // ("FBI director J. Edgar / Herbert Hoover").
        if (editDistance(a.words[0], b.words[0]) > 2 && a.entity !== b.entity && !a.roles.some((r) => b.roles.includes(r))) continue;
      } else if (a.words.length < 3 || at === a.words.length - 1) {
        // A body's name of three words or more, differing in a word before its head noun
        // ("Agriculture / Alaska Revolving Loan Fund"); "Kraft Foods" and "Kraft Plant" are two things.
        continue;
      }
      // An article naming both forms names two bearers ("Vincent Gigante" and his brother
      // "Louis Gigante").
      const both = (article: string): boolean => {
        const forms = byArticle.get(article)!;
        return [...forms].some((f) => sameForm(f, a.words)) && [...forms].some((f) => sameForm(f, b.words));
      };
      if (both(a.article) || both(b.article)) continue;
      const shared = a.words.filter((_, k) => k !== at).join(' ');
      const bucket = `name:${at}:${shared}`;
      for (const c of [a, b]) {
        const k = `${bucket}\u0000${c.article}\u0000${c.words[at]}`;
        if (!keep.has(k)) keep.set(k, { ...c, bucket, at, value: c.words[at] });
      }
    }
    claims.push(...keep.values());
    return claims;
  },
  sameFact(a, b) {
    return a.bucket === b.bucket;
  },
  conflict(a, b) {
    return !sameWord(a.value, b.value);
  },
  topic(claims) {
    const c = claims[0] as NameClaim;
    const shown = c.display.split(/\s+/).filter((w) => foldName(w).replace(/[^a-z0-9]/g, '') !== c.words[c.at]);
    return `the name of ${shown.length ? shown.join(' ') : c.display}`;
  },
  pairFeatures(a, b) {
    const ca = a as NameClaim;
    const cb = b as NameClaim;
    let shared = 0;
    for (const w of ca.context) if (cb.context.has(w)) shared++;
    return {
      'name:person': ca.entityType === 'person' ? 1 : 0,
      'name:firstWord': ca.at === 0 ? 1 : 0,
      'name:spelling': editDistance(ca.value, cb.value) <= 2 ? 1 : 0,
      'name:context': Math.min(shared, 4) / 4,
      'link:jaccard': jaccard(a.sentence.lemmas, b.sentence.lemmas),
    };
  },
};

/** Content words of the sentence around a name, without the name's own words. */
function contextWords(s: SentenceInfo, words: string[]): Set<string> {
  const own = new Set(words.map((w) => w.slice(0, 6)));
  return new Set([...s.lemmas].filter((l) => !own.has(l)));
}
