// Issue #10's cases for discrepancies and framing, on sentences of our own: what must never be
// flagged, the kinds that were missed, and whose words a framing cue is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDetector } from '../../src/compare/claims.js';
import { findDiscrepancies } from '../../src/compare/discrepancies.js';
import { dates } from '../../src/compare/dates.js';
import { numbers } from '../../src/compare/numbers.js';
import { documents } from '../../src/compare/documents.js';
import { commitments } from '../../src/compare/commitments.js';
import { titleDetector } from '../../src/compare/titles.js';
import { names } from '../../src/compare/names.js';
import { framing, toneCues } from '../../src/compare/framing.js';
import type { Article, Entity, EntityType } from '../../src/types.js';
import { article, briefOf, context, time } from './helpers.js';

function entity(id: string, name: string, type: EntityType, ...arts: Article[]): Entity {
  const mentions = arts.flatMap((a) => [...a.text.matchAll(new RegExp(name, 'g'))].map((m) => ({ article: a.id, start: m.index!, end: m.index! + name.length })));
  return { id, name, type, aliases: [], roles: [], mentions };
}

test('every outlet giving the same title is corroboration, not a discrepancy', () => {
  const a = article('a', "Talks were led by Mirela Stan, Norland's chief negotiator, on Monday.");
  const b = article('b', 'Norland\u2019s chief negotiator Mirela Stan left the room early.');
  const c = article('c', "Mirela Stan, the chief negotiator of Norland, declined to comment.");
  const brief = briefOf([a, b, c], { entities: [entity('stan', 'Mirela Stan', 'person', a, b, c), entity('nor', 'Norland', 'place', a, b, c)] });
  assert.equal(runDetector(titleDetector(), context(brief).ctx).length, 0);
  assert.equal(findDiscrepancies(context(brief).ctx).length, 0);
});

test('figures about different things are not compared: a poll share and an enrichment cap, two counted nouns', () => {
  const a = article('a', 'A poll published on Monday found that 52 percent of Norlanders back the accord.');
  const b = article('b', 'The accord caps enrichment at 60 percent, a level critics call too high.');
  const c = article('c', 'The accord frees 40 prisoners held in Estvia.');
  const d = article('d', 'The accord returns 25 fishing boats held in Estvia.');
  const brief = briefOf([a, b, c, d]);
  assert.equal(runDetector(numbers, context(brief).ctx).length, 0);
});

test('one vote dated Tuesday by one outlet and Thursday by another is a discrepancy, with no publication date to resolve them', () => {
  const a = article('a', 'Parliament will vote on the accord on Tuesday, the speaker of the chamber said.', { published: null });
  const b = article('b', 'The speaker of the chamber said parliament will vote on the accord on Thursday.', { published: null });
  const brief = briefOf([a, b], { times: [time(a, 'Tuesday', null as unknown as string), time(b, 'Thursday', null as unknown as string)] });
  const found = runDetector(dates, context(brief).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].explanation, /Tuesday/);
  assert.match(found[0].explanation, /Thursday/);
  // The same weekday in both is agreement.
  const c = article('c', 'Parliament will vote on the accord on Tuesday, officials said.', { published: null });
  const same = briefOf([a, c], { times: [time(a, 'Tuesday', null as unknown as string), time(c, 'Tuesday', null as unknown as string)] });
  assert.equal(runDetector(dates, context(same).ctx).length, 0);
});

test('a year given to one happening differs from another outlet’s year; two different happenings in one year each do not', () => {
  const a = article('a', 'Mirela Stan founded the Harbour League in 1998.');
  const b = article('b', 'Mirela Stan founded the Harbour League in 2001, colleagues recall.');
  const c = article('c', 'Mirela Stan married Tomas Reyn in 2001.');
  const d = article('d', 'Mirela Stan married Ilse Varga in 1998.');
  const people = (...arts: Article[]) => [entity('stan', 'Mirela Stan', 'person', ...arts), entity('league', 'Harbour League', 'organization', ...arts), entity('reyn', 'Tomas Reyn', 'person', ...arts), entity('varga', 'Ilse Varga', 'person', ...arts)];
  const one = briefOf([a, b], { entities: people(a, b), times: [time(a, '1998', '1998'), time(b, '2001', '2001')] });
  assert.equal(runDetector(dates, context(one).ctx).length, 1);
  const two = briefOf([c, d], { entities: people(c, d), times: [time(c, '2001', '2001'), time(d, '1998', '1998')] });
  assert.equal(runDetector(dates, context(two).ctx).length, 0);
});

