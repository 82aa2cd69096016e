// One good article in a batch of bad ones, through the public API (`brief`): the good article is
// analysed, every bad input becomes a problem whose source names it and whose message says what to
// do (standard error carries both: see cli.test.ts), nothing throws,
// and every span in the brief still points at its passage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, rmSync } from 'node:fs';
import { brief } from '../../src/pipeline.js';
import type { Brief } from '../../src/types.js';
import { ACTIONABLE, articleIdOf, integrityViolations, makeBadBatch, quotesOf, type BadBatch } from './helpers.js';

let batch: BadBatch;
let result: Brief;
let thrown: unknown = null;

before(async () => {
  batch = makeBadBatch();
  const inputs = [batch.good, ...Object.values(batch.bad), ...Object.values(batch.analysed), ...Object.values(batch.reported)];
  try {
    result = await brief(inputs);
  } catch (err) {
    thrown = err;
  }
});

after(() => {
  if (!batch) return;
  chmodSync(batch.bad.unreadable, 0o644);
  rmSync(batch.dir, { recursive: true, force: true });
});

function problemFor(path: string) {
  return result.problems.filter((p) => p.source === path);
}

test('the batch does not throw', () => {
  assert.equal(thrown, null, `brief() threw: ${(thrown as Error)?.stack ?? thrown}`);
  assert.ok(result);
});

test('the good article is analysed', () => {
  const id = articleIdOf(result, batch.good);
  assert.ok(id, `no article from ${batch.good}; problems: ${JSON.stringify(result.problems, null, 1)}`);
  assert.equal(problemFor(batch.good).length, 0, JSON.stringify(problemFor(batch.good)));
  const article = result.articles.find((a) => a.id === id)!;
  assert.equal(article.language, 'en');
  assert.match(article.text, /exchange 120 prisoners/);
  // Analysed means the stages ran on it, not only that it was read.
  assert.ok((result.entities ?? []).some((e) => e.mentions.some((m) => m.article === id)), 'no entity mention in the good article');
  assert.ok(quotesOf(result, id).length >= 3, `only ${quotesOf(result, id).length} quotes found in the good article`);
  assert.ok((result.times ?? []).some((t) => t.article === id), 'no time expression in the good article');
});

/** Failing cases owned by another stage, kept as todo so CI stays green until they are fixed. */
const KNOWN: Record<string, string | undefined> = {
};

for (const name of ['missing', 'path through a file', 'device file', 'ftp URL', 'loopback URL', 'unreadable', 'random bytes', 'PNG header', 'empty .txt', 'whitespace-only .txt', 'HTML with no article body', 'over the size cap']) {
  test(`bad input "${name}" is a problem that names it and says what to do`, { todo: KNOWN[name] }, (t) => {
    const path = batch.bad[name];
    if (name === 'unreadable' && batch.unreadableIsReadable) {
      t.skip('chmod 000 does not stop this user (root) from reading the file; the unreadable case cannot be produced here');
      return;
    }
    const found = problemFor(path);
    assert.equal(found.length, 1, `expected one problem for ${path}, got ${JSON.stringify(found)}; all sources: ${result.problems.map((p) => p.source).join(', ')}`);
    assert.match(found[0].message, ACTIONABLE, `message says nothing the user can do: ${found[0].message}`);
    assert.equal(articleIdOf(result, path), undefined, `${name} was turned into an article`);
  });
}

test('each bad input is described for what it is', () => {
  const message = (name: string) => problemFor(batch.bad[name])[0]?.message ?? '';
  assert.match(message('missing'), /no such file|not found|does not exist/i);
  assert.match(message('device file'), /not a (?:regular )?file/i);
  assert.match(message('path through a file'), /not a directory|check the path/i);
  assert.match(message('ftp URL'), /http/i);
  assert.match(message('loopback URL'), /private|loopback|local/i);
  assert.match(message('random bytes'), /binary/i);
  assert.match(message('PNG header'), /PNG|image/i);
  assert.match(message('empty .txt'), /empty/i);
  assert.match(message('whitespace-only .txt'), /empty|no article/i);
  assert.match(message('HTML with no article body'), /no article body|no article/i);
  assert.match(message('over the size cap'), /MB|size|large|bytes/i);
  if (!batch.unreadableIsReadable) assert.match(message('unreadable'), /permission|read/i);
});

test('broken HTML is still read as an article', () => {
  const id = articleIdOf(result, batch.analysed['broken HTML']);
  assert.ok(id, `broken.html was not analysed: ${JSON.stringify(problemFor(batch.analysed['broken HTML']))}`);
  const text = result.articles.find((a) => a.id === id)!.text;
  assert.match(text, /BROKEN-MARKER Negotiators/);
  assert.match(text, /prisoner exchange agreed on Tuesday/);
  assert.doesNotMatch(text, /<\/?(?:p|b|i|div|span|td|article)\b/, 'tag markup leaked into the article text');
});

test(
  'broken HTML: an unclosed <h1> does not make the whole body the headline',
  () => {
    const id = articleIdOf(result, batch.analysed['broken HTML']);
    const title = result.articles.find((a) => a.id === id)?.title ?? '';
    assert.ok(title.length > 0 && title.length < 120, `headline: ${JSON.stringify(title)}`);
    assert.doesNotMatch(title, /BROKEN-MARKER|Negotiators/, `headline swallowed the body: ${JSON.stringify(title)}`);
  },
);

test('non-English articles are ingested and their language reported', () => {
  for (const [lang, code] of [['German', 'de'], ['Spanish', 'es']] as const) {
    const path = batch.reported[lang];
    const id = articleIdOf(result, path);
    assert.ok(id, `${lang} article not ingested: ${JSON.stringify(problemFor(path))}`);
    assert.equal(result.articles.find((a) => a.id === id)!.language, code);
    const found = problemFor(path);
    assert.equal(found.length, 1, `${lang}: expected one problem, got ${JSON.stringify(found)}`);
    assert.match(found[0].message, new RegExp(lang), found[0].message);
  }
});

test('unbalanced quote marks do not swallow the following paragraphs', () => {
  const id = articleIdOf(result, batch.analysed['unbalanced quote marks']);
  assert.ok(id, 'unbalanced-quotes.txt was not analysed');
  const quotes = quotesOf(result, id);
  for (const q of quotes) {
    assert.doesNotMatch(q.text, /SENTINEL-PARAGRAPH/, `quote ${q.id} ran past its paragraph: ${JSON.stringify(q.text)}`);
    assert.doesNotMatch(q.text, /\n\s*\n/, `quote ${q.id} spans a blank line with no opening mark after it: ${JSON.stringify(q.text)}`);
  }
  // The well-formed quote after the broken ones is still found.
  assert.ok(
    quotes.some((q) => q.text.includes('The protocol on prisoners stands')),
    `the closing, balanced quote was lost; quotes: ${JSON.stringify(quotes.map((q) => q.text))}`,
  );
});

test('every span in the bad batch points at its passage', () => {
  const violations = integrityViolations(result);
  assert.deepEqual(violations, [], violations.slice(0, 30).join('\n'));
});

test('every problem names an input that was given', () => {
  const given = new Set([batch.good, ...Object.values(batch.bad), ...Object.values(batch.analysed), ...Object.values(batch.reported)]);
  for (const p of result.problems) assert.ok(given.has(p.source), `problem for an input nobody gave: ${JSON.stringify(p)}`);
});
