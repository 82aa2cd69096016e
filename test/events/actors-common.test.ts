// Actors named by common nouns: "both sides", "the rebels", "the union".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPositions } from '../../src/events/positions.js';
import { doc, entities, keyOf } from './helpers.js';

test('"Both sides" are the two states most named, not the city where they meet', () => {
  const d = doc(
    'Delegations met in Istanbul on Monday. Talks in Istanbul resumed in Istanbul on Tuesday. ' +
      'Russia wants a truce. Russia also wants sanctions relief. Ukraine wants guarantees, and Kyiv wants observers. Both sides agreed to a prisoner exchange.',
  );
  const ents = entities(d, [['Istanbul', 'place'], ['Russia', 'place'], ['Ukraine', 'place'], ['Kyiv', 'place']]);
  const actors = findPositions(d, ents, []).filter((p) => p.issue === 'prisoner exchange').map((p) => p.actor).sort();
  assert.deepEqual(actors, [keyOf(ents, 'Russia'), keyOf(ents, 'Ukraine')].sort());
});

test('"the rebels" refers back to the named rebel movement; "the union" to the dockworkers\' federation', () => {
  const d = doc('The Tamsin Liberation Movement holds 40 hostages. Officials met in Oslo. The rebels rejected a ceasefire.');
  const ents = entities(d, [['Tamsin Liberation Movement', 'organization'], ['Oslo', 'place']]);
  const p = findPositions(d, ents, []).find((x) => x.issue === 'ceasefire');
  assert.ok(p);
  assert.equal(p.actor, keyOf(ents, 'Tamsin Liberation Movement'));
  assert.equal(p.stance, 'oppose');

  const d2 = doc('Aegean Terminal Holdings runs the port. The Federation of Dockworkers called a strike. The union demanded a pay rise.');
  const e2 = entities(d2, [['Aegean Terminal Holdings', 'organization'], ['Federation of Dockworkers', 'organization']]);
  const p2 = findPositions(d2, e2, []).find((x) => x.issue === 'wages');
  assert.ok(p2);
  assert.equal(p2.actor, keyOf(e2, 'Federation of Dockworkers'));
});

test('a common noun with no fitting named body takes no actor', () => {
  const d = doc('Officials met in Oslo. The rebels rejected a ceasefire.');
  const ents = entities(d, [['Oslo', 'place'], ['Norway', 'place']]);
  assert.equal(findPositions(d, ents, []).filter((x) => x.issue === 'ceasefire').length, 0);
});
