// ECB+ topics run through Parley's per-article entity stage, with the named gold mentions of each
// document keyed to the Parley mention that covers them. Shared by bench:coref and train:coref so
// that both see exactly the same mentions.
import { buildDoc, type Doc } from '../../src/text/doc.js';
import { findEntities } from '../../src/entities/index.js';
import type { ArticleEntities, EntityMention, LocalEntity } from '../../src/annotations.js';
import type { EntityType } from '../../src/types.js';
import { loadEcbDocs, hostOf, ECB_VALIDATION_TOPICS, type EcbDoc } from './ecbplus.js';
import { caseCounts, namedMentions, type NamedMention } from './ecbnamed.js';
import { textArticle } from './article.js';
import { foldName } from '../../src/text/fold.js';
import type { Clustering } from './coref-score.js';

export interface TopicRun {
  topic: number;
  ecb: EcbDoc[];
  docs: Doc[];
  entities: ArticleEntities[];
  gold: NamedMention[];
  /** Gold mention id → the article-local entity key of the Parley mention covering it (absent: missed). */
  localOf: Map<string, string>;
}

export function validationTopic(topic: number): boolean {
  return ECB_VALIDATION_TOPICS.includes(topic);
}

/** The Parley mention for a gold mention: overlapping it, a name rather than a title or pronoun,
 * holding the gold head word, then the widest overlap. Types are not compared: resolution must
 * survive the typer's mistakes, and the scores are about identity. */
