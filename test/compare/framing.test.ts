import { test } from 'node:test';
import assert from 'node:assert/strict';
import { framing, toneCues, toneOf } from '../../src/compare/framing.js';
import type { Article, Entity } from '../../src/types.js';
import { article, briefOf, context } from './helpers.js';

function entity(id: string, name: string, ...arts: Article[]): Entity {
  const mentions = arts.flatMap((a) => [...a.text.matchAll(new RegExp(name, 'g'))].map((m) => ({ article: a.id, start: m.index!, end: m.index! + name.length })));
  return { id, name, type: 'organization', aliases: [], roles: [], mentions };
}

/** The tone the grammar's cues give an actor, before any confidence threshold (the shipped model
 * decides which cues a reader sees; these tests are about which words are the actor's at all). */
function toneFor(text: string, who = 'Eastland'): { tone: number; cues: string[] } {
  const a = article('a', text);
  const entities = [entity('east', 'Eastland', a), entity('west', 'Westland', a)];
  const cues = toneCues(context(briefOf([a], { entities })).ctx.articles[0]).filter((c) => c.entity === (who === 'Eastland' ? 'east' : 'west'));
  return { tone: toneOf(cues.map((c) => c.weight)), cues: cues.map((c) => c.word) };
}

test('"peace" near an actor says nothing about the actor', () => {
  assert.equal(toneFor('Eastland joined the peace talks on Monday.').tone, 0);
});

test('the reporting verb the outlet chose counts: "claimed" against "said"', () => {
  assert.ok(toneFor('Eastland claimed the strike hit only military targets.').tone < 0);
  assert.equal(toneFor('Eastland said the strike hit only military targets.').tone, 0);
});

test('judging words go to the actor they stand next to, and quoted words to nobody', () => {
  const r = toneFor("Eastland's hardline stance contrasted with a constructive offer from Westland.");
  assert.ok(r.tone < 0);
  assert.deepEqual(r.cues, ['hardline']);
  assert.ok(toneFor("Eastland's hardline stance contrasted with a constructive offer from Westland.", 'Westland').tone > 0);
  assert.equal(toneFor('"Eastland is a brutal regime," a Westland official said.').tone, 0);
  assert.ok(toneFor('Eastland was not constructive in the talks.').tone < 0);
});

test('tone shrinks toward neutral on thin evidence and stays within −1..1', () => {
  assert.equal(toneOf([]), 0);
  assert.equal(toneOf([-0.4]), -0.2);
  assert.equal(toneOf([-0.9, -0.9, -0.9]), -0.9);
  assert.ok(toneOf([-1, -1, -1, -1]) >= -1);
  const a = article('a', 'Westland insisted it had done nothing wrong.');
  assert.equal(toneCues(context(briefOf([a], { entities: [entity('west', 'Westland', a)] })).ctx.articles[0]).length, 1);
});

import { toneCues as cuesOf } from '../../src/compare/framing.js';
import type { Article as A, Entity as E } from '../../src/types.js';
import { article as art, briefOf as briefFor, context as contextOf } from './helpers.js';

function actor(id: string, name: string, type: E['type'], ...arts: A[]): E {
  const mentions = arts.flatMap((x) => [...x.text.matchAll(new RegExp(name, 'g'))].map((m) => ({ article: x.id, start: m.index!, end: m.index! + name.length })));
  return { id, name, type, aliases: [], roles: [], mentions };
}

function words(text: string, who: string, names: [string, E['type']][]): string[] {
  const a = art('a', text);
  const entities = names.map(([n, t]) => actor(n.toLowerCase().replace(/\s+/g, '-'), n, t, a));
  return cuesOf(contextOf(briefFor([a], { entities })).ctx.articles[0])
    .filter((c) => c.entity === who.toLowerCase().replace(/\s+/g, '-'))
    .map((c) => c.word);
}

test('a multi-word name is reached through any of its words (the parser heads a name by its first word)', () => {
  assert.deepEqual(words('The embattled Prime Minister Hana Ortiz left the summit early.', 'Hana Ortiz', [['Hana Ortiz', 'person']]), ['embattled']);
  assert.deepEqual(words('Hana Ortiz, a notorious negotiator, left early.', 'Hana Ortiz', [['Hana Ortiz', 'person']]), ['notorious']);
});

test('a manner adverb counts for the subject of a passive clause too', () => {
  assert.deepEqual(words('Tomas Reyn was infamously photographed leaving the club.', 'Tomas Reyn', [['Tomas Reyn', 'person']]), ['infamously']);
});

test('speech that did not happen, or that a third party reports, is no reporting cue', () => {
  assert.deepEqual(words('Tomas Reyn claimed the deal was off.', 'Tomas Reyn', [['Tomas Reyn', 'person']]), ['claimed']);
  assert.deepEqual(words('Neither Tomas Reyn nor his aide ever claimed the deal was off.', 'Tomas Reyn', [['Tomas Reyn', 'person']]), []);
  assert.deepEqual(words('Prosecutors said Tomas Reyn bragged about the scheme.', 'Tomas Reyn', [['Tomas Reyn', 'person']]), []);
  assert.deepEqual(words('Tomas Reyn allegedly boasted about the scheme.', 'Tomas Reyn', [['Tomas Reyn', 'person']]), []);
});

test('a noun that says what someone is describes; it is not a framing cue', () => {
  assert.deepEqual(words('Tomas Reyn, a mobster from the docks, was arrested.', 'Tomas Reyn', [['Tomas Reyn', 'person']]), []);
  assert.deepEqual(words('Tomas Reyn, a brutal thug from the docks, was arrested.', 'Tomas Reyn', [['Tomas Reyn', 'person']]).sort(), ['brutal', 'thug']);
});
