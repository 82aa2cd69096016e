import test from 'node:test';
import assert from 'node:assert/strict';
import { addDays, formatWeek, isoWeek, isoWeekday, parseIsoDate, valueDay, valueStart } from '../../src/time/calendar.js';

test('ISO weeks at year boundaries', () => {
  assert.deepEqual(isoWeek({ y: 2025, m: 6, d: 4 }), { year: 2025, week: 23 });
  assert.deepEqual(isoWeek({ y: 2024, m: 12, d: 30 }), { year: 2025, week: 1 });
  assert.deepEqual(isoWeek({ y: 2021, m: 1, d: 3 }), { year: 2020, week: 53 });
  assert.equal(formatWeek({ y: 2025, m: 6, d: 11 }), '2025-W24');
});

test('weekdays and day arithmetic across months and leap days', () => {
  assert.equal(isoWeekday({ y: 2025, m: 6, d: 7 }), 6);
  assert.deepEqual(addDays({ y: 2024, m: 2, d: 28 }, 1), { y: 2024, m: 2, d: 29 });
  assert.deepEqual(addDays({ y: 2025, m: 1, d: 1 }, -1), { y: 2024, m: 12, d: 31 });
});

test('a publication stamp is read as the date written, whatever its offset', () => {
  assert.deepEqual(parseIsoDate('2025-06-04T23:30:00-04:00'), { y: 2025, m: 6, d: 4 });
  assert.equal(parseIsoDate('yesterday'), null);
  assert.equal(parseIsoDate(null), null);
});

test('first day of TIMEX3 values, none for durations and vague references', () => {
  assert.deepEqual(valueStart('2025-W24'), { y: 2025, m: 6, d: 9 });
  assert.deepEqual(valueStart('2025-Q3'), { y: 2025, m: 7, d: 1 });
  assert.deepEqual(valueStart('2025-SU'), { y: 2025, m: 6, d: 1 });
  assert.deepEqual(valueStart('199'), { y: 1990, m: 1, d: 1 });
  assert.equal(valueStart('P60D'), null);
  assert.equal(valueStart('FUTURE_REF'), null);
  assert.deepEqual(valueDay('2025-06-03TEV'), { y: 2025, m: 6, d: 3 });
  assert.equal(valueDay('2025-06'), null);
});
