// Cross-article identity as scored clustering: what must hold whatever the learned weights are.
// Every name, role and story here is made up for the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareBatch, resolveEntities } from '../../src/resolve/index.js';
import { buildDoc, type Doc } from '../../src/text/doc.js';
import type { ArticleEntities, EntityMention, LocalEntity } from '../../src/annotations.js';
import type { EntityType } from '../../src/types.js';

type Spec = [EntityType, string, ...string[]];

/** A hand-made article annotation: each entity is [type, name, ...other forms], one mention per form. */
function article(id: string, entities: Spec[], roles: Record<string, string[]> = {}): ArticleEntities {
  const mentions: EntityMention[] = [];
  const locals: LocalEntity[] = [];
  let at = 0;
  entities.forEach(([type, name, ...forms], n) => {
    const key = `${id}#${n}`;
    const entity: LocalEntity = { key, name, type, aliases: forms, roles: roles[name] ?? [], mentions: [] };
    for (const text of [name, ...forms]) {
      entity.mentions.push(mentions.length);
      mentions.push({ start: at, end: at + text.length, text, type, kind: 'name', entity: key });
      at += text.length + 1;
    }
    locals.push(entity);
  });
  return { article: id, mentions, entities: locals };
}

/** The Doc an article's metadata comes from (its byline). */
const docOf = (id: string, authors: string[] = []): Doc =>
  buildDoc({ id, source: id, url: null, outlet: null, title: null, authors, published: null, publishedBasis: null, language: 'en', kind: null, text: 'Text.' });

function resolve(arts: ArticleEntities[], docs: Doc[] = []) {
  const r = resolveEntities(arts, docs);
  const idOf = (art: string, name: string) => {
    const a = arts.find((x) => x.article === art)!;
    return r.globalId.get(a.entities.find((e) => e.name === name)!.key)!;
  };
  return { ...r, idOf };
}

test('"Kerry" joins "John Kerry" in the same story', () => {
  const r = resolve([
    article('a', [['person', 'John Kerry'], ['person', 'Sergei Lavrov'], ['place', 'Geneva'], ['organization', 'State Department']], { 'John Kerry': ['secretary of state'] }),
    article('b', [['person', 'Kerry'], ['person', 'Lavrov'], ['place', 'Geneva']]),
  ]);
  assert.equal(r.idOf('a', 'John Kerry'), r.idOf('b', 'Kerry'));
  assert.equal(r.idOf('a', 'Sergei Lavrov'), r.idOf('b', 'Lavrov'));
});

test('transliteration variants are one entity: Mohammad/Mohammed/Muhammad, Dmitry/Dmitriy/Dmitrii, Gaddafi/Qaddafi/Kadhafi', () => {
  const r = resolve([
    article('a', [['person', 'Mohammad Karimi'], ['person', 'Dmitry Sokolov'], ['person', 'Muammar Gaddafi']]),
    article('b', [['person', 'Mohammed Karimi'], ['person', 'Dmitriy Sokolov'], ['person', 'Moammar Qaddafi']]),
    article('c', [['person', 'Muhammad Karimi'], ['person', 'Dmitrii Sokolov'], ['person', 'Kadhafi']]),
  ]);
  assert.equal(r.idOf('a', 'Mohammad Karimi'), r.idOf('b', 'Mohammed Karimi'));
  assert.equal(r.idOf('a', 'Mohammad Karimi'), r.idOf('c', 'Muhammad Karimi'));
  assert.equal(r.idOf('a', 'Dmitry Sokolov'), r.idOf('b', 'Dmitriy Sokolov'));
  assert.equal(r.idOf('a', 'Dmitry Sokolov'), r.idOf('c', 'Dmitrii Sokolov'));
  assert.equal(r.idOf('a', 'Muammar Gaddafi'), r.idOf('b', 'Moammar Qaddafi'));
  assert.equal(r.idOf('a', 'Muammar Gaddafi'), r.idOf('c', 'Kadhafi'));
});

