// Average-link agglomerative clustering over scored candidate pairs, with cannot-link constraints.
// Two clusters are as close as the mean probability of their scored pairs (pairs never blocked
// together do not count: blocking is what keeps the stage near-linear, so a missing pair is no
// evidence). The closest pair of clusters merges first while it clears the threshold and no
// constraint forbids it. Constraints only grow as clusters grow, so a refused pair stays refused.

export interface ScoredPair {
  a: number;
  b: number;
  p: number;
}

export interface ClusterHooks<S> {
  /** The state of a one-member cluster. */
  init(index: number): S;
  /** Why these two clusters cannot be one entity, or null if they can. */
  conflict(x: S, y: S): string | null;
  /** Told of each refused merge (diagnostics). */
  refused?(x: number, y: number, score: number, reason: string): void;
  /** The state of the merged cluster (may reuse x). */
  merge(x: S, y: S): S;
}

interface Edge {
  sum: number;
  n: number;
  /** Raised whenever the edge's score or ends change: a heap item of an older version is stale. */
  ver: number;
}

/** Returns, for each of `size` items, the representative (smallest index) of its cluster. */
export function averageLink<S>(size: number, pairs: ScoredPair[], threshold: number, hooks: ClusterHooks<S>): number[] {
  const parent = Array.from({ length: size }, (_, i) => i);
  const state = new Map<number, S>();
  const edges = new Map<number, Map<number, Edge>>();
  const edge = (x: number, y: number): Edge => {
    let m = edges.get(x);
    if (!m) edges.set(x, (m = new Map()));
    let e = m.get(y);
    if (!e) {
      e = { sum: 0, n: 0, ver: 0 };
      m.set(y, e);
      let back = edges.get(y);
      if (!back) edges.set(y, (back = new Map()));
      back.set(x, e);
    }
    return e;
  };
  for (const { a, b, p } of pairs) {
    if (a === b) continue;
    const e = edge(a, b);
    e.sum += p;
    e.n++;
  }
  const heap = new Heap();
  for (const [x, m] of edges) for (const [y, e] of m) if (x < y && e.sum / e.n >= threshold) heap.push({ score: e.sum / e.n, x, y, edge: e, ver: 0 });
  const stateOf = (i: number) => {
    let s = state.get(i);
    if (s === undefined) state.set(i, (s = hooks.init(i)));
    return s;
  };
  while (heap.size > 0) {
    const top = heap.pop()!;
    const { x, y } = top;
    if (parent[x] !== x || parent[y] !== y || top.edge.ver !== top.ver) continue;
    const sx = stateOf(x);
    const sy = stateOf(y);
    const reason = hooks.conflict(sx, sy);
    if (reason !== null) {
      hooks.refused?.(x, y, top.score, reason);
      edges.get(x)?.delete(y);
      edges.get(y)?.delete(x);
      continue;
    }
    // The smaller index represents the merged cluster, so the outcome does not depend on heap order.
    const [keep, drop] = x < y ? [x, y] : [y, x];
    parent[drop] = keep;
    state.set(keep, hooks.merge(stateOf(keep), stateOf(drop)));
    state.delete(drop);
    const keepEdges = edges.get(keep) ?? new Map<number, Edge>();
    edges.set(keep, keepEdges);
    keepEdges.delete(drop);
    // Only the edges the merge changed (summed with the dropped cluster's, or moved over from it)
    // get a new heap item; the merged cluster's other edges keep their scores and their items.
    for (const [z, e] of edges.get(drop) ?? []) {
      if (z === keep) continue;
      const zEdges = edges.get(z)!;
      zEdges.delete(drop);
      let changed = e;
      const existing = keepEdges.get(z);
      if (existing) {
        existing.sum += e.sum;
        existing.n += e.n;
        changed = existing;
      } else {
        keepEdges.set(z, e);
        zEdges.set(keep, e);
      }
      changed.ver++;
      const score = changed.sum / changed.n;
      if (score < threshold) continue;
      const [a, b] = keep < z ? [keep, z] : [z, keep];
      heap.push({ score, x: a, y: b, edge: changed, ver: changed.ver });
    }
    edges.delete(drop);
  }
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i];
    return i;
  };
  return refine(
    parent.map((_, i) => find(i)),
    pairs,
    threshold,
    hooks,
  );
}

/**
 * Move single members where they fit better. Agglomeration merges whole clusters, so one member a
 * constraint forbids (a bare surname from an article that also names the person's father) keeps
 * its whole cluster out of the right entity. Each member in turn moves to the cluster that gains
 * most in Σ (p − threshold) over its scored pairs, if the constraints allow and the gain is
 * positive; rounds repeat until nothing moves (at most five).
 */
function refine<S>(clusterOf: number[], pairs: ScoredPair[], threshold: number, hooks: ClusterHooks<S>): number[] {
  const adj = new Map<number, [number, number][]>();
  for (const { a, b, p } of pairs) {
    if (a === b) continue;
    (adj.get(a) ?? adj.set(a, []).get(a)!).push([b, p - threshold]);
    (adj.get(b) ?? adj.set(b, []).get(b)!).push([a, p - threshold]);
  }
  const members = new Map<number, Set<number>>();
  clusterOf.forEach((c, i) => (members.get(c) ?? members.set(c, new Set()).get(c)!).add(i));
  const stateCache = new Map<number, S>();
  const stateOf = (c: number, without = -1): S => {
    if (without < 0 && stateCache.has(c)) return stateCache.get(c)!;
    let s: S | null = null;
    for (const i of [...members.get(c)!].sort((x, y) => x - y)) {
      if (i === without) continue;
      s = s === null ? hooks.init(i) : hooks.merge(s, hooks.init(i));
    }
    if (without < 0) stateCache.set(c, s!);
    return s!;
  };
  for (let round = 0; round < 5; round++) {
    let moved = false;
    for (let m = 0; m < clusterOf.length; m++) {
      const edges = adj.get(m);
      if (!edges) continue;
      const gain = new Map<number, number>();
      for (const [o, w] of edges) gain.set(clusterOf[o], (gain.get(clusterOf[o]) ?? 0) + w);
      const own = clusterOf[m];
      const stay = gain.get(own) ?? 0;
      const targets = [...gain.entries()].filter(([c, g]) => c !== own && g > stay && g > 0).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
      for (const [c] of targets) {
        if (hooks.conflict(stateOf(c), hooks.init(m)) !== null) continue;
        members.get(own)!.delete(m);
        members.get(c)!.add(m);
        stateCache.delete(own);
        stateCache.delete(c);
        clusterOf[m] = c;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  // Representatives are the smallest member, as agglomeration gives them.
  const rep = new Map<number, number>();
  for (const [c, set] of members) if (set.size > 0) rep.set(c, Math.min(...set));
  return clusterOf.map((c) => rep.get(c)!);
}

interface Item {
  score: number;
  x: number;
  y: number;
  edge: Edge;
  ver: number;
}

/** Highest score first; ties by the smaller indices, so runs are reproducible. */
const before = (a: Item, b: Item) => a.score > b.score || (a.score === b.score && (a.x < b.x || (a.x === b.x && a.y < b.y)));

class Heap {
  private items: Item[] = [];
  get size() {
    return this.items.length;
  }
  push(item: Item) {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop(): Item | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
