// The cross-article resolver as it was before issue #11 (union-find with vetoes), frozen here so that
// bench:coref can print it beside the scored clustering that replaced it in src/resolve/. Not used
// by Parley itself.
//
// resolve/: one global entity per real actor across articles, from the per-article annotations only.
// Same-name forms merge; people merge when surname spellings agree (transliteration, diacritics)
// and given names agree or one side gives the surname alone and only one person fits. Two entities
// that one article keeps apart are never merged, and every merge is checked against every member
// of both sides, so "John Kerry" and "John Kirby" can never meet through a third name.
import type { Doc } from '../../src/text/doc.js';
import type { ArticleEntities, LocalEntity, ResolvedEntities } from '../../src/annotations.js';
import type { Entity, EntityType, Span } from '../../src/types.js';
import { foldName, sameGivenName, sameSurname, skeleton, splitPersonName, translit } from '../../src/resolve/names.js';
import { placeKey } from '../../src/resolve/places.js';

interface Local {
  index: number;
  article: string;
  articleIndex: number;
  entity: LocalEntity;
  spans: Span[];
  /** Every surface form: name, aliases and mention texts (names only). */
  forms: string[];
  /** Folded forms, "the" and corporate endings dropped. */
  keys: Set<string>;
  /** Person with a given name and a surname in some form. */
  full: { given: string[]; surname: string; surnameHead: string } | null;
  /** Surname-only person. */
  surnameOnly: string | null;
  /** Space- and hyphen-free spelling key of the full name ("kimjongun"). */
  compact: string | null;
  /** The text of each name mention, whitespace collapsed (with repeats, for counting). */
  mentionForms: string[];
  /** Typed an organisation in its article, taken as a person here. */
  retyped?: boolean;
  /** Country code when a form names a country. */
  country: string | null;
}

const CORPORATE = /\s+(?:inc\.?|corp\.?|corporation|co\.?|company|ltd\.?|llc|plc|ag|gmbh|s\.?a\.?|n\.?v\.?|group|holdings)$/;

