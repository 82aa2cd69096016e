// The whole run: ingest the inputs, analyse each article on its own, then work across articles.
// Each stage is one folder with one entry function; this file and src/pipeline/ only wire them.
//
//   analyse(articles) = combine(articles.map(analyseArticle))
//
// analyseArticle (src/pipeline/article.ts) is everything that reads one article and nothing else;
// its result is plain data, so it runs in a pool of worker threads (src/parallel/) or could come
// from a cache. combine (src/pipeline/combine.ts) is everything across articles.
import type { Article, Brief, Problem } from './types.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import { analyseArticle, type StageHook } from './pipeline/article.js';
import { combine } from './pipeline/combine.js';
import { analyseInPool, type PoolOptions } from './parallel/pool.js';

export { analyseArticle, ARTICLE_ANALYSIS_SCHEMA, type ArticleAnalysis, type ArticleOptions, type StageHook } from './pipeline/article.js';
export { combine, type CombineOptions } from './pipeline/combine.js';
export { ALL_ARTICLES, failedStage, type StageFailure, type StageName } from './pipeline/failures.js';

export interface BriefOptions extends IngestOptions, PoolOptions {
  /** Called as work advances, for a progress indicator. */
  onProgress?: (done: number, total: number, phase: string) => void;
  /**
   * Wraps each step: once per article for doc, entities, time (its expressions), quotes and
   * events (`article` is its id), once for the batch for time (date inference), resolve, assemble
   * and compare (`article` is null). bench/pipeline.ts times the stages with it. Whatever it
   * throws is isolated and reported like a stage's own failure. A function cannot reach a worker
   * thread: with a hook, the per-article steps run in this thread.
   */
  stage?: StageHook;
}

/** Read the inputs and write the brief, analysing the articles on every core (see analyseParallel).
 * Never throws for a bad input: it becomes a problem. */
export async function brief(inputs: string[], options: BriefOptions = {}): Promise<Brief> {
  const { articles, problems } = await ingest(inputs, options);
  return analyseParallel(articles, problems, options);
}

/**
 * Annotate already-ingested articles and assemble the brief, in this thread. A stage that fails
 * on an article costs that article that stage's result (or the failing part of it), never the
 * other stages or articles, and the failure is a problem naming the article, the stage and the
 * error. A failure in work across articles costs that part of the brief and is reported the same way.
 */
export function analyse(articles: Article[], problems: Problem[] = [], options: BriefOptions = {}): Brief {
  const analyses = articles.map((article, i) => {
    options.onProgress?.(i, articles.length, 'analysing');
    return analyseArticle(article, { stage: options.stage });
  });
  options.onProgress?.(articles.length, articles.length, 'analysing');
  return combine(analyses, problems, { stage: options.stage });
}

/**
 * analyse(), with the per-article half in a pool of worker threads (one per core unless
 * `workers` or PARLEY_WORKERS says otherwise; 1 = this thread) and the cross-article half here.
 * The brief is the same whatever the number of workers. Small batches, and runs with a `stage`
 * hook, stay in this thread.
 */
export async function analyseParallel(articles: Article[], problems: Problem[] = [], options: BriefOptions = {}): Promise<Brief> {
  if (options.stage) return analyse(articles, problems, options);
  const { analyses, problems: poolProblems } = await analyseInPool(articles, options);
  return combine(analyses, [...problems, ...poolProblems], {});
}
