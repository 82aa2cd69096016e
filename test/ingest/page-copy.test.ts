// Page copies of five differently built (fictional) news pages: the cleaned body must be exactly
// the article's paragraphs, and headline, byline, outlet and dateline must be found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanPageCopy } from '../../src/ingest/plain/index.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const cases = readdirSync(dir).filter((f) => f.endsWith('-copy.txt'));

interface Expected {
  title: string | null;
  authors: string[];
  published: string | null;
  outlet: string | null;
  body: string[];
}

test('there are page-copy fixtures to check', () => {
  assert.ok(cases.length >= 5, `found ${cases.length}`);
});

for (const file of cases) {
  const expected = JSON.parse(readFileSync(join(dir, file.replace('.txt', '.expected.json')), 'utf8')) as Expected;
  const copy = cleanPageCopy(readFileSync(join(dir, file), 'utf8'));

  test(`${file}: body keeps every article paragraph and nothing else`, () => {
    assert.deepEqual(copy.text.split('\n\n'), expected.body);
  });
  test(`${file}: headline, byline, outlet`, () => {
    assert.equal(copy.title, expected.title);
    assert.deepEqual(copy.authors, expected.authors);
    assert.equal(copy.outlet, expected.outlet);
  });
  test(`${file}: publication date from the dateline, not a stamp, update time or copyright year`, () => {
    assert.equal(copy.published, expected.published);
  });
}