function formKey(form: string): string {
  return foldName(form)
    .replace(/^the /, '')
    .replace(/[’']s$/, '')
    .replace(CORPORATE, '')
    .replace(/[.]/g, '')
    .trim();
}

/** Merge article-local entities that name the same actor into global entities. */
export function resolveEntitiesBefore(perArticle: ArticleEntities[], _docs: Doc[]): ResolvedEntities {
  const locals: Local[] = [];
  perArticle.forEach((art, ai) => {
    for (const entity of art.entities) {
      try {
        locals.push(describe(locals.length, art, ai, entity));
      } catch (err) {
        process.emitWarning(`resolve: ${art.article}: ${(err as Error).message}`);
      }
    }
  });
  const clusters = new Clusters(locals);

  // 1. The same name form (places also by country: "US" = "United States"). For people only full
  //    names count here: a bare surname is handled in step 3.
  const byKey = new Map<string, number[]>();
  for (const l of locals) {
    // "the Foreign Ministry" in two articles may be two countries' ministries: no merge by name.
    if (isGenericInstitution(l)) continue;
    const keys = l.entity.type === 'person' ? (l.full ? [...l.keys].filter((k) => k.includes(' ')) : []) : [...l.keys];
    // Places, organisations and things share one key space: the same name merges whatever the type.
    const space = l.entity.type === 'person' || l.entity.type === 'group' ? l.entity.type : 'thing';
    if (l.country) keys.push(`place:${l.country}`);
    if (l.compact) keys.push(`compact:${l.compact}`);
    for (const k of keys) {
      const list = byKey.get(`${space}|${k}`) ?? [];
      list.push(l.index);
      byKey.set(`${space}|${k}`, list);
    }
  }
  for (const list of byKey.values()) for (let i = 1; i < list.length; i++) clusters.tryUnion(list[0], list[i]);

  // 2. People with given name and surname: spelling variants of both.
  const people = locals.filter((l) => l.entity.type === 'person' && l.full);
  const bySurnameInitial = new Map<string, Local[]>();
  for (const p of people) {
    const k = surnameBucket(p.full!.surnameHead);
    const list = bySurnameInitial.get(k) ?? [];
    list.push(p);
    bySurnameInitial.set(k, list);
  }
  for (const group of bySurnameInitial.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (samePerson(group[i], group[j])) clusters.tryUnion(group[i].index, group[j].index);
      }
    }
  }

  // Same surnames share a consonant skeleton, so candidates are looked up by it.
  const peopleBySkeleton = new Map<string, Local[]>();
  for (const p of people) {
    const k = surnameBucket(p.full!.surnameHead);
    const list = peopleBySkeleton.get(k) ?? [];
    list.push(p);
    peopleBySkeleton.set(k, list);
  }

  // 2b. A two- or three-word name typed as an organisation in one article for lack of cues
  //     ("Moammar Qaddafi arrived") joins the person another outlet names the same way.
  for (const o of locals) {
    if (o.entity.type !== 'organization' && o.entity.type !== 'other') continue;
    const words = o.entity.name.split(/\s+/);
    if (words.length < 2 || words.length > 3 || o.keys.size > 2) continue;
    const split = splitPersonName(o.entity.name);
    if (split.given.length === 0) continue;
    const probe: Local = { ...o, full: split, compact: translit(o.entity.name.replace(/[\s-]+/g, '')) };
    const matches = new Set<number>();
    for (const p of peopleBySkeleton.get(surnameBucket(split.surnameHead)) ?? []) if (p.article !== o.article && samePerson(probe, p)) matches.add(clusters.find(p.index));
    if (matches.size !== 1) continue;
    o.full = probe.full;
    o.compact = probe.compact;
    o.retyped = true;
    clusters.retype(o.index, 'person');
    clusters.tryUnion([...matches][0], o.index);
  }

  // 3. A surname alone joins the one person cluster with that surname, if only one fits; bare
  //    surnames with no full name anywhere join each other.
  const bare = locals.filter((l) => l.entity.type === 'person' && l.surnameOnly);
  for (const s of bare) {
    const candidates = new Set<number>();
    for (const p of peopleBySkeleton.get(surnameBucket(s.surnameOnly!)) ?? []) if (sameSurname(s.surnameOnly!, p.full!.surnameHead) && p.article !== s.article) candidates.add(clusters.find(p.index));
    let targets = [...candidates];
    if (targets.length > 1 && s.entity.roles.length > 0) {
      // Roles can tell two namesakes apart: "Kim, the foreign minister".
      const withRole = targets.filter((t) => clusters.members(t).some((m) => m.entity.roles.some((r) => s.entity.roles.includes(r))));
      if (withRole.length === 1) targets = withRole;
    }
    if (targets.length === 1) clusters.tryUnion(targets[0], s.index);
    else if (targets.length === 0) {
      // Two bare surnames with different roles ("Kim, the minister" / "Kim, the general") stay apart.
      const rolesAgree = (a: Local, b: Local) => a.entity.roles.length === 0 || b.entity.roles.length === 0 || a.entity.roles.some((r) => b.entity.roles.includes(r));
      for (const o of bare) if (o !== s && o.article !== s.article && sameSurname(o.surnameOnly!, s.surnameOnly!) && rolesAgree(o, s)) clusters.tryUnion(o.index, s.index);
    }
  }

  // 4. Short forms and acronyms of organisations and places: "Lockheed" / "Lockheed Martin",
  //    "Senate" / "United States Senate", "GM" / "General Motors" — only when one cluster fits.
  const things = locals.filter((l) => l.entity.type !== 'person' && l.entity.type !== 'group');
  const localsByKey = new Map<string, Local[]>();
  const keysByWord = new Map<string, Set<string>>();
  const keysByInitials = new Map<string, Set<string>>();
  const index = (map: Map<string, Set<string>>, k: string, v: string) => {
    const set = map.get(k) ?? new Set<string>();
    set.add(v);
    map.set(k, set);
  };
  for (const l of things) {
    for (const k of l.keys) {
      const words = k.split(' ');
      if (words.length < 2) continue;
      const list = localsByKey.get(k) ?? [];
      list.push(l);
      localsByKey.set(k, list);
      index(keysByWord, words[0], k);
      index(keysByWord, words[words.length - 1], k);
      index(keysByInitials, initials(words), k);
    }
  }
  // The longer names a short form could stand for, computed once per short form.
  const longerOf = new Map<string, string[]>();
  const longerKeys = (k: string, acronym: boolean): string[] => {
    const memo = `${acronym ? 'A' : 'W'}|${k}`;
    let out = longerOf.get(memo);
    if (out) return out;
    const words = k.split(' ');
    out = [];
    for (const w of new Set([words[0], words[words.length - 1]])) {
      for (const lk of keysByWord.get(w) ?? []) if (lk.length > k.length && (lk.startsWith(`${k} `) || lk.endsWith(` ${k}`))) out.push(lk);
    }
    if (acronym) out.push(...(keysByInitials.get(k) ?? []));
    longerOf.set(memo, out);
    return out;
  };
  for (const t of things) {
    if (isGenericInstitution(t)) continue;
    const root = clusters.find(t.index);
    const found = new Set<number>();
    const acronym = t.forms.some((f) => /^[A-Z]{2,5}$/.test(f.replace(/\./g, '')));
    for (const k of t.keys) {
      const words = k.split(' ');
      if (words.length > 2) continue;
      for (const lk of longerKeys(k, acronym && words.length === 1)) for (const l of localsByKey.get(lk) ?? []) found.add(clusters.find(l.index));
      if (found.size > 2) break;
    }
    found.delete(root);
    if (found.size === 1) clusters.tryUnion(root, [...found][0]);
  }

  return clusters.output();
}

