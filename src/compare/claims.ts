// The shared shape of a detector's findings: one claim per article about one fact, and the engine
// that links claims about the same fact across articles and keeps the groups where they disagree.
import type { Claim, Discrepancy } from '../types.js';
import type { Context, SentenceInfo } from './context.js';
import { inRanges, jaccard, sharedActions, sharedCount } from './context.js';
import type { Features } from '../util/logistic.js';
import { rate } from './confidence.js';

export type DiscrepancyKind = 'date' | 'number' | 'speaker' | 'title' | 'office' | 'name' | 'condition' | 'document' | 'commitment' | 'place' | 'identifier';

export interface FactClaim {
  kind: DiscrepancyKind;
  article: string;
  sentence: SentenceInfo;
  /** The words that carry the claimed value (a figure, a date, a title), inside the sentence. */
  start: number;
  end: number;
  /** Comparable value: claims about one fact with different values disagree. */
  value: string;
  /** The value as a reader should see it ("40 missiles", "Tuesday 17 November 2026"). */
  display: string;
  /** What the fact is about ("missiles", "the speaker of “…”"). */
  subject: string;
  /** Claims are only compared within one bucket (unit, quote statement, person…). */
  bucket: string;
  /** The passage to show when it is wider than the sentence (a quote whose speaker is named in the
   * sentence before). */
  passage?: { start: number; end: number };
}

export interface FoundDiscrepancy {
  kind: DiscrepancyKind;
  topic: string;
  claims: FactClaim[];
  explanation: string;
  /** How the claims were linked and how far apart they are: what the discrepancy model scores. */
  features: Features;
  /** A count that may have changed as the story developed (a toll that rose). */
  evolving: boolean;
}

export interface Detector {
  kind: DiscrepancyKind;
  extract(ctx: Context): FactClaim[];
  /** Whether two claims (different articles, same bucket) are about the same fact. */
  sameFact(a: FactClaim, b: FactClaim, ctx: Context): boolean;
  /** Whether their values contradict each other (not merely differ in precision). */
  conflict(a: FactClaim, b: FactClaim, ctx: Context): boolean;
  topic(claims: FactClaim[], ctx: Context): string;
  /** Optional blocking: claims are compared only when they share one of these keys (a necessary
   * condition of sameFact), so that large batches do not compare every pair. */
  blockKeys?(c: FactClaim): Iterable<string>;
  /** Features of one conflicting pair beyond the shared ones (how the detector linked them). */
  pairFeatures?(a: FactClaim, b: FactClaim, ctx: Context): Features;
  /** Whether the disagreement may be a figure that changed over time. */
  evolving?(claims: FactClaim[], ctx: Context): boolean;
  /** How claims are grouped. 'single' (the default): every linked pair joins its two groups, so a
   * chain of links makes one group. 'average': two groups join only when at least half of the
   * pairs across them (from different articles) are about the same fact, so that a story's many
   * figures of one unit do not chain into one group; pairs are taken strongest first by
   * `linkStrength`. */
  linkage?: 'single' | 'average';
  linkStrength?(a: FactClaim, b: FactClaim, ctx: Context): number;
}

/** The pairs (x < y, indices into ids) worth comparing within one bucket. Claims of one article
 * are never paired: an outlet does not disagree with itself, and a long article full of figures
 * would otherwise cost the square of its claims. */
function candidatePairs(detector: Detector, claims: FactClaim[], ids: number[]): [number, number][] {
  if (!detector.blockKeys) {
    const all: [number, number][] = [];
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) if (claims[ids[x]].article !== claims[ids[y]].article) all.push([ids[x], ids[y]]);
    }
    return all;
  }
  const blocks = new Map<string, number[]>();
  for (const i of ids) {
    for (const k of detector.blockKeys(claims[i])) {
      if (!blocks.has(k)) blocks.set(k, []);
      blocks.get(k)!.push(i);
    }
  }
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (const members of blocks.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [p, q] = members[x] < members[y] ? [members[x], members[y]] : [members[y], members[x]];
        if (claims[p].article === claims[q].article) continue;
        const key = p * claims.length + q;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([p, q]);
      }
    }
  }
  return pairs.sort((u, v) => u[0] - v[0] || u[1] - v[1]);
}

/** "Meridian Press" for an article, falling back to its id. */
export function outletOf(ctx: Context, article: string): string {
  return ctx.byId.get(article)?.outlet ?? article;
}

