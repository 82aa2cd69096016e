// What the pair scorer sees: each article-local entity described once (its name forms, person-name
// structure, roles, whether it is its article's author), the batch's context (which names share a
// word, which names each article mentions), and for a candidate pair a fixed vector of features.
// Pure functions of the annotations: no text is read again.
import type { ArticleEntities, LocalEntity } from '../../annotations.js';
import type { EntityType, Span } from '../../types.js';
import { foldName } from '../../text/fold.js';
import { givenRelation, nameWords, withinOneEdit, sameSurname, shortName, skeleton, splitPersonName, translit, type GivenRelation } from '../names.js';
import { placeKey } from '../places.js';
import { currentRoles, roleRelation } from '../roles.js';
import { givenNameGender } from '../../util/given-gender.js';

export interface NameForm {
  /** The form as written (whitespace collapsed). */
  text: string;
  /** Folded words: possessive, dots, a leading "the" and legal-form endings dropped. */
  words: string[];
  /** Spelling key per word (translit): romanisation variants agree. */
  keys: string[];
  /** Spelling keys of the words that can tell names apart (no connectors, no very common words). */
  content: string[];
  /** The words joined: the form's identity for exact comparison. */
  key: string;
  /** Letters of an acronym form ("FBI", "U.S."), lower case. */
  acronym: string | null;
  /** First letters of the words that an acronym spells. */
  initials: string;
}

export interface PersonView {
  /** Given names and initials, honorifics removed, folded. */
  given: string[];
  /** Last word of the surname, as written. */
  surnameHead: string;
  /** "jr", "sr", "ii"… or "" (a father and a son share the rest). */
  generation: string;
}

