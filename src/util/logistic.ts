// A small L2-regularised logistic regression over named sparse features: the confidence models
// of the attribution, position, condition, discrepancy and framing stages. Training is full-batch
// gradient descent in a fixed order (deterministic); a model is a JSON file in data/models/ with
// its weights, its threshold and the reliability table it was calibrated with.
import { loadJson } from './data.js';

export type Features = Record<string, number>;

export interface LogisticModel {
  name: string;
  /** What it was trained on, for the model card and the reader of the file. */
  trainedOn: string;
  bias: number;
  weights: Record<string, number>;
  /** Items scoring at or above it are shown by default; below it they are marked uncertain. */
  threshold: number;
  /** Cross-validated reliability on the training data: [from, to, n, share correct]. */
  reliability?: [number, number, number, number][];
}

export interface Example {
  x: Features;
  y: 0 | 1;
  /** Examples of one group (a story) are held out together in cross-validation. */
  group?: string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function score(model: Pick<LogisticModel, 'bias' | 'weights'>, x: Features): number {
  let z = model.bias;
  for (const k in x) {
    const w = model.weights[k];
    if (w !== undefined) z += w * x[k];
  }
  return sigmoid(z);
}

export interface TrainOptions {
  l2?: number;
  epochs?: number;
  rate?: number;
}

/** Fit weights by full-batch gradient descent; the same examples in the same order give the same model. */
export function train(examples: Example[], options: TrainOptions = {}): { bias: number; weights: Record<string, number> } {
  const l2 = options.l2 ?? 0.01;
  const epochs = options.epochs ?? 400;
  const rate = options.rate ?? 0.5;
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.x)))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => ({ idx: Object.keys(e.x).map((k) => index.get(k)!), val: Object.values(e.x), y: e.y }));
  const w = new Float64Array(names.length);
  let b = 0;
  const n = Math.max(1, rows.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(names.length);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (let j = 0; j < r.idx.length; j++) z += w[r.idx[j]] * r.val[j];
      const err = sigmoid(z) - r.y;
      gb += err;
      for (let j = 0; j < r.idx.length; j++) grad[r.idx[j]] += err * r.val[j];
    }
    b -= (rate * gb) / n;
    for (let i = 0; i < w.length; i++) w[i] -= rate * (grad[i] / n + l2 * w[i]);
  }
  const weights: Record<string, number> = {};
  names.forEach((name, i) => {
    if (Math.abs(w[i]) > 1e-6) weights[name] = Math.round(w[i] * 1e4) / 1e4;
  });
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}

/** Scores for every example from models that never saw its group (leave-one-group-out), so the
 * threshold and the reliability table are not read off the data the weights were fitted to. */
export function crossValidated(examples: Example[], options: TrainOptions = {}): number[] {
  const groups = [...new Set(examples.map((e) => e.group ?? ''))].sort();
  const out = new Array<number>(examples.length).fill(0.5);
  if (groups.length < 2) {
    const m = train(examples, options);
    return examples.map((e) => score(m, e.x));
  }
  for (const g of groups) {
    const m = train(examples.filter((e) => (e.group ?? '') !== g), options);
    examples.forEach((e, i) => {
      if ((e.group ?? '') === g) out[i] = score(m, e.x);
    });
  }
  return out;
}

/** The lowest threshold at which the items scoring at or above it are right at least `target` of
 * the time (at least `minShown` of them), or 1 when none is. */
export function chooseThreshold(scores: number[], labels: (0 | 1)[], target: number, minShown = 5): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[b] - scores[a]);
  let right = 0;
  let best = 1;
  order.forEach((i, k) => {
    right += labels[i];
    const shown = k + 1;
    const next = order[k + 1];
    // Only cut between different scores: ties are shown or hidden together.
    if (next !== undefined && scores[next] === scores[i]) return;
    if (shown >= minShown && right / shown >= target) best = scores[i];
  });
  return best;
}

export function reliabilityTable(scores: number[], labels: (0 | 1)[], bins = 5): [number, number, number, number][] {
  const rows: [number, number, number, number][] = Array.from({ length: bins }, (_, i) => [i / bins, (i + 1) / bins, 0, 0]);
  scores.forEach((s, i) => {
    const row = rows[Math.min(bins - 1, Math.floor(s * bins))];
    row[2]++;
    row[3] += labels[i];
  });
  return rows.map(([a, b, n, c]) => [a, b, n, n ? Math.round((c / n) * 1000) / 1000 : 0]);
}

const cache = new Map<string, LogisticModel>();

/** A shipped model from data/models/<name>.json, read once. */
export function loadModel(name: string): LogisticModel {
  let m = cache.get(name);
  if (!m) {
    m = loadJson<LogisticModel>(`models/${name}.json`);
    cache.set(name, m);
  }
  return m;
}