test('17 days of talks against 18 days of the same talks is a discrepancy', () => {
  const a = article('a', 'The delegations ended 17 days of talks in Varna on Friday without a deal.');
  const b = article('b', 'After 18 days of talks in Varna, the delegations went home without a deal.');
  const brief = briefOf([a, b], { entities: [entity('varna', 'Varna', 'place', a, b)] });
  const found = runDetector(numbers, context(brief).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].explanation, /17 days/);
  assert.match(found[0].explanation, /18 days/);
  // A different duration in the story (a 12-year sentence) is another thing.
  const c = article('c', 'The delegations ended 17 days of talks in Varna. The envoy once served a 12-year sentence.');
  assert.equal(runDetector(numbers, context(briefOf([a, c], { entities: [entity('varna', 'Varna', 'place', a, c)] })).ctx).length, 0);
});

test('whether a phrase is in the joint statement: one outlet says it is, another that it is not', () => {
  const a = article('a', 'The joint statement issued by Norland and Estvia calls for a "phased withdrawal" of forces from the border.');
  const b = article('b', 'The joint statement signed by Norland and Estvia makes no mention of a phased withdrawal, diplomats noted.');
  const arts = [a, b];
  const brief = briefOf(arts, { entities: [entity('n', 'Norland', 'place', ...arts), entity('e', 'Estvia', 'place', ...arts)] });
  const found = runDetector(documents, context(brief).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].topic, /phased withdrawal/);
  const c = article('c', 'The joint statement of Norland and Estvia refers to a phased withdrawal of forces.');
  assert.equal(runDetector(documents, context(briefOf([a, c], { entities: [entity('n', 'Norland', 'place', a, c), entity('e', 'Estvia', 'place', a, c)] })).ctx).length, 0);
});

test('what one side says the other agreed to, against that side’s denial', () => {
  const a = article('a', 'Estvian officials said Norland had agreed to release forty fishermen held since March.');
  const b = article('b', 'Norland denied agreeing to release the fishermen, calling the report premature.');
  const arts = [a, b];
  const found = runDetector(commitments, context(briefOf(arts, { entities: [entity('n', 'Norland', 'place', ...arts)] })).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].topic, /Norland/);
  // Two reports of the same agreement agree.
  const c = article('c', 'Norland agreed to release the fishermen on Monday.');
  assert.equal(runDetector(commitments, context(briefOf([a, c], { entities: [entity('n', 'Norland', 'place', a, c)] })).ctx).length, 0);
});

function cuesFor(text: string, who: string, names: string[]): string[] {
  const a = article('a', text);
  const entities = names.map((n) => entity(n.toLowerCase(), n, 'organization', a));
  return toneCues(context(briefOf([a], { entities })).ctx.articles[0])
    .filter((c) => c.entity === who.toLowerCase())
    .map((c) => c.word);
}

test('an adjective about a third party is not the actor’s', () => {
  assert.deepEqual(cuesFor('Norland met the reckless leaders of Estvia on Monday.', 'Norland', ['Norland', 'Estvia']), []);
  assert.deepEqual(cuesFor('Norland signed the deal despite a hardline faction in its own parliament.', 'Norland', ['Norland']), []);
  assert.deepEqual(cuesFor('Norland, a reckless negotiator, walked out.', 'Norland', ['Norland']), ['reckless']);
  // A regime of rules is not a judgement of the country that accepts it.
  assert.deepEqual(cuesFor('Norland accepted an inspections regime on Monday.', 'Norland', ['Norland']), []);
});

test('an evaluative word inside quotation marks is the speaker’s, not the outlet’s', () => {
  assert.deepEqual(cuesFor('"Norland is reckless and brutal," an Estvian minister said.', 'Norland', ['Norland']), []);
  assert.deepEqual(cuesFor("Estvia called Norland's offer 'cynical' on Monday.", 'Norland', ['Norland', 'Estvia']), []);
});

test('the object of an evaluative verb gets the cue, not its subject', () => {
  assert.deepEqual(cuesFor('Critics slammed Norland over the delay.', 'Norland', ['Norland', 'Critics']), ['slammed']);
  assert.deepEqual(cuesFor('Estvia praised Norland for its patience.', 'Estvia', ['Norland', 'Estvia']), []);
  assert.deepEqual(cuesFor('Estvia praised Norland for its patience.', 'Norland', ['Norland', 'Estvia']), ['praised']);
});

