import test from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/text/doc.js';
import { annotateTimes } from '../../src/time/index.js';
import { article } from './helpers.js';

const dated = article(
  'dated',
  'Negotiators from both sides met in Geneva on Monday for a session on prisoner exchanges. The session ended without agreement.',
  '2025-06-02T18:00:00+02:00',
);

test('an undated article referring to a session a dated article puts on Monday 2 June was written on or after it', () => {
  const undated = article('undated', "Monday's session in Geneva on prisoner exchanges ended without agreement, officials said. Talks resume next week.", null);
  const r = annotateTimes([buildDoc(dated), buildDoc(undated)]);
  assert.equal(r.articles[1].published, '2025-06-02');
  assert.equal(r.articles[1].publishedBasis, 'inferred');
  // Its relative expressions are then resolved against the inferred date.
  const monday = r.times[1].find((t) => t.text === 'Monday');
  assert.deepEqual([monday?.value, monday?.anchor], ['2025-06-02', 'published']);
  assert.equal(r.times[1].find((t) => t.text === 'next week')?.value, '2025-W24');
  // The dated article and all texts are untouched.
  assert.equal(r.articles[0], dated);
  assert.equal(r.articles[1].text, undated.text);
  assert.equal(undated.published, null);
});

test('"yesterday" matched to a dated happening pins the day exactly', () => {
  const undated = article('u', 'Yesterday the negotiators in Geneva ended the session on prisoner exchanges without agreement.', null);
  const r = annotateTimes([buildDoc(dated), buildDoc(undated)]);
  assert.equal(r.articles[1].published, '2025-06-03');
});

test('a truce "beginning Saturday, 7 June" was announced before 7 June', () => {
  const undated = article('truce', 'Both armies agreed to a truce beginning Saturday, 7 June. Monitors will arrive on Friday.', null);
  const r = annotateTimes([buildDoc(dated), buildDoc(undated)]);
  const published = r.articles[1].published as string;
  assert.equal(r.articles[1].publishedBasis, 'inferred');
  assert.ok(published >= '2025-06-01' && published <= '2025-06-06', published);
  assert.equal(r.times[1].find((t) => t.text === 'Friday')?.value, '2025-06-06');
});

test('with no clue, nothing is inferred and relative values stay null', () => {
  const undated = article('bare', 'The ministers met on Saturday and will meet again next week.', null);
  const r = annotateTimes([buildDoc(undated)]);
  assert.equal(r.articles[0].published, null);
  assert.equal(r.articles[0].publishedBasis, null);
  assert.ok(r.times[0].length >= 2);
  for (const t of r.times[0]) assert.deepEqual([t.value, t.anchor], [null, null]);
});

test("a page's \"Today:\" stamp is never taken for the publication date", () => {
  const undated = article('stamp', 'Today: Tuesday, 3 June 2025\nThe talks on prisoner exchanges continue.', null);
  const r = annotateTimes([buildDoc(dated), buildDoc(undated)]);
  assert.equal(r.articles[1].published, null);
  assert.ok(!r.times[1].some((t) => t.text === 'Today'));
});

test('two outlets dating the matched happening differently give no clue', () => {
  const other = article('other', 'Negotiators from both sides met in Geneva on Monday for a session on prisoner exchanges.', '2025-06-10');
  const undated = article('u', "Monday's session in Geneva on prisoner exchanges ended without agreement.", null);
  const r = annotateTimes([buildDoc(dated), buildDoc(other), buildDoc(undated)]);
  assert.equal(r.articles[2].published, null);
});

test('an unrelated dated article gives no clue', () => {
  const unrelated = article('x', 'The central bank raised interest rates on Monday.', '2025-06-02');
  const undated = article('u', "Monday's session in Geneva on prisoner exchanges ended without agreement.", null);
  const r = annotateTimes([buildDoc(unrelated), buildDoc(undated)]);
  assert.equal(r.articles[1].published, null);
});

test('a dateline without a year gives the day; the year comes from the batch', () => {
  const wire = article('wire', 'KYIV, June 2 (Reuters) - Ukrainian negotiators returned from Istanbul on Monday.', null);
  const r = annotateTimes([buildDoc(dated), buildDoc(wire)]);
  assert.deepEqual([r.articles[1].published, r.articles[1].publishedBasis], ['2025-06-02', 'inferred']);
  // Alone, the year is unknown: nothing is inferred.
  assert.equal(annotateTimes([buildDoc(wire)]).articles[0].published, null);
});

test('a "Published" line dates the article; an "Updated" line only bounds it', () => {
  const pub = article('p', 'Ceasefire talks stall\nFirst published on Tue 3 Jun 2025 10.32 BST\nThe talks stalled.', null);
  const r = annotateTimes([buildDoc(pub)]);
  assert.deepEqual([r.articles[0].published, r.articles[0].publishedBasis], ['2025-06-03', 'inferred']);
  const upd = article('u', 'Last updated 3 June 2025\nThe talks stalled.', null);
  assert.equal(annotateTimes([buildDoc(upd)]).articles[0].published, null);
});

test('an announcement of a weekday-named date is dated the day before it; inferred articles date others', () => {
  const plan = article('plan', 'A delegation would travel to Istanbul for talks with Russia on Monday, June 2, 2025, the minister said.', null);
  const wire = article('wire', 'ISTANBUL, June 2 (Reuters) - The Russian and Ukrainian delegations held talks in Istanbul.', null);
  const r = annotateTimes([buildDoc(wire), buildDoc(plan)]);
  assert.deepEqual([r.articles[1].published, r.articles[1].publishedBasis], ['2025-06-01', 'inferred']);
  // The wire copy's dateline gets its year from the article dated in the first round.
  assert.deepEqual([r.articles[0].published, r.articles[0].publishedBasis], ['2025-06-02', 'inferred']);
});

test('inferPublished: a week-wide window at most; the factual bound or the batch median', async () => {
  const { inferPublished } = await import('../../src/time/infer.js');
  const d = (day: number) => ({ y: 2025, m: 6, d: day });
  // Too wide: nothing.
  assert.equal(inferPublished([{ lo: d(1), hi: d(20), why: 'x' }], []), null);
  // Only a lower bound: nothing.
  assert.equal(inferPublished([{ lo: d(1), hi: null, why: 'x' }], []), null);
  // Announced weekday-named date: the day before it.
  assert.deepEqual(inferPublished([{ lo: d(1), hi: d(6), why: 'x', loSoft: true }], []), d(6));
  // Reported one: its own day.
  assert.deepEqual(inferPublished([{ lo: d(2), hi: d(8), why: 'x', hiSoft: true }], []), d(2));
  // The batch median inside the window wins; outside it, the nearer bound.
  assert.deepEqual(inferPublished([], [{ lo: d(2), hi: d(8), why: 'x', hiSoft: true }], d(4)), d(4));
  assert.deepEqual(inferPublished([], [{ lo: d(2), hi: d(8), why: 'x', hiSoft: true }], d(20)), d(8));
  // Conflicting clues from the batch and the article: the batch's alone.
  assert.deepEqual(inferPublished([{ lo: d(20), hi: d(21), why: 'own' }], [{ lo: d(2), hi: d(2), why: 'batch' }]), d(2));
});
