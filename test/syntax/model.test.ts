import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encode, hashWord } from '../../src/syntax/encode.js';
import { deserialise, quantise, serialise, type ParserModel } from '../../src/syntax/model.js';
import { parseTokens } from '../../src/syntax/parser.js';
import { trainParser, type TrainSentence } from '../../src/syntax/train.js';

test('words are hashed as the features see them: case, typographic marks and digits folded', () => {
  assert.equal(hashWord('Minister'), hashWord('minister'));
  assert.equal(hashWord('Kestria’s'), hashWord("kestria's"));
  assert.equal(hashWord('“'), hashWord('"'));
  assert.equal(hashWord('1998'), hashWord('2024'));
  assert.notEqual(hashWord('1998'), hashWord('98'));
  assert.notEqual(hashWord('offer'), hashWord('offers'));
});

test('encoding counts punctuation before each token and puts the root after the last token', () => {
  const e = encode([
    { text: 'Yes', pos: 'INTJ', lemma: 'yes' },
    { text: ',', pos: 'PUNCT', lemma: ',' },
    { text: 'he', pos: 'PRON', lemma: 'he' },
    { text: 'said', pos: 'VERB', lemma: 'say' },
  ]);
  assert.equal(e.n, 4);
  assert.deepEqual([...e.punctBefore], [0, 0, 1, 1, 1, 1]);
  assert.notEqual(e.pos[4], e.pos[3]);
  // A token without a lemma (wink-nlp gives none for "cannot") still encodes.
  assert.doesNotThrow(() => encode([{ text: 'cannot', pos: 'AUX', lemma: undefined as unknown as string }]));
});

// A toy corpus written for this test: subject–verb–object sentences with determiners and adjectives.
function sentence(words: [string, string, number, string][]): TrainSentence {
  return {
    tokens: words.map(([text, pos]) => ({ text, pos, lemma: text.toLowerCase() })),
    heads: Int32Array.from(words, (w) => w[2]),
    labels: words.map((w) => w[3]),
  };
}
const toy: TrainSentence[] = [];
const nouns = ['envoy', 'minister', 'offer', 'plan', 'mediator', 'delegation', 'proposal', 'treaty'];
const adjs = ['defiant', 'new', 'seasoned', 'final', 'bold'];
const verbs = ['rejected', 'accepted', 'signed', 'praised', 'drafted'];
for (let i = 0; i < 40; i++) {
  const subj = nouns[i % nouns.length];
  const obj = nouns[(i * 3 + 1) % nouns.length];
  const verb = verbs[i % verbs.length];
  if (i % 2 === 0) {
    toy.push(
      sentence([
        ['The', 'DET', 2, 'det'],
        [adjs[i % adjs.length], 'ADJ', 2, 'amod'],
        [subj, 'NOUN', 3, 'nsubj'],
        [verb, 'VERB', -1, 'root'],
        ['the', 'DET', 5, 'det'],
        [obj, 'NOUN', 3, 'obj'],
        ['.', 'PUNCT', 3, 'punct'],
      ]),
    );
  } else {
    toy.push(
      sentence([
        ['The', 'DET', 1, 'det'],
        [subj, 'NOUN', 2, 'nsubj'],
        [verb, 'VERB', -1, 'root'],
        ['the', 'DET', 5, 'det'],
        [adjs[(i + 2) % adjs.length], 'ADJ', 5, 'amod'],
        [obj, 'NOUN', 2, 'obj'],
        ['.', 'PUNCT', 2, 'punct'],
      ]),
    );
  }
}
const options = { epochs: 5, moveBits: 12, labelBits: 10, exploreFrom: 2, explore: 0.9, minLabelCount: 1, seed: 5 };

test('training fits a small corpus and parsing reproduces its trees', () => {
  const model = trainParser(toy, options);
  for (const s of toy.slice(0, 10)) {
    const r = parseTokens(model, s.tokens);
    assert.deepEqual([...r.heads], [...s.heads]);
    assert.deepEqual([...r.labels].map((l) => model.labels[l]), s.labels);
  }
});

test('training is deterministic and the saved model parses exactly as the trained one', () => {
  const a = serialise(trainParser(toy, options));
  const b = serialise(trainParser(toy, options));
  assert.ok(a.equals(b), 'the same data and settings must give the same bytes');
  const model: ParserModel = deserialise(a);
  const again = serialise(model);
  assert.ok(deserialise(again).move.weights.every((w, i) => w === model.move.weights[i]));
  const s = toy[3];
  assert.deepEqual([...parseTokens(model, s.tokens).heads], [...s.heads]);
});

test('quantisation keeps the largest weight at 127 and the order of the rest', () => {
  const t = quantise(1, 2, Float64Array.from([0.5, -2, 0, 1]));
  assert.deepEqual([...t.weights], [32, -127, 0, 64]);
});
