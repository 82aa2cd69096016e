import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('adjectival durations: "a 60-day truce" → P60D', () => {
  const t = find(times('Both sides agreed to a 60-day truce.'), '60-day');
  assert.deepEqual([t.value, t.type, t.anchor], ['P60D', 'DURATION', 'absolute']);
  assert.equal(find(times('A 12-hour curfew was imposed.'), '12-hour').value, 'PT12H');
  assert.equal(find(times('It ended a fifty-year feud.'), 'fifty-year').value, 'P50Y');
});

test('counted durations with modifiers', () => {
  const t = times('The siege lasted nearly five months, then two and a half years of talks and 90 days of calm followed, after six straight days of shelling.');
  assert.equal(find(t, 'nearly five months').value, 'P5M');
  assert.equal(find(t, 'two and a half years').value, 'P2.5Y');
  assert.equal(find(t, '90 days').value, 'P90D');
  assert.equal(find(t, 'six straight days').value, 'P6D');
});

test('unspecified stretches', () => {
  assert.equal(find(times('Fighting raged for years.'), 'years').value, 'PXY');
  assert.equal(find(times('It fell within minutes.'), 'minutes').value, 'PTXM');
  assert.equal(find(times('Negotiations may take several weeks.'), 'several weeks').value, 'PXW');
});

test('"in the coming weeks" is a vague future reference; "in recent months" a past one', () => {
  assert.equal(find(times('A deal could come in the coming weeks.'), 'the coming weeks').value, 'FUTURE_REF');
  assert.equal(find(times('Attacks rose in recent months.'), 'recent months').value, 'PAST_REF');
});

test('"a day" only where a duration is meant; an age is not a duration', () => {
  assert.equal(find(times('The talks were suspended for a week.'), 'a week').value, 'P1W');
  assert.equal(times('It was a day of mourning. A 45-year-old man was held. A second round follows.').filter((x) => x.type === 'DURATION').length, 0);
});

test('"-long" durations', () => {
  assert.equal(find(times('Talks resumed after a week-long pause in a two-year-long war.'), 'two-year-long').value, 'P2Y');
});

test('"decades-long" is an unspecified duration', () => {
  assert.equal(find(times('They settled a decades-long dispute.'), 'decades-long').type, 'DURATION');
});
