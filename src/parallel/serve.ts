// The worker side of the pool: analyse each article the main thread sends, in order, and send
// the result back. The running stage is written to shared memory before it starts, so that if the
// thread dies (a native crash, running out of memory, being stopped after a timeout) the pool
// knows which stage to leave out when it tries the article again.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../types.js';
import type { ArticleAnalysis, ArticleOptions, StageHook } from '../pipeline/article.js';
import { describeError, STAGE_NAMES } from '../pipeline/failures.js';
import { parseSnapshot } from '../syntax/index.js';
import { READY, type Job, type Reply, type WorkerInit } from './protocol.js';

export type AnalyseFn = (article: Article, options: ArticleOptions) => ArticleAnalysis;

/** An error whose description is its message alone: where the hook threw it says nothing. */
function skipped(message: string): Error {
  const err = new Error(message);
  err.stack = `${err.name}: ${message}`;
  return err;
}

export function runWorker(analyse: AnalyseFn): void {
  const port = parentPort;
  if (!port) throw new Error('runWorker() must run in a worker thread');
  const slot = new Int32Array((workerData as WorkerInit).stageSlot);
  port.on('message', (job: Job) => {
    const stage: StageHook = (name, run) => {
      const skip = job.skip.find((s) => s.stage === name);
      if (skip) throw skipped(skip.error);
      const before = Atomics.load(slot, 0);
      Atomics.store(slot, 0, STAGE_NAMES.indexOf(name) + 1);
      try {
        return run();
      } finally {
        Atomics.store(slot, 0, before);
      }
    };
    let reply: Reply;
    try {
      const analysis = analyse(job.article, { stage });
      reply = { index: job.index, analysis, parse: analysis.doc ? parseSnapshot(analysis.doc) : null };
    } catch (err) {
      // analyseArticle isolates every stage; reaching this is a bug outside the stages.
      reply = { index: job.index, error: describeError(err) };
    }
    try {
      port.postMessage(reply);
    } catch (err) {
      // An analysis that cannot be cloned (a function or class instance crept into it).
      port.postMessage({ index: job.index, error: describeError(err) } satisfies Reply);
    }
  });
  port.postMessage(READY);
}
