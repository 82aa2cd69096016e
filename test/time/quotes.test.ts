import test from 'node:test';
import assert from 'node:assert/strict';
import { find, times } from './helpers.js';

// Published Wednesday 4 June 2025.
test('inside a quote, relative expressions count from when the words were spoken', () => {
  const t = times('"We will sign the deal on Friday," Lavrov said on Tuesday, 27 May.');
  const friday = find(t, 'Friday');
  assert.deepEqual([friday.value, friday.anchor], ['2025-05-30', 'text']);
  // The speech time itself is outside the quote and counts from publication.
  assert.equal(find(t, 'Tuesday, 27 May').anchor, 'published');
});

test('the speaking time may precede the quote in the sentence before it', () => {
  const t = times('Speaking on Monday, she said: "The army will withdraw tomorrow."');
  assert.deepEqual([find(t, 'tomorrow').value, find(t, 'tomorrow').anchor], ['2025-06-03', 'text']);
});

test('an absolute speaking time anchors curly quotes too', () => {
  const t = times('“Talks will resume next week,” the minister said in an interview on 20 May 2025.');
  assert.deepEqual([find(t, 'next week').value, find(t, 'next week').anchor], ['2025-W22', 'text']);
});

test('a quote whose speaking time the article does not give counts from publication', () => {
  const t = find(times('"We met yesterday," he told reporters.'), 'yesterday');
  assert.deepEqual([t.value, t.anchor], ['2025-06-03', 'published']);
});

test('outside the quote nothing changes', () => {
  const t = times('On Friday the army moved. "We will talk tomorrow," the envoy said on Monday.');
  assert.equal(find(t, 'Friday').anchor, 'published');
  assert.equal(find(t, 'tomorrow').value, '2025-06-03');
});

test("a speaking time in the sentence before does not date a quote that has its own attribution", () => {
  const t = times('Peskov said on Monday that talks would go on. "We will meet again tomorrow," Umerov told reporters.');
  assert.deepEqual([find(t, 'tomorrow').value, find(t, 'tomorrow').anchor], ['2025-06-05', 'published']);
});
