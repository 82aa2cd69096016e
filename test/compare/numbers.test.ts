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
  assert.deepEqual(figures('The dam holds 74 billion cubic metres.'), [{ value: 74e9, unit: 'cubic metre', qualifier: null }]);
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

function full(text: string): { value: number; high?: number; unit: string; dimension: string; base: number }[] {
  const { ctx } = context(briefOf([article('a', text)]));
  const a = ctx.articles[0];
  return a.sentences.flatMap((s) => figuresIn(a.doc, s)).map((f) => ({ value: f.value, ...(f.high !== undefined ? { high: f.high } : {}), unit: f.unit, dimension: f.dimension, base: Math.round(f.base * 1000) / 1000 }));
}

test('units of measure are converted: durations to days, distances to metres, weights to kilograms', () => {
  assert.deepEqual(full('The tremor lasted 30 seconds.'), [{ value: 30, unit: 'second', dimension: 'duration', base: 0 }]);
  assert.equal(full('Witnesses felt the tremor for one minute.')[0].dimension, 'duration');
  assert.deepEqual(full('The port lies 940 miles south of the capital.'), [{ value: 940, unit: 'mile', dimension: 'distance', base: 1512779.6 }]);
  assert.deepEqual(full('The boxer, who weighed 130 pounds, retired.'), [{ value: 130, unit: 'pound', dimension: 'weight', base: 58.967 }]);
  // "pounds" of money is not a weight
  assert.notEqual(full('The fine was 500 pounds.')[0]?.dimension, 'weight');
});

test('magnitudes, ages, vote tallies, shares, sums and "N times" are read as such', () => {
  assert.deepEqual(full('A magnitude-6.1 quake shook the island.').map((f) => [f.value, f.dimension]), [[6.1, 'magnitude']]);
  assert.deepEqual(full('The quake registered 5.9 on the Richter scale.').map((f) => [f.value, f.dimension]), [[5.9, 'magnitude']]);
  assert.deepEqual(full('The driver, Tomas Reyn, 43, was arrested.').map((f) => [f.value, f.dimension]), [[43, 'age']]);
  assert.deepEqual(full('A 43-year-old driver was arrested.').map((f) => [f.value, f.dimension]), [[43, 'age']]);
  assert.deepEqual(full('The committee approved the accord 13-8 on Monday.').map((f) => f.dimension), ['tally']);
  assert.deepEqual(full('Shares fell 5.4 per cent on Monday.').map((f) => [f.value, f.dimension]), [[5.4, 'percent']]);
  assert.deepEqual(full('The club offered $200MM over eight years.').map((f) => [f.value, f.dimension]), [[2e8, 'money'], [8, 'duration']]);
  assert.deepEqual(full('Lena Ortiz married twice.').map((f) => [f.value, f.dimension]), [[2, 'times']]);
  // "shot eleven times" counts shots, like "seven bullets"
  assert.deepEqual(full('The teenager was shot eleven times.').map((f) => [f.value, f.unit]), [[11, 'shot']]);
  assert.deepEqual(full('Seven bullets hit the teenager.').map((f) => [f.value, f.unit]), [[7, 'shot']]);
});

test('pieces a copy split apart are read back: "120, 000", "6. 1", "a hundred"; lists and ranges', () => {
  assert.deepEqual(full('The town has 120, 000 residents.').map((f) => f.value), [120000]);
  assert.deepEqual(full('It was a magnitude-6. 1 quake.').map((f) => f.value), [6.1]);
  assert.deepEqual(full('More than a hundred mourners gathered at the chapel.').map((f) => f.value), [100]);
  assert.deepEqual(full('Between 60 and 100 protesters gathered.').map((f) => [f.value, f.high]), [[60, 100]]);
  // parts of one count are not counts of their own
  assert.deepEqual(full('Medics said two men and one woman died in the crash.'), []);
  // a height is not a thousands separator
  assert.deepEqual(full('The suspect is 6-foot-1, 190 pounds.').map((f) => f.value), [190]);
  // addresses, calibres, clock times and phone numbers are not figures
  assert.deepEqual(full('Officers went to the 4300 block of Birch Lane at 9.15pm.'), []);
  assert.deepEqual(full('Call 0800 555 0199 with any tips.'), []);
});

