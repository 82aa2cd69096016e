// The workspace's one view of the pipeline: a per-article half whose result can be stored and
// reused, and a cross-article half that turns stored results into the brief. The workspace never
// calls a stage itself: it calls the pipeline's own split, analyseArticle() and combine()
// (src/pipeline/), whose per-article result is plain data (stored with v8 serialisation) and
// carries the failures met on the article, so that combine() reports them as a run from scratch
// would. Dates inferred across articles, and the steps that read them, are combine()'s work.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Brief, Problem } from '../types.js';
import { analyseArticle, combine, ARTICLE_ANALYSIS_SCHEMA, type ArticleAnalysis } from '../pipeline.js';
import { PACKAGE_ROOT } from '../util/data.js';

export type { ArticleAnalysis };

export interface Analyzer {
  /** Names the code that produced an analysis; part of every cache key, so an upgrade of Parley
   * never reuses an analysis made by another version. */
  readonly version: string;
  analyseArticle(article: Article): Promise<ArticleAnalysis>;
  combine(analyses: ArticleAnalysis[], problems: Problem[]): Promise<Brief>;
}

export const PARLEY_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The cache key of an article's analysis: the code's version and everything the analysis reads
 * (id, text and metadata), so editing any of them, or upgrading Parley, misses the cache. */
export function analysisKey(analyzer: Analyzer, article: Article): string {
  return createHash('sha256').update(analyzer.version).update('\u0000').update(JSON.stringify(article)).digest('hex');
}

export const pipelineAnalyzer: Analyzer = {
  version: `parley@${PARLEY_VERSION}/${ARTICLE_ANALYSIS_SCHEMA}`,

  async analyseArticle(article) {
    return analyseArticle(article);
  },

  async combine(analyses, problems) {
    return combine(analyses, problems);
  },
};
