// CSV exports: RFC 4180 quoting and line ends, formula injection defused, and each export's rows
// pointing at the passages they came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionsCsv, csvCell, discrepanciesCsv, positionsCsv, quotesCsv, toCsv } from '../../src/serve/csv.js';
import type { Brief } from '../../src/types.js';

/** A reader of RFC 4180, written independently of the writer, to check round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  return rows;
}

test('cells are quoted only when needed, quotes doubled, rows end in CRLF', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "no"'), '"say ""no"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(0.25), '0.25');
  assert.equal(csvCell(-3), '-3', 'a number is a number, not a formula');
  assert.equal(csvCell(true), 'true');
  const text = toCsv(['a', 'b'], [['x, "y"', 'line\r\nbreak'], [1, null]]);
  assert.ok(text.endsWith('\r\n'));
  assert.deepEqual(parseCsv(text), [
    ['a', 'b'],
    ['x, "y"', 'line\r\nbreak'],
    ['1', ''],
  ]);
});

test('a text cell a spreadsheet would run as a formula starts with an apostrophe', () => {
  for (const evil of ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    const cell = csvCell(evil);
    const value = cell.startsWith('"') ? parseCsv(`${cell}\r\n`)[0][0] : cell;
    assert.equal(value, `'${evil}`, JSON.stringify(evil));
  }
  assert.equal(csvCell('a=b'), 'a=b', 'only a leading sign matters');
});

const brief: Brief = {
  schema: 'parley/brief@1',
  articles: [
    { id: 'a', source: 'a.txt', url: 'https://a.example/1', outlet: 'Outlet A', title: 'T', authors: [], published: '2026-01-02', publishedBasis: 'metadata', language: 'en', kind: 'news', text: 'Minister Ola said: "=cmd|\' /C calc\'!A0, we agree." The talks resume.' },
    { id: 'b', source: 'b.txt', url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text: 'The talks resume on Friday, officials said.' },
  ],
  entities: [{ id: 'ola', name: 'Ola Nordmann', type: 'person', aliases: [], roles: ['minister'], mentions: [] }],
  quotes: [{ id: 'q1', article: 'a', start: 20, end: 51, text: "=cmd|' /C calc'!A0, we agree.", speaker: 'ola', speakerText: 'Minister Ola', cue: 'said', partial: false, speakerConfidence: 0.9 }],
  positions: [{ actor: 'ola', issue: 'talks', stance: 'support', evidence: [{ article: 'a', start: 0, end: 52 }, { article: 'b', start: 0, end: 43 }], attributedBy: ['own', 'writer'], confidence: 0.8 }],
  conditions: [{ actor: 'ola', commitment: 'resume talks', condition: 'if the ceasefire holds', evidence: [{ article: 'b', start: 0, end: 43 }], confidence: 0.4, uncertain: true }],
  discrepancies: [
    {
      topic: 'date of the next round',
      explanation: 'Outlet A says soon; b says Friday.',
      claims: [
        { article: 'a', start: 53, end: 69, text: 'The talks resume.' },
        { article: 'b', start: 0, end: 43, text: 'The talks resume on Friday, officials said.' },
      ],
      confidence: 0.7,
    },
  ],
  problems: [],
};

test('each export has a header row and one row per item, with names and passages filled in', () => {
  const quotes = parseCsv(quotesCsv(brief));
  assert.deepEqual(quotes[0].slice(0, 4), ['id', 'speaker', 'speaker_id', 'speaker_text']);
  const q = Object.fromEntries(quotes[0].map((h, i) => [h, quotes[1][i]]));
  assert.equal(q.speaker, 'Ola Nordmann');
  assert.equal(q.quote, "'=cmd|' /C calc'!A0, we agree.", 'the quote that starts with = is defused');
  assert.equal(q.outlet, 'Outlet A');
  assert.equal(q.start, '20');

  const positions = parseCsv(positionsCsv(brief));
  const p = Object.fromEntries(positions[0].map((h, i) => [h, positions[1][i]]));
  assert.equal(p.actor, 'Ola Nordmann');
  assert.equal(p.evidence_count, '2');
  assert.equal(p.first_passage, brief.articles[0].text.slice(0, 52));
  assert.equal(p.all_evidence, 'a:0-52; b:0-43');

  const conditions = parseCsv(conditionsCsv(brief));
  const c = Object.fromEntries(conditions[0].map((h, i) => [h, conditions[1][i]]));
  assert.equal(c.uncertain, 'true');
  assert.equal(c.first_outlet, 'b', 'an article without an outlet is named by its id');

  const disc = parseCsv(discrepanciesCsv(brief));
  assert.equal(disc.length, 3, 'one row per claim');
  assert.deepEqual(
    disc.slice(1).map((r) => [r[0], r[6], r[8]]),
    [
      ['1', 'Outlet A', 'The talks resume.'],
      ['1', 'b', 'The talks resume on Friday, officials said.'],
    ],
  );
});

test('a brief without a section exports just the header', () => {
  const empty: Brief = { schema: 'parley/brief@1', articles: [], problems: [] };
  for (const f of [quotesCsv, positionsCsv, conditionsCsv, discrepanciesCsv]) assert.equal(parseCsv(f(empty)).length, 1);
});
