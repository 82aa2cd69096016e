// URLs that go wrong in every way a web server can, in one batch with one good page, through
// `brief` with a local server (127.0.0.1 only, private hosts allowed for the test, a short
// timeout): the good page is analysed and every other URL becomes a problem naming it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brief } from '../../src/pipeline.js';
import type { Brief } from '../../src/types.js';
import { ACTIONABLE, FIXTURES, integrityViolations } from './helpers.js';

const GOOD_HTML = readFileSync(join(FIXTURES, 'injection.html'));
let server: Server;
let base = '';
let result: Brief;

const ROUTES: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/good/talks-resume-in-orsava': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(GOOD_HTML);
  },
  // Headers sent, then nothing: only the timeout ends it.
  '/hangs': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>Negotiators');
  },
  '/loop': (res) => {
    res.writeHead(302, { location: '/loop' });
    res.end();
  },
  '/missing': (res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<h1>Not found</h1>');
  },
  '/server-error': (res) => {
    res.writeHead(500);
    res.end();
  },
  '/image': (res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  },
  // No content-length: the cap must stop the stream, not the end of it.
  '/endless': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.from('<p>The talks went on and on. </p>'.repeat(2000));
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  },
  // A small gzip body that inflates past the cap.
  '/gzip-bomb': (res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20)));
  },
  '/dropped': (res) => {
    res.socket?.destroy();
  },
  '/empty': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('');
  },
};

before(async () => {
  server = createServer((req, res) => (ROUTES[req.url ?? ''] ?? ROUTES['/missing'])(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  result = await brief(
    Object.keys(ROUTES).map((r) => base + r),
    { allowPrivateHosts: true, timeoutMs: 2000, maxBytes: 2_000_000 },
  );
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('the good page is analysed among failing URLs', () => {
  assert.equal(result.articles.length, 1, JSON.stringify(result.problems, null, 1));
  assert.equal(result.articles[0].source, `${base}/good/talks-resume-in-orsava`);
  assert.ok((result.quotes ?? []).length > 0);
});

const KNOWN: Record<string, string | undefined> = {
};

for (const route of Object.keys(ROUTES).filter((r) => !r.startsWith('/good'))) {
  test(`URL ${route} is a problem naming it, with something to do`, { todo: KNOWN[route] }, () => {
    const found = result.problems.filter((p) => p.source === base + route);
    assert.equal(found.length, 1, `problems: ${JSON.stringify(result.problems, null, 1)}`);
    assert.match(found[0].message, ACTIONABLE, found[0].message);
  });
}

test('print the URL problems (for the record)', () => {
  for (const p of result.problems) console.log(`${p.source.replace(base, '')}: ${p.message}`);
});

test('every span in the URL batch points at its passage', () => {
  assert.deepEqual(integrityViolations(result), []);
});
