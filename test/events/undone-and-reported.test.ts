// Stances whose object is asked to end, stances a mediator reports of a party the entity stage
// did not name, a cue that governs an infinitive's object only, and issue words that are not
// aid (issue 10, positions that respect polarity and scope). Every sentence is written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionsInSentence } from '../../src/events/positions.js';
import { analyse } from '../../src/pipeline.js';
import { article, view } from './helpers.js';

const stances = (text: string) => positionsInSentence(view(text)).map((p) => `${p.stance} ${p.issue}`);

test('an object asked to be lifted or cancelled is not demanded: it becomes its relief, or nothing', () => {
  for (const text of ['Veltra demanded that the sanctions on its banks be lifted.', 'The sanctions must be lifted, the Veltran envoy said.']) {
    const got = stances(text);
    assert.ok(got.includes('demand sanctions relief'), `${text} → ${JSON.stringify(got)}`);
    assert.ok(!got.includes('demand sanctions'), `${text} → ${JSON.stringify(got)}`);
  }
  const loans = stances('The opposition leader called for all outstanding student loans to be cancelled.');
  assert.ok(!loans.some((s) => /^demand .*loan/.test(s)), JSON.stringify(loans));
});

test('an act that does not undo its object leaves the demand for it: "called for the army to be deployed"', () => {
  const got = stances('The chamber of commerce called for the army to be deployed at the port.');
  assert.ok(got.some((s) => /^demand .*army/.test(s)), JSON.stringify(got));
});

test("a cue governs its infinitive's object, not a phrase attached after it", () => {
  const got = stances("The minister blamed the rebels' refusal to reopen the border crossings for the collapse of the talks.");
  assert.ok(!got.some((s) => /talks/.test(s)), JSON.stringify(got));
});

test('a mediator reporting a delegation the entity stage did not name does not take its stance', () => {
  const brief = analyse([article('Mediator Karl Oyelaran said the Jurra delegation demanded security guarantees before any disarmament.', 'm')]);
  const names = new Map((brief.entities ?? []).map((e) => [e.id, e.name]));
  const mediator = (brief.positions ?? []).filter((p) => /Oyelaran/.test(names.get(p.actor) ?? ''));
  assert.deepEqual(mediator.map((p) => `${p.stance} ${p.issue}`), [], 'the demand is the delegation’s, not the mediator’s');
  // A minister speaking of her own government still speaks for it.
  const own = analyse([article('Foreign Minister Ana Ruiz of Veltra said the government would never accept a ceasefire.', 'o')]);
  const ownNames = new Map((own.entities ?? []).map((e) => [e.id, e.name]));
  assert.ok((own.positions ?? []).some((p) => p.stance === 'oppose' && /ceasefire/.test(p.issue) && /Ruiz|Veltra/.test(ownNames.get(p.actor) ?? '')), JSON.stringify(own.positions));
});

test('loans and debt relief are not reconstruction aid', () => {
  const got = stances('The opposition demanded debt relief for farmers.');
  assert.ok(got.includes('demand debt relief'), JSON.stringify(got));
  assert.ok(!stances('The opposition demanded new loans for farmers.').includes('demand reconstruction aid'));
});
