// The worker pool: the same brief with any number of workers, and a worker that dies costs the
// stage it was running for its article, never the article, never a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, analyseParallel, failedStage, ALL_ARTICLES, type BriefOptions, type StageName } from '../../src/pipeline.js';
import { poolSize } from '../../src/parallel/pool.js';
import type { Article, Brief } from '../../src/types.js';
import { ingested, undatedStory, ROOT } from '../pipeline/batches.js';

const GOOD = readFileSync(join(ROOT, 'test/fixtures/robustness/good-article.txt'), 'utf8');
const misbehaving = new URL('./misbehaving-worker.ts', import.meta.url);

function article(id: string, text = GOOD): Article {
  return { id, source: `/inputs/${id}.txt`, url: null, outlet: null, title: null, authors: [], published: '2026-03-10', publishedBasis: 'metadata', language: 'en', kind: null, text };
}

/** The brief without its problems, to compare what two runs found. */
const found = (b: Brief) => JSON.stringify({ ...b, problems: [] });

const failing = (stage: StageName, id: string): BriefOptions['stage'] => (name, run, article) => {
  if (name === stage && article === id) throw new Error('injected');
  return run();
};

test('the brief is the same with one worker (this thread) and with two', async () => {
  const articles = [...(await ingested('samples')), ...(await ingested('test/fixtures/ingest')), ...undatedStory()];
  const one = await analyseParallel(articles, [], { workers: 1 });
  const two = await analyseParallel(articles, [], { workers: 2, poolThreshold: 0 });
  assert.equal(JSON.stringify(two), JSON.stringify(one));
  assert.equal(JSON.stringify(one), JSON.stringify(analyse(articles)));
  assert.ok(two.articles.some((a) => a.publishedBasis === 'inferred'), 'date inference ran across articles analysed in different threads');
});

test('a worker that dies inside a stage costs that stage for its article only; the pool goes on', async () => {
  const articles = [article('alpha'), article('beta', `${GOOD}\n\nCRASH entities`), article('gamma'), article('delta', `${GOOD}\n\nCRASH doc`)];
  const b = await analyseParallel(articles, [], { workers: 2, poolThreshold: 0, workerModule: misbehaving });
  assert.deepEqual(
    b.problems.map((p) => [failedStage(p), p.source]),
    [
      ['doc', '/inputs/delta.txt'],
      ['entities', '/inputs/beta.txt'],
    ],
  );
  assert.match(b.problems[1].message, /^the entities stage failed on article "beta": Error: the worker thread running this stage stopped \(it exited with code 7\); the article was analysed again without it; its other stages' results are in the brief\./);
  assert.match(b.problems[0].message, /the article could not be analysed/);
  // Everything else is what an in-thread run gives when the same stages fail.
  const expected = analyse(articles.map((a) => ({ ...a, text: a.text.replace(/\n\nCRASH \w+$/, '') })), [], {
    stage: (name, run, id) => failing('entities', 'beta')!(name, () => failing('doc', 'delta')!(name, run, id), id),
  });
  const strip = (b: Brief) => JSON.parse(found(b), (k, v) => (k === 'text' && typeof v === 'string' && v.startsWith(GOOD.slice(0, 40)) ? GOOD.slice(0, 40) : v));
  assert.deepEqual(strip(b), strip(expected));
  assert.deepEqual(b.articles.map((a) => a.id), ['alpha', 'beta', 'gamma']);
  assert.ok((b.quotes ?? []).some((q) => q.article === 'beta'), 'beta kept its quotes');
});

test('an article that runs past the time limit is stopped and analysed again without the stage', async () => {
  const articles = [article('alpha'), article('beta', `${GOOD}\n\nHANG events`)];
  const b = await analyseParallel(articles, [], { workers: 2, poolThreshold: 0, workerModule: misbehaving, articleTimeoutMs: 4000 });
  assert.equal(b.problems.length, 1);
  assert.equal(failedStage(b.problems[0]), 'events');
  assert.match(b.problems[0].message, /stopped \(it took longer than 4000 ms\)/);
  assert.ok((b.times ?? []).some((t) => t.article === 'beta'));
});

test('when no worker can start, the articles are analysed in this thread and a problem says so', async () => {
  const articles = [article('alpha'), article('beta')];
  const b = await analyseParallel(articles, [], { workers: 2, poolThreshold: 0, workerModule: new URL('./broken-worker.ts', import.meta.url) });
  assert.equal(b.problems.length, 1);
  assert.equal(b.problems[0].source, ALL_ARTICLES);
  assert.match(b.problems[0].message, /^the worker threads could not start \(Error: this worker cannot start\); the articles were analysed in one thread/);
  assert.equal(found(b), found(analyse(articles)));
});

test('pool size: one per core by default, capped by the batch; small batches stay in this thread', () => {
  assert.equal(poolSize(3, { workers: 4 }), 1);
  assert.equal(poolSize(3, { workers: 4, poolThreshold: 0 }), 3);
  assert.equal(poolSize(100, { workers: 2 }), 2);
  assert.equal(poolSize(100, { workers: 1 }), 1);
  const saved = process.env.PARLEY_WORKERS;
  process.env.PARLEY_WORKERS = '3';
  try {
    assert.equal(poolSize(100), 3);
    assert.equal(poolSize(100, { workers: 2 }), 2);
  } finally {
    if (saved === undefined) delete process.env.PARLEY_WORKERS;
    else process.env.PARLEY_WORKERS = saved;
  }
});
