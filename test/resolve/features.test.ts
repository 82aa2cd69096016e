// The pure parts of the pair scorer: how a name form is read, how two forms and two people's names
// relate, and which blocking keys bring two local entities together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterTitle, bestRelation, blockingKeys, describeLocal, formRelation, givenNamesRelation, nameForm, personRelation, type LocalView } from '../../src/resolve/model/features.js';
import { givenRelation } from '../../src/resolve/names.js';
import { roleRelation } from '../../src/resolve/roles.js';
import type { ArticleEntities } from '../../src/annotations.js';
import type { EntityType } from '../../src/types.js';

function local(article: string, type: EntityType, name: string, aliases: string[] = [], roles: string[] = [], authors: string[] = []): LocalView {
  const art: ArticleEntities = {
    article,
    mentions: [name, ...aliases].map((text, i) => ({ start: i * 40, end: i * 40 + text.length, text, type, kind: 'name' as const, entity: `${article}#0` })),
    entities: [{ key: `${article}#0`, name, type, aliases, roles, mentions: [name, ...aliases].map((_, i) => i) }],
  };
  return describeLocal(0, art, 0, art.entities[0], new Set(authors.map((a) => a.toLowerCase())));
}

test('a name form: possessives, spaced initials, glued titles and legal forms are read away', () => {
  assert.equal(nameForm("Rosa Quintero's")!.key, 'rosa quintero');
  assert.equal(nameForm('Rosa Quintero’s')!.key, 'rosa quintero');
  assert.equal(nameForm('U . S . Coast Guard')!.key, 'us coast guard');
  assert.equal(nameForm('W. Paul Abara')!.key, 'w paul abara');
  assert.deepEqual(nameForm('Gov.Rosa Quintero', true)!.content, nameForm('Rosa Quintero')!.content);
  assert.equal(nameForm('Norvalis Corp.')!.key, 'norvalis');
  assert.equal(nameForm('The Norvalis Group')!.key, 'norvalis');
  assert.equal(nameForm('NATO')!.acronym, 'nato');
  assert.equal(nameForm('North Atlantic Treaty Organization')!.initials, 'nato');
  assert.equal(nameForm('Bank of the Coral Coast')!.initials, 'bcc');
});

test('the person after a title inside a longer run', () => {
  assert.equal(afterTitle('Harbour Authority Chief Rosa Quintero'), 'Rosa Quintero');
  assert.equal(afterTitle('Secretary of State Paul Abara'), 'Paul Abara');
  assert.equal(afterTitle('General Motors'), null);
  assert.equal(afterTitle('Rosa Quintero'), null);
});

test('form relations, strongest first', () => {
  const rel = (x: string, y: string) => formRelation(nameForm(x)!, nameForm(y)!).rel;
  assert.equal(rel('Paul Abara', 'paul abara'), 'exact');
  assert.equal(rel('Muammar Gaddafi', 'Moammar Qaddafi'), 'spelling');
  assert.equal(rel('Volodymyr Zelenskyy', 'Volodymyr Zelenskiy'), 'spelling');
  assert.equal(rel('Kim Jong Un', 'Kim Jong-un'), 'compact');
  assert.equal(rel('NATO', 'North Atlantic Treaty Organization'), 'acronym');
  assert.equal(rel('Abara', 'Paul Abara'), 'suffix');
  assert.equal(rel('Norvalis', 'Norvalis Shipping'), 'prefix');
  assert.equal(rel('Paul Abara', 'Paul Obuya'), 'overlap');
  assert.equal(rel('John Kerry', 'John Kirby'), 'overlap');
  assert.equal(rel('Kerry', 'Carey'), 'none');
});

test('given names: the same, an initial, a short form, a shared start, one slip, or different', () => {
  assert.equal(givenRelation('Mohammad', 'Muhammad'), 'same');
  assert.equal(givenRelation('Mohammed', 'Mohammad'), 'same');
  assert.equal(givenRelation('P.', 'Paul'), 'initial');
  assert.equal(givenRelation('Ed', 'Edward'), 'prefix');
  assert.equal(givenRelation('Thonas', 'Thomas'), 'slip');
  assert.equal(givenRelation('Katie', 'Kathryn'), 'shared-start');
  assert.equal(givenRelation('Ed', 'David'), 'different');
  assert.equal(givenRelation('John', 'Jane'), 'different');
  assert.equal(givenNamesRelation(['w', 'paul'], ['paul']), 'same');
  assert.equal(givenNamesRelation(['paul', 'c'], ['paul', 'cheney']), 'initial');
  assert.equal(givenNamesRelation(['paul'], ['rosa']), 'different');
});

