// Messages between the pool (main thread) and its workers. Everything here crosses threads by
// structured clone, so it is plain data.
import type { Article } from '../types.js';
import type { ArticleAnalysis } from '../pipeline/article.js';
import type { StageName } from '../pipeline/failures.js';
import type { ParseSnapshot } from '../syntax/index.js';

/** A stage a previous attempt at this article crashed its worker in: it is not run again, and its
 * failure is reported with `error`. */
export interface SkippedStage {
  stage: StageName;
  error: string;
}

export interface Job {
  index: number;
  article: Article;
  skip: SkippedStage[];
}

/** `parse`: the sentences the worker parsed while analysing (see parseSnapshot), so that the work
 * across articles does not parse them again. */
export type Reply = { index: number; analysis: ArticleAnalysis; parse?: ParseSnapshot | null } | { index: number; error: string };

/** Sent once, when the worker's modules have loaded. */
export const READY = 'ready';

/** workerData: the slot where the worker writes the stage it is running (0: none; otherwise the
 * stage's index in STAGE_NAMES + 1). Shared memory outlives the thread, so after a crash the pool
 * still knows which stage was running. */
export interface WorkerInit {
  stageSlot: SharedArrayBuffer;
}
