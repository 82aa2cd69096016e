import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('"the next day" and "the same day" count from the last day the text named', () => {
  const t = times('The envoys arrived on 12 May 2025. The next day they met the president. Rebels attacked the same day.');
  assert.deepEqual([find(t, 'The next day').value, find(t, 'The next day').anchor], ['2025-05-13', 'text']);
  assert.equal(find(t, 'the same day').value, '2025-05-13');
});

test('"on the day" with no day named before it is the publication day', () => {
  const t = find(times('The index closed 2% up on the day.'), 'the day');
  assert.deepEqual([t.value, t.anchor], ['2025-06-04', 'published']);
  assert.equal(times('The day of reckoning came.').length, 0);
});

test('"the same period last year" is the period just named, a year back', () => {
  const t = times('Grain exports grew 12% in February against the same period last year, and slipped in the third quarter of 2024 against the same quarter a year earlier.', '2025-03-03');
  const same = find(t, 'the same period last year');
  assert.deepEqual([same.value, same.anchor], ['2024-02', 'text']);
  assert.equal(find(t, 'the same quarter a year earlier').value, '2023-Q3');
});
