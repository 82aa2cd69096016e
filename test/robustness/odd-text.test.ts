// Odd but possible article texts through `analyse` (and the renderers): none may throw, and every
// span the brief gives must still be a slice of the text. Each text is built here from rules, so a
// failure names the shape of text that broke a stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse, brief } from '../../src/pipeline.js';
import { renderHtml } from '../../src/brief/html.js';
import { renderMarkdown } from '../../src/brief/markdown.js';
import type { Article, Brief } from '../../src/types.js';
import { FIXTURES, integrityViolations, liveMarkup, quotesOf } from './helpers.js';

// A hang guard, not a speed check: speed, including on these texts at larger sizes, is measured
// in bench/pipeline.ts. Sizes here are kept small because some stages are quadratic in them.
const HANG_GUARD = { timeout: 180_000 };

function article(id: string, text: string, published: string | null = '2026-03-10'): Article {
  return {
    id,
    source: `${id}.txt`,
    url: null,
    outlet: null,
    title: null,
    authors: [],
    published,
    publishedBasis: published ? 'metadata' : null,
    language: 'en',
    kind: null,
    text,
  };
}

const GOOD = readFileSync(join(FIXTURES, 'good-article.txt'), 'utf8');
const SENTENCE = 'Foreign Minister Ayşe Demirağ said on Tuesday that Valdoria would accept a truce only if Kesmet withdrew its artillery.';

/** Analyse, render, and collect what went wrong, so each case reports all of it at once. */
function run(articles: Article[]): { result: Brief; problems: string[] } {
  const problems: string[] = [];
  let result: Brief;
  try {
    result = analyse(articles, []);
  } catch (err) {
    throw new Error(`analyse() threw: ${(err as Error).stack}`);
  }
  problems.push(...integrityViolations(result));
  try {
    problems.push(...liveMarkup(renderHtml(result)).map((s) => `brief.html: ${s}`));
    renderMarkdown(result);
  } catch (err) {
    problems.push(`rendering threw: ${(err as Error).stack}`);
  }
  return { result, problems };
}

const CASES: [string, () => string][] = [
  ['only quote marks and punctuation', () => '"“”«»‘’\'\'"„“‹›「」 — … !!! ??? ;;; '.repeat(200)],
  ['one 5,000-word paragraph with no full stop', () => Array.from({ length: 500 }, (_, i) => `delegates from Valdoria met envoys of Kesmet ${i} times on Monday and`).join(' ')],
  ['a thousand capitalised words in a row', () => Array.from({ length: 1000 }, (_, i) => `Minister${String.fromCharCode(65 + (i % 26))}`).join(' ') + ' said.'],
  ['impossible dates and times', () =>
    [
      'The talks began on 31 February 2026 and ended on 30 February, officials said on Monday 32 March 2026.',
      'A session was set for 25:99 CEST on 2026-13-45, and another for 00:00 on 0000-00-00.',
      'The truce runs from the year 0 to 10000, or 99/99/9999, or for -5 days, or for 1e309 days.',
      'Delegates met on Friday 29 February 2027, which does not exist, and "next Blursday".',
      'Monday Monday Monday last next this Tuesday week month year ago ago ago.',
    ].join('\n\n')],
  ['invisible and direction characters', () =>
    `\u200B\u200E\u202E${SENTENCE}\u202C \u00A0\u00AD\u2060“We will\u200D talk,” said Ines\u00A0Wüthrich.\u2028Ayşe Demira\u0306g\u0306 said: \u2067“تفاوض”\u2069.\f\v\t${SENTENCE}`],
  ['a lone surrogate and astral characters', () => `\uD800 ${SENTENCE} 𝐃𝐞𝐦𝐢𝐫𝐚ğ said “🕊️ we agree 🇺🇳” on Tuesday \uDC00. 👨‍👩‍👧 Kesmet’s envoy Tomáš Šebestík 🤝 agreed.`],
  ['old Mac line endings (CR only)', () => GOOD.replace(/\n/g, '\r')],
  ['a quote of 1,400 words', () => `Demirağ said: “${'we will not give up the river and '.repeat(200)}end.” Talks resume on Monday.`],
  ['a 20,000-character word (a pasted data: URI)', () => `${SENTENCE} data:image/png;base64,${'iVBORw0KGgo'.repeat(1800)} ${SENTENCE}`],
  ['a 20,000-character word of letters', () => `${SENTENCE} ${'a'.repeat(20_000)} ${SENTENCE}`],
  ['"said" a thousand times', () => Array.from({ length: 1000 }, () => 'said').join(' ') + `. “Yes,” said said said.`],
  ['nested and crossed quote marks', () => Array.from({ length: 50 }, () => `“She said ‘he said “no” and ‘yes’” but « non » ” ‘`).join('\n') + `\n\n${SENTENCE}`],
  ['markup and code as text', () => `<p onclick="alert(1)">${SENTENCE}</p>\n\n<script>alert(1)</script> {"said": "Demirağ"} \`rm -rf /\` $(whoami) %s %n {{7*7}} \${7*7}\n\n${SENTENCE}`],
];

