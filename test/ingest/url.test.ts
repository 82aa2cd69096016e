// Fetching URLs: default refusal of local hosts, redirects (each hop checked, limited), content
// types, size cap while streaming, timeouts and HTTP errors. All traffic stays on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/index.js';
import { fetchPage, FetchProblem } from '../../src/ingest/fetch.js';
import { ARTICLE_HTML, startServer } from './helpers.js';
import { installFakeNetwork } from './fake-net.js';

// news.example resolves to a public address whose sockets reach the local server; the dead end is
// public too but leads to a loopback address nothing listens on.
const FAKE_PUBLIC = '93.184.215.14';
const FAKE_DEAD_END = '93.184.215.15';
installFakeNetwork({ names: { 'news.example': FAKE_PUBLIC }, route: { [FAKE_PUBLIC]: '127.0.0.1', [FAKE_DEAD_END]: '127.0.0.2' } });

test('by default a URL on 127.0.0.1, localhost or a private range is refused without a request', async () => {
  const server = await startServer((_req, res) => res.end(ARTICLE_HTML));
  try {
    const port = new URL(server.base).port;
    const { articles, problems } = await ingest([`${server.base}/a`, `http://localhost:${port}/b`, 'http://10.1.2.3/c', 'http://[::1]:9/d', 'http://169.254.169.254/latest/meta-data']);
    assert.equal(articles.length, 0);
    assert.equal(problems.length, 5);
    for (const p of problems) assert.match(p.message, /refused to fetch: .*(loopback|private|link-local).*rerun with --allow-private-hosts/);
    assert.deepEqual(server.requests, []);
  } finally {
    await server.close();
  }
});

test('redirects are followed by hand up to the limit', async () => {
  const server = await startServer((req, res) => {
    const n = Number(/^\/hop\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN);
    if (n > 0) {
      res.writeHead(302, { location: `/hop/${n - 1}` });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(ARTICLE_HTML);
    }
  });
  try {
    const ok = await fetchPage(`${server.base}/hop/3`, { allowPrivateHosts: true, maxBytes: 1e6, timeoutMs: 5000 });
    assert.equal(ok.url, `${server.base}/hop/0`);
    assert.equal(ok.contentType, 'html');
    await assert.rejects(fetchPage(`${server.base}/hop/9`, { allowPrivateHosts: true, maxBytes: 1e6, timeoutMs: 5000, maxRedirects: 5 }), /gave up after 5 redirects/);
  } finally {
    await server.close();
  }
});

test('every redirect hop is checked against the host policy', async () => {
  const server = await startServer((req, res) => {
    const to = /^\/start\/(.*)$/.exec(req.url ?? '')?.[1];
    if (to !== undefined) {
      res.writeHead(301, { location: `http://${decodeURIComponent(to)}:${port}/inside` });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(ARTICLE_HTML);
    }
  });
  const port = new URL(server.base).port;
  try {
    // The first hop is a public-looking name (the fake network carries it to the local server);
    // the second names loopback in one spelling or another and must be refused before a request.
    for (const target of ['localhost', '127.0.0.1', '127.1', '2130706433', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::1]', '[64:ff9b::7f00:1]', '[::7f00:1]']) {
      server.requests.length = 0;
      await assert.rejects(
        fetchPage(`http://news.example:${port}/start/${encodeURIComponent(target)}`, { allowPrivateHosts: false, maxBytes: 1e6, timeoutMs: 5000 }),
        /refused to fetch: .*(loopback|this machine)/,
        target,
      );
      assert.deepEqual(server.requests, [`/start/${encodeURIComponent(target)}`], target);
    }
    const ok = await fetchPage(`http://news.example:${port}/start/${encodeURIComponent('[::ffff:7f00:1]')}`, { allowPrivateHosts: true, maxBytes: 1e6, timeoutMs: 5000 });
    assert.equal(ok.url, `http://127.0.0.1:${port}/inside`.replace('127.0.0.1', '[::ffff:7f00:1]'));
  } finally {
    await server.close();
  }
});

test('a redirect to another scheme is refused', async () => {
  const server = await startServer((_req, res) => {
    res.writeHead(302, { location: 'file:///etc/passwd' });
    res.end();
  });
  try {
    const { problems } = await ingest([`${server.base}/x`], { allowPrivateHosts: true });
    assert.match(problems[0].message, /redirected to uses file; Parley fetches only http and https/);
  } finally {
    await server.close();
  }
});

test('only HTML and plain text are accepted', async () => {
  const server = await startServer((req, res) => {
    const type = req.url === '/pdf' ? 'application/pdf' : req.url === '/json' ? 'application/json' : 'image/png';
    res.writeHead(200, { 'content-type': type });
    res.end('%PDF-1.4');
  });
  try {
    const { articles, problems } = await ingest([`${server.base}/pdf`, `${server.base}/json`, `${server.base}/png`], { allowPrivateHosts: true });
    assert.equal(articles.length, 0);
    assert.deepEqual(
      problems.map((p) => /is (application\/pdf|application\/json|image\/png), not HTML or plain text/.test(p.message)),
      [true, true, true],
    );
    // Each says what to pass instead, fitted to what was served.
    assert.match(problems[0].message, /convert it to text .*pass the \.txt/);
    assert.match(problems[1].message, /pass the URL of one article page, not a feed/);
    assert.match(problems[2].message, /pass the URL of the article page that shows this image, not the image itself/);
  } finally {
    await server.close();
  }
});

