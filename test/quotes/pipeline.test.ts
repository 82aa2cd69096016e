// End to end with the real entities stage: speakers come out as entities of the article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from '../../src/entities/index.js';
import { findQuotes } from '../../src/quotes/index.js';
import { docOf } from './helpers.js';

test('with findEntities, a titled speaker and a later "she said" resolve to the same person', () => {
  const text = [
    'Meridia rejects UN draft',
    '',
    '“We will not sign any text that leaves our people behind,” Foreign Minister Ana Ruiz told reporters in Geneva on Tuesday.',
    '',
    'Ruiz later met the UN envoy. “We will meet again,” she said.',
  ].join('\n');
  const doc = docOf(text, 'e2e');
  const ents = findEntities(doc);
  const quotes = findQuotes(doc, ents);
  assert.equal(quotes.length, 2);
  assert.ok(quotes[0].speaker, 'first quote has a speaker entity');
  assert.equal(quotes[1].speaker, quotes[0].speaker);
  const entity = ents.entities.find((e) => e.key === quotes[0].speaker)!;
  assert.match(entity.name, /Ruiz/);
});