for (const [name, make] of CASES) {
  test(`odd text: ${name}`, HANG_GUARD, () => {
    const text = make();
    const { problems } = run([article('odd', text), article('good', GOOD)]);
    assert.deepEqual(problems, [], problems.slice(0, 20).join('\n'));
  });
}

test('an article with no publication date and an empty-ish one analyse together', HANG_GUARD, () => {
  const { result, problems } = run([article('undated', GOOD, null), article('tiny', '.', null), article('dated', SENTENCE)]);
  assert.deepEqual(problems, [], problems.join('\n'));
  assert.equal(result.articles.length, 3);
});

test('no articles at all gives an empty, valid brief', () => {
  const result = analyse([], [{ source: 'x.txt', message: 'x.txt: no such file or directory; check the path' }]);
  assert.deepEqual(result.articles, []);
  assert.equal(result.problems.length, 1);
  assert.deepEqual(integrityViolations(result), []);
  renderHtml(result);
  renderMarkdown(result);
});

test('the same article twice yields two articles, each with its own spans', HANG_GUARD, () => {
  const { result, problems } = run([article('copy-a', GOOD), article('copy-b', GOOD)]);
  assert.deepEqual(problems, [], problems.join('\n'));
  const a = quotesOf(result, 'copy-a').map((q) => [q.start, q.end, q.text]);
  const b = quotesOf(result, 'copy-b').map((q) => [q.start, q.end, q.text]);
  assert.deepEqual(a, b, 'identical texts were quoted differently');
});

test('Windows line endings and a byte-order mark change no finding', HANG_GUARD, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-crlf-'));
  try {
    mkdirSync(join(dir, 'lf'));
    mkdirSync(join(dir, 'crlf'));
    writeFileSync(join(dir, 'lf', 'report.txt'), GOOD);
    writeFileSync(join(dir, 'crlf', 'report.txt'), `\uFEFF${GOOD.replace(/\n/g, '\r\n')}`);
    const lf = await brief([join(dir, 'lf', 'report.txt')]);
    const crlf = await brief([join(dir, 'crlf', 'report.txt')]);
    assert.deepEqual(integrityViolations(crlf), []);
    const summary = (b: Brief) => ({
      title: b.articles[0]?.title,
      published: b.articles[0]?.published,
      quotes: (b.quotes ?? []).map((q) => q.text),
      times: (b.times ?? []).map((t) => `${t.text}=${t.value}`),
      entities: (b.entities ?? []).map((e) => `${e.name}:${e.mentions.length}`).sort(),
    });
    assert.deepEqual(summary(crlf), summary(lf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two files with the same name in different folders get distinct ids and keep their own spans', HANG_GUARD, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-same-name-'));
  try {
    for (const sub of ['wire', 'paper']) {
      mkdirSync(join(dir, sub));
    }
    writeFileSync(join(dir, 'wire', 'report.txt'), GOOD);
    writeFileSync(join(dir, 'paper', 'report.txt'), readFileSync(join(FIXTURES, 'unbalanced-quotes.txt')));
    const result = await brief([dir]);
    assert.equal(result.articles.length, 2, JSON.stringify(result.problems));
    assert.notEqual(result.articles[0].id, result.articles[1].id);
    assert.deepEqual(integrityViolations(result), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('garbage publication metadata never becomes an invalid date', HANG_GUARD, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-dates-'));
  const body = `<article><h1>Talks resume</h1><p>${SENTENCE} ${SENTENCE}</p><p>The two delegations will meet again next Monday, the mediator said on Tuesday.</p></article>`;
  const metas = [
    '<meta property="article:published_time" content="yesterday">',
    '<meta property="article:published_time" content="2026-02-31T09:00:00Z">',
    '<meta property="article:published_time" content="2026-13-45">',
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":{"oops":1},"author":[null,{"name":null},7]}</script>',
    '<script type="application/ld+json">{"@type":"NewsArticle",</script>',
    '<time datetime="99999-01-01">long ago</time>',
  ];
  try {
    const paths = metas.map((meta, i) => {
      const path = join(dir, `meta-${i}.html`);
      writeFileSync(path, `<!doctype html><html lang="en"><head><title>Talks</title>${meta}</head><body>${body}</body></html>`);
      return path;
    });
    const result = await brief(paths);
    assert.equal(result.articles.length, metas.length, JSON.stringify(result.problems));
    for (const a of result.articles) {
      if (a.published === null) continue;
      const ok = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(a.published) && !Number.isNaN(Date.parse(a.published.slice(0, 10)));
      const [y, m, d] = a.published.slice(0, 10).split('-').map(Number);
      const real = ok && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      assert.ok(real, `${a.source}: published ${JSON.stringify(a.published)} is not a real ISO 8601 date`);
    }
    assert.deepEqual(integrityViolations(result), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'straight quote marks inside a curly quotation do not cut it short',
  () => {
    const text = '“The so-called "peace plan" is a farce,” Foreign Minister Ayşe Demirağ said on Tuesday.';
    const quotes = quotesOf(analyse([article('nested', text)]), 'nested');
    assert.ok(
      quotes.some((q) => q.text.includes('peace plan" is a farce')),
      `quotes: ${JSON.stringify(quotes.map((q) => q.text))}`,
    );
  },
);
