import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('"every week" → SET P1W', () => {
  const t = find(times('Envoys meet every week.'), 'every week');
  assert.deepEqual([t.value, t.type], ['P1W', 'SET']);
});

test('every N units, every other week, every weekday', () => {
  const t = times('Elections are held every two years, inspections every other week and prayers every Friday.');
  assert.equal(find(t, 'every two years').value, 'P2Y');
  assert.equal(find(t, 'every other week').value, 'P2W');
  assert.equal(find(t, 'every Friday').value, 'XXXX-WXX-5');
});

test('adverbs and rates', () => {
  const t = times('The council meets weekly; aid of $5bn a year and two flights per month continue, twice a day.');
  assert.equal(find(t, 'weekly').value, 'P1W');
  assert.equal(find(t, 'a year').value, 'P1Y');
  assert.equal(find(t, 'per month').value, 'P1M');
  assert.equal(find(t, 'a day').type, 'SET');
});

test('a rate after a counted noun: "100 trucks a day"', () => {
  const t = find(times('Aid is limited to about 100 trucks a day.'), 'a day');
  assert.deepEqual([t.value, t.type], ['P1D', 'SET']);
});

test('a weekday in the plural recurs', () => {
  const t = find(times('The committee meets on Tuesdays.'), 'Tuesdays');
  assert.deepEqual([t.value, t.type], ['XXXX-WXX-2', 'SET']);
});
