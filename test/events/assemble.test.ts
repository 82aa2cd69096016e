import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleEvents, findEvents } from '../../src/events/index.js';
import type { ResolvedEntities, TimeAnnotation } from '../../src/annotations.js';
import { doc, entities, keyOf } from './helpers.js';

/** Resolution by name across the fixture articles (the real resolve/ stage does better). */
function resolveByName(all: ReturnType<typeof entities>[]): ResolvedEntities {
  const globalId = new Map<string, string>();
  for (const ae of all) for (const e of ae.entities) globalId.set(e.key, `E:${e.name}`);
  return { entities: [], globalId };
}

test('findEvents: actors as entity keys, date from the sentence, location, trigger offsets', () => {
  const text = 'Russia shelled Kharkiv on Tuesday. The talks went on.';
  const d = doc(text, 'a');
  const ents = entities(d, [['Russia', 'place'], ['Kharkiv', 'place']]);
  const at = text.indexOf('Tuesday');
  const times: TimeAnnotation[] = [{ start: at, end: at + 7, text: 'Tuesday', type: 'DATE', value: '2026-05-12', anchor: 'published' }];
  const { events } = findEvents(d, ents, [], times);
  const e = events.find((x) => x.type === 'FIGHT');
  assert.ok(e, JSON.stringify(events));
  assert.equal(e.source, keyOf(ents, 'Russia'));
  assert.equal(e.target, keyOf(ents, 'Kharkiv'));
  assert.equal(e.date, '2026-05-12');
  assert.equal(text.slice(e.trigger.start, e.trigger.end), 'shelled');
  assert.equal(text.slice(e.start, e.end), 'Russia shelled Kharkiv on Tuesday.');
});

test('findEvents never throws on empty or odd input', () => {
  for (const text of ['', '   ', '...', '“”', '\n\n\n']) {
    const d = doc(text);
    assert.doesNotThrow(() => findEvents(d, entities(d, []), [], []));
  }
});

test('one event reported by two outlets is one Event with two evidence spans', () => {
  const a = doc('Russia and Ukraine agreed to a prisoner exchange on Friday.', 'outlet-a');
  const b = doc('In Istanbul, Russia and Ukraine agreed to a prisoner exchange.', 'outlet-b');
  const ea = entities(a, [['Russia', 'place'], ['Ukraine', 'place']]);
  const eb = entities(b, [['Russia', 'place'], ['Ukraine', 'place'], ['Istanbul', 'place']]);
  const out = assembleEvents([a, b], [findEvents(a, ea, [], []), findEvents(b, eb, [], [])], resolveByName([ea, eb]));
  const agree = out.events.filter((e) => e.type === 'AGREE');
  assert.equal(agree.length, 1, JSON.stringify(out.events));
  assert.deepEqual(agree[0].evidence.map((s) => s.article).sort(), ['outlet-a', 'outlet-b']);
  assert.equal(agree[0].source, 'E:Russia');
  for (const s of agree[0].evidence) {
    const d = s.article === 'outlet-a' ? a : b;
    assert.ok(d.text.slice(s.start, s.end).includes('agreed'));
  }
});

test('different events stay apart; a negated event that did not happen is dropped', () => {
  const a = doc('Russia shelled Kharkiv. Ukraine did not attack Belgorod.', 'a');
  const ea = entities(a, [['Russia', 'place'], ['Kharkiv', 'place'], ['Ukraine', 'place'], ['Belgorod', 'place']]);
  const out = assembleEvents([a], [findEvents(a, ea, [], [])], resolveByName([ea]));
  assert.equal(out.events.length, 1);
  assert.equal(out.events[0].source, 'E:Russia');
});

test('positions and conditions merge across outlets; own words come before an analyst', () => {
  const a = doc('Kyiv insisted on security guarantees. Kyiv would sign a ceasefire only if observers monitored it.', 'a');
  const b = doc('Analyst Lena Frost said Kyiv insisted on security guarantees. Kyiv would sign a ceasefire only if observers monitored it.', 'b');
  const ea = entities(a, [['Kyiv', 'place']]);
  const eb = entities(b, [['Kyiv', 'place'], ['Lena Frost', 'person']]);
  const out = assembleEvents([b, a], [findEvents(b, eb, [], []), findEvents(a, ea, [], [])], resolveByName([eb, ea]));
  const guarantees = out.positions.filter((p) => p.issue === 'security guarantees' && p.stance === 'demand');
  assert.equal(guarantees.length, 1, JSON.stringify(out.positions));
  assert.equal(guarantees[0].evidence.length, 2);
  assert.equal(guarantees[0].evidence[0].article, 'a', 'the writer-stated evidence first, the analyst last');
  assert.equal(out.conditions.length, 1, JSON.stringify(out.conditions));
  assert.equal(out.conditions[0].actor, 'E:Kyiv');
  assert.equal(out.conditions[0].evidence.length, 2);
});

test('an actor without a global id gives no position', () => {
  const a = doc('Kyiv insisted on security guarantees.', 'a');
  const ea = entities(a, [['Kyiv', 'place']]);
  const out = assembleEvents([a], [findEvents(a, ea, [], [])], { entities: [], globalId: new Map() });
  assert.deepEqual(out.positions, []);
});

