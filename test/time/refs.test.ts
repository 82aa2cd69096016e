import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('references without a calendar value take the TIMEX3 *_REF values', () => {
  const t = times('The army is currently regrouping; it recently lost ground and may attack in the near future. Such deals rarely hold in the long term.');
  assert.equal(find(t, 'currently').value, 'PRESENT_REF');
  assert.equal(find(t, 'recently').value, 'PAST_REF');
  assert.equal(find(t, 'the near future').value, 'FUTURE_REF');
  assert.equal(find(t, 'the long term').value, 'FUTURE_REF');
  assert.equal(find(t, 'currently').anchor, 'absolute');
});

test('"as soon as" and "the current account" are not time references', () => {
  assert.equal(times('They will sign as soon as the text is ready. The current account deficit grew.').length, 0);
});

test('"the past" alone is a reference, "the past nine days" a duration', () => {
  const t = times('The past weighs on both sides, after the past nine days of shelling.');
  assert.equal(find(t, 'The past').value, 'PAST_REF');
  assert.equal(find(t, 'the past nine days').value, 'P9D');
});
