// The brief as a story for a person to read: what brief.md and brief.html show, in one order, with
// every item carrying the passages it came from and how many independent sources report it.
// Built from brief.json alone (no Doc), so that a saved brief can be rendered again.
import type { Article, ArticleKind, Brief, Discrepancy, Entity, Quote, Span, Stance } from '../types.js';
import { buildTimeline } from '../time/timeline.js';
import { corroborate, statementGroups } from './corroboration.js';
import { countSources, independentSources, type SourceGroups } from './sources.js';

export interface Passage extends Span {
  /** Outlet name (or article id) to label the link. */
  label: string;
}

export interface StoryArticle {
  article: Article;
  label: string;
  /** The wire it is credited to, and the article it copies, when it does. */
  wire: string | null;
  copyOf: string | null;
  /** Other articles in the same independent source. */
  sameSourceAs: string[];
}

export interface StoryActor {
  entity: Entity;
  mentions: number;
  articles: number;
  first: Passage | null;
}

export interface MatrixCell {
  stances: Stance[];
  evidence: Passage[];
  sources: number;
}

export interface StoryCondition {
  actor: string;
  commitment: string;
  condition: string;
  evidence: Passage[];
  sources: number;
}

export interface StoryTimelineEntry {
  date: string;
  text: string;
  evidence: Passage[];
  sources: number;
}

export interface StoryStatement {
  text: string;
  quotes: { passage: Passage; text: string; cue: string | null; speakerText: string | null; partial: boolean }[];
  sources: number;
  articles: number;
  onlySource: string | null;
  /** Outlets that credit the words to someone else: speaker name → outlet labels. */
  otherSpeakers: { name: string; outlets: string[] }[];
}

export interface StorySpeaker {
  /** Entity id, or null for the unattributed group. */
  id: string | null;
  name: string;
  roles: string[];
  statements: StoryStatement[];
}

/** An item below its confidence threshold: kept for the reader to check, shown apart and collapsed. */
export interface UncertainItem {
  /** What the item says, in words. */
  text: string;
  confidence: number;
  evidence: Passage[];
}

export interface StoryEvent {
  type: string;
  text: string;
  date: string | null;
  evidence: Passage[];
  sources: number;
  onlySource: string | null;
}

export interface StoryFraming {
  entity: string;
  name: string;
  cells: Map<string, { tone: number; mentions: number; cues: string[]; quotes: number; passage: Passage | null }>;
}

export interface Story {
  title: string;
  articles: StoryArticle[];
  independentSources: number;
  actors: StoryActor[] | null;
  issues: string[];
  matrix: Map<string, Map<string, MatrixCell>> | null;
  conditions: StoryCondition[] | null;
  timeline: StoryTimelineEntry[] | null;
  speakers: StorySpeaker[] | null;
  events: StoryEvent[] | null;
  discrepancies: (Discrepancy & { passages: Passage[] })[] | null;
  framing: StoryFraming[] | null;
  /** Framed actors beyond the FRAMING_ROWS shown (they stay in brief.json). */
  framingLeftOut: number;
  /** Items under each section's confidence threshold, by section id (positions, conditions, quotes,
   * discrepancies, framing). Absent sections have none. */
  uncertain: Map<string, UncertainItem[]>;
  /** Article id → label, for the page's article list. */
  labels: Map<string, string>;
  /** Article id → a short unique tag ("MP" for Meridian Press), for dense tables. */
  tags: Map<string, string>;
}

/** Rows of the framing table: the actors most mentioned. */
export const FRAMING_ROWS = 40;

/** Short unique tags for the articles: initials of the label ("NL" for The Northern Ledger),
 * numbered when two articles would share one. */
export function articleTags(articles: Article[]): Map<string, string> {
  const base = articles.map((a) => {
    const words = articleLabel(a).split(/[\s-]+/).filter((w) => w && !/^(the|a|an|of|and)$/i.test(w));
    const initials = words.map((w) => w[0]).join('').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
    return (initials || a.id.slice(0, 2).toUpperCase()).slice(0, 4);
  });
  const count = new Map<string, number>();
  for (const t of base) count.set(t, (count.get(t) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    articles.map((a, i) => {
      const t = base[i];
      if ((count.get(t) ?? 0) === 1) return [a.id, t];
      const n = (seen.get(t) ?? 0) + 1;
      seen.set(t, n);
      return [a.id, `${t}${n}`];
    }),
  );
}

/** An article is labelled by its outlet, else by its id (the file name it was read from): a
 * title's initials named no outlet a reader could recognise. */
export function articleLabel(a: Article): string {
  return a.outlet ?? a.id;
}

/** Order and de-duplicate passages: one per article, first in text order. */
function passages(spans: Span[], labels: Map<string, string>): Passage[] {
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const s of spans) {
    if (seen.has(s.article)) continue;
    seen.add(s.article);
    out.push({ ...s, label: labels.get(s.article) ?? s.article });
  }
  return out;
}

