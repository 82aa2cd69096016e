// The job queue's runner, on the server's thread: it claims the next queued job from the store,
// hands it to the analysis worker thread, relays the worker's progress, and records how the job
// ended. The queue itself lives in the database, so a job queued or running when the process
// stops (even by SIGKILL) is run again at the next start.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { WorkspaceStore } from './store.js';
import type { Progress, WorkOptions, WorkResult } from './work.js';

export type ToWorker = { jobId: number; storyId: number };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; jobId: number; storyId: number; progress: Progress }
  | { type: 'done'; jobId: number; storyId: number; result: WorkResult | null }
  | { type: 'failed'; jobId: number; storyId: number; error: string };

export interface JobEvents {
  progress: [storyId: number, progress: Progress];
  finished: [storyId: number, outcome: { error: string | null; result: WorkResult | null }];
}

/** The worker's module next to this one: .ts under tsx (tests), .js once built. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/** A TypeScript worker (running from src/ under tsx) starts through a line that registers tsx's
 * loader first: on Node 20 a worker's inherited `--import tsx` comes too late for its own module. */
function newWorker(workerData: unknown): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`, {
    eval: true,
    workerData,
  });
}

export class JobRunner extends EventEmitter<JobEvents> {
  private worker: Worker | null = null;
  private current: { jobId: number; storyId: number } | null = null;
  private readonly progressByStory = new Map<number, Progress>();
  private stopped = false;
  private claiming = false;
  /** A kick that came while a claim was on its way: look again once it is back. */
  private kickedWhileClaiming = false;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly dbPath: string,
    private readonly options: WorkOptions,
  ) {
    super();
  }

  /** Requeue what a stopped process left running, then start on the queue. */
  async start(): Promise<number> {
    const requeued = await this.store.requeueInterrupted();
    this.kick();
    return requeued;
  }

  /** The running job's progress for this story, or null when none runs for it. */
  progressOf(storyId: number): Progress | null {
    return this.progressByStory.get(storyId) ?? null;
  }

  isRunning(storyId: number): boolean {
    return this.current?.storyId === storyId;
  }

  /** Look for queued work; called after anything that queues a job. */
  kick(): void {
    if (this.claiming) this.kickedWhileClaiming = true;
    if (this.stopped || this.current || this.claiming) return;
    this.claiming = true;
    this.kickedWhileClaiming = false;
    this.store
      .claimJob()
      .then((job) => {
        this.claiming = false;
        if (this.stopped) return;
        if (!job) {
          if (this.kickedWhileClaiming) this.kick();
          return;
        }
        this.current = { jobId: job.id, storyId: job.storyId };
        this.progressByStory.set(job.storyId, { phase: 'reading', done: 0, total: 0, cached: 0 });
        this.emit('progress', job.storyId, this.progressByStory.get(job.storyId)!);
        this.ensureWorker().postMessage({ jobId: job.id, storyId: job.storyId } satisfies ToWorker);
      })
      .catch((err: unknown) => {
        this.claiming = false;
        process.stderr.write(`parley serve: could not read the job queue: ${(err as Error).message}\n`);
      });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = newWorker({ dbPath: this.dbPath, options: this.options });
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    // A worker that dies takes its job with it: the job fails with the reason, and the next job
    // gets a new worker.
    worker.on('error', (err) => this.onWorkerGone(`the analysis worker failed: ${err.stack ?? err.message}`));
    worker.on('exit', (code) => this.onWorkerGone(`the analysis worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private onWorkerGone(reason: string): void {
    this.worker = null;
    if (this.stopped) return;
    const job = this.current;
    if (job) void this.finish(job.jobId, job.storyId, reason, null);
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'ready') return;
    if (m.type === 'progress') {
      this.progressByStory.set(m.storyId, m.progress);
      this.emit('progress', m.storyId, m.progress);
      return;
    }
    void this.finish(m.jobId, m.storyId, m.type === 'failed' ? m.error : null, m.type === 'done' ? m.result : null);
  }

  private async finish(jobId: number, storyId: number, error: string | null, result: WorkResult | null): Promise<void> {
    if (this.current?.jobId !== jobId) return;
    try {
      await this.store.finishJob(jobId, error);
    } catch (err) {
      process.stderr.write(`parley serve: could not record the end of job ${jobId}: ${(err as Error).message}\n`);
    }
    if (error) process.stderr.write(`parley serve: analysis of story ${storyId} failed: ${error}\n`);
    this.current = null;
    this.progressByStory.delete(storyId);
    this.emit('finished', storyId, { error, result });
    this.kick();
  }

  /** Stop taking jobs and end the worker. A running job stays 'running' in the store and is
   * requeued at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
