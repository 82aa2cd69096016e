// Grown issue labels: normalised to the seed vocabulary by head noun; junk dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPositions, issueFromPhrase } from '../../src/events/positions.js';
import { doc, entities, keyOf, view } from './helpers.js';

test('a grown issue whose head names a seed issue takes the seed issue', () => {
  assert.equal(issueFromPhrase(view('Tomahawk missiles').tokens), 'military aid');
  assert.equal(issueFromPhrase(view('a Budapest meeting').tokens), 'summit');
  assert.equal(issueFromPhrase(view('a fifth round').tokens), 'direct talks');
  assert.equal(issueFromPhrase(view('any snapback').tokens), 'sanctions');
  // a head not listed keeps its literal label
  assert.equal(issueFromPhrase(view('a wealth tax').tokens), 'wealth tax');
});

test('places, rhetoric and times are no issues; a quantity stands for what it measures', () => {
  assert.equal(issueFromPhrase(view('the Zaporizhzhia region').tokens), null);
  assert.equal(issueFromPhrase(view('their refineries').tokens), null);
  assert.equal(issueFromPhrase(view('a piece of paper').tokens), null);
  assert.equal(issueFromPhrase(view('Washington next week').tokens), null);
  assert.equal(issueFromPhrase(view('50 billion dollars of liquefied gas').tokens), 'liquefied gas');
});

test('"Ukrainian officials" found as a group speak for Ukraine', () => {
  const d = doc('Ukraine wants a truce. Ukrainian officials have pressed for a summit.');
  const ents = entities(d, [['Ukraine', 'place'], ['Ukrainian officials', 'group']]);
  const p = findPositions(d, ents, []).find((x) => x.issue === 'summit');
  assert.ok(p);
  assert.equal(p.actor, keyOf(ents, 'Ukraine'));
  assert.equal(p.stance, 'demand');
});
