import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compatible, officeDetector, titleDetector, titleMentions, type TitleMention } from '../../src/compare/titles.js';
import { runDetector } from '../../src/compare/claims.js';
import { article, briefOf, context } from './helpers.js';

function titles(text: string): string[] {
  const { ctx } = context(briefOf([article('a', text)]));
  return titleMentions(ctx).map((t) => `${t.name}: ${t.historical ? 'former ' : ''}${t.core}${t.affiliation ? ` @${t.affiliation}` : ''}`);
}

test('titles before and after names, with their country or body', () => {
  assert.deepEqual(titles('Velarian Foreign Minister Irina Kostova said so.'), ['Irina Kostova: foreign minister @velar']);
  assert.deepEqual(titles('Harald Voss, Brennmark’s defence secretary, told Karsia to act.'), ['Harald Voss: defence secretary @brennmar']);
  assert.deepEqual(titles('Its special envoy, Harald Voss, has linked the two.'), ['Harald Voss: special envoy']);
  assert.deepEqual(titles('The talks are chaired by Ingrid Saelen, a silver-haired former foreign minister of Nordvald who is admired.'), ['Ingrid Saelen: former foreign minister @nordvald']);
  assert.deepEqual(titles("Meshet's water minister, Amal Idris, has insisted."), ['Amal Idris: water minister @meshet']);
  assert.deepEqual(titles('Irina Kostova, Velaria’s deputy prime minister and foreign minister, wants monitors.'), [
    'Irina Kostova: deputy prime minister @velaria',
    'Irina Kostova: foreign minister @velaria',
  ]);
});

function t(core: string, extra: Partial<TitleMention> = {}): TitleMention {
  return { core, post: !/diplomat|leader/.test(core), historical: false, affiliation: null, affiliationText: null, article: 'a', person: 'p', name: 'P', start: 0, end: 0, text: core, sentence: null as never, ...extra };
}

test('titles that can both be true of one person', () => {
  assert.ok(compatible(t('minister'), t('foreign minister')));
  assert.ok(compatible(t('top diplomat'), t('foreign minister')));
  assert.ok(!compatible(t('deputy foreign minister'), t('foreign minister')));
  assert.ok(!compatible(t('rear admiral'), t('vice admiral')));
  assert.ok(!compatible(t('special envoy', { affiliation: 'contin' }), t('envoy', { affiliation: 'united n' })));
  assert.ok(compatible(t('foreign minister', { historical: true }), t('prime minister')));
});

test('one person, two ranks in two outlets; the same title in other words is not a discrepancy', () => {
  const a = article('a', 'The centre will be run by Rear Admiral Petra Lund of the Altmari navy.');
  const b = article('b', 'Vice-Admiral Petra Lund will command the joint inspection centre.');
  const c = article('c', 'Its fisheries minister, Aksel Hovland, welcomed the ruling.');
  const d = article('d', 'Fisheries Minister Aksel Hovland welcomed the ruling.');
  const found = runDetector(titleDetector(), context(briefOf([a, b])).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].topic, /Petra Lund/);
  assert.equal(runDetector(titleDetector(), context(briefOf([c, d])).ctx).length, 0);
});

test('one office given to two people, unless each outlet gives it to both', () => {
  const a = article('a', '"Aldovia is an open country," Foreign Minister Lars Petrov told reporters.');
  const b = article('b', 'Foreign Minister Ana Siu said Aldovia would not tolerate espionage. Her deputy, Lars Petrov, briefed parliament.');
  const found = runDetector(officeDetector(), context(briefOf([a, b])).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].explanation, /Lars Petrov/);
  assert.match(found[0].explanation, /Ana Siu/);
  const two = article('c', 'Velarian Foreign Minister Irina Kostova met Karsian Foreign Minister Leyla Sahin.');
  const other = article('d', 'Karsian Foreign Minister Leyla Sahin left early.');
  assert.equal(runDetector(officeDetector(), context(briefOf([two, other])).ctx).length, 0);
});

test('one role, two different bodies: envoy of one organisation or another, leader of one party or another', () => {
  const a = article('a', "The Continental Union's special envoy, Nadia Bellamy, said both delegations were serious.");
  const b = article('b', 'The mediation is led by Nadia Bellamy, the United Nations envoy for the Tabor basin, who has shuttled between capitals.');
  assert.equal(runDetector(titleDetector(), context(briefOf([a, b])).ctx).length, 1);
  const c = article('c', 'Ferro, leader of the Liberty Alliance, spoke after the meeting.');
  const d = article('d', 'Ferro, who leads the National Renewal Party, says he will enter talks.');
  assert.equal(runDetector(titleDetector(), context(briefOf([c, d])).ctx).length, 1);
  const e = article('e', 'Liberty Alliance leader Samuel Ferro left early.');
  assert.equal(runDetector(titleDetector(), context(briefOf([c, e])).ctx).length, 0);
});

test('two prime ministers in two outlets, with no country given and neither outlet naming the other, may lead two countries', () => {
  const a = article('a', 'Prime Minister Elias Brun will lead the delegation to Castello.');
  const b = article('b', 'Prime Minister Tomas Reyn will remain in the capital.');
  assert.equal(runDetector(officeDetector(), context(briefOf([a, b])).ctx).length, 0);
  const c = article('c', "Aster's delegation will be led by Elias Brun, the former prime minister. Prime Minister Tomas Reyn will remain in the capital.");
  assert.equal(runDetector(officeDetector(), context(briefOf([a, c])).ctx).length, 1);
});
