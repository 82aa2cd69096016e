import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/quotes/index.js';
import { docOf, entitiesOf, noEntities } from './helpers.js';
import type { QuoteAnnotation } from '../../src/annotations.js';

const PEOPLE = [
  { forms: ['Ana Ruiz', 'Foreign Minister Ana Ruiz', 'Ruiz'], type: 'person' as const },
  { forms: ['Pavel Drozd', 'Drozd'], type: 'person' as const },
  { forms: ['Lena Fischer', 'Fischer'], type: 'person' as const },
  { forms: ['Miriam Okafor', 'Okafor'], type: 'person' as const },
  { forms: ['Viktor Hale', 'Hale'], type: 'person' as const },
  { forms: ['Rebecca Tolliver', 'Tolliver'], type: 'person' as const },
  { forms: ['Kestria'], type: 'place' as const },
  { forms: ['Meridia'], type: 'place' as const },
];

function run(text: string): { quotes: QuoteAnnotation[]; name: (q: QuoteAnnotation) => string | null } {
  const doc = docOf(text);
  const ents = entitiesOf(doc, PEOPLE);
  const quotes = findQuotes(doc, ents);
  for (const q of quotes) assert.equal(text.slice(q.start, q.end), q.text, 'text is the slice it claims');
  const name = (q: QuoteAnnotation) => (q.speaker ? ents.entities.find((e) => e.key === q.speaker)!.name : null);
  return { quotes, name };
}

test('quote before its attribution, speaker named with a title, cue with its object', () => {
  const { quotes, name } = run('“We will not sign this text,” Foreign Minister Ana Ruiz told reporters after the session.');
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0].text, 'We will not sign this text,');
  assert.equal(name(quotes[0]), 'Ana Ruiz');
  assert.equal(quotes[0].cue, 'told reporters');
  assert.equal(quotes[0].partial, false);
});

test('attribution before the quote, introduced by a colon', () => {
  const { quotes, name } = run('Kestrian negotiator Pavel Drozd said: "The ball is now in their court."');
  assert.equal(name(quotes[0]), 'Pavel Drozd');
  assert.equal(quotes[0].cue, 'said');
  assert.match(quotes[0].speakerText ?? '', /Pavel Drozd$/);
});

test('speaker after the verb: "said Lena Fischer, a researcher" and "stated Foreign Minister Ana Ruiz"', () => {
  const a = run('“If you solve sequencing, you solve Geneva,” said Lena Fischer, a researcher at the institute.');
  assert.equal(a.name(a.quotes[0]), 'Lena Fischer');
  const b = run('"We remain at the table," stated Foreign Minister Ana Ruiz on Monday.');
  assert.equal(b.name(b.quotes[0]), 'Ana Ruiz');
  assert.equal(b.quotes[0].cue, 'stated');
});

test('a speaker in the sentence before a colon-introduced quote is found through the pronoun', () => {
  const { quotes, name } = run('Ana Ruiz spoke after the session. She also rejected the offer: “That is a lie, and they know it.”');
  assert.equal(quotes[0].speakerText, 'She');
  assert.equal(name(quotes[0]), 'Ana Ruiz');
});

test('mid-attribution makes two quotes with the same speaker', () => {
  const { quotes, name } = run('Miriam Okafor struck a cautious tone. “Both delegations have shown seriousness,” she said. “But the hardest questions remain open.”');
  assert.deepEqual(quotes.map((q) => q.text), ['Both delegations have shown seriousness,', 'But the hardest questions remain open.']);
  assert.deepEqual(quotes.map(name), ['Miriam Okafor', 'Miriam Okafor']);
});

test('mid-attribution within one sentence: "…," he said, "and …"', () => {
  const { quotes, name } = run('"This is the signal we waited for," Tolliver said, "and we intend to test it."');
  assert.equal(quotes.length, 2);
  assert.deepEqual(quotes.map(name), ['Rebecca Tolliver', 'Rebecca Tolliver']);
  assert.equal(quotes[1].partial, false);
});

test('a quote over several paragraphs is one quote, attributed from the colon before it', () => {
  const text = 'The envoy Miriam Okafor addressed the council. Reading from notes, she said:\n\n“I have listened to every grievance.\n\n“There is no military solution.”\n\nThe session ended.';
  const { quotes, name } = run(text);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0].text, 'I have listened to every grievance.\n\n“There is no military solution.');
  assert.equal(name(quotes[0]), 'Miriam Okafor');
});

