// bench:ner — proper-name entity mentions (PER/ORG/LOC) on MEANTIME English, plus cross-document
// resolution on its corpus-level entity instances. Gold data stays in ../shared/datasets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { buildDoc, type Doc } from '../src/text/doc.js';
import { findEntities } from '../src/entities/index.js';
import { resolveEntities } from '../src/resolve/index.js';
import type { ArticleEntities } from '../src/annotations.js';
import type { Article, EntityType } from '../src/types.js';
import { rebuildMeantimeText } from './lib/meantime.js';
import { textArticle } from './lib/article.js';

const DIR = join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'meantime-en', 'intra_cross-doc_annotation');
type Gold = 'PER' | 'ORG' | 'LOC';
const TYPE_OF: Partial<Record<EntityType, Gold>> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface GoldMention {
  start: number;
  end: number;
  type: Gold;
  instance: string | null;
}
interface GoldDoc {
  id: string;
  topic: string;
  text: string;
  mentions: GoldMention[];
  /** End of the annotated part of the text: many MEANTIME articles are annotated only in their
   * first sentences, so predictions after the last sentence holding any markable are not scored. */
  scopeEnd: number;
}

/** A gold document: its text rebuilt from tokens, and its typed proper-name mentions. */
function parse(path: string, topic: string): GoldDoc {
  const xml = readFileSync(path, 'utf8');
  const { id, text, tokens } = rebuildMeantimeText(xml, path);
  // Entity instances (document- and corpus-level) and their types.
  const entities = new Map<string, { type: string; instance: string | null }>();
  const entRe = /<ENTITY ([^>]*?)\/?>/g;
  for (let m = entRe.exec(xml); m; m = entRe.exec(xml)) {
    const attrs = m[1];
    const mid = /m_id="(\d+)"/.exec(attrs)?.[1];
    const type = /ent_type="([A-Z]+)"/.exec(attrs)?.[1];
    if (mid && type) entities.set(mid, { type, instance: /instance_id="([^"]+)"/.exec(attrs)?.[1] ?? null });
  }
  const refers = new Map<string, string>();
  const relRe = /<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g;
  for (let m = relRe.exec(xml); m; m = relRe.exec(xml)) {
    const target = /<target m_id="(\d+)"/.exec(m[1])?.[1];
    if (!target) continue;
    for (const s of m[1].matchAll(/<source m_id="(\d+)"/g)) refers.set(s[1], target);
  }
  const mentions: GoldMention[] = [];
  const menRe = /<ENTITY_MENTION [^>]*m_id="(\d+)" syntactic_type="NAM">([\s\S]*?)<\/ENTITY_MENTION>/g;
  for (let m = menRe.exec(xml); m; m = menRe.exec(xml)) {
    const ent = entities.get(refers.get(m[1]) ?? '');
    if (!ent || !['PER', 'ORG', 'LOC'].includes(ent.type)) continue;
    const spans = [...m[2].matchAll(/t_id="(\d+)"/g)].map((a) => tokens.get(a[1])).filter((t) => t !== undefined);
    if (spans.length === 0) continue;
    mentions.push({
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
      type: ent.type as Gold,
      instance: ent.instance,
    });
  }
  let lastSentence = 0;
  // Mentions added at the cross-document stage carry no syntactic_type and do not mark the scope.
  for (const mk of xml.matchAll(/<ENTITY_MENTION [^>]*syntactic_type="[^>]*>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    for (const a of mk[1].matchAll(/t_id="(\d+)"/g)) lastSentence = Math.max(lastSentence, tokens.get(a[1])?.sentence ?? 0);
  }
  let scopeEnd = 0;
  for (const t of tokens.values()) if (t.sentence <= lastSentence) scopeEnd = Math.max(scopeEnd, t.end);
  return { id, topic, text, mentions, scopeEnd };
}


function article(g: GoldDoc): Article {
  return textArticle(g.id, g.text, { outlet: 'Wikinews' });
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const prf = (c: Counts) => {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

interface Pred {
  start: number;
  end: number;
  type: Gold;
  text: string;
}

/** One-to-one matching of predictions to gold: a gold mention is found by at most one prediction. */
function score(gold: GoldMention[], pred: Pred[], exact: boolean, typed: boolean, counts: Record<string, Counts>) {
  const used = new Set<number>();
  const matchedPred = new Set<number>();
  pred.forEach((p, i) => {
    const j = gold.findIndex(
      (g, k) => !used.has(k) && (!typed || g.type === p.type) && (exact ? g.start === p.start && g.end === p.end : overlaps(g, p)),
    );
    if (j >= 0) {
      used.add(j);
      matchedPred.add(i);
      counts[gold[j].type].tp++;
      counts.micro.tp++;
    }
  });
  pred.forEach((p, i) => {
    if (matchedPred.has(i)) return;
    counts[p.type].fp++;
    counts.micro.fp++;
  });
  gold.forEach((g, k) => {
    if (used.has(k)) return;
    counts[g.type].fn++;
    counts.micro.fn++;
  });
}

function main() {
  if (!existsSync(DIR)) {
    console.log(`bench:ner: ${DIR} is absent; nothing to measure.`);
    return;
  }
  const golds: GoldDoc[] = [];
  for (const topic of readdirSync(DIR).sort()) {
    for (const f of readdirSync(join(DIR, topic)).sort()) if (f.endsWith('.xml')) golds.push(parse(join(DIR, topic, f), topic));
  }
  const docs: Doc[] = golds.map((g) => buildDoc(article(g)));
  findEntities(docs[0]); // load the gazetteers outside the timing
  // Two passes: the first includes JIT warm-up (what a one-off run of 120 articles sees), the second is steady state.
  // CPU time is reported beside wall time because the benchmark machine is shared.
  const timings: { wall: number; cpu: number }[] = [];
  let found: ArticleEntities[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    found = docs.map((d) => findEntities(d));
    const c = process.cpuUsage(c0);
    timings.push({ wall: performance.now() - w0, cpu: (c.user + c.system) / 1000 });
  }

  const blank = () => ({ PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, micro: { tp: 0, fp: 0, fn: 0 } });
  const modes = { 'overlap, typed': blank(), 'exact, typed': blank(), 'overlap, untyped': blank() } as Record<string, Record<string, Counts>>;
  const verbose = process.argv.includes('--errors');
  golds.forEach((g, i) => {
    const preds: Pred[] = [];
    for (const m of found[i].mentions) {
      const t = TYPE_OF[m.type];
      if (t && m.kind === 'name' && m.start < g.scopeEnd) preds.push({ start: m.start, end: m.end, type: t, text: m.text });
    }
    score(g.mentions, preds, false, true, modes['overlap, typed']);
    score(g.mentions, preds, true, true, modes['exact, typed']);
    score(g.mentions, preds, false, false, modes['overlap, untyped']);
    if (verbose) {
      for (const p of preds) if (!g.mentions.some((m) => overlaps(m, p) && m.type === p.type)) console.log(`FP ${g.id} ${p.type} ${JSON.stringify(p.text)} | ${ctx(g.text, p)}`);
      // Boundary errors: the type is right and the spans overlap, but they differ.
      for (const p of preds) {
        const m = g.mentions.find((x) => overlaps(x, p) && x.type === p.type);
        if (m && (m.start !== p.start || m.end !== p.end)) console.log(`SPAN ${g.id} ${p.type} ours ${JSON.stringify(p.text)} gold ${JSON.stringify(g.text.slice(m.start, m.end))}`);
      }
      for (const m of g.mentions) if (!preds.some((p) => overlaps(m, p) && m.type === p.type)) console.log(`FN ${g.id} ${m.type} ${JSON.stringify(g.text.slice(m.start, m.end))} | ${ctx(g.text, m)}`);
    }
  });
  const goldCount = golds.reduce((n, g) => n + g.mentions.length, 0);
  const scoped = golds.reduce((n, g) => n + g.text.slice(0, g.scopeEnd).split(/\s+/).length, 0);
  const words = golds.reduce((n, g) => n + g.text.split(/\s+/).length, 0);
  console.log(`MEANTIME English: ${golds.length} articles, ${goldCount} gold PER/ORG/LOC proper-name mentions; annotated scope ${scoped} of ${words} words (predictions after the last annotated sentence are not scored)`);
  for (const [mode, counts] of Object.entries(modes)) {
    const parts = ['PER', 'ORG', 'LOC', 'micro'].map((k) => {
      const s = prf(counts[k]);
      return `${k} P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f.toFixed(3)}`;
    });
    console.log(`${mode.padEnd(17)} ${parts.join(' | ')}`);
  }
  const rate = (ms: number) => (golds.length / (ms / 1000)).toFixed(0);
  console.log(
    `findEntities (Doc building excluded): first pass ${rate(timings[0].wall)} articles/s wall, ${rate(timings[0].cpu)}/s CPU; ` +
      `second pass ${rate(timings[1].wall)} articles/s wall, ${rate(timings[1].cpu)}/s CPU`,
  );

  // Cross-document: resolve each topic corpus (30 articles on one story) as one brief.
  let instances = 0;
  let single = 0;
  let mixed = 0;
  let ours = 0;
  const t2 = performance.now();
  for (const topic of [...new Set(golds.map((g) => g.topic))]) {
    const idx = golds.map((g, i) => (g.topic === topic ? i : -1)).filter((i) => i >= 0);
    const resolved = resolveEntities(
      idx.map((i) => found[i]),
      idx.map((i) => docs[i]),
    );
    // Gold instance → set of our global ids over its matched mentions (only instances named in 2+ articles).
    const byInstance = new Map<string, { docs: Set<string>; ids: Set<string> }>();
    const instancesOfOurs = new Map<string, Set<string>>();
    for (const i of idx) {
      const g = golds[i];
      for (const m of g.mentions) {
        if (!m.instance) continue;
        const entry = byInstance.get(m.instance) ?? { docs: new Set(), ids: new Set() };
        byInstance.set(m.instance, entry);
        entry.docs.add(g.id);
        // Our mention for this gold mention: the same type and the largest overlap (a gold span such as
        // "Prime Minister of Canada" also overlaps our "Canada", which is another entity).
        let p: (typeof found)[number]['mentions'][number] | undefined;
        let bestScore = -1;
        for (const x of found[i].mentions) {
          if (!overlaps(x, m) || TYPE_OF[x.type] !== m.type) continue;
          const score = Math.min(x.end, m.end) - Math.max(x.start, m.start);
          if (score > bestScore) {
            bestScore = score;
            p = x;
          }
        }
        if (!p) continue;
        const gid = resolved.globalId.get(p.entity);
        if (!gid) continue;
        entry.ids.add(gid);
        const set = instancesOfOurs.get(gid) ?? new Set();
        set.add(m.instance);
        instancesOfOurs.set(gid, set);
      }
    }
    for (const [inst, e] of byInstance) {
      if (e.docs.size < 2) continue;
      instances++;
      if (e.ids.size === 1) single++;
      else if (verbose) console.log(`SPLIT ${inst} over ${e.docs.size} articles → ${[...e.ids].join(', ') || '(not found)'}`);
    }
    ours += instancesOfOurs.size;
    for (const [id, s] of instancesOfOurs) {
      if (s.size <= 1) continue;
      mixed++;
      if (verbose) console.log(`MIXED ${id} ← ${[...s].join(', ')}`);
    }
  }
  const t3 = performance.now();
  console.log(
    `cross-document (gold mentions matched to our mentions of the same type): ${single}/${instances} gold instances named in 2+ articles map to exactly one of our entities (${((100 * single) / Math.max(1, instances)).toFixed(1)}%); ` +
      `${mixed}/${ours} of our entities that match gold mix two or more gold instances; resolveEntities ${(t3 - t2).toFixed(0)} ms for 4 corpora`,
  );
}

function ctx(text: string, s: { start: number; end: number }): string {
  return text.slice(Math.max(0, s.start - 40), s.end + 30).replace(/\n/g, ' / ');
}

main();
