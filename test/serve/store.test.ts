// The workspace's storage: migrations, pragmas, stories and articles, the one-queued-job rule,
// interrupted jobs, the brief's revision order, and what deleting cascades to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, SchemaTooNew, SqliteStore } from '../../src/serve/store.js';
import { MIGRATIONS } from '../../src/serve/migrations.js';
import type { Article } from '../../src/types.js';

const dbPath = () => join(mkdtempSync(join(tmpdir(), 'parley-store-')), 'parley.db');

const article = (id: string): Article => ({
  id,
  source: 'x.txt',
  url: null,
  outlet: 'Outlet',
  title: 'Title',
  authors: [],
  published: null,
  publishedBasis: null,
  language: 'en',
  kind: null,
  text: 'Some text.',
});

test('a new database gets every migration once, WAL and foreign keys on', async () => {
  const path = dbPath();
  const store = new SqliteStore(path);
  assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
  const rows = store.db.prepare('SELECT version, name FROM migrations ORDER BY version').all() as { version: number }[];
  assert.deepEqual(
    rows.map((r) => r.version),
    MIGRATIONS.map((m) => m.version),
  );
  const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  for (const t of ['stories', 'articles', 'annotations', 'briefs', 'jobs', 'migrations']) assert.ok(tables.includes(t), t);
  await store.close();
  // Opening again applies nothing.
  const again = new SqliteStore(path);
  assert.equal((again.db.prepare('SELECT count(*) AS n FROM migrations').get() as { n: number }).n, MIGRATIONS.length);
  await again.close();
});

test('a failing migration leaves the database at the version before it', () => {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;' }];
  assert.throws(() => migrate(db, broken), /no such table/);
  assert.equal((db.prepare('SELECT max(version) AS v FROM migrations').get() as { v: number }).v, MIGRATIONS.at(-1)!.version);
  assert.equal(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get(), undefined, 'the failed step left nothing behind');
  // A later migration applies on top, in order.
  const later = [...MIGRATIONS, { version: MIGRATIONS.at(-1)!.version + 1, name: 'notes', sql: 'ALTER TABLE stories ADD COLUMN notes TEXT' }];
  assert.deepEqual(migrate(db, later), [MIGRATIONS.at(-1)!.version + 1]);
});

test('a database from a newer Parley is refused, not changed', () => {
  const path = dbPath();
  const db = new Database(path);
  migrate(db, MIGRATIONS);
  db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(1000, 'from the future', new Date().toISOString());
  db.close();
  assert.throws(() => new SqliteStore(path), (e: unknown) => e instanceof SchemaTooNew && /newer Parley/.test((e as Error).message));
});

