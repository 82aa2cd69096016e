// One position per actor, issue and stance across articles (src/events/grouping.ts): labels that
// name one issue merge; a word of limitation or ending keeps them apart. Invented labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issueStems, sameIssue, seedIssueOf } from '../../src/events/grouping.js';

test('issueStems: content words, stemmed so that singular and plural agree', () => {
  assert.deepEqual(issueStems('the rule changes'), issueStems('rule change'));
  assert.deepEqual(issueStems("Norland's quota"), ['norland', 'quota']);
});

test('labels of one issue merge', () => {
  assert.ok(sameIssue('funding of the observer mission', 'observer mission'));
  assert.ok(sameIssue('late rule changes', 'late rule change'));
  assert.ok(sameIssue('truce', 'ceasefire'));
});

test('a limitation or an ending is never merged with what it limits', () => {
  assert.ok(!sameIssue('cap on the observer mission', 'observer mission'));
  assert.ok(!sameIssue('limits on grain exports', 'grain exports'));
  assert.ok(!sameIssue('end of the blockade', 'blockade'));
  assert.ok(!sameIssue('lifting of sanctions', 'sanctions'));
});

test('different heads are different issues', () => {
  assert.ok(!sameIssue('grain exports', 'grain tariff'));
});

test('seedIssueOf: a seed issue, a variant, or none', () => {
  assert.equal(seedIssueOf('truce'), 'ceasefire');
  assert.equal(seedIssueOf('weather'), null);
});
