// Places: the same street given two different block numbers (src/compare/places.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocksIn, places, scenes } from '../../src/compare/places.js';
import { runDetector } from '../../src/compare/claims.js';
import { article, briefOf, context } from './helpers.js';

test('a block number with its street: compass words dropped, street types folded', () => {
  const [b] = blocksIn('The crash happened in the 4100 block of East Marlow Ave. just before noon.');
  assert.equal(b.block, 4100);
  assert.equal(b.street, 'marlow avenue');
  assert.deepEqual(blocksIn('Crews cleared the 900 block of 31st Street overnight.').map((x) => x.street), ['31st street']);
  // No street type, or words not written as a name: no place.
  assert.deepEqual(blocksIn('He lived in the 300 block of the old town.'), []);
});

test('two outlets placing one event on one street at two blocks disagree; one block is corroboration', () => {
  const a = article('a', 'The van struck a cyclist in the 4100 block of Marlow Avenue on Tuesday.');
  const b = article('b', 'Witnesses said the cyclist was hit in the 4300 block of East Marlow Ave. on Tuesday.');
  const c = article('c', 'Police closed the 4100 block of Marlow Avenue after a cyclist was hit.');
  const found = runDetector(places, context(briefOf([a, b, c])).ctx);
  assert.equal(found.length, 1);
  assert.deepEqual(new Set(found[0].claims.map((x) => x.value)), new Set(['4100', '4300']));
  assert.equal(runDetector(places, context(briefOf([a, c])).ctx).length, 0);
});

test('blocks of two different streets are two places', () => {
  const a = article('a', 'The van struck a cyclist in the 4100 block of Marlow Avenue.');
  const b = article('b', 'The cyclist was hit in the 4300 block of Dunmore Road.');
  assert.equal(runDetector(places, context(briefOf([a, b])).ctx).length, 0);
});

test('one happening of one actor placed in two places disagrees; an outlet naming both places does not', () => {
  const run = (texts: string[]): number => {
    const arts = texts.map((t, i) => article(`s${i}`, t));
    const mentionsOf = (name: string) => arts.flatMap((x) => [...x.text.matchAll(new RegExp(name, 'g'))].map((m) => ({ article: x.id, start: m.index!, end: m.index! + name.length })));
    const entities = [
      { id: 'p', name: 'Ilse Marrow', type: 'person' as const, aliases: [], roles: [], mentions: mentionsOf('Ilse Marrow') },
      { id: 'o', name: 'Ostrava', type: 'place' as const, aliases: [], roles: [], mentions: mentionsOf('Ostrava') },
      { id: 'b', name: 'Brno', type: 'place' as const, aliases: [], roles: [], mentions: mentionsOf('Brno') },
    ];
    return runDetector(scenes, context(briefOf(arts, { entities })).ctx).length;
  };
  assert.equal(run(['Ilse Marrow moved to Ostrava after the trial.', 'After the trial Ilse Marrow moved to Brno with her sons.']), 1);
  assert.equal(run(['Ilse Marrow moved to Ostrava after the trial.', 'After the trial Ilse Marrow moved to Brno with her sons. Her sister stayed in Ostrava.']), 0);
  assert.equal(run(['Ilse Marrow moved to Ostrava after the trial.', 'Ilse Marrow was born in Brno.']), 0);
});
