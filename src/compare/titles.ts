// Titles and offices: one person given different posts by different outlets ("special envoy" vs
// "defence secretary", "former foreign minister" vs "former prime minister"), and one office given
// to different people. Titles are read next to names: "Foreign Minister Irina Kostova",
// "Velaria's top diplomat Irina Kostova", "Its special envoy, Harald Voss", "Ingrid Saelen, a
// former foreign minister of Nordvald,". Loose descriptions ("top diplomat") never contradict a post.
import type { Context, SentenceInfo } from './context.js';
import { isNameToken } from './context.js';
import type { Detector, FactClaim } from './claims.js';
import type { Token } from '../text/doc.js';
import { loadJson } from '../util/data.js';
import { foldName, personKey, personName, sameSpelling, surname } from './people.js';

interface TitleWords {
  posts: Record<string, string>;
  descriptive: string[];
  portfolio: string[];
  rank: string[];
  historical: string[];
  synonyms: Record<string, string>;
}

export interface TitleMention {
  article: string;
  person: string;
  name: string;
  sentence: SentenceInfo;
  /** The title phrase, affiliation included. */
  start: number;
  end: number;
  text: string;
  /** Rank, portfolio and head words, normalised ("deputy prime minister"). */
  core: string;
  /** True for an office one holds or not; false for a loose description. */
  post: boolean;
  historical: boolean;
  /** Folded country or body the title belongs to, when given. */
  affiliation: string | null;
  affiliationText: string | null;
}

let vocab: (TitleWords & { all: Set<string>; desc: Set<string>; port: Set<string>; rk: Set<string>; hist: Set<string> }) | null = null;
function V(): NonNullable<typeof vocab> {
  if (!vocab) {
    const w = loadJson<TitleWords>('compare/titles.json');
    const desc = new Set(w.descriptive);
    const port = new Set(w.portfolio);
    const rk = new Set(w.rank);
    const hist = new Set(w.historical);
    vocab = { ...w, desc, port, rk, hist, all: new Set([...Object.keys(w.posts), ...desc, ...port, ...rk, ...hist]) };
  }
  return vocab;
}

export function isTitleWord(word: string): boolean {
  return V().all.has(word.toLowerCase());
}

const lower = (t: Token): string => t.text.toLowerCase().replace(/’/g, "'");