/** Plain-words explanation: who says what, values grouped, independent sources counted. */
export function explain(claims: FactClaim[], ctx: Context, subject: string): string {
  const byValue = new Map<string, FactClaim[]>();
  for (const c of claims) {
    if (!byValue.has(c.display)) byValue.set(c.display, []);
    byValue.get(c.display)!.push(c);
  }
  const parts = [...byValue.values()].map((group) => {
    const outlets = [...new Set(group.map((c) => outletOf(ctx, c.article)))];
    const sources = new Set(group.map((c) => ctx.sources.groupOf.get(c.article) ?? c.article)).size;
    const who = outlets.length > 1 ? `${outlets.slice(0, -1).join(', ')} and ${outlets[outlets.length - 1]}` : outlets[0];
    const copies = sources < outlets.length ? ` (${sources} independent source${sources === 1 ? '' : 's'})` : '';
    return `${who}${copies} ${outlets.length > 1 ? 'give' : 'gives'} ${group[0].display}`;
  });
  return `The outlets disagree on ${subject}: ${parts.join('; ')}.`;
}

/** Features every kind shares: how much the conflicting sentences have in common, how many
 * outlets stand on each side, hedges. The detector adds its own linking evidence. */
function groupFeatures(detector: Detector, members: FactClaim[], pairs: [FactClaim, FactClaim][], ctx: Context): Features {
  const x: Features = { [`kind:${detector.kind}`]: 1 };
  const max = (k: string, v: number): void => {
    x[k] = Math.max(x[k] ?? 0, v);
  };
  for (const [a, b] of pairs) {
    max('link:jaccard', jaccard(a.sentence.lemmas, b.sentence.lemmas));
    max('link:sharedEntities', Math.min(sharedCount(a.sentence.entities, b.sentence.entities), 3) / 3);
    max('link:sharedActions', Math.min(sharedActions(a.sentence, b.sentence), 3) / 3);
    for (const [k, v] of Object.entries(detector.pairFeatures?.(a, b, ctx) ?? {})) max(k, v);
  }
  const byValue = new Map<string, Set<string>>();
  for (const c of members) {
    if (!byValue.has(c.value)) byValue.set(c.value, new Set());
    byValue.get(c.value)!.add(ctx.sources.groupOf.get(c.article) ?? c.article);
  }
  const sides = [...byValue.values()].map((v) => v.size).sort((p, q) => q - p);
  x['sides:smaller'] = Math.min(sides[1] ?? 0, 3) / 3;
  x['sides:lone'] = (sides[1] ?? 0) <= 1 ? 1 : 0;
  // How many values the group holds (a chain of loosely linked claims holds many) and how much of
  // it the largest side is.
  x['group:values'] = Math.min(sides.length - 1, 4) / 4;
  x['group:majority'] = sides[0] / Math.max(1, sides.reduce((p, q) => p + q, 0));
  x['group:size'] = Math.min(members.length, 10) / 10;
  // One outlet against a corroborated account: three or more independent sources give one value
  // and every other value stands on a single source.
  x['sides:outlier'] = sides[0] >= 3 && sides.slice(1).every((n) => n === 1) ? 1 : 0;
  // Whether the claims were tied by the grammar (the same verb said of the same actor or object)
  // or only by shared words.
  const verb = (x['link:sameVerb'] ?? 0) > 0;
  const who = (x['link:sameActor'] ?? 0) > 0 || (x['link:sameObject'] ?? 0) > 0;
  if (verb && who) x['link:happening'] = 1;
  else if (!verb && !who && (x['link:jaccard'] ?? 0) < 0.3) x['link:wordsOnly'] = 1;
  // A value inside quotation marks is someone's word, not the outlet's report of the fact.
  x.quoted = members.some((c) => inRanges(ctx.byId.get(c.article)?.quoted ?? [], c.start)) ? 1 : 0;
  x.hedged = members.some((c) => /\b(about|around|some|nearly|almost|roughly|approximately|at least|more than|up to|reportedly|allegedly)\b/i.test(c.sentence.text)) ? 1 : 0;
  return x;
}

