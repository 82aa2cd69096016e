// One analysis job, without the server: the cache gives exactly the brief of a run from scratch,
// only changed articles are analysed again, inputs go through the command line's ingest (URL
// guard included), and bad inputs become problems on the article and in the brief.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { analyse } from '../../src/pipeline.js';
import { ingest } from '../../src/ingest/index.js';
import { pipelineAnalyzer, type Analyzer } from '../../src/serve/analyzer.js';
import { SqliteStore } from '../../src/serve/store.js';
import { runStoryJob, type WorkOptions } from '../../src/serve/work.js';
import type { Article, Brief } from '../../src/types.js';
import { article } from '../time/helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const sample = (name: string) => readFileSync(join(root, 'samples', name));

function setup(extra: Partial<WorkOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-work-'));
  const store = new SqliteStore(join(dir, 'parley.db'));
  const options: WorkOptions = { tmpDir: join(dir, 'tmp'), allowPrivateHosts: false, ...extra };
  return { dir, store, options };
}

async function briefOf(store: SqliteStore, storyId: number): Promise<Brief> {
  return JSON.parse((await store.getBrief(storyId))!.json) as Brief;
}

/** Stored analyses go through v8 serialisation; combining them must not care, nor combining the
 * same analysis objects a second time (the worker keeps them in memory between jobs). */
async function viaCache(analyzer: Analyzer, articles: Article[]): Promise<Brief> {
  const analyses = [];
  for (const a of articles) analyses.push(deserialize(serialize(await analyzer.analyseArticle(a))));
  const first = await analyzer.combine(analyses, []);
  assert.deepEqual(await analyzer.combine(analyses, []), first, 'combining the same analyses again gives the same brief');
  return first;
}

test('combining stored per-article analyses gives exactly the brief of analysing from scratch', async () => {
  const { articles } = await ingest([join(root, 'samples'), join(root, 'test', 'fixtures', 'ingest')]);
  assert.ok(articles.length >= 10);
  assert.deepEqual(await viaCache(pipelineAnalyzer, articles), analyse(articles));
});

test('an article dated by inference from the others is read again with that date', async () => {
  const dated = article('dated', 'Negotiators from both sides met in Geneva on Monday for a session on prisoner exchanges. The session ended without agreement.', '2025-06-02T18:00:00+02:00');
  const undated = article('undated', 'Yesterday the negotiators in Geneva ended the session on prisoner exchanges without agreement. The mediator will meet them again on Friday.', null);
  const scratch = analyse([dated, undated]);
  assert.equal(scratch.articles[1].publishedBasis, 'inferred', 'the fixture is one where the date is inferred');
  assert.deepEqual(await viaCache(pipelineAnalyzer, [dated, undated]), scratch);
  // Alone, the undated article keeps no date: its stored analysis is of the article as given.
  const alone = await pipelineAnalyzer.analyseArticle(undated);
  assert.equal(alone.article.published, null);
});

test('a job reads pending inputs, analyses each article once, and later jobs reuse the cache', async () => {
  const { store, options } = setup();
  const s = await store.createStory('Talvik talks');
  await store.addArticle(s.id, { kind: 'file', name: 'meridian-press-prisoner-swap.html', bytes: sample('meridian-press-prisoner-swap.html'), overrides: {} });
  await store.addArticle(s.id, { kind: 'text', text: sample('daily-clarion-swap-deal.txt').toString('utf8'), overrides: { outlet: 'Clarion Daily', published: '2026-11-18' } });
  const phases: string[] = [];
  const first = await runStoryJob(store, pipelineAnalyzer, s.id, options, (p) => phases.push(p.phase));
  assert.deepEqual(first, { revision: 2, articles: 2, analysed: 2, cached: 0, stored: true });
  assert.deepEqual([...new Set(phases)], ['reading', 'analysing', 'combining', 'saving']);
  const brief1 = await briefOf(store, s.id);
  assert.deepEqual(
    brief1.articles.map((a) => [a.id, a.source, a.outlet, a.published, a.publishedBasis]),
    [
      ['meridian-press-prisoner-swap', 'meridian-press-prisoner-swap.html', brief1.articles[0].outlet, brief1.articles[0].published, brief1.articles[0].publishedBasis],
      ['clarion-daily', 'pasted text', 'Clarion Daily', '2026-11-18', 'metadata'],
    ],
  );
  assert.ok(brief1.quotes!.length > 0);

  // A third article: only it is analysed; the brief is what analysing all three from scratch gives.
  await store.addArticle(s.id, { kind: 'file', name: 'northern-ledger-prisoner-deal.html', bytes: sample('northern-ledger-prisoner-deal.html'), overrides: {} });
  const second = await runStoryJob(store, pipelineAnalyzer, s.id, options);
  assert.deepEqual(second, { revision: 3, articles: 3, analysed: 1, cached: 2, stored: true });
  const brief2 = await briefOf(store, s.id);
  const stored = (await store.articlesForWork(s.id)).map((r) => r.article!);
  const scratch = analyse(stored);
  assert.deepEqual(brief2, scratch);
  // Again and again with nothing changed: the analyses kept in memory (and the cross-article
  // stages' memos on them) give the same brief every time.
  for (let i = 0; i < 2; i++) {
    await store.queueAnalysis(s.id);
    assert.equal((await runStoryJob(store, pipelineAnalyzer, s.id, options))?.cached, 3);
    assert.deepEqual(await briefOf(store, s.id), scratch);
  }

  // Another Parley version misses every cached analysis.
  const upgraded: Analyzer = { ...pipelineAnalyzer, version: `${pipelineAnalyzer.version}+next` };
  const third = await runStoryJob(store, upgraded, s.id, options);
  assert.equal(third?.analysed, 3);

  // Removing an article: nothing to analyse, and the brief no longer has it.
  const [first1] = await store.listArticles(s.id);
  await store.removeArticle(s.id, first1.id);
  const fourth = await runStoryJob(store, upgraded, s.id, options);
  assert.deepEqual([fourth?.analysed, fourth?.cached], [0, 2]);
  assert.deepEqual(
    (await briefOf(store, s.id)).articles.map((a) => a.id),
    ['clarion-daily', 'northern-ledger-prisoner-deal'],
  );
  // The short-lived files ingest read are gone.
  assert.deepEqual(readdirSync(options.tmpDir), []);
  await store.close();
});

