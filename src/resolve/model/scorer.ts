// The pair scorer: logistic regression over model/features.ts, weights from data/models/coref.json
// (trained by `npm run train:coref`; see docs/models/coref.md).
import { loadJson } from '../../util/data.js';
import { FEATURES } from './features.js';

export interface CorefModel {
  features: string[];
  weights: number[];
  /** Average pair probability two clusters need to merge. */
  threshold: number;
}

let shipped: CorefModel | null = null;

export function loadModel(): CorefModel {
  if (!shipped) {
    const m = loadJson<CorefModel>('models/coref.json');
    checkModel(m);
    shipped = m;
  }
  return shipped;
}

/** A model trained on another feature list would score the wrong features: refuse it. */
export function checkModel(m: CorefModel): void {
  if (m.features.length !== FEATURES.length || m.features.some((f, i) => f !== FEATURES[i]) || m.weights.length !== FEATURES.length) {
    throw new Error('resolve: data/models/coref.json was trained on other features than src/resolve/model/features.ts computes; run `npm run train:coref`');
  }
}

export function logit(weights: ArrayLike<number>, x: ArrayLike<number>): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += weights[i] * x[i];
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability(model: CorefModel, x: ArrayLike<number>): number {
  return sigmoid(logit(model.weights, x));
}
