import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMarkedSpans } from '../../src/quotes/marks.js';
import { splitParagraphs } from '../../src/text/doc.js';

function quoted(text: string): string[] {
  return findMarkedSpans(text, splitParagraphs(text)).map((s) => text.slice(s.start, s.end));
}

test('straight double quotes pair up and the span leaves the marks out', () => {
  assert.deepEqual(quoted('He said "we will see" and left. "No," she said.'), ['we will see', 'No,']);
});

test('curly doubles; an apostrophe inside does not disturb them', () => {
  assert.deepEqual(quoted('“Kestria’s offer is late,” he said. “We’ll read it.”'), ['Kestria’s offer is late,', 'We’ll read it.']);
});

test('curly singles used as quote marks, with apostrophes inside', () => {
  assert.deepEqual(quoted('Ms Ruiz said: ‘We’ve come a long way, but we’re not there.’ Then she left.'), ['We’ve come a long way, but we’re not there.']);
});

test('a plural possessive ’ is no closing mark', () => {
  assert.deepEqual(quoted('‘The Kestrians’ demands are absurd,’ he said.'), ['The Kestrians’ demands are absurd,']);
});

test('a ’ after an s closes an open single quote when no other closing mark follows', () => {
  assert.deepEqual(quoted('She said the prisoners could be home ‘within days’ once every name was checked.'), ['within days']);
  // With a closing mark further on, the same shape stays a plural possessive.
  assert.deepEqual(quoted('‘The envoys’ demands are absurd,’ he said.'), ['The envoys’ demands are absurd,']);
});

test('guillemets, with the spaces inside them trimmed', () => {
  assert.deepEqual(quoted('« Nous verrons », declared the minister. «Switzerland will host.»'), ['Nous verrons', 'Switzerland will host.']);
});

test('a curly opening mark closed by a straight one', () => {
  assert.deepEqual(quoted('Drozd said that “the ball is in their court now" and left.'), ['the ball is in their court now']);
});

test('straight single quotes in a headline; the apostrophe in won\'t stays inside', () => {
  assert.deepEqual(quoted("Ruiz storms out: 'We won't be bullied!'"), ["We won't be bullied!"]);
});

test("a stray straight single (O 'Reilly) opens nothing and double quotes after it still count", () => {
  assert.deepEqual(quoted("Charles O 'Reilly, an expert, who stated, \"Great companies rarely last\". Done."), ['Great companies rarely last']);
});

test('a nested quote of the other family stays inside the outer quote', () => {
  assert.deepEqual(quoted('"Kestria says \'flexibility\' when it means \'delay,\'" said Lorenz.'), ["Kestria says 'flexibility' when it means 'delay,'"]);
});

test('an unclosed quote that opens a clause is cut at its paragraph end, and the next paragraph is unharmed', () => {
  const text = 'The envoy said: "We are close to a deal and we will stay.\n\nOfficials declined to comment. "Not now," one said.';
  assert.deepEqual(quoted(text), ['We are close to a deal and we will stay.', 'Not now,']);
});

test('an unclosed fragment inside the writer\'s sentence ends with that sentence', () => {
  const text = 'Vos said the government had "failed the families of the missing. She called for an inquiry.';
  const spans = findMarkedSpans(text, splitParagraphs(text));
  assert.equal(spans.length, 1);
  assert.equal(text.slice(spans[0].start, spans[0].end), 'failed the families of the missing.');
  assert.equal(spans[0].unclosed, true);
});

test('a quote over three paragraphs, reopened on each, is one span', () => {
  const text = 'She said:\n\n“First point.\n\n“Second point.\n\n“Third point.”\n\nThe council adjourned.';
  const spans = findMarkedSpans(text, splitParagraphs(text));
  assert.equal(spans.length, 1);
  assert.equal(text.slice(spans[0].start, spans[0].end), 'First point.\n\n“Second point.\n\n“Third point.');
  assert.equal(spans[0].multiParagraph, true);
});

test('an embedded fragment left open does not run into the next paragraph even if it opens with a mark', () => {
  const text = 'Vos said the government had "failed the families.\n\n"This cannot go on," Vos said.';
  assert.deepEqual(quoted(text), ['failed the families.', 'This cannot go on,']);
});

test('empty text and text of marks only give nothing and do not throw', () => {
  assert.deepEqual(quoted(''), []);
  assert.deepEqual(quoted('"" “” \' " « »'), []);
});

test('straight marks nested inside a curly quote do not end it; a lone straight mark still closes a curly one', () => {
  assert.deepEqual(quoted('“The so-called "peace plan" is a farce,” the minister said.'), ['The so-called "peace plan" is a farce,']);
  assert.deepEqual(quoted('He said “we are done" and left.'), ['we are done']);
});
