import { test } from 'node:test';
import assert from 'node:assert/strict';
import { speakers } from '../../src/compare/speakers.js';
import { runDetector } from '../../src/compare/claims.js';
import type { Article, Quote } from '../../src/types.js';
import { article, briefOf, context } from './helpers.js';

function quote(a: Article, words: string, speaker: string | null, speakerText: string | null): Quote {
  const start = a.text.indexOf(words);
  return { id: `${a.id}-q`, article: a.id, start, end: start + words.length, text: words, speaker, speakerText, cue: 'said', partial: false };
}

const people = [
  { id: 'sahin', name: 'Leyla Şahin', type: 'person' as const, aliases: ['Sahin', 'Leyla Şahin'], roles: [] },
  { id: 'akgul', name: 'Selim Akgül', type: 'person' as const, aliases: ['Akgul', 'Selim Akgul'], roles: [] },
];

/** The people, with a mention wherever an article writes one of their names. */
function mentioned(...arts: Article[]) {
  return people.map((p) => ({
    ...p,
    mentions: arts.flatMap((a) => [...new Set(p.aliases)].flatMap((n) => [...a.text.matchAll(new RegExp(n, 'g'))].map((m) => ({ article: a.id, start: m.index!, end: m.index! + n.length })))),
  }));
}
const entities = mentioned();
const WORDS = 'We did not come to Talvik to sign a surrender';

test('the same words credited to two people are a discrepancy', () => {
  const a = article('a', `"${WORDS}," Sahin told reporters.`);
  const b = article('b', `Karsian President Selim Akgul struck a defiant tone. '${WORDS},' he said.`);
  const brief = briefOf([a, b], { entities: mentioned(a, b), quotes: [quote(a, WORDS, 'sahin', 'Sahin'), quote(b, WORDS, 'akgul', 'he')] });
  const found = runDetector(speakers, context(brief).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].explanation, /Leyla Şahin/);
  assert.match(found[0].explanation, /Selim Akgül/);
  // The passage shown for "he said" reaches back to the sentence that names him.
  const claimB = found[0].claims.find((c) => c.article === 'b')!;
  assert.equal(claimB.passage?.start, 0);
});

test('a name spelt differently or an anonymous attribution is not a second speaker', () => {
  const a = article('a', `"${WORDS}," Sahin told reporters.`);
  const b = article('b', `"${WORDS}," said Leyla Şahin.`);
  const c = article('c', `"${WORDS}," a senior official said.`);
  const brief = briefOf([a, b, c], { entities, quotes: [quote(a, WORDS, null, 'Sahin'), quote(b, WORDS, 'sahin', 'Leyla Şahin'), quote(c, WORDS, null, 'a senior official')] });
  assert.equal(runDetector(speakers, context(brief).ctx).length, 0);
});

test('a conflict resting on an attribution Parley is unsure of is not a discrepancy', () => {
  const a = article('a', `"${WORDS}," Sahin told reporters.`);
  // Nobody is named near the quote: the speaker is the brief's own guess.
  const b = article('b', `The talks dragged on into the night. '${WORDS},' he said.`);
  const brief = briefOf([a, b], { entities: mentioned(a, b), quotes: [quote(a, WORDS, 'sahin', 'Sahin'), quote(b, WORDS, 'akgul', 'he')] });
  assert.equal(runDetector(speakers, context(brief).ctx).length, 0);
  // An uncertain attribution (a possible speaker only) is not a speaker at all.
  const c = article('c', `'${WORDS},' Selim Akgul said.`);
  const unsure = { ...quote(c, WORDS, null, 'Selim Akgul'), possibleSpeaker: 'akgul', speakerConfidence: 0.4 };
  const brief2 = briefOf([a, c], { entities: mentioned(a, c), quotes: [quote(a, WORDS, 'sahin', 'Sahin'), unsure] });
  assert.equal(runDetector(speakers, context(brief2).ctx).length, 0);
});
