// HTML metadata: meta tags, JSON-LD, <time>; and the traps — update times, "today" stamps,
// copyright years — that are not the publication date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtmlArticle } from '../../src/ingest/html/index.js';
import { stripOutletSuffix } from '../../src/ingest/html/metadata.js';

const BODY = `<p>Negotiators from Dravenia and the Ostmark Federation resumed ceasefire talks on Tuesday after a four-week pause, exchanging written proposals.</p>
<p>The two delegations met behind closed doors for six hours, and officials said a second round would follow next week in the same building.</p>
<p>Mediators from the Council of Northern States described the atmosphere as businesslike but tense, and said both sides had agreed to keep talking.</p>`;

const page = (head: string, body: string, lang = 'en') => `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

test('JSON-LD gives headline, publisher, authors, datePublished (not dateModified), canonical', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'ignored site', url: 'https://ledger.example/' },
      {
        '@type': 'NewsArticle',
        headline: 'Envoys agree prisoner exchange framework',
        datePublished: '2025-06-03T07:15:00Z',
        dateModified: '2025-06-05T10:00:00Z',
        author: [{ '@type': 'Person', name: 'Aleksander Brandt' }, { '@type': 'Person', name: 'Sofia Lind' }],
        publisher: { '@type': 'NewsMediaOrganization', name: 'Northern Ledger' },
        url: 'https://ledger.example/europe/prisoner-framework',
      },
    ],
  };
  const a = extractHtmlArticle(page(`<title>x</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<article>${BODY}</article>`), null);
  assert.equal(a.title, 'Envoys agree prisoner exchange framework');
  assert.equal(a.outlet, 'Northern Ledger');
  assert.deepEqual(a.authors, ['Aleksander Brandt', 'Sofia Lind']);
  assert.equal(a.published, '2025-06-03T07:15:00Z');
  assert.equal(a.publishedBasis, 'metadata');
  assert.equal(a.canonical, 'https://ledger.example/europe/prisoner-framework');
});

test('broken JSON-LD is skipped; meta tags still give the facts', () => {
  const head = `<script type="application/ld+json">{ "@type": "NewsArticle", broken </script>
    <meta property="og:site_name" content="Baltic Wire"><meta name="author" content="By JANE DOE and John Roe">
    <meta name="parsely-pub-date" content="2025-06-03T09:15:00+0200"><title>Grain talks continue - Baltic Wire</title>`;
  const a = extractHtmlArticle(page(head, `<article>${BODY}</article>`), null);
  assert.equal(a.outlet, 'Baltic Wire');
  assert.equal(a.title, 'Grain talks continue');
  assert.deepEqual(a.authors, ['Jane Doe', 'John Roe']);
  assert.equal(a.published, '2025-06-03T09:15:00+02:00');
});

test('outlet falls back to the host name of the canonical URL or the fetched URL', () => {
  const a = extractHtmlArticle(page('<title>Talks</title>', `<article><h1>Talks resume in Lisvaro</h1>${BODY}</article>`), 'https://www.courier.example/world/talks');
  assert.equal(a.outlet, 'courier.example');
  assert.equal(a.canonical, null);
});

test('<time datetime> is used, but not one marked as an update', () => {
  const body = `<article><h1>Talks resume</h1>
    <p class="meta">Updated <time class="updated" datetime="2025-06-05T10:00:00+02:00">5 June</time></p>
    <p class="meta">Published <time datetime="2025-06-03T09:15:00+02:00">3 June</time></p>${BODY}</article>`;
  const a = extractHtmlArticle(page('<title>Talks</title>', body), null);
  assert.equal(a.published, '2025-06-03T09:15:00+02:00');
});

test('no date in metadata: the visible dateline is used, not "Today:", "Updated" or the copyright year', () => {
  const body = `<header><div class="top">Today: Friday 6 June 2025</div><nav><a href="/">Home</a></nav></header>
    <article><h1>Ceasefire talks resume in Lisvaro</h1>
    <p>By Marta Kovalenko</p><p>Updated: Thursday 5 June 2025 14:02 CEST</p><p>Tuesday 3 June 2025 09:15 CEST</p>${BODY}</article>
    <footer>© 2025 The Harbour Courier</footer>`;
  const a = extractHtmlArticle(page('<title>Ceasefire talks resume in Lisvaro</title>', body), null);
  assert.equal(a.published, '2025-06-03T09:15+02:00');
  assert.equal(a.publishedBasis, 'dateline');
  assert.deepEqual(a.authors, ['Marta Kovalenko']);
  assert.doesNotMatch(a.text, /Updated|Today|By Marta/);
});

test('only a stamp, an update time and a copyright year: published stays null', () => {
  const body = `<div>Today: Friday 6 June 2025</div><article><h1>Grain corridor talks to continue</h1>
    <p>Last updated 5 June 2025, 11:00</p>${BODY}</article><footer>Copyright © 2025 Baltic Wire</footer>`;
  const a = extractHtmlArticle(page('<title>Grain corridor talks to continue</title>', body), null);
  assert.equal(a.published, null);
  assert.equal(a.publishedBasis, null);
});

test('declared language comes from html lang or og:locale', () => {
  assert.equal(extractHtmlArticle(page('', `<article>${BODY}</article>`, 'en-GB'), null).declaredLanguage, 'en');
  const noLang = `<!doctype html><html><head><meta property="og:locale" content="de_DE"></head><body><article>${BODY}</article></body></html>`;
  assert.equal(extractHtmlArticle(noLang, null).declaredLanguage, 'de');
});

test('the outlet suffix is cut from a <title>, a real subtitle is not', () => {
  assert.equal(stripOutletSuffix('Talks resume | The Harbour Courier', 'The Harbour Courier'), 'Talks resume');
  assert.equal(stripOutletSuffix('Talks resume - Courier News', 'Courier News'), 'Talks resume');
  assert.equal(stripOutletSuffix('Talks resume | courier.example', null), 'Talks resume');
  assert.equal(stripOutletSuffix('Ceasefire talks - what we know', 'The Courier'), 'Ceasefire talks - what we know');
  assert.equal(stripOutletSuffix('Ostmark – the long road to a truce that neither side wanted to sign', 'Courier'), 'Ostmark – the long road to a truce that neither side wanted to sign');
});

test('an organisation credited as author, or the outlet named as author, is not a byline', () => {
  const ld = { '@type': 'NewsArticle', headline: 'Talks resume', author: [{ '@type': 'Organization', name: 'Northwire' }], datePublished: '2025-06-03' };
  const a = extractHtmlArticle(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script><meta name="author" content="Baltic Wire"><meta property="og:site_name" content="Baltic Wire">`, `<article>${BODY}</article>`), null);
  assert.deepEqual(a.authors, []);
});