/** Words of institutions every country has; a name made only of them names no one in particular. */
const GENERIC = new Set(
  'foreign defence defense interior finance justice health economy economic trade energy ministry affairs office parliament government cabinet senate congress assembly national security council supreme constitutional court central bank general staff army navy air force forces police guard border service services intelligence presidential administration committee commission state department federal public prosecutor prosecutors military armed the of and for'.split(' '),
);

function isGenericInstitution(l: Local): boolean {
  if (l.entity.type !== 'organization' && l.entity.type !== 'other') return false;
  return l.forms.every((f) => formKey(f).split(/\s+/).every((w) => GENERIC.has(w)));
}

const surnameBucket = (surname: string) => skeleton(translit(surname));

const initials = (words: string[]) =>
  words
    .filter((w) => !['of', 'the', 'and', 'for', '&', 'on', 'de'].includes(w))
    .map((w) => w[0])
    .join('');

function describe(index: number, art: ArticleEntities, articleIndex: number, entity: LocalEntity): Local {
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
  const keys = new Set([...forms].map(formKey).filter(Boolean));
  let full: Local['full'] = null;
  let surnameOnly: string | null = null;
  let compact: string | null = null;
  if (entity.type === 'person') {
    const longest = [...forms].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length)[0] ?? entity.name;
    const split = splitPersonName(longest);
    if (split.given.length > 0 && split.surname) {
      full = split;
      compact = translit(longest.replace(/[\s-]+/g, ''));
    } else if (split.surname) surnameOnly = split.surnameHead;
  }
  const country = entity.type !== 'person' && entity.type !== 'group' ? placeKey([...forms]) : null;
  return { index, article: art.article, articleIndex, entity, spans, forms: [...forms], keys, full, surnameOnly, compact, mentionForms, country };
}

function samePerson(a: Local, b: Local): boolean {
  if (a.article === b.article) return false;
  if (!sameSurname(a.full!.surnameHead, b.full!.surnameHead)) return false;
  // Every given name of the shorter form must match one of the longer, in order ("Recep Tayyip Erdoğan" / "Tayyip Erdoğan").
  const [short, long] = a.full!.given.length <= b.full!.given.length ? [a.full!.given, b.full!.given] : [b.full!.given, a.full!.given];
  let k = 0;
  for (const g of short) {
    while (k < long.length && !sameGivenName(g, long[k])) k++;
    if (k === long.length) return false;
    k++;
  }
  return true;
}

/** Two people who cannot be one person: different given names, or different surnames. */
function conflict(a: Local, b: Local): boolean {
  if (a.full && b.full) return !samePerson(a, b) && a.compact !== b.compact;
  const sa = a.full?.surnameHead ?? a.surnameOnly;
  const sb = b.full?.surnameHead ?? b.surnameOnly;
  return !!sa && !!sb && !sameSurname(sa, sb);
}

interface ClusterState {
  members: Local[];
  articles: Set<string>;
  types: Set<EntityType>;
  people: Local[];
  countries: Set<string>;
}

/** People merge only with people and groups with groups; places, organisations and things with
 * each other, since outlets type a seat of power or a product maker either way. */
const compatibleTypes = (a: EntityType, b: EntityType) => a === b || (a !== 'person' && b !== 'person' && a !== 'group' && b !== 'group');

