// An averaged structured perceptron over BILOU tag sequences, trained from partly known tags: where
// a sentence's tags are only partly known, the "gold" path is the best path that agrees with the
// known tags (the model fills in the rest), so unannotated names in ECB+ or past MEANTIME's
// annotated sentences never count as errors. Deterministic: sentence order comes from a seeded
// shuffle, and ties in Viterbi break the same way every run.
import { LABELS as LABEL_COUNT } from '../../src/entities/model/labels.js';

const LABELS = LABEL_COUNT;
import { viterbi, type Lattice } from '../../src/entities/model/decode.js';

export interface Example {
  /** Feature ids of every token, flattened; token k's ids are feats[offsets[k]..offsets[k+1]). */
  feats: Int32Array;
  offsets: Int32Array;
  /** Known tag per token, -1 when unknown. */
  fixed: Int8Array;
  /** Every tag known. */
  complete: boolean;
}

export class Perceptron {
  readonly w: Float64Array;
  readonly u: Float64Array;
  readonly trans = new Float64Array(LABELS * LABELS);
  readonly transU = new Float64Array(LABELS * LABELS);
  readonly start = new Float64Array(LABELS);
  readonly startU = new Float64Array(LABELS);
  readonly end = new Float64Array(LABELS);
  readonly endU = new Float64Array(LABELS);
  /** Updates counter for averaging (one tick per example seen). */
  c = 1;

  constructor(readonly features: number) {
    this.w = new Float64Array(features * LABELS);
    this.u = new Float64Array(features * LABELS);
  }

  emissions(ex: { feats: Int32Array; offsets: Int32Array }, w: Float64Array = this.w): Float64Array {
    const n = ex.offsets.length - 1;
    const em = new Float64Array(n * LABELS);
    for (let k = 0; k < n; k++) {
      const base = k * LABELS;
      for (let j = ex.offsets[k]; j < ex.offsets[k + 1]; j++) {
        const f = ex.feats[j];
        if (f < 0) continue;
        const off = f * LABELS;
        for (let y = 0; y < LABELS; y++) em[base + y] += w[off + y];
      }
    }
    return em;
  }

  lattice(ex: Example): Lattice {
    return { emissions: this.emissions(ex), n: ex.offsets.length - 1, transitions: this.trans, start: this.start, end: this.end };
  }

  /** One perceptron step; returns whether the prediction was wrong. */
  learn(ex: Example): boolean {
    const lat = this.lattice(ex);
    const pred = viterbi(lat);
    const gold = ex.complete ? ex.fixed : viterbi(lat, ex.fixed);
    const n = lat.n;
    let wrong = false;
    for (let k = 0; k < n && !wrong; k++) if (pred[k] !== gold[k]) wrong = true;
    if (wrong) {
      const c = this.c;
      for (let k = 0; k < n; k++) {
        const g = gold[k];
        const p = pred[k];
        if (g !== p) {
          for (let j = ex.offsets[k]; j < ex.offsets[k + 1]; j++) {
            const f = ex.feats[j];
            if (f < 0) continue;
            this.w[f * LABELS + g] += 1;
            this.u[f * LABELS + g] += c;
            this.w[f * LABELS + p] -= 1;
            this.u[f * LABELS + p] -= c;
          }
        }
        if (k > 0 && (g !== p || gold[k - 1] !== pred[k - 1])) {
          this.trans[gold[k - 1] * LABELS + g] += 1;
          this.transU[gold[k - 1] * LABELS + g] += c;
          this.trans[pred[k - 1] * LABELS + p] -= 1;
          this.transU[pred[k - 1] * LABELS + p] -= c;
        }
      }
      if (gold[0] !== pred[0]) {
        this.start[gold[0]] += 1;
        this.startU[gold[0]] += c;
        this.start[pred[0]] -= 1;
        this.startU[pred[0]] -= c;
      }
      if (gold[n - 1] !== pred[n - 1]) {
        this.end[gold[n - 1]] += 1;
        this.endU[gold[n - 1]] += c;
        this.end[pred[n - 1]] -= 1;
        this.endU[pred[n - 1]] -= c;
      }
    }
    this.c++;
    return wrong;
  }

  /** The averaged weights (w − u/c), which generalise better than the last ones. */
  averaged(): { w: Float64Array; trans: Float64Array; start: Float64Array; end: Float64Array } {
    const avg = (w: Float64Array, u: Float64Array) => {
      const out = new Float64Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i] - u[i] / this.c;
      return out;
    };
    return { w: avg(this.w, this.u), trans: avg(this.trans, this.transU), start: avg(this.start, this.startU), end: avg(this.end, this.endU) };
  }
}

/** mulberry32: a small seeded generator, so the training order is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
