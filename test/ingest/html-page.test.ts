// A news page with the usual chrome around and inside the article element: the body must be the
// article's paragraphs exactly, and the metadata must skip the update time and the "Today" stamp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';

const page = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'chrome-page.html');

test('an HTML news page: body without share bar, caption, ad, teaser, newsletter box, related, tags, comments', async () => {
  const { articles, problems } = await ingest([page]);
  assert.deepEqual(problems, []);
  const a = articles[0];
  assert.deepEqual(a.text.split('\n\n'), [
    'Mediators from the Council of Northern States on Monday showed both delegations a draft map of a demilitarised zone, according to three people who have seen it.',
    'The zone would be 15 kilometres wide on each side of the current line and would be patrolled by unarmed monitors, the people said.',
    'Ostmark\'s envoy Tomas Reinholt said his side would study the map "in good faith". Dravenia\'s foreign ministry said the proposal left too many towns on the wrong side of the line.',
    'The talks are due to continue on Thursday, when military advisers from both sides are expected to join the delegations for the first time.',
  ]);
  assert.equal(a.id, 'chrome-page');
  assert.equal(a.title, 'Mediators float buffer-zone map as Lisvaro talks enter second week');
  assert.equal(a.outlet, 'Baltic Wire');
  assert.deepEqual(a.authors, ['Sofia Lind']);
  assert.equal(a.published, '2025-06-09T18:30:00+03:00');
  assert.equal(a.publishedBasis, 'metadata');
  assert.equal(a.language, 'en');
});
