// The learned model's parts: the tag set, decoding, probabilities, the weights file and the
// features. Decoding and probabilities are checked against brute force on small lattices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/text/doc.js';
import { ALLOWED, LABELS, NAME_TYPES, allowed, canEnd, canStart, label, labelName, spansOf, tagsOf, B, I, L, U } from '../../src/entities/model/labels.js';
import { forwardBackward, pathProbability, viterbi, type Lattice } from '../../src/entities/model/decode.js';
import { decodeModel, encodeModel } from '../../src/entities/model/store.js';
import { HashSink, StringSink, featureDoc, hashFeature, shape, shortShape, tokenFeatures } from '../../src/entities/model/features.js';
import { loadModel } from '../../src/entities/model/tagger.js';

const docOf = (text: string) => buildDoc({ id: 't', source: 't', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text });

/** A small deterministic pseudo-random lattice. */
function lattice(n: number, seed: number): Lattice {
  let x = seed;
  const r = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x / 2147483648) * 6 - 3;
  };
  return {
    n,
    emissions: Float64Array.from({ length: n * LABELS }, r),
    transitions: Float64Array.from({ length: LABELS * LABELS }, r),
    start: Float64Array.from({ length: LABELS }, r),
    end: Float64Array.from({ length: LABELS }, r),
  };
}

/** Every well-formed tag sequence of length n with its score. */
function paths(l: Lattice): { tags: number[]; score: number }[] {
  const out: { tags: number[]; score: number }[] = [];
  const walk = (tags: number[], score: number) => {
    const i = tags.length;
    if (i === l.n) {
      if (canEnd(tags[i - 1])) out.push({ tags, score: score + l.end[tags[i - 1]] });
      return;
    }
    for (let y = 0; y < LABELS; y++) {
      if (i === 0 ? !canStart(y) : !allowed(tags[i - 1], y)) continue;
      const s = score + l.emissions[i * LABELS + y] + (i === 0 ? l.start[y] : l.transitions[tags[i - 1] * LABELS + y]);
      walk([...tags, y], s);
    }
  };
  walk([], 0);
  return out;
}

test('BILOU tags: a name is U or B I… L of one type; the tables agree with allowed()', () => {
  assert.equal(LABELS, 1 + 4 * NAME_TYPES.length);
  const per = (p: number) => label(0, p);
  const org = (p: number) => label(1, p);
  assert.ok(allowed(per(B), per(I)) && allowed(per(I), per(L)) && allowed(per(L), org(U)) && allowed(0, per(B)));
  assert.ok(!allowed(per(B), org(L)) && !allowed(per(B), 0) && !allowed(0, per(I)) && !allowed(per(L), per(I)));
  for (let a = 0; a < LABELS; a++) for (let b = 0; b < LABELS; b++) assert.equal(ALLOWED[a * LABELS + b] === 1, allowed(a, b));
  assert.equal(labelName(org(U)), 'U-ORG');
  const spans = [
    { first: 0, last: 0, type: 2 },
    { first: 2, last: 4, type: 0 },
  ];
  assert.deepEqual(spansOf(tagsOf(spans, 6)), spans);
});

test('Viterbi finds the best well-formed path and respects fixed tags', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const l = lattice(3, seed);
    const all = paths(l);
    const best = all.reduce((a, b) => (b.score > a.score ? b : a));
    assert.deepEqual(Array.from(viterbi(l)), best.tags, `seed ${seed}`);
    const fixed = [-1, label(1, U), -1];
    const bestFixed = all.filter((p) => p.tags[1] === label(1, U)).reduce((a, b) => (b.score > a.score ? b : a));
    assert.deepEqual(Array.from(viterbi(l, fixed)), bestFixed.tags);
  }
});

test('span probabilities from forward-backward equal brute-force sums over paths', () => {
  for (const temperature of [1, 4]) {
    const l = lattice(3, 7 + temperature);
    const all = paths(l);
    const z = all.reduce((s, p) => s + Math.exp(p.score / temperature), 0);
    const m = forwardBackward(l, temperature);
    for (const [a, tags] of [
      [0, [label(0, U)]],
      [1, [label(2, B), label(2, L)]],
      [0, [label(3, B), label(3, I), label(3, L)]],
    ] as [number, number[]][]) {
      const brute = all.filter((p) => tags.every((t, k) => p.tags[a + k] === t)).reduce((s, p) => s + Math.exp(p.score / temperature), 0) / z;
      assert.ok(Math.abs(pathProbability(m, a, tags) - brute) < 1e-9, `${tags} at ${a}: ${pathProbability(m, a, tags)} vs ${brute}`);
    }
  }
});

