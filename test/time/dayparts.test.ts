import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

// Published Wednesday 4 June 2025.
test('"in the early hours of Sunday" is that Sunday at night', () => {
  const t = find(times('Drones struck the port in the early hours of Sunday.'), 'the early hours of Sunday');
  assert.deepEqual([t.type, t.value, t.anchor], ['TIME', '2025-06-01TNI', 'published']);
  assert.equal(find(times('Troops moved in the small hours of yesterday.'), 'the small hours of yesterday').value, '2025-06-03TNI');
});

test('a bare "overnight" in a report is the night before the publication day', () => {
  assert.equal(find(times('Shelling continued overnight, officials said.'), 'overnight').value, '2025-06-03TNI');
  assert.equal(find(times('The delegation will fly overnight to Doha.'), 'overnight').value, '2025-06-04TNI');
  assert.equal(find(times('Talks ran overnight into Friday.'), 'overnight into Friday').value, '2025-05-29TNI');
  assert.equal(find(times('Talks ran overnight on Friday.'), 'overnight on Friday').value, '2025-05-30TNI');
});

test('"overnight" that is not a night is left alone', () => {
  assert.ok(!times('It was no overnight success, and overnight rates rose.').some((a) => /overnight/i.test(a.text)));
});

test('"late on Tuesday" keeps the day and its span', () => {
  const t = find(times('The deal was signed late on Tuesday.'), 'late on Tuesday');
  assert.deepEqual([t.type, t.value], ['DATE', '2025-06-03']);
});
