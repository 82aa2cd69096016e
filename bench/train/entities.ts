// npm run train:entities — trains the name tagger (src/entities/model/) and writes its weights to
// data/models/entities.bin.gz. Data, from ../shared/datasets:
//   train: GUM train documents (splits.md), all of MEANTIME English, ECB+ topics other than the
//          validation topics and the ECB+ development topics below; plus title-cased copies of a
//          few sentences per GUM/MEANTIME document as headlines;
//   dev:   GUM dev documents (epochs, temperature) and the ECB+ development topics.
// GUM test and the ECB+ validation topics are never read here.
// Options: --epochs N, --runs K, --seed N, --min-count N, --headlines N, --no-write (measure only),
// --without-meantime TOPIC (leave one MEANTIME topic out, for bench/train/meantime-cv.ts),
// --out PATH (write the weights elsewhere than data/models/), --gum-fold K/F (cross-validation on GUM
// train, for comparing feature sets on more than GUM dev's 12 documents: the GUM train documents
// whose index mod F is K are left out of training and scored instead of GUM dev; implies --no-write),
// --clusters (add the word-cluster features, data/entities/word-clusters.bin.gz; the weights file
// records it, and the tagger turns them on when it loads such weights).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataPath } from '../../src/util/data.js';
import { HashSink, featureDoc, tokenFeatures } from '../../src/entities/model/features.js';
import { forwardBackward, pathProbability, viterbi, type Lattice } from '../../src/entities/model/decode.js';
import { LABELS, NAME_TYPES, labelName, spansOf, tagsOf } from '../../src/entities/model/labels.js';
import { encodeModel, type ModelWeights } from '../../src/entities/model/store.js';
import { MODEL_FILE } from '../../src/entities/model/tagger.js';
import { ECB_DEV_TOPICS, ECB_VALIDATION_TOPICS, ecbAvailable } from '../lib/ecbplus.js';
import { gumAvailable } from '../lib/gum-mentions.js';
import { loadMeantimeDocs, meantimeAvailable } from '../lib/meantime.js';
import { ecbNerDocs, gumNerDocs, headlineCopies, meantimeNerDocs, type GoldName, type NerDoc } from './ner-data.js';
import { Perceptron, seeded, shuffle, type Example } from './perceptron.js';

const ALL_ECB_TOPICS = Array.from({ length: 35 }, (_, i) => i + 1);
export const ECB_TRAIN_TOPICS = ALL_ECB_TOPICS.filter((t) => !ECB_VALIDATION_TOPICS.includes(t) && !ECB_DEV_TOPICS.includes(t));

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const EPOCHS = arg('--epochs', 12);
const SEED = arg('--seed', 11);
const MIN_COUNT = arg('--min-count', 2);
const HEADLINES_PER_DOC = arg('--headlines', 2);
/** Models trained on different sentence orders and averaged (--runs K). */
const RUNS = arg('--runs', 3);
const VERBOSE = process.argv.includes('--verbose');
const CLUSTERS = process.argv.includes('--clusters');

/** Feature hash → dense id, and back. Features are known by their hashes only (see features.ts). */
interface Dictionary {
  ids: Map<number, number>;
  hashes: number[];
}

function sentencesOf(d: NerDoc): number[] {
  if (d.sentences) return d.sentences;
  const out: number[] = [];
  d.doc.sentences.forEach((s, si) => {
    for (let k = s.firstToken; k < s.endToken; k++) {
      if (d.fixed[k] >= 0) {
        out.push(si);
        return;
      }
    }
  });
  return out;
}

const meantimeTopics = new Map<string, string>();
/** Whether a MEANTIME document belongs to a topic corpus ("corpus_airbus"). */
function meantimeTopicOf(id: string, topic: string): boolean {
  if (meantimeTopics.size === 0) for (const m of loadMeantimeDocs()) meantimeTopics.set(m.id, m.topic);
  return meantimeTopics.get(id) === topic;
}

/** Per token of a sentence: its feature hashes. */
function sentenceFeatures(d: NerDoc, si: number): number[][] {
  const fd = featureDoc(d.doc);
  const s = d.doc.sentences[si];
  const out: number[][] = [];
  let current: number[] = [];
  const sink = new HashSink((h) => current.push(h));
  for (let k = s.firstToken; k < s.endToken; k++) {
    current = [];
    tokenFeatures(fd, k, sink, CLUSTERS);
    out.push(current);
  }
  return out;
}