test('cues: wrote on X, according to, insisted, warned', () => {
  const x = run('Viktor Hale wrote on X: "Kestria has shown flexibility."');
  assert.equal(x.quotes[0].cue, 'wrote on X');
  assert.equal(x.name(x.quotes[0]), 'Viktor Hale');
  const acc = run('According to Tolliver, the next round could begin "as early as next week."');
  assert.equal(acc.quotes[0].cue, 'According to');
  assert.equal(acc.name(acc.quotes[0]), 'Rebecca Tolliver');
  assert.equal(acc.quotes[0].partial, true);
  const warned = run('Pavel Drozd warned that "time is not on anybody\'s side".');
  assert.equal(warned.quotes[0].cue, 'warned');
  assert.equal(warned.name(warned.quotes[0]), 'Pavel Drozd');
  const insisted = run('"We are not leaving," Ruiz insisted.');
  assert.equal(insisted.quotes[0].cue, 'insisted');
});

test('anonymous and descriptive sources keep their words and no entity', () => {
  const a = run('"It is far from done," a Western diplomat said.');
  assert.equal(a.quotes[0].speaker, null);
  assert.equal(a.quotes[0].speakerText, 'a Western diplomat');
  const b = run('Two people familiar with the talks said the draft was “dead on arrival”.');
  assert.equal(b.quotes[0].speaker, null);
  assert.equal(b.quotes[0].speakerText, 'Two people familiar with the talks');
  assert.equal(b.quotes[0].partial, true);
  const c = run('"We read about it in the press," said a senior official in Meridia.');
  assert.equal(c.quotes[0].speaker, null);
  assert.match(c.quotes[0].speakerText ?? '', /^a senior official/);
});

test('a partial quote inside the writer\'s sentence is partial and attributed', () => {
  const { quotes, name } = run('Ruiz said she was "open to" further talks but would not be rushed.');
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0].partial, true);
  assert.equal(name(quotes[0]), 'Ana Ruiz');
});

test('scare quotes and quoted terms are not quotes', () => {
  const { quotes } = run('The so-called “peace dividend” never came. Diplomats use the term “frozen conflict”. The “Big Three” automakers lobbied hard.');
  assert.deepEqual(quotes, []);
});

test('a term the writer attributes by "a term that" is no quote; a quote after it still is', () => {
  const { quotes } = run('Diplomats describe the war as a “frozen conflict”, a term that Ruiz rejects. "People die in frozen conflicts," she said.');
  assert.deepEqual(quotes.map((q) => q.text), ['People die in frozen conflicts,']);
});

test('"he said" goes to the man the paragraph is about, not to the last name mentioned', () => {
  const { quotes, name } = run('Drozd arrived first. He shook hands with Okafor and joked with the interpreters. "I like Geneva in November," he said.');
  assert.equal(name(quotes[0]), 'Pavel Drozd');
});

test('a quote standing alone after an attributed one in the same paragraph keeps that speaker', () => {
  const { quotes, name } = run('"We were three words away from a deal," Ruiz said. "Millions will be affected."');
  assert.deepEqual(quotes.map(name), ['Ana Ruiz', 'Ana Ruiz']);
});

test('without any entity mentions the speaker words are still recorded and the speaker is null', () => {
  const doc = docOf('"We will see," Pavel Drozd said.');
  const quotes = findQuotes(doc, noEntities(doc));
  assert.equal(quotes[0].speaker, null);
  assert.equal(quotes[0].speakerText, 'Pavel Drozd');
  assert.equal(quotes[0].cue, 'said');
});

test('bad input does not throw', () => {
  for (const text of ['', '"', '“““', '" said he', '\n\n"\n\n"\n']) {
    const doc = docOf(text);
    assert.doesNotThrow(() => findQuotes(doc, noEntities(doc)));
  }
});

test('a party-and-state tag between the name and the cue: "Name (D-Ore.) said"', () => {
  const a = run('“We will not wait for the minority,” Sen. Rebecca Tolliver (D-Ore.) said on Tuesday.');
  assert.equal(a.name(a.quotes[0]), 'Rebecca Tolliver');
  const b = run('Rep. Viktor Hale (R-Texas) said the text was “a blank check”.');
  assert.equal(b.name(b.quotes[0]), 'Viktor Hale');
});

test('a document speaks for its owner: "Hale\'s letter said" and "a statement from Kestria"', () => {
  const a = run('“The talks are over,” Viktor Hale\'s letter said.');
  assert.equal(a.name(a.quotes[0]), 'Viktor Hale');
  const b = run('A statement from Kestria said: “We remain at the table.”');
  assert.equal(b.name(b.quotes[0]), 'Kestria');
});

test('words wholly inside an inner quotation are recalled, not spoken, by the person named', () => {
  const { quotes, name } = run('One guard put his hands on his head and shouted, “‘Get down!’” Lena Fischer recalled. “I froze,” Fischer said.');
  const recalled = quotes.find((q) => q.text.includes('Get down'));
  assert.ok(recalled, JSON.stringify(quotes.map((q) => q.text)));
  assert.equal(name(recalled!), null, 'the guard said it, not Fischer');
  const own = quotes.find((q) => q.text.includes('I froze'));
  assert.equal(own && name(own), 'Lena Fischer');
});
