// The per-article half of the pipeline on every core: a pool of worker threads, each analysing
// one article at a time. Articles are handed out in input order and the analyses are gathered by
// input position, so the result does not depend on the number of workers or on which finishes
// first. A worker that dies costs the stage it was running for that article, never the article,
// never a hang: the pool starts a new worker and analyses the article again without that stage.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Article, Problem } from '../types.js';
import { analyseArticle, ARTICLE_ANALYSIS_SCHEMA, emptyEntities, emptyEvents, emptyTimes, type ArticleAnalysis } from '../pipeline/article.js';
import { ALL_ARTICLES, STAGE_NAMES, WHOLE, type StageName } from '../pipeline/failures.js';
import { adoptParse } from '../syntax/index.js';
import { READY, type Job, type Reply, type SkippedStage, type WorkerInit } from './protocol.js';

export interface PoolOptions {
  /** Worker threads for the per-article stages. Default: PARLEY_WORKERS if set, else one per core
   * (os.availableParallelism()). 1 analyses in this thread. */
  workers?: number;
  /** Batches smaller than this are analysed in this thread: starting a worker (loading the models
   * and lexicons again) costs more than it saves. Default: PARLEY_POOL_THRESHOLD if set, else
   * DEFAULT_POOL_THRESHOLD. */
  poolThreshold?: number;
  /** Longest one article may take in a worker, in milliseconds; the worker is then stopped and the
   * article analysed again without the stage that ran too long. Default: no limit. */
  articleTimeoutMs?: number;
  /** The worker's module; tests give one that crashes on purpose. Default: ./worker.(ts|js). */
  workerModule?: URL;
  onProgress?: (done: number, total: number, phase: string) => void;
}

/** Below this many articles the batch stays in this thread. From `npm run bench:speed --
 * --crossover` on the 2-core development machine (shared, load ~10, so by CPU time): a worker costs
 * about 1.2 s of CPU to start (models and lexicons loaded again), a short MEANTIME article ~40 ms
 * and a real news page ~150 ms, so two workers pay from about 16 pages or 60 short articles; at 32
 * MEANTIME articles two workers were still slower there. 32 is between the two. */
export const DEFAULT_POOL_THRESHOLD = 32;

/** How many workers a batch of `articles` gets: 1 means this thread. */
export function poolSize(articles: number, options: PoolOptions = {}): number {
  const env = Number(process.env.PARLEY_WORKERS);
  const wanted = options.workers ?? (Number.isInteger(env) && env > 0 ? env : availableParallelism());
  const envThreshold = Number(process.env.PARLEY_POOL_THRESHOLD);
  const threshold = options.poolThreshold ?? (process.env.PARLEY_POOL_THRESHOLD && Number.isInteger(envThreshold) && envThreshold >= 0 ? envThreshold : DEFAULT_POOL_THRESHOLD);
  if (articles < threshold) return 1;
  return Math.max(1, Math.min(Math.floor(wanted), articles));
}

/** Each article's analysis, in input order, and the problems of the pool itself (none unless it
 * could not start). */
export async function analyseInPool(articles: Article[], options: PoolOptions = {}): Promise<{ analyses: ArticleAnalysis[]; problems: Problem[] }> {
  const size = poolSize(articles.length, options);
  const progress = options.onProgress;
  if (size <= 1) {
    const analyses = articles.map((article, i) => {
      progress?.(i, articles.length, 'analysing');
      return analyseArticle(article);
    });
    progress?.(articles.length, articles.length, 'analysing');
    return { analyses, problems: [] };
  }
  return new Pool(articles, size, options).run();
}

interface Slot {
  worker: Worker;
  stage: Int32Array;
  job: Job | null;
  /** Why the pool stopped this worker, when it did. */
  stopped: string | null;
  timer: NodeJS.Timeout | null;
  /** Its modules loaded. */
  ready: boolean;
  /** How it died, when an 'error' event said so before 'exit'. */
  died: string | null;
}

