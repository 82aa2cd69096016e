import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameLike, termMarkedBefore, termMarkedAfter } from '../../src/quotes/classify.js';

test('name-like spans: every word capitalised, short', () => {
  assert.equal(nameLike('Big Three'), true);
  assert.equal(nameLike('Back to the Mac'), true);
  assert.equal(nameLike('iPhone OS,'), true);
  assert.equal(nameLike('the hardest questions remain open'), false);
  assert.equal(nameLike('Traffic. We were late.'), false);
});

test('term markers before a span: so-called, the term, dubbed (an article may follow)', () => {
  const t = 'a so-called “peace dividend”; the term “frozen conflict”; dubbed a “retina display”; she said “no”';
  assert.equal(termMarkedBefore(t, 0, t.indexOf('“peace')), true);
  assert.equal(termMarkedBefore(t, 0, t.indexOf('“frozen')), true);
  assert.equal(termMarkedBefore(t, 0, t.indexOf('“retina')), true);
  assert.equal(termMarkedBefore(t, 0, t.indexOf('“no')), false);
});

test('term followers after a span: ", a term that …"', () => {
  const t = 'as a “frozen conflict”, a term that Ruiz rejects; as “dead”, she said';
  assert.equal(termMarkedAfter(t, t.indexOf('”'), t.length), true);
  assert.equal(termMarkedAfter(t, t.lastIndexOf('”'), t.length), false);
});
