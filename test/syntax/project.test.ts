import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTree, projectivize, projectTree, type GoldWord } from '../../src/syntax/project.js';

// "Ruiz can't go." as gold words (Ruiz ca n't go .), built by hand.
const text = "Ruiz can't go.";
function span(from: number, len: number) {
  return { start: from, end: from + len };
}
const gold: GoldWord[] = [
  { ...span(0, 4), head: 4, label: 'nsubj' },
  { ...span(5, 2), head: 4, label: 'aux' },
  { ...span(7, 3), head: 4, label: 'advmod' },
  { ...span(11, 2), head: 0, label: 'root' },
  { ...span(13, 1), head: 4, label: 'punct' },
];

test('one token per word: the tree carries over unchanged', () => {
  const p = projectTree(gold, gold);
  assert.equal(p.failure, null);
  assert.deepEqual([...p.heads], [3, 3, 3, -1, 3]);
  assert.deepEqual(p.labels, ['nsubj', 'aux', 'advmod', 'root', 'punct']);
  assert.equal(text.slice(gold[3].start, gold[3].end), 'go');
});

test('two words in one token: the token takes the arc of the word whose head is outside', () => {
  // "Ruiz" "can't" "go" "." — the tokeniser kept "can't" whole; both its words attach to "go",
  // so one arc is kept (the first non-punctuation word closest to the root) and counted.
  const tokens = [span(0, 4), span(5, 5), span(11, 2), span(13, 1)];
  const p = projectTree(gold, tokens);
  assert.equal(p.failure, null);
  assert.deepEqual([...p.heads], [2, 2, -1, 2]);
  assert.equal(p.labels[1], 'aux');
  assert.equal(p.merged, 1);
  assert.equal(p.repaired, 1);
  assert.equal(p.absorbed, 1);
});

test('a merged token whose inner word depends on the other keeps the outer arc without repair', () => {
  // "New Delhi" as one token: New → Delhi (compound), Delhi → root.
  const words: GoldWord[] = [
    { ...span(0, 3), head: 2, label: 'compound' },
    { ...span(4, 5), head: 0, label: 'root' },
  ];
  const p = projectTree(words, [span(0, 9)]);
  assert.equal(p.failure, null);
  assert.deepEqual([...p.heads], [-1]);
  assert.equal(p.labels[0], 'root');
  assert.equal(p.repaired, 0);
});

test('one word over several tokens: the last non-punctuation piece carries the arc', () => {
  // "e-mail sent": the tokeniser split "e-mail" into e, -, mail.
  const words: GoldWord[] = [
    { ...span(0, 6), head: 2, label: 'nsubj' },
    { ...span(7, 4), head: 0, label: 'root' },
  ];
  const tokens = [span(0, 1), span(1, 1), span(2, 4), span(7, 4)];
  const p = projectTree(words, tokens, (i) => i === 1);
  assert.equal(p.failure, null);
  assert.deepEqual([...p.heads], [2, 2, 3, -1]);
  assert.deepEqual(p.labels, ['goeswith', 'punct', 'nsubj', 'root']);
  assert.equal(p.split, 1);
});

test('words and tokens that cross each other are refused', () => {
  const words: GoldWord[] = [
    { ...span(0, 3), head: 2, label: 'nummod' },
    { ...span(3, 3), head: 0, label: 'root' },
  ];
  const p = projectTree(words, [span(0, 2), span(2, 4)]);
  assert.equal(p.failure, 'words and tokens cross');
});

test('a gold word with no token is refused', () => {
  const p = projectTree(gold, gold.slice(0, 4));
  assert.notEqual(p.failure, null);
});

test('projectivize lifts a crossing arc to the head of its head', () => {
  // Token 1 is the root; the arc 3 → 0 spans tokens 1 and 2, which 3 does not dominate.
  const heads = Int32Array.from([3, -1, 1, 1]);
  assert.ok(isTree(heads));
  const p = projectivize(heads);
  assert.deepEqual([...p], [1, -1, 1, 1]);
  assert.ok(isTree(p));
  const already = Int32Array.from([1, -1, 1]);
  assert.deepEqual([...projectivize(already)], [1, -1, 1]);
});

test('isTree wants one root and no cycle', () => {
  assert.ok(isTree(Int32Array.from([-1, 0, 1])));
  assert.ok(!isTree(Int32Array.from([-1, -1, 1])));
  assert.ok(!isTree(Int32Array.from([1, 2, 0])));
  assert.ok(!isTree(Int32Array.from([-1, 2, 1])));
});
