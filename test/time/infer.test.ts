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

test('"Monday\'s session" bounds the writing to a week, which fixes no day: the date stays empty', () => {
  const undated = article('undated', "Monday's session in Geneva on prisoner exchanges ended without agreement, officials said. Talks resume next week.", null);
  const r = annotateTimes([buildDoc(dated), buildDoc(undated)]);
  assert.deepEqual([r.articles[1].published, r.articles[1].publishedBasis], [null, null]);
  assert.equal(r.times[1].find((t) => t.text === 'next week')?.value, null);
  assert.equal(r.articles[0], dated);
  assert.equal(r.articles[1].text, undated.text);
});

test('"yesterday" matched to a dated happening of the same story pins the day exactly', () => {
  const undated = article('u', 'Yesterday the negotiators in Geneva ended the session on prisoner exchanges without agreement.', null);
  const r = annotateTimes([buildDoc(dated), buildDoc(undated)]);
  assert.deepEqual([r.articles[1].published, r.articles[1].publishedBasis], ['2025-06-03', 'inferred']);
  // Its relative expressions are then resolved against the inferred date.
  assert.deepEqual(
    r.times[1].filter((t) => t.text === 'Yesterday').map((t) => [t.value, t.anchor]),
    [['2025-06-02', 'published']],
  );
});

test('a truce "beginning Saturday, 7 June" was announced in the week before: no single day, no date', () => {
  const undated = article('truce', 'Both armies agreed to a truce beginning Saturday, 7 June. Monitors will arrive on Friday.', null);
  const r = annotateTimes([buildDoc(dated), buildDoc(undated)]);
  assert.equal(r.articles[1].published, null);
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

test('a dateline without a year gives the day; the year comes from a dated article of the same story only', () => {
  const wire = article('wire', 'GENEVA, June 2 (Reuters) - Negotiators met in Geneva for a session on prisoner exchanges.', null);
  const r = annotateTimes([buildDoc(dated), buildDoc(wire)]);
  assert.deepEqual([r.articles[1].published, r.articles[1].publishedBasis], ['2025-06-02', 'inferred']);
  // Alone, the year is unknown: nothing is inferred.
  assert.equal(annotateTimes([buildDoc(wire)]).articles[0].published, null);
  // Beside another story's article from another year, still nothing: its year is not this story's.
  const elsewhere = article('elsewhere', 'The Lisvaro city council approved a new budget for the harbour district.', '2019-03-14');
  assert.equal(annotateTimes([buildDoc(elsewhere), buildDoc(wire)]).articles[1].published, null);
});

test('a "Published" line dates the article; an "Updated" line only bounds it', () => {
  const pub = article('p', 'Ceasefire talks stall\nFirst published on Tue 3 Jun 2025 10.32 BST\nThe talks stalled.', null);
  const r = annotateTimes([buildDoc(pub)]);
  assert.deepEqual([r.articles[0].published, r.articles[0].publishedBasis], ['2025-06-03', 'inferred']);
  const upd = article('u', 'Last updated 3 June 2025\nThe talks stalled.', null);
  assert.equal(annotateTimes([buildDoc(upd)]).articles[0].published, null);
});

test('an article dated by inference dates another of its story in a later round', () => {
  const plan = article('plan', 'GENEVA, June 2, 2025 - Negotiators met in Geneva for a session on prisoner exchanges.', null);
  const wire = article('wire', 'GENEVA, June 3 (Reuters) - The session in Geneva on prisoner exchanges resumed.', null);
  const r = annotateTimes([buildDoc(wire), buildDoc(plan)]);
  assert.deepEqual([r.articles[1].published, r.articles[1].publishedBasis], ['2025-06-02', 'inferred']);
  assert.deepEqual([r.articles[0].published, r.articles[0].publishedBasis], ['2025-06-03', 'inferred']);
});

test('inferPublished: one day or nothing', async () => {
  const { inferPublished } = await import('../../src/time/infer.js');
  const d = (day: number) => ({ y: 2025, m: 6, d: day });
  assert.equal(inferPublished([{ lo: d(1), hi: d(20), why: 'x' }], []), null);
  assert.equal(inferPublished([{ lo: d(1), hi: null, why: 'x' }], []), null);
  assert.equal(inferPublished([{ lo: d(1), hi: d(6), why: 'x', loSoft: true }], []), null);
  assert.deepEqual(inferPublished([{ lo: d(4), hi: d(4), why: 'x' }], []), d(4));
  // Two bounds that meet on one day fix it.
  assert.deepEqual(inferPublished([{ lo: d(4), hi: null, why: 'past' }, { lo: null, hi: d(4), why: 'future' }], []), d(4));
  // Conflicting clues from the batch and the article: the batch's alone.
  assert.deepEqual(inferPublished([{ lo: d(20), hi: d(21), why: 'own' }], [{ lo: d(2), hi: d(2), why: 'batch' }]), d(2));
});

test('same story: articles that share their names, not any two articles', async () => {
  const { sameStory } = await import('../../src/time/infer.js');
  const s = (...w: string[]) => new Set(w);
  assert.equal(sameStory(s('geneva', 'kestria', 'ruiz', 'okafor'), s('kestria', 'ruiz', 'geneva', 'lisvaro', 'drozd')), true);
  assert.equal(sameStory(s('geneva', 'kestria', 'ruiz', 'okafor', 'drozd'), s('washington', 'geneva', 'senate', 'pompeo')), false);
  assert.equal(sameStory(s('geneva'), s('geneva', 'talks')), true);
  assert.equal(sameStory(s(), s('geneva')), false);
});
