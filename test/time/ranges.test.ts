import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

// Published Wednesday 4 June 2025.
test('a month range in a past sentence ends in the past and both ends share the year', () => {
  const t = times('Prices rose between May and July, the bank said.');
  assert.deepEqual([find(t, 'May').value, find(t, 'July').value], ['2024-05', '2024-07']);
});

test('a future range starts ahead; a range over the new year wraps', () => {
  const t = times('The truce will hold from October to January.');
  assert.deepEqual([find(t, 'October').value, find(t, 'January').value], ['2025-10', '2026-01']);
});

test('year ranges keep both ends as expressions', () => {
  const t = times('Output fell from 2009 to 2011.');
  assert.deepEqual([find(t, '2009').value, find(t, '2011').value], ['2009', '2011']);
});

test('fiscal years are FY values (TimeML), with or without the word "year"', () => {
  const t = times('Its fiscal year 2024 budget and the FY2025 plan, like fiscal 2023, beat FY24 targets.');
  assert.deepEqual(['fiscal year 2024', 'FY2025', 'fiscal 2023', 'FY24'].map((s) => find(t, s).value), ['FY2024', 'FY2025', 'FY2023', 'FY2024']);
  assert.equal(find(t, 'FY2025').anchor, 'absolute');
});
