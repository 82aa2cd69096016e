// Plain-text metadata: front matter, several authors with initials, outlet lines, known outlets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { readFrontMatter } from '../../src/ingest/plain/frontmatter.js';
import { knownOutlet, outletForUrl, outletNamedIn } from '../../src/ingest/outlets.js';
import { tempDir } from './helpers.js';

const BODY = [
  'Negotiators from Kestria and Meridia met for a third day in Geneva on Tuesday, officials said.',
  'The two delegations discussed a prisoner exchange and the timing of a ceasefire along the river.',
  '“We are closer than we were a week ago,” said the Swiss mediator, Lena Fischer.',
].join('\n\n');

async function one(name: string, content: string) {
  const dir = tempDir();
  writeFileSync(join(dir, name), content);
  return ingest([join(dir, name)]);
}

test('front matter gives title, outlet, url, published and authors, and is not article text', async () => {
  const { articles, problems } = await one(
    'geneva.txt',
    `---\ntitle: Talks enter third day\noutlet: Meridian Press\nurl: https://example.org/news/geneva-talks\npublished: 2026-03-14T09:30:00Z\nauthors: Sara K. Lind; Omar Haddad\n---\n${BODY}\n`,
  );
  assert.deepEqual(problems, []);
  const a = articles[0];
  assert.equal(a.title, 'Talks enter third day');
  assert.equal(a.outlet, 'Meridian Press');
  assert.equal(a.url, 'https://example.org/news/geneva-talks');
  assert.deepEqual([a.published, a.publishedBasis], ['2026-03-14T09:30:00Z', 'metadata']);
  assert.deepEqual(a.authors, ['Sara K. Lind', 'Omar Haddad']);
  assert.doesNotMatch(a.text, /---|outlet:|Talks enter third day/);
  assert.match(a.text, /^Negotiators from Kestria/);
});

test('front matter authors as a YAML list, a date without time, other key names', () => {
  const r = readFrontMatter('---\nHeadline: A deal\nSource: Daily Clarion\nDate: 2026-03-14\nauthor:\n  - Ana Ruiz\n  - J. R. Miller\n---\nBody.\n')!;
  assert.deepEqual(r.meta, { title: 'A deal', outlet: 'Daily Clarion', url: null, published: '2026-03-14', authors: ['Ana Ruiz', 'J. R. Miller'] });
  assert.equal(r.body, 'Body.\n');
});

test('bad front matter is reported, not silently used or dropped into the text', async () => {
  const { articles, problems } = await one('bad.txt', `---\npublished: next Tuesday\nurl: javascript:alert(1)\n---\n${BODY}\n`);
  assert.equal(articles.length, 1);
  assert.equal(articles[0].published, null);
  assert.equal(articles[0].url, null);
  assert.equal(problems.length, 2);
  assert.ok(problems.every((p) => p.source.endsWith('bad.txt')));
  assert.match(problems[0].message, /not an ISO 8601 date/);
  assert.match(problems[1].message, /not an http\(s\) address/);
  const broken = readFrontMatter('---\ntitle: [unclosed\n---\nBody.\n')!;
  assert.match(broken.problems[0], /could not be read/);
  // A rule at the top of an article with no closing line is no front matter.
  assert.equal(readFrontMatter('---\nJust an article that opens with a rule.\n'), null);
});

test('several authors with middle initials, in capitals or not', async () => {
  const { articles } = await one('lind.txt', `Talks enter a third day in Geneva\nBy SARAH K. LINDQVIST, OMAR HADDAD AND J. R. MILLER\n\n${BODY}\n`);
  assert.deepEqual(articles[0].authors, ['Sarah K. Lindqvist', 'Omar Haddad', 'J. R. Miller']);
  const two = await one('two.txt', `Talks enter a third day in Geneva\nBy Mark T. Landis and David E. Sandor\n\n${BODY}\n`);
  assert.deepEqual(two.articles[0].authors, ['Mark T. Landis', 'David E. Sandor']);
});

test('a known outlet named by a line of its own, a byline, a dateline credit or the address', async () => {
  const line = await one('a.txt', `CNN\nTalks enter a third day in Geneva\nBy Elise Marr\n\n${BODY}\n`);
  assert.equal(line.articles[0].outlet, 'CNN');
  const byline = await one('b.txt', `Talks enter a third day in Geneva\nBy Elise Marr, The Associated Press\n\n${BODY}\n`);
  assert.equal(byline.articles[0].outlet, 'Associated Press');
  const credit = await one('c.txt', `Talks enter a third day in Geneva\n\nGENEVA (Reuters) — ${BODY}\n`);
  assert.equal(credit.articles[0].outlet, 'Reuters');
  assert.equal(outletForUrl('https://www.theguardian.com/world/2026/mar/14/talks'), 'The Guardian');
  assert.equal(outletForUrl('https://edition.cnn.com/2026/03/14/politics/talks'), 'CNN');
  assert.equal(outletForUrl('https://example.org/talks'), null);
  assert.equal(knownOutlet('the Associated Press'), 'Associated Press');
  assert.equal(knownOutlet('Geneva'), null);
  // An outlet the body only cites is a source, not the publisher.
  const cited = Array.from({ length: 20 }, (_, i) => (i === 10 ? 'Reuters' : `Paragraph ${i} of the article about the talks.`));
  assert.equal(outletNamedIn(cited), null);
});

test('an article with no outlet is labelled by its file name, not by its title', async () => {
  const { buildStory } = await import('../../src/compare/story.js');
  const { articles } = await one('kestria-talks-day3.txt', `Talks enter a third day in Geneva\n\n${BODY}\n`);
  assert.equal(articles[0].outlet, null);
  const story = buildStory({ schema: 'parley/brief@1', articles, problems: [] });
  assert.equal(story.labels.get('kestria-talks-day3'), 'kestria-talks-day3');
});
