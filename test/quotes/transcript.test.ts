import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/quotes/index.js';
import { findTurns } from '../../src/text/transcript.js';
import { docOf, entitiesOf } from './helpers.js';

const TRANSCRIPT = [
  'Radio Lisvaro, the evening interview',
  'MAREK HOLT (HOST): Ana Ruiz is the foreign minister of Meridia. Minister, welcome.',
  'RUIZ: Thank you. It is good to be here.',
  'HOLT: You called the framework "a first step". Is that all it is?',
  'RUIZ: It is a first step, and first steps matter. On the last night Pavel Drozd told me, \'We will sign.\' I believed him.',
  'HOLT: Ana Ruiz, thank you.',
].join('\n');

test('a transcript: every turn is its speaker\'s words; "you" in a question is the guest', () => {
  const doc = docOf(TRANSCRIPT);
  const ents = entitiesOf(doc, [
    { forms: ['Ana Ruiz', 'Ruiz'], type: 'person' },
    { forms: ['Marek Holt', 'Holt'], type: 'person' },
    { forms: ['Pavel Drozd', 'Drozd'], type: 'person' },
    { forms: ['Meridia'], type: 'place' },
  ]);
  const name = (key: string | null) => (key ? ents.entities.find((e) => e.key === key)!.name : null);
  const quotes = findQuotes(doc, ents);
  const turn = (words: string) => quotes.find((q) => q.text.startsWith(words))!;
  assert.equal(name(turn('Thank you. It is good').speaker), 'Ana Ruiz');
  assert.equal(name(turn('Ana Ruiz is the foreign minister').speaker), 'Marek Holt');
  assert.equal(name(turn('You called the framework').speaker), 'Marek Holt');
  assert.equal(name(quotes.find((q) => q.text === 'a first step')!.speaker), 'Ana Ruiz', 'the phrase the host quotes back is the guest\'s');
  assert.equal(name(turn('Ana Ruiz, thank you').speaker), 'Marek Holt');
  for (const q of quotes) assert.equal(doc.text.slice(q.start, q.end), q.text);
});

test('labels in prose are no transcript: one heading with a colon, or one speaker only', () => {
  assert.deepEqual(findTurns(docOf('Analysis: what the deal means for Meridia\nThe deal was signed on Tuesday in Geneva.\nBoth sides welcomed it.')), []);
  assert.deepEqual(findTurns(docOf('RUIZ: We will sign.\nRUIZ: We will not wait.\nRUIZ: We are ready.')), []);
});
