// bench:pipeline — the whole pipeline's speed and robustness, measured from outside the stages:
//   1. the samples: ingest, analyse and render, with milliseconds per stage;
//   2. the 181 real news pages of ../shared/datasets/article-extraction-benchmark: every page
//      ingested and analysed on its own (pages per second; any exception is counted and printed,
//      and must be 0), every span checked against its article; then all pages as one batch, to
//      show what the cross-article stages cost at that size;
//   3. MEANTIME's 120 Wikinews articles, rebuilt from their tokens, analysed one by one.
// `--pathological` adds a few deliberately awkward texts at sizes the unit tests avoid;
// `--fuzz N` runs N seeded batches of random texts (test/robustness/fuzz-text.ts) and counts crashes;
// `--extras-only` skips the three standard parts.
// Per-stage figures come from analyse()'s `stage` hook, which times each step. A stage that throws
// is isolated by the pipeline into a problem naming the article and the stage; every such problem
// is counted and printed as a crash. The run also checks
// that a second, timed run gives exactly the brief of the first (the pipeline is deterministic).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { rebuildMeantimeText } from './lib/meantime.js';
import { analyse, failedStage } from '../src/pipeline.js';
import { ingest } from '../src/ingest/index.js';
import { renderHtml } from '../src/brief/html.js';
import { renderMarkdown } from '../src/brief/markdown.js';
import type { Article, Brief, Problem } from '../src/types.js';
import { integrityViolations, liveMarkup } from '../test/robustness/helpers.js';
import { randomText } from '../test/robustness/fuzz-text.js';
import { textArticle } from './lib/article.js';

const DATASETS = join(PACKAGE_ROOT, '..', 'shared', 'datasets');
const PAGES = join(DATASETS, 'article-extraction-benchmark', 'html');
const MEANTIME = join(DATASETS, 'meantime-en', 'intra_cross-doc_annotation');

const STAGES = ['doc', 'entities', 'time', 'quotes', 'events', 'resolve', 'assemble', 'compare'] as const;
type Stage = (typeof STAGES)[number];
type Timings = Record<Stage, number>;

const zero = (): Timings => Object.fromEntries(STAGES.map((s) => [s, 0])) as Timings;

/** analyse(), adding each stage's CPU milliseconds to `t`. A stage that throws no longer stops
 * analyse(): it becomes a problem (failedStage() names the stage), which stageCrashes() counts. */
function stagedAnalyse(articles: Article[], problems: Problem[], t: Timings): Brief {
  return analyse(articles, problems, {
    stage: (stage, run) => {
      const start = cpuMs();
      try {
        return run();
      } finally {
        t[stage] += cpuMs() - start;
      }
    },
  });
}

/** The problems in a brief that report a stage failure: each is a crash for this bench. */
function stageCrashes(b: Brief): { stage: string; source: string; message: string }[] {
  return b.problems.flatMap((p) => {
    const stage = failedStage(p);
    return stage ? [{ stage, source: p.source, message: p.message }] : [];
  });
}

/** This process's CPU time (user + system) in milliseconds: the machine is shared, so wall-clock
 * time depends on what else runs; CPU time much less so. Both are printed. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall-clock and CPU milliseconds since `start()`. */
function stopwatch(): () => { wall: number; cpu: number } {
  const w = performance.now();
  const c = cpuMs();
  return () => ({ wall: performance.now() - w, cpu: cpuMs() - c });
}

const both = (n: number, x: { wall: number; cpu: number }, unit: string) =>
  `${ms(x.wall)} wall, ${ms(x.cpu)} CPU (${rate(n, x.wall)} ${unit}/s wall, ${rate(n, x.cpu)} ${unit}/s CPU)`;

const ms = (x: number) => `${x.toFixed(0)} ms`;
const rate = (n: number, msTotal: number) => (msTotal > 0 ? (n / (msTotal / 1000)).toFixed(1) : '∞');

function stageLine(t: Timings, n: number): string {
  const total = STAGES.reduce((s, k) => s + t[k], 0);
  return STAGES.map((s) => `${s} ${(t[s] / n).toFixed(1)}`).join(' · ') + `  (CPU ms per article; total ${ms(total)})`;
}

