import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresIn, numbers, range, rangesOverlap } from '../../src/compare/numbers.js';
import { runDetector } from '../../src/compare/claims.js';
import { article, briefOf, context } from './helpers.js';

function figures(text: string): { value: number; unit: string; qualifier: string | null }[] {
  const { ctx } = context(briefOf([article('a', text)]));
  const a = ctx.articles[0];
  return a.sentences.flatMap((s) => figuresIn(a.doc, s)).map((f) => ({ value: f.value, unit: f.unit, qualifier: f.qualifier }));
}

test('figures with the noun they count, qualifiers and number words', () => {
  assert.deepEqual(figures('Karsia fired 40 short-range missiles at the town.'), [{ value: 40, unit: 'missile', qualifier: null }]);
  assert.deepEqual(figures('Fifteen Briscan diplomats were expelled.'), [{ value: 15, unit: 'diplomat', qualifier: null }]);
  assert.deepEqual(figures('They agreed to exchange up to 240 prisoners of war.'), [{ value: 240, unit: 'prisoner', qualifier: 'below' }]);
  assert.deepEqual(figures('The dam holds 74 billion cubic metres.'), [{ value: 74e9, unit: 'metre', qualifier: null }]);
});

test('years, dates and fractions of a figure are not counts', () => {
  assert.deepEqual(figures('Cameras were switched off in 2024.'), []);
  assert.deepEqual(figures('The talks opened on 12 May.'), []);
  assert.deepEqual(figures('Half of the 600 detainees will be freed.'), []);
});

test('hedged figures are ranges: "about 40" agrees with 41, "at least 23" contradicts 14', () => {
  assert.ok(rangesOverlap(range({ value: 40, qualifier: 'approx' }), range({ value: 41, qualifier: null })));
  assert.ok(rangesOverlap(range({ value: 40, qualifier: 'min' }), range({ value: 45, qualifier: null })));
  assert.ok(!rangesOverlap(range({ value: 23, qualifier: 'min' }), range({ value: 14, qualifier: null })));
  assert.ok(!rangesOverlap(range({ value: 35, qualifier: null }), range({ value: 40, qualifier: 'approx' })));
});

test('two outlets counting the same missiles differently disagree; a hedged equal figure does not', () => {
  const a = article('a', 'The defence ministry said Karsia fired 40 missiles at Dobrec on Sunday night.');
  const b = article('b', 'Monitors counted 25 missiles fired at Dobrec on Sunday night.');
  const c = article('c', 'Officials said about 40 missiles were fired at Dobrec on Sunday night.');
  const found = runDetector(numbers, context(briefOf([a, b, c])).ctx);
  assert.equal(found.length, 1);
  assert.deepEqual(new Set(found[0].claims.map((x) => x.article)), new Set(['a', 'b', 'c']));
  assert.match(found[0].explanation, /25 missiles/);
  assert.equal(runDetector(numbers, context(briefOf([a, c])).ctx).length, 0);
});

test('"up to" a figure agrees with that figure, not with one well below or above it', () => {
  assert.ok(rangesOverlap(range({ value: 240, qualifier: 'below' }), range({ value: 240, qualifier: null })));
  assert.ok(!rangesOverlap(range({ value: 20, qualifier: 'below' }), range({ value: 12, qualifier: null })));
  assert.ok(!rangesOverlap(range({ value: 240, qualifier: 'below' }), range({ value: 300, qualifier: 'approx' })));
});

test('a figure with its unit of measure: "140-km line" counts kilometres, and miles are not kilometres', () => {
  assert.deepEqual(figures('Observers are deployed along the 140 km line of contact.'), [{ value: 140, unit: 'kilometre', qualifier: null }]);
  const a = article('a', 'The mission has observers along the 140 km line of contact.');
  const b = article('b', 'The mission has observers on the 87-mile front line.');
  assert.equal(runDetector(numbers, context(briefOf([a, b])).ctx).length, 0);
});

test('casualty counts are compared as such, the killed never with the injured', () => {
  assert.deepEqual(figures('The strike killed at least 23 people.').map((f) => f.unit), ['killed']);
  assert.deepEqual(figures('Fourteen were killed and 60 injured in the shelling.').map((f) => f.unit), ['killed', 'injured']);
  const a = article('a', 'The shelling of the market killed at least 23 people, officials said.');
  const b = article('b', 'Fourteen people were killed when shells hit the market, the hospital said.');
  const c = article('c', 'Sixty people were injured when shells hit the market.');
  assert.equal(runDetector(numbers, context(briefOf([a, b])).ctx).length, 1);
  assert.equal(runDetector(numbers, context(briefOf([b, c])).ctx).length, 0);
});

test('a figure per side is not the total', () => {
  assert.deepEqual(figures('The number is 240: 120 prisoners from each side.').map((f) => f.unit), ['prisoner per side']);
  const a = article('a', 'Each side will free 120 prisoners from each side under the exchange of prisoners.');
  const b = article('b', 'The exchange of 240 prisoners will take place within days.');
  assert.equal(runDetector(numbers, context(briefOf([a, b])).ctx).length, 0);
});

test('the same count in two different places is two facts', () => {
  const a = article('a', 'Shelling killed 50 people in Kharkiv on Sunday.');
  const b = article('b', 'Shelling killed 12 people in Odesa on Sunday.');
  const place = (id: string, name: string, ...arts: typeof a[]) => ({ id, name, type: 'place' as const, aliases: [], roles: [], mentions: arts.map((x) => ({ article: x.id, start: x.text.indexOf(name), end: x.text.indexOf(name) + name.length })) });
  const brief = briefOf([a, b], { entities: [place('k', 'Kharkiv', a), place('o', 'Odesa', b)] });
  assert.equal(runDetector(numbers, context(brief).ctx).length, 0);
  assert.equal(runDetector(numbers, context(briefOf([a, article('c', 'Shelling killed 12 people in Kharkiv on Sunday.')])).ctx).length, 1);
});
