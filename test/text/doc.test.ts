import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, sentenceAt } from '../../src/text/doc.js';
import type { Article } from '../../src/types.js';

function article(text: string): Article {
  return { id: 't', source: 't', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text };
}

test('tokens map back to the exact text, joining words wink-nlp splits on ğ', () => {
  const text = 'Recep Tayyip Erdoğan met Volodymyr Zelensky’s aides.';
  const doc = buildDoc(article(text));
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(doc.tokens.some((t) => t.text === 'Erdoğan'));
});

test('a heading on its own line is its own sentence', () => {
  const text = 'Talks resume in Geneva\nThe delegations met on Tuesday. They left at noon.';
  const doc = buildDoc(article(text));
  assert.deepEqual(
    doc.sentences.map((s) => text.slice(s.start, s.end)),
    ['Talks resume in Geneva', 'The delegations met on Tuesday.', 'They left at noon.'],
  );
  assert.equal(doc.sentences[0].paragraph, 0);
  assert.equal(doc.sentences[2].paragraph, 1);
});

test('every token belongs to the sentence that covers it', () => {
  const text = 'U.S. officials said so. Mr. Lavrov disagreed!\n\n“We will see,” he said.';
  const doc = buildDoc(article(text));
  for (const t of doc.tokens) {
    const s = doc.sentences[t.sentence];
    assert.ok(t.start >= s.start && t.end <= s.end, `${t.text} outside its sentence`);
    assert.equal(sentenceAt(doc, t.start), t.sentence);
  }
  assert.equal(sentenceAt(doc, text.length + 5), -1);
});

test('an over-long run of non-space characters is one token and does not disturb its neighbours', () => {
  const blob = `data:image/png;base64,${'iVBORw0KGgo'.repeat(500)}`;
  const text = `The envoy arrived. See ${blob} for the map. Talks resume Monday.`;
  const doc = buildDoc(article(text));
  const long = doc.tokens.filter((t) => t.text === blob);
  assert.equal(long.length, 1);
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(doc.tokens.some((t) => t.text === 'Monday'));
  assert.ok(doc.tokens.some((t) => t.text === 'envoy'));
  // Tokens and sentences stay in text order.
  for (let i = 1; i < doc.tokens.length; i++) assert.ok(doc.tokens[i].start >= doc.tokens[i - 1].end);
  for (let i = 1; i < doc.sentences.length; i++) assert.ok(doc.sentences[i].start >= doc.sentences[i - 1].end);
});

test('one name fold for every stage: diacritics, letters that do not decompose, dashes, apostrophes', async () => {
  const { foldName } = await import('../../src/text/fold.js');
  assert.equal(foldName('Šefčovič'), 'sefcovic');
  assert.equal(foldName('Sælen'), 'saelen');
  assert.equal(foldName('Erdoğan'), 'erdogan');
  assert.equal(foldName('Wałęsa'), 'walesa');
  assert.equal(foldName('Jean–Pierre  O’Neill'), "jean-pierre o'neill");
  assert.equal(foldName('Kerry'), 'kerry');
});

test('"I\'m" is a pronoun and a verb, with either apostrophe, not one proper noun', () => {
  const d = buildDoc(article('“I’m running,” she said. I\'m here.'));
  const words = d.tokens.map((t) => d.text.slice(t.start, t.end));
  assert.deepEqual(words.filter((w) => /^I|^['’]m$/.test(w)), ['I', '’m', 'I', "'m"]);
  const i = d.tokens.find((t) => d.text.slice(t.start, t.end) === 'I')!;
  assert.equal(i.pos, 'PRON');
  // The sentences still cover every token.
  assert.equal(d.sentences[d.sentences.length - 1].endToken, d.tokens.length);
});
