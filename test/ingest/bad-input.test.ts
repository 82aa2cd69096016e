// Bad inputs never stop the batch: each becomes a problem naming the input and what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, symlinkSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ingest } from '../../src/ingest/index.js';
import { ARTICLE_HTML, tempDir } from './helpers.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const good = join(fixtures, 'courier-copy.txt');

async function one(path: string, options = {}) {
  const { articles, problems } = await ingest([path, good], options);
  // The good article after the bad input is still there.
  assert.equal(articles.at(-1)?.id, 'courier-copy');
  return { articles: articles.slice(0, -1), problems };
}

test('a missing file', async () => {
  const { articles, problems } = await one('/nonexistent/parley/report.txt');
  assert.equal(articles.length, 0);
  assert.equal(problems[0].source, '/nonexistent/parley/report.txt');
  assert.match(problems[0].message, /^no such file or directory; check the path/);
});

test('an unreadable path (a dangling link, a path through a file)', async () => {
  const dir = tempDir();
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'link.txt'));
  writeFileSync(join(dir, 'file.txt'), 'x');
  for (const path of [join(dir, 'link.txt'), join(dir, 'file.txt', 'inner.txt')]) {
    const { articles, problems } = await one(path);
    assert.equal(articles.length, 0);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /check the path/);
  }
});

test('binary files: a PDF, an image, random bytes', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'report.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)]));
  writeFileSync(join(dir, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]));
  writeFileSync(join(dir, 'blob.html'), Buffer.from([1, 2, 3, 0, 0, 0, 250, 251, 1, 2]));
  const { problems } = await ingest([join(dir, 'report.pdf'), join(dir, 'photo.txt'), join(dir, 'blob.html')]);
  assert.equal(problems.length, 3);
  assert.match(problems[0].message, /PDF.*pdftotext/);
  assert.match(problems[1].message, /JPEG image/);
  assert.match(problems[2].message, /binary file/);
});

test('an empty file and a whitespace-only file', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.html'), '  \n\n  ');
  const { articles, problems } = await ingest([join(dir, 'empty.txt'), join(dir, 'blank.html')]);
  assert.equal(articles.length, 0);
  assert.deepEqual(problems.map((p) => /is empty/.test(p.message)), [true, true]);
});

test('an empty HTML page and a page with no article body', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'shell.html'), '<!doctype html><html><head><title>Loading…</title></head><body><div id="app"></div><script src="app.js"></script></body></html>');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><body><nav>${['World', 'Politics', 'Business', 'Sport', 'Opinion'].map((s) => `<a href="/${s}">${s}</a>`).join(' ')}</nav>
     <ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/s${i}">Story headline number ${i}</a></li>`).join('')}</ul>
     <footer>© 2025 The Courier</footer></body></html>`,
  );
  const { articles, problems } = await ingest([join(dir, 'shell.html'), join(dir, 'index.html')]);
  assert.equal(articles.length, 0);
  assert.equal(problems.length, 2);
  for (const p of problems) assert.match(p.message, /no article body found.*save the article page itself/);
});

test('a non-English article is ingested, its language reported, and a problem noted', async () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'bericht.txt'),
    'Waffenstillstandsgespräche in Lisvaro wieder aufgenommen\n\nVon Anna Berger\n\nDie Unterhändler aus Dravenien und der Ostmark-Föderation haben am Dienstag nach vierwöchiger Pause ihre Gespräche über einen Waffenstillstand wieder aufgenommen.\n\nBeide Seiten tauschten schriftliche Vorschläge über einen Gefangenenaustausch und eine überwachte Pufferzone aus, wie Diplomaten mitteilten.',
  );
  const { articles, problems } = await one(join(dir, 'bericht.txt'));
  assert.equal(articles.length, 1);
  assert.equal(articles[0].language, 'de');
  assert.deepEqual(articles[0].authors, ['Anna Berger']);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /German \(de\).*ingested.*English/);
});

test('an HTML page declaring another language is detected by its text, not only its lang', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'fr.html'), ARTICLE_HTML.replace('<html lang="en">', '<html lang="fr">'));
  const { articles, problems } = await ingest([join(dir, 'fr.html')]);
  assert.equal(articles[0].language, 'en');
  assert.deepEqual(problems, []);
});

test('a file over the size cap is refused before it is read; a 50 MB page too', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'big.txt'), 'word '.repeat(400));
  writeFileSync(join(dir, 'fits.txt'), readFileSync(good, 'utf8').slice(0, 1500));
  const small = await ingest([join(dir, 'big.txt'), join(dir, 'fits.txt')], { maxBytes: 1600 });
  assert.deepEqual(small.articles.map((a) => a.id), ['fits']);
  assert.match(small.problems[0].message, /^is 2000 bytes, over the 1600 bytes limit; pass the article alone .*rerun with --max-bytes 2000 /);
  // 50 MB sparse file: refused by its size, never loaded into memory.
  const huge = join(dir, 'huge.html');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 50_000_000);
  closeSync(fd);
  const before = process.memoryUsage().rss;
  const { problems } = await one(huge);
  assert.match(problems[0].message, /^is 50\.0 MB, over the 10\.0 MB limit/);
  assert.ok(process.memoryUsage().rss - before < 30_000_000, 'the file was not read into memory');
});

test('standard input over the cap is cut off with a problem', async () => {
  const chunks = Array.from({ length: 50 }, () => Buffer.alloc(1000, 97));
  const { articles, problems } = await ingest(['-'], { stdin: Readable.from(chunks), maxBytes: 10_000 });
  assert.equal(articles.length, 0);
  assert.match(problems[0].message, /^is more than 11 KB, over the 10 KB limit/);
});

test('an unknown input kind: a directory name with a typo and a bad URL scheme', async () => {
  const { articles, problems } = await ingest(['ftp://files.example/report.txt', 'file:///etc/passwd']);
  assert.equal(articles.length, 0);
  assert.match(problems[0].message, /only http and https/);
  assert.match(problems[0].message, /download the page .*ftp client.*pass the saved file/);
  assert.match(problems[1].message, /only http and https/);
  assert.match(problems[1].message, /pass the file's path itself \(\/etc\/passwd\)/);
});

test('pathologically nested HTML does not overflow the stack; its text is still read', async () => {
  const dir = tempDir();
  const sentence = 'Negotiators from Dravenia and Ostmark met on Tuesday and agreed to meet again next week, officials said. ';
  writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(5000)}<p>${sentence.repeat(3)}</p>${'</div>'.repeat(5000)}</body></html>`);
  const { articles, problems } = await ingest([join(dir, 'deep.html')]);
  assert.deepEqual(problems, []);
  assert.match(articles[0].text, /^Negotiators from Dravenia/);
});
