// The trust scorer's issue matcher (bench/lib/trust-score.ts; rule in bench/gold/ecbplus/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issueMatches } from '../../bench/lib/trust-score.js';

test('plurals and singulars stem alike', () => {
  assert.ok(issueMatches('the grazing rule', 'grazing rules'));
  assert.ok(issueMatches('foreign forces', 'force'));
});

test('the noun before a preposition heads the phrase', () => {
  assert.ok(issueMatches('troop withdrawal', 'withdrawal of forces from the valley'));
  assert.ok(!issueMatches('troop withdrawal', 'cap on troops in the valley'));
});

test('plain head synonyms match; other heads do not', () => {
  assert.ok(issueMatches('the river treaty', 'river accord'));
  assert.ok(issueMatches('a truce', 'ceasefire'));
  // "deal" is not listed: it may be a contract or an agreement.
  assert.ok(!issueMatches('player contract', 'transfer deal'));
  assert.ok(!issueMatches('grain tariff', 'fishing quota'));
});