test('casualty words make a count of people a toll, read from the grammar', () => {
  assert.deepEqual(full('The blast killed 10 people and injured 80.').map((f) => f.unit), ['killed', 'injured']);
  assert.deepEqual(full('The quake left three people killed.').map((f) => f.unit), ['killed']);
  assert.deepEqual(full('No injuries were reported.').map((f) => [f.value, f.unit]), [[0, 'injured']]);
  // the noun belongs to another verb: "shot four officers, killing three of them"
  assert.deepEqual(full('The gunman shot four officers, killing three of them.').map((f) => [f.value, f.unit]), [[4, 'officer'], [3, 'killed']]);
});

test('durations in different units and distances in miles and kilometres are compared as one measure', () => {
  const a = article('a', 'A shopkeeper in Varna felt the jolt for 30 seconds.');
  const b = article('b', 'A teacher in Varna felt the jolt for one minute.');
  assert.equal(runDetector(numbers, context(briefOf([a, b])).ctx).length, 1);
  const c = article('c', 'The island lies about 1,500 kilometres south of Velm.');
  const d = article('d', 'The island lies 932 miles south of Velm.');
  const velm = (...arts: typeof c[]) => ({ id: 'velm', name: 'Velm', type: 'place' as const, aliases: [], roles: [], mentions: arts.map((x) => ({ article: x.id, start: x.text.indexOf('Velm'), end: x.text.indexOf('Velm') + 4 })) });
  assert.equal(runDetector(numbers, context(briefOf([c, d], { entities: [velm(c, d)] })).ctx).length, 0);
  const e = article('e', 'The island lies 700 miles south of Velm.');
  assert.equal(runDetector(numbers, context(briefOf([c, e], { entities: [velm(c, e)] })).ctx).length, 1);
  // A distance from another place is another distance.
  const f = article('f', 'The island lies 700 miles south of Orsk.');
  const orsk = { id: 'orsk', name: 'Orsk', type: 'place' as const, aliases: [], roles: [], mentions: [{ article: 'f', start: f.text.indexOf('Orsk'), end: f.text.indexOf('Orsk') + 4 }] };
  assert.equal(runDetector(numbers, context(briefOf([c, f], { entities: [velm(c), orsk] })).ctx).length, 0);
});

test('a quake has one magnitude, unless one figure is an aftershock’s', () => {
  const a = article('a', 'A 6.1-magnitude quake hit the coast on Sunday.');
  const b = article('b', 'The observatory said the earthquake measured 5.9 on the Richter scale.');
  const c = article('c', 'A magnitude-4.2 aftershock shook the coast later.');
  assert.equal(runDetector(numbers, context(briefOf([a, b])).ctx).length, 1);
  assert.equal(runDetector(numbers, context(briefOf([a, c])).ctx).length, 0);
});

test("one person's age a year apart across outlets disagrees; ages decades apart are the person at two times", () => {
  const ages = (x: string, y: string): number => {
    const a = article('a', `The pilot, Maren Tolvik, ${x}, was questioned by investigators on Monday.`);
    const b = article('b', `Investigators questioned the pilot, Maren Tolvik, ${y}, on Monday.`);
    const mentions = [a, b].map((x) => ({ article: x.id, start: x.text.indexOf('Maren Tolvik'), end: x.text.indexOf('Maren Tolvik') + 12 }));
    const entities = [{ id: 'p', name: 'Maren Tolvik', type: 'person' as const, aliases: [], roles: [], mentions }];
    return runDetector(numbers, context(briefOf([a, b], { entities })).ctx).length;
  };
  assert.equal(ages('41', '42'), 1);
  assert.equal(ages('41', '19'), 0);
});
