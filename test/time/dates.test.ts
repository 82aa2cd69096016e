import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('absolute dates in both orders, with and without commas', () => {
  const t = times('The talks began on April 3, 2024 and resumed on 3 June 2025, then on March 12 2009.');
  assert.deepEqual([find(t, 'April 3, 2024').value, find(t, 'April 3, 2024').anchor], ['2024-04-03', 'absolute']);
  assert.equal(find(t, '3 June 2025').value, '2025-06-03');
  assert.equal(find(t, 'March 12 2009').value, '2009-03-12');
});

test('a month and year is a month', () => {
  const t = times('Output fell in June 2023.');
  assert.deepEqual([find(t, 'June 2023').value, find(t, 'June 2023').type], ['2023-06', 'DATE']);
});

test('a day and month without a year takes the publication year, or the next one ahead', () => {
  assert.equal(find(times('The deadline is 30 June.'), '30 June').value, '2025-06-30');
  // Written in December about a January meeting ahead.
  assert.equal(find(times('The leaders will meet on 15 January.', '2025-12-10'), '15 January').value, '2026-01-15');
  // Written in January about a December meeting past.
  assert.equal(find(times('The leaders met on 11 December.', '2026-01-25'), '11 December').value, '2025-12-11');
});

test('a weekday with the date fixes the year where the weekday matches', () => {
  const t = times('The truce beginning Saturday, 7 June, will be monitored.', '2025-06-04');
  assert.equal(find(t, 'Saturday, 7 June').value, '2025-06-07');
});

test('a month alone after a preposition is resolved with the tense; "may" the verb is not a month', () => {
  assert.equal(find(times('Prices rose sharply in March.'), 'March').value, '2025-03');
  assert.equal(find(times('The treaty will be signed in October.'), 'October').value, '2025-10');
  assert.equal(find(times('The new law took effect in November.', '2025-06-04'), 'November').value, '2024-11');
  assert.equal(times('They may agree to talks. Theresa May spoke.').length, 0);
});

test('a full stop after a month name ends the sentence, not the expression', () => {
  assert.equal(find(times('The deadline is 30 June.'), '30 June').end, 'The deadline is 30 June'.length);
});

test('numeric dates go through chrono-node', () => {
  const t = times('The report dated 2025-05-28 was leaked.');
  assert.equal(find(t, '2025-05-28').value, '2025-05-28');
  assert.equal(times('Growth was 3.5 percent.').length, 0);
});

test('without a publication date, a date without year stays unresolved', () => {
  const t = find(times('The deadline is 30 June.', null), '30 June');
  assert.deepEqual([t.value, t.anchor], [null, null]);
  const abs = find(times('The accord of 3 June 2025 holds.', null), '3 June 2025');
  assert.deepEqual([abs.value, abs.anchor], ['2025-06-03', 'absolute']);
});

test('two days of one month are two dates', () => {
  const t = times('A summit is possible on June 20 or 21; the last round was held on 2-3 May 2025.');
  assert.equal(find(t, 'June 20').value, '2025-06-20');
  assert.equal(find(t, '21').value, '2025-06-21');
  assert.equal(find(t, '2').value, '2025-05-02');
  assert.equal(find(t, '3 May 2025').value, '2025-05-03');
  assert.equal(times('The vote was 3-1 in favour.').length, 0);
});

test('a month after a possessive: "their January sales"', () => {
  assert.equal(find(times('Manufacturers reported their January sales.', '2025-02-03'), 'January').value, '2025-01');
});

test('a date a day off the anchor stays in its year whatever the tense says', () => {
  assert.equal(find(times('They met on 5 June.'), '5 June').value, '2025-06-05');
  assert.equal(find(times('The talks will resume on 3 June.'), '3 June').value, '2025-06-03');
});

test('"last September", "next March": the nearest such month before or after', () => {
  const t = times('Sales fell last September and will rise next March.', '2009-10-12');
  assert.equal(find(t, 'last September').value, '2009-09');
  assert.equal(find(t, 'next March').value, '2010-03');
  assert.equal(find(times('Sales fell last October.', '2009-10-12'), 'last October').value, '2008-10');
});
