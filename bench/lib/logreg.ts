// Logistic regression with a Gaussian prior on each weight (MAP estimate), fitted by Newton's
// method: deterministic, exact to the tolerance, and quick for a few dozen features. The prior is
// centred on `mean` (0 unless a feature has a stated prior) with variance 1/λ, so a feature the
// training data rarely or never shows keeps its prior weight instead of an accident of the data.

export interface FitOptions {
  /** Prior precision λ (larger: weights stay nearer their prior means). */
  lambda: number;
  /** Prior mean per feature; 0 where absent. */
  mean?: number[];
  /** Features whose prior is flat (the bias). */
  unpenalised?: number[];
  iterations?: number;
}

export function fitLogistic(xs: ArrayLike<number>[], ys: number[], dim: number, options: FitOptions): number[] {
  const mean = options.mean ?? new Array(dim).fill(0);
  const free = new Set(options.unpenalised ?? []);
  const w = [...mean];
  const iterations = options.iterations ?? 50;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array(dim).fill(0);
    const hess = Array.from({ length: dim }, () => new Array(dim).fill(0));
    for (let n = 0; n < xs.length; n++) {
      const x = xs[n];
      let z = 0;
      for (let i = 0; i < dim; i++) z += w[i] * x[i];
      const p = 1 / (1 + Math.exp(-z));
      const r = p - ys[n];
      const s = p * (1 - p);
      for (let i = 0; i < dim; i++) {
        const xi = x[i];
        if (xi === 0) continue;
        grad[i] += r * xi;
        const row = hess[i];
        for (let j = 0; j < dim; j++) if (x[j] !== 0) row[j] += s * xi * x[j];
      }
    }
    for (let i = 0; i < dim; i++) {
      const l = free.has(i) ? 1e-6 : options.lambda;
      grad[i] += l * (w[i] - mean[i]);
      hess[i][i] += l;
    }
    const step = solve(hess, grad);
    // Backtrack while the full Newton step does not lower the penalised loss.
    const before = objective(w, xs, ys, mean, free, options.lambda);
    let t = 1;
    let next = w.map((wi, i) => wi - step[i]);
    while (t > 1e-4 && !(objective(next, xs, ys, mean, free, options.lambda) <= before)) {
      t /= 2;
      next = w.map((wi, i) => wi - t * step[i]);
    }
    let change = 0;
    for (let i = 0; i < dim; i++) {
      change = Math.max(change, Math.abs(next[i] - w[i]));
      w[i] = next[i];
    }
    if (change < 1e-8) break;
  }
  return w;
}

function objective(w: number[], xs: ArrayLike<number>[], ys: number[], mean: number[], free: Set<number>, lambda: number): number {
  let total = logLoss(w, xs, ys) * xs.length;
  for (let i = 0; i < w.length; i++) total += ((free.has(i) ? 1e-6 : lambda) / 2) * (w[i] - mean[i]) ** 2;
  return total;
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is symmetric positive definite here). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

/** Mean negative log-likelihood, for reporting. */
export function logLoss(w: number[], xs: ArrayLike<number>[], ys: number[]): number {
  let total = 0;
  for (let n = 0; n < xs.length; n++) {
    let z = 0;
    for (let i = 0; i < w.length; i++) z += w[i] * xs[n][i];
    const p = Math.min(1 - 1e-12, Math.max(1e-12, 1 / (1 + Math.exp(-z))));
    total -= ys[n] ? Math.log(p) : Math.log(1 - p);
  }
  return total / Math.max(1, xs.length);
}
