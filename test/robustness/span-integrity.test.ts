// The samples' brief, section by section: every span lies inside its article, every quoted,
// time and claim text is exactly its slice, and every id it refers to exists. The checker itself
// is tested first on briefs broken on purpose, so a pass means something.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brief } from '../../src/pipeline.js';
import type { Brief } from '../../src/types.js';
import { integrityViolations, liveMarkup, ROOT } from './helpers.js';

const TEXT = 'Ana Ruiz said: “We will talk.” 🕊️ Talks resume on Monday.';

function tiny(): Brief {
  const a = { id: 'a', source: 'a.txt', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text: TEXT };
  const b = { ...a, id: 'b', source: 'b.txt' };
  const q = TEXT.indexOf('We will talk.');
  const m = TEXT.indexOf('Monday');
  return {
    schema: 'parley/brief@1',
    articles: [a, b],
    entities: [{ id: 'e1', name: 'Ana Ruiz', type: 'person', aliases: [], roles: [], mentions: [{ article: 'a', start: 0, end: 8 }] }],
    quotes: [{ id: 'q1', article: 'a', start: q, end: q + 13, text: 'We will talk.', speaker: 'e1', speakerText: 'Ana Ruiz', cue: 'said', partial: false }],
    times: [{ article: 'a', start: m, end: m + 6, text: 'Monday', value: null, anchor: null }],
    events: [{ id: 'v1', type: 'CONSULT', mode: null, source: 'e1', target: null, date: null, location: null, text: TEXT.slice(m - 20, m + 7), evidence: [{ article: 'a', start: m - 20, end: m + 7 }] }],
    positions: [{ actor: 'e1', issue: 'talks', stance: 'support', evidence: [{ article: 'b', start: 0, end: 8 }] }],
    conditions: [],
    discrepancies: [{ topic: 'day', claims: [{ article: 'a', start: m, end: m + 6, text: 'Monday' }, { article: 'b', start: m, end: m + 6, text: 'Monday' }], explanation: '' }],
    framing: [{ article: 'a', entity: 'e1', tone: 0.2, mentions: 1, cues: [] }],
    problems: [],
  };
}

test('the checker passes a sound brief', () => {
  assert.deepEqual(integrityViolations(tiny()), []);
});

test('the checker catches each kind of broken span and reference', () => {
  const cases: [string, (b: Brief) => void, RegExp][] = [
    ['quote text off by one', (b) => void (b.quotes![0].start += 1), /quotes q1: text/],
    ['span past the end', (b) => void (b.entities![0].mentions[0].end = TEXT.length + 5), /not a non-empty range/],
    ['unknown article', (b) => void (b.times![0].article = 'zzz'), /not in articles/],
    ['offsets counted in code points', (b) => {
      const i = TEXT.indexOf('🕊') + 1; // inside the surrogate pair
      b.positions![0].evidence[0] = { article: 'a', start: i, end: i + 3 };
    }, /splits a surrogate pair/],
    ['event text not its sentence', (b) => void (b.events![0].text = 'Talks resume'), /slice of none/],
    ['dangling speaker', (b) => void (b.quotes![0].speaker = 'e9'), /entity "e9" is not in entities/],
    ['one-article discrepancy', (b) => void (b.discrepancies![0].claims[1].article = 'a'), /fewer than two articles/],
    ['duplicate article id', (b) => void (b.articles[1].id = 'a'), /duplicate id/],
    ['unknown stance', (b) => void ((b.positions![0] as { stance: string }).stance = 'maybe'), /stance: "maybe" is not one of/],
    ['date that is not ISO 8601', (b) => {
      b.articles[0].published = '10/03/2026';
      b.articles[0].publishedBasis = 'metadata';
    }, /not ISO 8601/],
  ];
  for (const [name, breakIt, expected] of cases) {
    const b = tiny();
    breakIt(b);
    const v = integrityViolations(b);
    assert.ok(v.some((line) => expected.test(line)), `${name}: not caught; got ${JSON.stringify(v)}`);
  }
});

test('the live-markup check catches unescaped payloads', () => {
  assert.deepEqual(liveMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="#q1" onclick="show(1)">q</a></p>'), []);
  assert.notDeepEqual(liveMarkup('<p><script>alert(1)</script></p>'), []);
  assert.notDeepEqual(liveMarkup('<p><img src=x onerror=alert(1)></p>'), []);
  assert.notDeepEqual(liveMarkup('<p><a href="javascript:alert(1)">here</a></p>'), []);
  assert.notDeepEqual(liveMarkup('<script>var d = "</script><script>alert(1)</script>";</script>'), []);
});

let samples: Brief;
before(async () => {
  samples = await brief([join(ROOT, 'samples')]);
});

test('the samples are all analysed, with no problems', () => {
  assert.equal(samples.articles.length, 5, JSON.stringify(samples.problems));
  assert.deepEqual(samples.problems, []);
});

test('every span in the samples brief points at its passage', () => {
  const violations = integrityViolations(samples);
  assert.deepEqual(violations, [], violations.slice(0, 30).join('\n'));
});

test('each section the samples brief computes is non-empty', () => {
  // An empty array where the stage exists would hide a stage that silently stopped working.
  for (const key of ['entities', 'quotes', 'times', 'events', 'positions', 'conditions', 'discrepancies', 'framing'] as const) {
    const section = samples[key];
    if (section === undefined) continue;
    assert.ok(section.length > 0, `${key} is present but empty on the samples`);
  }
});

test('every article of the samples carries spans from every per-article stage', () => {
  for (const a of samples.articles) {
    assert.ok((samples.entities ?? []).some((e) => e.mentions.some((m) => m.article === a.id)), `${a.id}: no entity mention`);
    assert.ok((samples.quotes ?? []).some((q) => q.article === a.id), `${a.id}: no quote`);
    assert.ok((samples.times ?? []).some((t) => t.article === a.id), `${a.id}: no time expression`);
  }
});

// The project's own multi-article sets (bench/gold: compare sets, positions and quote texts)
// are varied, realistic batches: each one's brief must be as sound as the samples'.
test('every span in the briefs of the bench/gold article sets points at its passage', { timeout: 300_000 }, async (t) => {
  const gold = join(ROOT, 'bench', 'gold');
  const sets: string[] = [];
  for (const group of ['compare', 'positions', 'quotes']) {
    const dir = join(gold, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) sets.push(path);
    }
  }
  if (sets.length === 0) {
    t.skip('no article sets under bench/gold');
    return;
  }
  const failures: string[] = [];
  let articles = 0;
  for (const set of sets) {
    const result = await brief([set]);
    articles += result.articles.length;
    failures.push(...integrityViolations(result).map((v) => `${set.slice(gold.length + 1)}: ${v}`));
  }
  assert.ok(articles > 0, 'the sets held no articles');
  assert.deepEqual(failures, [], failures.slice(0, 30).join('\n'));
});
