// The bad-input batch through the command line: exit 0 because one article worked, every bad
// input named on standard error, the three files written, and brief.html inert although the
// articles carry <script>, onerror= and javascript: payloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Brief } from '../../src/types.js';
import { articleIdOf, integrityViolations, liveMarkup, makeBadBatch, runCli, type BadBatch } from './helpers.js';

let batch: BadBatch;
let run: ReturnType<typeof runCli>;
let out: string;
let json: Brief;

before(() => {
  batch = makeBadBatch();
  out = join(batch.dir, 'brief-out');
  // The folder holds the good article and every bad file; the other bad inputs are passed on their own.
  run = runCli(['brief', batch.dir, ...batch.outside, '--out', out]);
  if (existsSync(join(out, 'brief.json'))) json = JSON.parse(readFileSync(join(out, 'brief.json'), 'utf8'));
});

after(() => {
  if (!batch) return;
  chmodSync(batch.bad.unreadable, 0o644);
  rmSync(batch.dir, { recursive: true, force: true });
});

test('exit code 0 and no internal error when one article of a bad batch works', () => {
  assert.equal(run.signal, null, `killed by ${run.signal}`);
  assert.doesNotMatch(run.stderr, /internal error|Unhandled|TypeError|RangeError|at .*\.ts:\d+/, run.stderr);
  assert.equal(run.code, 0, run.stderr);
});

test('brief.json, brief.md and brief.html are written', () => {
  for (const f of ['brief.json', 'brief.md', 'brief.html']) assert.ok(existsSync(join(out, f)), `${f} missing; stderr:\n${run.stderr}`);
  assert.ok(articleIdOf(json, batch.good), 'the good article is not in brief.json');
});

test('standard error names every bad input', () => {
  for (const [name, path] of Object.entries(batch.bad)) {
    if (name === 'unreadable' && batch.unreadableIsReadable) continue;
    assert.ok(run.stderr.includes(path), `stderr does not name the ${name} input ${path}:\n${run.stderr}`);
    assert.ok(json.problems.some((p) => p.source === path), `brief.json problems lack the ${name} input`);
  }
});

test('the payload-carrying article is analysed with its payload as text', () => {
  const id = articleIdOf(json, batch.analysed['script injection']);
  assert.ok(id, 'injection.html was not analysed');
  const article = json.articles.find((a) => a.id === id)!;
  // Precondition of the next test: the payloads really reach the brief as data.
  assert.match(article.text, /<script>alert\(1\)<\/script>/);
  assert.match(article.title ?? '', /<script>alert\(1\)<\/script>/);
  // Live markup of the page is not article text.
  assert.doesNotMatch(article.text, /live-(?:script|onerror|href|onload)/);
});

test('brief.html runs nothing from the articles', () => {
  const html = readFileSync(join(out, 'brief.html'), 'utf8');
  const live = liveMarkup(html);
  assert.deepEqual(live, [], live.join('\n'));
  // The payload is shown to the reader, escaped, not dropped: the title at least is on the page.
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the escaped payload does not appear in brief.html');
});

test('brief.html is self-contained: no network resource', () => {
  const html = readFileSync(join(out, 'brief.html'), 'utf8');
  const remote = html.match(/<(?:script|link|img|iframe)\b[^>]*(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi) ?? [];
  assert.deepEqual(remote, []);
});

test('every span in the CLI brief points at its passage', () => {
  const violations = integrityViolations(json);
  assert.deepEqual(violations, [], violations.slice(0, 30).join('\n'));
});

test('--json on the bad batch prints only the brief on standard output', () => {
  const r = runCli(['brief', batch.dir, ...batch.outside, '--json']);
  assert.equal(r.code, 0, r.stderr);
  let parsed: Brief | undefined;
  assert.doesNotThrow(() => {
    parsed = JSON.parse(r.stdout);
  }, `stdout is not just JSON: ${r.stdout.slice(0, 300)}`);
  assert.equal(parsed!.schema, 'parley/brief@1');
  assert.ok(articleIdOf(parsed!, batch.good));
  assert.ok(parsed!.problems.length >= Object.keys(batch.bad).length - (batch.unreadableIsReadable ? 1 : 0));
});

test('binary bytes on standard input: a problem naming "-", exit 1, no crash', () => {
  const r = runCli(['brief', '-', '--json'], Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 7)]));
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error/);
  const parsed = JSON.parse(r.stdout) as Brief;
  assert.deepEqual(parsed.articles, []);
  assert.equal(parsed.problems[0]?.source, '-');
  assert.match(parsed.problems[0].message, /PNG|image|binary/i);
});
