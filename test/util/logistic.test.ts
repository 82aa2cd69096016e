import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseThreshold, crossValidated, reliabilityTable, score, train, type Example } from '../../src/util/logistic.js';

function examples(): Example[] {
  const out: Example[] = [];
  // "good" predicts a right item 9 times in 10, "bad" 2 times in 10.
  for (let i = 0; i < 100; i++) out.push({ x: { good: 1 }, y: i % 10 === 0 ? 0 : 1, group: `g${i % 4}` });
  for (let i = 0; i < 100; i++) out.push({ x: { bad: 1 }, y: i % 5 === 0 ? 1 : 0, group: `g${i % 4}` });
  return out;
}

test('logistic regression learns calibrated probabilities, deterministically', () => {
  const m1 = train(examples());
  const m2 = train(examples());
  assert.deepEqual(m1, m2);
  const pGood = score(m1, { good: 1 });
  const pBad = score(m1, { bad: 1 });
  assert.ok(Math.abs(pGood - 0.9) < 0.05, `good ${pGood}`);
  assert.ok(Math.abs(pBad - 0.2) < 0.05, `bad ${pBad}`);
  assert.equal(score(m1, { unseen: 1 }), score(m1, {}));
});

test('the threshold is the lowest score whose shown items reach the target precision', () => {
  const ex = examples();
  const s = crossValidated(ex);
  const labels = ex.map((e) => e.y);
  const t = chooseThreshold(s, labels, 0.85);
  assert.ok(t > 0.5 && t < 1, `threshold ${t}`);
  const shown = s.map((v, i) => [v, labels[i]] as const).filter(([v]) => v >= t);
  assert.equal(shown.length, 100);
  assert.ok(shown.filter(([, y]) => y === 1).length / shown.length >= 0.85);
  // An unreachable target shows nothing.
  assert.equal(chooseThreshold(s, labels, 0.99), 1);
  const table = reliabilityTable(s, labels);
  assert.equal(table.reduce((n, r) => n + r[2], 0), 200);
});
