// Stance cues in less canonical syntax: quotes around the cue, phrasal verbs, agreed actions,
// adverbial phrases, issues that are verbs, coordinated verbs after a quote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionsInSentence } from '../../src/events/positions.js';
import { textOf } from '../../src/events/clause.js';
import { view } from './helpers.js';

function found(text: string) {
  const v = view(text);
  return positionsInSentence(v).map((p) => `${p.issue}/${p.stance}/${p.subject ? textOf(v, p.subject.from, p.subject.to) : '-'}`);
}

test('a clause joined by "and" after a closing quote is no trailing attribution', () => {
  assert.ok(found('The minister said Sarvania would never free "terrorists" and insisted on the release of every hostage.').some((x) => x.startsWith('hostage release/demand')));
});

test('a phrasal verb after a cue: the particle is skipped', () => {
  assert.ok(found('Social Democrat officials have ruled out giving up finance.').includes('finance/oppose/Social Democrat officials'));
});

test('quote marks around a cue do not hide its object; negated "rule out" supports', () => {
  assert.ok(found('Moscow "does not rule out" a meeting between the two ministers.').some((x) => x.startsWith('summit/support')));
});

test('what is agreed to be done is supported', () => {
  assert.ok(found('Both sides had agreed to hold a fifth round in Rome.').some((x) => x.startsWith('direct talks/support')));
});

test('an issue in an adverbial phrase after the object is not the object', () => {
  const f = found('Japan would seek an exemption through talks.');
  assert.ok(f.some((x) => x.startsWith('exemption/demand')), f.join(' '));
  assert.ok(!f.some((x) => x.startsWith('direct talks')), f.join(' '));
});

test('an issue that is a committed verb: "would not retaliate" opposes, "will negotiate" offers', () => {
  assert.ok(found('Tokyo would not retaliate.').includes('retaliatory measures/oppose/Tokyo'));
  assert.ok(found('Ankara will negotiate.').includes('direct talks/offer/Ankara'));
  // no commitment, no stance
  assert.deepEqual(found('Tokyo retaliated.'), []);
});

test('"preferred" is a cue of support', () => {
  assert.ok(found('The bloc still preferred a negotiated outcome.').includes('direct talks/support/bloc'));
});

test('not giving something up insists on it; committing to a measure against another party backs it', () => {
  assert.ok(found('Iran will not give up enrichment.').includes('nuclear enrichment/demand/Iran'));
  // …while a plain negated support cue still opposes
  assert.ok(found('Iran will not accept a ceasefire.').some((x) => x.startsWith('ceasefire/oppose')));
  // Refusing limits on enrichment does not oppose enrichment (see polarity.test.ts).
  assert.ok(!found('Iran will not accept enrichment limits.').some((x) => x.startsWith('nuclear enrichment/oppose')));
  assert.ok(found('The EU will retaliate on April 1.').includes('retaliatory measures/support/EU'));
});

test('a committed offer or stance verb in the commitment of a condition is a conditional position on its object', () => {
  // A verb of narration is no commitment on an issue.
  assert.ok(!found('The reporter would tell the editors if the source agreed.').some((x) => x.includes('/conditional')));
  assert.ok(found('The Social Democrats would concede the finance ministry if the Greens got a climate ministry.').some((x) => x.startsWith('finance ministry/conditional')));
  // without a condition, a plain committed "concede" is no position on its own
  assert.ok(!found('The Social Democrats would concede the finance ministry.').some((x) => x.includes('/conditional')));
});

test('an infinitive is no issue noun ("to pay for"), a participle after a gerund no cue ("using frozen assets")', () => {
  const f = found('Brussels has proposed using frozen Russian assets to pay for reconstruction.');
  assert.ok(!f.some((x) => x.startsWith('wages')), f.join(' '));
  assert.ok(!f.some((x) => x.includes('/oppose/')), f.join(' '));
  // a pay rise is still wages
  assert.ok(found('The union demanded a pay rise.').some((x) => x.startsWith('wages/demand')));
});

test('"conditioned X on Y": X conditional, Y demanded; a noun "conditions" is no cue', () => {
  const f = found('Moscow conditioned any summit on a ceasefire.');
  assert.ok(f.includes('summit/conditional/Moscow'), f.join(' '));
  assert.ok(f.includes('ceasefire/demand/Moscow'), f.join(' '));
  assert.deepEqual(found('The conditions for a ceasefire are not met.'), []);
});

test('readiness, openness, standing firm', () => {
  assert.ok(found('Ankara signalled readiness for talks.').some((x) => x.startsWith('direct talks/offer')));
  assert.ok(found('Kyiv signalled openness to a truce.').some((x) => x.startsWith('ceasefire/support')));
  assert.ok(found('Kyiv stood firm on territorial concessions.').includes('territorial concessions/demand/Kyiv'));
});

test('imposing or triggering a measure backs it; a reduced passive after its noun takes no stance', () => {
  assert.ok(found('Brussels will impose duties on American goods.').includes('tariffs/support/Brussels'));
  assert.ok(found('The Europeans say they will trigger snapback in August.').some((x) => x.startsWith('sanctions/support')));
  assert.deepEqual(found('The tariffs imposed on Canadian steel are unjustified.'), []);
});

test('"X\'s aim is (not) Y": the possessor demands (opposes) Y', () => {
  assert.ok(found("Russia's aim is not a ceasefire but a settlement.").includes('ceasefire/oppose/Russia'));
  assert.ok(found("Kyiv's priority remains a prisoner exchange.").includes('prisoner exchange/demand/Kyiv'));
});