/** The title words of a token: itself, or its parts when it is hyphenated ("Vice-Admiral"). */
function titleParts(t: Token): string[] | null {
  const w = lower(t);
  if (V().all.has(w)) return [w];
  const parts = w.split('-');
  return parts.length > 1 && parts.every((p) => V().all.has(p)) ? parts : null;
}
const isTitleToken = (t: Token): boolean => titleParts(t) !== null;
const isPossessive = (t: Token | undefined): boolean => !!t && /^['’]s$/.test(t.text);
const isCap = (t: Token | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);
const isHead = (w: string): boolean => w in V().posts || V().desc.has(w);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our']);

/** Folded affiliation key: "Velaria's", "Velarian", "of Velaria" → "velar". */
export function affiliationKey(text: string): string {
  return foldName(text)
    .replace(/['’]s$/, '')
    .replace(/(ian|ean|an|ese|ish|ic|i)$/, '')
    .slice(0, 8);
}

function sameAffiliation(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 5);
  if (n >= 4 && a.slice(0, n) === b.slice(0, n)) return true;
  // "Reid's" and "Tara Reid's": the same owner named in full or by surname.
  const last = (x: string): string => x.split(' ').pop() ?? x;
  const la = last(a);
  const lb = last(b);
  const m = Math.min(la.length, lb.length, 5);
  return (a.includes(' ') || b.includes(' ')) && m >= 3 && la.slice(0, m) === lb.slice(0, m);
}

interface ParsedTitle {
  from: number;
  to: number; // token indices, inclusive
  words: string[];
  affiliation: string | null;
  affiliationText: string | null;
}

function finish(words: string[], affiliation: string | null, from: number, to: number, affiliationText: string | null = null): ParsedTitle | null {
  if (!words.some(isHead)) return null;
  return { from, to, words, affiliation, affiliationText };
}

/** Whether a word can qualify a title head although the vocabulary does not list it ("Water
 * Minister", "political chief"): a common noun or adjective, never a demonym ("Velarian President"). */
function freeModifier(t: Token): boolean {
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'PROPN') return false;
  if (!/^\p{L}[\p{L}-]*$/u.test(t.text)) return false;
  if (isCap(t) && /(ian|ean|an|ese|ish|ic|i|ch)$/i.test(t.text)) return false;
  return true;
}

/** The proper-noun run ending at token j (inclusive): "Continental Union" in "The Continental Union's". */
function nameRunBefore(toks: Token[], j: number, lo: number): number {
  let k = j;
  while (k - 1 >= lo && isCap(toks[k - 1]) && !V().all.has(lower(toks[k - 1])) && !DETERMINERS.has(lower(toks[k - 1])) && toks[k - 1].pos !== 'PRON') k--;
  return k;
}

/** A title right before a name: "Velarian Foreign Minister", "Brennmark's special envoy", "Its special envoy,". */
function titleBefore(toks: Token[], i: number, lo: number): ParsedTitle | null {
  let j = i - 1;
  if (j >= lo && toks[j].text === ',' && j - 1 >= lo && isHead(lower(toks[j - 1]))) j--;
  const to = j;
  const words: string[] = [];
  let modifiersOpen = true;
  while (j >= lo) {
    const w = lower(toks[j]);
    const parts = titleParts(toks[j]);
    if (parts) {
      if (parts.some((p) => V().rk.has(p) || V().hist.has(p))) modifiersOpen = false;
      words.unshift(...parts);
    } else if (toks[j].text === '-' && words.length > 0) {
      // hyphenated titles: "Vice-Admiral"
    } else if (modifiersOpen && words.length > 0 && freeModifier(toks[j]) && !(isCap(toks[j]) && !isCap(toks[j + 1]))) {
      // A capitalised word before a lower-case title is its owner ("RRA chief"), not its portfolio.
      words.unshift(w);
    } else break;
    j--;
  }
  if (words.length === 0 || !isHead(words[words.length - 1])) return null;
  let affiliation: string | null = null;
  let affText: string | null = null;
  let from = j + 1;
  if (j - 1 >= lo && isPossessive(toks[j]) && isCap(toks[j - 1])) {
    const k = nameRunBefore(toks, j - 1, lo);
    affText = toks.slice(k, j).map((t) => t.text).join(' ');
    affiliation = affiliationKey(affText);
    from = k;
  } else if (j >= lo && isCap(toks[j]) && (toks[j].pos === 'ADJ' || toks[j].pos === 'PROPN') && !V().all.has(lower(toks[j]))) {
    const k = nameRunBefore(toks, j, lo);
    affText = toks.slice(k, j + 1).map((t) => t.text).join(' ');
    affiliation = affiliationKey(affText);
    from = k;
  }
  return finish(words, affiliation, from, to, affText);
}

/** A title in apposition after a name: ", Velaria's deputy prime minister and foreign minister,",
 * ", a silver-haired former foreign minister of Nordvald", ", the former Nordvald foreign minister". */
function titlesAfter(toks: Token[], e: number, hi: number): ParsedTitle[] {
  const out: ParsedTitle[] = [];
  if (e >= hi || toks[e].text !== ',') return out;
  // ", who leads the National Renewal Party": a role said with a verb.
  const verbRole: Record<string, string> = { leads: 'leader', heads: 'chief', chairs: 'chair', runs: 'chief' };
  if (e + 3 < hi && lower(toks[e + 1]) === 'who' && verbRole[lower(toks[e + 2])]) {
    let m = e + 3;
    if (lower(toks[m]) === 'the') m++;
    if (m < hi && isCap(toks[m])) {
      let r = m;
      while (r + 1 < hi && isCap(toks[r + 1])) r++;
      const text = toks.slice(m, r + 1).map((x) => x.text).join(' ');
      out.push({ from: e + 2, to: r, words: [verbRole[lower(toks[e + 2])]], affiliation: affiliationKey(text), affiliationText: text });
      return out;
    }
  }
  let k = e + 1;
  let affiliation: string | null = null;
  let affText: string | null = null;
  for (;;) {
    const first = k;
    if (k < hi && DETERMINERS.has(lower(toks[k]))) k++;
    // "the Front's political chief", "The Continental Union's special envoy"
    let r = k;
    while (r < hi && isCap(toks[r]) && !V().all.has(lower(toks[r]))) r++;
    // "the tribunal's president": a common noun can own a title too.
    if (r === k && r + 1 < hi && toks[r].pos === 'NOUN' && !isTitleToken(toks[r]) && isPossessive(toks[r + 1])) r++;
    if (r > k && r < hi && isPossessive(toks[r])) {
      affText = toks.slice(k, r).map((t) => t.text).join(' ');
      affiliation = affiliationKey(affText);
      k = r + 1;
    }
    const words: string[] = [];
    let end = -1;
    let pending: string[] = [];
    while (k < hi) {
      const t = toks[k];
      const w = lower(t);
      const parts = titleParts(t);
      if (parts) {
        // Free words count only when they run straight into the head ("electoral commission
        // chairman"); loose description before a rank or "former" ("silver-haired former") does not.
        if (parts.some((p) => V().rk.has(p) || V().hist.has(p))) pending = [];
        words.push(...pending, ...parts);
        pending = [];
        end = k;
      } else if (t.text === '-') {
        // hyphenated titles and adjectives are read through
      } else if (!isCap(t) && (t.pos === 'ADJ' || t.pos === 'NOUN')) {
        pending.push(w);
      } else if (isCap(t) && (t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'X') && !affiliation) {
        // "the United Nations envoy": the whole capitalised run names the body.
        let r2 = k;
        while (r2 + 1 < hi && isCap(toks[r2 + 1]) && !isTitleToken(toks[r2 + 1])) r2++;
        affText = toks.slice(k, r2 + 1).map((x) => x.text).join(' ');
        affiliation = affiliationKey(affText);
        k = r2;
      } else break;
      k++;
    }
    // The title ends on its head ("foreign minister leading the mediation" → "foreign minister").
    while (words.length && !isHead(words[words.length - 1])) words.pop();
    if (words.length === 0) break;
    if (k + 1 < hi && /^(of|for|to)$/i.test(toks[k].text)) {
      let m = k + 1;
      if (lower(toks[m]) === 'the') m++;
      if (m < hi && (isCap(toks[m]) || toks[m].pos === 'NOUN') && !isTitleToken(toks[m]) && !affiliation) {
        let r3 = m;
        while (r3 + 1 < hi && isCap(toks[r3 + 1]) && isCap(toks[m]) && !isTitleToken(toks[r3 + 1])) r3++;
        affText = toks.slice(m, r3 + 1).map((x) => x.text).join(' ');
        affiliation = affiliationKey(affText);
        m = r3;
        end = m;
        k = m + 1;
      }
    }
    const parsed = finish(words, affiliation, first, end, affText);
    if (parsed) out.push(parsed);
    if (k < hi && lower(toks[k]) === 'and') {
      k++;
      continue;
    }
    break;
  }
  return out;
}

function core(words: string[]): { core: string; post: boolean; historical: boolean } {
  const v = V();
  const historical = words.some((w) => v.hist.has(w));
  const kept = words.filter((w) => !v.hist.has(w)).map((w) => v.synonyms[w] ?? w);
  const head = kept[kept.length - 1];
  const post = head in v.posts && !kept.some((w) => v.desc.has(w) && w !== head);
  return { core: kept.join(' '), post, historical };
}

/** Name spans in a sentence: person mentions from the entities stage, and runs of capitalised
 * proper nouns that no other kind of entity claims. Leading title words are not part of a name. */
function namesIn(ctx: Context, article: string, s: SentenceInfo): { first: number; last: number }[] {
  const a = ctx.byId.get(article)!;
  const toks = a.doc.tokens;
  const sent = a.doc.sentences[s.index];
  const out: { first: number; last: number }[] = [];
  let i = sent.firstToken;
  while (i < sent.endToken) {
    if (!isNameToken(toks[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < sent.endToken && isNameToken(toks[j + 1])) j++;
    // "Velarian Foreign Minister Irina Kostova": the name starts after the run's last title word.
    let first = i;
    for (let k = i; k <= j; k++) if (isTitleToken(toks[k])) first = k + 1;
    if (first <= j) {
      const start = toks[first].start;
      const end = toks[j].end;
      const other = a.mentions.find((m) => m.start < end && m.end > start && ctx.entityType.get(m.entity) !== 'person');
      const person = a.mentions.find((m) => m.start < end && m.end > start && ctx.entityType.get(m.entity) === 'person');
      if (!other || person) out.push({ first, last: j });
    }
    i = j + 1;
  }
  return out;
}

const mentionCache = new WeakMap<Context, TitleMention[]>();

/** Every title given to a named person in the articles (read once per comparison). */
export function titleMentions(ctx: Context): TitleMention[] {
  let cached = mentionCache.get(ctx);
  if (!cached) mentionCache.set(ctx, (cached = readTitleMentions(ctx)));
  return cached;
}

function readTitleMentions(ctx: Context): TitleMention[] {
  const out: TitleMention[] = [];
  for (const a of ctx.articles) {
    const toks = a.doc.tokens;
    for (const s of a.sentences) {
      const sent = a.doc.sentences[s.index];
      for (const n of namesIn(ctx, a.id, s)) {
        const nameStart = toks[n.first].start;
        const nameEnd = toks[n.last].end;
        const name = a.doc.text.slice(nameStart, nameEnd);
        // A single capitalised word is a surname only if it is not a place or body named elsewhere.
        const person = personKey(ctx, a.id, nameStart, nameEnd, name);
        const found = [titleBefore(toks, n.first, sent.firstToken), ...titlesAfter(toks, n.last + 1, sent.endToken)];
        for (const t of found) {
          if (!t || t.to < t.from) continue;
          const c = core(t.words);
          const start = toks[t.from].start;
          const end = toks[t.to].end;
          out.push({
            article: a.id,
            person,
            name: personName(ctx, person, name),
            sentence: s,
            start,
            end,
            text: a.doc.text.slice(start, end),
            core: c.core,
            post: c.post,
            historical: c.historical,
            affiliation: t.affiliation,
            affiliationText: t.affiliationText,
          });
        }
      }
    }
  }
  return out;
}

/** Two titles can both be true of one person: one is the other with fewer words ("minister",
 * "foreign minister") and the same rank, or one of them is only a loose description. */
export function compatible(a: TitleMention, b: TitleMention): boolean {
  if (a.historical !== b.historical) return true;
  // Leading two different parties ("leader of the Liberty Alliance" / "who leads the National
  // Renewal Party") cannot both be true, even for a loose title.
  const headA = a.core.split(' ').pop();
  if (!a.post || !b.post) return !(headA === b.core.split(' ').pop() && a.affiliation && b.affiliation && !sameAffiliation(a.affiliation, b.affiliation));
  if (a.affiliation && b.affiliation && !sameAffiliation(a.affiliation, b.affiliation)) return false;
  const wa = a.core.split(' ');
  const wb = b.core.split(' ');
  // An acting or interim holder is commonly called by the post itself ("director" / "acting director").
  const rank = (ws: string[]): string => ws.filter((w) => V().rk.has(w) && w !== 'acting' && w !== 'interim').sort().join(' ');
  if (rank(wa) !== rank(wb)) return false;
  return wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w));
}

type TitleClaim = FactClaim & { title: TitleMention };

const byHolder = new WeakMap<TitleMention[], Map<string, TitleMention[]>>();

function holdsCompatible(all: TitleMention[], article: string, person: string, t: TitleMention): boolean {
  let index = byHolder.get(all);
  if (!index) {
    index = new Map();
    for (const o of all) {
      const key = `${o.article}\u0000${o.person}`;
      if (!index.has(key)) index.set(key, []);
      index.get(key)!.push(o);
    }
    byHolder.set(all, index);
  }
  return (index.get(`${article}\u0000${person}`) ?? []).some((o) => (o.post || o.affiliation) && o.historical === t.historical && compatible(o, t));
}

/** "foreign minister (Velarian)": the normalised title, with the country or body when given. */
function describe(t: TitleMention): string {
  return `${t.historical ? 'former ' : ''}${t.core}${t.affiliationText ? ` (${t.affiliationText.replace(/[’']s$/, '')})` : ''}`;
}

/** One person, titles that cannot all be true. */
export function titleDetector(): Detector {
  let all: TitleMention[] = [];
  return {
    kind: 'title',
    extract(ctx) {
      all = titleMentions(ctx);
      return all
        .filter((t) => t.post || t.affiliation)
        .map(
          (t): TitleClaim => ({
            kind: 'title',
            article: t.article,
            sentence: t.sentence,
            start: t.start,
            end: t.end,
            value: `${t.core}|${t.affiliation ?? ''}`,
            display: describe(t),
            subject: t.name,
            bucket: `${t.person}|${t.historical ? 'past' : 'now'}`,
            title: t,
          }),
        );
    },
    sameFact: () => true,
    conflict(a, b) {
      const ta = (a as TitleClaim).title;
      const tb = (b as TitleClaim).title;
      if (compatible(ta, tb)) return false;
      // The same post said of two bodies is a contradiction only when both bodies are named in
      // full: "UCS" and "Union" (of Concerned Scientists) are one body cut two ways.
      const core = (t: TitleMention): string => t.core.split(' ').pop() ?? '';
      if (core(ta) === core(tb) && ta.affiliationText && tb.affiliationText && !(ta.affiliationText.includes(' ') && tb.affiliationText.includes(' '))) return false;
      // Not a contradiction when either outlet also gives the other's title: one outlet naming two
      // posts and another naming one of them agree.
      return !holdsCompatible(all, b.article, tb.person, ta) && !holdsCompatible(all, a.article, ta.person, tb);
    },
    topic(claims) {
      const t = (claims[0] as TitleClaim).title;
      return `${t.historical ? 'earlier office' : 'title'} of ${t.name}`;
    },
  };
}

const folded = new WeakMap<Context, Map<string, string>>();
function foldedText(ctx: Context, article: string): string {
  let m = folded.get(ctx);
  if (!m) folded.set(ctx, (m = new Map()));
  if (!m.has(article)) m.set(article, foldName(ctx.byId.get(article)?.doc.text ?? ''));
  return m.get(article)!;
}

const SHARED_RANKS = /\b(deputy|assistant|junior|vice|under-secretary|undersecretary|co)\b/;
const SOLE_HEADS = new Set(['president', 'premier', 'chancellor', 'king', 'queen', 'emir', 'chair']);
const QUALIFIED_HEADS = new Set(['minister', 'secretary', 'chief', 'governor', 'commissioner', 'director']);

/** Whether only one person holds the post at a time (a foreign minister, a commission's chair; not a
 * spokesperson, an envoy or a deputy). */
export function uniquePost(t: TitleMention): boolean {
  if (!t.post || t.historical || SHARED_RANKS.test(t.core)) return false;
  if (/\b(director|secretary) general$/.test(t.core) || t.core === 'prime minister') return true;
  const words = t.core.split(' ');
  const head = V().posts[words[words.length - 1]];
  if (SOLE_HEADS.has(head)) return true;
  if (QUALIFIED_HEADS.has(head)) return words.length >= 2 && !words.slice(0, -1).every((w) => ['special', 'senior', 'top', 'lead', 'chief'].includes(w));
  return false;
}

function headOf(core: string): string {
  if (/\b(director|secretary) general$/.test(core)) return core.split(' ').slice(-2).join(' ');
  if (core.endsWith('prime minister')) return 'prime minister';
  return V().posts[core.split(' ').pop()!] ?? core;
}

/** One office, different holders: "Foreign Minister Petrov" in one outlet, "Foreign Minister Siu"
 * in another, where neither outlet gives the other's holder that office. When both name the office's
 * country or body, those must agree. */
export function officeDetector(): Detector {
  return {
    kind: 'office',
    extract(ctx) {
      const all = titleMentions(ctx);
      const out: FactClaim[] = [];
      for (const t of all) {
        if (!uniquePost(t)) continue;
        // A holder the entities stage does not know as a person ("President March …") is a misread name.
        if (ctx.entityType.get(t.person) !== 'person' && !(t.person.startsWith('name:') && /^\p{Lu}[\p{L}’'-]+(\s+\p{Lu}[\p{L}’'-]+)+$/u.test(t.name))) continue;
        // A holder named only by abbreviations ("W. Va.", a state after a party label) is no name.
        if (!/\p{L}{3,}/u.test(t.name.replace(/\b\p{L}{1,2}\./gu, ''))) continue;
        out.push({
          kind: 'office',
          article: t.article,
          sentence: t.sentence,
          start: t.start,
          end: t.end,
          value: t.person,
          display: `the post to ${t.name}`,
          subject: t.core,
          bucket: headOf(t.core),
        });
        (out[out.length - 1] as FactClaim & { title: TitleMention; all: TitleMention[] }).title = t;
        (out[out.length - 1] as FactClaim & { title: TitleMention; all: TitleMention[] }).all = all;
      }
      return out;
    },
    sameFact(a, b) {
      const ta = (a as TitleClaim).title;
      const tb = (b as TitleClaim).title;
      // The same office: one wording contains the other ("chair" / "electoral commission chair").
      return compatible({ ...ta, historical: false }, { ...tb, historical: false });
    },
    conflict(a, b, ctx) {
      const ta = (a as TitleClaim).title;
      const tb = (b as TitleClaim).title;
      if (ta.person === tb.person || sameSpelling(surname(ta.name), surname(tb.name))) return false;
      const all = (a as FactClaim & { all: TitleMention[] }).all;
      // Both outlets giving the office to both people (two countries' ministers) is not a contradiction.
      if (holdsCompatible(all, b.article, ta.person, ta) || holdsCompatible(all, a.article, tb.person, tb)) return false;
      // Without the country or body on both sides, "Prime Minister X" and "Prime Minister Y" may be
      // two countries' leaders; it is one office only when an outlet names both people, giving the
      // office to one of them and something else (or nothing) to the other.
      if (!ta.affiliation || !tb.affiliation) {
        // What the outlets say elsewhere about whom each person serves decides first.
        const affs = (person: string): string[] => all.filter((o) => o.person === person && o.affiliation).map((o) => o.affiliation!);
        const fa = ta.affiliation ? [ta.affiliation] : affs(ta.person);
        const fb = tb.affiliation ? [tb.affiliation] : affs(tb.person);
        if (fa.length && fb.length) return fa.some((x) => fb.some((y) => sameAffiliation(x, y)));
        const names = (article: string, person: string, name: string): boolean =>
          all.some((o) => o.article === article && o.person === person) || foldedText(ctx, article).includes(surname(name));
        return names(b.article, ta.person, ta.name) || names(a.article, tb.person, tb.name);
      }
      return true;
    },
    topic(claims) {
      const t = (claims[0] as TitleClaim).title;
      return `who is ${t.affiliationText ? `${t.affiliationText.replace(/[’']s$/, '')}'s ` : 'the '}${t.core}`;
    },
  };
}
