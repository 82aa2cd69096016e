// The URL guard through the real command line (a child process running src/cli.ts): a page served
// on 127.0.0.1, asked for by every spelling of loopback the URL parser accepts, by private,
// link-local, mapped and NAT64 addresses, and by redirects from a public-looking name. Without
// --allow-private-hosts every one is a problem naming its URL and no article page is requested;
// with the flag every one is fetched.
//
// Addresses no socket here can reach (10.x, 169.254.x, NAT64) and the public-looking name are
// carried to the local server by test/ingest/fake-net.ts, preloaded into the CLI process from
// outside; src/ has no test hook, so the policy under test is the production one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTICLE_HTML } from '../ingest/helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const FAKE_NET = pathToFileURL(join(root, 'test/ingest/fake-net.ts')).href;
const PUBLIC_LOOKING = '93.184.215.14';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function parley(args: string[], env: Record<string, string> = {}, preload = true): Promise<Run> {
  const node = ['--import', 'tsx', ...(preload ? ['--import', FAKE_NET] : []), join(root, 'src/cli.ts')];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...node, ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: '0', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const requests: string[] = [];
const servers: Server[] = [];
let port = 0;
let ipv6Loopback = true;

function handler(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
  requests.push(req.url ?? '');
  const to = /^\/redirect\/([^/]+)\//.exec(req.url ?? '')?.[1];
  if (to) {
    res.writeHead(302, { location: `http://${decodeURIComponent(to)}:${port}/landed${req.url}` });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(ARTICLE_HTML);
}

before(async () => {
  const v4 = createServer(handler);
  await new Promise<void>((resolve) => v4.listen(0, '127.0.0.1', resolve));
  servers.push(v4);
  port = (v4.address() as AddressInfo).port;
  // [::1] and the mapped forms are reached for real when this machine has IPv6 loopback.
  const v6 = createServer(handler);
  ipv6Loopback = await new Promise<boolean>((resolve) => {
    v6.once('error', () => resolve(false));
    v6.listen(port, '::1', () => resolve(true));
  });
  if (ipv6Loopback) servers.push(v6);
});

after(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

/** Every way of writing loopback that the URL parser accepts, and other non-public addresses. */
function directUrls(): string[] {
  const hosts = [
    '127.0.0.1', '127.1', '127.0.1', '2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '0177.1', '127.000.000.001',
    '[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:7f00:1]',
    'localhost', 'LOCALHOST', 'localhost.', 'news.localhost',
    '10.0.0.1', '192.168.1.20', '169.254.169.254', '[::ffff:169.254.169.254]', '[::ffff:a00:1]', '[64:ff9b::7f00:1]', '[fe80::1]',
  ];
  return hosts.map((h, i) => `http://${h}:${port}/direct/${i}`);
}

/** A public-looking name that redirects to a non-public address, in several spellings. */
function redirectUrls(): string[] {
  return ['127.0.0.1', '2130706433', '[::ffff:127.0.0.1]', 'localhost', '169.254.169.254', '[::ffff:a00:1]'].map(
    (to, i) => `http://news.example:${port}/redirect/${encodeURIComponent(to)}/${i}`,
  );
}

/** Where the fake network carries sockets: the public-looking name, and addresses that no
 * interface here has, to the local server. */
function fakeNet(): string {
  const route: Record<string, string> = {
    [PUBLIC_LOOKING]: '127.0.0.1',
    '10.0.0.1': '127.0.0.1',
    '192.168.1.20': '127.0.0.1',
    '169.254.169.254': '127.0.0.1',
    '::ffff:a9fe:a9fe': '127.0.0.1',
    '::ffff:a00:1': '127.0.0.1',
    '64:ff9b::7f00:1': '127.0.0.1',
    'fe80::1': '127.0.0.1',
  };
  if (!ipv6Loopback) Object.assign(route, { '::1': '127.0.0.1', '::ffff:7f00:1': '127.0.0.1' });
  // Resolvers differ on "localhost." and names under .localhost; without the flag they are
  // refused before any lookup, with it they should reach this machine.
  const names = { 'news.example': PUBLIC_LOOKING, 'localhost.': '127.0.0.1', 'news.localhost': '127.0.0.1' };
  return JSON.stringify({ names, route });
}

test('without --allow-private-hosts every spelling of a local address, direct or by redirect, is refused', async () => {
  const urls = [...directUrls(), ...redirectUrls()];
  requests.length = 0;
  const r = await parley(['brief', ...urls, '--json', '--timeout', '5'], { PARLEY_FAKE_NET: fakeNet() });
  assert.equal(r.code, 1, r.stderr);
  const brief = JSON.parse(r.stdout);
  assert.equal(brief.articles.length, 0);
  for (const url of urls) {
    const found = brief.problems.filter((p: { source: string }) => p.source === url);
    assert.equal(found.length, 1, `${url}: ${JSON.stringify(brief.problems, null, 1)}`);
    assert.match(found[0].message, /^refused to fetch: .*rerun with --allow-private-hosts/, url);
    assert.ok(r.stderr.includes(url), `stderr names ${url}`);
  }
  // Only the public-looking first hops were requested; no page behind a refused address was.
  assert.deepEqual(requests.filter((u) => !u.startsWith('/redirect/')), []);
  assert.equal(requests.length, redirectUrls().length);
});

test('with --allow-private-hosts the same URLs are fetched and analysed', async () => {
  const urls = [...directUrls(), ...redirectUrls()];
  requests.length = 0;
  const r = await parley(['brief', ...urls, '--json', '--timeout', '5', '--allow-private-hosts'], { PARLEY_FAKE_NET: fakeNet() });
  assert.equal(r.code, 0, r.stderr);
  const brief = JSON.parse(r.stdout);
  assert.deepEqual(brief.problems, []);
  assert.equal(brief.articles.length, urls.length);
  for (let i = 0; i < directUrls().length; i++) assert.ok(requests.includes(`/direct/${i}`), `direct ${i} fetched`);
  for (const url of redirectUrls()) assert.ok(requests.includes(`/landed${new URL(url).pathname}`), `${url} followed`);
});

test("the maintainers' probe: http://[::ffff:127.0.0.1]:PORT/ alone is a problem and exit 1 (no preload)", async () => {
  requests.length = 0;
  const url = `http://[::ffff:127.0.0.1]:${port}/`;
  const r = await parley(['brief', url, '--json'], {}, false);
  assert.equal(r.code, 1, r.stderr);
  const brief = JSON.parse(r.stdout);
  assert.equal(brief.articles.length, 0);
  assert.equal(brief.problems.length, 1);
  assert.equal(brief.problems[0].source, url);
  assert.match(brief.problems[0].message, /refused to fetch: ::ffff:7f00:1 is not a public address \(loopback, IPv4-mapped 127\.0\.0\.1\)/);
  assert.match(r.stderr, /no article could be analysed/);
  assert.deepEqual(requests, []);
});
