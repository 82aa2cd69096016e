// The workspace's one view of the pipeline: a per-article half whose result can be stored and
// reused, and a cross-article half that turns stored results into the brief. The workspace never
// calls a stage itself, so when the pipeline's own split (analyseArticle / combine) is on main,
// only the adapter below changes.
//
// Until then the adapter reuses today's analyse() through its `stage` hook: analysing one article
// records what its per-article steps returned (Doc, entities, quotes, events), and combining hands
// those recorded results back to analyse() instead of running the steps again. The steps that work
// across articles (time with its date inference, resolve, assemble, compare) always run. A step
// that failed recorded nothing, so combining runs it again and it fails again, and analyse()
// reports it as the problem it would be in a run from scratch.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Brief, Problem } from '../types.js';
import type { ArticleEntities, ArticleEvents, QuoteAnnotation } from '../annotations.js';
import type { Doc } from '../text/doc.js';
import { analyse, type StageName } from '../pipeline.js';
import { PACKAGE_ROOT } from '../util/data.js';

/** What the per-article half found in one article: opaque to the workspace, which stores it
 * (v8 serialisation) and hands it back to combine(). */
export interface ArticleAnalysis {
  schema: typeof ADAPTER_SCHEMA;
  /** The article as analysed: its own publication date, before any date inferred from others. */
  article: Article;
  doc: Doc | null;
  entities?: ArticleEntities;
  quotes?: QuoteAnnotation[];
  events?: ArticleEvents;
}

export interface Analyzer {
  /** Names the code that produced an analysis; part of every cache key, so an upgrade of Parley
   * never reuses an analysis made by another version. */
  readonly version: string;
  analyseArticle(article: Article): Promise<ArticleAnalysis>;
  combine(analyses: ArticleAnalysis[], problems: Problem[]): Promise<Brief>;
}

const ADAPTER_SCHEMA = 'parley-serve/analyse-adapter@1';

export const PARLEY_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The cache key of an article's analysis: the code's version and everything the analysis reads
 * (id, text and metadata), so editing any of them, or upgrading Parley, misses the cache. */
export function analysisKey(analyzer: Analyzer, article: Article): string {
  return createHash('sha256').update(analyzer.version).update('\u0000').update(JSON.stringify(article)).digest('hex');
}

type Recorded = Pick<ArticleAnalysis, 'doc' | 'entities' | 'quotes' | 'events'>;

function samePublication(a: Article, b: Article): boolean {
  return a.published === b.published && a.publishedBasis === b.publishedBasis;
}

export const pipelineAnalyzer: Analyzer = {
  version: `parley@${PARLEY_VERSION}/${ADAPTER_SCHEMA}`,

  async analyseArticle(article) {
    const recorded: Recorded = { doc: null };
    analyse([article], [], {
      stage: (name, run, id) => {
        const result = run();
        if (id !== null) record(recorded, name, result);
        return result;
      },
    });
    // The time step may set a Doc's article to a dated copy; the stored analysis keeps the
    // article as given, and combine() works out its date among the other articles.
    const doc = recorded.doc ? { ...recorded.doc, article } : null;
    return { schema: ADAPTER_SCHEMA, article, ...recorded, doc };
  },

  async combine(analyses, problems) {
    const byId = new Map(analyses.map((a) => [a.article.id, a]));
    // analyse() gives each Doc the article with its inferred date; the Doc handed over is the
    // analysis' own (compare/ memoises its parse per Doc object, so a Doc kept in memory between
    // jobs is parsed once), with its article set back to the one as given first. The stored
    // (serialised) analysis is never touched.
    const given = new Map<string, Doc>();
    return analyse(
      analyses.map((a) => a.article),
      problems,
      {
        stage: <T>(name: StageName, run: () => T, id: string | null): T => {
          const a = id === null ? undefined : byId.get(id);
          if (!a) return run();
          switch (name) {
            case 'doc': {
              if (!a.doc) return run();
              a.doc.article = a.article;
              given.set(a.article.id, a.doc);
              return a.doc as T;
            }
            case 'entities':
              return (a.entities as T) ?? run();
            case 'quotes':
              return (a.quotes as T) ?? run();
            case 'events': {
              // Events read the article's resolved times, which hang on its publication date: a
              // date inferred from the other articles means reading them again.
              const doc = given.get(a.article.id);
              return a.events && doc && samePublication(doc.article, a.article) ? (a.events as T) : run();
            }
            default:
              return run();
          }
        },
      },
    );
  },
};

function record(into: Recorded, name: StageName, result: unknown): void {
  if (name === 'doc') into.doc = result as Doc;
  else if (name === 'entities') into.entities = result as ArticleEntities;
  else if (name === 'quotes') into.quotes = result as QuoteAnnotation[];
  else if (name === 'events') into.events = result as ArticleEvents;
}
