// `parley serve` on the command line: usage errors exit 2 with a message and start nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers.js';

function parley(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('serve: usage errors exit 2 and say what was wrong', () => {
  const data = join(mkdtempSync(join(tmpdir(), 'parley-cli-serve-')), 'data');
  const cases: [string[], RegExp][] = [
    [['serve', '--port', 'abc', '--data', data], /--port needs a number from 0 to 65535/],
    [['serve', '--port', '70000', '--data', data], /--port needs a number/],
    [['serve', 'samples', '--data', data], /serve takes no inputs/],
    [['serve', '--out', 'x', '--data', data], /--out and --json belong to parley brief/],
    [['serve', '--token', 'short', '--data', data], /--token must be at least 16 characters/],
    [['brief', 'samples', '--port', '1'], /--port belongs to parley serve/],
  ];
  for (const [args, message] of cases) {
    const r = parley(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  assert.ok(!existsSync(join(data, 'parley.db')), 'nothing was created');
  assert.match(parley(['--help']).stdout, /parley serve \[--data DIR\]/);
});
