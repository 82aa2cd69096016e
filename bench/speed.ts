// bench:speed — how fast a whole brief is, beside the usual JavaScript NLP stack, and how it grows.
//   A. The same 360 documents (MEANTIME English ×3, one batch, each run a new process, start
//      included): `parley brief` (compiled CLI, a worker per core), compromise + chrono-node
//      (people, organisations, places, dates: bench/peers/compromise-chrono.mjs) and wink-nlp
//      tokenising alone (bench/peers/wink-tokens.mjs). Articles per second and the ratios.
//   B. One brief of 100 / 250 / 300 / 500 / 1,000 real news pages (the Zyte article-extraction
//      pages, repeated, each copy made unique by a line of its own so that no two files are the
//      same): wall time, CPU time and peak memory (the child's maximum resident set, from
//      /usr/bin/time), and the growth per doubling from 250 to 1,000. Then the 300-page brief
//      with 1 and with 2 workers: the two brief.json files must be identical.
//   C. Writing brief.md and brief.html of synthetic briefs of 1,000 and 2,000 articles
//      (test/brief/synthetic.ts): milliseconds of CPU, and the ratio.
// `--crossover` instead times small batches with 1 and 2 workers (where the pool starts to pay).
// `--only A|B|C` runs one part. The machine may be shared: CPU time is printed beside wall time.
// Needs the compiled CLI (npm run bench:speed builds it) and ../shared/datasets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { rebuildMeantimeText } from './lib/meantime.js';

const DATASETS = join(PACKAGE_ROOT, '..', 'shared', 'datasets');
const MEANTIME = join(DATASETS, 'meantime-en', 'intra_cross-doc_annotation');
const PAGES = join(DATASETS, 'article-extraction-benchmark', 'html');
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

interface Run {
  wall: number;
  cpu: number;
  maxRssMb: number;
  status: number | null;
}

/** Run a node script as a child, timed from outside, with its CPU time and peak memory from
 * /usr/bin/time (the child's own figures, threads included). */
function run(script: string, scriptArgs: string[], env: NodeJS.ProcessEnv = {}): Run {
  const timeFile = join(tmpdir(), `parley-time-${process.pid}.txt`);
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, process.execPath, script, ...scriptArgs], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) process.stderr.write(`  ${script} exited with ${r.status}: ${(r.stderr ?? '').slice(-2000)}\n`);
  const [user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
  rmSync(timeFile, { force: true });
  return { wall, cpu: user + sys, maxRssMb: rssKb / 1024, status: r.status };
}

/** The faster of two runs (the machine is shared: the slower one met more of the others' work). */
function best(f: () => Run, times = 2): Run {
  let b: Run | null = null;
  for (let i = 0; i < times; i++) {
    const r = f();
    if (!b || r.wall < b.wall) b = r;
  }
  return b!;
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

function meantimeDir(copies: number, limit = Infinity): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-speed-mt-'));
  let n = 0;
  for (const corpus of readdirSync(MEANTIME).sort()) {
    for (const f of readdirSync(join(MEANTIME, corpus)).sort()) {
      if (n >= limit) break;
      const xml = readFileSync(join(MEANTIME, corpus, f), 'utf8');
      const { text } = rebuildMeantimeText(xml, f);
      const dct = /functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
      const front = dct ? `---\npublished: ${dct}\n---\n` : '';
      for (let c = 0; c < copies; c++) writeFileSync(join(dir, `${f.replace(/\.xml$/, '')}-${c}.txt`), `${front}${text}\n`);
      n++;
    }
  }
  return dir;
}

