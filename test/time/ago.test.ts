import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('"N units ago" takes the granularity of its unit', () => {
  const t = times('The ceasefire collapsed two years ago. The envoy left three days ago. A week ago the border opened. Six months ago talks began.');
  assert.equal(find(t, 'two years ago').value, '2023');
  assert.equal(find(t, 'three days ago').value, '2025-06-01');
  assert.equal(find(t, 'A week ago').value, '2025-W22');
  assert.equal(find(t, 'Six months ago').value, '2024-12');
});

test('"decades ago" is a vague past reference', () => {
  assert.equal(find(times('The border was drawn decades ago.'), 'decades ago').value, 'PAST_REF');
});

test('without a publication date nothing is counted back from a guess', () => {
  const t = find(times('The ceasefire collapsed two years ago.', null), 'two years ago');
  assert.deepEqual([t.value, t.anchor], [null, null]);
});
