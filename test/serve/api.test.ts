// The JSON API over real HTTP (the workspace in this process, its worker in a thread): request
// validation and JSON errors, the OpenAPI document, the Host/Origin/token guard, security
// headers, concurrent additions, the event stream and the exports.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorkspace, type Workspace } from '../../src/serve/index.js';
import { articleText, briefCurrent, call } from './helpers.js';

let ws: Workspace;
let base: string;

before(async () => {
  ws = await startWorkspace({ dataDir: mkdtempSync(join(tmpdir(), 'parley-api-')), port: 0, maxBytes: 200_000 });
  base = ws.origin;
});
after(async () => {
  await ws.close();
});

async function story(name = 'Orsava talks'): Promise<number> {
  const r = await call(base, 'POST', '/api/stories', { name });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

test('bad requests get a JSON error with a message and the right status', async () => {
  const id = await story();
  const cases: [string, string, unknown, number, RegExp, Record<string, string>?][] = [
    ['POST', '/api/stories', {}, 400, /invalid request body: name: /],
    ['POST', '/api/stories', { name: '   ' }, 400, /name: must not be empty/],
    ['POST', '/api/stories', { name: 'x', colour: 'red' }, 400, /unknown field "colour"/],
    ['POST', '/api/stories', '{"name":', 400, /not valid JSON/],
    ['POST', '/api/stories', 'name=x', 415, /application\/json/, { 'content-type': 'application/x-www-form-urlencoded' }],
    ['POST', '/api/stories', undefined, 400, /no body/],
    ['PUT', '/api/stories', { name: 'x' }, 405, /PUT is not allowed/],
    ['GET', '/api/stories/abc', undefined, 404, /storyId "abc" does not exist/],
    ['GET', '/api/stories/99999', undefined, 404, /no story 99999/],
    ['GET', '/api/nowhere', undefined, 404, /openapi\.json/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'fax' }, 400, /kind: must be one of "url", "text" or "file"/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'url', url: 'file:///etc/passwd' }, 400, /url: must be an http or https address/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'url', url: 'not a url' }, 400, /url: must be an http or https address/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'text', text: ' ' }, 400, /text: must not be empty/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'text', text: 'x', published: '14/03/2026' }, 400, /published: /],
    ['POST', `/api/stories/${id}/articles`, { kind: 'file', name: 'x.exe', contentBase64: 'AAAA' }, 400, /name: must end in \.html, \.htm or \.txt/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'file', name: 'x.txt', contentBase64: '!!not base64!!' }, 400, /contentBase64: must be base64/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'file', name: 'x.txt', contentBase64: '' }, 400, /the file is empty/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'text', text: 'x'.repeat(200_001) }, 413, /over the 200000-byte limit/],
    ['POST', `/api/stories/${id}/articles`, { kind: 'text', text: 'x'.repeat(400_000) }, 413, /over the \d+-byte limit.*--max-bytes/],
    ['POST', '/api/stories', { name: 'x'.repeat(100_000) }, 413, /over the 65536-byte limit/],
    ['DELETE', `/api/stories/${id}/articles/12345`, undefined, 404, /has no article 12345/],
    ['GET', `/api/stories/${id}/export/brief.pdf`, undefined, 404, /exports: brief\.json/],
    ['GET', `/api/stories/${id}/export/brief.json`, undefined, 409, /no brief yet/],
  ];
  for (const [method, path, body, status, message, headers] of cases) {
    const r = await call(base, method, path, body, headers);
    assert.equal(r.status, status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}: ${r.text.slice(0, 200)}`);
    assert.match(String(r.headers['content-type']), /^application\/json/);
    assert.equal(typeof r.json?.error, 'string', r.text);
    assert.match(r.json.error, message);
  }
  // Nothing invalid was stored.
  assert.equal((await call(base, 'GET', `/api/stories/${id}`)).json.articles.length, 0);
});

test('the OpenAPI document describes every API route, with the schemas the routes validate with', async () => {
  const r = await call(base, 'GET', '/api/openapi.json');
  assert.equal(r.status, 200);
  const doc = r.json;
  assert.equal(doc.openapi, '3.1.0');
  const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, m]) => Object.keys(m).map((k) => `${k.toUpperCase()} ${p}`));
  for (const op of [
    'GET /api/stories',
    'POST /api/stories',
    'GET /api/stories/{storyId}',
    'PATCH /api/stories/{storyId}',
    'DELETE /api/stories/{storyId}',
    'POST /api/stories/{storyId}/articles',
    'GET /api/stories/{storyId}/articles/{articleId}',
    'DELETE /api/stories/{storyId}/articles/{articleId}',
    'POST /api/stories/{storyId}/analyse',
    'GET /api/stories/{storyId}/events',
    'GET /api/stories/{storyId}/export/{file}',
    'GET /api/openapi.json',
  ]) {
    assert.ok(ops.includes(op), `${op} is documented`);
  }
  assert.ok(!ops.some((op) => !op.includes('/api/')), 'pages are not part of the API document');
  // Every reference resolves, and the article body is the union of its three kinds.
  const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
  for (const ref of new Set(refs)) assert.ok(doc.components.schemas[JSON.parse(ref).split('/').pop()], `${ref} resolves`);
  const add = doc.components.schemas.AddArticle;
  assert.deepEqual(
    add.oneOf.map((s: { $ref: string }) => s.$ref),
    ['#/components/schemas/AddUrl', '#/components/schemas/AddText', '#/components/schemas/AddFile'],
  );
  assert.equal(doc.paths['/api/stories/{storyId}/articles'].post.requestBody.content['application/json'].schema.$ref, '#/components/schemas/AddArticle');
  assert.equal(doc.components.schemas.CreateStory.properties.name.maxLength, 200, 'limits come from the same schema');
  assert.equal(doc.components.schemas.AddText.additionalProperties, false);
  assert.deepEqual(doc.paths['/api/stories/{storyId}/export/{file}'].get.parameters[1].schema.enum, [
    'brief.json',
    'brief.md',
    'brief.html',
    'quotes.csv',
    'positions.csv',
    'conditions.csv',
    'discrepancies.csv',
  ]);
});

test('without a token: only loopback Host names; changes only from the same origin', async () => {
  const port = new URL(base).port;
  const rebound = await call(base, 'GET', '/api/stories', undefined, { host: `attacker.example:${port}` });
  assert.equal(rebound.status, 403);
  assert.match(rebound.json.error, /answers only at http:\/\/127\.0\.0\.1/);
  assert.equal((await call(base, 'GET', '/', undefined, { host: `attacker.example:${port}` })).status, 403);
  assert.equal((await call(base, 'GET', '/api/stories', undefined, { host: `localhost:${port}` })).status, 200);

  const cross = await call(base, 'POST', '/api/stories', { name: 'x' }, { origin: 'https://attacker.example' });
  assert.equal(cross.status, 403);
  assert.match(cross.json.error, /from https:\/\/attacker\.example may not change/);
  assert.equal((await call(base, 'POST', '/api/stories', { name: 'x' }, { 'sec-fetch-site': 'cross-site' })).status, 403);
  assert.equal((await call(base, 'DELETE', '/api/stories/1', undefined, { origin: 'null' })).status, 403);
  assert.equal((await call(base, 'POST', '/api/stories', { name: 'same origin' }, { origin: base })).status, 201);
  assert.equal((await call(base, 'POST', '/api/stories', { name: 'no browser' })).status, 201, 'curl and scripts send no Origin');
});

test('pages and answers carry the security headers; names are escaped on the pages', async () => {
  const id = await story('<script>alert("x")</script> & "talks"');
  const list = await call(base, 'GET', '/');
  const page = await call(base, 'GET', `/stories/${id}`);
  for (const r of [list, page]) {
    assert.equal(r.status, 200);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|http:|https:/);
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.doesNotMatch(r.text, /<script>alert/);
    assert.match(r.text, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &quot;talks&quot;/);
    // The only script is the workspace's own file.
    assert.deepEqual(r.text.match(/<script[^>]*>/g), ['<script src="/static/app.js">']);
  }
  const api = await call(base, 'GET', '/api/stories');
  assert.equal(api.headers['x-content-type-options'], 'nosniff');
  assert.equal(api.headers['cache-control'], 'no-store');
  assert.equal(api.headers['access-control-allow-origin'], undefined, 'no CORS');
});

test('two tabs adding at once: every article lands and the brief ends up with all of them', async () => {
  const id = await story('Concurrent');
  const adds = await Promise.all(Array.from({ length: 8 }, (_, n) => call(base, 'POST', `/api/stories/${id}/articles`, { kind: 'text', text: articleText(n) }, { origin: base })));
  assert.deepEqual(
    adds.map((r) => r.status),
    adds.map(() => 202),
  );
  assert.equal(new Set(adds.map((r) => r.json.article.id)).size, 8);
  const done = await briefCurrent(base, id);
  assert.equal(done.articles.length, 8);
  assert.ok(done.articles.every((a: { state: string }) => a.state === 'ready'));
  const brief = (await call(base, 'GET', `/api/stories/${id}/export/brief.json`)).json;
  assert.deepEqual(brief.articles.map((a: { outlet: string }) => a.outlet).sort(), Array.from({ length: 8 }, (_, n) => `Outlet ${n}`).sort());
  assert.equal(done.story.revision, 8);
  assert.equal(done.story.briefRevision, 8);
});

/** Events from the stream until `until` says stop. */
function events(url: string, until: (seen: { event: string; data: any }[]) => boolean, timeoutMs = 60_000): Promise<{ event: string; data: any }[]> {
  return new Promise((done, fail) => {
    const seen: { event: string; data: any }[] = [];
    const req = get(url, (res) => {
      assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
      let buffer = '';
      res.on('data', (c: Buffer) => {
        buffer += c.toString('utf8');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) seen.push({ event, data: JSON.parse(data) });
        }
        if (until(seen)) {
          clearTimeout(timer);
          req.destroy();
          done(seen);
        }
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail(new Error(`events: timed out; saw ${JSON.stringify(seen.map((s) => s.event))}`));
    }, timeoutMs);
    req.on('error', () => undefined);
  });
}

test('the event stream gives the state, progress while the brief is made, and the new revision', async () => {
  const id = await story('Events');
  const stream = events(`${base}/api/stories/${id}/events`, (seen) => seen.some((e) => e.event === 'state' && e.data.briefRevision === 1 && e.data.status === 'current'));
  await new Promise((r) => setTimeout(r, 200));
  await call(base, 'POST', `/api/stories/${id}/articles`, { kind: 'text', text: articleText(1) });
  const seen = await stream;
  assert.equal(seen[0].event, 'state');
  assert.equal(seen[0].data.status, 'empty');
  const phases = seen.filter((e) => e.event === 'progress').map((e) => e.data.progress?.phase);
  for (const phase of ['reading', 'analysing', 'combining']) assert.ok(phases.includes(phase), `progress "${phase}" in ${phases}`);
  assert.match(seen.find((e) => e.event === 'progress')!.data.message, /^Updating the brief/);
  assert.match(seen.at(-1)!.data.message, /^Brief up to date · 1 article$/);
});

test('exports: brief.json, .md, .html (sandboxed) and the four CSV files, as attachments', async () => {
  const id = await story('Exports');
  for (const n of [1, 2]) await call(base, 'POST', `/api/stories/${id}/articles`, { kind: 'text', text: articleText(n) });
  await briefCurrent(base, id);
  const types: Record<string, RegExp> = {
    'brief.json': /^application\/json/,
    'brief.md': /^text\/markdown/,
    'brief.html': /^text\/html/,
    'quotes.csv': /^text\/csv/,
    'positions.csv': /^text\/csv/,
    'conditions.csv': /^text\/csv/,
    'discrepancies.csv': /^text\/csv/,
  };
  for (const [file, type] of Object.entries(types)) {
    const r = await call(base, 'GET', `/api/stories/${id}/export/${file}`);
    assert.equal(r.status, 200, file);
    assert.match(String(r.headers['content-type']), type, file);
    assert.equal(r.headers['content-disposition'], `attachment; filename="exports-${file}"`);
    if (file.endsWith('.csv')) assert.match(r.text, /^[a-z_]+(,[a-z_]+)+\r\n/, `${file} starts with its header`);
  }
  const json = (await call(base, 'GET', `/api/stories/${id}/export/brief.json`)).json;
  assert.equal(json.schema, 'parley/brief@1');
  assert.equal(json.articles.length, 2);
  const quotes = (await call(base, 'GET', `/api/stories/${id}/export/quotes.csv`)).text.trim().split('\r\n');
  assert.equal(quotes.length - 1, json.quotes.length, 'one CSV row per quote');
  const html = await call(base, 'GET', `/api/stories/${id}/export/brief.html`);
  assert.match(String(html.headers['content-security-policy']), /script-src 'sha256-[^']+'.*sandbox allow-scripts/);
  const frame = await call(base, 'GET', `/stories/${id}/brief`);
  assert.match(String(frame.headers['content-security-policy']), /frame-ancestors 'self'; sandbox allow-scripts$/);
  assert.equal(frame.headers['x-frame-options'], 'SAMEORIGIN');
});

test('renaming, removing an article and deleting a story', async () => {
  const id = await story('Before');
  const renamed = await call(base, 'PATCH', `/api/stories/${id}`, { name: 'After' });
  assert.equal(renamed.json.name, 'After');
  const a = await call(base, 'POST', `/api/stories/${id}/articles`, { kind: 'text', text: articleText(3) });
  await call(base, 'POST', `/api/stories/${id}/articles`, { kind: 'text', text: articleText(4) });
  await briefCurrent(base, id);
  const one = await call(base, 'GET', `/api/stories/${id}/articles/${a.json.article.id}`);
  assert.match(one.json.text, /round 3 of the talks/);
  assert.equal((await call(base, 'DELETE', `/api/stories/${id}/articles/${a.json.article.id}`)).status, 204);
  await briefCurrent(base, id);
  const brief = (await call(base, 'GET', `/api/stories/${id}/export/brief.json`)).json;
  assert.deepEqual(
    brief.articles.map((x: { id: string }) => x.id),
    ['outlet-4'],
  );
  assert.equal((await call(base, 'DELETE', `/api/stories/${id}`)).status, 204);
  assert.equal((await call(base, 'GET', `/api/stories/${id}`)).status, 404);
});

test('with a token: every request needs it; the printed address sets it as a cookie', async () => {
  const token = 'a-test-token-of-enough-length';
  const tw = await startWorkspace({ dataDir: mkdtempSync(join(tmpdir(), 'parley-token-')), port: 0, token });
  try {
    const b = tw.origin;
    assert.equal(tw.url, `${b}/?token=${token}`);
    for (const path of ['/', '/api/stories', '/static/app.js', '/api/openapi.json']) {
      const r = await call(b, 'GET', path);
      assert.equal(r.status, 401, path);
    }
    assert.match((await call(b, 'GET', '/api/stories')).json.error, /needs its token/);
    assert.equal((await call(b, 'GET', '/api/stories', undefined, { authorization: 'Bearer wrong-token-wrong-token' })).status, 401);
    assert.equal((await call(b, 'GET', '/api/stories', undefined, { authorization: `Bearer ${token}` })).status, 200);
    assert.equal((await call(b, 'GET', '/?token=wrong')).status, 401);
    const login = await call(b, 'GET', `/stories/1?token=${token}`);
    assert.equal(login.status, 303);
    assert.equal(login.headers.location, '/stories/1', 'the token leaves the address bar');
    const cookie = String(login.headers['set-cookie']);
    assert.match(cookie, /^parley_token=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
    const withCookie = await call(b, 'GET', '/api/stories', undefined, { cookie: cookie.split(';')[0] });
    assert.equal(withCookie.status, 200);
    // The token, not the Host name, keeps other sites out: a rebinding page has no token.
    assert.equal((await call(b, 'GET', '/api/stories', undefined, { host: 'attacker.example', authorization: `Bearer ${token}` })).status, 200);
    assert.equal((await call(b, 'GET', '/api/stories', undefined, { host: 'attacker.example' })).status, 401);
  } finally {
    await tw.close();
  }
  await assert.rejects(startWorkspace({ dataDir: mkdtempSync(join(tmpdir(), 'parley-token-')), port: 0, token: 'short' }), /at least 16 characters/);
});

test('listening beyond loopback without --token generates one', async () => {
  const tw = await startWorkspace({ dataDir: mkdtempSync(join(tmpdir(), 'parley-token-')), host: '0.0.0.0', port: 0 });
  try {
    assert.ok(tw.token && tw.token.length >= 30);
    assert.match(tw.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    assert.equal((await call(tw.origin, 'GET', '/api/stories')).status, 401);
    assert.equal((await call(tw.origin, 'GET', '/api/stories', undefined, { authorization: `Bearer ${tw.token}` })).status, 200);
  } finally {
    await tw.close();
  }
});

test('one server per data folder', async () => {
  await assert.rejects(startWorkspace({ dataDir: ws.dataDir, port: 0 }), /another parley serve|is using/);
});