test('person relations read every form, skip titles and tell generations apart', () => {
  const a = local('a', 'person', 'Acting Director Paul Abara', ['Paul Abara']);
  const b = local('b', 'person', 'Paul Abara Jr.');
  const c = local('c', 'person', 'Paul Abara Sr.');
  assert.deepEqual(personRelation(a, b), { given: 'same', generation: 'one', gender: null });
  assert.deepEqual(personRelation(b, c), { given: 'same', generation: 'differs', gender: null });
  assert.equal(personRelation(a, local('d', 'person', 'Paul Obuya')).given, null);
  // Genders from the name lists, of the given name next to the surname, and only between people.
  assert.equal(personRelation(local('f', 'person', 'Carl Wendover'), local('g', 'person', 'Carla Wendover')).gender, 'differs');
  assert.equal(personRelation(local('f', 'person', 'Katie Wendover'), local('g', 'person', 'Notorious Katherine Wendover')).gender, 'same');
  assert.equal(personRelation(local('f', 'organization', 'Carl Wendover'), local('g', 'person', 'Carla Wendover')).gender, null);
  // A title alone in front of a surname leaves a bare surname.
  assert.equal(local('e', 'person', 'President Abara').bare, 'abara');
});

test('roles: one office in other words, or two offices', () => {
  assert.equal(roleRelation(['foreign minister'], ['top diplomat']), 'shared');
  assert.equal(roleRelation(['president'], ['leader']), 'shared');
  assert.equal(roleRelation(['energy secretary'], ['foreign secretary']), 'conflict');
  assert.equal(roleRelation(['general'], ['finance minister']), 'conflict');
  assert.equal(roleRelation(['striker'], ['finance minister']), 'none');
  assert.equal(roleRelation([], ['finance minister']), 'none');
});

test('blocking keys: spelling variants and bare surnames meet; different surnames do not', () => {
  const shared = (x: LocalView, y: LocalView) => blockingKeys(x).some((k) => blockingKeys(y).includes(k));
  assert.ok(shared(local('a', 'person', 'Muammar Gaddafi'), local('b', 'person', 'Moammar Qaddafi')));
  assert.ok(shared(local('a', 'person', 'Muammar Gaddafi'), local('b', 'person', 'Kadhafi')));
  assert.ok(shared(local('a', 'person', 'John Kerry'), local('b', 'person', 'Kerry')));
  assert.ok(shared(local('a', 'organization', 'NATO'), local('b', 'organization', 'North Atlantic Treaty Organization')));
  assert.ok(shared(local('a', 'person', 'Paul Abarra'), local('b', 'person', 'Paul Abara')));
  assert.ok(!shared(local('a', 'person', 'John Kerry'), local('b', 'person', 'John Kirby')));
  // A person's given name is no key: two Johns do not meet by it.
  assert.ok(!shared(local('a', 'person', 'John Kerry'), local('b', 'person', 'John Abara')));
  // "Foreign Ministry" names no one in particular.
  assert.deepEqual(blockingKeys(local('a', 'organization', 'Foreign Ministry')), []);
});

test('the best relation uses every form of both entities', () => {
  const r = bestRelation(local('a', 'person', 'Paul Abara', ['Abara']), local('b', 'person', 'Abara'));
  assert.equal(r.rel, 'exact');
  assert.equal(r.single, true);
});

test('a byline name is its article\'s author', () => {
  assert.ok(local('a', 'person', 'Rosa Quintero', [], [], ['Rosa Quintero']).author);
  assert.ok(!local('a', 'person', 'Paul Abara', [], [], ['Rosa Quintero']).author);
});

test('an initial is a letter as written: "VW" or "VA" is no initial of every V-word', () => {
  const rel = (a: string, b: string) => formRelation(nameForm(a)!, nameForm(b)!).rel;
  assert.equal(rel('J. Vasko', 'Jan Vasko'), 'spelling');
  assert.equal(rel('J Vasko', 'Jan Vasko'), 'spelling');
  assert.equal(rel('VW', 'Wavelink'), 'none');
  assert.equal(rel('VA', 'Verano'), 'none');
});
