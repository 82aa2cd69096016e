// A Doc depends on its article alone, never on what the process read before (wink-nlp remembers
// unknown words it has read and would otherwise tokenise them differently the next time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/text/doc.js';
import type { Article } from '../../src/types.js';

const article = (id: string, text: string): Article => ({ id, source: id, url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text });

test('a Doc is the same whatever was read before it', () => {
  const later = article('later', "The talks went well. Unfortunately, in Quillmore's case, the doctors were wrong.");
  const first = buildDoc(later).tokens.map((t) => t.text);
  assert.ok(first.includes('Quillmore') && first.includes("'s"), first.join(' | '));
  // Quoted like this, wink-nlp reads the possessive as one unknown word and remembers it.
  buildDoc(article('earlier', "She called it 'Quillmore's' problem."));
  assert.deepEqual(buildDoc(later).tokens.map((t) => t.text), first);
});
