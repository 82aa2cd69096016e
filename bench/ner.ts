// bench:ner — proper-name entity mentions, the rules that Parley used before (bench/baseline/rules)
// beside the learned model (src/entities), on the same documents:
//   MEANTIME English (development: the model also trains on it): typed overlap and exact, PER/ORG/LOC;
//   GUM dev: named person/organisation/place mentions, exact typed (definition: gumNames in bench/lib/gum.ts);
//   ECB+ development topics: recall of named participants and the share of those found with the right type
//   (definition: ecbNamedParticipants in bench/train/ner-data.ts); no precision: only participants are annotated;
//   with --held-out, the same on the GUM test split and the ECB+ validation topics (score these once);
//   throughput of both, and cross-document resolution on MEANTIME's corpus-level instances (model).
// Options: --held-out, --errors rules|model (list the errors of one system on the dev sets),
// --ablate (what each kept rule of src/entities/rules.ts does on the dev sets), --model PATH (score
// weights written by train:entities --out PATH instead of the shipped ones).
// Gold data stays in ../shared/datasets; a missing corpus is reported and skipped.
import { performance } from 'node:perf_hooks';
import { buildDoc, type Doc } from '../src/text/doc.js';
import { RULES, findEntities, type Rule } from '../src/entities/index.js';
import { findEntities as findEntitiesByRules } from './baseline/rules/index.js';
import { resolveEntities } from '../src/resolve/index.js';
import type { ArticleEntities } from '../src/annotations.js';
import type { EntityType } from '../src/types.js';
import { loadMeantimeDocs, meantimeAvailable, type MeantimeDoc } from './lib/meantime.js';
import { gumAvailable, gumNames, loadGumDocs, type GumSplit } from './lib/gum-mentions.js';
import { ECB_DEV_TOPICS, ECB_VALIDATION_TOPICS, ecbAvailable, loadEcbDocs } from './lib/ecbplus.js';
import { ecbNamedParticipants, type Participant } from './train/ner-data.js';
import { textArticle } from './lib/article.js';
import { useModel } from '../src/entities/model/tagger.js';

type Gold = 'PER' | 'ORG' | 'LOC';
const TYPE_OF: Partial<Record<EntityType, Gold>> = { person: 'PER', organization: 'ORG', place: 'LOC' };
type Finder = (d: Doc) => ArticleEntities;
const SYSTEMS: Record<string, Finder> = { rules: findEntitiesByRules, model: (d) => findEntities(d) };
type System = string;
const HELD_OUT = process.argv.includes('--held-out');
const ABLATE = process.argv.includes('--ablate');
if (process.argv.includes('--model')) useModel(process.argv[process.argv.indexOf('--model') + 1]);
const errorsOf = (() => {
  const i = process.argv.indexOf('--errors');
  return i >= 0 ? (process.argv[i + 1] as System) : null;
})();

interface Span {
  start: number;
  end: number;
  type: Gold;
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
const blank = (): Record<string, Counts> => ({ PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, micro: { tp: 0, fp: 0, fn: 0 } });

/** Name mentions of one system's output typed PER/ORG/LOC. */
function predicted(found: ArticleEntities, until = Infinity): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  for (const m of found.mentions) {
    const t = TYPE_OF[m.type];
    if (t && m.kind === 'name' && m.start < until) out.push({ start: m.start, end: m.end, type: t, text: m.text });
  }
  return out;
}