test('-y, -yy and -iy endings of one surname are one entity', () => {
  const r = resolve([
    article('a', [['person', 'Volodymyr Zelensky']]),
    article('b', [['person', 'Volodymyr Zelenskyy']]),
    article('c', [['person', 'Volodymyr Zelenskiy']]),
  ]);
  assert.equal(r.idOf('a', 'Volodymyr Zelensky'), r.idOf('b', 'Volodymyr Zelenskyy'));
  assert.equal(r.idOf('a', 'Volodymyr Zelensky'), r.idOf('c', 'Volodymyr Zelenskiy'));
});

test('a given name misspelt by one letter joins when the surname and the role agree', () => {
  const r = resolve([
    article('a', [['person', 'Thomas Brandvold'], ['place', 'Tromsø']], { 'Thomas Brandvold': ['governor'] }),
    article('b', [['person', 'Thonas Brandvold'], ['place', 'Tromsø']], { 'Thonas Brandvold': ['governor'] }),
  ]);
  assert.equal(r.idOf('a', 'Thomas Brandvold'), r.idOf('b', 'Thonas Brandvold'));
  // The same slip with two different offices is two people.
  const apart = resolve([
    article('a', [['person', 'Thomas Brandvold'], ['place', 'Tromsø']], { 'Thomas Brandvold': ['governor'] }),
    article('b', [['person', 'Thonas Brandvold'], ['place', 'Tromsø']], { 'Thonas Brandvold': ['general'] }),
  ]);
  assert.notEqual(apart.idOf('a', 'Thomas Brandvold'), apart.idOf('b', 'Thonas Brandvold'));
});

test('never merged: John Kerry, John Kirby and Carey, even through bare surnames and shared roles', () => {
  const r = resolve([
    article('a', [['person', 'John Kerry'], ['place', 'Geneva']], { 'John Kerry': ['secretary of state'] }),
    article('b', [['person', 'John Kirby'], ['place', 'Geneva']], { 'John Kirby': ['spokesman'] }),
    article('c', [['person', 'Carey'], ['place', 'Geneva']]),
    article('d', [['person', 'Kerry'], ['person', 'Kirby'], ['place', 'Geneva']]),
  ]);
  const ids = [r.idOf('a', 'John Kerry'), r.idOf('b', 'John Kirby'), r.idOf('c', 'Carey')];
  assert.equal(new Set(ids).size, 3);
  assert.equal(r.idOf('d', 'Kerry'), r.idOf('a', 'John Kerry'));
  assert.equal(r.idOf('d', 'Kirby'), r.idOf('b', 'John Kirby'));
});

test('never merged: Ed Miliband and David Miliband, in one batch or one article', () => {
  const r = resolve([
    article('a', [['person', 'Ed Miliband']]),
    article('b', [['person', 'David Miliband']]),
    article('c', [['person', 'Ed Miliband'], ['person', 'David Miliband']]),
  ]);
  assert.notEqual(r.idOf('a', 'Ed Miliband'), r.idOf('b', 'David Miliband'));
  assert.equal(r.idOf('a', 'Ed Miliband'), r.idOf('c', 'Ed Miliband'));
  assert.equal(r.idOf('b', 'David Miliband'), r.idOf('c', 'David Miliband'));
});