test('the size cap holds while streaming, with or without a Content-Length', async () => {
  let sent = 0;
  const server = await startServer((req, res) => {
    if (req.url === '/declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50_000_000) });
      res.end();
      return;
    }
    // A 50 MB page streamed in chunks; the loop is bounded and stops when the client goes away.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const push = () => {
      while (sent < 50_000_000 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      res.end();
    };
    res.on('close', () => (sent = Math.max(sent, 0)));
    push();
  });
  try {
    const { problems } = await ingest([`${server.base}/declared`, `${server.base}/stream`], { allowPrivateHosts: true, maxBytes: 1_000_000 });
    assert.match(problems[0].message, /is 50\.0 MB, over the 1\.0 MB limit/);
    assert.match(problems[1].message, /is more than 1\.0 MB, over the 1\.0 MB limit/);
    // The advice names the flag, with a limit that would let the declared page through.
    assert.match(problems[0].message, /rerun with --max-bytes 50000000\b/);
    assert.match(problems[1].message, /rerun with --max-bytes \d+/);
    assert.ok(sent < 50_000_000, 'the download was stopped early');
  } finally {
    await server.close();
  }
});

test('a server that does not answer in time', async () => {
  const server = await startServer(() => {
    /* never answers */
  });
  try {
    const { problems } = await ingest([`${server.base}/slow`], { allowPrivateHosts: true, timeoutMs: 300 });
    assert.match(problems[0].message, /timed out after 300 ms; try again later, rerun with --timeout 1 \(seconds\)/);
  } finally {
    await server.close();
  }
});

test('HTTP errors and unreachable hosts become problems', async () => {
  const server = await startServer((_req, res) => {
    res.writeHead(404, 'Not Found');
    res.end('gone');
  });
  const closedPort = await startServer(() => undefined);
  const deadUrl = `${closedPort.base}/x`;
  await closedPort.close();
  try {
    const { problems } = await ingest([`${server.base}/missing`, deadUrl, 'https://'], { allowPrivateHosts: true, timeoutMs: 2000 });
    assert.match(problems[0].message, /answered 404 Not Found/);
    assert.match(problems[1].message, /could not connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    assert.match(problems[2].message, /not a valid URL/);
  } finally {
    await server.close();
  }
});

test('FetchProblem is what fetchPage throws for a refused host', async () => {
  await assert.rejects(fetchPage('http://127.0.0.1:1/', { allowPrivateHosts: false, maxBytes: 1e6, timeoutMs: 1000 }), FetchProblem);
});

test('DNS rebinding: each hop is resolved once and the connection goes to the checked address', async () => {
  const hosts: string[] = [];
  const server = await startServer((req, res) => {
    hosts.push(req.headers.host ?? '');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(ARTICLE_HTML);
  });
  const port = new URL(server.base).port;
  // A rebinding resolver: the first answer is the one that was checked, later ones point elsewhere.
  const rebinding = (first: string, later: string) => {
    const calls: string[] = [];
    const resolve = async (host: string) => {
      calls.push(host);
      return [{ address: calls.length === 1 ? first : later, family: 4 }];
    };
    return { calls, resolve };
  };
  try {
    // A public first answer passes the policy; the page is read from it (the fake network carries
    // it to the local server), never from the private address a second lookup would give.
    const a = rebinding(FAKE_PUBLIC, '10.255.255.1');
    const page = await fetchPage(`http://news.example:${port}/story`, { allowPrivateHosts: false, maxBytes: 1e6, timeoutMs: 3000, resolve: a.resolve });
    assert.equal(page.contentType, 'html');
    assert.deepEqual(a.calls, ['news.example']);
    assert.deepEqual(hosts, [`news.example:${port}`]);
    // A public first answer that leads nowhere: the later loopback answer is never used, so the
    // local server is not reached.
    const b = rebinding(FAKE_DEAD_END, '127.0.0.1');
    await assert.rejects(
      fetchPage(`http://news.example:${port}/story`, { allowPrivateHosts: false, maxBytes: 1e6, timeoutMs: 1000, resolve: b.resolve }),
      FetchProblem,
    );
    assert.deepEqual(b.calls, ['news.example']);
    assert.equal(hosts.length, 1, 'the rebound private address was reached');
    // And a private first answer is refused without a connection.
    const c = rebinding('127.0.0.1', '127.0.0.1');
    await assert.rejects(
      fetchPage(`http://news.example:${port}/story`, { allowPrivateHosts: false, maxBytes: 1e6, timeoutMs: 500, resolve: c.resolve }),
      /refused to fetch: news\.example resolves to 127\.0\.0\.1, not a public address \(loopback\)/,
    );
    assert.equal(hosts.length, 1);
  } finally {
    await server.close();
  }
});

test('a gzip-encoded page is decoded, and the size cap counts the decoded bytes', async () => {
  const { gzipSync } = await import('node:zlib');
  const server = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(gzipSync(req.url === '/bomb' ? Buffer.alloc(5_000_000, 0x20) : Buffer.from(ARTICLE_HTML)));
  });
  try {
    const ok = await fetchPage(`${server.base}/page`, { allowPrivateHosts: true, maxBytes: 1e6, timeoutMs: 3000 });
    assert.equal(ok.text, ARTICLE_HTML);
    await assert.rejects(fetchPage(`${server.base}/bomb`, { allowPrivateHosts: true, maxBytes: 1e6, timeoutMs: 3000 }), /is more than 1\.0 MB, over the 1\.0 MB limit/);
  } finally {
    await server.close();
  }
});
