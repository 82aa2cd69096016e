// The coreference scorer of bench:coref against values worked out by hand from the metric
// definitions (MUC: Vilain et al. 1995; B³: Bagga & Baldwin 1998; CEAF-e with φ4: Luo 2005).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTallies, b3, ceafe, emptyTallies, maxAssignment, muc, scoreClusterings, scores, type Clustering } from '../../bench/lib/coref-score.js';

/** A clustering from groups of mention ids: [['a','b'],['c']] → a,b in one cluster, c alone. */
function clustering(groups: string[][]): Clustering {
  const c: Clustering = new Map();
  groups.forEach((g, i) => g.forEach((m) => c.set(m, `e${i}`)));
  return c;
}

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
const ratio = (t: { rn: number; rd: number; pn: number; pd: number }) => ({ r: t.rn / t.rd, p: t.pn / t.pd });

// Key {a,b,c} {d,e}; response {a,b} {c,d,e}.
const key = clustering([
  ['a', 'b', 'c'],
  ['d', 'e'],
]);
const response = clustering([
  ['a', 'b'],
  ['c', 'd', 'e'],
]);

test('MUC: links kept over links needed, both ways', () => {
  // Recall: key {a,b,c} falls into 2 response parts → 3−2 = 1 of 2 links; {d,e} into 1 → 1 of 1. 2/3.
  // Precision: {a,b} in 1 key part → 1 of 1; {c,d,e} in 2 → 1 of 2. 2/3.
  const m = ratio(muc(key, response));
  close(m.r, 2 / 3, 'recall');
  close(m.p, 2 / 3, 'precision');
});

test('B³: per-mention overlap of its two clusters', () => {
  // Recall: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → (11/3)/5 = 11/15. Precision: a 2/2, b 2/2, c 1/3,
  // d 2/3, e 2/3 → (11/3)/5 = 11/15.
  const m = ratio(b3(key, response));
  close(m.r, 11 / 15, 'recall');
  close(m.p, 11 / 15, 'precision');
});

test('CEAF-e: the best one-to-one alignment of entities under φ4', () => {
  // φ4({a,b,c},{a,b}) = 4/5, φ4({d,e},{c,d,e}) = 4/5, φ4({a,b,c},{c,d,e}) = 1/3: the best
  // alignment sums 8/5 over 2 key and 2 response entities → 0.8 both ways.
  const m = ratio(ceafe(key, response));
  close(m.r, 0.8, 'recall');
  close(m.p, 0.8, 'precision');
  const s = scores(scoreClusterings(key, response));
  close(s.conll, (2 / 3 + 11 / 15 + 0.8) / 3, 'CoNLL F1');
});

test('all singletons against one entity of three', () => {
  const one = clustering([['a', 'b', 'c']]);
  const singles = clustering([['a'], ['b'], ['c']]);
  const s = scores(scoreClusterings(one, singles));
  // MUC: no link found (recall 0/2), none proposed (precision 0/0 → 0).
  close(s.muc.f, 0, 'MUC F1');
  // B³: recall 1/3 each, precision 1 → F1 0.5.
  close(s.b3.r, 1 / 3, 'B³ recall');
  close(s.b3.f, 0.5, 'B³ F1');
  // CEAF-e: one key entity aligned with one singleton, φ4 = 2/4 → recall 0.5/1, precision 0.5/3.
  close(s.ceafe.r, 0.5, 'CEAF-e recall');
  close(s.ceafe.p, 1 / 6, 'CEAF-e precision');
  close(s.ceafe.f, 0.25, 'CEAF-e F1');
  close(s.conll, 0.25, 'CoNLL F1');
});

test('a perfect response scores 1 everywhere', () => {
  const s = scores(scoreClusterings(key, key));
  for (const v of [s.muc.f, s.b3.f, s.ceafe.f, s.conll]) close(v, 1, 'F1');
});

test('batches scored apart and summed equal the batches scored as one clustering', () => {
  const k2 = clustering([['p', 'q', 'r']]);
  const r2 = clustering([['p'], ['q', 'r']]);
  const apart = emptyTallies();
  addTallies(apart, scoreClusterings(key, response));
  addTallies(apart, scoreClusterings(k2, r2));
  const joined = (a: Clustering, b: Clustering) => new Map([...[...a].map(([m, l]) => [m, `1${l}`] as const), ...[...b].map(([m, l]) => [m, `2${l}`] as const)]);
  const together = scoreClusterings(joined(key, k2), joined(response, r2));
  for (const metric of ['muc', 'b3', 'ceafe'] as const) {
    for (const part of ['rn', 'rd', 'pn', 'pd'] as const) close(apart[metric][part], together[metric][part], `${metric}.${part}`);
  }
});

test('the assignment solver finds the best alignment, not the greedy one', () => {
  // Greedy takes 0.9 and is left with 0.1; the best pairs the two 0.8s.
  close(maxAssignment([
    [0.9, 0.8],
    [0.8, 0.1],
  ]), 1.6, '2×2');
  close(maxAssignment([
    [4, 1, 3],
    [2, 0, 5],
    [3, 2, 2],
  ]), 11, '3×3');
  close(maxAssignment([[0.2, 0.7, 0.1]]), 0.7, '1×3');
  close(maxAssignment([]), 0, 'empty');
});
