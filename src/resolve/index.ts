// resolve/: one global entity per real actor across articles, from the per-article annotations only.
//
// Scored clustering. Candidate pairs of article-local entities come from blocking keys on name
// structure (same form, spelling key, surname skeleton, one-letter slips, acronyms, shared
// distinguishing words, country); each pair is scored by a logistic model over evidence for and
// against (model/features.ts, weights in data/models/coref.json); clusters merge by average link
// above the model's threshold. Some evidence is decisive and acts as a constraint instead of a
// weight: two entities one article keeps apart, two different countries, two people whose surnames
// or given names differ, a reporter's byline and a subject of a story, and bare surnames holding
// different offices with no full name to join. Every merge is checked against every member of
// both sides, so "John Kerry" and "John Kirby" can never meet through a third name.
import type { Doc } from '../text/doc.js';
import type { ArticleEntities, ResolvedEntities } from '../annotations.js';
import type { Entity, EntityType } from '../types.js';
import { foldName, nameWords } from './names.js';
import { BatchContext, FEATURES, bestRelation, blockingKeys, relationMemo, describeLocal, findRun, formRelation, pairFeatures, personRelation, shortFormTie, type BestRelation, type LocalView, type NameForm, type NameRelation } from './model/features.js';
import { loadModel, probability, type CorefModel } from './model/scorer.js';
import { averageLink, type ScoredPair } from './cluster.js';
import { roleRelation } from './roles.js';
import { bare, type Isolate } from '../util/isolate.js';

type Local = LocalView;
const SAME_NAME = new Set<NameRelation>(['exact', 'spelling', 'compact', 'typo']);

export interface ResolveOptions {
  /** Another model than the shipped one (training and tests). */
  model?: CorefModel;
  /** Another merge threshold than the model's. */
  threshold?: number;
  /** Told of each merge a constraint refused: the local keys of the two clusters' first members (diagnostics). */
  onRefuse?: (a: string, b: string, score: number, reason: string) => void;
}

export interface CandidatePair {
  a: number;
  b: number;
  features: Float64Array;
}

export interface PreparedBatch {
  locals: Local[];
  context: BatchContext;
  pairs: CandidatePair[];
  /** Pairs of one article that may still be one entity (pair id a·n+b, a < b): see sameArticlePair. */
  sameArticle: Set<number>;
}

/** A block larger than this is scored along a window, not all pairs: a name every article repeats
 * still links each mention to its neighbours, and average link closes the rest. */
const BLOCK_ALL_PAIRS = 300;
const BLOCK_WINDOW = 40;

/** Describe every local entity of the batch and score-ready candidate pairs between them. */
export function prepareBatch(perArticle: ArticleEntities[], docs: Doc[], isolate: Isolate = bare): PreparedBatch {
  return collectPairs(perArticle, docs, isolate, (a, b, features) => ({ a, b, features }));
}

