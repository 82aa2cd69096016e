import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

test('bare years', () => {
  const t = times('The region has been contested since 2014, as it was in 1989.');
  assert.deepEqual([find(t, '2014').value, find(t, '2014').anchor], ['2014', 'absolute']);
  assert.equal(find(t, '1989').value, '1989');
});

test('numbers that are not years', () => {
  assert.equal(times('About 2000 troops and 1500 people crossed; the bill was $2014 and 2025.5 tonnes.').length, 0);
  assert.equal(times('Resolution 2231 was cited.').length, 0);
});

test('decades and two-digit years', () => {
  const t = times('He was born in the 1960s; cars of the 70s and 80s rusted. She graduated in \'82.', '2008-10-27');
  assert.equal(find(t, '1960s').value, '196');
  assert.equal(find(t, '70s').value, '197');
  assert.equal(find(t, '80s').value, '198');
  assert.equal(find(t, "'82").value, '1982');
  assert.equal(times('The minister, in his 70s, resigned.').length, 0);
});