function onlyLabel(groups: SourceGroups, articles: string[]): string | null {
  if (articles.length === 0 || countSources(groups, articles) !== 1) return null;
  return groups.label.get(groups.groupOf.get(articles[0]) ?? articles[0]) ?? articles[0];
}

function storyTitle(brief: Brief, actors: StoryActor[] | null): string {
  const names = (actors ?? []).filter((a) => a.entity.type === 'place' || a.entity.type === 'organization').slice(0, 2).map((a) => a.entity.name);
  const dates = brief.articles.map((a) => a.published?.slice(0, 10)).filter((d): d is string => !!d).sort();
  const span = dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`) : '';
  const n = brief.articles.length;
  return [names.join(', '), `${n} article${n === 1 ? '' : 's'}`, span].filter(Boolean).join(' · ');
}

export function buildStory(brief: Brief): Story {
  const groups = independentSources(brief.articles);
  const labels = new Map(brief.articles.map((a) => [a.id, articleLabel(a)]));
  const entityById = new Map((brief.entities ?? []).map((e) => [e.id, e]));
  const name = (id: string | null): string => (id ? (entityById.get(id)?.name ?? id) : 'unknown');

  const members = new Map<string | undefined, string[]>();
  for (const a of brief.articles) {
    const group = groups.groupOf.get(a.id);
    const list = members.get(group);
    if (list) list.push(a.id);
    else members.set(group, [a.id]);
  }
  const articles: StoryArticle[] = brief.articles.map((a) => {
    const group = members.get(groups.groupOf.get(a.id))!;
    return {
      article: a,
      label: labels.get(a.id)!,
      wire: groups.wire.get(a.id) ?? null,
      copyOf: groups.copyOf.get(a.id) ?? null,
      sameSourceAs: group.length > 1 ? group.filter((id) => id !== a.id) : [],
    };
  });

  let actors: StoryActor[] | null = null;
  if (brief.entities) {
    const acting = new Set<string>();
    for (const p of brief.positions ?? []) acting.add(p.actor);
    for (const c of brief.conditions ?? []) acting.add(c.actor);
    for (const q of brief.quotes ?? []) if (q.speaker) acting.add(q.speaker);
    actors = brief.entities
      .filter((e) => e.type !== 'place' || acting.has(e.id) || new Set(e.mentions.map((m) => m.article)).size > 1)
      .filter((e) => e.mentions.length >= 2 || acting.has(e.id))
      .map((e) => {
        const first = [...e.mentions].sort((x, y) => (x.article === y.article ? x.start - y.start : x.article.localeCompare(y.article)))[0];
        return {
          entity: e,
          mentions: e.mentions.length,
          articles: new Set(e.mentions.map((m) => m.article)).size,
          first: first ? { ...first, label: labels.get(first.article) ?? first.article } : null,
        };
      })
      .sort((x, y) => y.articles - x.articles || y.mentions - x.mentions);
  }

  let matrix: Story['matrix'] = null;
  const issues: string[] = [];
  if (brief.positions) {
    matrix = new Map();
    const issueCount = new Map<string, number>();
    for (const p of brief.positions) {
      if (p.uncertain) continue;
      issueCount.set(p.issue, (issueCount.get(p.issue) ?? 0) + 1);
      const actor = name(p.actor);
      if (!matrix.has(actor)) matrix.set(actor, new Map());
      const row = matrix.get(actor)!;
      const cell = row.get(p.issue) ?? { stances: [], evidence: [], sources: 0 };
      if (!cell.stances.includes(p.stance)) cell.stances.push(p.stance);
      cell.evidence = passages([...cell.evidence, ...p.evidence], labels);
      cell.sources = countSources(groups, cell.evidence.map((e) => e.article));
      row.set(p.issue, cell);
    }
    issues.push(...[...issueCount].sort((a, b) => b[1] - a[1]).map(([i]) => i));
  }

  const conditions = brief.conditions
    ? brief.conditions.filter((c) => !c.uncertain).map((c) => ({
        actor: name(c.actor),
        commitment: c.commitment,
        condition: c.condition,
        evidence: passages(c.evidence, labels),
        sources: countSources(groups, c.evidence.map((e) => e.article)),
      }))
    : null;

  const timeline = brief.times
    ? buildTimeline(brief).map((t) => ({
        date: t.date,
        text: t.text,
        evidence: passages(t.evidence, labels),
        sources: countSources(groups, t.evidence.map((e) => e.article)),
      }))
    : null;

  let speakers: StorySpeaker[] | null = null;
  if (brief.quotes) {
    const bySpeaker = new Map<string | null, StorySpeaker>();
    for (const g of statementGroups(brief, groups)) {
      const key = g.speaker;
      if (!bySpeaker.has(key)) {
        const e = key ? entityById.get(key) : undefined;
        bySpeaker.set(key, { id: key, name: key ? name(key) : 'Unattributed or unnamed sources', roles: e?.roles ?? [], statements: [] });
      }
      const longest = [...g.quotes].sort((a, b) => b.text.length - a.text.length)[0];
      bySpeaker.get(key)!.statements.push({
        text: longest.text,
        quotes: g.quotes.map((q) => ({
          passage: { article: q.article, start: q.start, end: q.end, label: labels.get(q.article) ?? q.article },
          text: q.text,
          cue: q.cue,
          speakerText: q.speakerText,
          partial: q.partial,
        })),
        sources: g.sources,
        articles: g.articles.length,
        onlySource: onlyLabel(groups, g.articles),
        otherSpeakers: otherSpeakers(g.quotes, key, labels).map(([other, outlets]) => ({ name: name(other), outlets })),
      });
    }
    speakers = [...bySpeaker.values()].sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : b.statements.length - a.statements.length));
    for (const s of speakers) s.statements.sort((a, b) => b.sources - a.sources);
  }

  const events = brief.events
    ? corroborate(brief.events, groups).map((c) => ({
        type: c.item.type,
        text: c.item.text,
        date: c.item.date,
        evidence: passages(c.item.evidence, labels),
        sources: c.sources,
        onlySource: c.onlySource,
      }))
    : null;

  const discrepancies = brief.discrepancies
    ? brief.discrepancies.filter((d) => !d.uncertain).map((d) => ({ ...d, passages: d.claims.map((c) => ({ article: c.article, start: c.start, end: c.end, label: labels.get(c.article) ?? c.article })) }))
    : null;

  let framing: StoryFraming[] | null = null;
  let framingLeftOut = 0;
  if (brief.framing) {
    // Quotes per article and speaker, and each entity's first mention per article, counted once.
    const key = (article: string, entity: string) => `${article}\u0000${entity}`;
    const quoteCount = new Map<string, number>();
    for (const q of brief.quotes ?? []) if (q.speaker) quoteCount.set(key(q.article, q.speaker), (quoteCount.get(key(q.article, q.speaker)) ?? 0) + 1);
    const firstMention = new Map<string, Span>();
    for (const e of entityById.values()) {
      for (const m of e.mentions) {
        const k = key(m.article, e.id);
        const best = firstMention.get(k);
        if (!best || m.start < best.start) firstMention.set(k, m);
      }
    }
    const rows = new Map<string, StoryFraming>();
    for (const f of brief.framing) {
      if (!rows.has(f.entity)) rows.set(f.entity, { entity: f.entity, name: name(f.entity), cells: new Map() });
      const quotes = quoteCount.get(key(f.article, f.entity)) ?? 0;
      const first = firstMention.get(key(f.article, f.entity));
      rows.get(f.entity)!.cells.set(f.article, {
        tone: f.tone,
        mentions: f.mentions,
        cues: f.cueSpans ? f.cueSpans.filter((c) => !c.uncertain).map((c) => c.text) : f.cues,
        quotes,
        passage: first ? { ...first, label: labels.get(f.article) ?? f.article } : null,
      });
    }
    // Actors that are more than a passing mention somewhere: quoted, toned, or named repeatedly.
    // The table has a column per article, so it keeps the most mentioned actors only: with every
    // framed actor, its size would grow with actors × articles.
    const framed = [...rows.values()]
      .filter((r) => [...r.cells.values()].some((c) => c.quotes > 0 || c.cues.length > 0 || c.mentions >= 3))
      .sort((a, b) => sum(b) - sum(a));
    framing = framed.slice(0, FRAMING_ROWS);
    framingLeftOut = framed.length - framing.length;
  }

  const uncertain = uncertainItems(brief, labels, name);

  return {
    title: storyTitle(brief, actors),
    articles,
    independentSources: countSources(groups, brief.articles.map((a) => a.id)),
    actors,
    issues,
    matrix,
    conditions,
    timeline,
    speakers,
    events,
    discrepancies,
    framing,
    framingLeftOut,
    uncertain,
    labels,
    tags: articleTags(brief.articles),
  };
}

/** Every item the brief marks uncertain, worded for a reader, least uncertain first. */
function uncertainItems(brief: Brief, labels: Map<string, string>, name: (id: string | null) => string): Map<string, UncertainItem[]> {
  const out = new Map<string, UncertainItem[]>();
  const add = (section: string, item: UncertainItem) => {
    if (!out.has(section)) out.set(section, []);
    out.get(section)!.push(item);
  };
  const at = (spans: Span[]) => passages(spans, labels);
  for (const p of brief.positions ?? []) {
    if (p.uncertain) add('positions', { text: `${name(p.actor)} — ${p.stance}: ${p.issue}`, confidence: p.confidence ?? 0, evidence: at(p.evidence) });
  }
  for (const c of brief.conditions ?? []) {
    if (c.uncertain) add('conditions', { text: `${name(c.actor)}: ${c.commitment} — condition: ${c.condition}`, confidence: c.confidence ?? 0, evidence: at(c.evidence) });
  }
  for (const q of brief.quotes ?? []) {
    if (q.possibleSpeaker) {
      add('quotes', { text: `“${q.text}” — possibly ${name(q.possibleSpeaker)}`, confidence: q.speakerConfidence ?? 0, evidence: at([q]) });
    }
  }
  for (const d of brief.discrepancies ?? []) {
    if (d.uncertain) add('discrepancies', { text: `${d.topic}: ${d.explanation}`, confidence: d.confidence ?? 0, evidence: d.claims.map((c) => ({ article: c.article, start: c.start, end: c.end, label: labels.get(c.article) ?? c.article })) });
  }
  for (const f of brief.framing ?? []) {
    for (const c of f.cueSpans ?? []) {
      if (c.uncertain) add('framing', { text: `${name(f.entity)}: “${c.text}” (${c.weight > 0 ? 'favourable' : 'unfavourable'})`, confidence: c.confidence ?? 0, evidence: at([{ article: f.article, start: c.start, end: c.end }]) });
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.confidence - a.confidence);
  return out;
}

/** Speakers other than `speaker` that the quotes of one statement name, each with the outlets
 * naming it, in the order they come (one pass: a statement quoted by many outlets is common). */
function otherSpeakers(quotes: Quote[], speaker: string | null, labels: Map<string, string>): [string, string[]][] {
  const outlets = new Map<string, Set<string>>();
  for (const q of quotes) {
    if (!q.speaker || q.speaker === speaker) continue;
    const set = outlets.get(q.speaker) ?? new Set<string>();
    set.add(labels.get(q.article) ?? q.article);
    outlets.set(q.speaker, set);
  }
  return [...outlets].map(([other, set]) => [other, [...set]]);
}

function sum(r: StoryFraming): number {
  let n = 0;
  for (const c of r.cells.values()) n += c.mentions;
  return n;
}

export const KIND_LABEL: Record<ArticleKind, string> = { news: 'news', analysis: 'analysis', opinion: 'opinion' };

/** One formatter for every date: toLocaleDateString would build one per call, the slowest part
 * of rendering a large brief. */
let dayFormat: Intl.DateTimeFormat | null = null;

/** "Tuesday 17 November 2026" for a TIMEX3 day; other values as they are. */
export function readableDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:]+)?/.exec(value);
  if (!m) return value;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  dayFormat ??= new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = dayFormat.format(d);
  return m[4] ? `${day} ${m[4].slice(1, 6)}` : day;
}