test('the weights file round-trips, and the shipped weights load', () => {
  const w = {
    meta: { format: 'parley-ner-1' as const, labels: Array.from({ length: LABELS }, (_, y) => labelName(y)), temperature: 3, scale: 0.01, features: 2, training: { note: 'test' } },
    hashes: Uint32Array.from([5, 4000000000]),
    weights: Int16Array.from({ length: 2 * LABELS }, (_, i) => i - 17),
    transitions: Float32Array.from({ length: LABELS * LABELS }, (_, i) => i / 10),
    start: Float32Array.from({ length: LABELS }, (_, i) => -i),
    end: Float32Array.from({ length: LABELS }, (_, i) => i),
  };
  const back = decodeModel(encodeModel(w));
  assert.deepEqual(back.meta, w.meta);
  assert.deepEqual(Array.from(back.hashes), Array.from(w.hashes));
  assert.deepEqual(Array.from(back.weights), Array.from(w.weights));
  assert.deepEqual(Array.from(back.transitions), Array.from(w.transitions));
  assert.deepEqual(Array.from(back.end), Array.from(w.end));
  const shipped = loadModel().weights;
  assert.ok(shipped.meta.features > 1000 && shipped.meta.temperature > 0);
});

test('features: a hash sink and a string sink agree, and the same Doc gives the same features', () => {
  const doc = docOf('Foreign Minister Hakan Fidan met Sergei Lavrov in Ankara on Monday.');
  const fd = featureDoc(doc);
  for (let i = 0; i < doc.tokens.length; i++) {
    const strings = new StringSink();
    const hashes: number[] = [];
    tokenFeatures(fd, i, strings);
    tokenFeatures(fd, i, new HashSink((h) => hashes.push(h)));
    assert.deepEqual(hashes, strings.out.map(hashFeature));
    const again = new StringSink();
    tokenFeatures(featureDoc(docOf(doc.text)), i, again);
    assert.deepEqual(again.out, strings.out);
  }
});

test('features: typographic apostrophes and dashes read as ASCII ones', () => {
  const feats = (text: string, word: string) => {
    const doc = docOf(text);
    const i = doc.tokens.findIndex((t) => t.text === word);
    const s = new StringSink();
    tokenFeatures(featureDoc(doc), i, s);
    return s.out;
  };
  assert.deepEqual(feats('Kovacs’s aides met in Varna.', 'Kovacs'), feats("Kovacs's aides met in Varna.", 'Kovacs'));
  assert.equal(shape('O’Brien'), shape("O'Brien"));
  assert.equal(shortShape('Jean–Paul'), shortShape('Jean-Paul'));
});

test('features: the cues the rules used to weigh are there for the model', () => {
  const has = (text: string, word: string, feature: string) => {
    const doc = docOf(text);
    const i = doc.tokens.findIndex((t) => t.text === word);
    const s = new StringSink();
    tokenFeatures(featureDoc(doc), i, s);
    return s.out.includes(feature);
  };
  assert.ok(has('Shells fell near the town of Dobrec on Monday.', 'Dobrec', 'c:placenoun-of'));
  assert.ok(has('Talks resumed, analyst Tomas Brandt said.', 'Tomas', 'c:title-1'));
  assert.ok(has('Sen. Ana Ortiz, R-Ky., spoke.', 'Ky', 'c:party-tag'));
  assert.ok(has('Doctors Warn Of Shortages\nThe clinic in Varna was closed.', 'Doctors', 'where=k1i1'), 'a title-case line');
  assert.ok(has('Results were better. Doctors in Varna agreed.', 'Doctors', 'dict=1|k0i1'), 'an ordinary English word');
  assert.ok(has('Results were better. Kovacs in Varna agreed.', 'Kovacs', 'dict=0|k0i1'), 'a word wink-nlp does not know');
  assert.ok(has('Brightcore said it would appeal.', 'Brightcore', 'c:pron-it'));
});