test("the page's own address printed as a line is not body text", () => {
  const url = 'https://courier.example/world/talks-resume';
  const a = extractHtmlArticle(page(`<link rel="canonical" href="${url}">`, `<article><p>${url}</p>${BODY}</article>`), url);
  assert.ok(!a.text.includes(url));
  assert.match(a.text, /^Negotiators from Dravenia/);
});

test('an unclosed <h1> that swallows the body is not the headline; the <title> is, and the body is kept', () => {
  // The parser nests every paragraph after an unclosed heading inside it.
  const html = `<html><head><title>Talks pause in Vellmar | Harbour Times</title></head><body><article><h1>Talks pause in Vellmar</h2>${BODY}</article></body></html>`;
  const a = extractHtmlArticle(html, null);
  assert.equal(a.title, 'Talks pause in Vellmar');
  assert.match(a.text, /resumed ceasefire talks on Tuesday/);
  assert.match(a.text, /agreed to keep talking/);
  // No heading text before the first block and no title: no headline rather than a paragraph.
  const noTitle = extractHtmlArticle(`<html><body><article><h1>${BODY}</h1></article></body></html>`, null);
  assert.ok(noTitle.title === null || noTitle.title.split(' ').length <= 40, `headline: ${noTitle.title}`);
});

test('markup inside a name in the metadata is not part of the name (outlet, author)', () => {
  const head = `<title>Talks resume</title><meta property="og:site_name" content="The Orsava Courier &lt;img src=x onerror=alert(2)&gt;"><meta name="author" content="Lena &lt;script&gt;alert(3)&lt;/script&gt; Varga">`;
  const a = extractHtmlArticle(page(head, `<article><h1>Talks resume</h1>${BODY}</article>`), null);
  assert.equal(a.outlet, 'The Orsava Courier');
  assert.deepEqual(a.authors, ['Lena Varga']);
});
