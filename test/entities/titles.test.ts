import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitiesOf, entityAt, mentionTexts } from './helpers.js';

test('a title alone refers back to the one person holding it: "the Turkish leader"', () => {
  const found = entitiesOf('Turkish President Recep Tayyip Erdoğan hosted the talks in Istanbul. The Turkish leader said both sides had agreed.');
  const e = entityAt(found, 'Recep Tayyip Erdoğan');
  const title = found.mentions.find((m) => m.kind === 'title');
  assert.ok(title, JSON.stringify(found.mentions));
  assert.equal(title.text, 'The Turkish leader');
  assert.equal(title.entity, e?.key);
  assert.equal(title.type, 'person');
  assert.ok(mentionTexts(found, e).includes('The Turkish leader'));
});

test('"the French president" links to the French president, not the Ukrainian one', () => {
  const found = entitiesOf(
    'French President Emmanuel Macron met Ukrainian President Volodymyr Zelensky in Paris. The French president promised more aid.',
  );
  const title = found.mentions.find((m) => m.kind === 'title');
  assert.equal(title?.entity, entityAt(found, 'Emmanuel Macron')?.key);
});

test('a title that fits two people is left unlinked', () => {
  const found = entitiesOf('President Emmanuel Macron met President Volodymyr Zelensky in Paris. The president said little.');
  assert.ok(!found.mentions.some((m) => m.kind === 'title'), JSON.stringify(found.mentions.filter((m) => m.kind === 'title')));
});

test('"the top diplomat" reaches a foreign minister; a title before a name is no reference', () => {
  const found = entitiesOf("Russian Foreign Minister Sergei Lavrov arrived first. Russia's top diplomat said Moscow was ready.");
  const lavrov = entityAt(found, 'Sergei Lavrov');
  assert.ok(lavrov?.roles.includes('foreign minister'));
  const title = found.mentions.find((m) => m.kind === 'title');
  assert.equal(title?.text, "Russia's top diplomat");
  assert.equal(title?.entity, lavrov?.key);
  assert.equal(found.mentions.filter((m) => m.kind === 'title').length, 1, 'the title before his name is not a second reference');
});
