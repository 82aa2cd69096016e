import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

// Published Wednesday 4 June 2025.
test('a holiday takes its year from the tense', () => {
  assert.equal(find(times('Talks will resume after Christmas.'), 'Christmas').value, '2025-12-25');
  assert.equal(find(times('A truce was agreed on Christmas Eve.'), 'Christmas Eve').value, '2024-12-24');
  const t = find(times('They met on New Year’s Eve.'), 'New Year’s Eve');
  assert.deepEqual([t.value, t.anchor], ['2024-12-31', 'published']);
});

test('a holiday with a year is absolute; New Year\'s Day written in December is the next one', () => {
  const t = find(times('The strike began on Christmas Day 2023.'), 'Christmas Day 2023');
  assert.deepEqual([t.value, t.anchor], ['2023-12-25', 'absolute']);
  assert.equal(find(times('The tariffs take effect on New Year\'s Day.', '2025-12-20'), 'New Year\'s Day').value, '2026-01-01');
});

test('Independence Day only with its country; other calendars and things named Christmas are not dates', () => {
  assert.equal(find(times('Parades were cancelled on Ukraine\'s Independence Day.', '2025-09-01'), 'Independence Day').value, '2025-08-24');
  const none = times('Independence Day was marked. Lunar New Year\'s Eve passed. Christmas Island is remote.');
  assert.deepEqual(none.map((a) => a.text), []);
});

test('"the Christmas period" and "Christmas sales" are a season, not 25 December', () => {
  assert.ok(!times('Sales in the Christmas period fell. Christmas and New Year sales were weak.').some((a) => /Christmas/.test(a.text)));
});