/** prepareBatch, keeping of each candidate pair what `keep` makes of it and its features. */
function collectPairs<P extends { a: number; b: number }>(
  perArticle: ArticleEntities[],
  docs: Doc[],
  isolate: Isolate,
  keep: (a: number, b: number, features: Float64Array, locals: Local[]) => P,
): Omit<PreparedBatch, 'pairs'> & { pairs: P[] } {
  const authorsOf = new Map<string, Set<string>>();
  for (const d of docs) authorsOf.set(d.article.id, new Set((d.article.authors ?? []).map((a) => foldName(a))));
  const locals: Local[] = [];
  const forms = new Map<string, NameForm | null>();
  perArticle.forEach((art, ai) => {
    const authors = authorsOf.get(art.article) ?? new Set<string>();
    for (const entity of art.entities) {
      // An entity that cannot be described stays out of the merge (and is reported), not the batch.
      const local = isolate(`entity "${entity.name}"`, () => describeLocal(locals.length, art, ai, entity, authors, forms), null, art.article);
      if (local) locals.push(local);
    }
  });
  storyCountries(locals);
  const context = new BatchContext(locals);
  const blocks = new Map<string, number[]>();
  for (const l of locals) {
    const space = l.type === 'group' ? 'g' : 'n';
    for (const k of blockingKeys(l)) {
      const key = `${space}|${k}`;
      const list = blocks.get(key);
      if (list) list.push(l.index);
      else blocks.set(key, [l.index]);
    }
  }
  const seen = new Set<number>();
  const pairs: P[] = [];
  const sameArticle = new Set<number>();
  const n = locals.length;
  const byArticle = new Map<string, Local[]>();
  for (const l of locals) {
    const list = byArticle.get(l.article);
    if (list) list.push(l);
    else byArticle.set(l.article, [l]);
  }
  const relation = relationMemo();
  const consider = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const id = a * n + b;
    if (seen.has(id)) return;
    seen.add(id);
    const best = relation(locals[a], locals[b]);
    let kind: SameArticle = 'one';
    // Sharing a blocking key is not yet a relation between names ("Mom" / "Mommy" share a consonant
    // skeleton): such pairs are not scored at all.
    if (best.rel === 'none' && !sameCountry(locals[a], locals[b])) return;
    // A bare institution's head ("the House", "the Council") in one article says nothing about
    // which House or Council another article names in full: no pair across articles by a part of a name.
    if (locals[a].article !== locals[b].article && headOnly(locals[a]) !== headOnly(locals[b]) && (best.rel === 'suffix' || best.rel === 'prefix' || best.rel === 'inside')) return;
    if (locals[a].article === locals[b].article) {
      kind = sameArticlePair(locals[a], locals[b], byArticle, best);
      if (kind === 'apart') return;
      sameArticle.add(id);
    }
    // A short form two actors share equally ("Miliband": Ed and David, each in one article) is
    // left alone unless a shared role says which, or the short form's own article names one of
    // them most: otherwise the batch cannot tell, so neither can we.
    if (kind !== 'leading' && shortFormTie(locals[a], locals[b], context, best)) return;
    const features = pairFeatures(locals[a], locals[b], context, best);
    if (kind !== 'one') {
      features[FEATURES.indexOf('same_article_contested')] = 1;
      if (kind === 'leading') features[FEATURES.indexOf('contested_leads')] = 1;
    }
    pairs.push(keep(a, b, features, locals));
  };
  for (const list of blocks.values()) {
    if (list.length < 2) continue;
    const reach = list.length <= BLOCK_ALL_PAIRS ? list.length : BLOCK_WINDOW;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length && y <= x + reach; y++) consider(list[x], list[y]);
  }
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  return { locals, context, pairs, sameArticle };
}

/**
 * Two entities of one article are kept apart by that article, unless the split is the typer's, not
 * the writer's: the same name ("Rosa Quintero's" beside "Rosa Quintero", "Norvalis Corp."
 * beside "Norvalis", a spelling slip), one person's fuller and shorter names ("Fred Amundsen" /
 * "Frederick C. Amundsen"), or a shorter form that lies inside only one of the article's other
 * names ("Quintero" beside "Rosa Quintero", "Harriers" beside a headline fused into "Harriers
 * Clinch Title"). Such pairs
 * are scored like any other, with their own features; every other pair of one article is a
 * constraint. A bare surname that fits two or more of the article's people ("Felder" beside
 * "Anna Felder" and "Jonas Felder") is scored against each of them as contested, with whether that
 * holder is the one the article names most ('leading'): writers use the bare surname for the
 * person the story is about, and the model weighs that; clustering lets it join one holder at most,
 * since the holders themselves are kept apart.
 */
type SameArticle = 'one' | 'apart' | 'contested' | 'leading';

/** A name that is an institution's head noun alone: "House", "Council", "Court". */
function bareHead(n: NameForm): boolean {
  return n.words.length === 1 && nameWords().institutionHeads.has(n.words[0]);
}

/** Named only by an institution's head noun. */
function headOnly(l: Local): boolean {
  return l.names.length > 0 && l.names.every(bareHead);
}

function sameArticlePair(a: Local, b: Local, byArticle: Map<string, Local[]>, rel: BestRelation): SameArticle {
  const kind = sameArticleKind(a, b, byArticle, rel);
  return typeof kind === 'boolean' ? (kind ? 'one' : 'apart') : kind;
}

