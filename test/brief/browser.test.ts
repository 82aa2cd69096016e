// brief.html in a real browser (Debian's chromium driven by playwright-core): the sections render,
// clicking a quote shows its article with the passage highlighted, and an article full of script
// injections runs nothing. Skips with a message when chromium is not installed (CI installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { brief } from '../../src/pipeline.js';
import { renderHtml } from '../../src/brief/html.js';
import { renderMarkdown } from '../../src/brief/markdown.js';
import type { Brief } from '../../src/types.js';
import { hostileBrief } from './hostile.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const output = join(root, 'test-output');
const skip = existsSync(CHROMIUM) ? false : `chromium not found at ${CHROMIUM}; install it (apt-get install chromium) to run the browser test`;

async function launch(): Promise<{ context: BrowserContext; cleanup: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    cleanup: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open a rendered page, recording dialogs and any request that is not the file itself. */
async function open(context: BrowserContext, html: string, name: string): Promise<{ page: Page; dialogs: string[]; requests: string[]; errors: string[] }> {
  mkdirSync(output, { recursive: true });
  const file = join(output, `${name}.html`);
  writeFileSync(file, html);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  return { page, dialogs, requests, errors };
}

/** The samples' brief when the samples are there, else a brief of the project's own fixtures. */
async function samplesBrief(): Promise<Brief> {
  const samples = join(root, 'samples');
  const has = existsSync(samples) && readdirSync(samples).some((f) => /\.(html?|txt)$/.test(f));
  return brief([has ? samples : join(root, 'test', 'fixtures', 'brief')]);
}

test('brief.html of the samples: sections render, a clicked quote is highlighted in its article', { skip, timeout: 120_000 }, async () => {
  const b = await samplesBrief();
  assert.ok(b.articles.length > 0, 'the samples give at least one article');
  const { context, cleanup } = await launch();
  try {
    const { page, dialogs, requests, errors } = await open(context, renderHtml(b), 'brief-samples');
    await page.setViewportSize({ width: 1280, height: 900 });
    // Every section the brief computed is on the page, and none that it did not.
    const expected: [string, unknown][] = [
      ['articles', b.articles],
      ['actors', b.entities],
      ['positions', b.positions],
      ['conditions', b.conditions],
      ['quotes', b.quotes],
      ['events', b.events],
      ['discrepancies', b.discrepancies],
      ['framing', b.framing],
    ];
    for (const [id, data] of expected) {
      assert.equal(await page.locator(`section#${id}`).count(), data === undefined ? 0 : 1, `section #${id}`);
    }
    assert.equal(await page.locator('#articles tbody tr').count(), b.articles.length);
    assert.equal(await page.locator('#passage').isHidden(), true, 'the passage panel starts closed');

    const quote = (b.quotes ?? [])[0];
    if (quote) {
      const link = page.locator('#quotes a.ref.q').first();
      const href = await link.getAttribute('href');
      const m = /#a=([^&]*)&s=(\d+)&e=(\d+)/.exec(href ?? '');
      assert.ok(m, `a quote link carries its passage: ${href}`);
      await link.click();
      await page.locator('mark#hl').waitFor({ state: 'visible' });
      const article = b.articles.find((a) => a.id === decodeURIComponent(m[1]))!;
      assert.equal(await page.locator('mark#hl').textContent(), article.text.slice(Number(m[2]), Number(m[3])));
      assert.equal(await page.locator('#passage').getAttribute('data-article'), article.id);
      // The whole article is there around the highlight, as text.
      assert.equal(await page.locator('.passage-body').textContent(), article.text);
      assert.ok(await page.locator('mark#hl').isVisible());
    }
    const disagreement = page.locator('#discrepancies .claim a.ref').first();
    if ((await disagreement.count()) > 0) {
      await disagreement.click();
      await page.locator('mark#hl').waitFor({ state: 'visible' });
      const claim = b.discrepancies![0].claims[0];
      assert.equal(await page.locator('mark#hl').textContent(), claim.text);
    }
    await page.screenshot({ path: join(output, 'brief-samples-desktop.png'), fullPage: false });
    // A phone: the page reflows to the screen width and the passage opens below the brief.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling of the page on a phone (overflow ${overflow}px)`);
    await page.screenshot({ path: join(output, 'brief-samples-phone.png') });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, [], 'the page makes no network request');
    assert.deepEqual(errors, []);
  } finally {
    await cleanup();
  }
});

test('brief.html stays inert with articles full of script injections', { skip, timeout: 120_000 }, async () => {
  // Through the pipeline (a page copy with tags in its text) and a hand-made brief with hostile text
  // in every field the page shows.
  const fromFixture = await brief([join(root, 'test', 'fixtures', 'brief', 'injection.txt')]);
  assert.equal(fromFixture.articles.length, 1);
  assert.match(fromFixture.articles[0].text, /<script>/, 'the fixture keeps its tags as text');
  const { context, cleanup } = await launch();
  try {
    for (const [name, b] of [
      ['brief-injection-pipeline', fromFixture],
      ['brief-injection-fields', hostileBrief()],
    ] as const) {
      const { page, dialogs, requests, errors } = await open(context, renderHtml(b), name);
      // Uncertain items sit in collapsed lists: open them, so that every link can be clicked.
      for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      for (const link of await page.locator('a.ref').all()) await link.click();
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => (window as unknown as { __parleyPwned?: string }).__parleyPwned), undefined, `${name}: no injected code ran`);
      assert.deepEqual(dialogs, [], `${name}: no dialog opened`);
      assert.deepEqual(requests, [], `${name}: no request (an <img src=x> would try one)`);
      assert.deepEqual(errors, []);
      assert.equal(await page.locator('script').count(), 2, `${name}: only the page's data block and its own script`);
      assert.equal(await page.locator('img, svg, iframe, a[href^="javascript:"]').count(), 0, `${name}: no element from article text`);
      // The text is shown as text.
      await page.locator('a.ref').first().click();
      assert.match((await page.locator('.passage-body').textContent()) ?? '', /<script>window\.__parleyPwned/);
      await page.screenshot({ path: join(output, `${name}.png`) });
    }
  } finally {
    await cleanup();
  }
});

test('brief.md of a hostile brief holds no live HTML', () => {
  const md = renderMarkdown(hostileBrief());
  // Every "<" from the text is backslash-escaped, so Markdown shows it as a character, never a tag.
  assert.doesNotMatch(md, /(?<!\\)<(script|img|svg|iframe|a )/i);
  assert.match(md, /\\<script\\>/);
  assert.doesNotMatch(md, /\]\(javascript:/i);
});
