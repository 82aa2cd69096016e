// The analysis worker thread: runs one job at a time on its own connection to the workspace
// database, so the server's thread keeps answering (and streaming progress) while a brief is made.
import { parentPort, workerData } from 'node:worker_threads';
import { pipelineAnalyzer } from './analyzer.js';
import { SqliteStore } from './store.js';
import { runStoryJob, type WorkOptions } from './work.js';
import type { ToWorker, FromWorker } from './jobs.js';

const { dbPath, options } = workerData as { dbPath: string; options: WorkOptions };
const store = new SqliteStore(dbPath);
const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  runStoryJob(store, pipelineAnalyzer, m.storyId, options, (progress) => send({ type: 'progress', jobId: m.jobId, storyId: m.storyId, progress })).then(
    (result) => send({ type: 'done', jobId: m.jobId, storyId: m.storyId, result }),
    (err: unknown) => send({ type: 'failed', jobId: m.jobId, storyId: m.storyId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
send({ type: 'ready' });
