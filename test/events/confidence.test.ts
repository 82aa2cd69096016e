// Confidence of positions and conditions: the features each reading yields, the shipped models,
// and what assembleEvents sets on the brief's items (issue 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEvents, assembleEvents } from '../../src/events/index.js';
import { featuresOf } from '../../src/events/confidence.js';
import { canHoldStance } from '../../src/events/actors.js';
import { conditionsInSentence } from '../../src/events/conditions.js';
import { findPositions } from '../../src/events/positions.js';
import { loadModel, score } from '../../src/util/logistic.js';
import { textOf } from '../../src/events/clause.js';
import type { ArticleEntities, ResolvedEntities } from '../../src/annotations.js';
import type { Entity } from '../../src/types.js';
import { doc, entities, view } from './helpers.js';

function resolveByName(perArticle: ArticleEntities[]): ResolvedEntities {
  const globalId = new Map<string, string>();
  const byName = new Map<string, Entity>();
  for (const ae of perArticle) {
    for (const e of ae.entities) {
      const id = `E:${e.name}`;
      globalId.set(e.key, id);
      if (!byName.has(id)) byName.set(id, { id, name: e.name, type: e.type, aliases: e.aliases, roles: [], mentions: [] });
    }
  }
  return { entities: [...byName.values()], globalId };
}

function brief(texts: string[], names: [string, 'place' | 'organization' | 'person' | 'group'][]) {
  const docs = texts.map((t, i) => doc(t, `a${i}`));
  const ents = docs.map((d) => entities(d, names));
  const perArticle = docs.map((d, i) => findEvents(d, ents[i], [], []));
  return assembleEvents(docs, perArticle, resolveByName(ents));
}

test('a plain clause with an explicit stance word on a seed issue reads as the surest kind', () => {
  const { positions } = brief(['Russia rejected the ceasefire.'], [['Russia', 'place']]);
  const p = positions.find((x) => x.issue === 'ceasefire');
  assert.ok(p, JSON.stringify(positions));
  const f = featuresOf(p)!;
  assert.equal(f.plainExplicit, 1);
  assert.equal(f.explicitCue, 1);
  assert.equal(f.seed, 1);
  assert.equal(f.negated, undefined);
});

test('negation and a stance read from a condition are features of their own', () => {
  const { positions } = brief(['Kyiv would sign a truce only if Moscow withdrew its troops.', 'Hungary never agreed to the sanctions.'], [['Kyiv', 'place'], ['Moscow', 'place'], ['Hungary', 'place']]);
  const demanded = positions.find((x) => x.issue === 'troop withdrawal');
  assert.ok(demanded && featuresOf(demanded)!.inCondition === 1, JSON.stringify(positions));
  const refused = positions.find((x) => x.issue === 'sanctions' && x.stance === 'oppose');
  assert.ok(refused && featuresOf(refused)!.negated === 1, JSON.stringify(positions));
  assert.equal(featuresOf(refused)!.plainExplicit, undefined);
});

test('every assembled position and condition has a confidence, and is uncertain exactly below the threshold', () => {
  const { positions, conditions } = brief(
    ['Russia rejected the ceasefire. Kyiv would sign a truce only if Moscow withdrew its troops.', 'Ukraine welcomed the prisoner exchange.'],
    [['Russia', 'place'], ['Kyiv', 'place'], ['Moscow', 'place'], ['Ukraine', 'place']],
  );
  assert.ok(positions.length > 0 && conditions.length > 0);
  for (const [kind, items] of [['positions', positions], ['conditions', conditions]] as const) {
    const model = loadModel(kind);
    for (const item of items) {
      assert.ok(typeof item.confidence === 'number' && item.confidence >= 0 && item.confidence <= 1, JSON.stringify(item));
      const p = score(model, featuresOf(item)!);
      assert.equal(item.uncertain === true, p < model.threshold, `${kind} ${JSON.stringify(item)} scored ${p}`);
    }
  }
});

test('the shipped models weigh only features the code computes, and have a threshold', () => {
  const known = /^(plainExplicit|plain|explicitCue|seed|seedShare|inCondition|negated|condition|limitation|insufficient|request|obliged|modal|inQuote|subjectless|far|subjectFar|crowded|actorIndirect|conflict|mixedReadings|issueProper|issueOf|evidence>1|articles>1|actorOneWord|actorAllCaps|strongShape|counterfactual|past|firstPerson|agree|seedIndirect|headline|sameActorStance|attached|subjectIsActor|stanceVerb|treeCommitment|actorShare|issueShare|singleArticle|actorLong|actorLower|sx|sx[.+].*|(issueActors|actorPositions|actorMentions)[<>]=\d+|(stance|by|actor|place|path|cue|via|shape|issueWords|commitment|condition)[=<>].*)$/;
  for (const kind of ['positions', 'conditions']) {
    const m = loadModel(kind);
    assert.ok(m.threshold > 0 && m.threshold <= 1, `${kind} threshold ${m.threshold}`);
    for (const k of Object.keys(m.weights)) assert.match(k, known, `${kind}: unknown feature ${k}`);
    assert.ok((m.reliability ?? []).length > 0, `${kind}: no reliability table`);
  }
});

