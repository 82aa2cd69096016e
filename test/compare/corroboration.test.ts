import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborate, sameFragment, sameWords, statementGroups } from '../../src/compare/corroboration.js';
import { independentSources } from '../../src/compare/sources.js';
import type { Article, Quote } from '../../src/types.js';
import { article, briefOf } from './helpers.js';

const WIRE = 'TALVIK (Meridian Press) - Velaria and Karsia agreed in principle on Tuesday to exchange up to 240 prisoners of war. "This is a small door, but it is a door," Saelen said outside Villa Aurland, where the delegations have met since Monday.';

function q(a: Article, words: string, speaker: string | null, statement?: string): Quote {
  const start = a.text.indexOf(words);
  return { id: `${a.id}-${start}`, article: a.id, start, end: start + words.length, text: words, speaker, speakerText: null, cue: 'said', partial: false, statement };
}

test('quotes of one statement across outlets are grouped; a wire copy counts once', () => {
  const wire = article('wire', WIRE);
  const copy = article('copy', WIRE.replace('since Monday.', 'since Monday, as our reporter saw.'));
  const own = article('own', 'The mediator, Ingrid Sælen, said: “This is a small door, but it is a door.” She gave no date.');
  const words = 'This is a small door, but it is a door';
  const brief = briefOf([wire, copy, own], { quotes: [q(wire, words, 'e1'), q(copy, words, 'e1'), q(own, words, 'e1')] });
  const groups = statementGroups(brief);
  assert.equal(groups.length, 1);
  assert.equal(groups[0].articles.length, 3);
  assert.equal(groups[0].sources, 2);
});

test('sameWords: a partial rendering of a quote matches, another statement does not', () => {
  assert.ok(sameWords('We did not come to Talvik to sign a surrender', 'We did not come to Talvik to sign a surrender,'));
  assert.ok(!sameWords('We did not come to Talvik to sign a surrender', 'We came to Talvik to talk about prisoners'));
});

test('an event reported only by copies of one wire story has one source, named', () => {
  const wire = article('wire', WIRE, { outlet: 'Meridian Press' });
  const copy = article('copy', WIRE, { outlet: 'Daily Site' });
  const out = corroborate([{ evidence: [{ article: 'wire', start: 0, end: 5 }, { article: 'copy', start: 0, end: 5 }] }], independentSources([wire, copy]));
  assert.equal(out[0].sources, 1);
  assert.match(out[0].onlySource ?? '', /Meridian Press/);
});

test('a short fragment of a longer quote by the same speaker is the same statement', () => {
  const a = article('a', 'The swap could take place "within days," she said.');
  const b = article('b', "The exchange would happen 'within days once every name on the lists had been checked', she said.");
  const brief = briefOf([a, b], { quotes: [q(a, 'within days', 'e1'), q(b, 'within days once every name on the lists had been checked', 'e1')] });
  assert.equal(statementGroups(brief).length, 1);
  const other = briefOf([a, b], { quotes: [q(a, 'within days', 'e1'), q(b, 'within days once every name on the lists had been checked', 'e2')] });
  assert.equal(statementGroups(other).length, 2);
});

test('statement groups found through word pairs are those of comparing every quote with every group', () => {
  let seed = 5;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const vocabulary = Array.from({ length: 30 }, (_, i) => `v${i}`);
  const statements = Array.from({ length: 25 }, () => Array.from({ length: 1 + Math.floor(rand() * 14) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]));
  const articles = Array.from({ length: 12 }, (_, i) => article(`a${i}`, `Text ${i}.`));
  // Whole statements, cut ones, fragments with a word changed, and repeats, by a few speakers.
  const quotes: Quote[] = Array.from({ length: 300 }, (_, i) => {
    const st = statements[Math.floor(rand() * statements.length)];
    const from = rand() < 0.5 ? 0 : Math.floor(rand() * st.length);
    const words = st.slice(from, from + 1 + Math.floor(rand() * st.length));
    if (rand() < 0.3) words[Math.floor(rand() * words.length)] = vocabulary[Math.floor(rand() * vocabulary.length)];
    const a = articles[Math.floor(rand() * articles.length)];
    return { id: `q${i}`, article: a.id, start: 0, end: 1, text: words.join(' '), speaker: rand() < 0.2 ? null : `e${Math.floor(rand() * 3)}`, speakerText: null, cue: null, partial: false, statement: rand() < 0.1 ? `s${Math.floor(rand() * 5)}` : undefined };
  });
  const brief = briefOf(articles, { quotes });
  // The grouping as first written: every earlier group, every quote in it.
  const groups: { id: string; quotes: Quote[] }[] = [];
  const byStatement = new Map<string, { id: string; quotes: Quote[] }>();
  for (const q of quotes) {
    let g = q.statement ? byStatement.get(q.statement) : undefined;
    if (!g) g = groups.find((x) => x.quotes.some((o) => o.article !== q.article && (sameWords(o.text, q.text) || sameFragment(o, q))));
    if (!g) {
      g = { id: q.statement ?? q.id, quotes: [] };
      groups.push(g);
    }
    if (q.statement) byStatement.set(q.statement, g);
    g.quotes.push(q);
  }
  const found = statementGroups(brief);
  assert.deepEqual(found.map((g) => [g.id, g.quotes.map((q) => q.id)]), groups.map((g) => [g.id, g.quotes.map((q) => q.id)]));
  assert.ok(groups.length > 20 && groups.some((g) => g.quotes.length > 5), `${groups.length} groups`);
});
