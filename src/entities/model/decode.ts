// Decoding a tag lattice: Viterbi for the best tag sequence (optionally with some tags fixed, which
// is how training reads partly annotated sentences), and forward-backward over the same scores to
// give each proposed name a probability. Scores are per token × tag (emissions) plus tag-to-tag
// transitions and start/end scores; forbidden transitions (labels.ts) never enter a path.
import { ALLOWED, LABELS, canEnd, canStart } from './labels.js';

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
  for (let y = 0; y < LABELS; y++) if (canStart(y) && ok(0, y)) score[y] = l.start[y] + em[y];
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
    if (!canEnd(y)) continue;
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

function logAdd(a: number, b: number): number {
  if (a <= NEG) return b;
  if (b <= NEG) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

export interface Marginals {
  /** Log forward and backward scores, n × LABELS, with every score divided by the temperature. */
  alpha: Float64Array;
  beta: Float64Array;
  logZ: number;
  temperature: number;
}

/** Forward-backward over the lattice with all scores divided by `temperature`. */
export function forwardBackward(l: Lattice, temperature: number): Marginals {
  const { n, emissions: em, transitions: tr } = l;
  const k = 1 / temperature;
  const alpha = new Float64Array(n * LABELS).fill(NEG);
  const beta = new Float64Array(n * LABELS).fill(NEG);
  for (let y = 0; y < LABELS; y++) if (canStart(y)) alpha[y] = k * (l.start[y] + em[y]);
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < LABELS; y++) {
      let acc = NEG;
      for (let x = 0; x < LABELS; x++) {
        if (!ALLOWED[x * LABELS + y]) continue;
        acc = logAdd(acc, alpha[(i - 1) * LABELS + x] + k * tr[x * LABELS + y]);
      }
      if (acc > NEG) alpha[i * LABELS + y] = acc + k * em[i * LABELS + y];
    }
  }
  for (let y = 0; y < LABELS; y++) if (canEnd(y)) beta[(n - 1) * LABELS + y] = k * l.end[y];
  for (let i = n - 2; i >= 0; i--) {
    for (let x = 0; x < LABELS; x++) {
      let acc = NEG;
      for (let y = 0; y < LABELS; y++) {
        if (!ALLOWED[x * LABELS + y]) continue;
        acc = logAdd(acc, k * tr[x * LABELS + y] + k * em[(i + 1) * LABELS + y] + beta[(i + 1) * LABELS + y]);
      }
      beta[i * LABELS + x] = acc;
    }
  }
  let logZ = NEG;
  for (let y = 0; y < LABELS; y++) logZ = logAdd(logZ, alpha[(n - 1) * LABELS + y] + beta[(n - 1) * LABELS + y]);
  return { alpha, beta, logZ, temperature };
}

/** Probability that tokens a..b (inclusive, sentence-relative) carry exactly the tags `tags`
 * (a name's B…L or U) under the marginals of the same lattice. */
export function pathProbability(l: Lattice, m: Marginals, a: number, tags: ArrayLike<number>): number {
  const { emissions: em, transitions: tr } = l;
  const k = 1 / m.temperature;
  const b = a + tags.length - 1;
  // Enter the first tag from any tag before it (or from the start).
  let logp: number;
  if (a === 0) logp = canStart(tags[0]) ? k * (l.start[tags[0]] + em[tags[0]]) : NEG;
  else {
    let acc = NEG;
    for (let x = 0; x < LABELS; x++) if (ALLOWED[x * LABELS + tags[0]]) acc = logAdd(acc, m.alpha[(a - 1) * LABELS + x] + k * tr[x * LABELS + tags[0]]);
    logp = acc + k * em[a * LABELS + tags[0]];
  }
  for (let j = 1; j < tags.length; j++) logp += k * (tr[tags[j - 1] * LABELS + tags[j]] + em[(a + j) * LABELS + tags[j]]);
  logp += m.beta[b * LABELS + tags[tags.length - 1]];
  const p = Math.exp(logp - m.logZ);
  return Number.isFinite(p) ? Math.min(1, p) : 0;
}