test('only a party holds a stance: not a pronoun, an event, a part of a text or a headline', () => {
  assert.ok(canHoldStance({ name: 'Ukraine', type: 'place' }));
  assert.ok(canHoldStance({ name: 'Homeland Party', type: 'organization' }));
  assert.ok(canHoldStance({ name: 'Dana Whitcomb', type: 'person' }));
  assert.ok(!canHoldStance({ name: "I'm", type: 'person' }));
  assert.ok(!canHoldStance({ name: 'World Cup', type: 'organization' }));
  assert.ok(!canHoldStance({ name: 'Geneva Summit', type: 'organization' }));
  assert.ok(!canHoldStance({ name: 'Article IV', type: 'organization' }));
  assert.ok(!canHoldStance({ name: 'BLOW TO GOVERNMENT', type: 'organization' }));
  assert.ok(!canHoldStance({ name: 'Acme Widget', type: 'other' }));
});

test('"the treaty" names the instrument the article names; with none, the story\'s', () => {
  const d = doc('The Senate will vote on the Harbour Strait Security Agreement next week. Senator Lind opposed the treaty.', 'x');
  const e = entities(d, [['Senator Lind', 'person'], ['Senate', 'organization']]);
  const p = findPositions(d, e, []).find((x) => x.stance === 'oppose');
  assert.equal(p?.issue, 'Harbour Strait Security Agreement');
  const { positions } = brief(['Talks on the Harbour Strait Security Agreement resumed.', 'Senator Lind opposed the treaty.'], [['Senator Lind', 'person']]);
  assert.ok(positions.some((x) => x.issue === 'Harbour Strait Security Agreement' && x.stance === 'oppose'), JSON.stringify(positions));
  // No instrument named anywhere: "the deal" alone names nothing a reader can place.
  const none = brief(['Senator Lind opposed the deal.'], [['Senator Lind', 'person']]);
  assert.ok(!none.positions.some((x) => /deal/.test(x.issue)), JSON.stringify(none.positions));
});

test('conditions that commit no one: counterfactuals, a bare pronoun, "once again", a description', () => {
  const shapes = (text: string) => {
    const v = view(text);
    return conditionsInSentence(v).map((c) => `${c.shape}: ${textOf(v, c.commitment.from, c.commitment.to)} | ${textOf(v, c.condition.from, c.condition.to)}`);
  };
  assert.deepEqual(shapes('It would not have been possible without the help of the mediators.'), []);
  assert.deepEqual(shapes('Without it, we are signing a lease, not an alliance.'), []);
  assert.deepEqual(shapes('The rules that are now once again in effect will be reviewed.'), []);
  assert.deepEqual(shapes('Officials are subject to the same law as everyone.'), []);
  // …while a real one stays.
  assert.equal(shapes('Kyiv will sign the accord provided that the troops withdraw.').length, 1);
});

test('the rules and the tree reading one clause alike is a feature; a seed issue met only through another word is one too', () => {
  const { positions } = brief(['Velmont rejected the fishing quota.', 'Norland demanded sanctions relief from the United States.'], [['Velmont', 'place'], ['Norland', 'place'], ['United States', 'place']]);
  // The seed vocabulary files a quota under a canonical issue whose own word the passage lacks.
  const quota = positions.find((x) => x.actor === 'E:Velmont' && x.stance === 'oppose');
  assert.ok(quota, JSON.stringify(positions));
  assert.equal(featuresOf(quota)!['agree'], 1);
  assert.equal(featuresOf(quota)!['seedIndirect'], quota.issue.includes('quota') ? undefined : 1);
  const relief = positions.find((x) => x.issue === 'sanctions relief');
  assert.ok(relief, JSON.stringify(positions));
  assert.equal(featuresOf(relief)!['seedIndirect'], undefined);
});

test('the instrument the coverage names counts as a seed issue, for the position and for the coverage', () => {
  const { positions } = brief(['Talks on the Harbour Strait Security Agreement resumed.', 'Senator Lind opposed the treaty.', 'Senator Lind opposed the new dam.'], [['Senator Lind', 'person']]);
  const treaty = positions.find((x) => x.issue === 'Harbour Strait Security Agreement');
  const dam = positions.find((x) => /dam/.test(x.issue));
  assert.ok(treaty && dam, JSON.stringify(positions));
  assert.equal(featuresOf(treaty)!['seed'], 1);
  assert.equal(featuresOf(dam)!['seed'], undefined);
  // Half the coverage's positions are on the instrument.
  assert.ok((featuresOf(dam)!['seedShare'] ?? 0) > 0);
  const none = brief(['Senator Lind opposed the new dam.'], [['Senator Lind', 'person']]);
  assert.equal(featuresOf(none.positions[0])!['seedShare'], undefined);
});
