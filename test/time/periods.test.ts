import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

// Published Wednesday 4 June 2025 (ISO week 2025-W23).
test('weeks as periods: this, next, last week', () => {
  const t = times('Negotiators will return next week. Drafts circulated last week. This week nothing moved.');
  assert.equal(find(t, 'next week').value, '2025-W24');
  assert.equal(find(t, 'last week').value, '2025-W22');
  assert.equal(find(t, 'This week').value, '2025-W23');
});

test('months and years relative to publication', () => {
  const t = times('Prices rose last month. Elections are due next year. Earlier this year the army withdrew.');
  assert.equal(find(t, 'last month').value, '2025-05');
  assert.equal(find(t, 'next year').value, '2026');
  assert.deepEqual([find(t, 'Earlier this year').value, find(t, 'Earlier this year').anchor], ['2025', 'published']);
});

test('"last month" in January is December of the year before', () => {
  assert.equal(find(times('Exports fell last month.', '2025-01-15'), 'last month').value, '2024-12');
});

test('weekends', () => {
  assert.equal(find(times('Protests are planned this weekend.'), 'this weekend').value, '2025-W23-WE');
  assert.equal(find(times('Fighting flared over the weekend.'), 'the weekend').value, '2025-W22-WE');
});

test('quarters and halves, with a year or from publication', () => {
  const t = times('The first quarter of 2025 was calm; the third quarter will not be. Growth slowed in the second half of last year.');
  assert.equal(find(t, 'The first quarter of 2025').value, '2025-Q1');
  assert.equal(find(t, 'the third quarter').value, '2025-Q3');
  assert.equal(find(t, 'the second half of last year').value, '2024-H2');
});

test('seasons: documented as YEAR-SP/SU/FA/WI', () => {
  const t = times('Troops pulled back last summer and will return in the spring. Talks collapsed in spring 2009.');
  assert.equal(find(t, 'last summer').value, '2024-SU');
  assert.equal(find(t, 'spring').value, '2026-SP');
  assert.equal(find(t, 'spring 2009').value, '2009-SP');
  assert.equal(times('Share prices fall when rates rise.').length, 0);
});

test('early/mid/late and "the end of" keep the period\'s value (the TIMEX3 mod is dropped)', () => {
  const t = times('Output fell in early 2020, recovered by mid-2021 and will peak by the end of the year.');
  assert.equal(find(t, 'early 2020').value, '2020');
  assert.equal(find(t, 'mid-2021').value, '2021');
  assert.equal(find(t, 'the end of the year').value, '2025');
});

test('"the last week of March" is the week holding its last Thursday', () => {
  assert.equal(find(times('Talks resumed in the last week of March.', '2009-04-01'), 'the last week of March').value, '2009-W13');
});

test('"the past decade" is a duration', () => {
  const t = find(times('Inflation doubled over the past decade.'), 'the past decade');
  assert.deepEqual([t.value, t.type], ['P10Y', 'DURATION']);
});

test('"this past weekend" and "next year\'s elections"', () => {
  assert.equal(find(times('Troops withdrew this past weekend.'), 'this past weekend').value, '2025-W22-WE');
  assert.equal(find(times("Next year's elections loom."), "Next year").value, '2026');
});

test('a capitalised season inside a sentence is a season without a cue', () => {
  assert.equal(find(times('The IMF held its Autumn meetings.', '2025-10-13'), 'Autumn').value, '2025-FA');
});