class Clusters {
  private parent: number[];
  private lists: Map<number, ClusterState>;
  constructor(locals: Local[]) {
    this.parent = locals.map((_, i) => i);
    this.lists = new Map(
      locals.map((l, i) => [
        i,
        { members: [l], articles: new Set([l.article]), types: new Set([l.entity.type]), people: l.entity.type === 'person' ? [l] : [], countries: new Set(l.country ? [l.country] : []) },
      ]),
    );
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  members(root: number): Local[] {
    return this.lists.get(this.find(root))?.members ?? [];
  }
  /** Take a lone local entity as another type (before it is merged). */
  retype(i: number, type: EntityType) {
    const c = this.lists.get(this.find(i))!;
    if (c.members.length !== 1) return;
    c.types = new Set([type]);
    if (type === 'person') c.people = [...c.members];
  }
  /** Union unless the sides share an article, have incompatible types, or hold people who differ. */
  tryUnion(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ca = this.lists.get(ra)!;
    const cb = this.lists.get(rb)!;
    for (const art of ca.articles) if (cb.articles.has(art)) return false;
    for (const x of ca.types) for (const y of cb.types) if (!compatibleTypes(x, y)) return false;
    for (const x of ca.people) for (const y of cb.people) if (conflict(x, y)) return false;
    // Without a full name on either side, bare surnames whose roles share nothing are two people.
    if (ca.people.length > 0 && cb.people.length > 0 && !ca.people.some((p) => p.full) && !cb.people.some((p) => p.full)) {
      const ra = ca.people.flatMap((p) => p.entity.roles);
      const rb = cb.people.flatMap((p) => p.entity.roles);
      if (ra.length > 0 && rb.length > 0 && !ra.some((r) => rb.includes(r))) return false;
    }
    // Two different countries never merge ("Korea" may join "South Korea" only if it names no other).
    for (const x of ca.countries) for (const y of cb.countries) if (x !== y) return false;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    const k = this.lists.get(keep)!;
    const d = this.lists.get(drop)!;
    this.parent[drop] = keep;
    k.members.push(...d.members);
    for (const art of d.articles) k.articles.add(art);
    for (const t of d.types) k.types.add(t);
    for (const c of d.countries) k.countries.add(c);
    k.people.push(...d.people);
    this.lists.delete(drop);
    return true;
  }
  output(): ResolvedEntities {
    const roots = [...this.lists.keys()].sort((a, b) => a - b);
    const entities: Entity[] = [];
    const globalId = new Map<string, string>();
    const used = new Set<string>();
    for (const r of roots) {
      const members = this.lists.get(r)!.members.sort((a, b) => a.articleIndex - b.articleIndex || a.index - b.index);
      const type = majorityType(members);
      const forms = members.flatMap((m) => m.forms);
      const name = fullest(forms, members);
      const seen = new Set<string>([name]);
      const aliases: string[] = [];
      for (const f of forms) {
        if (seen.has(f)) continue;
        seen.add(f);
        aliases.push(f);
      }
      const roles: string[] = [];
      const roleSeen = new Set<string>();
      for (const m of members) for (const role of m.entity.roles) if (!roleSeen.has(role.toLowerCase())) (roleSeen.add(role.toLowerCase()), roles.push(role));
      const mentions = members.flatMap((m) => m.spans);
      let id = slug(name) || 'entity';
      if (used.has(id)) {
        let n = 2;
        while (used.has(`${id}-${n}`)) n++;
        id = `${id}-${n}`;
      }
      used.add(id);
      entities.push({ id, name, type, aliases, roles, mentions });
      for (const m of members) globalId.set(m.entity.key, id);
    }
    return { entities, globalId };
  }
}

/** The type most outlets give, except that a place typed as such by a third of the articles is a
 * place: articles without a place cue leave an unfamiliar name an organisation by default. */
function majorityType(members: Local[]): EntityType {
  const places = members.filter((m) => m.entity.type === 'place').length;
  const orgs = members.filter((m) => m.entity.type === 'organization').length;
  if (places > 0 && places * 3 >= places + orgs && places + orgs === members.length) return 'place';
  const count = new Map<EntityType, number>();
  for (const m of members) {
    const t = m.retyped ? 'person' : m.entity.type;
    count.set(t, (count.get(t) ?? 0) + m.spans.length + 0.5);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** The fullest form: most words, then the most diacritics kept, then the most used, then the first seen. */
function fullest(forms: string[], members: Local[]): string {
  const freq = new Map<string, number>();
  for (const f of forms) freq.set(f, 0);
  for (const m of members) for (const f of m.mentionForms) freq.set(f, (freq.get(f) ?? 0) + 1);
  const preferred = new Set(members.map((m) => m.entity.name));
  const score = (f: string) => [f.split(/\s+/).length, preferred.has(f) ? 1 : 0, [...f].filter((c) => c.charCodeAt(0) > 127).length, freq.get(f) ?? 0, f.length];
  let best = '';
  let bestScore: number[] = [];
  for (const f of freq.keys()) {
    const sc = score(f);
    let better = bestScore.length === 0;
    for (let i = 0; !better && i < sc.length; i++) {
      if (sc[i] !== bestScore[i]) {
        better = sc[i] > bestScore[i];
        break;
      }
      if (i === sc.length - 1) better = false;
    }
    if (better) {
      best = f;
      bestScore = sc;
    }
  }
  return best;
}

function slug(name: string): string {
  return foldName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
