import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

// Published Wednesday 4 June 2025.
test('a weekday in a past-tense sentence looks back', () => {
  assert.equal(find(times('The ministers met on Saturday.'), 'Saturday').value, '2025-05-31');
  assert.equal(find(times('Delegations had arrived on Friday.'), 'Friday').value, '2025-05-30');
});

test('a weekday in a future or planning sentence looks forward', () => {
  assert.equal(find(times('The envoys will arrive on Saturday.'), 'Saturday').value, '2025-06-07');
  assert.equal(find(times('Talks are set to resume Friday.'), 'Friday').value, '2025-06-06');
  assert.equal(find(times('A vote has been scheduled for Thursday.'), 'Thursday').value, '2025-06-05');
  assert.equal(find(times('The foreign ministers plan to meet on Monday.'), 'Monday').value, '2025-06-09');
});

test('"this Friday", "next Friday", "last Friday"', () => {
  assert.equal(find(times('Delegations will meet this Friday.'), 'this Friday').value, '2025-06-06');
  assert.equal(find(times('They will meet next Friday.'), 'next Friday').value, '2025-06-06');
  assert.equal(find(times('They met last Wednesday.'), 'last Wednesday').value, '2025-05-28');
});

test('a part of the day makes a TIME', () => {
  const t = find(times('Talks resumed Tuesday evening.'), 'Tuesday evening');
  assert.deepEqual([t.value, t.type, t.anchor], ['2025-06-03TEV', 'TIME', 'published']);
});

test('"Monday\'s session" dates the session', () => {
  const t = find(times("Monday's session ended without agreement."), 'Monday');
  assert.deepEqual([t.value, t.anchor], ['2025-06-02', 'published']);
});

test('named days are not weekday references', () => {
  assert.equal(times('The anniversary of Bloody Sunday was marked.').length, 0);
});

test('a weekday in an undated article stays unresolved', () => {
  const t = find(times('The ministers met on Saturday.', null), 'Saturday');
  assert.deepEqual([t.value, t.anchor], [null, null]);
});

test('newspapers named after a day are not dates', () => {
  assert.equal(times('The Sunday Times and the Mail on Sunday reported the talks.').length, 0);
});

test('an infinitive of purpose after the date does not make it future', () => {
  assert.equal(find(times('The ministers met in Geneva on Monday to discuss a ceasefire.'), 'Monday').value, '2025-06-02');
});

test('a headline in the present tense does not push a weekday forward; "to" does', () => {
  assert.equal(find(times('Russia and Ukraine meet in Istanbul on Monday\nThe delegations met for an hour.', '2025-06-03'), 'Monday').value, '2025-06-02');
  assert.equal(find(times('Talks to resume on Friday\nThe delegations met for an hour.', '2025-06-03'), 'Friday').value, '2025-06-06');
});

test('with no tense to go by, the nearer weekday', () => {
  // Published Sunday 1 June: Monday is tomorrow, not six days ago.
  assert.equal(find(times('Russia and Ukraine meet in Istanbul on Monday\nThe delegations arrived.', '2025-06-01'), 'Monday').value, '2025-06-02');
});
