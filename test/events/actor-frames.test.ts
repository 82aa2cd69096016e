// Who holds a stance when the sentence frames it indirectly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPositions } from '../../src/events/positions.js';
import { doc, entities, keyOf } from './helpers.js';

test('who would face a measure is its target: the stance is the warning party\'s', () => {
  const d = doc('The G7 ministers, meeting in Canada, backed Kyiv\'s call for a ceasefire and warned that Russia would face further sanctions unless it accepted one.');
  const ents = entities(d, [['G7 ministers', 'group'], ['Canada', 'place'], ['Kyiv', 'place'], ['Russia', 'place']]);
  const ps = findPositions(d, ents, []);
  const sanctions = ps.filter((p) => p.issue === 'sanctions');
  assert.ok(sanctions.length > 0, JSON.stringify(ps));
  for (const p of sanctions) assert.equal(p.actor, keyOf(ents, 'G7 ministers'));
  // "backed Kyiv's call for a ceasefire": the ministers support it, Kyiv demands it.
  assert.ok(ps.some((p) => p.issue === 'ceasefire' && p.stance === 'support' && p.actor === keyOf(ents, 'G7 ministers')), JSON.stringify(ps));
  assert.ok(ps.some((p) => p.issue === 'ceasefire' && p.stance === 'demand' && p.actor === keyOf(ents, 'Kyiv')));
});

test('a reporter before a relative clause with a list in it', () => {
  const d = doc('The Security Council, whose members include Nigeria, Egypt and Kenya, said it would deploy peacekeepers.');
  const ents = entities(d, [['Security Council', 'organization'], ['Nigeria', 'place'], ['Egypt', 'place'], ['Kenya', 'place']]);
  const p = findPositions(d, ents, []).find((x) => x.issue === 'peacekeepers');
  assert.ok(p);
  assert.equal(p.actor, keyOf(ents, 'Security Council'));
});

test('"African leaders meeting in Addis Ababa" are the African Union, not the city', () => {
  const d = doc('The African Union met on Sunday. African leaders meeting in Addis Ababa demanded a ceasefire.');
  const ents = entities(d, [['African Union', 'organization'], ['Addis Ababa', 'place']]);
  const p = findPositions(d, ents, []).find((x) => x.issue === 'ceasefire');
  assert.ok(p);
  assert.equal(p.actor, keyOf(ents, 'African Union'));
});

test('quote marks between subject and cue: the subject, not the quote\'s speaker', () => {
  const d = doc('Moscow "does not rule out" a truce, Irina Zotova said.');
  const ents = entities(d, [['Moscow', 'place'], ['Irina Zotova', 'person']]);
  const p = findPositions(d, ents, []).find((x) => x.issue === 'ceasefire');
  assert.ok(p);
  assert.equal(p.actor, keyOf(ents, 'Moscow'));
  assert.equal(p.stance, 'support');
});

test('a dateline city is no antecedent of "it"', () => {
  const d = doc('KYIV, May 14 - Talks resumed on Monday. It backed a truce.');
  const ents = entities(d, [['KYIV', 'place']]);
  assert.deepEqual(findPositions(d, ents, []).filter((p) => p.actor === keyOf(ents, 'KYIV')), []);
  // …while a city named in the body still is
  const d2 = doc('Officials met in Kyiv on Monday. It backed a truce.');
  const e2 = entities(d2, [['Kyiv', 'place']]);
  assert.ok(findPositions(d2, e2, []).some((p) => p.actor === keyOf(e2, 'Kyiv')));
});

test('"the head of the World Food Programme in Sudan said…": the body, not the place', () => {
  const d = doc('The head of the World Food Programme in Sudan said aid convoys could reach Darfur on condition that both sides guaranteed safe passage.');
  const ents = entities(d, [['World Food Programme', 'organization'], ['Sudan', 'place'], ['Darfur', 'place']]);
  const ps = findPositions(d, ents, []);
  assert.ok(ps.length > 0);
  for (const p of ps) assert.equal(p.actor, keyOf(ents, 'World Food Programme'), JSON.stringify(p));
});

test('what another party must do, the speaker demands', () => {
  const d = doc('Ukraine must accept a ceasefire, Pavel Grinev said. Kyiv must drop its bid for NATO membership, Grinev added.');
  const ents = entities(d, [['Ukraine', 'place'], ['Pavel Grinev', 'person', ['Grinev']], ['Kyiv', 'place']]);
  const ps = findPositions(d, ents, []);
  const truce = ps.find((p) => p.issue === 'ceasefire');
  assert.ok(truce, JSON.stringify(ps));
  assert.equal(truce.actor, keyOf(ents, 'Pavel Grinev'));
  assert.equal(truce.stance, 'demand');
  const nato = ps.find((p) => p.issue === 'NATO membership');
  assert.ok(nato);
  assert.equal(nato.actor, keyOf(ents, 'Pavel Grinev'));
  assert.equal(nato.stance, 'oppose');
});
