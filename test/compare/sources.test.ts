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