function encode(feats: number[][], dict: Dictionary, fixed: Int8Array): Example {
  let total = 0;
  for (const f of feats) total += f.length;
  const ids = new Int32Array(total);
  const offsets = new Int32Array(feats.length + 1);
  let j = 0;
  feats.forEach((f, k) => {
    offsets[k] = j;
    for (const h of f) ids[j++] = dict.ids.get(h) ?? -1;
  });
  offsets[feats.length] = j;
  let complete = true;
  for (const y of fixed) if (y < 0) complete = false;
  return { feats: ids, offsets, fixed, complete };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Exact typed matching of names, per type and over PER/ORG/LOC. */
export function scoreNames(gold: GoldName[], pred: GoldName[], counts: Record<string, Counts>) {
  const key = (n: GoldName) => `${n.start}:${n.end}:${n.type}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  const bump = (type: string, field: keyof Counts) => {
    for (const k of [type, ...(type === 'MISC' ? [] : ['PER+ORG+LOC'])]) {
      counts[k] ??= { tp: 0, fp: 0, fn: 0 };
      counts[k][field]++;
    }
  };
  for (const n of pred) bump(n.type, g.has(key(n)) ? 'tp' : 'fp');
  for (const n of gold) if (!p.has(key(n))) bump(n.type, 'fn');
}

export const f1 = (c: Counts | undefined) => {
  if (!c) return { p: 0, r: 0, f: 0 };
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

interface Averaged {
  w: Float64Array;
  trans: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

/** Decode every sentence of a document with dense weights; names with their probability. */
function decodeDoc(d: NerDoc, dict: Dictionary, m: Averaged, model: Perceptron, temperature: number | null) {
  const out: (GoldName & { prob: number })[] = [];
  d.doc.sentences.forEach((s, si) => {
    const ex = encode(sentenceFeatures(d, si), dict, new Int8Array(s.endToken - s.firstToken).fill(-1));
    const lat: Lattice = { emissions: model.emissions(ex, m.w), n: s.endToken - s.firstToken, transitions: m.trans, start: m.start, end: m.end };
    const tags = viterbi(lat);
    const spans = spansOf(tags);
    const marg = temperature ? forwardBackward(lat, temperature) : null;
    for (const sp of spans) {
      const prob = marg ? pathProbability(marg, sp.first, tagsOf([{ first: 0, last: sp.last - sp.first, type: sp.type }], sp.last - sp.first + 1)) : 1;
      out.push({ start: d.doc.tokens[s.firstToken + sp.first].start, end: d.doc.tokens[s.firstToken + sp.last].end, type: NAME_TYPES[sp.type], prob });
    }
  });
  return out;
}

function report(label: string, counts: Record<string, Counts>) {
  const parts = ['PER', 'ORG', 'LOC', 'MISC', 'PER+ORG+LOC'].map((k) => `${k} ${f1(counts[k]).f.toFixed(3)}`);
  console.log(`  ${label}: exact typed F1 ${parts.join(' | ')}`);
}

function main() {
  if (!gumAvailable() || !meantimeAvailable() || !ecbAvailable()) {
    console.log('train:entities: ../shared/datasets (gum, meantime-en, ecbplus) is absent; nothing to train on.');
    return;
  }
  const t0 = performance.now();
  const fold = process.argv.includes('--gum-fold') ? process.argv[process.argv.indexOf('--gum-fold') + 1].split('/').map(Number) : null;
  const gumAll = gumNerDocs('train');
  const gumTrain = fold ? gumAll.filter((_, i) => i % fold[1] !== fold[0]) : gumAll;
  const leftOut = process.argv.includes('--without-meantime') ? process.argv[process.argv.indexOf('--without-meantime') + 1] : null;
  const meantime = meantimeNerDocs().filter((d) => !leftOut || !meantimeTopicOf(d.id, leftOut));
  const ecbTrain = ecbNerDocs(ECB_TRAIN_TOPICS);
  const headlines = [...gumTrain, ...meantime].map((d) => headlineCopies(d, HEADLINES_PER_DOC)).filter((d): d is NerDoc => d !== null);
  const gumDev = fold ? gumAll.filter((_, i) => i % fold[1] === fold[0]) : gumNerDocs('dev');
  if (fold) console.log(`GUM train fold ${fold[0]}/${fold[1]}: ${gumDev.length} documents scored in place of GUM dev, not trained on`);
  const ecbDev = ecbNerDocs(ECB_DEV_TOPICS);
  const train = [...gumTrain, ...meantime, ...ecbTrain, ...headlines];
  const t1 = performance.now();

  // Features of every training sentence; keep those seen at least MIN_COUNT times.
  const raw: { feats: number[][]; fixed: Int8Array }[] = [];
  const counts = new Map<number, number>();
  for (const d of train) {
    for (const si of sentencesOf(d)) {
      const s = d.doc.sentences[si];
      const feats = sentenceFeatures(d, si);
      for (const f of feats) for (const x of f) counts.set(x, (counts.get(x) ?? 0) + 1);
      raw.push({ feats, fixed: d.fixed.slice(s.firstToken, s.endToken) });
    }
  }
  const dict: Dictionary = { ids: new Map(), hashes: [] };
  for (const [f, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (c < MIN_COUNT) continue;
    dict.ids.set(f, dict.hashes.length);
    dict.hashes.push(f);
  }
  const examples = raw.map((r) => encode(r.feats, dict, r.fixed));
  const t2 = performance.now();
  const tokens = examples.reduce((n, e) => n + e.fixed.length, 0);
  console.log(
    `data: ${gumTrain.length} GUM train + ${meantime.length} MEANTIME + ${ecbTrain.length} ECB+ (topics ${ECB_TRAIN_TOPICS.join(',')}) documents + ${headlines.length} headline copies; ` +
      `${examples.length} sentences, ${tokens} tokens; ${dict.hashes.length} features (of ${counts.size} seen); read in ${((t1 - t0) / 1000).toFixed(1)} s, features in ${((t2 - t1) / 1000).toFixed(1)} s`,
  );

  // RUNS models on different sentence orders, their averaged weights averaged again: the order a
  // perceptron sees sentences in moves dev F1 by a point or two, and the mean of several orders
  // does not depend on one lucky or unlucky order.
  let model = new Perceptron(dict.hashes.length);
  const runs: Averaged[] = [];
  const devF1 = (m: Averaged) => {
    const c: Record<string, Counts> = {};
    for (const d of gumDev) scoreNames(d.names, decodeDoc(d, dict, m, model, null), c);
    return f1(c['PER+ORG+LOC']).f;
  };
  for (let run = 0; run < RUNS; run++) {
    model = new Perceptron(dict.hashes.length);
    const rand = seeded(SEED + run);
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      let wrong = 0;
      for (const ex of shuffle(examples, rand)) if (model.learn(ex)) wrong++;
      if (epoch === EPOCHS || VERBOSE) console.log(`run ${run + 1} epoch ${epoch}: ${wrong} of ${examples.length} sentences wrong; GUM dev PER+ORG+LOC exact F1 ${devF1(model.averaged()).toFixed(3)} (${((performance.now() - t2) / 1000).toFixed(0)} s)`);
    }
    runs.push(model.averaged());
  }
  const mean = (pick: (a: Averaged) => Float64Array) => {
    const out = new Float64Array(pick(runs[0]).length);
    for (const r of runs) {
      const v = pick(r);
      for (let i = 0; i < out.length; i++) out[i] += v[i] / runs.length;
    }
    return out;
  };
  const avg: Averaged = { w: mean((r) => r.w), trans: mean((r) => r.trans), start: mean((r) => r.start), end: mean((r) => r.end) };
  const best = { epoch: EPOCHS, f: devF1(avg) };
  console.log(`mean of ${RUNS} runs × ${EPOCHS} epochs: GUM dev PER+ORG+LOC exact F1 ${best.f.toFixed(3)}`);

  // Temperature: the divisor of the scores that makes span probabilities honest on GUM dev.
  const scored: { prob: number; right: boolean }[][] = [];
  const temps = [1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30];
  let bestT = { t: 1, loss: Infinity };
  for (const t of temps) {
    let loss = 0;
    const rows: { prob: number; right: boolean }[] = [];
    for (const d of gumDev) {
      const gold = new Set(d.names.map((n) => `${n.start}:${n.end}:${n.type}`));
      for (const p of decodeDoc(d, dict, avg, model, t)) {
        const right = gold.has(`${p.start}:${p.end}:${p.type}`);
        const q = Math.min(1 - 1e-6, Math.max(1e-6, p.prob));
        loss -= right ? Math.log(q) : Math.log(1 - q);
        rows.push({ prob: p.prob, right });
      }
    }
    scored.push(rows);
    if (loss < bestT.loss) bestT = { t, loss };
  }
  console.log(`temperature ${bestT.t} (log loss of span probabilities on GUM dev)`);

  const dev: Record<string, Counts> = {};
  for (const d of gumDev) scoreNames(d.names, decodeDoc(d, dict, avg, model, null), dev);
  report('GUM dev, raw tagger', dev);
  if (fold) {
    const c = dev['PER+ORG+LOC'];
    console.log(`  fold counts PER+ORG+LOC: tp ${c?.tp ?? 0} fp ${c?.fp ?? 0} fn ${c?.fn ?? 0}`);
  }
  const ecb: Record<string, Counts> = {};
  for (const d of ecbDev) {
    // Only known names count on ECB+: recall of its annotated names, by type.
    const pred = decodeDoc(d, dict, avg, model, null);
    const got = new Set(pred.map((n) => `${n.start}:${n.end}:${n.type}`));
    for (const n of d.names) {
      ecb[n.type] ??= { tp: 0, fp: 0, fn: 0 };
      ecb[n.type][got.has(`${n.start}:${n.end}:${n.type}`) ? 'tp' : 'fn']++;
    }
  }
  console.log(`  ECB+ dev topics ${ECB_DEV_TOPICS.join(',')}, raw tagger, exact typed recall of annotated names: ${['PER', 'ORG', 'LOC', 'MISC'].map((k) => `${k} ${f1(ecb[k]).r.toFixed(3)} (${ecb[k]?.tp ?? 0}/${(ecb[k]?.tp ?? 0) + (ecb[k]?.fn ?? 0)})`).join(' | ')}`);

  // Reliability of span probabilities on GUM dev at the chosen temperature.
  const rows = scored[temps.indexOf(bestT.t)];
  const bins = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];
  console.log('  reliability (GUM dev): probability bin → names, share exactly right');
  for (let b = 0; b + 1 < bins.length; b++) {
    const inBin = rows.filter((r) => r.prob >= bins[b] && r.prob < bins[b + 1]);
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((s, r) => s + r.prob, 0) / inBin.length;
    console.log(`    [${bins[b].toFixed(2)}, ${Math.min(1, bins[b + 1]).toFixed(2)}): ${String(inBin.length).padStart(4)} names, mean p ${mean.toFixed(3)}, right ${(inBin.filter((r) => r.right).length / inBin.length).toFixed(3)}`);
  }

  if (process.argv.includes('--no-write') || fold) return;
  const weights = pack(dict, avg, bestT.t, {
    epochs: EPOCHS,
    runs: RUNS,
    seed: SEED,
    sentences: examples.length,
    tokens,
    gum: `${gumTrain.length} train documents`,
    meantime: `${meantime.length} documents (annotated sentences)`,
    ecbplus: `topics ${ECB_TRAIN_TOPICS.join(',')}`,
    headlineCopies: headlines.length,
    devGumF1: Number(best.f.toFixed(4)),
  });
  const path = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : dataPath(MODEL_FILE);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = encodeModel(weights);
  writeFileSync(path, bytes);
  console.log(`wrote ${path}: ${weights.meta.features} features, ${(bytes.length / 1e6).toFixed(2)} MB; total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** Keep the features whose weights matter; store weights as 16-bit integers on one scale. */
function pack(dict: Dictionary, avg: Averaged, temperature: number, training: Record<string, unknown>): ModelWeights {
  let maxAbs = 0;
  for (const v of avg.w) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 32767;
  const keep: number[] = [];
  for (let f = 0; f < dict.hashes.length; f++) {
    let big = false;
    for (let y = 0; y < LABELS && !big; y++) if (Math.abs(avg.w[f * LABELS + y]) >= scale * 2) big = true;
    if (big) keep.push(f);
  }
  // Ids were given in hash order, so the file does not depend on the order features were first seen.
  const hashes = Uint32Array.from(keep.map((f) => dict.hashes[f]));
  const weights = new Int16Array(keep.length * LABELS);
  keep.forEach((f, r) => {
    for (let y = 0; y < LABELS; y++) weights[r * LABELS + y] = Math.max(-32767, Math.min(32767, Math.round(avg.w[f * LABELS + y] / scale)));
  });
  const labels = Array.from({ length: LABELS }, (_, y) => labelName(y));
  return {
    meta: { format: 'parley-ner-1', labels, temperature, scale, features: keep.length, ...(CLUSTERS ? { clusters: true } : {}), training },
    hashes,
    weights,
    transitions: Float32Array.from(avg.trans),
    start: Float32Array.from(avg.start),
    end: Float32Array.from(avg.end),
  };
}

main();
