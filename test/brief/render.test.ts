import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, jsonForScript, passageHash, renderHtml } from '../../src/brief/html.js';
import { escapeMarkdown, passageHref, renderMarkdown } from '../../src/brief/markdown.js';
import type { Brief } from '../../src/types.js';
import { hostileBrief } from './hostile.js';

function minimal(): Brief {
  return {
    schema: 'parley/brief@1',
    articles: [{ id: 'a', source: 'a.txt', url: null, outlet: 'Meridian Press', title: 'Talks', authors: [], published: '2026-11-18', publishedBasis: 'metadata', language: 'en', kind: 'news', text: 'Talks resumed.' }],
    problems: [],
  };
}

test('sections the brief did not compute are absent from both pages', () => {
  const html = renderHtml(minimal());
  const md = renderMarkdown(minimal());
  for (const id of ['actors', 'positions', 'conditions', 'timeline', 'quotes', 'events', 'discrepancies', 'framing']) assert.doesNotMatch(html, new RegExp(`<section id="${id}"`));
  assert.match(html, /<section id="articles"/);
  assert.doesNotMatch(md, /## (Actors|Who said what|Where the sources disagree|Framing|Timeline)/);
});

test('a computed but empty section says so instead of vanishing', () => {
  const html = renderHtml({ ...minimal(), discrepancies: [] });
  assert.match(html, /<section id="discrepancies"><h2>Where the sources disagree<\/h2>\s*<p>No disagreement/);
});

test('data for the page script cannot close its element, and text is escaped', () => {
  const json = jsonForScript({ t: '</script><script>alert(1)</script><!-- \u2028' });
  assert.doesNotMatch(json, /[<>&\u2028]/);
  assert.deepEqual(JSON.parse(json), { t: '</script><script>alert(1)</script><!-- \u2028' });
  assert.equal(escapeHtml(`<img src=x onerror="a('b')">`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;');
  // Escaped brackets cannot open a link, so the parentheses after them stay plain text.
  assert.equal(escapeMarkdown('[x](javascript:alert(1))'), '\\[x\\](javascript:alert(1))');
  assert.equal(escapeMarkdown('<b>&amp; *x* `y` | z'), '\\<b\\>\\&amp; \\*x\\* \\`y\\` \\| z');
  assert.equal(escapeMarkdown('- 2026-11-18, # 3'), '\\- 2026-11-18, # 3');
  assert.equal(escapeMarkdown('1. item'), '1\\. item');
});

test('every item links to its passage; the page is locked to its own script and no network', () => {
  const b = hostileBrief();
  const html = renderHtml(b);
  assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*script-src &#39;sha256-/);
  const q = b.quotes![0];
  assert.ok(html.includes(escapeHtml(passageHash(q))));
  assert.ok(renderMarkdown(b).includes(passageHref(q).replace(/[()]/g, '')) || renderMarkdown(b).includes(passageHref(q)));
  // Outside the data block, no tag comes from the brief's text.
  const body = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
  assert.doesNotMatch(body, /<img|<svg|<iframe|href="javascript:/);
  assert.equal((body.match(/<script/g) ?? []).length, 1);
});

test('a passage link survives any article id, in Markdown and in the page', () => {
  const href = passageHref({ article: 'report (final) [v2]', start: 3, end: 9 });
  assert.doesNotMatch(href.slice('brief.html'.length), /[()[\] ]/);
  const m = /#a=([^&]*)&s=(\d+)&e=(\d+)$/.exec(href)!;
  assert.equal(decodeURIComponent(m[1]), 'report (final) [v2]');
  assert.equal(passageHash({ article: 'a&b', start: 1, end: 2 }), '#a=a%26b&s=1&e=2');
});

test('items under the confidence threshold leave the main views and appear collapsed as uncertain', () => {
  const text = 'Meridia demands a ceasefire. Kestria may accept sanctions relief. “We will not sign,” an aide said.';
  const b: Brief = {
    ...minimal(),
    articles: [{ ...minimal().articles[0], text }],
    entities: [
      { id: 'meridia', name: 'Meridia', type: 'place', aliases: [], roles: [], mentions: [{ article: 'a', start: 0, end: 7 }] },
      { id: 'kestria', name: 'Kestria', type: 'place', aliases: [], roles: [], mentions: [{ article: 'a', start: 29, end: 36 }] },
    ],
    positions: [
      { actor: 'meridia', issue: 'ceasefire', stance: 'demand', evidence: [{ article: 'a', start: 0, end: 28 }], confidence: 0.93 },
      { actor: 'kestria', issue: 'sanctions relief', stance: 'support', evidence: [{ article: 'a', start: 29, end: 65 }], confidence: 0.41, uncertain: true },
    ],
    quotes: [{ id: 'q1', article: 'a', start: 67, end: 83, text: 'We will not sign', speaker: null, speakerText: 'an aide', cue: 'said', partial: false, speakerConfidence: 0.3, possibleSpeaker: 'kestria' }],
  };
  const md = renderMarkdown(b);
  const matrix = md.slice(md.indexOf('## What each side wants'), md.indexOf('<details>'));
  assert.match(matrix, /ceasefire/);
  assert.doesNotMatch(matrix, /sanctions relief/, 'an uncertain position is not in the matrix');
  assert.match(md, /<details><summary>Uncertain \(1\)[^\n]*\n\n- Kestria — support: sanctions relief — confidence 0\.41/);
  assert.match(md, /- “We will not sign” — possibly Kestria — confidence 0\.30/);
  const html = renderHtml(b);
  const positions = /<section id="positions">([\s\S]*?)<\/section>/.exec(html)![1];
  assert.match(positions, /<details class="uncertain"><summary>Uncertain \(1\)/);
  assert.doesNotMatch(positions.slice(0, positions.indexOf('<details')), /sanctions relief/);
  assert.doesNotMatch(positions, /<details[^>]* open/, 'collapsed by default');
  const quotes = /<section id="quotes">([\s\S]*?)<\/section>/.exec(html)![1];
  assert.match(quotes, /<h3>Unattributed or unnamed sources<\/h3>/, 'the quote itself stays, without a speaker');
  assert.match(quotes, /possibly Kestria/);
});