class Pool {
  private readonly results: (ArticleAnalysis | undefined)[];
  private readonly queue: Job[];
  private readonly slots = new Set<Slot>();
  private done = 0;
  private everReady = false;
  private finished = false;
  private finish!: (value: { analyses: ArticleAnalysis[]; problems: Problem[] }) => void;
  private readonly problems: Problem[] = [];
  private readonly module: URL;
  /** One copy of each token string (word, tag, lemma) the workers sent: see shareStrings. */
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly articles: Article[],
    private readonly size: number,
    private readonly options: PoolOptions,
  ) {
    this.results = articles.map(() => undefined);
    this.queue = articles.map((article, index) => ({ index, article, skip: [] }));
    this.module = options.workerModule ?? defaultWorkerModule();
  }

  run(): Promise<{ analyses: ArticleAnalysis[]; problems: Problem[] }> {
    return new Promise((resolve) => {
      this.finish = resolve;
      for (let i = 0; i < this.size; i++) this.spawn();
    });
  }

  private spawn(): void {
    const stageSlot = new SharedArrayBuffer(4);
    const { source, evaluate } = workerSource(this.module);
    const worker = new Worker(source, { eval: evaluate, workerData: { stageSlot } satisfies WorkerInit });
    const slot: Slot = { worker, stage: new Int32Array(stageSlot), job: null, stopped: null, timer: null, ready: false, died: null };
    this.slots.add(slot);
    worker.on('message', (reply: Reply | typeof READY) => {
      if (reply === READY) {
        slot.ready = true;
        this.everReady = true;
        this.startClock(slot);
      } else this.onReply(slot, reply);
    });
    worker.on('error', (err) => {
      slot.died = `${err?.name ?? 'Error'}: ${err?.message ?? String(err)}`;
    });
    worker.on('messageerror', (err) => {
      slot.died = `the analysis could not be received (${err.message})`;
      void worker.terminate();
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    this.feed(slot);
  }

  private feed(slot: Slot): void {
    const job = this.queue.shift();
    if (!job) {
      slot.job = null;
      void slot.worker.terminate();
      return;
    }
    slot.job = job;
    Atomics.store(slot.stage, 0, 0);
    slot.worker.postMessage(job);
    if (slot.ready) this.startClock(slot);
  }

  /** The time limit counts from when the worker could start on the article (not while it loads). */
  private startClock(slot: Slot): void {
    const limit = this.options.articleTimeoutMs;
    if (!limit || !slot.job || slot.timer) return;
    slot.timer = setTimeout(() => {
      slot.stopped = `it took longer than ${limit} ms`;
      void slot.worker.terminate();
    }, limit);
  }

  private onReply(slot: Slot, reply: Reply): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const article = this.articles[reply.index];
    if ('analysis' in reply) {
      const analysis = shareStrings(reply.analysis, this.strings);
      if (analysis.doc && reply.parse) adoptParse(analysis.doc, reply.parse);
      this.results[reply.index] = analysis;
    } else this.results[reply.index] = lost(article, reply.error);
    this.done++;
    this.options.onProgress?.(this.done, this.articles.length, 'analysing');
    if (slot.stopped) slot.job = null; // it finished just as it was being stopped
    else this.feed(slot);
  }

  private onExit(slot: Slot, code: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    this.slots.delete(slot);
    const job = slot.job;
    if (job) {
      // It died with an article in hand.
      if (!slot.ready && !this.everReady && !slot.stopped) return this.fallBack(slot, code);
      const running = Atomics.load(slot.stage, 0);
      const why = slot.stopped ?? slot.died ?? `it exited with code ${code}`;
      if (running === 0) {
        // Not inside any stage: nothing to leave out, so the article is reported lost.
        this.results[job.index] = lost(this.articles[job.index], `the worker thread analysing it stopped outside any stage: ${why}`);
        this.done++;
      } else {
        const stage = STAGE_NAMES[running - 1];
        const skip: SkippedStage = { stage, error: `the worker thread running this stage stopped (${why}); the article was analysed again without it` };
        this.queue.unshift({ ...job, skip: [...job.skip, skip] });
      }
    }
    if (this.finished) return;
    if (this.queue.length > 0 && this.slots.size < this.size) this.spawn();
    if (this.slots.size === 0 && this.queue.length === 0) {
      this.finished = true;
      this.finish({ analyses: this.results as ArticleAnalysis[], problems: this.problems });
    }
  }

  /** No worker could start (its module failed to load): analyse the rest in this thread, and say so. */
  private fallBack(slot: Slot, code: number): void {
    for (const other of this.slots) {
      if (other.job) this.queue.unshift(other.job);
      other.job = null;
      void other.worker.terminate();
    }
    if (slot.job) this.queue.unshift(slot.job);
    this.queue.sort((a, b) => a.index - b.index);
    this.problems.push({
      source: ALL_ARTICLES,
      message: `the worker threads could not start (${slot.died ?? `exit code ${code}`}); the articles were analysed in one thread. This is a bug in Parley: please report it.`,
    });
    for (const job of this.queue.splice(0)) {
      this.results[job.index] = analyseArticle(job.article);
      this.done++;
      this.options.onProgress?.(this.done, this.articles.length, 'analysing');
    }
    this.slots.clear();
    this.finished = true;
    this.finish({ analyses: this.results as ArticleAnalysis[], problems: this.problems });
  }
}

/** Tokens are most of an analysis. A structured clone gives every string its own copy, so each of
 * an article's thousand-odd tokens arrived with three strings of its own ("NOUN", "the", "the"),
 * where the thread that built them shared them. Pointing every token at one copy of each string
 * (kept for the run) takes the tokens back to the size they had in the worker: about 40% of the
 * heap of the gathered analyses at 1,000 real pages (`npm run bench:speed`). Same values, so the
 * brief is unchanged. */
function shareStrings(analysis: ArticleAnalysis, strings: Map<string, string>): ArticleAnalysis {
  const one = (s: string): string => {
    if (s.length > 32) return s;
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  const doc = analysis.doc;
  // Built again as literals, in the order buildDoc gives their fields: a cloned object keeps some
  // of its fields outside itself, a literal holds them all.
  if (doc) doc.tokens = doc.tokens.map((t) => ({ start: t.start, end: t.end, text: one(t.text), pos: one(t.pos), lemma: one(t.lemma), sentence: t.sentence }));
  return analysis;
}

/** An article whose analysis failed outside every stage: it leaves the brief with the problem. */
function lost(article: Article, error: string): ArticleAnalysis {
  const stage: StageName = 'doc';
  return {
    schema: ARTICLE_ANALYSIS_SCHEMA,
    article,
    doc: null,
    entities: emptyEntities(article.id),
    times: emptyTimes(),
    quotes: [],
    events: emptyEvents(),
    failures: [{ stage, article: article.id, part: WHOLE, error }],
  };
}

/** The compiled worker next to this file in dist/; the TypeScript one when running from src/ (tsx). */
function defaultWorkerModule(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
}

/** A TypeScript worker (running from src/ under tsx) is started through a small script that
 * registers tsx's loader first: on Node 20 a worker's own `--import tsx` comes too late for its
 * main module. The compiled worker in dist/ starts directly. */
function workerSource(module: URL): { source: string | URL; evaluate: boolean } {
  if (!module.pathname.endsWith('.ts')) return { source: module, evaluate: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  return { source: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`, evaluate: true };
}
