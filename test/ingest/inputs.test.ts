// Each input kind: text file, HTML file, directory, standard input, URL; ids and their uniqueness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ingest } from '../../src/ingest/index.js';
import { ARTICLE_HTML, startServer, tempDir } from './helpers.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const COPY = readFileSync(join(fixtures, 'courier-copy.txt'), 'utf8');

test('a plain-text file becomes an article with the file name as id', async () => {
  const { articles, problems } = await ingest([join(fixtures, 'courier-copy.txt')]);
  assert.deepEqual(problems, []);
  assert.equal(articles.length, 1);
  const a = articles[0];
  assert.equal(a.id, 'courier-copy');
  assert.equal(a.source, join(fixtures, 'courier-copy.txt'));
  assert.equal(a.language, 'en');
  assert.equal(a.kind, null);
  assert.equal(a.publishedBasis, 'dateline');
  assert.match(a.text, /^Negotiators met for six hours/);
  assert.doesNotMatch(a.text, /Sign up|Comments|Facebook/);
});

test('an HTML file: body with paragraph breaks, metadata, scripts not run', async () => {
  const dir = tempDir();
  const path = join(dir, 'envoys.html');
  writeFileSync(path, ARTICLE_HTML);
  const { articles, problems } = await ingest([path]);
  assert.deepEqual(problems, []);
  const a = articles[0];
  assert.equal(a.id, 'envoys');
  assert.equal(a.title, 'Envoys trade proposals in Lisvaro');
  assert.equal(a.outlet, 'The Harbour Courier');
  assert.deepEqual(a.authors, ['Marta Kovalenko']);
  assert.equal(a.published, '2025-06-03T09:15:00+02:00');
  assert.equal(a.publishedBasis, 'metadata');
  assert.equal(a.url, 'https://courier.example/world/2025/06/03/envoys-trade-proposals-lisvaro');
  assert.equal(a.language, 'en');
  const paragraphs = a.text.split('\n\n');
  assert.ok(paragraphs.includes('A text on the table'), 'subheading is its own paragraph');
  assert.ok(paragraphs.some((p) => p.startsWith('Negotiators from Dravenia')));
  assert.doesNotMatch(a.text, /executed|tracker|Photo: Ana Duarte|Home World/);
});

test('a directory is read recursively, sorted, article extensions only', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'b-sub'));
  writeFileSync(join(dir, 'c.txt'), COPY);
  writeFileSync(join(dir, 'a.htm'), ARTICLE_HTML);
  writeFileSync(join(dir, 'b-sub', 'nested.txt'), COPY);
  writeFileSync(join(dir, 'notes.md'), '# not an article');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  writeFileSync(join(dir, '.hidden.txt'), COPY);
  const { articles, problems } = await ingest([dir]);
  assert.deepEqual(problems, []);
  assert.deepEqual(articles.map((a) => a.id), ['a', 'nested', 'c']);
});

test('an empty directory is a problem, not a crash', async () => {
  const dir = tempDir();
  const { articles, problems } = await ingest([dir]);
  assert.equal(articles.length, 0);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /no \.txt, \.html or \.htm files/);
});

test('"-" reads standard input; its id is "stdin"; HTML on stdin is recognised', async () => {
  const text = await ingest(['-'], { stdin: Readable.from([Buffer.from(COPY)]) });
  assert.equal(text.articles[0].id, 'stdin');
  assert.equal(text.articles[0].source, '-');
  assert.equal(text.articles[0].title, 'Ceasefire talks resume in Lisvaro as envoys trade new proposals');
  const html = await ingest(['-'], { stdin: Readable.from([ARTICLE_HTML]) });
  assert.equal(html.articles[0].outlet, 'The Harbour Courier');
  assert.equal(html.articles[0].publishedBasis, 'metadata');
});

test('ids stay unique: same base name gets -2, -3', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'x'));
  mkdirSync(join(dir, 'y'));
  writeFileSync(join(dir, 'x', 'report.txt'), COPY);
  writeFileSync(join(dir, 'y', 'report.txt'), COPY);
  writeFileSync(join(dir, 'report.html'), ARTICLE_HTML);
  const { articles } = await ingest([join(dir, 'x', 'report.txt'), join(dir, 'y', 'report.txt'), join(dir, 'report.html')]);
  assert.deepEqual(articles.map((a) => a.id), ['report', 'report-2', 'report-3']);
});

test('a URL is fetched (private hosts allowed for local use) and ingested like an HTML file', async () => {
  const server = await startServer((req, res) => {
    if (req.url === '/world/2025/06/03/envoys-trade-proposals-lisvaro.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ARTICLE_HTML);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  try {
    const url = `${server.base}/world/2025/06/03/envoys-trade-proposals-lisvaro.html`;
    const { articles, problems } = await ingest([url], { allowPrivateHosts: true });
    assert.deepEqual(problems, []);
    const a = articles[0];
    assert.equal(a.id, 'envoys-trade-proposals-lisvaro');
    assert.equal(a.source, url);
    assert.equal(a.outlet, 'The Harbour Courier');
    assert.match(a.text, /Negotiators from Dravenia/);
    // Only the page itself was requested: no script, stylesheet or image of the article.
    assert.deepEqual(server.requests, ['/world/2025/06/03/envoys-trade-proposals-lisvaro.html']);
  } finally {
    await server.close();
  }
});

test('a plain-text URL is read as a page copy', async () => {
  const server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(COPY);
  });
  try {
    const { articles } = await ingest([`${server.base}/copy`], { allowPrivateHosts: true });
    assert.equal(articles[0].published, '2025-06-03T09:15+02:00');
    assert.equal(articles[0].id, 'copy');
  } finally {
    await server.close();
  }
});

test('progress is reported per input', async () => {
  const calls: [number, number, string][] = [];
  await ingest([join(fixtures, 'courier-copy.txt'), join(fixtures, 'undated-copy.txt')], {
    onProgress: (done, total, phase) => calls.push([done, total, phase]),
  });
  assert.deepEqual(calls, [
    [0, 2, 'reading'],
    [1, 2, 'reading'],
    [2, 2, 'reading'],
  ]);
});
