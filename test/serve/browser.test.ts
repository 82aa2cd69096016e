// The workspace end to end in a real browser (Debian's chromium driven by playwright-core), with
// `parley serve` as a child process started as documented for tests (--allow-private-hosts, so
// that it may fetch from the local test server): create a story, add three articles three ways,
// watch the brief update by itself, click a quote and land on its passage, export, remove an
// article, and add from two tabs at once. Skips with a message when chromium is not installed
// (CI installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { articleText, call, root, startServe, type Child } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const output = join(root, 'test-output');
const skip = existsSync(CHROMIUM) ? false : `chromium not found at ${CHROMIUM}; install it (apt-get install chromium) to run the workspace's browser test`;

async function articleServer(): Promise<{ server: Server; url: string }> {
  const page = readFileSync(join(root, 'samples', 'northern-ledger-prisoner-deal.html'));
  const server = createServer((req, res) => {
    if (req.url !== '/world/prisoner-deal') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/world/prisoner-deal` };
}

interface Watched {
  page: Page;
  problems: string[];
}

/** A tab that records page errors, console errors, dialogs left unanswered and any request that
 * leaves the workspace. */
async function tab(context: BrowserContext, base: string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`request outside the workspace: ${r.url()}`);
  });
  page.on('dialog', (d) => void d.accept());
  return { page, problems };
}

test('the workspace in chromium: a story, three articles three ways, a live brief, a passage, exports', { skip, timeout: 300_000 }, async () => {
  mkdirSync(output, { recursive: true });
  const { server, url } = await articleServer();
  const data = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  let child: Child | null = null;
  let context: BrowserContext | null = null;
  try {
    child = await startServe(['--data', data, '--port', '0', '--allow-private-hosts']);
    const base = child.base;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    const { page, problems } = await tab(context, base);
    await page.goto(child.url);
    await page.getByLabel('New story').fill('Talvik prisoner talks');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForURL(/\/stories\/\d+$/);
    const storyId = Number(/\/stories\/(\d+)$/.exec(page.url())![1]);
    assert.equal(await page.locator('#story-name').textContent(), 'Talvik prisoner talks');

    // 1. A link, fetched by the server from the local test server.
    await page.locator('#url').fill(url);
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.locator('#message.ok').waitFor();
    // 2. Pasted text with a title, an outlet and a date typed in.
    await page.locator('#paste summary').click();
    await page.locator('#text').fill(readFileSync(join(root, 'samples', 'daily-clarion-swap-deal.txt'), 'utf8'));
    await page.locator('#add-text input[name=outlet]').fill('The Daily Clarion (pasted)');
    await page.locator('#add-text input[name=published]').fill('2026-11-18');
    await page.getByRole('button', { name: 'Add text' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#articles-panel li.article').length === 2);
    // 3. A file upload.
    await page.locator('#upload summary').click();
    await page.locator('#files').setInputFiles(join(root, 'samples', 'meridian-press-prisoner-swap.html'));
    await page.getByRole('button', { name: 'Upload' }).click();

    // The page updates by itself (server-sent events): no reload from the test.
    const frame = page.frameLocator('#brief');
    await page.locator('#status.current').waitFor({ timeout: 180_000 });
    assert.equal(await page.locator('#status').textContent(), 'Brief up to date · 3 articles');
    await frame.locator('#articles tbody tr').nth(2).waitFor();
    assert.equal(await frame.locator('#articles tbody tr').count(), 3);
    assert.equal(await page.locator('#articles-panel li.article.state-ready').count(), 3);
    const brief = (await call(base, 'GET', `/api/stories/${storyId}/export/brief.json`)).json;
    assert.deepEqual(brief.articles.map((a: { source: string }) => a.source), [url, 'pasted text', 'meridian-press-prisoner-swap.html']);
    assert.equal(brief.articles[1].outlet, 'The Daily Clarion (pasted)');
    assert.equal(brief.articles[1].published, '2026-11-18');

    // A quote, clicked in the brief, shows its article with exactly the quoted words highlighted.
    const link = frame.locator('#quotes a.ref.q').first();
    const href = (await link.getAttribute('href'))!;
    const [, a, s, e] = /#a=([^&]*)&s=(\d+)&e=(\d+)/.exec(href)!;
    await link.click();
    await frame.locator('mark#hl').waitFor({ state: 'visible' });
    const article = brief.articles.find((x: { id: string }) => x.id === decodeURIComponent(a));
    assert.equal(await frame.locator('mark#hl').textContent(), article.text.slice(Number(s), Number(e)));
    assert.ok(brief.quotes.some((q: { article: string; start: number; end: number }) => q.article === article.id && q.start === Number(s) && q.end === Number(e)));
    await page.screenshot({ path: join(output, 'workspace-story.png') });

    // Exports download as files.
    for (const [file, starts] of [
      ['quotes.csv', /^id,speaker,speaker_id,/],
      ['brief.json', /^\{\n {2}"schema": "parley\/brief@1"/],
      ['brief.md', /^# /],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.exports a', { hasText: file }).click()]);
      assert.equal(download.suggestedFilename(), `talvik-prisoner-talks-${file}`);
      assert.match(readFileSync((await download.path())!, 'utf8'), starts, file);
    }

    // Two tabs add at once; both land and the brief takes both.
    const second = await tab(context, base);
    await second.page.goto(`${base}/stories/${storyId}`);
    const fill = async (p: Page, n: number) => {
      if ((await p.locator('#paste[open]').count()) === 0) await p.locator('#paste summary').click();
      await p.locator('#text').fill(articleText(n, `Tab ${n}`));
    };
    await fill(page, 1);
    await fill(second.page, 2);
    await Promise.all([page.getByRole('button', { name: 'Add text' }).click(), second.page.getByRole('button', { name: 'Add text' }).click()]);
    for (const p of [page, second.page]) {
      await p.waitForFunction(() => document.getElementById('status')?.textContent === 'Brief up to date · 5 articles', undefined, { timeout: 180_000 });
      await p.frameLocator('#brief').locator('#articles tbody tr').nth(4).waitFor();
    }
    const outlets = (await call(base, 'GET', `/api/stories/${storyId}/export/brief.json`)).json.articles.map((x: { outlet: string }) => x.outlet);
    assert.ok(outlets.includes('Tab 1') && outlets.includes('Tab 2'), JSON.stringify(outlets));

    // Removing an article (after the confirmation) updates the brief too.
    await page.locator('#articles-panel li.article', { hasText: 'Tab 1' }).getByRole('button', { name: 'Remove' }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Brief up to date · 4 articles', undefined, { timeout: 180_000 });
    await frame.locator('#articles tbody tr').nth(3).waitFor();
    assert.equal(await frame.locator('#articles tbody tr').count(), 4);

    // Rename, then back on the list of stories.
    await page.locator('.title-row summary').click();
    await page.locator('#story-new-name').fill('Talvik talks, renamed');
    await page.locator('#rename-story button').click();
    await page.waitForFunction(() => document.getElementById('story-name')?.textContent === 'Talvik talks, renamed');
    await page.locator('.crumbs a').click();
    await page.locator('a.story-link', { hasText: 'Talvik talks, renamed' }).waitFor();
    assert.equal(await page.locator('tr[data-story] td.num').first().textContent(), '4');
    await page.screenshot({ path: join(output, 'workspace-stories.png') });

    assert.deepEqual(problems, []);
    assert.deepEqual(second.problems, []);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    child?.proc.kill('SIGTERM');
    if (child) await child.exited;
    server.close();
  }
});

test('article text full of markup stays text in the workspace', { skip, timeout: 180_000 }, async () => {
  const data = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  let child: Child | null = null;
  let context: BrowserContext | null = null;
  try {
    child = await startServe(['--data', data, '--port', '0']);
    const base = child.base;
    const hostile = readFileSync(join(root, 'test', 'fixtures', 'brief', 'injection.txt'));
    const id = (await call(base, 'POST', '/api/stories', { name: '<img src=x onerror="window.__parleyPwned=1">' })).json.id;
    await call(base, 'POST', `/api/stories/${id}/articles`, { kind: 'file', name: '<svg onload=alert(1)>.txt', contentBase64: hostile.toString('base64'), title: '<script>window.__parleyPwned=2</script>' });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const { page, problems } = await tab(context, base);
    const dialogs: string[] = [];
    page.on('dialog', (d) => dialogs.push(d.message()));
    await page.goto(`${base}/stories/${id}`);
    await page.locator('#status.current').waitFor({ timeout: 120_000 });
    const frame = page.frameLocator('#brief');
    await frame.locator('#articles tbody tr').first().waitFor();
    // Uncertain items sit in collapsed lists: open them, so that every link can be clicked.
    for (const d of await frame.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    for (const l of await frame.locator('a.ref').all()) await l.click();
    await page.goto(base);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __parleyPwned?: number }).__parleyPwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('img, svg, iframe').count(), 0);
    assert.match((await page.locator('a.story-link').textContent()) ?? '', /<img src=x onerror=/);
    assert.deepEqual(problems, []);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    child?.proc.kill('SIGTERM');
    if (child) await child.exited;
  }
});

test('with --token: the printed address logs the browser in, and the pages, API calls and brief frame work', { skip, timeout: 180_000 }, async () => {
  const data = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const token = 'e2e-token-0123456789abcdef';
  let child: Child | null = null;
  let context: BrowserContext | null = null;
  try {
    child = await startServe(['--data', data, '--port', '0', '--token', token]);
    assert.ok(child.url.endsWith(`/?token=${token}`));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const { page, problems } = await tab(context, child.base);
    // Without the token: refused.
    const refused = await page.goto(`${child.base}/`);
    assert.equal(refused?.status(), 401);
    assert.match(await page.locator('body').textContent() ?? '', /needs its token/);
    problems.length = 0; // the refused page's own 401 is logged as a console error
    await page.goto(child.url);
    assert.equal(page.url(), `${child.base}/`, 'the token leaves the address bar');
    await page.getByLabel('New story').fill('Behind a token');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForURL(/\/stories\/\d+$/);
    await page.locator('#paste summary').click();
    await page.locator('#text').fill(articleText(7));
    await page.getByRole('button', { name: 'Add text' }).click();
    await page.locator('#status.current').waitFor({ timeout: 120_000 });
    await page.frameLocator('#brief').locator('#articles tbody tr').first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    child?.proc.kill('SIGTERM');
    if (child) await child.exited;
  }
});
