// A folder given as input: what cannot be looked at inside it is a problem, not a silent gap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { tempDir } from './helpers.js';

const TEXT = 'Envoys met in Lisvaro on Tuesday and agreed to meet again next week, officials said after six hours of talks.\n';

test('a dangling article file in a folder is a problem; other names are not articles and are passed over', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.txt'), TEXT);
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'b.txt'));
  symlinkSync(join(dir, 'gone'), join(dir, 'notes'));
  const { articles, problems } = await ingest([dir]);
  assert.deepEqual(articles.map((a) => a.id), ['a']);
  assert.deepEqual(problems, [{ source: join(dir, 'b.txt'), message: 'no such file or directory; check the path' }]);
});

test('an article name that loops back on itself is a problem with the reason', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'inner'));
  writeFileSync(join(dir, 'inner', 'c.txt'), TEXT);
  symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'));
  symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'));
  const { articles, problems } = await ingest([dir]);
  assert.deepEqual(articles.map((a) => a.id), ['c']);
  assert.deepEqual(problems.map((p) => p.source), [join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt')]);
  for (const p of problems) assert.match(p.message, /could not be read \(ELOOP\); check the path/);
});
