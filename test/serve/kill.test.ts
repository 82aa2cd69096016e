// Nothing lost: `parley serve` as a real child process is killed with SIGKILL while it analyses a
// story. Every article whose addition was answered is still there, the interrupted job is in the
// database as running, and the next start finishes the analysis by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { briefCurrent, call, root, startServe, waitFor } from './helpers.js';

function inputs(): { name: string; bytes: Buffer }[] {
  const dirs = [join(root, 'samples'), join(root, 'test', 'fixtures', 'ingest')];
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.(txt|html)$/.test(f))
      .sort()
      .map((f) => ({ name: f, bytes: readFileSync(join(d, f)) })),
  );
}

test('SIGKILL during an analysis loses no article, and the next start finishes the analysis', { timeout: 240_000 }, async () => {
  const data = mkdtempSync(join(tmpdir(), 'parley-kill-'));
  const first = await startServe(['--data', data, '--port', '0']);
  const files = inputs();
  assert.ok(files.length >= 10);
  let storyId: number;
  try {
    storyId = (await call(first.base, 'POST', '/api/stories', { name: 'Killed mid-analysis' })).json.id;
    for (const f of files) {
      const r = await call(first.base, 'POST', `/api/stories/${storyId}/articles`, { kind: 'file', name: f.name, contentBase64: f.bytes.toString('base64') });
      assert.equal(r.status, 202, r.text);
    }
    // Kill it while the per-article analysis runs (not before it starts, not after it ends).
    await waitFor(
      'the analysis to be under way',
      async () => {
        const s = (await call(first.base, 'GET', `/api/stories/${storyId}`)).json.story;
        return s.status === 'analysing' && s.progress?.phase === 'analysing' && s.progress.done >= 1;
      },
      120_000,
      50,
    );
  } finally {
    first.proc.kill('SIGKILL');
  }
  assert.equal(await first.exited, null, 'killed by a signal');

  const db = new Database(join(data, 'parley.db'), { readonly: true });
  const articles = db.prepare('SELECT input_name FROM articles WHERE story_id = ? ORDER BY id').all(storyId) as { input_name: string }[];
  assert.deepEqual(
    articles.map((a) => a.input_name),
    files.map((f) => f.name),
    'every answered addition is in the database',
  );
  // The first addition's job may have started before the last addition queued another.
  const cut = db.prepare("SELECT id FROM jobs WHERE story_id = ? AND state = 'running'").all(storyId) as { id: number }[];
  assert.equal(cut.length, 1, 'the job was cut short');
  const before = db.prepare('SELECT revision FROM briefs WHERE story_id = ?').get(storyId) as { revision: number } | undefined;
  assert.ok(before === undefined || before.revision < files.length, 'no brief of the last revision yet');
  db.close();
  assert.ok(existsSync(join(data, 'serve.pid')), 'the killed server left its lock');

  const second = await startServe(['--data', data, '--port', '0']);
  try {
    assert.match(second.stdout(), /Resuming 1 interrupted analysis job/);
    const done = await briefCurrent(second.base, storyId, {}, 180_000);
    assert.equal(done.story.briefRevision, files.length);
    const brief = (await call(second.base, 'GET', `/api/stories/${storyId}/export/brief.json`)).json;
    assert.equal(brief.articles.length + done.articles.filter((a: { state: string }) => a.state === 'failed').length, files.length);
    assert.ok(brief.articles.length >= files.length - 1, `the articles are in the brief (${brief.articles.length})`);
    const jobs = new Database(join(data, 'parley.db'), { readonly: true });
    const states = jobs.prepare('SELECT id, state, error FROM jobs WHERE story_id = ? ORDER BY id').all(storyId) as { id: number; state: string; error: string | null }[];
    assert.equal(states.at(-1)!.state, 'done');
    assert.ok(!states.some((j) => j.state === 'queued' || j.state === 'running'));
    // The cut job was redone, or folded into the job that waited behind it.
    const redone = states.find((j) => j.id === cut[0].id)!;
    assert.ok(redone.state === 'done' || /interrupted; a later job redoes it/.test(redone.error ?? ''), JSON.stringify(redone));
    jobs.close();
  } finally {
    second.proc.kill('SIGTERM');
  }
  assert.equal(await second.exited, 0, 'SIGTERM stops it cleanly');
  assert.ok(!existsSync(join(data, 'serve.pid')), 'a clean stop releases the lock');
});
