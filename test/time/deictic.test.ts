import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('today, yesterday, tomorrow and the day after tomorrow count from publication', () => {
  const t = times('The vote is scheduled for tomorrow. Yesterday the talks stalled. Today both sides wait. The day after tomorrow is a holiday.');
  assert.equal(find(t, 'tomorrow').value, '2025-06-05');
  assert.equal(find(t, 'Yesterday').value, '2025-06-03');
  assert.equal(find(t, 'Today').value, '2025-06-04');
  assert.equal(find(t, 'The day after tomorrow').value, '2025-06-06');
  assert.equal(find(t, 'tomorrow').anchor, 'published');
});

test('tonight, last night and this morning are TIMEs with a part of day', () => {
  const t = times('Strikes hit the port last night. The council meets tonight. Officials said this morning that it was calm.');
  assert.deepEqual([find(t, 'last night').value, find(t, 'last night').type], ['2025-06-03TNI', 'TIME']);
  assert.equal(find(t, 'tonight').value, '2025-06-04TNI');
  assert.equal(find(t, 'this morning').value, '2025-06-04TMO');
});

test('"earlier today" is one expression', () => {
  assert.equal(find(times('The statement was issued earlier today.'), 'earlier today').value, '2025-06-04');
});

test('"Today" capitalised inside a sentence is a name (USA Today), not a date', () => {
  assert.equal(times('The figures were first reported by USA Today and Russia Today.').length, 0);
  assert.equal(find(times('Today, the talks resume.'), 'Today').value, '2025-06-04');
});