function counts(b: Brief): string {
  const n = (x: unknown[] | undefined) => x?.length ?? 0;
  return `${b.articles.length} articles, ${n(b.entities)} entities, ${n(b.quotes)} quotes, ${n(b.times)} times, ${n(b.events)} events, ${n(b.positions)} positions, ${n(b.conditions)} conditions, ${n(b.discrepancies)} discrepancies, ${n(b.framing)} framing rows, ${b.problems.length} problems`;
}

function render(b: Brief): { wall: number; cpu: number } {
  const stop = stopwatch();
  renderMarkdown(b);
  renderHtml(b);
  return stop();
}

const add = (a: { wall: number; cpu: number }, b: { wall: number; cpu: number }) => {
  a.wall += b.wall;
  a.cpu += b.cpu;
};

// ── 1. samples ─────────────────────────────────────────────────────────────────────────────
async function samples(): Promise<void> {
  console.log('\n== samples/ ==');
  const s0 = stopwatch();
  const { articles, problems } = await ingest([join(PACKAGE_ROOT, 'samples')]);
  const tIngest = s0();
  // The first analyse() pays for loading models and data files; report it apart.
  const s1 = stopwatch();
  const first = analyse(articles, problems);
  const tFirst = s1();
  const s2 = stopwatch();
  const again = analyse(articles, problems);
  const tAnalyse = s2();
  const t = zero();
  let deterministic = false;
  try {
    deterministic = isDeepStrictEqual(JSON.parse(JSON.stringify(stagedAnalyse(articles, problems, t))), JSON.parse(JSON.stringify(again)));
  } catch (err) {
    console.log(`  the timed run threw: ${(err as Error).message}`);
  }
  const crashes = stageCrashes(again);
  const tRender = render(again);
  console.log(`  ${counts(first)}`);
  console.log(`  ingest: ${both(articles.length, tIngest, 'articles')}`);
  console.log(`  first analyse (loads models and data): ${ms(tFirst.wall)} wall, ${ms(tFirst.cpu)} CPU`);
  console.log(`  analyse: ${both(articles.length, tAnalyse, 'articles')}`);
  console.log(`  render brief.md + brief.html: ${ms(tRender.wall)} wall, ${ms(tRender.cpu)} CPU`);
  console.log(`  per stage: ${stageLine(t, articles.length)}`);
  console.log(`  a second, timed run gives exactly the same brief: ${deterministic ? 'yes' : 'NO'}`);
  console.log(`  crashes (stage failures reported as problems): ${crashes.length}${crashes.length ? `\n    ${crashes.map((c) => c.message).join('\n    ')}` : ''}`);
  const v = integrityViolations(again);
  console.log(`  span/reference violations: ${v.length}${v.length ? `\n    ${v.slice(0, 10).join('\n    ')}` : ''}`);
}

// ── 2. real news pages ─────────────────────────────────────────────────────────────────────
interface Failure {
  page: string;
  where: string;
  message: string;
}