function sameArticleKind(a: Local, b: Local, byArticle: Map<string, Local[]>, rel: BestRelation): boolean | SameArticle {
  if (a.type === 'group' || b.type === 'group') return false;
  if (rel.rel === 'exact' || rel.rel === 'compact' || rel.rel === 'spelling') return true;
  if (a.type === 'person' || b.type === 'person') {
    const pr = personRelation(a, b);
    if ((pr.given === 'same' || pr.given === 'initial' || pr.given === 'prefix') && pr.generation === 'same') return true;
    // "Katie Moreau" beside "Katherine Moreau": a pet form the entity stage has no list for. Scored,
    // not kept apart, when the name lists give both given names one gender ("Mario" and "Marta",
    // who also share a start, are a couple the writer named apart).
    if (pr.given === 'shared-start' && pr.generation === 'same' && pr.gender === 'same') return true;
    // "W. Paul Abara Sr." beside "W. Paul Abara": an elder is often named plainly; a Jr. is not his father.
    if ((pr.given === 'same' || pr.given === 'initial') && pr.generation === 'one' && [a, b].some((l) => l.people.some((v) => v.generation === 'sr'))) return true;
  }
  if ((rel.rel !== 'suffix' && rel.rel !== 'prefix' && rel.rel !== 'inside') || !rel.short) return false;
  // An institution's head noun alone opening a longer name names an institution of its own: "the
  // House" beside "House Democrats", "the Council" beside "Council members" (the entity stage
  // keeps them apart for the same reason).
  if (rel.rel === 'prefix' && bareHead(rel.short)) return false;
  const short = rel.short.content;
  const shortSide = a.names.includes(rel.short) ? a : b;
  const holders: Local[] = [];
  for (const other of byArticle.get(a.article) ?? []) {
    if (other === shortSide || other.type === 'group') continue;
    if (other.names.some((n) => n.content.length > short.length && findRun(short, n.content) >= 0)) holders.push(other);
  }
  if (holders.length === 1) return true;
  const longSide = shortSide === a ? b : a;
  if (rel.rel !== 'suffix' || shortSide.bare === null || shortSide.type !== 'person' || longSide.people.length === 0) return false;
  const named = (l: Local) => l.mentionForms.length;
  return holders.every((h) => h === longSide || named(h) < named(longSide)) ? 'leading' : 'contested';
}

/** Merge article-local entities that name the same actor into global entities. */
export function resolveEntities(perArticle: ArticleEntities[], docs: Doc[], isolate: Isolate = bare, options: ResolveOptions = {}): ResolvedEntities {
  // Each pair is scored as it is found and its features dropped: kept for every pair until
  // scoring, as prepareBatch keeps them for training, they were the largest part of the memory of
  // a brief of 1,000 real pages (a pair of a name every copy repeats costs 40 float64s and a
  // buffer of its own). Same scores, same order (resolveBatch).
  const model = options.model ?? loadModel();
  const batch = collectPairs(perArticle, docs, isolate, (a, b, features, locals): ScoredPair => ({ a, b, p: pairScore(model, locals[a], locals[b], features) }));
  return clusterScored(batch, batch.pairs, options.threshold ?? model.threshold, options);
}

/** One country is one actor whatever outlets call it ("US", "United States", "America"): decisive
 * evidence, so not left to the model (ECB+ annotates a country once per event it locates). */
function pairScore(model: CorefModel, a: Local, b: Local, features: Float64Array): number {
  return sameCountry(a, b) ? 1 : probability(model, features);
}

export const sameCountry = (a: Local, b: Local) => !!a.country && a.country === b.country;


/** A country no gazetteer lists is still one country in every article of the story: when one
 * article marks a name as a country (a demonym of it), every article's place or body of exactly that
 * name is that country, and merges with it by country as listed countries do ("Serrania said it
 * backed a ceasefire" typed a body beside "Serranian Foreign Secretary"). */
function storyCountries(locals: Local[]): void {
  const states = new Set<string>();
  for (const l of locals) if (l.entity.state && !l.country) states.add(foldName(l.entity.name));
  if (states.size === 0) return;
  for (const l of locals) {
    if (l.country || l.type === 'person' || l.type === 'group') continue;
    const name = l.forms.map((f) => foldName(f)).find((f) => states.has(f));
    if (name !== undefined) l.country = `story:${name}`;
  }
}

/** Score and cluster a prepared batch (training scores one batch under many models and thresholds). */
export function resolveBatch(batch: PreparedBatch, options: ResolveOptions = {}): ResolvedEntities {
  const model = options.model ?? loadModel();
  const scored: ScoredPair[] = batch.pairs.map((p) => ({ a: p.a, b: p.b, p: pairScore(model, batch.locals[p.a], batch.locals[p.b], p.features) }));
  return clusterScored(batch, scored, options.threshold ?? model.threshold, options);
}

