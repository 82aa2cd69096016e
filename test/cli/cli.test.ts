// The command line as BRIEF.md specifies it: outputs, --json, exit codes, usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function parley(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const ARTICLE = `Envoys agree to meet again in Geneva

By Jane Doe

GENEVA, Tuesday 3 June 2025 — Negotiators from the two countries met for six hours on Tuesday and agreed to meet again next week, officials said.

“We made progress,” the mediator told reporters after the session. The talks are expected to resume on Monday.
`;

function fixtureDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  writeFileSync(join(dir, 'geneva.txt'), ARTICLE);
  return dir;
}

test('--help prints usage and exits 0', () => {
  const r = parley(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /parley brief <input\.\.\.>/);
});

test('a usage error exits 2 and says what was wrong', () => {
  assert.equal(parley([]).code, 2);
  const noInput = parley(['brief']);
  assert.equal(noInput.code, 2);
  assert.match(noInput.stderr, /no input/);
  const unknown = parley(['summarise', 'x.txt']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command/);
  assert.equal(parley(['brief', 'x.txt', '--bogus']).code, 2);
});

test('writes brief.json, brief.md and brief.html to --out', () => {
  const dir = fixtureDir();
  const out = join(dir, 'out');
  const r = parley(['brief', join(dir, 'geneva.txt'), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  for (const f of ['brief.json', 'brief.md', 'brief.html']) assert.ok(existsSync(join(out, f)), f);
  const json = JSON.parse(readFileSync(join(out, 'brief.json'), 'utf8'));
  assert.equal(json.schema, 'parley/brief@1');
  assert.equal(json.articles.length, 1);
  assert.equal(json.articles[0].id, 'geneva');
});

test('--json prints only the brief on stdout; problems go to stderr; exit 0 if one article worked', () => {
  const dir = fixtureDir();
  const r = parley(['brief', join(dir, 'geneva.txt'), join(dir, 'missing.txt'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.articles.length, 1);
  assert.equal(json.problems.length, 1);
  assert.match(json.problems[0].source, /missing\.txt$/);
  assert.match(r.stderr, /missing\.txt/);
});

test('exit 1 when no input could be analysed', () => {
  const dir = fixtureDir();
  const r = parley(['brief', join(dir, 'nothing-here.txt'), '--json']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nothing-here\.txt/);
  assert.equal(JSON.parse(r.stdout).articles.length, 0);
});

test('reads standard input for "-"', () => {
  const r = parley(['brief', '-', '--json'], ARTICLE);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.articles.length, 1);
  assert.match(json.articles[0].text, /Negotiators from the two countries/);
});

test('--max-bytes is passed to ingest; a bad value is a usage error', () => {
  const dir = fixtureDir();
  const small = parley(['brief', join(dir, 'geneva.txt'), '--json', '--max-bytes', '100']);
  assert.equal(small.code, 1, 'the only input is over the cap');
  assert.match(small.stderr, /geneva\.txt/);
  assert.equal(parley(['brief', join(dir, 'geneva.txt'), '--json', '--max-bytes', 'lots']).code, 2);
  assert.equal(parley(['brief', join(dir, 'geneva.txt'), '--json', '--timeout', '-3']).code, 2);
});
