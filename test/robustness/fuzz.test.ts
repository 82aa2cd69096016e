// Seeded random texts (fuzz-text.ts), run in small batches through `analyse` and the renderers. Nothing may
// throw and every span must stay a slice of its text. The seeds are fixed, so a failure
// reproduces; it prints the seed and the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../src/pipeline.js';
import { renderHtml } from '../../src/brief/html.js';
import { renderMarkdown } from '../../src/brief/markdown.js';
import type { Article } from '../../src/types.js';
import { integrityViolations } from './helpers.js';
import { randomText } from './fuzz-text.js';

function article(id: string, text: string, published: string | null): Article {
  return { id, source: `${id}.txt`, url: null, outlet: `Outlet ${id}`, title: null, authors: [], published, publishedBasis: published ? 'metadata' : null, language: 'en', kind: null, text };
}

const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i);

for (const seed of SEEDS) {
  test(`random texts, seed ${seed}: no exception, every span a slice`, { timeout: 120_000 }, () => {
    // Three articles per batch, so the cross-article stages (resolve, compare) see them together.
    const texts = [0, 1, 2].map((k) => randomText(seed * 10 + k));
    const articles = texts.map((t, k) => article(`s${seed}-${k}`, t, k === 2 ? null : `2026-03-1${k}`));
    let brief;
    try {
      brief = analyse(articles, []);
      renderHtml(brief);
      renderMarkdown(brief);
    } catch (err) {
      assert.fail(`seed ${seed} threw ${(err as Error).stack}\ntexts: ${JSON.stringify(texts)}`);
    }
    const v = integrityViolations(brief);
    assert.deepEqual(v, [], `seed ${seed}:\n${v.slice(0, 15).join('\n')}\ntexts: ${JSON.stringify(texts)}`);
  });
}
