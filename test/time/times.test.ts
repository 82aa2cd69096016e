import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('"9pm" on the publication day', () => {
  const t = find(times('The vote is set for 9pm.'), '9pm');
  assert.deepEqual([t.value, t.type, t.anchor], ['2025-06-04T21:00', 'TIME', 'published']);
});

test('clock times keep their zone as an offset', () => {
  assert.equal(find(times('The session opens at 09:15 CEST.'), '09:15 CEST').value, '2025-06-04T09:15+02:00');
  assert.equal(find(times('They met at 14:00 GMT.'), '14:00 GMT').value, '2025-06-04T14:00Z');
  assert.equal(find(times('It docked at 7:25 p.m. (GMT +3).'), '7:25 p.m. (GMT +3)').value, '2025-06-04T19:25+03:00');
  assert.equal(find(times('Trading resumed at 0800 UTC.'), '0800 UTC').value, '2025-06-04T08:00Z');
});

test('a time takes the day next to it', () => {
  assert.equal(find(times('Talks ended on Monday at 9pm.'), '9pm').value, '2025-06-02T21:00');
  assert.equal(find(times('Markets reopen 12:00 UTC Monday.'), '12:00 UTC Monday').value, '2025-06-09T12:00Z');
  assert.equal(find(times('It began at 16:15 UTC, June 1st, in Geneva.', '2025-06-04'), '16:15 UTC').value, '2025-06-01T16:15Z');
});

test('scores and ratios are not times', () => {
  assert.equal(times('The motion passed 3:1 and the team won 2:0.').length, 0);
});

test('"local time" belongs to the expression, without an offset', () => {
  assert.equal(find(times('The strike hit at 1430 local time.'), '1430 local time').value, '2025-06-04T14:30');
  assert.equal(find(times('It ended at 9 p.m. local time.'), '9 p.m. local time').value, '2025-06-04T21:00');
});

test('a time takes the day named elsewhere in its sentence', () => {
  const t = times('The ferry left on its first crossing Tuesday from Tallinn, Estonia at 18:00 UTC.', '2025-06-04');
  assert.deepEqual([find(t, '18:00 UTC').value, find(t, '18:00 UTC').anchor], ['2025-06-03T18:00Z', 'published']);
});

test('"10.32 BST": a full stop between hour and minutes only before a zone', () => {
  assert.equal(find(times('Updated at 10.32 BST.'), '10.32 BST').value, '2025-06-04T10:32+01:00');
  assert.equal(times('Growth was 10.32 percent.').length, 0);
});
