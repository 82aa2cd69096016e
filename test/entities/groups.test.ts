import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitiesOf, entityAt } from './helpers.js';

test('groups named by nationality or body are group mentions', () => {
  const found = entitiesOf('The Ukrainian delegation left early. The G7 foreign ministers issued a statement, and Russian officials dismissed it.');
  for (const text of ['The Ukrainian delegation', 'The G7 foreign ministers', 'Russian officials']) {
    const m = found.mentions.find((x) => x.text === text);
    assert.ok(m, `${text} in ${JSON.stringify(found.mentions.map((x) => x.text))}`);
    assert.equal(m.kind, 'group');
    assert.equal(m.type, 'group');
  }
  assert.equal(entityAt(found, 'The G7 foreign ministers')?.name, 'G7 foreign ministers');
});

test('nationality adjectives are neither persons nor groups by themselves', () => {
  const found = entitiesOf('Ukrainian troops held the line near the Russian border, a Ukrainian official said.');
  assert.ok(!found.entities.some((e) => e.type === 'person'), JSON.stringify(found.entities));
  assert.ok(!found.mentions.some((m) => m.text === 'Russian' || m.text === 'Ukrainian'));
  assert.equal(found.mentions.find((m) => m.text === 'Ukrainian troops')?.kind, 'group');
});

test('a group lists the people the article names in it', () => {
  const found = entitiesOf(
    'French Foreign Minister Jean-Noël Barrot and German Foreign Minister Annalena Baerbock arrived. The G7 foreign ministers then met.',
  );
  const group = entityAt(found, 'The G7 foreign ministers');
  const members = group?.members ?? [];
  assert.ok(members.includes(entityAt(found, 'Jean-Noël Barrot')!.key), JSON.stringify(group));
  assert.ok(members.includes(entityAt(found, 'Annalena Baerbock')!.key));
});

test('plural demonyms are groups: "the Russians"', () => {
  const found = entitiesOf('The Russians walked out of the room.');
  assert.equal(found.mentions.find((m) => m.text === 'The Russians')?.kind, 'group');
});

test('people a group is said to be led by or to include are its members; others are not', () => {
  const found = entitiesOf(
    'The Ukrainian delegation, led by Defence Minister Rustem Umerov, arrived late. European leaders, including Emmanuel Macron and Friedrich Merz, urged a ceasefire. Russian officials met Sergei Lavrov.',
  );
  assert.deepEqual(entityAt(found, 'The Ukrainian delegation')?.members, [entityAt(found, 'Rustem Umerov')!.key]);
  assert.deepEqual(entityAt(found, 'European leaders')?.members, [entityAt(found, 'Emmanuel Macron')!.key, entityAt(found, 'Friedrich Merz')!.key]);
  assert.equal(entityAt(found, 'Russian officials')?.members, undefined);
});

test('a person a group is said to be led by is not guessed into another group by role', () => {
  const found = entitiesOf(
    'The Ukrainian side, led by Foreign Minister Olena Marchuk, came with a narrow offer. The G7 foreign ministers, meeting in Canada, backed the call.',
  );
  const marchuk = entityAt(found, 'Olena Marchuk')!.key;
  assert.deepEqual(entityAt(found, 'The Ukrainian side')?.members, [marchuk]);
  assert.ok(!(entityAt(found, 'The G7 foreign ministers')?.members ?? []).includes(marchuk), JSON.stringify(found.entities));
});
