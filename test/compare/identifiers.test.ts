// Identifiers: one number to call printed differently by different outlets (src/compare/identifiers.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibresIn, identifiers, phonesIn } from '../../src/compare/identifiers.js';
import { runDetector } from '../../src/compare/claims.js';
import { article, briefOf, context } from './helpers.js';

test('a telephone number after a cue, whole, spacing ignored; figures are not numbers to call', () => {
  assert.deepEqual(
    phonesIn('Anyone who saw the van should call the incident line on 0161 496 0732, or the charity on 0800 11 22 33.').map((p) => [p.digits, p.prefix]),
    [['01614960732', '0161'], ['0800112233', '0800']],
  );
  // A following comma does not cut the number short.
  assert.deepEqual(phonesIn('Call 0161 496 0732, police said.').map((p) => p.digits), ['01614960732']);
  assert.deepEqual(phonesIn('The fund raised 1,250,000 and 2 400 500 units were sold.'), []);
  assert.deepEqual(phonesIn('The grant stood at 12 500 000 euros.'), []);
  assert.deepEqual(phonesIn('The decree took effect on 12.03.2011 at noon.'), []);
});

test('one outlet printing the appeal number differently disagrees with the rest; the same digits spaced differently agree', () => {
  const a = article('a', 'Witnesses are asked to call detectives on 0161 496 0732.');
  const b = article('b', 'Anyone with information should call police on 0161 496 0732 or speak to an officer.');
  const c = article('c', 'Police appealed for witnesses and asked them to ring 0161 496 073.');
  const d = article('d', 'Detectives can be reached on 0161 4960 732.');
  const found = runDetector(identifiers, context(briefOf([a, b, c])).ctx);
  assert.equal(found.length, 1);
  assert.deepEqual(new Set(found[0].claims.map((x) => x.value)), new Set(['01614960732', '0161496073']));
  assert.equal(runDetector(identifiers, context(briefOf([a, b, d])).ctx).length, 0);
});

test('one weapon given two calibres disagrees; two kinds of weapon are two things', () => {
  assert.deepEqual(calibresIn('Police said he drew a .44-caliber revolver from his coat.').map((c) => [c.calibre, c.weapon]), [['44', 'revolver']]);
  assert.deepEqual(calibresIn('A .22 calibre hunting rifle was found.').map((c) => [c.calibre, c.weapon]), [['22', 'rifle']]);
  assert.deepEqual(calibresIn('The bill passed 5.44 percent of the time.'), []);
  const a = article('a', 'Officers said the suspect pointed a .44-caliber revolver at them.');
  const b = article('b', 'A loaded .45 caliber revolver was recovered at the scene, police said.');
  const c = article('c', 'Officers carried .40-caliber pistols.');
  assert.equal(runDetector(identifiers, context(briefOf([a, b])).ctx).length, 1);
  assert.equal(runDetector(identifiers, context(briefOf([a, c])).ctx).length, 0);
});