function clusterScored(batch: Omit<PreparedBatch, 'pairs'>, scored: ScoredPair[], threshold: number, options: ResolveOptions): ResolvedEntities {
  const refused = options.onRefuse;
  const onRefuse = refused ? (x: number, y: number, score: number, reason: string) => refused(batch.locals[x].key, batch.locals[y].key, score, reason) : undefined;
  return output(batch.locals, clusterLocals(batch.locals, scored, threshold, batch.sameArticle, onRefuse));
}

interface ClusterState {
  /** Article → its local entities in the cluster. */
  articles: Map<string, number[]>;
  countries: Set<string>;
  /** Distinct people by name, for the name-conflict check. */
  people: Map<string, Local>;
  authors: boolean;
  subjects: boolean;
  /** Holds a person named with a given name, not only a bare surname. */
  fullName: boolean;
  roles: string[];
  hasPerson: boolean;
  /** Full names of bodies by the acronym they spell ("hd" → House Democrats). */
  expansions: Map<string, NameForm>;
  /** Holds a body (not a place, person or group) with no country's name. */
  bodies: boolean;
  /** Full names of the cluster's people (two words or more). */
  personForms: NameForm[];
  /** Names of its bodies of two content words or more ("Capitol Hill Publishing", "Lockheed Martin"). */
  bodyForms: NameForm[];
  /** Names of its places that are no country ("New York", "Hill"). */
  placeForms: NameForm[];
  /** Names of its bodies that end in an institution's head ("New York Times", "Washington University"). */
  institutionForms: NameForm[];
}

const personForms = (l: Local) => (l.type === 'person' ? l.names.filter((n) => n.content.length >= 2) : []);
const bodyForms = (l: Local) => (l.type === 'organization' || l.type === 'other' ? l.names.filter((n) => n.content.length >= 2) : []);
const placeForms = (l: Local) => (l.type === 'place' && !l.country ? l.names.filter((n) => !n.acronym) : []);
/** What kind of institution a name says it is: its head noun, last ("Washington Post") or before
 * "of" ("University of Washington", "State Department of Health"); null for other names. */
function institutionKind(n: NameForm): string | null {
  if (n.words.length < 2) return null;
  const heads = nameWords().institutionHeads;
  const last = n.words[n.words.length - 1];
  if (heads.has(last)) return last;
  for (let i = 0; i + 1 < n.words.length; i++) if (heads.has(n.words[i]) && n.words[i + 1] === 'of') return n.words[i];
  return null;
}
const institutionForms = (l: Local) => (l.type !== 'person' && l.type !== 'group' && l.type !== 'place' ? l.names.filter((n) => institutionKind(n) !== null) : []);

/** A person and a body with a name of its own ("Fiona Hill" / "Capitol Hill Publishing Corp.",
 * "Michael Bloomberg" / "Bloomberg News"): two actors, unless the body's name is the person's
 * name written another way or holds it whole ("Minister Amara Diallo" typed a body: a typer's slip). */
function personAndBody(people: NameForm[], bodies: NameForm[]): boolean {
  return people.length > 0 && bodies.some((b) => !people.some((p) => SAME_NAME.has(formRelation(b, p).rel) || findRun(p.content, b.content) >= 0));
}

/** Two institutions of different kinds that share only other words ("New York Times" / "New York
 * University", "Washington Post" / "Washington Times"): two actors. One inside the other
 * ("Staunton Police" / "Staunton Police Department") may be one. */
function twoInstitutions(xs: NameForm[], ys: NameForm[]): boolean {
  for (const a of xs)
    for (const b of ys) {
      if (institutionKind(a) === institutionKind(b) || SAME_NAME.has(formRelation(a, b).rel)) continue;
      // Every word counts here: institution heads are what tell "Times" from "University".
      if (findRun(a.keys, b.keys) < 0 && findRun(b.keys, a.keys) < 0) return true;
    }
  return false;
}

/** A place and an institution named after it ("New York" / "New York Times", "Washington" /
 * "Washington University") are two actors; so are two institutions that only share a place. */
function placeAndInstitution(places: NameForm[], institutions: NameForm[]): boolean {
  return places.length > 0 && institutions.some((i) => !places.some((p) => SAME_NAME.has(formRelation(i, p).rel)));
}

/** The full names of a non-person local, by their initials: what an acronym of them would stand for. */
function expansionsOf(l: Local): Map<string, NameForm> {
  const out = new Map<string, NameForm>();
  if (l.type === 'person') return out;
  // Every word counts, as in the acronym relation: "South Dakota" spells SD whatever "south" weighs.
  for (const n of l.names) if (!n.acronym && n.words.length >= 2 && n.initials.length >= 2) out.set(n.initials, n);
  return out;
}

