// Stances read from the dependency tree (src/events/stance-syntax.ts): polarity and scope
// (negation, negating frames, limitation, rejection as not enough, campaigning against), requests,
// acts named by their noun, and what is no position. Invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionReading, syntaxPositionsInSentence } from '../../src/events/stance-syntax.js';
import { conditionsInSentence } from '../../src/events/conditions.js';
import { reportingOf } from '../../src/events/speakers.js';
import { sentenceView, textOf } from '../../src/events/clause.js';
import { doc } from './helpers.js';

function read(text: string): { subject: string | null; stance: string; issue: string }[] {
  const d = doc(text);
  const v = sentenceView(d, 0);
  const r = reportingOf(v);
  return syntaxPositionsInSentence(d, 0, v, r, conditionsInSentence(v, r)).map((p) => ({ subject: p.subject ? textOf(v, p.subject.from, p.subject.to) : null, stance: p.stance, issue: p.issue }));
}

function has(text: string, subject: string, stance: string, issue: string): void {
  const f = read(text);
  assert.ok(f.some((p) => p.subject === subject && p.stance === stance && p.issue === issue), `expected ${subject} ${stance} «${issue}» in: ${text}\n got ${JSON.stringify(f)}`);
}

function never(text: string, stance: string): void {
  const f = read(text);
  assert.ok(!f.some((p) => p.stance === stance), `did not expect ${stance} in: ${text}\n got ${JSON.stringify(f)}`);
}

test('a stance verb: its subject holds the stance, its object is the issue', () => {
  has('Norland rejected the fishing quota.', 'Norland', 'oppose', 'fishing quota');
});

test('negation turns the stance round, never leaving the plain reading', () => {
  has('Norland did not reject the fishing quota.', 'Norland', 'support', 'fishing quota');
  never('Norland did not reject the fishing quota.', 'oppose');
});

test('a negating frame turns its complement round: "refused to accept" opposes', () => {
  has('The Pellan government refused to accept the border plan.', 'The Pellan government', 'oppose', 'border plan');
  never('The Pellan government refused to accept the border plan.', 'support');
});

test('wanting to limit something opposes (more of) it', () => {
  has('Norland wants to cap grain exports.', 'Norland', 'oppose', 'grain exports');
  never('Norland wants to cap grain exports.', 'support');
});

test('campaigning against something opposes it', () => {
  has('Farmers campaigned against the new tariff.', 'Farmers', 'oppose', 'tariff');
});

test('an offer rejected as not enough is no opposition to the offer', () => {
  never('The union dismissed the wage offer as inadequate.', 'oppose');
});

test('an act a party commits to or asks for is named by its noun', () => {
  has('Norland agreed to withdraw troops from the valley.', 'Norland', 'offer', 'troop withdrawal');
  has('Velmont offered to fund the observer mission.', 'Velmont', 'offer', 'funding of observer mission');
  // Whoever urges another party to act demands the act.
  has('Velmont urged Norland to release the detainees.', 'Velmont', 'demand', 'detainee release');
  never('Velmont urged Norland to release the detainees.', 'support');
});

test('a request to back a text supports it; to reject it opposes it; the party asked is no issue', () => {
  has('Velmont urged the deputies to ratify the river accord.', 'Velmont', 'support', 'river accord');
  has('Velmont urged parliament to reject the river accord.', 'Velmont', 'oppose', 'river accord');
  has('Velmont urged Norland to accept the truce.', 'Velmont', 'demand', 'truce');
  assert.ok(read('Velmont urged the deputies to ratify the river accord.').every((p) => p.issue !== 'deputies'));
});

test('an act told as past narration, a question or a time is no position', () => {
  assert.deepEqual(read('Norland withdrew its troops last year.'), []);
  assert.deepEqual(read('Will Norland reject the fishing quota?'), []);
  // "on Monday" says when, not what.
  assert.ok(read('Velmont proposed a truce on Monday.').every((p) => !/monday/i.test(p.issue)));
});

test('markup in the text names no issue', () => {
  assert.deepEqual(read('Norland will not sign <img src=x onerror="alert(1)"> anything today.'), []);
});

test('a commitment with a condition of its own is conditional', () => {
  has('Norland will sign the accord if Velmont ends the blockade.', 'Norland', 'conditional', 'the accord');
});

test('conditionReading: the condition hangs on the commitment whose subject is the actor', () => {
  const d = doc('Norland will sign the accord if Velmont ends the blockade.');
  const t = (w: string) => d.tokens.findIndex((x) => x.text === w);
  const r = conditionReading(d, { from: t('will'), to: t('accord') + 1 }, { from: t('Velmont'), to: t('blockade') + 1 }, { from: t('Norland'), to: t('Norland') + 1 });
  assert.equal(d.tokens[r.verb].text, 'sign');
  assert.equal(r.subjectIsActor, true);
  assert.equal(r.stanceVerb, true);
  assert.equal(r.attached, true);
  const other = conditionReading(d, { from: t('will'), to: t('accord') + 1 }, { from: t('Velmont'), to: t('blockade') + 1 }, { from: t('Velmont'), to: t('Velmont') + 1 });
  assert.equal(other.subjectIsActor, false);
});
