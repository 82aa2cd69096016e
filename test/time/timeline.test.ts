import test from 'node:test';
import assert from 'node:assert/strict';
import { analyseTimes } from './timeline-helpers.js';
import { buildTimeline, HappeningIndex, sameHappening, sentenceBounds } from '../../src/time/timeline.js';
import type { Brief } from '../../src/types.js';
import { article } from './helpers.js';

test('dated statements of all articles in one order, the same happening merged across outlets', () => {
  const brief = analyseTimes([
    article('a', 'The foreign ministers met in Geneva on 2 June 2025 to discuss a ceasefire. The war began in 2014.', '2025-06-03'),
    article('b', 'Foreign ministers met in Geneva on 2 June 2025 to discuss the ceasefire, diplomats said.', '2025-06-03'),
  ]);
  const tl = buildTimeline(brief);
  assert.deepEqual(tl.map((e) => e.date), ['2014', '2025-06-02']);
  const geneva = tl[1];
  assert.deepEqual(geneva.evidence.map((s) => s.article).sort(), ['a', 'b']);
  for (const s of geneva.evidence) {
    const text = brief.articles.find((x) => x.id === s.article)!.text;
    assert.match(text.slice(s.start, s.end), /Geneva on 2 June 2025/);
  }
  assert.equal(geneva.text, 'The foreign ministers met in Geneva on 2 June 2025 to discuss a ceasefire.');
});

test('the same happening dated differently by two outlets stays two entries', () => {
  const brief = analyseTimes([
    article('a', 'The foreign ministers met in Geneva on Monday to discuss a ceasefire.', '2025-06-03'),
    article('b', 'The foreign ministers met in Geneva on Sunday to discuss a ceasefire.', '2025-06-03'),
  ]);
  const tl = buildTimeline(brief);
  assert.deepEqual(tl.map((e) => [e.date, e.evidence[0].article]), [['2025-06-01', 'b'], ['2025-06-02', 'a']]);
});

test('a sentence with two dates gives a clause for each; durations and vague references stay off', () => {
  const brief = analyseTimes([
    article('a', 'The truce, agreed on 2 June 2025, expires on 30 June 2025 after 60 days of talks in the coming weeks.', '2025-06-03'),
  ]);
  const tl = buildTimeline(brief);
  assert.deepEqual(tl.map((e) => [e.date, e.text]), [
    ['2025-06-02', 'The truce, agreed on 2 June 2025'],
    ['2025-06-30', 'expires on 30 June 2025 after 60 days of talks in the coming weeks.'],
  ]);
});

test('dated events of events/ are used and carry all their evidence', () => {
  const a = article('a', 'Russia and Ukraine exchanged prisoners. Other news.', '2025-06-03');
  const b = article('b', 'A prisoner swap took place.', '2025-06-03');
  const brief: Brief = {
    schema: 'parley/brief@1', articles: [a, b], times: [], problems: [],
    events: [{ id: 'e1', type: 'COOPERATE', mode: null, source: null, target: null, date: '2025-06-01', location: null, text: 'Russia and Ukraine exchanged prisoners.', evidence: [{ article: 'a', start: 0, end: 39 }, { article: 'b', start: 0, end: 27 }] }],
  };
  const tl = buildTimeline(brief);
  assert.equal(tl.length, 1);
  assert.equal(tl[0].date, '2025-06-01');
  assert.equal(tl[0].evidence.length, 2);
});

test('sentence bounds skip abbreviations', () => {
  const text = 'Mr. Lavrov spoke. Gen. Smith met the U.S. envoy on Monday. Then he left.';
  const b = sentenceBounds(text, text.indexOf('Monday'));
  assert.equal(text.slice(b.start, b.end), 'Gen. Smith met the U.S. envoy on Monday.');
});

test('a dateline is not a happening; a clause keeps its predicate', () => {
  const brief = analyseTimes([
    article('w', 'KYIV, June 3 (Reuters) - Russia attacked the city on Sunday night. In January, a truce took effect, but it collapsed in March after 42 days.', '2025-06-03'),
  ]);
  const tl = buildTimeline(brief);
  assert.deepEqual(tl.map((e) => [e.date, e.text]), [
    ['2025-01', 'In January, a truce took effect'],
    ['2025-03', 'but it collapsed in March after 42 days.'],
    ['2025-06-01TNI', 'Russia attacked the city on Sunday night.'],
  ]);
});

test('a headline and its lede on the same happening are one entry with one passage', () => {
  const brief = analyseTimes([
    article('a', 'Ceasefire talks resumed in Geneva on Monday\nNegotiators resumed ceasefire talks in Geneva on Monday, officials said.', '2025-06-04'),
  ]);
  const tl = buildTimeline(brief);
  assert.equal(tl.length, 1);
  assert.equal(tl[0].evidence.length, 1);
});

test('the happening index finds the first entry of a date that sameHappening matches, as comparing every entry does', () => {
  let seed = 3;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // Words by a skewed law, so that some are everywhere and most are rare; sets of 1 to 24.
  const word = () => `w${Math.floor(Math.pow(rand(), 3) * 400)}`;
  const sets = Array.from({ length: 1500 }, () => new Set(Array.from({ length: 1 + Math.floor(rand() * 24) }, word)));
  const dates = sets.map(() => `2026-03-0${1 + Math.floor(rand() * 3)}`);
  const index = new HappeningIndex(sets);
  const entries: number[] = [];
  let joined = 0;
  sets.forEach((set, i) => {
    const before = rand() < 0.1 ? Math.floor(rand() * entries.length) : Infinity;
    let expected = Infinity;
    entries.forEach((item, e) => {
      if (e < expected && e < before && dates[item] === dates[i] && sameHappening(sets[item], set)) expected = e;
    });
    assert.equal(index.firstMatch(dates[i], set, before), Math.min(expected, before), `item ${i}`);
    if (expected === Infinity) {
      index.add(entries.length, dates[i], set);
      entries.push(i);
    } else joined++;
  });
  assert.ok(joined > 100 && entries.length > 100, `${joined} joined, ${entries.length} entries`);
});