test('a reporter whose byline shares a surname with a leader stays apart from the leader', () => {
  const arts = [
    article('a', [['person', 'Grace Okonjo'], ['person', 'Okonjo'], ['place', 'Abuja']], { Okonjo: ['president'] }),
    article('b', [['person', 'Samuel Okonjo'], ['place', 'Abuja']], { 'Samuel Okonjo': ['president'] }),
    article('c', [['person', 'Okonjo'], ['place', 'Abuja']]),
  ];
  // Grace Okonjo wrote article a; its "Okonjo" (the president) is another entity of the article.
  const r = resolve(arts, [docOf('a', ['Grace Okonjo']), docOf('b'), docOf('c')]);
  const reporter = r.idOf('a', 'Grace Okonjo');
  assert.notEqual(reporter, r.idOf('b', 'Samuel Okonjo'));
  assert.notEqual(reporter, r.idOf('c', 'Okonjo'));
  assert.equal(r.idOf('c', 'Okonjo'), r.idOf('b', 'Samuel Okonjo'));
  assert.equal(r.idOf('a', 'Okonjo'), r.idOf('b', 'Samuel Okonjo'));

  // Without the byline, a bare "Okonjo" could have joined her; the byline is what keeps them apart.
  const r2 = resolve([article('a', [['person', 'Grace Okonjo']]), article('c', [['person', 'Okonjo']])], [docOf('a', ['Grace Okonjo']), docOf('c')]);
  assert.notEqual(r2.idOf('a', 'Grace Okonjo'), r2.idOf('c', 'Okonjo'));
});

test('two people with one name in two unrelated stories of one batch, in different offices, stay apart', () => {
  const r = resolve([
    article('a', [['person', 'Daniel Osei'], ['place', 'Kumasi'], ['organization', 'Asante Kotoko']], { 'Daniel Osei': ['general'] }),
    article('b', [['person', 'Daniel Osei'], ['organization', 'Bank of Ghana'], ['organization', 'Treasury']], { 'Daniel Osei': ['finance minister'] }),
    article('c', [['person', 'Daniel Osei'], ['place', 'Kumasi'], ['organization', 'Asante Kotoko']], { 'Daniel Osei': ['general'] }),
  ]);
  assert.notEqual(r.idOf('a', 'Daniel Osei'), r.idOf('b', 'Daniel Osei'));
  assert.equal(r.idOf('a', 'Daniel Osei'), r.idOf('c', 'Daniel Osei'));
});

test('the same name typed differently in two articles still merges', () => {
  const r = resolve([
    article('a', [['person', 'Nikol Pashinyan'], ['place', 'Yerevan']]),
    article('b', [['organization', 'Nikol Pashinyan'], ['place', 'Yerevan']]),
    article('c', [['organization', 'Halvorsen Shipping']]),
    article('d', [['other', 'Halvorsen Shipping']]),
    article('e', [['person', 'Pashinyan']]),
  ]);
  assert.equal(r.idOf('a', 'Nikol Pashinyan'), r.idOf('b', 'Nikol Pashinyan'));
  assert.equal(r.idOf('c', 'Halvorsen Shipping'), r.idOf('d', 'Halvorsen Shipping'));
  assert.equal(r.idOf('e', 'Pashinyan'), r.idOf('a', 'Nikol Pashinyan'));
  assert.equal(r.entities.find((e) => e.id === r.idOf('a', 'Nikol Pashinyan'))!.type, 'person');
});

test('an article that split one name in two (a possessive, a title left in the name) does not split the entity', () => {
  const r = resolve([
    article('a', [['person', 'Amara Diallo'], ["person", "Amara Diallo's"], ['organization', 'Minister Amara Diallo']]),
    article('b', [['person', 'Amara Diallo']]),
  ]);
  const id = r.idOf('b', 'Amara Diallo');
  assert.equal(r.idOf('a', 'Amara Diallo'), id);
  assert.equal(r.idOf('a', "Amara Diallo's"), id);
  assert.equal(r.idOf('a', 'Minister Amara Diallo'), id);
});

test('candidate pairs come from blocking keys: a large batch is scored near-linearly', () => {
  // 200 articles, each naming 20 people of its own and one shared minister: all pairs of local
  // entities would be 8.8 million; blocking keeps a few per entity.
  const arts: ArticleEntities[] = [];
  const syllables = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'vo', 'ri', 'de', 'bu', 'fe', 'go', 'ha', 'ji', 'ku', 'pe'];
  const word = (n: number) => syllables[n % 16] + syllables[Math.floor(n / 16) % 16] + syllables[Math.floor(n / 256) % 16] + syllables[Math.floor(n / 4096) % 16];
  for (let i = 0; i < 200; i++) {
    const specs: Spec[] = [['person', 'Amara Diallo']];
    for (let j = 0; j < 20; j++) specs.push(['person', `${cap(word(i * 20 + j + 7))} ${cap(word(i * 20 + j + 90001))}`]);
    arts.push(article(`n${i}`, specs));
  }
  const batch = prepareBatch(arts, []);
  assert.equal(batch.locals.length, 200 * 21);
  assert.ok(batch.pairs.length < 40 * batch.locals.length, `${batch.pairs.length} pairs`);
  const r = resolveEntities(arts, []);
  const diallo = new Set(arts.map((a) => r.globalId.get(a.entities[0].key)));
  assert.equal(diallo.size, 1);
});

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

