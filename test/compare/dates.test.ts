import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dates } from '../../src/compare/dates.js';
import { runDetector } from '../../src/compare/claims.js';
import { article, briefOf, context, time } from './helpers.js';

test('one session dated Tuesday by one outlet and Wednesday by another is a discrepancy', () => {
  const a = article('a', 'The two delegations agreed on the prisoner exchange at a session on Tuesday.');
  const b = article('b', "At Wednesday's session, the delegations agreed on the prisoner exchange.");
  const brief = briefOf([a, b], { times: [time(a, 'Tuesday', '2026-05-12'), time(b, 'Wednesday', '2026-05-13')] });
  const found = runDetector(dates, context(brief).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].explanation, /Tuesday,? 12 May 2026/);
  assert.match(found[0].explanation, /Wednesday,? 13 May 2026/);
});

test('the same day in other words, or another occurrence of the event, is not', () => {
  const a = article('a', 'The talks will resume next Monday in Lomara.');
  const b = article('b', 'The talks resumed today in Lomara.');
  const c = article('c', 'The talks opened on Thursday in Lomara.');
  const brief = briefOf([a, b, c], { times: [time(a, 'next Monday', '2026-05-18'), time(b, 'today', '2026-05-18'), time(c, 'Thursday', '2026-05-14')] });
  assert.equal(runDetector(dates, context(brief).ctx).length, 0);
});

test('clock times of one happening: "8.40pm" and "8.49pm" disagree; "about 3 p.m." and "3:10 p.m." do not', async () => {
  const { clockOf, whenConflict } = await import('../../src/compare/dates.js');
  const w = (text: string) => ({ day: null, weekday: null, month: null, year: null, decade: null, clock: clockOf(text) });
  assert.ok(whenConflict(w('at 8.40pm'), w('at 8.49pm')));
  assert.ok(!whenConflict(w('about 3 p. m.'), w('3: 10 p. m.')));
  assert.ok(whenConflict(w('at 3: 30 p. m.'), w('at 3: 10 p. m.')));
  assert.ok(!whenConflict(w('shortly after 3 p.m.'), w('3:10 p.m.')));
  // a time of day against a part of the day
  assert.ok(whenConflict(w('Tuesday afternoon'), w('08:30 on Tuesday')));
  assert.ok(!whenConflict(w('Tuesday morning'), w('08:30 on Tuesday')));
  // GMT against local time is not compared
  assert.ok(!whenConflict(w('2045 GMT'), w('8.40pm')));
});