function partA(): void {
  console.log('\nA. MEANTIME English ×3, one batch, process start included');
  const dir = meantimeDir(3);
  const docs = readdirSync(dir).length;
  const out = mkdtempSync(join(tmpdir(), 'parley-speed-out-'));
  const parley = best(() => run(CLI, ['brief', dir, '--out', join(out, 'brief')]));
  const peer = best(() => run(join(PACKAGE_ROOT, 'bench', 'peers', 'compromise-chrono.mjs'), [dir, join(out, 'peer.json')]));
  const wink = best(() => run(join(PACKAGE_ROOT, 'bench', 'peers', 'wink-tokens.mjs'), [dir, join(out, 'wink.json')]));
  const version = (p: string) => (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  console.log(`  ${docs} documents; ${cpus().length} cores; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  const row = (name: string, r: Run) => console.log(`  ${name.padEnd(36)} ${f1(docs / r.wall).padStart(7)} articles/s  (${f1(r.wall)} s wall, ${f1(r.cpu)} s CPU, ${Math.round(r.maxRssMb)} MB peak)`);
  row('parley brief (whole brief)', parley);
  row(`compromise ${version('compromise')} + chrono-node ${version('chrono-node')}`, peer);
  row(`wink-nlp ${version('wink-nlp')} tokenising alone`, wink);
  console.log(`  parley / compromise+chrono: ${f2(peer.wall / parley.wall)}× by wall time (${f2(peer.cpu / parley.cpu)}× by CPU time); must be ≥ 3`);
  console.log(`  parley / wink tokenising:   ${f2(wink.wall / parley.wall)}× by wall time (${f2(wink.cpu / parley.cpu)}× by CPU time); must be ≥ 0.10`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}

/** `n` real pages as HTML files, the 181 repeated; every copy carries a line of its own. */
function pagesDir(n: number): string {
  const names = readdirSync(PAGES).filter((f) => f.endsWith('.html.gz')).sort();
  const html = names.map((f) => gunzipSync(readFileSync(join(PAGES, f))).toString('utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'parley-speed-pages-'));
  for (let i = 0; i < n; i++) {
    const k = i % html.length;
    const copy = Math.floor(i / html.length);
    const page = copy === 0 ? html[k] : html[k].replace(/<\/body>/i, `<p>Reprinted as edition ${copy + 1} of page ${k + 1}.</p></body>`);
    writeFileSync(join(dir, `${names[k].replace(/\.html\.gz$/, '')}-${copy}.html`), page);
  }
  return dir;
}

function partB(): void {
  console.log('\nB. One brief of n real news pages (Zyte pages repeated, each copy unique)');
  const rows: [number, Run][] = [];
  for (const n of [100, 250, 300, 500, 1000]) {
    const dir = pagesDir(n);
    const out = mkdtempSync(join(tmpdir(), 'parley-speed-out-'));
    const r = run(CLI, ['brief', dir, '--out', out]);
    rows.push([n, r]);
    const analysed = existsSync(join(out, 'brief.json')) ? (JSON.parse(readFileSync(join(out, 'brief.json'), 'utf8')) as { articles: unknown[] }).articles.length : 0;
    console.log(`  ${String(n).padStart(5)} pages: ${f1(r.wall).padStart(6)} s wall, ${f1(r.cpu).padStart(6)} s CPU, peak ${Math.round(r.maxRssMb)} MB; ${analysed} articles in the brief; ${f1(analysed / r.wall)} articles/s`);
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  const at = (n: number) => rows.find(([m]) => m === n)![1];
  for (const [a, b] of [
    [250, 500],
    [500, 1000],
  ]) {
    console.log(`  ${a} → ${b}: ×${f2(at(b).wall / at(a).wall)} wall, ×${f2(at(b).cpu / at(a).cpu)} CPU (must be ≤ 2.2)`);
  }
  console.log(`  peak memory at 1,000: ${Math.round(at(1000).maxRssMb)} MB (must be ≤ 1024)`);

  const dir = pagesDir(300);
  const out = mkdtempSync(join(tmpdir(), 'parley-speed-out-'));
  const one = run(CLI, ['brief', dir, '--out', join(out, '1'), '--workers', '1']);
  const two = run(CLI, ['brief', dir, '--out', join(out, '2'), '--workers', '2']);
  const same = readFileSync(join(out, '1', 'brief.json'), 'utf8') === readFileSync(join(out, '2', 'brief.json'), 'utf8');
  console.log(`  300 pages with 1 worker: ${f1(one.wall)} s wall, ${f1(one.cpu)} s CPU; with 2: ${f1(two.wall)} s wall, ${f1(two.cpu)} s CPU; brief.json ${same ? 'identical' : 'DIFFERENT'}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  if (!same) process.exitCode = 1;
}

async function partC(): Promise<void> {
  console.log('\nC. Writing brief.md and brief.html of a synthetic brief (test/brief/synthetic.ts), CPU ms');
  const { syntheticBrief } = await import('../test/brief/synthetic.js');
  const { buildStory } = await import('../src/compare/story.js');
  const { markdownChunks } = await import('../src/brief/markdown.js');
  const { htmlChunks } = await import('../src/brief/html.js');
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const drain = (chunks: Iterable<string>) => {
    let n = 0;
    for (const c of chunks) n += c.length;
    return n;
  };
  const times: number[] = [];
  for (const n of [1000, 2000]) {
    const b = syntheticBrief(n);
    const c = cpu();
    const story = buildStory(b);
    const size = drain(markdownChunks(b, story)) + drain(htmlChunks(b, story));
    times.push(cpu() - c);
    console.log(`  ${n} articles: ${Math.round(times[times.length - 1])} ms CPU, ${f1(size / 1e6)} M characters`);
  }
  console.log(`  1,000 → 2,000: ×${f2(times[1] / times[0])} (must be < 2.5)`);
}

function crossover(): void {
  console.log('\nCrossover: small batches of MEANTIME documents, 1 worker (this thread) vs 2');
  for (const n of [2, 4, 8, 12, 16, 24, 32]) {
    const dir = meantimeDir(1, n);
    const out = mkdtempSync(join(tmpdir(), 'parley-speed-out-'));
    // A threshold of 0 lets the pool start however small the batch.
    const one = best(() => run(CLI, ['brief', dir, '--out', join(out, '1'), '--workers', '1']));
    const two = best(() => run(CLI, ['brief', dir, '--out', join(out, '2'), '--workers', '2'], { PARLEY_POOL_THRESHOLD: '0' }));
    console.log(`  ${String(n).padStart(3)} articles: 1 worker ${f2(one.wall)} s wall (${f2(one.cpu)} s CPU), 2 workers ${f2(two.wall)} s wall (${f2(two.cpu)} s CPU)`);
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

if (!existsSync(MEANTIME) || !existsSync(PAGES)) {
  console.log(`../shared/datasets (MEANTIME, the Zyte pages) not found; skipped.`);
} else if (!existsSync(CLI)) {
  console.log(`${CLI} not found: run npm run build first (npm run bench:speed does).`);
  process.exitCode = 1;
} else if (args.includes('--crossover')) {
  crossover();
} else {
  console.log(`bench:speed on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`);
  if (!only || only === 'A') partA();
  if (!only || only === 'B') partB();
  if (!only || only === 'C') await partC();
}
