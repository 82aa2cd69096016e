// A conditional logit ranker: one choice among a few candidates, each described by named sparse
// features; the probability of a candidate is the softmax of its score over the candidates of its
// choice. Used where the question is "which of these" rather than "is this one right" (the speaker
// of a quote among the people and bodies around it). L2-regularised, full-batch gradient descent
// in a fixed order, so the same choices give the same weights.
import type { Features } from './logistic.js';

export interface Choice {
  candidates: Features[];
  /** Which candidates are right (several may name one real speaker); a choice with none teaches nothing. */
  right: boolean[];
  /** Choices of one group (a story) are held out together in cross-validation. */
  group?: string;
}

export interface RankerOptions {
  l2?: number;
  epochs?: number;
  rate?: number;
}

export type RankerWeights = Record<string, number>;

/** Softmax probabilities of the candidates under the weights. */
export function rank(weights: RankerWeights, candidates: Features[]): number[] {
  if (candidates.length === 0) return [];
  const s = candidates.map((x) => {
    let z = 0;
    for (const k in x) {
      const w = weights[k];
      if (w !== undefined) z += w * x[k];
    }
    return z;
  });
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** Fit the weights; the likelihood of a choice is the probability of its right candidates together. */
export function trainRanker(choices: Choice[], options: RankerOptions = {}): RankerWeights {
  const l2 = options.l2 ?? 0.001;
  const epochs = options.epochs ?? 300;
  const rate = options.rate ?? 0.5;
  const usable = choices.filter((c) => c.right.some(Boolean) && c.candidates.length > 1);
  const names = [...new Set(usable.flatMap((c) => c.candidates.flatMap((x) => Object.keys(x))))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = usable.map((c) => ({
    cands: c.candidates.map((x) => ({ idx: Int32Array.from(Object.keys(x).map((k) => index.get(k)!)), val: Float64Array.from(Object.values(x)) })),
    right: c.right,
  }));
  const w = new Float64Array(names.length);
  const n = Math.max(1, rows.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(names.length);
    for (const r of rows) {
      const s = r.cands.map((c) => {
        let z = 0;
        for (let j = 0; j < c.idx.length; j++) z += w[c.idx[j]] * c.val[j];
        return z;
      });
      const max = Math.max(...s);
      const e = s.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      let rightMass = 0;
      r.cands.forEach((_, j) => {
        if (r.right[j]) rightMass += e[j] / total;
      });
      r.cands.forEach((c, j) => {
        const p = e[j] / total;
        const g = p - (r.right[j] ? p / rightMass : 0);
        for (let k = 0; k < c.idx.length; k++) grad[c.idx[k]] += g * c.val[k];
      });
    }
    for (let i = 0; i < w.length; i++) w[i] -= rate * (grad[i] / n + l2 * w[i]);
  }
  const weights: RankerWeights = {};
  names.forEach((name, i) => {
    if (Math.abs(w[i]) > 1e-6) weights[name] = Math.round(w[i] * 1e4) / 1e4;
  });
  return weights;
}

/** For every choice, the candidates' probabilities from a ranker that never saw its group. */
export function crossValidatedRanks(choices: Choice[], options: RankerOptions = {}): number[][] {
  const groups = [...new Set(choices.map((c) => c.group ?? ''))].sort();
  const out: number[][] = choices.map((c) => c.candidates.map(() => 1 / Math.max(1, c.candidates.length)));
  for (const g of groups) {
    const weights = trainRanker(
      choices.filter((c) => (c.group ?? '') !== g),
      options,
    );
    choices.forEach((c, i) => {
      if ((c.group ?? '') === g) out[i] = rank(weights, c.candidates);
    });
  }
  return out;
}