export function parleyMentionFor(g: { start: number; end: number; head: string; text: string }, mentions: EntityMention[], text: string): EntityMention | null {
  const headStart = g.start + g.text.lastIndexOf(g.head);
  let best: EntityMention | null = null;
  let bestScore: number[] = [];
  for (const m of mentions) {
    if (m.start >= g.end || m.end <= g.start) continue;
    const overlap = Math.min(m.end, g.end) - Math.max(m.start, g.start);
    // Rebuilt ECB+ text puts a space before "." in "Dr . X"; the head's position is approximate
    // only when the head word repeats, which the overlap criterion then settles.
    const holdsHead = m.start <= headStart && m.end > headStart && text.slice(headStart, headStart + g.head.length) === g.head ? 1 : 0;
    const score = [m.kind === 'name' ? 1 : 0, holdsHead, overlap];
    if (!best || score[0] > bestScore[0] || (score[0] === bestScore[0] && (score[1] > bestScore[1] || (score[1] === bestScore[1] && score[2] > bestScore[2])))) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** Run the entity stage over every present topic (or those given), one topic at a time. */
export function* runTopics(topics?: number[]): Generator<TopicRun> {
  const all = loadEcbDocs();
  const counts = caseCounts(all);
  const byTopic = new Map<number, EcbDoc[]>();
  for (const d of all) {
    if (topics && !topics.includes(d.topic)) continue;
    const list = byTopic.get(d.topic);
    if (list) list.push(d);
    else byTopic.set(d.topic, [d]);
  }
  for (const [topic, ecb] of [...byTopic].sort((a, b) => a[0] - b[0])) {
    const docs = ecb.map((d) => buildDoc(textArticle(d.id, d.text, { outlet: hostOf(d.url) })));
    const entities = docs.map((d) => findEntities(d));
    const gold: NamedMention[] = [];
    const localOf = new Map<string, string>();
    ecb.forEach((d, i) => {
      for (const g of namedMentions(d, counts)) {
        gold.push(g);
        const m = parleyMentionFor(g, entities[i].mentions, d.text);
        if (m) localOf.set(g.id, m.entity);
      }
    });
    yield { topic, ecb, docs, entities, gold, localOf };
  }
}

const fold = (s: string) => foldName(s).replace(/[’']s?$/, '').replace(/\s*\.\s*/g, '.');

export interface TopicClusterings {
  key: Clustering;
  response: Clustering;
  lastToken: Clustering;
  sameString: Clustering;
  /** Gold mentions the entity stage missed (singletons in the response). */
  missed: number;
}

/** Gold, Parley's response (local key → global id given) and both baselines over one topic's gold
 * mentions; `linkedOnly` leaves out markables in no coreference relation (see bench/coref.ts). */
export function topicClusterings(run: TopicRun, globalId: Map<string, string>, linkedOnly = false): TopicClusterings {
  const key: Clustering = new Map();
  const response: Clustering = new Map();
  const lastToken: Clustering = new Map();
  const sameString: Clustering = new Map();
  let missed = 0;
  for (const g of run.gold) {
    if (linkedOnly && g.entity.startsWith('single:')) continue;
    key.set(g.id, g.entity);
    const local = run.localOf.get(g.id);
    const global = local ? globalId.get(local) : undefined;
    if (!global) missed++;
    response.set(g.id, global ? `parley:${global}` : `missed:${g.id}`);
    lastToken.set(g.id, `last:${fold(g.head)}`);
    sameString.set(g.id, `string:${fold(g.text)}`);
  }
  return { key, response, lastToken, sameString, missed };
}

/** Gold actors named in two or more articles; how many are one response entity; how many of those hold no other gold actor. */
export function multiArticle(run: TopicRun, response: Clustering): { multi: number; one: number; pure: number } {
  const byEntity = new Map<string, { docs: Set<string>; labels: Set<string>; ids: Set<string> }>();
  for (const g of run.gold) {
    const e = byEntity.get(g.entity) ?? { docs: new Set(), labels: new Set(), ids: new Set() };
    byEntity.set(g.entity, e);
    e.docs.add(g.doc);
    e.labels.add(response.get(g.id)!);
    e.ids.add(g.id);
  }
  const members = new Map<string, number>();
  for (const label of response.values()) members.set(label, (members.get(label) ?? 0) + 1);
  let multi = 0;
  let one = 0;
  let pure = 0;
  for (const e of byEntity.values()) {
    if (e.docs.size < 2) continue;
    multi++;
    if (e.labels.size !== 1) continue;
    one++;
    if (members.get([...e.labels][0]) === e.ids.size) pure++;
  }
  return { multi, one, pure };
}

/**
 * Training labels for local entities: the gold entity most of its matched gold mentions belong to.
 * Markables in no coreference relation are left out: ECB+ links participants of the annotated
 * events, so an unlinked "FBI" in six articles is six singletons by omission, not by judgement.
 */
export function localLabels(run: TopicRun): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const g of run.gold) {
    if (g.entity.startsWith('single:')) continue;
    const l = run.localOf.get(g.id);
    if (!l) continue;
    let v = votes.get(l);
    if (!v) votes.set(l, (v = new Map()));
    v.set(g.entity, (v.get(g.entity) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [l, v] of votes) out.set(l, [...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]);
  return out;
}

/**
 * The same topic with the gold named mentions themselves as the entity stage's output: each
 * distinct name of a document is one local entity, typed by its gold tag (HUMAN_PART_PER → person,
 * LOC_* and _GPE → place, the rest organisation), and a one-word name joins the one longer name of
 * its document that ends with it. It isolates resolution from mention finding: bench:coref prints
 * it beside the real run, and train:coref learns from both, so that name evidence is learnt on
 * clean names as well as on what the entity stage makes of them.
 */
export function goldMentionRun(run: TopicRun): TopicRun {
  const entities: ArticleEntities[] = [];
  const localOf = new Map<string, string>();
  const typeOf = (tag: string): EntityType => (tag === 'HUMAN_PART_PER' ? 'person' : tag.startsWith('LOC') || tag === 'HUMAN_PART_GPE' ? 'place' : 'organization');
  for (const d of run.ecb) {
    const mentions: EntityMention[] = [];
    const locals: LocalEntity[] = [];
    const byName = new Map<string, LocalEntity>();
    const gold = run.gold.filter((g) => g.doc === d.id);
    // Longer names first, so that a bare surname finds its full name.
    const order = [...gold].sort((a, b) => b.text.split(' ').length - a.text.split(' ').length || a.start - b.start);
    const assigned = new Map<string, LocalEntity>();
    for (const g of order) {
      const k = fold(g.text);
      let e = byName.get(k);
      if (!e && !k.includes(' ')) {
        const longer = new Set([...byName.entries()].filter(([n]) => n.endsWith(` ${k}`)).map(([, v]) => v));
        if (longer.size === 1) e = [...longer][0];
      }
      if (!e) {
        e = { key: `${d.id}#${locals.length}`, name: g.text, type: typeOf(g.tag), aliases: [], roles: [], mentions: [] };
        locals.push(e);
      } else if (e.name !== g.text && !e.aliases.includes(g.text)) e.aliases.push(g.text);
      byName.set(k, e);
      assigned.set(g.id, e);
    }
    for (const g of [...gold].sort((a, b) => a.start - b.start)) {
      const e = assigned.get(g.id)!;
      e.mentions.push(mentions.length);
      mentions.push({ start: g.start, end: g.end, text: g.text, type: e.type, kind: 'name', entity: e.key });
      localOf.set(g.id, e.key);
    }
    entities.push({ article: d.id, mentions, entities: locals });
  }
  return { ...run, entities, localOf };
}
