// Article-body extraction benchmark on the Zyte article-extraction-benchmark pages: our HTML
// ingest against Readability.js on linkedom alone, with the benchmark's own metric (4-gram
// shingles of \w+ tokens; per-page precision and recall averaged; F1 from the averages).
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractHtmlArticle } from '../src/ingest/html/index.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dir = join(root, '..', 'shared', 'datasets', 'article-extraction-benchmark');
if (!existsSync(join(dir, 'ground-truth.json'))) {
  console.log(`bench:extract: dataset not found at ${dir}; skipped.`);
  process.exit(0);
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = tokens.slice(i, i + 4).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
function score(gold: string, predicted: string): { tp: number; fp: number; fn: number } {
  const g = shingles(gold);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of p) {
    const m = g.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of g) fn += Math.max(0, m - (p.get(k) ?? 0));
  return { tp, fp, fn };
}

interface Tally {
  p: number[];
  r: number[];
  ms: number;
  perPage: { id: string; p: number; r: number }[];
}
const tally = (): Tally => ({ p: [], r: [], ms: 0, perPage: [] });
function add(t: Tally, id: string, gold: string, predicted: string) {
  const { tp, fp, fn } = score(gold, predicted);
  const p = tp + fp > 0 ? tp / (tp + fp) : NaN;
  const r = tp + fn > 0 ? tp / (tp + fn) : NaN;
  if (!Number.isNaN(p)) t.p.push(p);
  if (!Number.isNaN(r)) t.r.push(r);
  t.perPage.push({ id, p, r });
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
function summary(t: Tally, pages: number) {
  const P = mean(t.p);
  const R = mean(t.r);
  return { P, R, F1: (2 * P * R) / (P + R), pagesPerSecond: pages / (t.ms / 1000) };
}

const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const ids = Object.keys(gold).sort();
const only = process.argv.slice(2);
const ours = tally();
const peer = tally();
for (const id of ids) {
  if (only.length && !only.includes(id)) continue;
  const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
  let t = performance.now();
  const mine = extractHtmlArticle(html, gold[id].url).text;
  ours.ms += performance.now() - t;
  add(ours, id, gold[id].articleBody, mine);

  t = performance.now();
  const { document } = parseHTML(html);
  const parsed = new Readability(document as unknown as Document).parse();
  peer.ms += performance.now() - t;
  add(peer, id, gold[id].articleBody, parsed?.textContent ?? '');
}
const n = ours.perPage.length;
const a = summary(ours, n);
const b = summary(peer, n);
const fmt = (x: number) => x.toFixed(3);
console.log(`article-extraction-benchmark: ${n} pages`);
console.log(`  parley ingest     P ${fmt(a.P)}  R ${fmt(a.R)}  F1 ${fmt(a.F1)}  ${a.pagesPerSecond.toFixed(1)} pages/s`);
console.log(`  Readability.js    P ${fmt(b.P)}  R ${fmt(b.R)}  F1 ${fmt(b.F1)}  ${b.pagesPerSecond.toFixed(1)} pages/s`);
console.log(`  ratio (parley / Readability)  F1 ${(a.F1 / b.F1).toFixed(3)}  speed ${(a.pagesPerSecond / b.pagesPerSecond).toFixed(2)}`);
if (process.env.BENCH_WORST) {
  const worst = [...ours.perPage].sort((x, y) => (x.p + x.r) - (y.p + y.r)).slice(0, Number(process.env.BENCH_WORST));
  for (const w of worst) console.log(`  worst ${w.id}  P ${fmt(w.p)}  R ${fmt(w.r)}`);
}
