// Decoding a tag lattice: Viterbi for the best tag sequence (optionally with some tags fixed, which
// is how training reads partly annotated sentences), and forward-backward over the same scores to
// give each proposed name a probability. Scores are per token × tag (emissions) plus tag-to-tag
// transitions and start/end scores; forbidden transitions (labels.ts) never enter a path.
import { ALLOWED as ALLOWED_TABLE, LABELS as LABEL_COUNT, canEnd, canStart } from './labels.js';

// Module-local copies: imported bindings can be read through accessors, which hot loops feel.
const LABELS = LABEL_COUNT;
const ALLOWED = ALLOWED_TABLE;
const STARTS = Array.from({ length: LABELS }, (_, y) => canStart(y));
const ENDS = Array.from({ length: LABELS }, (_, y) => canEnd(y));

export interface Lattice {
  /** n × LABELS emission scores. */
  emissions: Float64Array | Float32Array;
  n: number;
  /** LABELS × LABELS transition scores, from-major. */
  transitions: Float64Array | Float32Array;
  start: Float64Array | Float32Array;
  end: Float64Array | Float32Array;
}

const NEG = -1e30;

/** The best tag sequence; `fixed[i] >= 0` forces token i's tag. */
export function viterbi(l: Lattice, fixed?: ArrayLike<number>): Int8Array {
  const { n, emissions: em, transitions: tr } = l;
  const out = new Int8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * LABELS).fill(NEG);
  const back = new Int8Array(n * LABELS);
  const ok = (i: number, y: number) => !fixed || fixed[i] < 0 || fixed[i] === y;
  for (let y = 0; y < LABELS; y++) if (STARTS[y] && ok(0, y)) score[y] = l.start[y] + em[y];
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < LABELS; y++) {
      if (!ok(i, y)) continue;
      let best = NEG;
      let arg = 0;
      for (let x = 0; x < LABELS; x++) {
        if (!ALLOWED[x * LABELS + y]) continue;
        const v = score[(i - 1) * LABELS + x];
        if (v <= NEG) continue;
        const s = v + tr[x * LABELS + y];
        if (s > best) {
          best = s;
          arg = x;
        }
      }
      if (best <= NEG) continue;
      score[i * LABELS + y] = best + em[i * LABELS + y];
      back[i * LABELS + y] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  for (let y = 0; y < LABELS; y++) {
    if (!ENDS[y]) continue;
    const s = score[(n - 1) * LABELS + y] + l.end[y];
    if (score[(n - 1) * LABELS + y] > NEG && s > best) {
      best = s;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * LABELS + out[i]];
  return out;
}

export interface Marginals {
  /** Forward and backward scores, n × LABELS, each row rescaled (alpha rows sum to 1). */
  alpha: Float64Array;
  beta: Float64Array;
  /** Per token: the factor alpha's row was divided by. */
  scale: Float64Array;
  /** exp(score / temperature) of transitions, LABELS × LABELS, 0 where forbidden. */
  trans: Float64Array;
  /** exp((emission − row max) / temperature), n × LABELS. */
  emit: Float64Array;
  /** exp(start / temperature), for a name at the sentence's first token. */
  startW: Float64Array;
}

const expCache = new WeakMap<object, Map<string, Float64Array>>();

/** Forward-backward over the lattice with all scores divided by `temperature`, in probability
 * space with per-token rescaling (Rabiner): no logarithms in the inner loops. */
export function forwardBackward(l: Lattice, temperature: number): Marginals {
  const { n, emissions: em, transitions: tr } = l;
  const k = 1 / temperature;
  // Transitions are the same for every sentence of a model: their exponentials are computed once.
  const key = `${temperature}`;
  let trans = expCache.get(tr)?.get(key);
  if (!trans) {
    trans = new Float64Array(LABELS * LABELS);
    for (let i = 0; i < LABELS * LABELS; i++) trans[i] = ALLOWED[i] ? Math.exp(k * tr[i]) : 0;
    if (!expCache.has(tr)) expCache.set(tr, new Map());
    expCache.get(tr)!.set(key, trans);
  }
  const emit = new Float64Array(n * LABELS);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let y = 0; y < LABELS; y++) max = Math.max(max, em[i * LABELS + y]);
    for (let y = 0; y < LABELS; y++) emit[i * LABELS + y] = Math.exp(k * (em[i * LABELS + y] - max));
  }
  const startW = new Float64Array(LABELS);
  const endW = new Float64Array(LABELS);
  for (let y = 0; y < LABELS; y++) {
    startW[y] = STARTS[y] ? Math.exp(k * l.start[y]) : 0;
    endW[y] = ENDS[y] ? Math.exp(k * l.end[y]) : 0;
  }
  const alpha = new Float64Array(n * LABELS);
  const beta = new Float64Array(n * LABELS);
  const scale = new Float64Array(n);
  let sum = 0;
  for (let y = 0; y < LABELS; y++) sum += alpha[y] = startW[y] * emit[y];
  scale[0] = sum || 1;
  for (let y = 0; y < LABELS; y++) alpha[y] /= scale[0];
  for (let i = 1; i < n; i++) {
    sum = 0;
    for (let y = 0; y < LABELS; y++) {
      let acc = 0;
      for (let x = 0; x < LABELS; x++) acc += alpha[(i - 1) * LABELS + x] * trans[x * LABELS + y];
      sum += alpha[i * LABELS + y] = acc * emit[i * LABELS + y];
    }
    scale[i] = sum || 1;
    for (let y = 0; y < LABELS; y++) alpha[i * LABELS + y] /= scale[i];
  }
  // beta rows carry the end scores and the same per-token factors, so that a path's probability is
  // its products over the span divided by the span's own factors (pathProbability).
  let z = 0;
  for (let y = 0; y < LABELS; y++) z += alpha[(n - 1) * LABELS + y] * endW[y];
  z = z || 1;
  for (let y = 0; y < LABELS; y++) beta[(n - 1) * LABELS + y] = endW[y] / z;
  for (let i = n - 2; i >= 0; i--) {
    for (let x = 0; x < LABELS; x++) {
      let acc = 0;
      for (let y = 0; y < LABELS; y++) acc += trans[x * LABELS + y] * emit[(i + 1) * LABELS + y] * beta[(i + 1) * LABELS + y];
      beta[i * LABELS + x] = acc / scale[i + 1];
    }
  }
  return { alpha, beta, scale, trans, emit, startW };
}

/** Probability that tokens a..b (inclusive, sentence-relative) carry exactly the tags `tags`
 * (a name's B…L or U) under the marginals of the same lattice. */
export function pathProbability(m: Marginals, a: number, tags: ArrayLike<number>): number {
  const b = a + tags.length - 1;
  let p: number;
  if (a === 0) p = m.startW[tags[0]];
  else {
    p = 0;
    for (let x = 0; x < LABELS; x++) p += m.alpha[(a - 1) * LABELS + x] * m.trans[x * LABELS + tags[0]];
  }
  p *= m.emit[a * LABELS + tags[0]] / m.scale[a];
  for (let j = 1; j < tags.length; j++) p *= (m.trans[tags[j - 1] * LABELS + tags[j]] * m.emit[(a + j) * LABELS + tags[j]]) / m.scale[a + j];
  p *= m.beta[b * LABELS + tags[tags.length - 1]];
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}