/** One-to-one matching of predictions to gold: a gold mention is found by at most one prediction. */
function score(gold: Span[], pred: Span[], exact: boolean, typed: boolean, counts: Record<string, Counts>) {
  const used = new Set<number>();
  const matchedPred = new Set<number>();
  pred.forEach((p, i) => {
    const j = gold.findIndex((g, k) => !used.has(k) && (!typed || g.type === p.type) && (exact ? g.start === p.start && g.end === p.end : overlaps(g, p)));
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

const line = (counts: Record<string, Counts>) =>
  ['PER', 'ORG', 'LOC', 'micro']
    .map((k) => {
      const s = prf(counts[k]);
      return `${k} P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f.toFixed(3)}`;
    })
    .join(' | ');

function ctx(text: string, s: { start: number; end: number }): string {
  return text.slice(Math.max(0, s.start - 40), s.end + 30).replace(/\n/g, ' / ');
}

function listErrors(label: string, text: string, gold: Span[], pred: (Span & { text: string })[]) {
  for (const p of pred) if (!gold.some((g) => g.start === p.start && g.end === p.end && g.type === p.type)) console.log(`  FP ${label} ${p.type} ${JSON.stringify(p.text)} | ${ctx(text, p)}`);
  for (const g of gold) if (!pred.some((p) => g.start === p.start && g.end === p.end && g.type === p.type)) console.log(`  FN ${label} ${g.type} ${JSON.stringify(text.slice(g.start, g.end))} | ${ctx(text, g)}`);
}

let meantimeData: { golds: MeantimeDoc[]; docs: Doc[] } | null = null;

function meantime(systems: Record<string, Finder>, print = true): { golds: MeantimeDoc[]; docs: Doc[]; found: Record<System, ArticleEntities[]>; f1: Record<string, number> } | null {
  if (!meantimeAvailable()) {
    console.log('MEANTIME: ../shared/datasets/meantime-en is absent; skipped.');
    return null;
  }
  meantimeData ??= (() => {
    const golds = loadMeantimeDocs();
    return { golds, docs: golds.map((g) => buildDoc(textArticle(g.id, g.text, { outlet: 'Wikinews' }))) };
  })();
  const { golds, docs } = meantimeData;
  const found = {} as Record<System, ArticleEntities[]>;
  const f1: Record<string, number> = {};
  const goldCount = golds.reduce((n, g) => n + g.names.filter((m) => TYPE_OF[toType(m.type)]).length, 0);
  const scoped = golds.reduce((n, g) => n + g.text.slice(0, g.scopeEnd).split(/\s+/).length, 0);
  if (print) console.log(`\nMEANTIME English (DEVELOPMENT; the model also trains on these documents): ${golds.length} articles, ${goldCount} gold PER/ORG/LOC proper-name mentions in the annotated scope (${scoped} words)`);
  for (const sys of Object.keys(systems)) {
    found[sys] = docs.map((d) => systems[sys](d));
    const modes = { 'overlap, typed': blank(), 'exact, typed': blank(), 'overlap, untyped': blank() } as Record<string, Record<string, Counts>>;
    golds.forEach((g, i) => {
      const gold = g.names.filter((m) => ['PER', 'ORG', 'LOC'].includes(m.type)).map((m) => ({ start: m.start, end: m.end, type: m.type as Gold }));
      const preds = predicted(found[sys][i], g.scopeEnd);
      score(gold, preds, false, true, modes['overlap, typed']);
      score(gold, preds, true, true, modes['exact, typed']);
      score(gold, preds, false, false, modes['overlap, untyped']);
    });
    f1[sys] = prf(modes['overlap, typed'].micro).f;
    if (print) for (const [mode, counts] of Object.entries(modes)) console.log(`  ${sys.padEnd(5)} ${mode.padEnd(17)} ${line(counts)}`);
  }
  return { golds, docs, found, f1 };
}

const toType = (t: string): EntityType => (t === 'PER' ? 'person' : t === 'ORG' ? 'organization' : t === 'LOC' ? 'place' : 'other');

const gumData = new Map<GumSplit, { golds: ReturnType<typeof loadGumDocs>; docs: Doc[] }>();

function gum(split: GumSplit, label: string, systems: Record<string, Finder>, print = true): Record<string, number> {
  const f1: Record<string, number> = {};
  if (!gumAvailable()) {
    console.log('GUM: ../shared/datasets/gum is absent; skipped.');
    return f1;
  }
  if (!gumData.has(split)) {
    const golds = loadGumDocs(split);
    gumData.set(split, { golds, docs: golds.map((g) => buildDoc(textArticle(g.id, g.text))) });
  }
  const { golds, docs } = gumData.get(split)!;
  const gold = golds.map((g) => gumNames(g).filter((n): n is typeof n & { type: Gold } => n.type !== 'MISC'));
  const n = gold.reduce((s, g) => s + g.length, 0);
  if (print) console.log(`\nGUM ${split} (${label}): ${golds.length} documents, ${n} named person/organisation/place mentions; exact typed`);
  for (const sys of Object.keys(systems)) {
    const counts = blank();
    docs.forEach((d, i) => {
      const preds = predicted(systems[sys](d));
      score(gold[i], preds, true, true, counts);
      if (print && errorsOf === sys && split === 'dev') listErrors(golds[i].id, d.text, gold[i], preds);
    });
    f1[sys] = prf(counts.micro).f;
    if (print) console.log(`  ${sys.padEnd(5)} ${line(counts)}`);
  }
  return f1;
}

const ecbData = new Map<string, { ecbDocs: ReturnType<typeof loadEcbDocs>; docs: Doc[]; gold: Participant[][] }>();

function ecb(topics: number[], label: string, systems: Record<string, Finder>, print = true): Record<string, { recall: number; typed: number }> {
  const result: Record<string, { recall: number; typed: number }> = {};
  if (!ecbAvailable()) {
    console.log('ECB+: ../shared/datasets/ecbplus is absent; skipped.');
    return result;
  }
  const cacheKey = topics.join(',');
  if (!ecbData.has(cacheKey)) {
    const ecbDocs = loadEcbDocs(topics);
    const docs = ecbDocs.map((e) => buildDoc(textArticle(e.id, e.text)));
    ecbData.set(cacheKey, { ecbDocs, docs, gold: ecbDocs.map((e, i) => ecbNamedParticipants(e, docs[i])) });
  }
  const { ecbDocs, docs, gold } = ecbData.get(cacheKey)!;
  const n = gold.reduce((s, g) => s + g.length, 0);
  if (print) console.log(`\nECB+ topics ${topics.join(',')} (${label}): ${ecbDocs.length} documents, ${n} named participants in the annotated sentences; recall (found = a name mention overlaps), right type among found`);
  for (const sys of Object.keys(systems)) {
    const by: Record<string, { n: number; found: number; typed: number }> = {};
    docs.forEach((d, i) => {
      const preds = predicted(systems[sys](d));
      for (const g of gold[i]) {
        for (const k of [g.type, 'all']) by[k] ??= { n: 0, found: 0, typed: 0 };
        let best: (typeof preds)[number] | null = null;
        let bestOverlap = 0;
        for (const p of preds) {
          const o = Math.min(p.end, g.end) - Math.max(p.start, g.start);
          if (o > bestOverlap) {
            bestOverlap = o;
            best = p;
          }
        }
        for (const k of [g.type, 'all']) {
          by[k].n++;
          if (best) by[k].found++;
          if (best && best.type === g.type) by[k].typed++;
        }
        if (print && errorsOf === sys && label.startsWith('dev') && (!best || best.type !== g.type)) console.log(`  ${best ? `TYPE ${best.type}` : 'MISS'} ${ecbDocs[i].id} ${g.type} ${JSON.stringify(d.text.slice(g.start, g.end))} | ${ctx(d.text, g)}`);
      }
    });
    const part = (k: string) => {
      const c = by[k] ?? { n: 0, found: 0, typed: 0 };
      return `${k} recall ${(c.found / Math.max(1, c.n)).toFixed(3)} right type ${(c.typed / Math.max(1, c.found)).toFixed(3)} (${c.n})`;
    };
    const all = by.all ?? { n: 0, found: 0, typed: 0 };
    result[sys] = { recall: all.found / Math.max(1, all.n), typed: all.typed / Math.max(1, all.found) };
    if (print) console.log(`  ${sys.padEnd(5)} ${['all', 'PER', 'ORG', 'LOC'].map(part).join(' | ')}`);
  }
  return result;
}

function throughput(docs: Doc[]) {
  console.log('\nThroughput on the MEANTIME articles (Doc building excluded; fresh Docs each pass, so nothing cached; second pass, after JIT warm-up):');
  const fresh = () => docs.map((d) => buildDoc(d.article));
  for (const sys of Object.keys(SYSTEMS)) {
    const timings: { wall: number; cpu: number }[] = [];
    for (let pass = 0; pass < 2; pass++) {
      const batch = fresh();
      const w0 = performance.now();
      const c0 = process.cpuUsage();
      for (const d of batch) SYSTEMS[sys](d);
      const c = process.cpuUsage(c0);
      timings.push({ wall: performance.now() - w0, cpu: (c.user + c.system) / 1000 });
    }
    const rate = (ms: number) => (docs.length / (ms / 1000)).toFixed(0);
    console.log(`  ${sys.padEnd(5)} ${rate(timings[1].wall)} articles/s wall, ${rate(timings[1].cpu)}/s CPU (first pass ${rate(timings[0].wall)}/s wall)`);
  }
}

/** Cross-document: resolve each MEANTIME topic corpus (30 articles on one story) as one brief. */
function crossDocument(golds: MeantimeDoc[], docs: Doc[], found: ArticleEntities[]) {
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
    const byInstance = new Map<string, { docs: Set<string>; ids: Set<string> }>();
    const instancesOfOurs = new Map<string, Set<string>>();
    for (const i of idx) {
      const g = golds[i];
      for (const m of g.names) {
        const type = m.type as Gold;
        if (!m.instance || !['PER', 'ORG', 'LOC'].includes(type)) continue;
        const entry = byInstance.get(m.instance) ?? { docs: new Set(), ids: new Set() };
        byInstance.set(m.instance, entry);
        entry.docs.add(g.id);
        // Our mention for this gold mention: the same type and the largest overlap.
        let p: ArticleEntities['mentions'][number] | undefined;
        let bestScore = -1;
        for (const x of found[i].mentions) {
          if (!overlaps(x, m) || TYPE_OF[x.type] !== type) continue;
          const s = Math.min(x.end, m.end) - Math.max(x.start, m.start);
          if (s > bestScore) {
            bestScore = s;
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
    for (const [, e] of byInstance) {
      if (e.docs.size < 2) continue;
      instances++;
      if (e.ids.size === 1) single++;
    }
    ours += instancesOfOurs.size;
    for (const [, s] of instancesOfOurs) if (s.size > 1) mixed++;
  }
  console.log(
    `\nCross-document on MEANTIME (model mentions, resolveEntities): ${single}/${instances} gold instances named in 2+ articles map to exactly one of our entities (${((100 * single) / Math.max(1, instances)).toFixed(1)}%); ` +
      `${mixed}/${ours} of our entities that match gold mix two or more gold instances; resolveEntities ${(performance.now() - t2).toFixed(0)} ms for 4 corpora`,
  );
}

/** What each kept rule does on the dev sets: the model with every rule, then without each one. */
function ablate() {
  const systems: Record<string, Finder> = { all: (d) => findEntities(d) };
  for (const r of RULES) systems[r] = (d) => findEntities(d, { without: new Set<Rule>([r]) });
  const mt = meantime(systems, false)?.f1 ?? {};
  const g = gum('dev', 'dev', systems, false);
  const e = ecb(ECB_DEV_TOPICS, 'dev', systems, false);
  const fmt = (x: number | undefined, base: number | undefined) => (x === undefined || base === undefined ? '   n/a' : (x - base >= 0 ? '+' : '') + (x - base).toFixed(3));
  console.log('\nAblation on the dev sets: the model with all kept rules, and the change when one rule is left out');
  console.log('  (MEANTIME typed overlap micro F1 | GUM dev exact typed micro F1 | ECB+ dev recall | ECB+ dev right type)');
  console.log(`  ${'all rules'.padEnd(16)} ${mt.all?.toFixed(3)} | ${g.all?.toFixed(3)} | ${e.all?.recall.toFixed(3)} | ${e.all?.typed.toFixed(3)}`);
  for (const r of RULES) console.log(`  without ${r.padEnd(16)} ${fmt(mt[r], mt.all)} | ${fmt(g[r], g.all)} | ${fmt(e[r]?.recall, e.all?.recall)} | ${fmt(e[r]?.typed, e.all?.typed)}`);
}

function main() {
  if (ABLATE) {
    ablate();
    return;
  }
  const mt = meantime(SYSTEMS);
  gum('dev', 'dev', SYSTEMS);
  ecb(ECB_DEV_TOPICS, 'dev: training topics set aside, never trained on', SYSTEMS);
  if (HELD_OUT) {
    gum('test', 'HELD OUT', SYSTEMS);
    ecb(ECB_VALIDATION_TOPICS, 'HELD OUT: validation topics', SYSTEMS);
  } else console.log('\n(held-out sets — GUM test, ECB+ validation topics — not scored; pass --held-out to score them once)');
  if (mt) {
    throughput(mt.docs);
    crossDocument(mt.golds, mt.docs, mt.found.model);
  }
}

main();
