import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleQuotes, findQuotes } from '../../src/quotes/index.js';
import { statementSimilarity, groupStatements } from '../../src/quotes/statements.js';
import type { Quote } from '../../src/types.js';
import { docOf, entitiesOf } from './helpers.js';

function quote(id: string, article: string, text: string, speaker: string | null): Quote {
  return { id, article, start: 0, end: text.length, text, speaker, speakerText: null, cue: null, partial: false };
}

test('assembleQuotes numbers quotes q1…, maps local speakers to global ids, keeps offsets', () => {
  const a = docOf('"We will not sign any text that leaves our people behind," Ana Ruiz said.', 'a');
  const b = docOf('Ana Ruiz told journalists: "We shall not sign a text that leaves our people behind."', 'b');
  const ea = entitiesOf(a, [{ forms: ['Ana Ruiz'], type: 'person' }]);
  const eb = entitiesOf(b, [{ forms: ['Ana Ruiz'], type: 'person' }]);
  const quotes = [findQuotes(a, ea), findQuotes(b, eb)];
  const globalId = new Map([['a#0', 'e7'], ['b#0', 'e7']]);
  const out = assembleQuotes([a, b], quotes, { entities: [], globalId });
  assert.deepEqual(out.map((q) => q.id), ['q1', 'q2']);
  assert.deepEqual(out.map((q) => q.article), ['a', 'b']);
  assert.deepEqual(out.map((q) => q.speaker), ['e7', 'e7']);
  assert.equal(a.text.slice(out[0].start, out[0].end), out[0].text);
  assert.ok(out[0].statement && out[0].statement === out[1].statement, 'same statement across two outlets');
});

test('one statement across outlets despite punctuation, ellipsis and translation wording', () => {
  const qs = [
    quote('q1', 'wire', 'We will not sign any text that leaves our people behind the line of contact,', 'e1'),
    quote('q2', 'afp', 'We shall not sign a text that abandons our people behind the contact line', 'e1'),
    quote('q3', 'swiss', 'We will not sign any text ... that leaves our people behind the line of contact', null),
    quote('q4', 'post', 'The ball is in their court now,', 'e2'),
  ];
  const groups = groupStatements(qs);
  assert.equal(groups.get(0), groups.get(1));
  assert.equal(groups.get(0), groups.get(2));
  assert.equal(groups.get(3), undefined);
});

test('different speakers, one article, or short common phrases are not one statement', () => {
  const qs = [
    quote('q1', 'a', 'We will not accept this proposal under any circumstances', 'e1'),
    quote('q2', 'b', 'We will not accept this proposal under any circumstances', 'e2'),
    quote('q3', 'c', 'We will see,', 'e3'),
    quote('q4', 'd', 'We will see,', 'e3'),
    quote('q5', 'a', 'Talks on prisoners resume in the spring', 'e1'),
    quote('q6', 'a', 'Talks on prisoners resume in the spring', 'e1'),
  ];
  const groups = groupStatements(qs);
  assert.notEqual(groups.get(0), groups.get(1) ?? 'none');
  assert.equal(groups.get(2), undefined);
  assert.equal(groups.get(4), undefined, 'repeats inside one article alone make no cross-outlet statement');
});

test('statement similarity: a fragment of a longer quote matches it, unrelated words do not', () => {
  assert.ok(statementSimilarity('the hardest questions remain open', 'But the hardest questions remain open.') >= 0.99);
  assert.ok(statementSimilarity('The ball is now in their court.', 'The ball is in their court now,') >= 0.99);
  assert.ok(statementSimilarity('Nobody wants to walk away', 'The weather matches the mood') < 0.3);
});
