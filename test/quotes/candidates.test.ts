// Speaker candidates: who stands near a quote and what ties each to it (the speaker ranker's
// features), and the choice among them as findQuotes makes it. Texts written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, findQuotesDetailed } from '../../src/quotes/index.js';
import { speakerCandidates } from '../../src/quotes/model/candidates.js';
import { docOf, entitiesOf } from './helpers.js';

const PEOPLE = [
  { forms: ['Ana Ruiz', 'Ruiz'], type: 'person' as const },
  { forms: ['Pavel Drozd', 'Drozd'], type: 'person' as const },
  { forms: ['Kestria'], type: 'place' as const },
];

test('candidates are the people near a quote outside quotation marks; places are not candidates', () => {
  const text = 'Ana Ruiz met Pavel Drozd in Kestria on Monday. “We will not sign,” Ruiz said. “Pavel Drozd is stalling.”';
  const doc = docOf(text);
  const ents = entitiesOf(doc, PEOPLE);
  const quotes = findQuotesDetailed(doc, ents);
  const first = speakerCandidates(doc, ents, quotes, 0);
  const names = first.map((c) => ents.entities.find((e) => e.key === c.entity)!.name).sort();
  assert.deepEqual(names, ['Ana Ruiz', 'Pavel Drozd']);
  const ruiz = first.find((c) => ents.entities.find((e) => e.key === c.entity)!.name === 'Ana Ruiz')!;
  assert.equal(ruiz.x['rule:chosen'], 1, 'the rules chose Ruiz ("Ruiz said")');
  assert.equal(ruiz.x['in-speaker-words'], 1);
  assert.equal(ruiz.x['name-then-cue'], 1);
  const drozd = first.find((c) => c !== ruiz)!;
  assert.equal(drozd.x['rule:chose-another'], 1);
  // Drozd named inside the second quote is no candidate from there.
  const second = speakerCandidates(doc, ents, quotes, 1);
  const drozdThere = second.find((c) => c.entity === drozd.entity);
  assert.ok(!drozdThere || drozdThere.nearest.start < text.indexOf('“Pavel'), 'a name inside a quote does not stand for its speaker');
});

test('a pronoun introducing a quote agrees or not with each candidate’s given name', () => {
  const text = 'Ana Ruiz and Pavel Drozd met on Monday. “It went well,” she said.';
  const doc = docOf(text);
  const ents = entitiesOf(doc, PEOPLE);
  const c = speakerCandidates(doc, ents, findQuotesDetailed(doc, ents), 0);
  const byName = (n: string) => c.find((x) => ents.entities.find((e) => e.key === x.entity)!.name === n)!;
  assert.equal(byName('Ana Ruiz').x['gender:agrees'], 1);
  assert.equal(byName('Pavel Drozd').x['gender:differs'], 1);
});

test('findQuotes names the speaker the article names, with a confidence, and keeps the words that name it', () => {
  const text = 'Ana Ruiz met Pavel Drozd in Kestria on Monday. “We will not sign,” Ruiz said.';
  const doc = docOf(text);
  const ents = entitiesOf(doc, PEOPLE);
  const [q] = findQuotes(doc, ents);
  assert.equal(ents.entities.find((e) => e.key === q.speaker)?.name, 'Ana Ruiz');
  assert.ok(typeof q.speakerConfidence === 'number' && q.speakerConfidence > 0.5, JSON.stringify(q));
  assert.equal(q.speakerText, 'Ruiz');
});