test('every framing row lists its cues with spans and a confidence, and the tone counts the confident ones only', () => {
  const a = article('a', 'Norland claimed the strike hit only military targets. Critics slammed Norland over the delay.');
  const rows = framing(context(briefOf([a], { entities: [entity('n', 'Norland', 'organization', a)] })).ctx);
  const row = rows.find((r) => r.entity === 'n')!;
  assert.ok(row.cueSpans && row.cueSpans.length === 2);
  for (const c of row.cueSpans) {
    assert.equal(a.text.slice(c.start, c.end), c.text);
    assert.ok(c.confidence! >= 0 && c.confidence! <= 1);
  }
  const confident = row.cueSpans.filter((c) => !c.uncertain);
  assert.equal(row.cues.length, confident.length);
  if (confident.length === 0) assert.equal(row.tone, 0);
});

test('one person given another first name by another outlet is a discrepancy; a nickname, a spelling or a relative is not', () => {
  const person = (id: string, name: string, ...arts: Article[]) => entity(id, name, 'person', ...arts);
  const a = article('a', 'The injured guard, Darnell Okafor, was taken to a clinic.');
  const b = article('b', 'The injured guard, Donnell Okafor, was taken to a clinic.');
  const found = runDetector(names, context(briefOf([a, b], { entities: [person('do', 'Darnell Okafor', a), person('dno', 'Donnell Okafor', b)] })).ctx);
  assert.equal(found.length, 1);
  assert.match(found[0].explanation, /Darnell Okafor/);
  assert.match(found[0].explanation, /Donnell Okafor/);
  // "Bob" is "Robert"; "Yusuf" and "Jusuf" are two spellings of one name.
  const c = article('c', 'Robert Lind chaired the meeting.');
  const d = article('d', 'Bob Lind chaired the meeting.');
  assert.equal(runDetector(names, context(briefOf([c, d], { entities: [person('rl', 'Robert Lind', c), person('bl', 'Bob Lind', d)] })).ctx).length, 0);
  const e = article('e', 'Governor Yusuf Demirel spoke.');
  const f = article('f', 'Governor Jusuf Demirel spoke.');
  assert.equal(runDetector(names, context(briefOf([e, f], { entities: [person('h1', 'Yusuf Demirel', e), person('h2', 'Jusuf Demirel', f)] })).ctx).length, 0);
  // An outlet naming both brothers tells them apart.
  const g = article('g', 'Marco Vitale died. His brother Paolo Vitale spoke.');
  const h = article('h', 'Marco Vitale died on Monday.');
  assert.equal(runDetector(names, context(briefOf([g, h], { entities: [person('mv', 'Marco Vitale', g, h), person('pv', 'Paolo Vitale', g)] })).ctx).length, 0);
});

test('a body named with another word before its head is a discrepancy; two places’ courts are two courts', () => {
  const org = (id: string, name: string, ...arts: Article[]) => entity(id, name, 'organization', ...arts);
  const a = article('a', 'The grant came from the Harbour Revolving Credit Fund.');
  const b = article('b', 'The grant came from the Coastal Revolving Credit Fund.');
  assert.equal(runDetector(names, context(briefOf([a, b], { entities: [org('x', 'Harbour Revolving Credit Fund', a), org('y', 'Coastal Revolving Credit Fund', b)] })).ctx).length, 1);
  const c = article('c', 'She was tried in Eastbrook Superior Court.');
  const d = article('d', 'She was tried in Millfield Superior Court.');
  const brief = briefOf([c, d], { entities: [org('x', 'Eastbrook Superior Court', c), org('y', 'Millfield Superior Court', d), entity('p', 'Eastbrook', 'place', c), entity('q', 'Millfield', 'place', d)] });
  assert.equal(runDetector(names, context(brief).ctx).length, 0);
});

test('two unlike given names with one surname are two people, unless one actor or one office joins them', () => {
  const a = article('a', 'Teodor Vasko, 19, said the crowd had gathered at noon.');
  const b = article('b', 'Councilwoman Irina Vasko called for calm on Monday.');
  const c = article('c', 'Councilwoman Irisa Vasko said the district was tense.');
  const two = [entity('tv', 'Teodor Vasko', 'person', a), entity('iv', 'Irina Vasko', 'person', b)];
  assert.equal(runDetector(names, context(briefOf([a, b], { entities: two })).ctx).length, 0);
  // Resolved as one actor, the outlets disagree on the given name.
  const one = [{ ...entity('v', 'Teodor Vasko', 'person', a), mentions: [...entity('x', 'Teodor Vasko', 'person', a).mentions, ...entity('x', 'Irina Vasko', 'person', b).mentions] }];
  assert.ok(runDetector(names, context(briefOf([a, b], { entities: one })).ctx).length > 0);
  // A misspelling of one given name is a discrepancy whoever the resolver thought it was.
  const spelt = [entity('iv', 'Irina Vasko', 'person', b), entity('ie', 'Irisa Vasko', 'person', c)];
  assert.ok(runDetector(names, context(briefOf([b, c], { entities: spelt })).ctx).length > 0);
});
