import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containment, countSources, independentSources, shingles, wireCredit } from '../../src/compare/sources.js';
import { article } from './helpers.js';

const WIRE = 'Osmera closed the strait to Tallisian-flagged vessels after the collision on February 2, in which an Osmeran patrol boat and a Tallisian frigate scraped hulls in fog near the island of Kesse. Three Osmeran sailors were injured. Talks are due in Vell next week.';

test('a trimmed copy of a wire story with a local paragraph is contained in the original', () => {
  const copy = `${WIRE.split('. ').slice(0, 2).join('. ')}. A local harbour master said ferries were running late.`;
  assert.ok(containment(shingles(WIRE), shingles(copy)) >= 0.5);
  assert.ok(containment(shingles(WIRE), shingles('Fishermen in Nordhavn said the ruling would cost them their livelihoods and vowed to appeal.')) < 0.1);
});

test('wire credits are read from the dateline, the byline and a closing credit, not from the body', () => {
  assert.equal(wireCredit(article('a', 'GENEVA (Reuters) - Talks resumed on Monday.')), 'Reuters');
  assert.equal(wireCredit(article('b', 'Talks resumed on Monday.', { authors: ['AFP'] })), 'Agence France-Presse');
  assert.equal(wireCredit(article('c', 'Talks resumed on Monday.\n— AP')), 'Associated Press');
  assert.equal(wireCredit(article('d', 'Talks resumed, Reuters reported, and AP photographers were there.')), null);
});

test('a republished wire copy and two stories of one agency are one source; own reporting is another', () => {
  const groups = independentSources([
    article('wire', WIRE),
    article('copy', WIRE.replace('Talks are due in Vell next week.', 'The ferry office in Kesse was closed.')),
    article('own', 'Our correspondent in Kesse saw three warships on Monday and spoke to fishermen about the closure of the strait.'),
    article('afp1', 'VELL (AFP) - Osmera said it would reopen the strait.'),
    article('afp2', 'KESSE (AFP) - Fishermen protested.'),
  ]);
  assert.equal(groups.groupOf.get('copy'), groups.groupOf.get('wire'));
  assert.equal(groups.copyOf.get('copy'), 'wire');
  assert.equal(groups.groupOf.get('afp1'), groups.groupOf.get('afp2'));
  assert.equal(countSources(groups, ['wire', 'copy', 'own']), 2);
  assert.equal(countSources(groups, ['wire', 'copy', 'own', 'afp1', 'afp2']), 3);
});

test('only the pairs that can be copies are compared, and the groups are those of comparing every pair', () => {
  // Texts sharing words and phrases in many proportions: copies, trimmed copies, mixes, strangers.
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  const base = Array.from({ length: 12 }, () => Array.from({ length: 20 + Math.floor(rand() * 60) }, () => words[Math.floor(rand() * words.length)]));
  // Part of one base text, then words of the text's own (some sharing words with the others).
  const texts = Array.from({ length: 80 }, (_, i) => {
    const a = base[Math.floor(rand() * base.length)];
    const cut = Math.floor(rand() * a.length);
    const own = Array.from({ length: Math.floor(rand() * 40) }, (_, k) => (rand() < 0.3 ? words[Math.floor(rand() * words.length)] : `x${i}y${k}`));
    return [...a.slice(0, cut), ...own].join(' ');
  });
  const articles = texts.map((t, i) => article(`t${i}`, t));
  // Every pair, as the groups were first computed.
  const sh = articles.map((a) => shingles(a.text));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const copyOf = new Map<string, string>();
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      if (containment(sh[i], sh[j]) >= 0.5) {
        const [a, b] = [find(i), find(j)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        if (!copyOf.has(articles[j].id)) copyOf.set(articles[j].id, articles[i].id);
      }
    }
  }
  const groups = independentSources(articles);
  assert.deepEqual(groups.copyOf, copyOf);
  assert.deepEqual([...groups.groupOf], articles.map((a, i) => [a.id, articles[find(i)].id]));
  assert.ok(copyOf.size > 10 && new Set(groups.groupOf.values()).size > 5, 'the texts make both copies and separate sources');
});
