import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';
import { shiftValue } from '../../src/time/rules/anaphora.js';

test('"three days later" and "a day earlier" count from the date just named, anchor "text"', () => {
  const t = times('The talks opened on 12 May 2025. Three days later the envoys left. A day earlier they had met the king.');
  const later = find(t, 'Three days later');
  assert.deepEqual([later.type, later.value, later.anchor], ['DATE', '2025-05-15', 'text']);
  // The antecedent of "a day earlier" is "Three days later" (the previous sentence), not 12 May.
  assert.equal(find(t, 'A day earlier').value, '2025-05-14');
});

test('"the following week" and "the previous month" keep the unit\'s granularity', () => {
  const t = times('The ceasefire began on 12 May 2025. The following week the sides met in Doha. In 2009 the first round failed; two years later a second one did.');
  assert.equal(find(t, 'The following week').value, '2025-W21');
  assert.deepEqual([find(t, 'two years later').value, find(t, 'two years later').anchor], ['2011', 'text']);
});

test('with no dated expression in the paragraph or the sentence before, the value stays null', () => {
  const t = times('The envoys met on 12 May 2025.\n\nThe delegation is large.\n\nIt grew. Three days later they left.');
  const later = find(t, 'Three days later');
  assert.deepEqual([later.value, later.anchor], [null, null]);
});

test('a distance from an event or a stretch from now is not anaphoric', () => {
  const t = times('On 12 May 2025 they met. Two days before the vote, rebels attacked. Over the next month aid will flow.');
  assert.ok(!t.some((a) => a.text === 'Two days before'));
  assert.ok(!t.some((a) => a.text === 'the next month' && a.anchor === 'text'));
});

test('shiftValue moves a value at the coarser granularity', () => {
  assert.equal(shiftValue('2025-05-12', 3, 'D'), '2025-05-15');
  assert.equal(shiftValue('2025-12', 2, 'M'), '2026-02');
  assert.equal(shiftValue('2009', 1, 'M'), null);
});

test('"later than planned" is a comparison, not a date after the last one', () => {
  const t = times('The launch was set for 2 May 2025. It came three days later than originally planned.');
  assert.ok(!t.some((a) => a.text === 'three days later'));
});

test('"the next day" and "the day before" need a day in the paragraph or the sentence before', () => {
  const near = times('Talks opened on 12 May 2025. The day before, rebels shelled the city.');
  assert.deepEqual([find(near, 'The day before').value, find(near, 'The day before').anchor], ['2025-05-11', 'text']);
  const far = times('Talks opened on 12 May 2025.\n\nThe mood was grim.\n\nMany left. The next day the rest went home.');
  assert.deepEqual([find(far, 'The next day').value, find(far, 'The next day').anchor], [null, null]);
});

test('"the year before" and "the year previous" count from the period just named', () => {
  const t = times('Exports fell in 2009, after rising 4% the year previous. The week after, prices fell too.');
  assert.equal(find(t, 'the year previous').value, '2008');
  assert.ok(!times('In 2009 it grew, the year before the war.').some((a) => a.text === 'the year before'));
});
