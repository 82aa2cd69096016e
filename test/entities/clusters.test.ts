// Word clusters (src/entities/model/clusters.ts): the file format round-trips, a token is looked up
// by its lower-cased or folded form, the shipped clusters put related names together, and the
// tagger's features carry a known word's clusters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/text/doc.js';
import { clusterRow, decodeClusters, encodeClusters, wordClusters, wordHash } from '../../src/entities/model/clusters.js';
import { StringSink, featureDoc, hashFeature, tokenFeatures } from '../../src/entities/model/features.js';

const docOf = (text: string) => buildDoc({ id: 't', source: 't', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text });

test('word clusters: the binary form round-trips and a token is found lower-cased or folded', () => {
  const words = ["o'brien", 'geneva', 'talks'];
  const order = words.map((w, i) => [wordHash(w), i]).sort((a, b) => a[0] - b[0]);
  const hashes = Uint32Array.from(order, ([h]) => h);
  const columns = [Uint16Array.from(order, ([, i]) => i), Uint16Array.from(order, ([, i]) => 10 + i)];
  const wc = decodeClusters(encodeClusters([4, 16], hashes, columns, { source: 'test' }));
  assert.deepEqual(wc.ks, [4, 16]);
  const of = (text: string, folded = text.toLowerCase()) => {
    const r = clusterRow(wc, text, folded);
    return r < 0 ? null : wc.ks.map((_, g) => wc.columns[g][r]);
  };
  assert.deepEqual(of('Geneva'), [1, 11]);
  assert.deepEqual(of('TALKS'), [2, 12]);
  assert.deepEqual(of('O’Brien', "o'brien"), [0, 10], 'a typographic apostrophe reads as an ASCII one');
  assert.equal(of('Velmor'), null);
  assert.equal(wordHash('obama'), hashFeature('obama'), 'the hash of the tagger’s features');
});

test('word clusters: the shipped file loads and groups related words', () => {
  const wc = wordClusters();
  assert.deepEqual(wc.ks, [64, 256, 1024]);
  assert.ok(wc.hashes.length >= 90_000);
  for (let i = 1; i < wc.hashes.length; i++) assert.ok(wc.hashes[i - 1] < wc.hashes[i], 'hashes ascending, no repeats');
  const fine = (w: string) => {
    const r = clusterRow(wc, w, w.toLowerCase());
    assert.ok(r >= 0, `${w} is in the clusters`);
    return wc.columns[2][r];
  };
  assert.equal(fine('Gazprom'), fine('Rosneft'), 'two Russian oil and gas companies');
  assert.equal(fine('Hamas'), fine('Netanyahu'));
  assert.notEqual(fine('Gazprom'), fine('Geneva'));
  assert.equal(clusterRow(wc, 'Karsia', 'karsia'), -1, 'an invented country is no known word');
});

test('features: with cluster features asked for, a known word brings its clusters to itself and its neighbours, an unknown word none', () => {
  const feats = (text: string, word: string, clusters = true) => {
    const doc = docOf(text);
    const i = doc.tokens.findIndex((t) => t.text === word);
    const s = new StringSink();
    tokenFeatures(featureDoc(doc), i, s, clusters);
    return s.out;
  };
  const wc = wordClusters();
  const r = clusterRow(wc, 'Gazprom', 'gazprom');
  const got = feats('Gazprom raised its prices.', 'Gazprom');
  for (let g = 0; g < wc.ks.length; g++) assert.ok(got.includes(`c${wc.ks[g]}=${wc.columns[g][r]}`), `c${wc.ks[g]} of Gazprom in ${got.join(' ')}`);
  assert.ok(feats('Gazprom raised its prices.', 'raised').includes(`c1024-1=${wc.columns[2][r]}`), 'the word before');
  assert.ok(feats('Shares of Gazprom fell.', 'of').includes(`c1024+1=${wc.columns[2][r]}`), 'the word after');
  assert.ok(!feats('Velmorgaz raised its prices.', 'Velmorgaz').some((f) => /^c\d+=/.test(f)));
  assert.ok(!feats('Gazprom raised its prices.', 'Gazprom', false).some((f) => /^c\d+/.test(f)), 'not asked for: none');
});
