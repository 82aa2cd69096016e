// The per-article half of the pipeline: everything that reads one article and nothing else.
// analyseArticle() is pure and deterministic, and its result is plain data (no class instances,
// functions or Maps), so it can run in a worker thread and travel back by structured clone, or be
// stored (JSON) and reused by a workspace that caches per-article work.
import type { Article } from '../types.js';
import type { ArticleEntities, ArticleEvents, QuoteAnnotation } from '../annotations.js';
import { buildDoc, type Doc } from '../text/doc.js';
import { findEntities } from '../entities/index.js';
import { annotateArticleTimes, type ArticleTimes } from '../time/index.js';
import { findQuotes } from '../quotes/index.js';
import { findEvents } from '../events/index.js';
import { recordingIsolate, WHOLE, type StageFailure, type StageName } from './failures.js';

/** Version of the ArticleAnalysis shape; a cache keyed by it never mixes two shapes (@2: a local entity may carry `state`). */
export const ARTICLE_ANALYSIS_SCHEMA = 'parley/article-analysis@2';

/** Everything Parley finds in one article on its own. Entity keys are article-local
 * (`<article>#<n>`); time values are resolved against the article's own publication date. */
export interface ArticleAnalysis {
  schema: typeof ARTICLE_ANALYSIS_SCHEMA;
  /** The article as given (an undated article stays undated here: dates are inferred in combine). */
  article: Article;
  /** Null when the Doc could not be built: the article cannot be analysed, `failures` says why,
   * and every annotation below is empty. */
  doc: Doc | null;
  entities: ArticleEntities;
  times: ArticleTimes;
  quotes: QuoteAnnotation[];
  events: ArticleEvents;
  /** What failed on this article, in the order it happened; combine() turns them into problems. */
  failures: StageFailure[];
}

/**
 * Wraps each step. Called once per article per step with the article's id; once with null for
 * the steps across articles (time's date inference, resolve, assemble, compare). Whatever it
 * throws is isolated and reported like a stage's own failure. bench/pipeline.ts times the stages
 * with it; tests inject failures with it; the worker pool records the running stage with it.
 */
export type StageHook = <T>(name: StageName, run: () => T, article: string | null) => T;

export interface ArticleOptions {
  stage?: StageHook;
}

const runStage: StageHook = (_name, run) => run();

export const emptyEntities = (article: string): ArticleEntities => ({ article, mentions: [], entities: [] });
export const emptyTimes = (): ArticleTimes => ({ annotations: [], clues: [] });
export const emptyEvents = (): ArticleEvents => ({ events: [], positions: [], conditions: [] });

/**
 * Doc, entities, time expressions (against the article's own date), quotes, then events,
 * positions and conditions. A stage that throws costs this article that stage's result (or the
 * failing part of it) and is recorded in `failures`; it never costs the other stages.
 */
export function analyseArticle(article: Article, options: ArticleOptions = {}): ArticleAnalysis {
  const hook = options.stage ?? runStage;
  const failures: StageFailure[] = [];
  const id = article.id;
  const step = <T>(stage: StageName, run: () => T, fallback: T): T => recordingIsolate(stage, failures)(WHOLE, () => hook(stage, run, id), fallback, id);

  const doc = step<Doc | null>('doc', () => buildDoc(article), null);
  if (!doc) {
    return { schema: ARTICLE_ANALYSIS_SCHEMA, article, doc: null, entities: emptyEntities(id), times: emptyTimes(), quotes: [], events: emptyEvents(), failures };
  }
  const entities = step('entities', () => findEntities(doc), emptyEntities(id));
  // The same part name as annotateTimes() gives a failure of one article's expressions.
  const times = step('time', () => recordingIsolate('time', failures)('time expressions', () => annotateArticleTimes(doc), emptyTimes(), id), emptyTimes());
  const { quotes, events } = analyseAfterTime(doc, entities, times, failures, hook);
  return { schema: ARTICLE_ANALYSIS_SCHEMA, article, doc, entities, times, quotes, events, failures };
}

/**
 * The steps that read the article's publication date or its resolved times: run again by
 * combine() on an article whose date was inferred, so that the result is what analysing the
 * article with that date would give.
 */
export function analyseAfterTime(
  doc: Doc,
  entities: ArticleEntities,
  times: ArticleTimes,
  failures: StageFailure[],
  hook: StageHook = runStage,
): { quotes: QuoteAnnotation[]; events: ArticleEvents } {
  const id = doc.article.id;
  const step = <T>(stage: StageName, run: () => T, fallback: T): T => recordingIsolate(stage, failures)(WHOLE, () => hook(stage, run, id), fallback, id);
  const quotes = step('quotes', () => findQuotes(doc, entities), []);
  const events = step('events', () => findEvents(doc, entities, quotes, times.annotations, recordingIsolate('events', failures)), emptyEvents());
  return { quotes, events };
}