test('a URL goes through the URL guard: loopback refused by default, read with allowPrivateHosts', async () => {
  const page = sample('northern-ledger-prisoner-deal.html');
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/world/prisoner-deal`;
  try {
    const refused = setup();
    const s = await refused.store.createStory('s');
    const added = await refused.store.addArticle(s.id, { kind: 'url', url });
    await runStoryJob(refused.store, pipelineAnalyzer, s.id, refused.options);
    const row = await refused.store.getArticle(s.id, added!.article.id);
    assert.equal(row?.state, 'failed');
    assert.match(row!.problems[0].message, /refused to fetch: 127\.0\.0\.1 is not a public address/);
    const brief = await briefOf(refused.store, s.id);
    assert.equal(brief.articles.length, 0);
    assert.deepEqual(brief.problems, row!.problems, "the article's problem is in the brief");
    await refused.store.close();

    const allowed = setup({ allowPrivateHosts: true });
    const s2 = await allowed.store.createStory('s');
    await allowed.store.addArticle(s2.id, { kind: 'url', url });
    await runStoryJob(allowed.store, pipelineAnalyzer, s2.id, allowed.options);
    const brief2 = await briefOf(allowed.store, s2.id);
    assert.deepEqual(
      brief2.articles.map((a) => [a.id, a.source]),
      [['prisoner-deal', url]],
    );
    await allowed.store.close();
  } finally {
    server.close();
  }
});

test('inputs that cannot be read are problems naming the input as the user gave it', async () => {
  const { store, options } = setup();
  const s = await store.createStory('s');
  const cases = [
    { kind: 'file' as const, name: '../../../etc/cron.d/evil.txt', bytes: Buffer.from('Hi.'), overrides: {} },
    { kind: 'file' as const, name: 'report.pdf', bytes: Buffer.from('%PDF-1.7 …'), overrides: {} },
    { kind: 'file' as const, name: 'scan.txt', bytes: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 1, 2, 3]), overrides: {} },
    { kind: 'text' as const, text: '   \n  ', overrides: {} },
    { kind: 'url' as const, url: '/etc/passwd' },
  ];
  for (const c of cases) await store.addArticle(s.id, c);
  await runStoryJob(store, pipelineAnalyzer, s.id, options);
  const rows = await store.listArticles(s.id);
  assert.deepEqual(
    rows.map((r) => r.state),
    cases.map(() => 'failed'),
  );
  const messages = rows.map((r) => `${r.problems[0]?.source}: ${r.problems[0]?.message}`);
  assert.match(messages[0], /^\.\.\/\.\.\/\.\.\/etc\/cron\.d\/evil\.txt: no article body found/);
  assert.match(messages[1], /^report\.pdf: is not a \.html, \.htm or \.txt file/);
  assert.match(messages[2], /^scan\.txt: is a PDF document/);
  assert.match(messages[3], /^pasted text: is empty/);
  assert.match(messages[4], /^\/etc\/passwd: is not an http\(s\) URL/);
  // No problem names the short-lived file the input was read from.
  for (const m of messages) assert.doesNotMatch(m, /tmp|[0-9a-f]{24}/);
  assert.equal((await briefOf(store, s.id)).problems.length, cases.length);
  await store.close();
});