export interface LocalView {
  index: number;
  key: string;
  article: string;
  articleIndex: number;
  entity: LocalEntity;
  type: EntityType;
  spans: Span[];
  /** Every surface form as written: name, aliases and name mentions. */
  forms: string[];
  /** The text of each name mention (with repeats, for counting). */
  mentionForms: string[];
  /** Distinct name forms for comparison, the entity's own name first. */
  names: NameForm[];
  /** Person-name structure of each multi-word form, whatever the type (typers err), fullest first. */
  people: PersonView[];
  /** The surname alone (a one-word form and no multi-word one). */
  bare: string | null;
  country: string | null;
  /** Made only of words every country's institutions use ("Foreign Ministry"). */
  generic: boolean;
  /** The entity names one of its article's authors (its byline). */
  author: boolean;
  roles: string[];
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&', 'on', 'de', 'du', 'des', 'la', 'le', 'del', 'della', 'di', 'da', 'van', 'von', 'der', 'den', 'al', 'el', 'y', 'at', 'in']);

/** A name form's words for comparison ("The U.S. Marshals Service's" → u.s marshals service).
 * `person`: titles in front ("President", "Ms.") are not part of the name. */
export function nameForm(text: string, person = false): NameForm | null {
  const w = nameWords();
  // "Gov.Sarah Palin": a title glued to the name by its full stop.
  const clean = text
    .replace(/(\p{L}{2,})\.(?=\p{Lu}\p{Ll})/gu, '$1. ')
    .replace(/\s+/g, ' ')
    .trim();
  let words = foldName(clean)
    .replace(/[’']s?$/, '')
    // Rebuilt or spaced initials ("U . S .", "U. S.") are one word; "W. Mark" stays two.
    .replace(/\s+\./g, '.')
    .replace(/\b(\p{L})\.\s+(?=\p{L}\.)/gu, '$1.')
    .split(/[\s]+/)
    .map((x) => x.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.$/, ''))
    .filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words = words.slice(1);
  while (words.length > 1 && w.corporate.has(words[words.length - 1])) words = words.slice(0, -1);
  if (words.length === 0) return null;
  const dotted = /^(?:[a-z]\.){1,5}[a-z]?$/.test(words.join(' ')) || /^(?:[A-Z]\.?){2,6}$/.test(clean.replace(/\s+/g, ''));
  const acronymRaw = clean.replace(/[.\s]/g, '');
  const acronym = words.length === 1 && dotted && /^[A-Za-z]{2,6}$/.test(acronymRaw) ? acronymRaw.toLowerCase() : null;
  // "u.s" stays one word: its dots are not spaces.
  const plain = words.map((x) => x.replace(/\./g, ''));
  const keys = plain.map((x) => translit(x) || x);
  // Titles in front of a person's name tell nothing about who it is; an organisation's first word
  // may look like one ("General Motors"), so only a run that leaves two words is cut there.
  let first = 0;
  while (first < plain.length - 1 && w.honorifics.has(plain[first])) first++;
  if (!person && plain.length - first < 2) first = 0;
  // "Jr." tells a father from his son (PersonView.generation), not one name from another.
  const content = keys.filter((k, i) => i >= first && k && !CONNECTORS.has(plain[i]) && !w.stopWords.has(plain[i]) && !(i > 0 && w.suffixes.has(plain[i])));
  const initials = plain.filter((x) => !CONNECTORS.has(x)).map((x) => x[0] ?? '').join('');
  return { text: clean, words: plain, keys, content, key: plain.join(' '), acronym, initials };
}

/** The words of a name after the titles in front of it ("Ms. Mendes" → Mendes). */
function untitled(text: string): string[] {
  const { honorifics } = nameWords();
  const words = text
    .replace(/(\p{L}{2,})\.(?=\p{Lu}\p{Ll})/gu, '$1. ')
    .replace(/\s+\./g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  let start = 0;
  while (start < words.length - 1 && honorifics.has(foldName(words[start]).replace(/\.$/, ''))) start++;
  return words.slice(start);
}

function personView(text: string): PersonView | null {
  const { honorifics } = nameWords();
  const words = text
    .replace(/(\p{L}{2,})\.(?=\p{Lu}\p{Ll})/gu, '$1. ')
    .replace(/\s+\./g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  // Titles in front of a name ("Gov. Sarah Palin", "Attorney Mark Heller") are not given names.
  let start = 0;
  while (start < words.length - 1 && honorifics.has(foldName(words[start]).replace(/\.$/, ''))) start++;
  const rest = words.slice(start);
  const { suffixes } = nameWords();
  const last = foldName(rest[rest.length - 1] ?? '');
  const generation = rest.length > 2 && suffixes.has(last) ? last.replace(/\.$/, '') : '';
  const split = splitPersonName(rest.join(' '));
  const given = split.given.map((g) => foldName(g).replace(/\.$/, '')).filter((g) => g && !honorifics.has(g));
  if (given.length === 0 || !split.surnameHead) return null;
  if (!/^\p{L}/u.test(split.surnameHead) || given.some((g) => !/^\p{L}/u.test(g))) return null;
  return { given, surnameHead: split.surnameHead, generation };
}

/**
 * The person a longer run names after a title inside it: "Harbour Authority Chief Rosa Quintero" → "Rosa Quintero",
 * "Secretary of State John Kerry" → "John Kerry". Typers leave such titles and team names in a
 * name; the tail after the last title word is the person other outlets name.
 */
export function afterTitle(text: string): string | null {
  const { honorifics, stopWords } = nameWords();
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length < 3) return null;
  const plain = (w: string) => foldName(w).replace(/[.,]$/, '');
  let start = words.length;
  while (start > 0 && !honorifics.has(plain(words[start - 1])) && !CONNECTORS.has(plain(words[start - 1])) && !stopWords.has(plain(words[start - 1]))) start--;
  const tail = words.slice(start);
  if (tail.length < 2 || tail.length > 4 || start === 0) return null;
  if (!words.slice(0, start).some((w) => honorifics.has(plain(w)))) return null;
  if (!tail.every((w) => /^\p{Lu}/u.test(w))) return null;
  return tail.join(' ');
}

/** Describe one local entity for comparison. `authors` are the folded names on its article's byline.
 * `internedForms`, shared across a batch, gives every local the same NameForm object for the same form
 * (see relationMemo). */
export function describeLocal(index: number, art: ArticleEntities, articleIndex: number, entity: LocalEntity, authors: Set<string>, internedForms?: Map<string, NameForm | null>): LocalView {
  const spans: Span[] = [];
  const forms = new Set<string>([entity.name, ...entity.aliases]);
  const mentionForms: string[] = [];
  for (const i of entity.mentions) {
    const m = art.mentions[i];
    if (!m) continue;
    spans.push({ article: art.article, start: m.start, end: m.end });
    if (m.kind === 'name') {
      const form = m.text.replace(/\s+/g, ' ').trim();
      forms.add(form);
      mentionForms.push(form);
    }
  }
  // Compared, never shown: the person named after a title inside a longer run.
  const compared = new Set(forms);
  if (entity.type !== 'place' && entity.type !== 'group') {
    for (const f of forms) {
      const tail = afterTitle(f);
      if (tail) compared.add(tail);
    }
  }
  const names: NameForm[] = [];
  const seen = new Set<string>();
  for (const f of compared) {
    const person = entity.type === 'person';
    let nf: NameForm | null | undefined;
    if (internedForms) {
      const formKey = `${person ? 'p' : 'n'}${f}`;
      nf = internedForms.get(formKey);
      if (nf === undefined) internedForms.set(formKey, (nf = nameForm(f, person)));
    } else nf = nameForm(f, person);
    if (!nf || seen.has(nf.key)) continue;
    seen.add(nf.key);
    names.push(nf);
  }
  const w = nameWords();
  const generic = (entity.type === 'organization' || entity.type === 'other') && names.length > 0 && names.every((n) => n.words.every((x) => w.generic.has(x)));
  const people: PersonView[] = [];
  let bare: string | null = null;
  if (entity.type !== 'group' && entity.type !== 'place') {
    const multi = [...compared].filter((f) => f.trim().split(/\s+/).length >= 2 && f.trim().split(/\s+/).length <= 5);
    multi.sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || a.localeCompare(b));
    const seenPeople = new Set<string>();
    for (const f of multi) {
      const v = personView(f);
      if (!v) continue;
      const k = `${v.given.join(' ')}|${v.surnameHead}|${v.generation}`;
      if (seenPeople.has(k)) continue;
      seenPeople.add(k);
      people.push(v);
    }
    // A surname alone, or behind a title only ("Ms. Mendes", "President Nixon").
    if (people.length === 0) {
      const rests = [...compared].map(untitled);
      if (rests.length > 0 && rests.every((r) => r.length === 1)) bare = foldName(rests[0][0]).replace(/[’']s?$/, '');
    }
  }
  const folded = foldName(entity.name);
  // A byline gives a full name; a bare surname in the text is more often someone the story is about.
  const author = entity.type !== 'place' && entity.type !== 'group' && folded.includes(' ') && [...authors].some((a) => a === folded || a.endsWith(` ${folded}`) || folded.endsWith(` ${a}`));
  const country = entity.type !== 'person' && entity.type !== 'group' ? placeKey([...forms]) : null;
  return {
    index,
    key: entity.key,
    article: art.article,
    articleIndex,
    entity,
    type: entity.type,
    spans,
    forms: [...forms],
    mentionForms,
    names,
    people,
    bare,
    country,
    generic,
    author,
    roles: currentRoles(entity.roles),
  };
}

interface Holder {
  content: string[];
  articles: Set<string>;
  locals: Set<number>;
}

/**
 * The longer names that a short form could stand for, grouped into the actors they are likely to
 * be: "Rosa Quintero" and "Harbour Authority Chief Rosa Quintero" are one holder of "Quintero" (one ends the other),
 * "Fred Amundsen" and "Frederick C. Amundsen" one (compatible given names), "Ed Miliband" and "David
 * Miliband" two. A holder leads when more articles name it than any other.
 */
class Holders {
  private byWord = new Map<string, Holder[][]>();
  private groupOf = new Map<string, Map<number, number>>();
  private leader = new Map<string, number | null>();

  constructor(
    locals: LocalView[],
    private at: 'end' | 'start',
  ) {
    const entries = new Map<string, Map<string, Holder>>();
    for (const l of locals) {
      for (const n of l.names) {
        if (n.content.length < 2) continue;
        const word = at === 'end' ? n.content[n.content.length - 1] : n.content[0];
        let m = entries.get(word);
        if (!m) entries.set(word, (m = new Map()));
        const k = n.content.join(' ');
        let h = m.get(k);
        if (!h) m.set(k, (h = { content: n.content, articles: new Set(), locals: new Set() }));
        h.articles.add(l.article);
        h.locals.add(l.index);
      }
    }
    for (const [word, m] of entries) {
      const list = [...m.values()];
      const parent = list.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (this.sameHolder(list[i].content, list[j].content)) parent[find(i)] = find(j);
      const groups = new Map<number, Holder[]>();
      list.forEach((h, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(h));
      const gs = [...groups.values()];
      this.byWord.set(word, gs);
      const localGroup = new Map<number, number>();
      gs.forEach((g, gi) => g.forEach((h) => h.locals.forEach((li) => localGroup.set(li, gi))));
      this.groupOf.set(word, localGroup);
      const counts = gs.map((g) => new Set(g.flatMap((h) => [...h.articles])).size);
      const order = counts.map((c, gi) => [c, gi]).sort((x, y) => y[0] - x[0]);
      this.leader.set(word, order.length === 1 || order[0][0] > order[1][0] ? order[0][1] : null);
    }
  }

  private sameHolder(x: string[], y: string[]): boolean {
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    const at = findRun(short, long);
    if (at >= 0 && (this.at === 'end' ? at + short.length === long.length : at === 0)) return true;
    if (this.at === 'end' && x.length >= 2 && y.length >= 2) {
      const rel = givenRelation(x[0], y[0]);
      if (rel === 'same' || rel === 'initial' || rel === 'prefix') return true;
    }
    return false;
  }

  /** How many holders the word has, whether this local's holder leads, and whether none does. */
  of(word: string, local: number): { holders: number; leads: boolean; tie: boolean } {
    const gs = this.byWord.get(word);
    if (!gs) return { holders: 0, leads: false, tie: false };
    const g = this.groupOf.get(word)!.get(local);
    const leader = this.leader.get(word);
    return { holders: gs.length, leads: g !== undefined && leader === g, tie: leader === null };
  }
}

/** Batch-wide facts a pair's features read. */
export class BatchContext {
  /** Per article: content-word keys of every entity it names → in how many articles a key occurs. */
  private articleWords = new Map<string, Set<string>>();
  private df = new Map<string, number>();
  private articles: number;
  private ctxCache = new Map<string, number>();
  /** Name word → how many distinct name forms of the batch hold it. */
  private wordNames = new Map<string, number>();
  private nameCount = 0;
  /** Per local entity: the content words of its names, in the order its names give them. */
  private contentWords = new Map<LocalView, Set<string>>();
  /** Per word: its rarity weight among names, and its squared weight among articles (each
   * computed once; the same value every pair would compute). */
  private nameWeight = new Map<string, number>();
  private articleWeight2 = new Map<string, number>();
  readonly endings: Holders;
  readonly beginnings: Holders;

  constructor(locals: LocalView[]) {
    const forms = new Set<string>();
    for (const l of locals) for (const n of l.names) forms.add(n.keys.join(' '));
    this.nameCount = forms.size;
    for (const f of forms) for (const k of new Set(f.split(' '))) this.wordNames.set(k, (this.wordNames.get(k) ?? 0) + 1);
    this.endings = new Holders(locals, 'end');
    this.beginnings = new Holders(locals, 'start');
    for (const l of locals) {
      let set = this.articleWords.get(l.article);
      if (!set) this.articleWords.set(l.article, (set = new Set()));
      for (const n of l.names) for (const k of n.content) set.add(k);
    }
    this.articles = this.articleWords.size;
    for (const set of this.articleWords.values()) for (const k of set) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    for (const l of locals) this.contentWords.set(l, new Set(l.names.flatMap((n) => n.content)));
  }

  /** A local's content words (computed once per local of the batch). */
  private wordsOf(l: LocalView): Set<string> {
    return this.contentWords.get(l) ?? new Set(l.names.flatMap((n) => n.content));
  }

  /**
   * Shared name words over all their name words, each weighted by how rare it is among the batch's
   * names (log of names / names holding it): "Press" shared by two newspapers says little, a rare
   * surname says much.
   */
  weightedOverlap(a: LocalView, b: LocalView): number {
    const sa = this.wordsOf(a);
    const sb = this.wordsOf(b);
    let shared = 0;
    let union = 0;
    const w = (k: string) => {
      let v = this.nameWeight.get(k);
      if (v === undefined) this.nameWeight.set(k, (v = Math.log((this.nameCount + 1) / (this.wordNames.get(k) ?? 1))));
      return v;
    };
    for (const k of sa) {
      union += w(k);
      if (sb.has(k)) shared += w(k);
    }
    for (const k of sb) if (!sa.has(k)) union += w(k);
    return union === 0 ? 0 : shared / union;
  }

  /**
   * How much the two articles' other names overlap: cosine of their sets of name words weighted by
   * rarity in the batch (log N/df), leaving out the two entities' own words. Articles about one
   * story share the people, places and bodies around an actor; two namesakes' articles do not.
   */
  context(a: LocalView, b: LocalView): number {
    if (a.article === b.article) return 1;
    const ownA = this.wordsOf(a);
    const ownB = this.wordsOf(b);
    const cacheKey = a.article < b.article ? `${a.article}\u0000${b.article}` : `${b.article}\u0000${a.article}`;
    const wa = this.articleWords.get(a.article)!;
    const wb = this.articleWords.get(b.article)!;
    const weight2 = (k: string) => {
      let v = this.articleWeight2.get(k);
      if (v === undefined) this.articleWeight2.set(k, (v = Math.log((this.articles + 1) / (this.df.get(k) ?? 1)) ** 2));
      return v;
    };
    // The norms do not depend on the pair; only the shared words minus the pair's own do.
    let norms = this.ctxCache.get(cacheKey);
    if (norms === undefined) {
      let na = 0;
      let nb = 0;
      for (const k of wa) na += weight2(k);
      for (const k of wb) nb += weight2(k);
      norms = Math.sqrt(na * nb);
      this.ctxCache.set(cacheKey, norms);
    }
    if (norms === 0) return 0;
    const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
    let dot = 0;
    for (const k of small) if (large.has(k) && !ownA.has(k) && !ownB.has(k)) dot += weight2(k);
    return dot / norms;
  }
}

function add(map: Map<string, Set<string>>, k: string, v: string) {
  let set = map.get(k);
  if (!set) map.set(k, (set = new Set()));
  set.add(v);
}

/** How the best pair of forms of two entities relates, strongest first. */
export type NameRelation = 'exact' | 'spelling' | 'compact' | 'acronym' | 'typo' | 'suffix' | 'prefix' | 'inside' | 'overlap' | 'none';

const ORDER: NameRelation[] = ['exact', 'spelling', 'compact', 'acronym', 'typo', 'suffix', 'prefix', 'inside', 'overlap', 'none'];

function closeWord(a: string, b: string): boolean {
  return a === b || (a.length >= 3 && b.length >= 3 && sameSurname(a, b));
}

/** Words of two forms of one name: close spellings, or an initial and a word it starts ("J." /
 * "John"). An initial is a letter as written: a key that spelling folded down to one letter ("VW"
 * → "v") is no initial, or "VW" would fit every name that starts with a V or a W. */
function fittingWord(a: string, b: string, wordA: string, wordB: string): boolean {
  return (closeWord(a, b) && (!shortName(wordA, wordB) || wordA === wordB)) || (a.length === 1 && wordA.length === 1 && b.startsWith(a)) || (b.length === 1 && wordB.length === 1 && a.startsWith(b));
}

/** Where the short form's words sit inside the long one (by spelling key), or -1. */
export function findRun(short: string[], long: string[]): number {
  outer: for (let s = 0; s + short.length <= long.length; s++) {
    for (let i = 0; i < short.length; i++) if (!closeWord(short[i], long[s + i])) continue outer;
    return s;
  }
  return -1;
}

export function formRelation(x: NameForm, y: NameForm): { rel: NameRelation; short: NameForm | null; long: NameForm | null; at: number } {
  const none = { short: null, long: null, at: -1 };
  if (x.key === y.key) return { rel: 'exact', ...none };
  // An acronym is spelt out, never misspelt ("SLS" is no spelling of "Souls").
  const spellable = !x.acronym === !y.acronym;
  // A short word has no spelling variants ("Barr", "Baar" and "Bar" share one key): it must be written alike.
  const alike = (i: number, j: number) => !shortName(x.words[i], y.words[j]) || x.words[i] === y.words[j];
  if (spellable && x.keys.length === y.keys.length && x.keys.every((k, i) => closeWord(k, y.keys[i]) && alike(i, i))) return { rel: 'spelling', ...none };
  // Word by word, ignoring only a generation ("Paul Abara Jr" / "Paul Abara") and letting an
  // initial stand for a word ("J. Smith" / "John Smith"); common words count here ("Harwick Police"
  // is not "Harwick").
  const kept = (f: NameForm) => f.keys.map((_, i) => i).filter((i) => !(i > 0 && nameWords().suffixes.has(f.words[i])));
  const gx = kept(x);
  const gy = kept(y);
  // At least one word spelt out on both sides: a lone letter ("C") is no initial of "Cocoa".
  const spelt = gx.length === gy.length && gx.some((i, n) => x.words[i].length > 1 && y.words[gy[n]].length > 1 && closeWord(x.keys[i], y.keys[gy[n]]));
  if (spellable && spelt && gx.length > 0 && gx.length === gy.length && gx.every((i, n) => fittingWord(x.keys[i], y.keys[gy[n]], x.words[i], y.words[gy[n]]))) return { rel: 'spelling', ...none };
  if (x.keys.join('') === y.keys.join('') && (x.words.length > 1 || y.words.length > 1 || alike(0, 0))) return { rel: 'compact', ...none };
  if (x.acronym && y.words.length >= 2 && y.initials === x.acronym) return { rel: 'acronym', short: x, long: y, at: 0 };
  if (y.acronym && x.words.length >= 2 && x.initials === y.acronym) return { rel: 'acronym', short: y, long: x, at: 0 };
  const cx = x.words.join('');
  const cy = y.words.join('');
  if (Math.min(cx.length, cy.length) >= 6 && withinOneEdit(cx, cy)) return { rel: 'typo', ...none };
  const [short, long] = x.content.length <= y.content.length ? [x, y] : [y, x];
  if (short.content.length > 0 && short.content.length < long.content.length) {
    const at = findRun(short.content, long.content);
    if (at >= 0) {
      const rel = at + short.content.length === long.content.length ? 'suffix' : at === 0 ? 'prefix' : 'inside';
      return { rel, short, long, at };
    }
  }
  if (x.content.some((k) => y.content.includes(k))) return { rel: 'overlap', short, long, at: -1 };
  return { rel: 'none', ...none };
}

/** The strongest relation between any form of one entity and any form of the other. */
export function bestRelation(a: LocalView, b: LocalView): ReturnType<typeof formRelation> & { single: boolean; x: NameForm | null; y: NameForm | null } {
  let best: ReturnType<typeof formRelation> & { single: boolean; x: NameForm | null; y: NameForm | null } = { rel: 'none', short: null, long: null, at: -1, single: false, x: null, y: null };
  for (const x of a.names) {
    for (const y of b.names) {
      const r = formRelation(x, y);
      // A one-word form says less than a full name: between equal relations the longer wins.
      const single = (r.short ?? x).words.length === 1;
      const order = ORDER.indexOf(r.rel) - ORDER.indexOf(best.rel);
      if (order < 0 || (order === 0 && best.single && !single)) best = { ...r, single, x, y };
      if (best.rel === 'exact' && !best.single) return best;
    }
  }
  return best;
}

/**
 * bestRelation for a batch whose locals share their NameForm objects (describeLocal's `internedForms`):
 * two locals with the same list of forms relate to others alike, so each pair of form lists is
 * compared once. The result is the very object bestRelation gives (its forms are the shared ones);
 * callers only read it.
 */
export function relationMemo(): (a: LocalView, b: LocalView) => BestRelation {
  const formIds = new Map<NameForm, number>();
  const listIds = new Map<string, number>();
  const listOf = new WeakMap<LocalView, number>();
  const memo = new Map<number, BestRelation>();
  const listId = (l: LocalView): number => {
    let id = listOf.get(l);
    if (id === undefined) {
      const key = l.names.map((n) => formIds.get(n) ?? formIds.set(n, formIds.size).get(n)!).join(',');
      id = listIds.get(key);
      if (id === undefined) listIds.set(key, (id = listIds.size));
      listOf.set(l, id);
    }
    return id;
  };
  return (a, b) => {
    // Cantor pairing keeps the key exact for any list ids (well inside 2^53 for a batch).
    const x = listId(a);
    const y = listId(b);
    const key = ((x + y) * (x + y + 1)) / 2 + y;
    let r = memo.get(key);
    if (r === undefined) memo.set(key, (r = bestRelation(a, b)));
    return r;
  };
}

export interface PersonRelation {
  /** The best-matching given names, or null when no form pair shares a surname. */
  given: GivenRelation | null;
  /** Both name a generation and they differ (Jr. / Sr.), or only one names one. */
  generation: 'same' | 'one' | 'differs';
  /** What the name lists say of the two given names next to the surname: one gender, two, or nothing known. */
  gender: 'same' | 'differs' | null;
}

const GIVEN_RANK: GivenRelation[] = ['same', 'initial', 'prefix', 'slip', 'shared-start', 'different'];

/** The gender the name lists give the given name next to the surname, written out: words a typer
 * left in front ("Notorious Bettie Page") are not given names, and the lists know odd ones. */
function genderOf(p: PersonView): string | null {
  const near = p.given[p.given.length - 1];
  return near && near.length > 1 ? givenNameGender(near) : null;
}

/** How two entities' person names relate, over every pair of their multi-word forms. */
export function personRelation(a: LocalView, b: LocalView): PersonRelation {
  let best: PersonRelation = { given: null, generation: 'same', gender: null };
  for (const p of a.people) {
    for (const q of b.people) {
      if (!sameSurname(p.surnameHead, q.surnameHead)) continue;
      const given = givenNamesRelation(p.given, q.given);
      const generation = p.generation === q.generation ? 'same' : p.generation && q.generation ? 'differs' : 'one';
      const rank = (r: PersonRelation) => (r.given === null ? 99 : GIVEN_RANK.indexOf(r.given) * 3 + ['same', 'one', 'differs'].indexOf(r.generation));
      // Only people: an office's name cut like a person's ("Harwick Fire Department") has no gender.
      const people = a.type === 'person' && b.type === 'person';
      const ga = people ? genderOf(p) : null;
      const gb = people ? genderOf(q) : null;
      const gender = ga && gb ? (ga === gb ? 'same' : 'differs') : null;
      const cand: PersonRelation = { given, generation, gender };
      if (rank(cand) < rank(best)) best = cand;
    }
  }
  return best;
}

/** Given names of two people, matched in order: the weakest link of the best alignment. */
export function givenNamesRelation(a: string[], b: string[]): GivenRelation {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const rank: GivenRelation[] = ['same', 'initial', 'prefix', 'slip', 'shared-start', 'different'];
  let worst = 0;
  let k = 0;
  for (const g of short) {
    let found = -1;
    let foundRank = rank.length;
    // Prefer an exact match further on over a weak one here ("J. Mark" / "Mark").
    for (let j = k; j < long.length; j++) {
      const rel = givenRelation(g, long[j]);
      const r = rank.indexOf(rel);
      if (r < foundRank) {
        found = j;
        foundRank = r;
        if (r === 0) break;
      }
    }
    if (found < 0 || foundRank === rank.length - 1) return 'different';
    worst = Math.max(worst, foundRank);
    k = found + 1;
  }
  return rank[worst];
}

export const FEATURES = [
  'bias',
  'exact_multi',
  'exact_single',
  'spelling',
  'compact',
  'acronym',
  'typo',
  'suffix',
  'suffix_bare_person',
  'bare_role_match',
  'prefix',
  'prefix_institution',
  'prefix_place',
  'inside',
  'of_tail',
  'overlap',
  'short_leading',
  'short_contested',
  'given_same',
  'given_initial',
  'given_prefix',
  'given_slip',
  'given_slip_role',
  'given_shared_start',
  'given_different',
  'generation_one',
  'word_overlap',
  'type_same',
  'type_person_other',
  'type_place_org',
  'role_shared',
  'role_conflict',
  'context',
  'context_none',
  'context_none_single',
  'namesakes',
  'author_mismatch',
  'same_article',
  'same_article_part',
  'same_article_contested',
  'contested_leads',
  'alias_only',
  'given_gender_differs',
] as const;

export type FeatureName = (typeof FEATURES)[number];

const FEATURE_INDEX = new Map<FeatureName, number>(FEATURES.map((f, i) => [f, i]));

/** The feature vector of a candidate pair, in FEATURES order. */
export type BestRelation = ReturnType<typeof bestRelation>;

export function pairFeatures(a: LocalView, b: LocalView, ctx: BatchContext, best: BestRelation = bestRelation(a, b)): Float64Array {
  const f = new Float64Array(FEATURES.length);
  const set = (name: FeatureName, v = 1) => {
    f[FEATURE_INDEX.get(name)!] = v;
  };
  set('bias');
  const w = nameWords();
  switch (best.rel) {
    case 'exact':
      set(best.single ? 'exact_single' : 'exact_multi');
      break;
    case 'spelling':
    case 'compact':
    case 'acronym':
    case 'typo':
    case 'prefix':
    case 'inside':
    case 'overlap':
      set(best.rel);
      break;
    case 'suffix':
      set('suffix');
      break;
  }
  if (best.short && best.long && (best.rel === 'suffix' || best.rel === 'prefix' || best.rel === 'inside')) {
    const longSide = a.names.includes(best.long) ? a : b;
    const shortSide = longSide === a ? b : a;
    const bare = best.rel === 'suffix' && best.short.content.length === 1 && longSide.people.length > 0 && shortSide.bare !== null;
    if (bare) set('suffix_bare_person');
    if (bare && roleRelation(a.roles, b.roles) === 'shared') set('bare_role_match');
    const lastLong = best.long.words[best.long.words.length - 1];
    if (best.rel === 'prefix' && w.institutionHeads.has(lastLong)) set('prefix_institution');
    // "Valport" / "Valport Media City": a place lends its name to what lies in it.
    if (best.rel === 'prefix' && (shortSide.type === 'place' || shortSide.country)) set('prefix_place');
    // "Commission of Turkmenistan" / "Turkmenistan": the short name is what the long one is "of".
    const ofAt = best.long.words.lastIndexOf('of');
    if (ofAt >= 0 && best.long.words.slice(ofAt + 1).join(' ') === best.short.words.join(' ')) set('of_tail');
    // A short form that two actors' longer names share ("Miliband": Ed and David; "Apple": Apple
    // Computer and Apple Corps) stands for the one most articles name, if one leads.
    if (best.rel !== 'inside') {
      const word = best.short.content[best.rel === 'prefix' ? 0 : best.short.content.length - 1];
      const h = (best.rel === 'prefix' ? ctx.beginnings : ctx.endings).of(word, longSide.index);
      if (h.holders >= 2) set(h.leads ? 'short_leading' : 'short_contested');
    }
  }
  const roles = roleRelation(a.roles, b.roles);
  const pr = personRelation(a, b);
  if (pr.given !== null) {
    const rel = pr.given;
    if (rel === 'same') set('given_same');
    else if (rel === 'initial') set('given_initial');
    else if (rel === 'prefix') set('given_prefix');
    else if (rel === 'slip') set(roles === 'shared' ? 'given_slip_role' : 'given_slip');
    else if (rel === 'shared-start') set('given_shared_start');
    else set('given_different');
    if (pr.generation === 'one') set('generation_one');
    // "Carl" / "Carla", "Paul" / "Paula", "Marco" / "Marcia": a spelling variant, a short form or a
    // shared start that the name lists give two genders is two people, whatever the letters say.
    // Different given names are evidence enough: counted twice, the two weights would share it.
    if (pr.gender === 'differs' && rel !== 'different') set('given_gender_differs');
  }
  set('word_overlap', ctx.weightedOverlap(a, b));
  const person = (t: EntityType) => t === 'person';
  if (a.type === b.type) set('type_same');
  else if (person(a.type) !== person(b.type)) set('type_person_other');
  else if ((a.type === 'place') !== (b.type === 'place')) set('type_place_org');
  if (roles === 'shared') set('role_shared');
  else if (roles === 'conflict') set('role_conflict');
  const c = ctx.context(a, b);
  set('context', c);
  // Two offices and not one other name in common: namesakes in two stories of one batch.
  if (roles === 'conflict' && c === 0) set('namesakes');
  if (c === 0) set(best.single ? 'context_none_single' : 'context_none');
  if (a.author !== b.author) set('author_mismatch');
  if (a.article === b.article) set(best.rel === 'prefix' || best.rel === 'suffix' || best.rel === 'inside' ? 'same_article_part' : 'same_article');
  // The match rests on another form than either entity's own name ("Norvalis Maps" whose
  // article also said "Norvalis"): the typer may have fused two things.
  if (best.x && best.y && (best.x !== a.names[0] || best.y !== b.names[0])) set('alias_only');
  return f;
}

/** A short form whose longer holders tie for the most articles, with no shared role to choose one. */
export function shortFormTie(a: LocalView, b: LocalView, ctx: BatchContext, best: BestRelation = bestRelation(a, b)): boolean {
  if ((best.rel !== 'suffix' && best.rel !== 'prefix') || !best.short || !best.long) return false;
  const longSide = a.names.includes(best.long) ? a : b;
  const word = best.short.content[best.rel === 'prefix' ? 0 : best.short.content.length - 1];
  const h = (best.rel === 'prefix' ? ctx.beginnings : ctx.endings).of(word, longSide.index);
  return h.holders >= 2 && h.tie && roleRelation(a.roles, b.roles) !== 'shared';
}

/** Keys that put two local entities in one block: a pair is scored only if it shares one. */
export function blockingKeys(l: LocalView): string[] {
  const keys = new Set<string>();
  const w = nameWords();
  if (l.country) keys.add(`c:${l.country}`);
  // "Foreign Ministry" may be any country's: the name alone joins it to nothing.
  if (l.generic) return [];
  for (const n of l.names) {
    keys.add(`f:${n.key}`);
    keys.add(`x:${n.keys.join('')}`);
    if (n.acronym) keys.add(`a:${n.acronym}`);
    // Organisations meet their acronyms; people's initials ("J. K.") would only gather namesakes.
    if (l.type !== 'person' && n.content.length >= 2 && n.initials.length >= 2 && n.initials.length <= 6) keys.add(`a:${n.initials}`);
    const last = n.content[n.content.length - 1];
    if (last) {
      // Surnames meet across romanisations by their consonant skeleton, and across one typing
      // slip by deleting one letter of the spelling key.
      keys.add(`s:${skeleton(last)}`);
      if (last.length >= 5) for (let i = 0; i < last.length; i++) keys.add(`d:${last.slice(0, i)}${last.slice(i + 1)}`);
      keys.add(`d:${last}`);
    }
    // Organisations and places also meet by any word that can tell names apart ("Lockheed" /
    // "Lockheed Martin", "Promises" / "Promises Treatment Center"); a person's given names do not.
    if (l.type !== 'person' || n.words.length === 1) for (const k of n.content) if (!w.generic.has(k)) keys.add(`w:${k}`);
  }
  return [...keys];
}
