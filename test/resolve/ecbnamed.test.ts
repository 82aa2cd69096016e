// Which ECB+ participant markables bench:coref scores as NAMED (bench/lib/ecbnamed.ts), on a small
// document written for this test in the corpus's shape: tokens with sentence numbers, markables
// over token ids, coreference instances.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcbDoc, EcbMarkable, EcbToken } from '../../bench/lib/ecbplus.js';
import { caseCounts, namedMentions } from '../../bench/lib/ecbnamed.js';

/** A document from sentences of space-separated tokens; markables name a sentence and token positions. */
function doc(id: string, sentences: string[], marks: { tag: string; s: number; from: number; to: number; instance: string | null }[]): EcbDoc {
  const tokens: EcbToken[] = [];
  let text = '';
  sentences.forEach((sentence, s) => {
    if (s > 0) text += '\n';
    sentence.split(' ').forEach((value, i) => {
      if (i > 0) text += ' ';
      tokens.push({ id: `${s}.${i}`, sentence: s, start: text.length, end: text.length + value.length, value });
      text += value;
    });
  });
  const tokenById = new Map(tokens.map((t) => [t.id, t]));
  const markables: EcbMarkable[] = marks.map((m, n) => {
    const ids = Array.from({ length: m.to - m.from + 1 }, (_, k) => `${m.s}.${m.from + k}`);
    return { mId: String(n + 1), tag: m.tag, tokenIds: ids, start: tokenById.get(ids[0])!.start, end: tokenById.get(ids[ids.length - 1])!.end, instance: m.instance };
  });
  return { id, topic: 99, subtopic: '99_ecb', url: null, text, tokens, tokenById, annotatedSentences: new Set(sentences.map((_, s) => s)), markables };
}

const sentences = [
  'Harbour Talks Stall As Envoy Leaves',
  'The envoy , Marta Lindqvist , left Valport on Monday .',
  'Police said she met the Valport port authority in Valport .',
  'Lindqvist , 54 , told two police officers that the Harbour Board would meet .',
  'He thanked her team .',
];
const d = doc('99_1ecb', sentences, [
  { tag: 'HUMAN_PART_PER', s: 0, from: 4, to: 4, instance: 'HUM1' }, // Envoy (headline)
  { tag: 'HUMAN_PART_PER', s: 1, from: 0, to: 1, instance: 'HUM1' }, // The envoy
  { tag: 'HUMAN_PART_PER', s: 1, from: 3, to: 4, instance: 'HUM1' }, // Marta Lindqvist
  { tag: 'LOC_GEO', s: 1, from: 7, to: 7, instance: 'LOC1' }, // Valport
  { tag: 'HUMAN_PART_ORG', s: 2, from: 0, to: 0, instance: null }, // Police (sentence start)
  { tag: 'HUMAN_PART_PER', s: 2, from: 2, to: 2, instance: 'HUM1' }, // she
  { tag: 'HUMAN_PART_ORG', s: 2, from: 4, to: 7, instance: null }, // the Valport port authority
  { tag: 'LOC_GEO', s: 2, from: 8, to: 9, instance: 'LOC1' }, // in Valport
  { tag: 'HUMAN_PART_PER', s: 3, from: 0, to: 3, instance: 'HUM1' }, // Lindqvist , 54
  { tag: 'HUMAN_PART_ORG', s: 3, from: 9, to: 11, instance: null }, // the Harbour Board
  { tag: 'HUMAN_PART_PER', s: 4, from: 0, to: 0, instance: 'HUM1' }, // He
]);

test('named participant mentions: proper names only, cores without determiners, prepositions or ages', () => {
  const named = namedMentions(d, caseCounts([d]));
  assert.deepEqual(
    named.map((m) => m.text),
    ['Marta Lindqvist', 'Valport', 'Valport', 'Lindqvist', 'Harbour Board'],
  );
  // Offsets are those of the core: "in Valport" scores as "Valport".
  for (const m of named) assert.equal(d.text.slice(m.start, m.end), m.text);
});

test('the head is the last name word; linked markables share their instance, unlinked ones are singletons', () => {
  const named = namedMentions(d, caseCounts([d]));
  const byText = (t: string) => named.filter((m) => m.text === t);
  assert.equal(byText('Marta Lindqvist')[0].head, 'Lindqvist');
  assert.equal(byText('Marta Lindqvist')[0].entity, byText('Lindqvist')[0].entity);
  assert.equal(byText('Valport')[0].entity, byText('Valport')[1].entity);
  assert.match(byText('Harbour Board')[0].entity, /^single:/);
});

test('a sentence-initial word is a name only if running text capitalises it elsewhere', () => {
  // "Police" opens a sentence and "police" appears in lower case: not a name. A word the corpus
  // capitalises mid-sentence counts at a sentence start.
  const other = doc('99_2ecb', ['Valport Police said the port was shut .', 'Officials in Valport agreed .'], [
    { tag: 'LOC_GEO', s: 0, from: 0, to: 0, instance: 'LOC1' },
    { tag: 'HUMAN_PART_PER', s: 1, from: 0, to: 0, instance: null },
  ]);
  const named = namedMentions(other, caseCounts([d, other]));
  assert.deepEqual(
    named.map((m) => m.text),
    ['Valport'],
  );
});

test('only sentences listed as validated are scored', () => {
  const partial = { ...d, annotatedSentences: new Set([1]) };
  assert.deepEqual(
    namedMentions(partial, caseCounts([d])).map((m) => m.text),
    ['Marta Lindqvist', 'Valport'],
  );
});
