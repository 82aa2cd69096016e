// Coreference scores over two clusterings of the same mentions: MUC (Vilain et al. 1995), B³
// (Bagga & Baldwin 1998), CEAF-e (Luo 2005, entity similarity φ4) and CoNLL F1 (their mean, as in
// the CoNLL-2011/2012 shared tasks). Each metric returns its numerators and denominators, so the
// scores of several independently clustered batches (ECB+ topics) add up exactly as if the batches
// were scored as one clustering: no entity crosses a batch, so CEAF-e's alignment decomposes too.

/** A clustering: mention id → cluster label. Key and response must cover the same mentions. */
export type Clustering = Map<string, string>;

export interface Tally {
  /** Recall numerator / denominator, precision numerator / denominator. */
  rn: number;
  rd: number;
  pn: number;
  pd: number;
}

export interface CorefTallies {
  muc: Tally;
  b3: Tally;
  ceafe: Tally;
}

const zero = (): Tally => ({ rn: 0, rd: 0, pn: 0, pd: 0 });
export const emptyTallies = (): CorefTallies => ({ muc: zero(), b3: zero(), ceafe: zero() });

function groups(c: Clustering): string[][] {
  const by = new Map<string, string[]>();
  for (const [m, label] of c) {
    const list = by.get(label);
    if (list) list.push(m);
    else by.set(label, [m]);
  }
  return [...by.values()];
}

/** MUC recall side: for each key cluster, (size − number of response parts it falls into) over (size − 1). */
function mucSide(key: string[][], response: Clustering): { n: number; d: number } {
  let n = 0;
  let d = 0;
  for (const k of key) {
    const parts = new Set<string>();
    // A mention the other side lacks is a part of its own.
    k.forEach((m, i) => parts.add(response.get(m) ?? `\u0000missing${i}`));
    n += k.length - parts.size;
    d += k.length - 1;
  }
  return { n, d };
}

export function muc(key: Clustering, response: Clustering): Tally {
  const r = mucSide(groups(key), response);
  const p = mucSide(groups(response), key);
  return { rn: r.n, rd: r.d, pn: p.n, pd: p.d };
}

/** B³: per mention, overlap of its key and response clusters over the size of one of them. */
export function b3(key: Clustering, response: Clustering): Tally {
  const keyGroups = groups(key);
  const respGroups = groups(response);
  const sizeOfKey = new Map<string, number>();
  for (const g of keyGroups) for (const m of g) sizeOfKey.set(m, g.length);
  const sizeOfResp = new Map<string, number>();
  for (const g of respGroups) for (const m of g) sizeOfResp.set(m, g.length);
  const overlap = new Map<string, number>();
  const pairKey = (m: string) => `${key.get(m)}\u0000${response.get(m)}`;
  for (const m of key.keys()) if (response.has(m)) overlap.set(pairKey(m), (overlap.get(pairKey(m)) ?? 0) + 1);
  let rn = 0;
  let pn = 0;
  for (const m of key.keys()) if (response.has(m)) rn += overlap.get(pairKey(m))! / sizeOfKey.get(m)!;
  for (const m of response.keys()) if (key.has(m)) pn += overlap.get(pairKey(m))! / sizeOfResp.get(m)!;
  return { rn, rd: key.size, pn, pd: response.size };
}

/** CEAF-e: the one-to-one alignment of key and response entities that maximises the sum of
 * φ4(K, R) = 2|K ∩ R| / (|K| + |R|); recall divides it by the number of key entities, precision
 * by the number of response entities. */
export function ceafe(key: Clustering, response: Clustering): Tally {
  const keyGroups = groups(key);
  const respGroups = groups(response);
  const respIndex = new Map<string, number>();
  respGroups.forEach((g, j) => g.forEach((m) => respIndex.set(m, j)));
  // Only entities that share a mention can score; align each connected component separately so
  // the assignment problems stay small.
  const sims: Map<number, number>[] = keyGroups.map((g) => {
    const counts = new Map<number, number>();
    for (const m of g) {
      const j = respIndex.get(m);
      if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    for (const [j, c] of counts) counts.set(j, (2 * c) / (g.length + respGroups[j].length));
    return counts;
  });
  const seenKey = new Set<number>();
  const keysOfResp = new Map<number, number[]>();
  sims.forEach((s, i) => {
    for (const j of s.keys()) {
      const list = keysOfResp.get(j);
      if (list) list.push(i);
      else keysOfResp.set(j, [i]);
    }
  });
  let total = 0;
  for (let start = 0; start < keyGroups.length; start++) {
    if (seenKey.has(start) || sims[start].size === 0) continue;
    const ks: number[] = [];
    const rs = new Set<number>();
    const stack = [start];
    seenKey.add(start);
    while (stack.length) {
      const i = stack.pop()!;
      ks.push(i);
      for (const j of sims[i].keys()) {
        if (rs.has(j)) continue;
        rs.add(j);
        for (const i2 of keysOfResp.get(j) ?? []) if (!seenKey.has(i2)) (seenKey.add(i2), stack.push(i2));
      }
    }
    const rl = [...rs];
    const matrix = ks.map((i) => rl.map((j) => sims[i].get(j) ?? 0));
    total += maxAssignment(matrix);
  }
  return { rn: total, rd: keyGroups.length, pn: total, pd: respGroups.length };
}

/** Maximum-weight one-to-one assignment (Hungarian algorithm, O(n³)) on a rectangular matrix. */
export function maxAssignment(weights: number[][]): number {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0].length;
  const n = Math.max(rows, cols);
  if (n === 0) return 0;
  let max = 0;
  for (const row of weights) for (const w of row) max = Math.max(max, w);
  // Minimise cost = max − weight on a square matrix padded with zero-weight cells.
  const cost = (i: number, j: number) => max - (i < rows && j < cols ? weights[i][j] : 0);
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(INF);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) {
    const i = p[j] - 1;
    if (i < rows && j - 1 < cols) total += weights[i][j - 1];
  }
  return total;
}

export function scoreClusterings(key: Clustering, response: Clustering): CorefTallies {
  return { muc: muc(key, response), b3: b3(key, response), ceafe: ceafe(key, response) };
}

export function addTallies(into: CorefTallies, t: CorefTallies): void {
  for (const k of ['muc', 'b3', 'ceafe'] as const) {
    into[k].rn += t[k].rn;
    into[k].rd += t[k].rd;
    into[k].pn += t[k].pn;
    into[k].pd += t[k].pd;
  }
}

export interface Prf {
  p: number;
  r: number;
  f: number;
}

export function prf(t: Tally): Prf {
  const r = t.rd === 0 ? 0 : t.rn / t.rd;
  const p = t.pd === 0 ? 0 : t.pn / t.pd;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export interface CorefScores {
  muc: Prf;
  b3: Prf;
  ceafe: Prf;
  conll: number;
}

export function scores(t: CorefTallies): CorefScores {
  const muc = prf(t.muc);
  const b3s = prf(t.b3);
  const ce = prf(t.ceafe);
  return { muc, b3: b3s, ceafe: ce, conll: (muc.f + b3s.f + ce.f) / 3 };
}
