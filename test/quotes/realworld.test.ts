// Shapes met in real pages (wire copy, Wikinews, 2019 news sites), each checked on a sentence of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/quotes/index.js';
import { findMarkedSpans } from '../../src/quotes/marks.js';
import { splitParagraphs } from '../../src/text/doc.js';
import { docOf, entitiesOf } from './helpers.js';
import type { EntityType } from '../../src/types.js';

function run(text: string, list: { forms: string[]; type: EntityType; roles?: string[] }[]) {
  const doc = docOf(text);
  const ents = entitiesOf(doc, list);
  const quotes = findQuotes(doc, ents);
  const name = (i: number) => {
    const key = quotes[i]?.speaker;
    return key ? ents.entities.find((e) => e.key === key)!.name : null;
  };
  return { quotes, name };
}

test("two single marks ('' or ’’) close a double quote", () => {
  const text = '“That was a plain attempt to rig the count,’’ Dorran told the radio. “Nothing more.”';
  const spans = findMarkedSpans(text, splitParagraphs(text));
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['That was a plain attempt to rig the count,', 'Nothing more.']);
});

test('a long apposition between the quote and its verb, with a hyphenated compound and a name wink-nlp reads as a modal', () => {
  const { quotes, name } = run('“The figures were invented to scare voters,” Will Dorran, head of the Geneva-based election-monitoring group Clear Count, told the Courier.', [
    { forms: ['Will Dorran', 'Dorran'], type: 'person' },
    { forms: ['Clear Count'], type: 'organization' },
  ]);
  assert.equal(name(0), 'Will Dorran');
  assert.match(quotes[0].cue ?? '', /^told/);
});

test('a quote that ends its sentence is not attributed to the next sentence of the writer', () => {
  const { name } = run('Ron Sugar said in an interview "We took a big swing." USAF officials said that the contract was fair.', [
    { forms: ['Ron Sugar'], type: 'person' },
    { forms: ['USAF'], type: 'organization' },
  ]);
  assert.equal(name(0), 'Ron Sugar');
});

test('"it said" and "the company said" go back to the organisation that is the subject before', () => {
  const { name } = run('Airbus announced new delays on Monday. In a statement, the company said that "the wiring was late". It said "production will recover next year."', [
    { forms: ['Airbus'], type: 'organization' },
  ]);
  assert.equal(name(0), 'Airbus');
  assert.equal(name(1), 'Airbus');
});

test('"they said" of a company', () => {
  const { name } = run('Halvex Records have twice denied acting improperly.\n\n"At no point did we stop the release," they said in a statement.', [
    { forms: ['Halvex Records'], type: 'organization' },
  ]);
  assert.equal(name(0), 'Halvex Records');
});

test('the agent of a passive cue speaks; an agentless passive names no one', () => {
  const a = run('The new ferry line was hailed by Varga as "the best step we have taken in years".', [{ forms: ['Varga'], type: 'person' }]);
  assert.equal(a.name(0), 'Varga');
  const b = run('The new ferry line is claimed to be "a turning point" by many.', [{ forms: ['Varga'], type: 'person' }]);
  assert.equal(b.quotes[0]?.speaker ?? null, null);
});

test('a participle cue belongs to the clause subject, not to the noun before it', () => {
  const { name } = run('Varga stepped down in a letter to the steering committee stating, "I promised long ago to tell you first."', [
    { forms: ['Varga'], type: 'person' },
  ]);
  assert.equal(name(0), 'Varga');
});

test('a paragraph that is only a quote takes the speaker reported in the paragraph before', () => {
  const { name } = run('Drozd said it was merely the newest attempt to make the delegation give in.\n\n"They want us to kneel. We will not."', [
    { forms: ['Drozd'], type: 'person' },
  ]);
  assert.equal(name(0), 'Drozd');
});

test('a name inside a role phrase is no speaker: "Norway’s ambassador to Chile" is a description', () => {
  const { quotes } = run('Norway’s ambassador to Chile warned that the government "will not stand by and watch".', [
    { forms: ['Chile'], type: 'place' },
    { forms: ['Norway'], type: 'place' },
  ]);
  assert.equal(quotes[0].speaker, null);
  assert.equal(quotes[0].speakerText, 'Norway’s ambassador to Chile');
});

test('", or “X”" names an alternative term, not a quote', () => {
  const { quotes } = run('Jobs said that all buyers would receive a free case, or "bumper," to fix the problem.', [{ forms: ['Jobs'], type: 'person' }]);
  assert.deepEqual(quotes, []);
});

test('a role description resolves to the person the article names after the same role words elsewhere', () => {
  const { name } = run('Norway’s ambassador to Chile warned that the army "will not stand by and watch".\n\nNorway’s ambassador to Chile Ana Ruiz has said more.', [
    { forms: ['Ana Ruiz'], type: 'person' },
    { forms: ['Chile'], type: 'place' },
    { forms: ['Norway'], type: 'place' },
  ]);
  assert.equal(name(0), 'Ana Ruiz');
});

test('a quoted span that names a plan, formula or package is a term, not a quote', () => {
  const { quotes } = run('Beijing backs the "one country, two systems" formula. Halvex will get a "bridge loan package". Brightcore said it would offer a "phased exit" package to suppliers.', [
    { forms: ['Halvex', 'Brightcore'], type: 'organization' },
  ]);
  assert.deepEqual(quotes, []);
});
