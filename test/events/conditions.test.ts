import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionsInSentence, findConditions } from '../../src/events/conditions.js';
import { textOf } from '../../src/events/clause.js';
import { doc, entities, keyOf, view } from './helpers.js';

function conditions(text: string) {
  const v = view(text);
  return conditionsInSentence(v).map((c) => ({
    shape: c.shape,
    commitment: textOf(v, c.commitment.from, c.commitment.to),
    condition: textOf(v, c.condition.from, c.condition.to),
    subject: c.subject ? textOf(v, c.subject.from, c.subject.to) : null,
  }));
}

function one(text: string) {
  const found = conditions(text);
  assert.equal(found.length, 1, `expected one condition in: ${text} — got ${JSON.stringify(found)}`);
  return found[0];
}

test('provided that', () => {
  const c = one('Kyiv was ready to sign a ceasefire provided that it was monitored by observers.');
  assert.equal(c.shape, 'provided-that');
  assert.match(c.commitment, /ready to sign a ceasefire/);
  assert.equal(c.condition, 'it was monitored by observers');
  assert.equal(c.subject, 'Kyiv');
});

test('only if', () => {
  const c = one('Moscow would agree to a truce only if Ukraine withdrew its forces.');
  assert.equal(c.shape, 'only-if');
  assert.equal(c.condition, 'Ukraine withdrew its forces');
  assert.equal(c.subject, 'Moscow');
});

test('will not … without', () => {
  const c = one('The union will not return to work without a signed agreement on safety.');
  assert.equal(c.shape, 'not-without');
  assert.equal(c.condition, 'a signed agreement on safety');
  // Without a negated main clause, "without" is no condition.
  assert.deepEqual(conditions('The union returned to work without a signed agreement.'), []);
});

test('as a precondition for', () => {
  const c = one('Russia demands recognition of the annexed regions as a precondition for any talks.');
  assert.equal(c.shape, 'precondition');
  assert.equal(c.commitment, 'any talks');
  assert.match(c.condition, /recognition of the annexed regions/);
});

test('X or face Y: an ultimatum by the one who issues it', () => {
  const c = one('The African Union told the generals to agree a ceasefire within 30 days or face targeted sanctions.');
  assert.equal(c.shape, 'ultimatum');
  assert.equal(c.commitment, 'face targeted sanctions');
  assert.equal(c.condition, 'agree a ceasefire within 30 days');
  assert.equal(c.subject, 'African Union');
});

test('unless', () => {
  const c = one('Nigeria will withdraw its peacekeepers from Chad unless a ceasefire is arranged.');
  assert.equal(c.shape, 'unless');
  assert.equal(c.condition, 'a ceasefire is arranged');
});

test('no A before B', () => {
  const c = one('There will be no truce before a final settlement is signed.');
  assert.equal(c.shape, 'no-before');
  assert.equal(c.condition, 'a final settlement is signed');
  assert.deepEqual(conditions('The ministers met before the summit opened.'), []);
});

test('on condition that — but not "on condition of anonymity"', () => {
  assert.equal(one('The union accepted the mediator on condition that the government withdraw its threat.').shape, 'on-condition');
  assert.deepEqual(conditions('An official, who spoke on condition of anonymity, confirmed the meeting.'), []);
});

test('if … will, in either order; not commentary or counterfactuals', () => {
  const a = one('If Russia keeps bombing our cities, there will be no second round.');
  assert.equal(a.shape, 'if-will');
  assert.equal(a.condition, 'Russia keeps bombing our cities');
  assert.match(a.commitment, /no second round/);
  assert.equal(one('We will accept arbitration if both sides pick the arbitrator together.').condition, 'both sides pick the arbitrator together');
  assert.deepEqual(conditions('If history is a guide, the talks will drag on.'), []);
  assert.deepEqual(conditions('We would have lost if we had accepted the first offer.'), []);
  assert.deepEqual(conditions('Will you escalate if the EU retaliates?'), []);
});

test('as long as, in exchange for, subject to, once', () => {
  assert.equal(one('The tariffs would stay in place as long as overcapacity persisted.').shape, 'as-long-as');
  assert.equal(one('Russia would free 200 soldiers in exchange for the return of its servicemen.').shape, 'in-exchange-for');
  assert.equal(one('Japan will provide assistance, subject to parliamentary approval, and more.').condition, 'parliamentary approval');
  assert.equal(one('Qatar would pay for reconstruction once a final agreement was signed.').shape, 'once-then');
  assert.deepEqual(conditions('We will support Ukraine for as long as it takes.'), []);
});

test('findConditions ties each condition to an actor entity, through a reporting pronoun', () => {
  const d = doc('Foreign Minister Olena Marchuk said she would attend only if the president did.');
  const ents = entities(d, [['Olena Marchuk', 'person']]);
  const [c] = findConditions(d, ents, []);
  assert.ok(c);
  assert.equal(c.actor, keyOf(ents, 'Olena Marchuk'));
  assert.equal(c.condition, 'the president did');
  assert.equal(d.text.slice(c.start, c.end).includes('only if'), true);
});

test('a condition with no actor that resolves to an entity is not reported', () => {
  const d = doc('The talks would resume only if the shelling stopped.');
  assert.deepEqual(findConditions(d, entities(d, []), []), []);
});

test('inverted "should", "but only after", and a commitment after a colon', () => {
  const a = one('The Council decides that, should the parties fail to conclude it, it will impose sanctions.');
  assert.equal(a.shape, 'if-will');
  assert.equal(a.condition, 'the parties fail to conclude it');
  assert.deepEqual(conditions('The parties should conclude it within a month.'), []);
  assert.equal(one('Europe was prepared to send a force, but only after a ceasefire is signed.').shape, 'only-if');
  const c = one('If they do, our parliament has decided: we will suspend all cooperation.');
  assert.match(c.commitment, /we will suspend all cooperation/);
});

test('a coordinated predicate is the commitment; "told X Y must …" starts after the one told', () => {
  const c = one('The ministers backed the plan and threatened new sanctions on Russia unless it accepted one.');
  assert.equal(c.commitment, 'threatened new sanctions on Russia');
  const u = one('Pavel Grinev told state television Ukraine must withdraw from the region or face a new offensive.');
  assert.equal(u.condition, 'Ukraine must withdraw from the region');
});

test('"there will be…" commits the speaker; a reciprocal basis is the condition; "unclear if" is none', () => {
  const d = doc('"If Russia keeps bombing our cities, there will be no second round," Olena Marchuk said.');
  const ents = entities(d, [['Russia', 'place'], ['Olena Marchuk', 'person']]);
  const [c] = findConditions(d, ents, []);
  assert.equal(c?.actor, keyOf(ents, 'Olena Marchuk'));
  assert.equal(one('We are ready to cut our tariffs to zero, on a reciprocal basis.').condition, 'on a reciprocal basis');
  assert.deepEqual(conditions('It is unclear if the talks will resume next week.'), []);
});