test('a pet form beside the full given name in one article is one person when the name lists give both one gender', () => {
  const r = resolve([
    article('a', [['person', 'Katherine Moreau'], ['person', 'Katie Moreau'], ['place', 'Lisbon']]),
    article('b', [['person', 'Katherine Moreau'], ['place', 'Lisbon']]),
  ]);
  assert.equal(r.idOf('a', 'Katie Moreau'), r.idOf('a', 'Katherine Moreau'));
  assert.equal(r.idOf('a', 'Katie Moreau'), r.idOf('b', 'Katherine Moreau'));
});

test('given names of one surname that the name lists give two genders are two people, a short form or a shared start', () => {
  const r = resolve([
    article('a', [['person', 'Carl Wendover'], ['person', 'Marco Castellano'], ['place', 'Lisbon']]),
    article('b', [['person', 'Carla Wendover'], ['person', 'Marcia Castellano'], ['place', 'Lisbon']]),
  ]);
  assert.notEqual(r.idOf('a', 'Carl Wendover'), r.idOf('b', 'Carla Wendover'));
  assert.notEqual(r.idOf('a', 'Marco Castellano'), r.idOf('b', 'Marcia Castellano'));
});

test('a one-word form two people share as a given name and a surname does not make them one: "Taylor" of Taylor Wolfe and Martin Taylor', () => {
  const r = resolve([
    article('a', [['person', 'Taylor Wolfe', 'Taylor', 'Wolfe']]),
    article('b', [['person', 'Martin Taylor', 'Taylor']]),
  ]);
  assert.notEqual(r.idOf('a', 'Taylor Wolfe'), r.idOf('b', 'Martin Taylor'));
});

test('short names a doubled letter apart stay apart: William Barr, the town of Baar, a Touch Bar', () => {
  const r = resolve([
    article('a', [['person', 'William Barr', 'Barr']]),
    article('b', [['place', 'Baar']]),
    article('c', [['organization', 'Touch Bar']]),
    article('d', [['person', 'Barr']]),
  ]);
  assert.notEqual(r.idOf('a', 'William Barr'), r.idOf('b', 'Baar'));
  assert.notEqual(r.idOf('b', 'Baar'), r.idOf('c', 'Touch Bar'));
  assert.equal(r.idOf('a', 'William Barr'), r.idOf('d', 'Barr'));
});

test('an acronym stands for one name even when a word of the name weighs little: "SD" is South Dakota or San Diego, not both', () => {
  const r = resolve([
    article('a', [['place', 'South Dakota', 'SD']]),
    article('b', [['place', 'San Diego']]),
    article('c', [['place', 'South Dakota']]),
  ]);
  assert.notEqual(r.idOf('a', 'South Dakota'), r.idOf('b', 'San Diego'));
  assert.equal(r.idOf('a', 'South Dakota'), r.idOf('c', 'South Dakota'));
});

test('a bare institution head is its own institution: "the House" is neither "House Democrats" nor "the White House"', () => {
  const r = resolve([
    article('a', [['organization', 'White House']]),
    article('b', [['organization', 'House Democrats'], ['organization', 'House']]),
  ]);
  const ids = new Set([r.idOf('a', 'White House'), r.idOf('b', 'House Democrats'), r.idOf('b', 'House')]);
  assert.equal(ids.size, 3);
});