/** Cluster ids (representative local index) per local, under the hard constraints. */
export function clusterLocals(
  locals: Local[],
  scored: ScoredPair[],
  threshold: number,
  sameArticle: Set<number>,
  refused?: (x: number, y: number, score: number, reason: string) => void,
): number[] {
  const n = locals.length;
  const mayShare = (p: number, q: number) => sameArticle.has(p < q ? p * n + q : q * n + p);
  return averageLink<ClusterState>(locals.length, scored, threshold, {
    init(i) {
      const l = locals[i];
      const people = new Map<string, Local>();
      if (l.people.length > 0 || l.bare) people.set(`${l.type}|${l.names[0]?.key ?? l.key}`, l);
      return {
        articles: new Map([[l.article, [i]]]),
        countries: new Set(l.country ? [l.country] : []),
        people,
        authors: l.author,
        subjects: !l.author,
        fullName: l.type === 'person' && l.people.length > 0,
        roles: l.type === 'person' ? [...l.roles] : [],
        hasPerson: l.type === 'person',
        expansions: expansionsOf(l),
        bodies: !l.country && (l.type === 'organization' || l.type === 'other'),
        personForms: personForms(l),
        bodyForms: bodyForms(l),
        placeForms: placeForms(l),
        institutionForms: institutionForms(l),
      };
    },
    refused,
    conflict(x, y) {
      for (const [a, xs] of x.articles) {
        const ys = y.articles.get(a);
        if (ys) for (const p of xs) for (const q of ys) if (!mayShare(p, q)) return `one article keeps ${locals[p].key} and ${locals[q].key} apart`;
      }
      for (const c of x.countries) for (const d of y.countries) if (c !== d) return `countries ${c} and ${d}`;
      // A country is not a body named after it ("China Daily", "Ukraine International Airlines").
      if ((x.countries.size > 0 && y.bodies) || (y.countries.size > 0 && x.bodies)) return 'a country and a body named after it';
      if (personAndBody(x.personForms, y.bodyForms) || personAndBody(y.personForms, x.bodyForms)) return 'a person and a body';
      if (placeAndInstitution(x.placeForms, y.institutionForms) || placeAndInstitution(y.placeForms, x.institutionForms)) return 'a place and an institution named after it';
      if (twoInstitutions(x.institutionForms, y.institutionForms)) return 'two institutions';
      // A country is never a person, whatever one typer made of "Jordan" or "Georgia".
      if ((x.hasPerson && y.countries.size > 0) || (y.hasPerson && x.countries.size > 0)) return 'a person and a country';
      if ((x.authors && y.subjects) || (x.subjects && y.authors)) return 'a byline and a subject';
      // An acronym stands for one name: "Home Depot" and "House Democrats" are two bodies, however
      // many articles write "HD" ("NE Philadelphia" and "Northeast Philadelphia", sharing a word, may be one).
      for (const [initials, a] of x.expansions) {
        const b = y.expansions.get(initials);
        if (b && a.key !== b.key && !SAME_NAME.has(formRelation(a, b).rel) && !a.content.some((w) => w.length >= 4 && b.content.includes(w))) return `two names spelling ${initials}`;
      }
      for (const p of x.people.values()) for (const q of y.people.values()) if (peopleDiffer(p, q)) return `people ${p.entity.name} and ${q.entity.name}`;
      // Bare surnames that hold different offices are two people unless a full name joins them.
      if (!x.fullName && !y.fullName && x.hasPerson && y.hasPerson && roleRelation(x.roles, y.roles) === 'conflict') return 'bare surnames in different offices';
      return null;
    },
    merge(x, y) {
      for (const [a, ys] of y.articles) {
        const xs = x.articles.get(a);
        if (xs) xs.push(...ys);
        else x.articles.set(a, [...ys]);
      }
      for (const c of y.countries) x.countries.add(c);
      x.bodies ||= y.bodies;
      x.personForms.push(...y.personForms);
      x.bodyForms.push(...y.bodyForms);
      x.placeForms.push(...y.placeForms);
      x.institutionForms.push(...y.institutionForms);
      for (const [k, p] of y.people) x.people.set(k, p);
      x.authors ||= y.authors;
      x.subjects ||= y.subjects;
      x.fullName ||= y.fullName;
      x.hasPerson ||= y.hasPerson;
      x.roles.push(...y.roles);
      for (const [k, v] of y.expansions) if (!x.expansions.has(k)) x.expansions.set(k, v);
      return x;
    },
  });
}

