import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborate, sameWords, statementGroups } from '../../src/compare/corroboration.js';
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
