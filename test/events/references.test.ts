// "the offer", "the proposal": a stance on an earlier stance takes its issue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPositions, referenceOf } from '../../src/events/positions.js';
import { doc, entities, keyOf, view } from './helpers.js';

test('referenceOf: definite offer/demand nouns only', () => {
  assert.equal(referenceOf(view('the offer').tokens), 'offer');
  assert.equal(referenceOf(view('this proposal').tokens), 'offer');
  assert.equal(referenceOf(view('the ultimatum').tokens), 'demand');
  assert.equal(referenceOf(view('an offer').tokens), undefined);
  assert.equal(referenceOf(view('the weather').tokens), undefined);
});

test('"welcomed the offer" supports the issue of the offer made just before', () => {
  const d = doc('The Vatican has offered to mediate a prisoner exchange. Ukraine welcomed the offer.');
  const ents = entities(d, [['Vatican', 'organization'], ['Ukraine', 'place']]);
  const p = findPositions(d, ents, []).find((x) => x.actor === keyOf(ents, 'Ukraine'));
  assert.ok(p);
  assert.equal(p.issue, 'prisoner exchange');
  assert.equal(p.stance, 'support');
  assert.equal(d.text.slice(p.start, p.end), 'welcomed the offer');
});

test('with no earlier offer, "the offer" takes no position', () => {
  const d = doc('Ukraine demanded a truce. Officials met. Ukraine welcomed the offer.');
  const ents = entities(d, [['Ukraine', 'place']]);
  const ps = findPositions(d, ents, []);
  assert.deepEqual(ps.map((p) => p.issue), ['ceasefire']);
});