test('hypotheticals, conditions and actor-less events stay out of the brief; only calendar dates', () => {
  const text = 'If Russia attacks Kharkiv, the talks will end. Kyiv will withdraw its troops unless Russia attacks Kharkiv. Talks were held. Russia shelled Kharkiv today.';
  const a = doc(text, 'a');
  const ea = entities(a, [['Russia', 'place'], ['Kharkiv', 'place'], ['Kyiv', 'place']]);
  const at = text.lastIndexOf('today');
  const times: TimeAnnotation[] = [{ start: at, end: at + 5, text: 'today', type: 'DATE', value: 'PRESENT_REF', anchor: 'published' }];
  const found = findEvents(a, ea, [], times);
  const out = assembleEvents([a], [found], resolveByName([ea]));
  // The attack in the if-clause and in the unless-clause did not happen; the shelling did.
  assert.deepEqual(out.events.filter((e) => e.type === 'FIGHT').map((e) => e.text), ['Russia shelled Kharkiv today.']);
  assert.equal(out.events.find((e) => e.type === 'FIGHT')?.date, null);
  // "Kyiv will withdraw … unless": kept as a conditional intent.
  const intent = found.events.find((e) => a.text.slice(e.trigger.start, e.trigger.end).startsWith('withdraw'));
  assert.equal(intent?.type, 'AGREE');
  assert.ok(!out.events.some((e) => e.text === 'Talks were held.'));
});

test('a nationality word names its state; the location is the place after "in"', () => {
  const text = 'Russian drones struck energy facilities in Odesa. Russia and Ukraine exchanged 1,000 prisoners in Istanbul.';
  const d = doc(text, 'a');
  const ents = entities(d, [['Russia', 'place'], ['Ukraine', 'place'], ['Odesa', 'place'], ['Istanbul', 'place']]);
  const { events } = findEvents(d, ents, [], []);
  const strike = events.find((e) => e.type === 'FIGHT');
  assert.equal(strike?.source, keyOf(ents, 'Russia'));
  assert.equal(strike?.location, keyOf(ents, 'Odesa'));
  const swap = events.find((e) => text.slice(e.trigger.start, e.trigger.end).startsWith('exchanged'));
  assert.equal(swap?.type, 'RETREAT');
  assert.equal(swap?.location, keyOf(ents, 'Istanbul'));
});

test('positions: attributedBy runs parallel to evidence, own words first; group members carried', () => {
  // Article a: an analyst ascribes the stance (third party); article b: the G7's own statement.
  const a = doc('Analysts say the G7 backs a ceasefire.', 'a');
  const b = doc('The G7, including Canada and Japan, said it backs a ceasefire.', 'b');
  const ea = entities(a, [['G7', 'group']]);
  const eb = entities(b, [['G7', 'group', [], ['Canada', 'Japan']], ['Canada', 'place'], ['Japan', 'place']]);
  const pa = findEvents(a, ea, [], []);
  const pb = findEvents(b, eb, [], []);
  assert.equal(pa.positions[0]?.attributedBy, 'third-party', JSON.stringify(pa.positions));
  assert.equal(pb.positions[0]?.attributedBy, 'own', JSON.stringify(pb.positions));
  const out = assembleEvents([a, b], [pa, pb], resolveByName([ea, eb]));
  const p = out.positions.find((x) => x.actor === 'E:G7' && x.issue === 'ceasefire');
  assert.ok(p, JSON.stringify(out.positions));
  assert.deepEqual(p.evidence.map((s) => s.article), ['b', 'a']);
  assert.deepEqual(p.attributedBy, ['own', 'third-party']);
  assert.deepEqual(p.members?.sort(), ['E:Canada', 'E:Japan']);
});

test('a question asserts nothing: its event is hypothetical, the statement beside it is not', () => {
  const text = 'Would Russia shell Kharkiv again? Russia shelled Kharkiv on Tuesday.';
  const d = doc(text, 'a');
  const ents = entities(d, [['Russia', 'place'], ['Kharkiv', 'place']]);
  const { events } = findEvents(d, ents, [], []);
  const asked = events.filter((e) => e.start === 0);
  const told = events.filter((e) => e.start > 0);
  assert.ok(asked.length > 0 && asked.every((e) => e.modality === 'hypothetical'), JSON.stringify(events));
  assert.ok(told.length > 0 && told.every((e) => e.modality !== 'hypothetical'), JSON.stringify(events));
});

test('a violent verb with a figurative object is no attack: "struck a defiant tone", "hit a snag"', () => {
  const text = 'The president struck a defiant tone on Monday. The talks hit a snag. Russia struck Kharkiv on Tuesday.';
  const d = doc(text, 'a');
  const ents = entities(d, [['Russia', 'place'], ['Kharkiv', 'place']]);
  const { events } = findEvents(d, ents, [], []);
  const violent = events.filter((e) => e.type === 'FIGHT' || e.type === 'ASSAULT');
  assert.ok(violent.length > 0 && violent.every((e) => e.start >= text.indexOf('Russia')), JSON.stringify(events));
});
