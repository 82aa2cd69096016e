// The conditional logit ranker behind the quote speaker choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossValidatedRanks, rank, trainRanker, type Choice } from '../../src/util/ranker.js';
import type { Features } from '../../src/util/logistic.js';

/** Choices where the right candidate is the one with feature "named", among decoys that are nearer. */
function choices(n: number, group = (i: number) => `g${i % 4}`): Choice[] {
  return Array.from({ length: n }, (_, i) => ({
    candidates: [{ near: 1 }, { named: 1 }, { near: 1, other: 1 }] as Features[],
    right: [false, true, false],
    group: group(i),
  }));
}

test('probabilities of a choice sum to one and follow the scores', () => {
  const p = rank({ a: 2, b: -1 }, [{ a: 1 }, { b: 1 }, {}]);
  assert.equal(p.length, 3);
  assert.ok(Math.abs(p.reduce((x, y) => x + y, 0) - 1) < 1e-12);
  assert.ok(p[0] > p[2] && p[2] > p[1], JSON.stringify(p));
  assert.deepEqual(rank({ a: 1 }, []), []);
});

test('the ranker learns which feature marks the right candidate, deterministically', () => {
  const w1 = trainRanker(choices(40));
  const w2 = trainRanker(choices(40));
  assert.deepEqual(w1, w2, 'same choices, same weights');
  assert.ok((w1.named ?? 0) > 0 && (w1.named ?? 0) > (w1.near ?? 0), JSON.stringify(w1));
  const p = rank(w1, [{ near: 1 }, { named: 1 }]);
  assert.ok(p[1] > 0.8, JSON.stringify(p));
});

test('a choice with no right candidate or a single candidate teaches nothing', () => {
  const w = trainRanker([{ candidates: [{ a: 1 }, { b: 1 }], right: [false, false] }, { candidates: [{ c: 1 }], right: [true] }]);
  assert.deepEqual(w, {});
});

test('cross-validated ranks come from models that never saw the choice’s group', () => {
  // Group g0 teaches the opposite of the others: its own ranks must follow the others.
  const data = choices(40);
  for (const c of data) if (c.group === 'g0') c.right = [true, false, false];
  const ranks = crossValidatedRanks(data);
  data.forEach((c, i) => {
    if (c.group === 'g0') assert.ok(ranks[i][1] > ranks[i][0], `g0 ranked by the other groups: ${JSON.stringify(ranks[i])}`);
  });
});
