// The files written in chunks are exactly the texts the renderers give (and JSON.stringify for
// brief.json), for small briefs and for a synthetic one of 300 articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBrief } from '../../src/brief/write.js';
import { jsonChunks } from '../../src/brief/stream.js';
import { renderHtml } from '../../src/brief/html.js';
import { renderMarkdown } from '../../src/brief/markdown.js';
import type { Brief } from '../../src/types.js';
import { syntheticBrief } from './synthetic.js';
import { hostileBrief } from './hostile.js';

const empty: Brief = { schema: 'parley/brief@1', articles: [], problems: [] };

test('brief.json in chunks is JSON.stringify(brief, null, 2), whatever the sections hold', () => {
  const odd = { schema: 'parley/brief@1', articles: [], quotes: undefined, events: [], problems: [{ source: 'x', message: 'y' }], extra: { a: [1, { b: null }] }, list: [undefined, () => 1, 3] };
  for (const b of [empty, odd, hostileBrief(), syntheticBrief(40)]) {
    assert.equal([...jsonChunks(b)].join(''), `${JSON.stringify(b, null, 2)}\n`);
  }
});

test('writeBrief writes what the renderers give, in chunks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-stream-'));
  try {
    for (const b of [empty, hostileBrief(), syntheticBrief(300)]) {
      await writeBrief(b, dir);
      assert.equal(readFileSync(join(dir, 'brief.json'), 'utf8'), `${JSON.stringify(b, null, 2)}\n`);
      assert.equal(readFileSync(join(dir, 'brief.md'), 'utf8'), renderMarkdown(b));
      assert.equal(readFileSync(join(dir, 'brief.html'), 'utf8'), renderHtml(b));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