async function realPages(): Promise<void> {
  console.log('\n== article-extraction-benchmark: 181 real news pages ==');
  if (!existsSync(PAGES)) {
    console.log(`  ${PAGES} not found; skipped (the dataset lives in ../shared/datasets).`);
    return;
  }
  const names = readdirSync(PAGES).filter((n) => n.endsWith('.html.gz')).sort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-pages-'));
  try {
    const paths = names.map((n) => {
      const path = join(dir, n.replace(/\.gz$/, ''));
      writeFileSync(path, gunzipSync(readFileSync(join(PAGES, n))));
      return path;
    });
    const failures: Failure[] = [];
    const violations: string[] = [];
    const live: string[] = [];
    const ingested: Article[] = [];
    const problems: Problem[] = [];
    const tIngest = { wall: 0, cpu: 0 };
    const tAnalyse = { wall: 0, cpu: 0 };
    const tRender = { wall: 0, cpu: 0 };
    const t = zero();
    for (const [i, path] of paths.entries()) {
      const page = names[i].slice(0, 12);
      let result;
      const a = stopwatch();
      try {
        result = await ingest([path]);
      } catch (err) {
        failures.push({ page, where: 'ingest (threw out of ingest())', message: (err as Error)?.stack ?? String(err) });
        continue;
      } finally {
        add(tIngest, a());
      }
      for (const p of result.problems) {
        // ingest() turns its own unexpected exceptions into this problem: count them as crashes.
        if (/could not be ingested/.test(p.message)) failures.push({ page, where: 'ingest (caught internally)', message: p.message });
      }
      problems.push(...result.problems);
      if (result.articles.length === 0) continue;
      const article = { ...result.articles[0], id: page };
      ingested.push(article);
      const b = stopwatch();
      let brief: Brief;
      try {
        brief = stagedAnalyse([article], [], t);
      } catch (err) {
        failures.push({ page, where: 'analyse (threw out of analyse())', message: (err as Error)?.stack ?? String(err) });
        continue;
      } finally {
        add(tAnalyse, b());
      }
      for (const c of stageCrashes(brief)) failures.push({ page, where: `analyse: ${c.stage}`, message: c.message });
      try {
        add(tRender, render(brief));
        // Real pages carry markup-like text too; none of it may come alive in brief.html.
        live.push(...liveMarkup(renderHtml(brief)).map((x) => `${page}: ${x}`));
      } catch (err) {
        failures.push({ page, where: 'render', message: (err as Error)?.stack ?? String(err) });
      }
      // Stage failures are counted as crashes above, not as span violations.
      violations.push(...integrityViolations({ ...brief, problems: [] }).map((v) => `${page}: ${v}`));
      if ((i + 1) % 30 === 0) process.stderr.write(`  … ${i + 1}/${paths.length} pages\n`);
    }
    const n = ingested.length;
    console.log(`  ${paths.length} pages: ${n} ingested as articles, ${problems.length} problems (${summariseProblems(problems)})`);
    console.log(`  one page at a time:`);
    console.log(`    ingest: ${both(paths.length, tIngest, 'pages')}`);
    console.log(`    analyse: ${both(n, tAnalyse, 'articles')}`);
    console.log(`    render: ${ms(tRender.wall)} wall, ${ms(tRender.cpu)} CPU`);
    const whole = { wall: tIngest.wall + tAnalyse.wall + tRender.wall, cpu: tIngest.cpu + tAnalyse.cpu + tRender.cpu };
    console.log(`    whole pipeline, page file to rendered brief: ${rate(n, whole.wall)} pages/s wall, ${rate(n, whole.cpu)} pages/s CPU`);
    console.log(`  per stage: ${stageLine(t, n)}`);
    console.log(`  span/reference violations: ${violations.length}${violations.length ? `\n    ${violations.slice(0, 15).join('\n    ')}` : ''}`);
    console.log(`  live markup in brief.html: ${live.length}${live.length ? `\n    ${live.slice(0, 10).join('\n    ')}` : ''}`);

    for (const p of problems) if (!/^(?:.*?: )?is in [^;]+;/.test(p.message)) console.log(`    ${p.source.replace(dir + '/', '')}: ${p.message.replace(dir + '/', '')}`);

    // A quarter of the pages, then all of them, as one brief: how the cross-article stages grow
    // with the batch (linear stages keep their ms per article; quadratic ones multiply it).
    const quarter = ingested.slice(0, Math.ceil(n / 4));
    const tq = zero();
    const q = stopwatch();
    try {
      const part = stagedAnalyse(quarter, [], tq);
      console.log(`  ${quarter.length} as one batch: analyse ${both(quarter.length, q(), 'articles')}`);
      console.log(`    per stage: ${stageLine(tq, quarter.length)}`);
      for (const c of stageCrashes(part)) failures.push({ page: 'quarter batch', where: `analyse: ${c.stage} (${c.source})`, message: c.message });
    } catch (err) {
      failures.push({ page: 'quarter batch', where: 'analyse (threw out of analyse())', message: (err as Error)?.stack ?? String(err) });
    }
    const tb = zero();
    const c = stopwatch();
    try {
      const all = stagedAnalyse(ingested, [], tb);
      const tAll = c();
      console.log(`  all ${n} as one batch: analyse ${both(n, tAll, 'articles')}`);
      console.log(`    ${counts(all)}`);
      console.log(`    per stage: ${stageLine(tb, n)}`);
      const bv = integrityViolations({ ...all, problems: [] });
      console.log(`  span/reference violations (batch): ${bv.length}${bv.length ? `\n    ${bv.slice(0, 10).join('\n    ')}` : ''}`);
      for (const c of stageCrashes(all)) failures.push({ page: 'batch', where: `analyse: ${c.stage} (${c.source})`, message: c.message });
    } catch (err) {
      failures.push({ page: 'batch', where: 'analyse (threw out of analyse())', message: (err as Error)?.stack ?? String(err) });
    }
    console.log(`  crashes (exceptions anywhere, and stage failures the pipeline reported as problems): ${failures.length}`);
    for (const f of failures) console.log(`    ${f.page} in ${f.where}:\n      ${f.message.split('\n').slice(0, 6).join('\n      ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summariseProblems(problems: Problem[]): string {
  const kinds = new Map<string, number>();
  for (const p of problems) {
    const msg = p.message.replace(/^.*?\.html: /, '');  // older messages repeated the input
    const key = /^is in (\w+)/.exec(msg)?.[0] ?? /^[^;(]+/.exec(msg)?.[0]?.trim() ?? msg;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  return [...kinds].map(([k, v]) => `${v}× ${k}`).join('; ') || 'none';
}

// ── 3. MEANTIME ────────────────────────────────────────────────────────────────────────────

/** A MEANTIME document as an article, its text rebuilt from tokens (bench/lib/meantime.ts). */
function meantimeArticle(path: string): Article {
  const xml = readFileSync(path, 'utf8');
  const { id, text } = rebuildMeantimeText(xml, path);
  const dct = /functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ?? /value="(\d{4}-\d{2}-\d{2})"[^>]*functionInDocument="CREATION_TIME"/.exec(xml)?.[1] ?? null;
  return textArticle(`mt-${id}`, text, { source: path, published: dct, publishedBasis: dct ? 'metadata' : null });
}

function meantime(): void {
  console.log('\n== MEANTIME: 120 Wikinews articles rebuilt from tokens ==');
  if (!existsSync(MEANTIME)) {
    console.log(`  ${MEANTIME} not found; skipped (the corpus lives in ../shared/datasets).`);
    return;
  }
  const files = readdirSync(MEANTIME)
    .flatMap((topic) => readdirSync(join(MEANTIME, topic)).filter((f) => f.endsWith('.xml')).map((f) => join(MEANTIME, topic, f)))
    .sort();
  const articles = files.map(meantimeArticle);
  const chars = articles.reduce((s, a) => s + a.text.length, 0);
  const t = zero();
  const failures: string[] = [];
  let violations = 0;
  const stop = stopwatch();
  for (const a of articles) {
    try {
      const b = stagedAnalyse([a], [], t);
      violations += integrityViolations({ ...b, problems: [] }).length;
      for (const c of stageCrashes(b)) failures.push(`${a.id} in ${c.stage}: ${c.message}`);
    } catch (err) {
      failures.push(`${a.id} (threw out of analyse()): ${String((err as Error)?.stack ?? err).split('\n')[0]}`);
    }
  }
  const total = stop();
  console.log(`  ${articles.length} articles, ${(chars / articles.length).toFixed(0)} characters on average`);
  console.log(`  one at a time: ${both(articles.length, total, 'articles')}; ${rate(chars / 1000, total.cpu)} k characters per CPU second`);
  console.log(`  per stage: ${stageLine(t, articles.length)}`);
  console.log(`  span/reference violations: ${violations} · crashes: ${failures.length}${failures.length ? `\n    ${failures.join('\n    ')}` : ''}`);
}

// ── optional: awkward texts at sizes the unit tests avoid ──────────────────────────────────
function pathological(): void {
  console.log('\n== awkward texts (--pathological) ==');
  const sentence = 'Foreign Minister Ayşe Demirağ said on Tuesday that Valdoria would accept a truce only if Kesmet withdrew its artillery.';
  const cases: [string, string][] = [
    ['a 100,000-character word', `${sentence} ${'a'.repeat(100_000)} ${sentence}`],
    ['a 10,000-word paragraph with no full stop', Array.from({ length: 1000 }, (_, i) => `delegates from Valdoria met envoys of Kesmet ${i} times on Monday and`).join(' ')],
    ['a quote of 5,000 words', `Demirağ said: “${'we will not give up the river and '.repeat(700)}end.” Talks resume on Monday.`],
    ['3,000 capitalised words', Array.from({ length: 3000 }, (_, i) => `Minister${String.fromCharCode(65 + (i % 26))}`).join(' ') + ' said.'],
  ];
  for (const [name, text] of cases) {
    const t = zero();
    const article = textArticle('odd', text, { published: '2026-03-10', publishedBasis: 'metadata' });
    const stop = stopwatch();
    try {
      const b = stagedAnalyse([article], [], t);
      const slowest = STAGES.reduce((a, b) => (t[a] >= t[b] ? a : b));
      console.log(`  ${name} (${text.length} chars): ${ms(stop().cpu)} CPU; slowest stage ${slowest} ${ms(t[slowest])} CPU`);
      for (const c of stageCrashes(b)) console.log(`  ${name}: CRASH in ${c.stage}: ${c.message}`);
    } catch (err) {
      console.log(`  ${name}: CRASH (threw out of analyse()): ${String((err as Error)?.stack ?? err).split('\n')[0]}`);
    }
  }
}

// ── optional: seeded random texts ──────────────────────────────────────────────────────────
function fuzz(batches: number): void {
  console.log(`\n== random texts (--fuzz ${batches}): ${batches} batches of 3 ==`);
  const t = zero();
  const failures: string[] = [];
  let violations = 0;
  let chars = 0;
  const stop = stopwatch();
  for (let seed = 5000; seed < 5000 + batches; seed++) {
    const texts = [0, 1, 2].map((k) => randomText(seed * 10 + k));
    chars += texts.reduce((n, x) => n + x.length, 0);
    const articles: Article[] = texts.map((text, k) => textArticle(`f${seed}-${k}`, text, {
      outlet: `Outlet ${k}`,
      published: k === 2 ? null : '2026-03-10',
      publishedBasis: k === 2 ? null : 'metadata',
    }));
    try {
      const b = stagedAnalyse(articles, [], t);
      for (const c of stageCrashes(b)) failures.push(`seed ${seed} in ${c.stage}: ${c.message}`);
      render(b);
      const v = integrityViolations({ ...b, problems: [] });
      violations += v.length;
      if (v.length) failures.push(`seed ${seed}: ${v.length} span violations, e.g. ${v[0]}`);
    } catch (err) {
      failures.push(`seed ${seed} (threw out of analyse() or render): ${String((err as Error)?.stack ?? err).split('\n')[0]}`);
    }
  }
  const total = stop();
  console.log(`  ${batches * 3} texts, ${chars} characters: ${both(batches * 3, total, 'articles')}`);
  console.log(`  per stage: ${stageLine(t, batches * 3)}`);
  console.log(`  crashes and violating batches: ${failures.length} (span violations ${violations})${failures.length ? `\n    ${failures.slice(0, 20).join('\n    ')}` : ''}`);
}

async function main(): Promise<void> {
  console.log('bench:pipeline — whole-pipeline speed and robustness (wall-clock and CPU time; the machine is shared, so CPU time is the steadier figure)');
  if (!process.argv.includes('--extras-only')) {
    await samples();
    await realPages();
    meantime();
  }
  if (process.argv.includes('--pathological')) pathological();
  const fuzzAt = process.argv.indexOf('--fuzz');
  if (fuzzAt >= 0) fuzz(Number(process.argv[fuzzAt + 1]) || 100);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
