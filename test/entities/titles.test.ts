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

test('honorifics, stacked or not, are titles and stay out of the name', () => {
  const found = entitiesOf('The Honourable Priya Anand spoke. Rt Hon. Keir Starmer replied. His Excellency Mohammed bin Salman and Sheikh Tamim bin Hamad met Dr Tedros. Her Royal Highness Princess Anne came.');
  for (const name of ['Priya Anand', 'Keir Starmer', 'Mohammed bin Salman', 'Tamim bin Hamad', 'Tedros']) {
    const e = entityAt(found, name);
    assert.equal(e?.type, 'person', `${name} in ${JSON.stringify(found.mentions.map((m) => m.text))}`);
  }
  assert.ok(!found.mentions.some((m) => /Honourable|Hon\.|Excellency|Royal/.test(m.text)), JSON.stringify(found.mentions.map((m) => m.text)));
});

test('the portfolio of an office is no entity; a country or body after the office is', () => {
  const found = entitiesOf('Priya Anand, Minister of International Trade, issued a statement. The Minister of Finance of Kenya met the Secretary of the African Union and the Head of Mossad.');
  assert.equal(entityAt(found, 'Mossad')?.type, 'organization', JSON.stringify(found.mentions.map((m) => m.text)));
  assert.ok(!found.mentions.some((m) => /Trade|Finance/.test(m.text)), JSON.stringify(found.mentions.map((m) => m.text)));
  assert.equal(entityAt(found, 'Kenya')?.type, 'place');
  assert.equal(entityAt(found, 'African Union')?.type, 'organization');
});

test('an office "of/for" a portfolio keeps the body before it and the holder after it', () => {
  const found = entitiesOf('UN High Commissioner for Refugees Filippo Grandi said the camps were full. The Minister of International Trade Priya Anand spoke. We met the High Representative of the European Union.');
  const texts = found.mentions.map((m) => m.text);
  assert.equal(entityAt(found, 'UN')?.type, 'organization', JSON.stringify(texts));
  assert.equal(entityAt(found, 'Filippo Grandi')?.type, 'person', JSON.stringify(texts));
  assert.ok(entityAt(found, 'Filippo Grandi')?.roles.some((r) => /high commissioner/i.test(r)), JSON.stringify(entityAt(found, 'Filippo Grandi')));
  assert.equal(entityAt(found, 'Priya Anand')?.type, 'person', JSON.stringify(texts));
  assert.equal(entityAt(found, 'European Union')?.type, 'organization');
  assert.ok(!texts.some((t) => /^(?:Refugees|International Trade|High)$/.test(t)), JSON.stringify(texts));
});

test('plural titles name no one; names right after them are people', () => {
  const found = entitiesOf('The summit met at the level of Heads of State and Government. The Heads of Mission met. Presidents Biden and Xi spoke. Foreign Ministers of the European Union met. Foreign Ministers Sergei Lavrov and Wang Yi met in Geneva and Moscow.');
  for (const name of ['Xi', 'Sergei Lavrov', 'Wang Yi']) assert.equal(entityAt(found, name)?.type, 'person', name);
  assert.equal(entityAt(found, 'Moscow')?.type, 'place');
  const texts = found.mentions.map((m) => m.text);
  assert.ok(!texts.some((t) => /^(?:Heads|State|Ministers|Mission|of Mission)$/.test(t)), JSON.stringify(texts));
  assert.equal(entityAt(found, 'Biden')?.type, 'person', JSON.stringify(texts));
  assert.equal(entityAt(found, 'European Union')?.type, 'organization', JSON.stringify(texts));
});

test('a plural title word the article uses as a name is a name: a team called "the Generals"', () => {
  const team = entitiesOf('The Generals won again on Friday. Quarterback Tomas Reyl threw two passes for the Generals before the Generals ran out the clock.');
  const generals = team.mentions.filter((m) => m.text === 'Generals');
  assert.equal(generals.length, 3, JSON.stringify(team.mentions.map((m) => m.text)));
  assert.equal(new Set(generals.map((m) => m.entity)).size, 1);
  // The same word written in lower case elsewhere in the article is the title it usually is.
  const officers = entitiesOf('Marshals from three counties met on Sunday. The marshals said the Marshals of Orlen County would lead.');
  assert.ok(!officers.mentions.some((m) => m.text === 'Marshals'), JSON.stringify(officers.mentions.map((m) => m.text)));
});
