// bench:serve — what the workspace's per-article cache buys: adding one article to a 50-article
// story, against analysing the story from scratch. The bar (issue #14): adding one article takes
// under 25% of the time of the story from scratch.
//
// The work is the workspace's own job (src/serve/work.ts) on a real SQLite store, called directly
// (no HTTP, no worker thread, so the figures are the job's alone):
//   from scratch        a story of 50 articles nobody has read: read (ingest) and analyse all 50,
//                       then the cross-article stages;
//   analyse from scratch the same 50 already read, with the cache emptied: analyse all 50 again;
//   add one             a 51st article: read and analyse it, take the other 50 from the cache, then
//                       the cross-article stages (median of 3: add, time, remove, add another).
// Texts: our own (bench/gold and samples/, shipped with Parley, always run) and, when
// ../shared/datasets is there, 51 real news pages of the article-extraction benchmark, which are
// longer. A warm-up job runs first so that loading models is not counted in the from-scratch time.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { pipelineAnalyzer } from '../src/serve/analyzer.js';
import { SqliteStore } from '../src/serve/store.js';
import { forgetAnalysesInMemory, runStoryJob, type WorkOptions } from '../src/serve/work.js';

const STORY = 50;
const BAR = 0.25;
const PAGES = join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'article-extraction-benchmark', 'html');

interface Input {
  name: string;
  bytes: Buffer;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.(txt|html?)$/.test(f) && !/README/i.test(f) ? [p] : [];
    });
}

function ownTexts(): Input[] {
  const dirs = ['bench/gold/negotiations', 'bench/gold/compare', 'bench/gold/positions', 'bench/gold/quotes', 'samples'].map((d) => join(PACKAGE_ROOT, d));
  return dirs.flatMap(walk).map((p) => ({ name: `${basename(join(p, '..'))}-${basename(p)}`, bytes: readFileSync(p) }));
}

function realPages(): Input[] {
  return readdirSync(PAGES)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({ name: f.replace(/\.gz$/, ''), bytes: gunzipSync(readFileSync(join(PAGES, f))) }));
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed<T>(run: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const w = performance.now();
  const c = cpuMs();
  const value = await run();
  return { wall: performance.now() - w, cpu: cpuMs() - c, value };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bench(label: string, inputs: Input[]): Promise<boolean> {
  if (inputs.length < STORY + 4) {
    console.log(`${label}: only ${inputs.length} texts, need ${STORY + 4}; skipped`);
    return true;
  }
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-serve-'));
  const store = new SqliteStore(join(dir, 'parley.db'));
  const options: WorkOptions = { tmpDir: join(dir, 'tmp'), allowPrivateHosts: false };
  try {
    // Warm-up: load the language model, the lexicons and the JIT on a story of its own.
    const warm = await store.createStory('warm-up');
    await store.addArticle(warm.id, { kind: 'file', name: inputs[STORY].name, bytes: inputs[STORY].bytes, overrides: {} });
    await runStoryJob(store, pipelineAnalyzer, warm.id, options);

    const story = await store.createStory(label);
    for (const f of inputs.slice(0, STORY)) await store.addArticle(story.id, { kind: 'file', name: f.name, bytes: f.bytes, overrides: {} });
    const scratch = await timed(() => runStoryJob(store, pipelineAnalyzer, story.id, options));
    const articles = scratch.value!.articles;

    store.db.prepare('DELETE FROM annotations').run();
    forgetAnalysesInMemory();
    const analyseOnly = await timed(() => runStoryJob(store, pipelineAnalyzer, story.id, options));

    const adds: { wall: number; cpu: number }[] = [];
    let last = null;
    // A different article each time: one added before would come from the cache.
    for (let i = 0; i < 3; i++) {
      const next = inputs[STORY + 1 + i];
      const added = await store.addArticle(story.id, { kind: 'file', name: next.name, bytes: next.bytes, overrides: {} });
      const run = await timed(() => runStoryJob(store, pipelineAnalyzer, story.id, options));
      adds.push(run);
      last = run.value;
      await store.removeArticle(story.id, added!.article.id);
    }
    const add = { wall: median(adds.map((a) => a.wall)), cpu: median(adds.map((a) => a.cpu)) };
    const ratio = add.wall / scratch.wall;
    const ratioCpu = add.cpu / scratch.cpu;
    const ratioAnalyse = add.wall / analyseOnly.wall;
    const pass = ratio < BAR && ratioCpu < BAR;
    console.log(`\n${label}: a story of ${STORY} inputs (${articles} read as articles), then a ${STORY + 1}st`);
    console.log(`  from scratch (read + analyse ${articles})          ${s(scratch.wall)} wall, ${s(scratch.cpu)} CPU`);
    console.log(`  analyse from scratch (already read, no cache) ${s(analyseOnly.wall)} wall, ${s(analyseOnly.cpu)} CPU`);
    console.log(
      `  add one article (median of 3)                 ${s(add.wall)} wall, ${s(add.cpu)} CPU  [${last?.analysed} analysed, ${last?.cached} from the cache; runs: ${adds.map((a) => s(a.wall)).join(', ')}]`,
    );
    console.log(`  add one / from scratch: ${(ratio * 100).toFixed(1)}% wall, ${(ratioCpu * 100).toFixed(1)}% CPU — bar < ${BAR * 100}%: ${pass ? 'PASS' : 'FAIL'}`);
    console.log(`  add one / analyse from scratch (articles already read): ${(ratioAnalyse * 100).toFixed(1)}% wall`);
    return pass;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('bench:serve — the workspace job (src/serve/work.ts) on SQLite; this machine is shared, so CPU time is printed beside wall time');
let ok = await bench('own texts (bench/gold, samples)', ownTexts());
try {
  statSync(PAGES);
  ok = (await bench('real news pages (../shared/datasets/article-extraction-benchmark)', realPages())) && ok;
} catch {
  console.log(`\nreal news pages: ${PAGES} is not there; skipped (it is not shipped with Parley)`);
}
process.exitCode = ok ? 0 : 1;