/** Two people who cannot be one: one of them typed a person, and their surnames differ, or their
 * given names differ (an initial, a short form, a shared start or one slip is not a difference,
 * unless their offices differ), or one is Jr. and the other Sr. */
function peopleDiffer(p: Local, q: Local): boolean {
  if (p.type !== 'person' && q.type !== 'person') return false;
  if (p.people.length > 0 && q.people.length > 0) {
    const r = personRelation(p, q);
    // A bare word may be a given name used alone or an organisation's short form: only full names clash.
    if (r.given === null) {
      // "Kim Jong-un" / "Kim Jong Un": one name cut into other pieces is not another surname. Only
      // the full names count: a one-word form both share ("Taylor" of Taylor Swift and of Martin
      // Taylor) is a given name in one and a surname in the other.
      const full = (l: Local) => l.names.filter((n) => n.words.length >= 2);
      const rel = bestRelation({ ...p, names: full(p) }, { ...q, names: full(q) }).rel;
      if (rel === 'exact' || rel === 'compact' || rel === 'spelling') return false;
      return p.type === 'person' && q.type === 'person';
    }
    // One letter apart in the given name is a slip only where nothing says otherwise: with two
    // different offices it is two people.
    if (r.given === 'slip' && roleRelation(p.roles, q.roles) === 'conflict') return true;
    return r.given === 'different' || r.generation === 'differs';
  }
  return false;
}

function output(locals: Local[], clusterOf: number[]): ResolvedEntities {
  const byRoot = new Map<number, Local[]>();
  locals.forEach((l, i) => {
    const r = clusterOf[i];
    const list = byRoot.get(r);
    if (list) list.push(l);
    else byRoot.set(r, [l]);
  });
  const roots = [...byRoot.keys()].sort((a, b) => a - b);
  const entities: Entity[] = [];
  const globalId = new Map<string, string>();
  const used = new Set<string>();
  for (const r of roots) {
    const members = byRoot.get(r)!.sort((a, b) => a.articleIndex - b.articleIndex || a.index - b.index);
    // A country is a place however some articles typed its name (a state speaking reads as a body).
    const type = members.some((m) => m.country) && !members.some((m) => m.type === 'person') ? 'place' : majorityType(members);
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
      let k = 2;
      while (used.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    used.add(id);
    entities.push({ id, name, type, aliases, roles, mentions });
    for (const m of members) globalId.set(m.entity.key, id);
  }
  return { entities, globalId };
}

/** The type most outlets give, except that a place typed as such by a third of the articles is a
 * place: articles without a place cue leave an unfamiliar name an organisation by default. */
function majorityType(members: Local[]): EntityType {
  const places = members.filter((m) => m.entity.type === 'place').length;
  const orgs = members.filter((m) => m.entity.type === 'organization').length;
  if (places > 0 && places * 3 >= places + orgs && places + orgs === members.length) return 'place';
  const count = new Map<EntityType, number>();
  for (const m of members) {
    const t = m.entity.type;
    count.set(t, (count.get(t) ?? 0) + m.spans.length + 0.5);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** The fullest form that enough articles use: one article's odd long form ("White House National
 * Security Council Ukraine", a tagger's overrun) does not name an actor that a dozen articles call
 * "White House". Among those, most words, then the most diacritics kept, then the most used, then
 * the first seen. */
function fullest(forms: string[], members: Local[]): string {
  const freq = new Map<string, number>();
  for (const f of forms) freq.set(f, 0);
  for (const m of members) for (const f of m.mentionForms) freq.set(f, (freq.get(f) ?? 0) + 1);
  const preferred = new Set(members.map((m) => m.entity.name));
  const support = new Map<string, number>();
  for (const m of members) for (const f of new Set(m.forms)) support.set(f, (support.get(f) ?? 0) + 1);
  const enough = Math.max(1, Math.ceil(members.length / 4));
  const score = (f: string) => [(support.get(f) ?? 0) >= enough ? 1 : 0, f.split(/\s+/).length, preferred.has(f) ? 1 : 0, [...f].filter((c) => c.charCodeAt(0) > 127).length, freq.get(f) ?? 0, f.length];
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