test('stories: create, rename, list, delete cascades to articles, annotations, brief and jobs', async () => {
  const store = new SqliteStore(dbPath());
  const s = await store.createStory('Geneva talks');
  assert.equal(s.revision, 0);
  assert.equal(s.briefRevision, null);
  assert.equal((await store.renameStory(s.id, 'Geneva prisoner swap'))?.name, 'Geneva prisoner swap');
  assert.equal(await store.renameStory(9999, 'x'), null);
  const added = await store.addArticle(s.id, { kind: 'text', text: 'Hello.', overrides: { title: 'T' } });
  assert.ok(added);
  await store.setIngested(added.article.id, { article: article('a'), problems: [] });
  await store.putAnnotation(added.article.id, 'k', new Uint8Array([1, 2, 3]));
  await store.putBrief(s.id, 1, '{}', 'v');
  assert.equal((await store.listStories()).length, 1);
  assert.equal(await store.deleteStory(s.id), true);
  for (const t of ['articles', 'annotations', 'briefs', 'jobs']) {
    assert.equal((store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0, t);
  }
  assert.equal(await store.deleteStory(s.id), false);
  await store.close();
});

test('adding an article commits it with a queued job; a story has at most one queued job', async () => {
  const store = new SqliteStore(dbPath());
  const s = await store.createStory('s');
  const a = await store.addArticle(s.id, { kind: 'url', url: 'https://example.org/a' });
  const b = await store.addArticle(s.id, { kind: 'file', name: 'b.html', bytes: new Uint8Array([60, 112, 62]), overrides: {} });
  assert.ok(a && b);
  assert.equal(a.job.id, b.job.id, 'the second addition joins the job already waiting');
  assert.equal((await store.getStory(s.id))?.revision, 2);
  assert.equal(a.article.state, 'pending');
  const work = await store.articlesForWork(s.id);
  assert.deepEqual(work.map((w) => w.input.kind), ['url', 'file']);
  assert.deepEqual([...(work[1].input as { bytes: Uint8Array }).bytes], [60, 112, 62]);
  assert.equal(await store.addArticle(12345, { kind: 'url', url: 'https://example.org' }), null);

  // Once the job runs, a new addition queues a new job.
  const job = await store.claimJob();
  assert.equal(job?.id, a.job.id);
  assert.equal(job?.state, 'running');
  const c = await store.addArticle(s.id, { kind: 'text', text: 'x', overrides: {} });
  assert.notEqual(c?.job.id, a.job.id);
  await store.close();
});

test('interrupted jobs are queued again at start, folded into a job already waiting', async () => {
  const path = dbPath();
  const store = new SqliteStore(path);
  const s1 = await store.createStory('one');
  const s2 = await store.createStory('two');
  await store.addArticle(s1.id, { kind: 'text', text: 'x', overrides: {} });
  await store.addArticle(s2.id, { kind: 'text', text: 'y', overrides: {} });
  const j1 = await store.claimJob();
  const j2 = await store.claimJob();
  assert.deepEqual([j1?.storyId, j2?.storyId], [s1.id, s2.id]);
  // Story two changes again while its job runs: a second job waits.
  await store.addArticle(s2.id, { kind: 'text', text: 'z', overrides: {} });
  await store.close(); // the process "dies" here, both jobs still running

  const after = new SqliteStore(path);
  assert.equal(await after.requeueInterrupted(), 2);
  const states = after.db.prepare('SELECT story_id, state FROM jobs ORDER BY id').all();
  assert.deepEqual(states, [
    { story_id: s1.id, state: 'queued' },
    { story_id: s2.id, state: 'failed' },
    { story_id: s2.id, state: 'queued' },
  ]);
  const next = await after.claimJob();
  assert.equal(next?.id, j1?.id);
  assert.equal(next?.attempts, 2, 'a redone job counts its attempts');
  await after.close();
});

test('a brief is stored only over an older revision; annotations of a removed article are not kept', async () => {
  const store = new SqliteStore(dbPath());
  const s = await store.createStory('s');
  assert.equal(await store.putBrief(s.id, 3, '{"r":3}', 'v'), true);
  assert.equal(await store.putBrief(s.id, 2, '{"r":2}', 'v'), false, 'a slower, older job does not overwrite a newer brief');
  assert.equal((await store.getBrief(s.id))?.json, '{"r":3}');
  assert.equal(await store.putBrief(9999, 1, '{}', 'v'), false);

  const added = (await store.addArticle(s.id, { kind: 'text', text: 'x', overrides: {} }))!;
  await store.putAnnotation(added.article.id, 'key-1', new Uint8Array([1]));
  assert.deepEqual([...((await store.getAnnotation(added.article.id, 'key-1')) ?? [])], [1]);
  assert.equal(await store.getAnnotation(added.article.id, 'key-2'), null, 'another key is a miss');
  assert.equal(await store.removeArticle(s.id, added.article.id), true);
  assert.equal(await store.removeArticle(s.id, added.article.id), false);
  await store.putAnnotation(added.article.id, 'key-1', new Uint8Array([2]));
  assert.equal((store.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n, 0);
  // Reading a removed article is a no-op.
  assert.equal(await store.setIngested(added.article.id, { article: article('x'), problems: [] }), false);
  await store.close();
});

test('article ids are unique within a story, not across stories', async () => {
  const store = new SqliteStore(dbPath());
  const s1 = await store.createStory('one');
  const s2 = await store.createStory('two');
  const a = (await store.addArticle(s1.id, { kind: 'text', text: 'x', overrides: {} }))!;
  const b = (await store.addArticle(s1.id, { kind: 'text', text: 'y', overrides: {} }))!;
  const c = (await store.addArticle(s2.id, { kind: 'text', text: 'z', overrides: {} }))!;
  await store.setIngested(a.article.id, { article: article('same'), problems: [] });
  await store.setIngested(c.article.id, { article: article('same'), problems: [] });
  await assert.rejects(store.setIngested(b.article.id, { article: article('same'), problems: [] }), /UNIQUE/);
  await store.close();
});
