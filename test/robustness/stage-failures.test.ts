// Failures never vanish: a stage that throws on an article becomes a problem naming the article,
// the stage and the error, and everything else goes on. Failures are injected through the
// `stage` hook of BriefOptions (the one bench/pipeline.ts times stages with), or through a stage's
// Isolate; nothing in production code is weakened for it. Each stage called on its own, with no
// pipeline around it, must throw rather than return an empty result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, failedStage, ALL_ARTICLES, type BriefOptions, type StageName } from '../../src/pipeline.js';
import { buildDoc, type Doc } from '../../src/text/doc.js';
import { findEntities } from '../../src/entities/index.js';
import { annotateTimes } from '../../src/time/index.js';
import { findQuotes } from '../../src/quotes/index.js';
import { findEvents } from '../../src/events/index.js';
import type { Isolate } from '../../src/util/isolate.js';
import type { Article, Brief } from '../../src/types.js';
import { FIXTURES, integrityViolations } from './helpers.js';

const GOOD = readFileSync(join(FIXTURES, 'good-article.txt'), 'utf8');

function article(id: string, text = GOOD): Article {
  return { id, source: `/inputs/${id}.txt`, url: null, outlet: null, title: null, authors: [], published: '2026-03-10', publishedBasis: 'metadata', language: 'en', kind: null, text };
}

class Injected extends Error {}

/** A stage hook that throws in `stage` for the articles listed (null: the cross-article step). */
function failing(stage: StageName, articles: (string | null)[]): BriefOptions['stage'] {
  return (name, run, article) => {
    if (name === stage && articles.includes(article)) throw new Injected(`injected failure in ${name}`);
    return run();
  };
}

const baseline = analyse([article('alpha'), article('beta')]);
const count = (b: Brief, section: 'quotes' | 'events' | 'positions' | 'times', id: string) =>
  (b[section] ?? []).filter((x) => ('article' in x ? x.article === id : x.evidence?.some((e) => e.article === id))).length;

test('the baseline has something in every section the injections below take away', () => {
  assert.deepEqual(baseline.problems, []);
  for (const id of ['alpha', 'beta']) {
    assert.ok(count(baseline, 'quotes', id) > 0, `quotes of ${id}`);
    assert.ok(count(baseline, 'times', id) > 0, `times of ${id}`);
    assert.ok(count(baseline, 'events', id) > 0, `events of ${id}`);
  }
});

test('a stage that fails on one article is a problem naming the article, the stage and the error; the rest goes on', () => {
  const b = analyse([article('alpha'), article('beta')], [], { stage: failing('quotes', ['beta']) });
  assert.equal(b.problems.length, 1, JSON.stringify(b.problems, null, 1));
  const [p] = b.problems;
  assert.equal(p.source, '/inputs/beta.txt');
  assert.match(p.message, /^the quotes stage failed on article "beta": Error: injected failure in quotes/);
  assert.match(p.message, /its other stages' results are in the brief/);
  assert.equal(failedStage(p), 'quotes');
  // beta lost its quotes only; alpha lost nothing.
  assert.equal(count(b, 'quotes', 'beta'), 0);
  assert.equal(count(b, 'quotes', 'alpha'), count(baseline, 'quotes', 'alpha'));
  assert.equal(count(b, 'times', 'beta'), count(baseline, 'times', 'beta'));
  assert.ok(count(b, 'events', 'beta') > 0, 'beta still has events');
  assert.ok((b.entities ?? []).some((e) => e.mentions.some((m) => m.article === 'beta')), 'beta still has entities');
  assert.equal(b.articles.length, 2);
});

test('every per-article stage is isolated the same way', () => {
  for (const stage of ['entities', 'quotes', 'events'] as const) {
    const b = analyse([article('alpha'), article('beta')], [], { stage: failing(stage, ['alpha', 'beta']) });
    assert.deepEqual(b.problems.map((p) => [p.source, failedStage(p)]), [['/inputs/alpha.txt', stage], ['/inputs/beta.txt', stage]], stage);
    assert.equal(b.articles.length, 2, stage);
    assert.ok((b.times ?? []).length > 0, `${stage}: the time stage still ran`);
    assert.deepEqual(integrityViolations({ ...b, problems: [] }), [], stage);
  }
});

test('an article whose Doc cannot be built leaves the brief with a problem; the others are analysed', () => {
  const b = analyse([article('alpha'), article('beta')], [], { stage: failing('doc', ['alpha']) });
  assert.deepEqual(b.articles.map((a) => a.id), ['beta']);
  assert.equal(b.problems.length, 1);
  assert.match(b.problems[0].message, /^the doc stage failed on article "alpha": .*; the article could not be analysed\./);
  assert.equal(count(b, 'quotes', 'beta'), count(baseline, 'quotes', 'beta'));
});

test('a failing step across articles is a problem too, and the sections before it stay', () => {
  for (const stage of ['time', 'resolve', 'assemble', 'compare'] as const) {
    const b = analyse([article('alpha'), article('beta')], [], { stage: failing(stage, [null]) });
    assert.equal(b.problems.length, 1, `${stage}: ${JSON.stringify(b.problems)}`);
    assert.equal(b.problems[0].source, ALL_ARTICLES);
    assert.match(b.problems[0].message, new RegExp(`^the ${stage} stage failed across the articles: Error: injected failure`));
    assert.equal(b.articles.length, 2);
  }
  const noCompare = analyse([article('alpha'), article('beta')], [], { stage: failing('compare', [null]) });
  assert.equal((noCompare.quotes ?? []).length, (baseline.quotes ?? []).length);
  assert.deepEqual(noCompare.framing, []);
});

test('a failing part inside a stage costs only that part: positions fail, events stay', () => {
  const docs = [buildDoc(article('alpha'))];
  const entities = findEntities(docs[0]);
  const quotes = findQuotes(docs[0], entities);
  const times = annotateTimes(docs).times[0];
  const lost: string[] = [];
  // The pipeline's isolate, with one part made to fail the way a bug in it would.
  const isolate: Isolate = (part, run, fallback) => {
    try {
      if (part === 'positions') throw new Injected('positions broke');
      return run();
    } catch {
      lost.push(part);
      return fallback;
    }
  };
  const out = findEvents(docs[0], entities, quotes, times, isolate);
  assert.deepEqual(lost, ['positions']);
  assert.deepEqual(out.positions, []);
  assert.ok(out.events.length > 0);
});

test('called on their own, the stages throw on a broken Doc instead of returning nothing', () => {
  const doc = buildDoc(article('alpha'));
  // A Doc whose sentence and token tables are gone: every stage reads them.
  const broken = { ...doc, sentences: null, tokens: null, paragraphs: null } as unknown as Doc;
  assert.throws(() => findEntities(broken), TypeError);
  assert.throws(() => findQuotes(broken, findEntities(doc)), TypeError);
  assert.throws(() => annotateTimes([broken]), TypeError);
  assert.throws(() => findEvents(broken, findEntities(doc), [], []), TypeError);
});

test('the robustness checks count a stage failure as a violation', () => {
  const b = analyse([article('alpha')], [], { stage: failing('events', ['alpha']) });
  const v = integrityViolations(b);
  assert.equal(v.length, 1);
  assert.match(v[0], /stage failed: the events stage failed on article "alpha"/);
});
