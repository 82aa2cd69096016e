import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

// Friday 20 November 2026, as in the reviewer's case.
const FRI = '2026-11-20';

test('a weekday modifying a finished happening looks back, even in a future clause', () => {
  const t = times('Tuesday\'s agreement will be tested when the monitors arrive.', FRI);
  assert.equal(find(t, 'Tuesday').value, '2026-11-17');
  assert.equal(find(times('Monday\'s surprise announcement is expected to calm markets.', FRI), 'Monday').value, '2026-11-16');
});

test('a weekday modifying a scheduled happening takes the tense of the verb it governs', () => {
  // "said" is nearest on the left; the summit is ahead because it "will" decide.
  assert.equal(find(times('Officials said Monday\'s summit would decide the matter.', FRI), 'Monday').value, '2026-11-23');
  assert.equal(find(times('Officials hope Wednesday\'s summit ended the feud.', FRI), 'Wednesday').value, '2026-11-18');
});

test('"the October 7 attacks" is the most recent past October 7, not the nearest', () => {
  // Published 1 March 2026: the nearest October 7 is 2026-10-07 (seven months ahead); the
  // attacks are over, so 2025-10-07 — the most recent one on or before publication.
  const t = find(times('Since the October 7 attacks, the border has been closed.', '2026-03-01'), 'October 7');
  assert.deepEqual([t.value, t.anchor], ['2025-10-07', 'published']);
  // Even a few days before its anniversary, a finished happening is not in the future.
  assert.equal(find(times('The October 7 attacks will be remembered.', '2026-10-01'), 'October 7').value, '2025-10-07');
  // A month-day that modifies no happening keeps the ordinary reading.
  assert.equal(find(times('The envoys will return on October 7.', '2026-03-01'), 'October 7').value, '2026-10-07');
});

test('"last Tuesday" said on a Thursday is the Tuesday of the same week, two days earlier', () => {
  // Documented choice (British/US usage): "last" + weekday is the most recent such day before
  // the anchor, so on Thursday 19 Nov "last Tuesday" is 17 Nov and "last Friday" 13 Nov; said
  // on a Tuesday it is the week before.
  assert.equal(find(times('He spoke last Tuesday.', '2026-11-19'), 'last Tuesday').value, '2026-11-17');
  assert.equal(find(times('He spoke last Friday.', '2026-11-19'), 'last Friday').value, '2026-11-13');
  assert.equal(find(times('He spoke last Tuesday.', '2026-11-17'), 'last Tuesday').value, '2026-11-10');
});

test('a happening also announced ahead (a strike) follows its verb, not the noun', () => {
  assert.equal(find(times('Unions said Monday\'s strike will close schools.', FRI), 'Monday').value, '2026-11-23');
  assert.equal(find(times('Monday\'s strike closed schools.', FRI), 'Monday').value, '2026-11-16');
});
