// analyse() = combine(articles.map(analyseArticle)): the per-article half is plain data that can
// be computed anywhere (a worker thread, a cache), and the split gives exactly the brief of one
// sequential pass over the stages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, analyseArticle, combine, failedStage, type StageName } from '../../src/pipeline.js';
import type { Article } from '../../src/types.js';
import { sequentialBrief } from './reference.js';
import { ingested, undatedStory } from './batches.js';

const batches: [string, () => Promise<Article[]>][] = [
  ['samples', () => ingested('samples')],
  ['page copies', () => ingested('test/fixtures/ingest')],
  ['an undated story', async () => undatedStory()],
];

for (const [name, load] of batches) {
  test(`analyse() gives the brief of one sequential pass over the stages: ${name}`, async () => {
    const articles = await load();
    assert.equal(JSON.stringify(analyse(articles)), JSON.stringify(sequentialBrief(structuredClone(articles))));
  });
}

test('the undated story exercises date inference: one article is dated by it, one is not', () => {
  const b = analyse(undatedStory());
  assert.deepEqual(
    b.articles.map((a) => [a.id, a.published, a.publishedBasis]),
    [
      ['dated', '2025-06-02T18:00:00+02:00', 'metadata'],
      ['yesterday', '2025-06-03', 'inferred'],
      ['bare', null, null],
    ],
  );
});

test('an ArticleAnalysis is plain data: after a JSON round trip, combine() gives the same brief', async () => {
  for (const articles of [await ingested('samples'), undatedStory()]) {
    const analyses = articles.map((a) => analyseArticle(a));
    const copies = analyses.map((a) => JSON.parse(JSON.stringify(a)));
    assert.deepEqual(copies, analyses);
    assert.deepEqual(structuredClone(analyses), analyses);
    assert.equal(JSON.stringify(combine(copies)), JSON.stringify(analyse(articles)));
  }
});

test('an article dated by inference ends up as if it had come with that date', () => {
  const articles = undatedStory();
  const b = analyse(articles);
  const inferred = b.articles.find((a) => a.id === 'yesterday')!;
  const withDate = analyseArticle({ ...articles[1], published: inferred.published, publishedBasis: 'inferred' });
  const mine = <T extends { article: string }>(xs: T[] | undefined) => (xs ?? []).filter((x) => x.article === 'yesterday');
  assert.deepEqual(
    mine(b.times).map((t) => [t.start, t.end, t.value, t.anchor]),
    withDate.times.annotations.map((t) => [t.start, t.end, t.value, t.anchor]),
  );
  assert.ok(mine(b.times).some((t) => t.value === '2025-06-02'), 'Yesterday is resolved against the inferred date');
  const inEvents = (b.events ?? []).filter((e) => e.evidence.some((s) => s.article === 'yesterday'));
  assert.equal(inEvents.length, withDate.events.events.filter((e) => !e.negated).length);
  // Read with the undated article's times, these events would have no date.
  assert.ok(inEvents.length > 0 && inEvents.every((e) => e.date !== null), JSON.stringify(inEvents));
  assert.deepEqual(mine(b.quotes).map((q) => [q.start, q.end]), withDate.quotes.map((q) => [q.start, q.end]));
});

test('per-article failures are reported stage by stage, then article by article, as a sequential run meets them', () => {
  const fail: [StageName, string][] = [
    ['events', 'dated'],
    ['quotes', 'dated'],
    ['entities', 'bare'],
    ['time', 'yesterday'],
  ];
  const b = analyse(undatedStory(), [], {
    stage: (name, run, article) => {
      if (fail.some(([s, a]) => s === name && a === article)) throw new Error(`injected ${name}`);
      return run();
    },
  });
  assert.deepEqual(
    b.problems.map((p) => [failedStage(p), p.source]),
    [
      ['entities', '/inputs/bare.txt'],
      ['time', '/inputs/yesterday.txt'],
      ['quotes', '/inputs/dated.txt'],
      ['events', '/inputs/dated.txt'],
    ],
  );
});

test('a failure of date inference across the articles costs only the inferred dates', () => {
  const b = analyse(undatedStory(), [], {
    stage: (name, run, article) => {
      if (name === 'time' && article === null) throw new Error('injected inference failure');
      return run();
    },
  });
  assert.equal(b.problems.length, 1);
  assert.match(b.problems[0].message, /^the time stage failed across the articles: Error: injected inference failure.*; no publication date was inferred\./);
  assert.equal(b.articles[1].published, null);
  assert.ok((b.times ?? []).some((t) => t.article === 'dated' && t.value), 'the articles keep their own time expressions');
});