/** Link claims about one fact across articles; keep the connected groups that hold a contradiction. */
export function runDetector(detector: Detector, ctx: Context): FoundDiscrepancy[] {
  const claims = detector.extract(ctx);
  const buckets = new Map<string, number[]>();
  claims.forEach((c, i) => {
    if (!buckets.has(c.bucket)) buckets.set(c.bucket, []);
    buckets.get(c.bucket)!.push(i);
  });
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const conflicting = new Set<number>();
  const conflictPairs: [number, number][] = [];
  const average = detector.linkage === 'average';
  // For average linkage, per group root: its members, how many of them each article holds, and
  // how many links it has to each other group. Two groups' pairs and links are read from these,
  // so a join costs the groups' articles and neighbours, not the product of the two sizes.
  const members = new Map<number, number[]>();
  const perArticle = new Map<number, Map<string, number>>();
  const links = new Map<number, Map<number, number>>();
  const addLinks = (x: number, y: number, n: number) => {
    let m = links.get(x);
    if (!m) links.set(x, (m = new Map()));
    m.set(y, (m.get(y) ?? 0) + n);
  };
  const groupOf = (r: number): { list: number[]; articles: Map<string, number> } => ({
    list: members.get(r) ?? [r],
    articles: perArticle.get(r) ?? new Map([[claims[r].article, 1]]),
  });
  for (const ids of buckets.values()) {
    const linked: [number, number, number][] = [];
    for (const [x, y] of candidatePairs(detector, claims, ids)) {
      const a = claims[x];
      const b = claims[y];
      if (a.article === b.article) continue;
      if (!detector.sameFact(a, b, ctx)) continue;
      linked.push([x, y, average ? (detector.linkStrength?.(a, b, ctx) ?? 0) : 0]);
      if (average) {
        addLinks(x, y, 1);
        addLinks(y, x, 1);
      }
    }
    if (average) linked.sort((u, v) => v[2] - u[2] || u[0] - v[0] || u[1] - v[1]);
    for (const [x, y] of linked) {
      const a = claims[x];
      const b = claims[y];
      const rx = find(x);
      const ry = find(y);
      if (rx !== ry) {
        let join = true;
        if (average) {
          const gx = groupOf(rx);
          const gy = groupOf(ry);
          // Pairs from different articles across the two groups, and how many of them are linked
          // (links only join claims of different articles).
          let pairs = gx.list.length * gy.list.length;
          for (const [article, n] of gx.articles) pairs -= n * (gy.articles.get(article) ?? 0);
          const agree = links.get(rx)?.get(ry) ?? 0;
          join = pairs === 0 || agree * 2 >= pairs;
          if (join) {
            members.set(rx, [...gx.list, ...gy.list]);
            members.delete(ry);
            for (const [article, n] of gy.articles) gx.articles.set(article, (gx.articles.get(article) ?? 0) + n);
            perArticle.set(rx, gx.articles);
            perArticle.delete(ry);
            for (const [z, n] of links.get(ry) ?? []) {
              links.get(z)!.delete(ry);
              if (z === rx) continue;
              addLinks(rx, z, n);
              addLinks(z, rx, n);
            }
            links.get(rx)?.delete(ry);
            links.delete(ry);
          }
        }
        if (!join) continue;
        parent[ry] = rx;
      }
      if (a.value !== b.value && detector.conflict(a, b, ctx)) {
        conflicting.add(x);
        conflicting.add(y);
        conflictPairs.push([x, y]);
      }
    }
  }
  const groups = new Map<number, number[]>();
  claims.forEach((_, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(i);
  });
  const out: FoundDiscrepancy[] = [];
  for (let ids of groups.values()) {
    if (!ids.some((i) => conflicting.has(i))) continue;
    // Show the claims that take part in the disagreement (and those agreeing with one of them), not
    // every related figure the group gathered ("120 from each side" next to "240 in all").
    const disputed = new Set(ids.filter((i) => conflicting.has(i)).map((i) => claims[i].value));
    const disputedSentences = new Set(ids.filter((i) => disputed.has(claims[i].value)).map((i) => `${claims[i].article}:${claims[i].sentence.index}`));
    ids = ids.filter((i) => disputed.has(claims[i].value) || disputedSentences.has(`${claims[i].article}:${claims[i].sentence.index}`));
    // An outlet does not contradict itself: when one article gives the group two values in
    // different sentences, the group has gathered two happenings ("indicted in 1969" and "indicted
    // in 1990"). That article keeps only the value most of the group gives, or nothing on a tie.
    const count = new Map<string, number>();
    for (const i of ids) count.set(claims[i].value, (count.get(claims[i].value) ?? 0) + 1);
    const perArticle = new Map<string, number[]>();
    for (const i of ids) {
      if (!perArticle.has(claims[i].article)) perArticle.set(claims[i].article, []);
      perArticle.get(claims[i].article)!.push(i);
    }
    const dropped = new Set<number>();
    for (const list of perArticle.values()) {
      const values = new Set(list.map((i) => claims[i].value));
      const sentences = new Set(list.map((i) => claims[i].sentence.index));
      if (values.size < 2 || sentences.size < 2) continue;
      const ranked = [...values].sort((u, v) => (count.get(v) ?? 0) - (count.get(u) ?? 0));
      let keep = (count.get(ranked[0]) ?? 0) > (count.get(ranked[1]) ?? 0) ? ranked[0] : null;
      // On a tie, the value whose sentence is most like the other outlets' is this happening; the
      // other belongs to another ("indicted in 1969" against "indicted in 1970"; "indicted again in 1990").
      if (keep === null && detector.linkStrength) keep = closestValue(detector, ctx, list.map((i) => claims[i]), ids.map((i) => claims[i]));
      for (const i of list) if (claims[i].value !== keep) dropped.add(i);
    }
    ids = ids.filter((i) => !dropped.has(i));
    if (!ids.some((i) => conflicting.has(i))) continue;
    // One claim per article and value: the first in the article is enough to show it. Two values
    // read from one sentence ("deputy prime minister and foreign minister") are shown as one claim.
    const seen = new Set<string>();
    const members: FactClaim[] = [];
    for (const i of ids.sort((p, q) => p - q)) {
      const c = claims[i];
      const key = `${c.article}\u0000${c.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const same = members.find((m) => m.article === c.article && m.sentence.index === c.sentence.index);
      if (same) {
        if (!same.display.includes(c.display)) members[members.indexOf(same)] = { ...same, display: `${same.display} and ${c.display}`, value: `${same.value}+${c.value}` };
        continue;
      }
      members.push(c);
    }
    if (new Set(members.map((c) => c.article)).size < 2) continue;
    // The same value in every outlet is corroboration, however the values were keyed ("Reid's
    // representative" and "Tara Reid's representative").
    if (new Set(members.map((c) => c.display.toLowerCase())).size < 2) continue;
    const topic = detector.topic(members, ctx);
    const inGroup = new Set(ids);
    const pairs = conflictPairs.filter(([x, y]) => inGroup.has(x) && inGroup.has(y)).map(([x, y]): [FactClaim, FactClaim] => [claims[x], claims[y]]);
    const evolving = detector.evolving?.(members, ctx) ?? false;
    const features = groupFeatures(detector, members, pairs, ctx);
    // How crowded the claims' bucket is: many figures of one unit per article (a long obituary's
    // years) make "the same unit" weak evidence of the same fact.
    const bucketSize = buckets.get(members[0].bucket)?.length ?? members.length;
    features['bucket:perArticle'] = Math.min(bucketSize / Math.max(1, ctx.articles.length), 4) / 4;
    if (evolving) features.evolving = 1;
    let explanation = explain(members, ctx, topic);
    if (evolving) explanation = `${explanation.slice(0, -1)} — this may reflect updates as the story developed.`;
    out.push({ kind: detector.kind, topic, claims: members, explanation, features, evolving });
  }
  return out;
}

/** Of one article's claims in a group, the value most strongly linked to the other articles'
 * claims, when one is strictly ahead of the rest; else null. */
function closestValue(detector: Detector, ctx: Context, mine: FactClaim[], group: FactClaim[]): string | null {
  const best = new Map<string, number>();
  for (const c of mine) {
    for (const o of group) {
      if (o.article === c.article) continue;
      best.set(c.value, Math.max(best.get(c.value) ?? 0, detector.linkStrength!(c, o, ctx)));
    }
  }
  const ranked = [...best].sort((u, v) => v[1] - u[1]);
  return ranked.length && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? ranked[0][0] : null;
}

export function toClaim(c: FactClaim, ctx: Context): Claim {
  const start = c.passage?.start ?? c.sentence.start;
  const end = c.passage?.end ?? c.sentence.end;
  const text = ctx.byId.get(c.article)?.doc.text.slice(start, end) ?? c.sentence.text;
  return { article: c.article, start, end, text };
}

export function toDiscrepancy(d: FoundDiscrepancy, ctx: Context): Discrepancy {
  const { confidence, uncertain } = rate('discrepancies', d.features);
  const out: Discrepancy = { topic: d.topic, claims: d.claims.map((c) => toClaim(c, ctx)), explanation: d.explanation, confidence };
  if (uncertain) out.uncertain = true;
  return out;
}
