import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSentence } from '../../src/events/code.js';
import { textOf } from '../../src/events/clause.js';
import { view } from './helpers.js';

function code(text: string) {
  const v = view(text);
  const [e] = codeSentence(v);
  assert.ok(e, `no event in: ${text}`);
  return {
    ...e,
    sourceText: e.source ? textOf(v, e.source.from, e.source.to) : null,
    targetText: e.target ? textOf(v, e.target.from, e.target.to) : null,
  };
}

test('a plain event verb gives its category, source and target', () => {
  const e = code('Albania on Friday denounced Serbia over the crackdown.');
  assert.equal(e.category, 'DISAPPROVE');
  assert.equal(e.sourceText, 'Albania');
  assert.equal(e.targetText, 'Serbia');
});

test('a light verb and its noun decide together: impose vs lift a curfew', () => {
  assert.equal(code('The army imposed a curfew in the northern town.').category, 'COERCE');
  assert.equal(code('The army lifted the curfew in the northern town.').category, 'CONCEDE');
  assert.equal(code('Workers staged a hunger strike outside parliament.').mode, 'strike-hun');
});

test('frame verbs: threaten, refuse and demand code the frame, not the complement', () => {
  assert.equal(code('Iran threatened to shell Iraqi towns.').category, 'THREATEN');
  assert.equal(code('Pakistan refused to deploy peacekeepers in Iraq.').category, 'REJECT');
  const d = code('The minister urged Moscow to release the prisoners.');
  assert.equal(d.category, 'DEMAND');
  assert.equal(d.targetText, 'Moscow');
});

test('an intent to cooperate is AGREE; an intent to harm is THREATEN', () => {
  assert.equal(code('Norway will send food aid to the refugees.').category, 'AGREE');
  assert.equal(code('The rebels would attack the capital.').category, 'THREATEN');
  assert.equal(code('Greece plans to impose restrictions on imports.').category, 'THREATEN');
});

test('negation: a refused cooperation becomes REJECT; a plain negated act stays negated', () => {
  const r = code('Kestria says it will not accept more inspectors.');
  assert.equal(r.category, 'REJECT');
  assert.equal(r.negated, false);
  const n = code('The army did not attack the village.');
  assert.equal(n.category, 'FIGHT');
  assert.equal(n.negated, true);
});

test('modality is recorded', () => {
  const e = code('The government could impose sanctions on the company.');
  assert.equal(e.modality, 'could');
  assert.equal(e.category, 'THREATEN');
});

test('reported speech: the reporter is kept and the event is marked reported', () => {
  const e = code('Ankara says it offered talks to the rebels.');
  assert.equal(e.reported, true);
  assert.equal(e.sourceText, 'Ankara');
  const plain = code('Ankara offered talks to the rebels.');
  assert.equal(plain.reported, false);
  const trailing = code('Israel lifted the blockade on Friday, officials said.');
  assert.equal(trailing.reported, true);
  assert.equal(trailing.category, 'RETREAT');
});

test('passive: the by-agent is the source and the subject the target', () => {
  const e = code('A refugee camp was attacked by militiamen armed with machetes.');
  assert.equal(e.sourceText, 'militiamen');
  assert.match(e.targetText ?? '', /camp/);
  assert.equal(e.category, 'ASSAULT');
});

test('violence: military means make FIGHT, explosives make ASSAULT', () => {
  assert.equal(code('Russian aircraft killed 46 civilians in the village.').category, 'FIGHT');
  assert.equal(code('A car bomb killed three civilians in the market.').category, 'ASSAULT');
});

test('"X declared that Y must …" is a demand of X on Y', () => {
  const e = code('The administration declared that China must drop barriers to exports.');
  assert.equal(e.category, 'DEMAND');
  assert.equal(e.targetText, 'China');
});

test('a sentence with no event yields nothing', () => {
  assert.deepEqual(codeSentence(view('The weather in Geneva was mild.')), []);
});

test('a coordinated clause adds a second event, sharing the subject when it has none', () => {
  const v = view('Rebels kidnapped sixteen advisers and exploded bombs in Kabul.');
  const events = codeSentence(v);
  assert.deepEqual(events.map((e) => e.category), ['COERCE', 'ASSAULT']);
  assert.equal(events[1].main, false);
  assert.equal(textOf(v, events[1].source!.from, events[1].source!.to), 'Rebels');
  const w = view('Russia shelled Kharkiv on Monday, and Ukraine struck a fuel depot in Belgorod.');
  const two = codeSentence(w);
  assert.deepEqual(two.map((e) => e.category), ['FIGHT', 'FIGHT']);
  assert.equal(textOf(w, two[1].source!.from, two[1].source!.to), 'Ukraine');
});
