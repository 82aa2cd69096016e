import { createRequire } from 'node:module';
// From phrases to entities: the entity a source/target phrase names, the place an event happened
// and its date, read from the entities and time annotations of the same article.
import type { ArticleEntities, EntityMention, TimeAnnotation } from '../annotations.js';
import { loadJson } from '../util/data.js';

interface Range {
  start: number;
  end: number;
}

const TYPE_RANK: Record<string, number> = { person: 4, group: 3, organization: 3, place: 2, other: 1 };

let demonymCache: Map<string, string> | null = null;
/** Lower-case demonym → lower-case country name ("russian" → "russia"), from world-countries. */
export function demonymMap(): Map<string, string> {
  if (demonymCache) return demonymCache;
  // world-countries is a dependency: if it cannot be loaded the install is broken, and that must show.
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { name: { common: string }; demonyms?: { eng?: { m?: string; f?: string } } }[];
  demonymCache = new Map();
  for (const c of countries) for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) demonymCache.set(d.toLowerCase(), c.name.common.toLowerCase());
  return demonymCache;
}

/** "Russian drones", "the Ukrainian delegation": the state a nationality word in the phrase names,
 * when the article has that state as an entity. */
export function demonymEntity(entities: ArticleEntities, text: string): string | null {
  const dem = demonymMap();
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    const country = dem.get(w);
    if (!country) continue;
    const e = entities.entities.find((x) => x.name.toLowerCase() === country || x.aliases.some((a) => a.toLowerCase() === country));
    if (e) return e.key;
  }
  return null;
}

/** The entity a phrase names: the mention inside it that best stands for the phrase — a person or
 * organisation before a place ("Karsian Foreign Minister Oleg Varin" → Varin), then the
 * longest. Null when the phrase holds no mention. */
export function entityIn(entities: ArticleEntities, range: Range | null): string | null {
  if (!range) return null;
  let best: EntityMention | null = null;
  let bestScore = -1;
  for (const m of mentionsOverlapping(entities.mentions, range)) {
    const overlap = Math.min(m.end, range.end) - Math.max(m.start, range.start);
    if (overlap <= 0) continue;
    // Between equals, the first: "Russia and Ukraine agreed" is led by Russia.
    const score = (TYPE_RANK[m.type] ?? 0) * 1000 + (m.kind === 'name' ? 500 : 0) - (m.start - range.start) / 1000;
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best ? best.entity : null;
}

function mentionsOverlapping(mentions: EntityMention[], range: Range): EntityMention[] {
  // mentions are sorted by start: binary search the first that could overlap.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  const out: EntityMention[] = [];
  for (let k = Math.max(0, lo - 8); k < mentions.length && mentions[k].start < range.end; k++) {
    if (mentions[k].end > range.start) out.push(mentions[k]);
  }
  return out;
}

/** A place named in the sentence outside the actor phrases, preferring one after "in/at/near". */
export function locationIn(entities: ArticleEntities, start: number, end: number, exclude: (Range | null)[], text?: string): string | null {
  const places = mentionsOverlapping(entities.mentions, { start, end }).filter(
    (m) => m.type === 'place' && m.start >= start && m.end <= end && !exclude.some((r) => r && m.start < r.end && r.start < m.end),
  );
  if (places.length === 0) return null;
  // Where it happened is what the sentence puts after "in", "at", "near"…; a place named any
  // other way (an actor's origin, "drones launched by Russia") is not the location.
  if (!text) return null;
  const afterPrep = places.find((m) => /\b(in|at|near|outside|inside|over|around|across)\s+(the\s+)?$/i.test(text.slice(Math.max(start, m.start - 16), m.start)));
  return afterPrep ? afterPrep.entity : null;
}

/** The date of an event: a resolved DATE/TIME expression in its sentence, the nearest to the
 * trigger; durations and sets are not dates. */
export function dateIn(times: TimeAnnotation[], start: number, end: number, at: number): string | null {
  let best: TimeAnnotation | null = null;
  for (const t of times) {
    // Only calendar values are dates ("PRESENT_REF" and the like are not).
    if (t.start < start || t.end > end || !t.value || !/^\d{4}/.test(t.value)) continue;
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (!best || Math.abs(t.start - at) < Math.abs(best.start - at)) best = t;
  }
  return best ? best.value : null;
}

interface NotActorsFile {
  notActors: { lastWords: string[]; names: string[]; firstWords?: string[] };
}
let notActorCache: { last: Set<string>; names: Set<string>; first: Set<string> } | null = null;
/** A name that can hold a stance: a person, organisation, group or place acting as a state —
 * never a pronoun tagged as a name ("I'm") or an event ("the World Cup"). */
export function canHoldStance(entity: { name: string; type: string } | undefined): boolean {
  if (!entity || entity.type === 'other') return false;
  if (!notActorCache) {
    const f = loadJson<NotActorsFile>('events/actor-nouns.json').notActors;
    notActorCache = { last: new Set(f.lastWords), names: new Set(f.names), first: new Set(f.firstWords ?? []) };
  }
  const name = entity.name.toLowerCase().replace(/[’]/g, "'").trim();
  const words = name.split(/\s+/);
  if (notActorCache.names.has(name) || notActorCache.names.has(words[0]) && words.length === 1) return false;
  if (entity.type !== 'person' && words.length > 1 && notActorCache.last.has(words[words.length - 1])) return false;
  if (entity.type !== 'person' && notActorCache.first.has(words[0])) return false;
  // "BLOW TO GOVERNMENT": a headline in capitals, not a name (acronyms are one word).
  if (words.length >= 3 && entity.name === entity.name.toUpperCase() && words.some((w) => /^(to|of|the|for|in|on|at|as|with|and)$/.test(w))) return false;
  return /\p{L}/u.test(name);
}
