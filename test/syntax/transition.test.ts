import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTree } from '../../src/syntax/project.js';
import { seeded } from '../../src/syntax/train.js';
import { LEFT, MOVES, RIGHT, SHIFT, State } from '../../src/syntax/transition.js';

/** A random projective tree over n tokens: recursively pick a head inside a span and split the
 * rest into left and right sub-spans. Heads use -1 for the root. */
function randomProjective(n: number, rand: () => number): Int32Array {
  const heads = new Int32Array(n);
  const build = (lo: number, hi: number, parent: number) => {
    if (lo > hi) return;
    const h = lo + Math.floor(rand() * (hi - lo + 1));
    heads[h] = parent;
    // Split each side into consecutive sub-spans, each a dependent subtree of h.
    for (const [a, b] of [
      [lo, h - 1],
      [h + 1, hi],
    ]) {
      let start = a;
      while (start <= b) {
        const end = start + Math.floor(rand() * (b - start + 1));
        build(start, end, h);
        start = end + 1;
      }
    }
  };
  build(0, n - 1, -1);
  return heads;
}

function goldOf(heads: Int32Array): Int32Array {
  return Int32Array.from(heads, (h) => (h === -1 ? heads.length : h));
}

function wrongArcs(st: State, gold: Int32Array): number {
  let wrong = 0;
  for (let i = 0; i < st.n; i++) if (st.heads[i] !== gold[i]) wrong++;
  return wrong;
}

test('following zero-cost moves rebuilds every projective tree exactly', () => {
  const rand = seeded(7);
  const costs = new Float64Array(MOVES);
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + Math.floor(rand() * 14);
    const heads = randomProjective(n, rand);
    assert.ok(isTree(heads));
    const gold = goldOf(heads);
    const st = new State(n);
    while (!st.terminal) {
      st.costs(gold, costs);
      const m = [SHIFT, LEFT, RIGHT].find((x) => costs[x] === 0);
      assert.notEqual(m, undefined, 'some move must cost nothing from a gold configuration');
      st.apply(m!, 0);
    }
    assert.equal(wrongArcs(st, gold), 0);
  }
});

test('move costs add up to the arcs finally lost, from any configuration (the oracle is exact)', () => {
  const rand = seeded(11);
  const costs = new Float64Array(MOVES);
  for (let trial = 0; trial < 400; trial++) {
    const n = 2 + Math.floor(rand() * 12);
    const gold = goldOf(randomProjective(n, rand));
    const st = new State(n);
    let paid = 0;
    // Random valid moves for a while (mistakes included), then the cheapest moves to the end.
    const wander = Math.floor(rand() * 2 * n);
    for (let step = 0; !st.terminal; step++) {
      st.costs(gold, costs);
      const valid = [SHIFT, LEFT, RIGHT].filter((m) => st.valid(m));
      let m: number;
      if (step < wander) m = valid[Math.floor(rand() * valid.length)];
      else m = valid.reduce((a, b) => (costs[b] < costs[a] ? b : a));
      const min = Math.min(...valid.map((x) => costs[x]));
      paid += costs[m] - min;
      st.apply(m, 0);
    }
    assert.equal(wrongArcs(st, gold), paid, `trial ${trial}`);
  }
});

test('every finished parse is one tree with one root word', () => {
  const rand = seeded(3);
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + Math.floor(rand() * 20);
    const st = new State(n);
    while (!st.terminal) {
      const valid = [SHIFT, LEFT, RIGHT].filter((m) => st.valid(m));
      st.apply(valid[Math.floor(rand() * valid.length)], 0);
    }
    const heads = Int32Array.from(st.heads.subarray(0, n), (h) => (h === n ? -1 : h));
    assert.ok(isTree(heads));
  }
});

test('dependents are recorded from the inside out: leftmost and rightmost are the outermost', () => {
  // Three tokens all attached to the middle one: 0 ← 1 → 2.
  const st = new State(3);
  st.apply(SHIFT, 0); // stack [0], buffer 1
  st.apply(LEFT, 5); // 0 ← 1
  st.apply(SHIFT, 0); // stack [1], buffer 2
  st.apply(SHIFT, 0); // stack [1, 2], buffer root
  st.apply(RIGHT, 6); // 1 → 2
  assert.equal(st.lc1[1], 0);
  assert.equal(st.rc1[1], 2);
  assert.equal(st.nLeft[1], 1);
  assert.equal(st.nRight[1], 1);
  assert.equal(st.leftLo[1], 1 << 5);
  assert.equal(st.rightLo[1], 1 << 6);
  assert.ok(st.valid(LEFT) && !st.valid(RIGHT) && !st.valid(SHIFT));
  st.apply(LEFT, 0);
  assert.ok(st.terminal);
  assert.deepEqual([...st.heads.subarray(0, 3)], [1, 3, 1]);
});
