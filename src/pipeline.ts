// The whole run: ingest the inputs, annotate each article, then work across articles.
// Each stage is one folder with one entry function; this file only wires them together.
import type { Article, Brief, Problem } from './types.js';
import type { ArticleEntities, ArticleEvents, QuoteAnnotation, ResolvedEntities, TimeAnnotation } from './annotations.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import { buildDoc, type Doc } from './text/doc.js';
import { findEntities } from './entities/index.js';
import { annotateTimes, toTimeExpressions } from './time/index.js';
import { findQuotes, assembleQuotes } from './quotes/index.js';
import { findEvents, assembleEvents } from './events/index.js';
import { resolveEntities } from './resolve/index.js';
import { compare } from './compare/index.js';
import type { Isolate } from './util/isolate.js';

/** The steps of analyse(), in order. */
export type StageName = 'doc' | 'entities' | 'time' | 'quotes' | 'events' | 'resolve' | 'assemble' | 'compare';
const STAGE_NAMES: StageName[] = ['doc', 'entities', 'time', 'quotes', 'events', 'resolve', 'assemble', 'compare'];

export interface BriefOptions extends IngestOptions {
  /** Called as work advances, for a progress indicator. */
  onProgress?: (done: number, total: number, phase: string) => void;
  /**
   * Wraps each step of analyse(): once per article for doc, entities, quotes and events (`article`
   * is its id), once for the batch for time, resolve, assemble and compare (`article` is null).
   * bench/pipeline.ts times the stages with it. Whatever it throws is isolated and reported like
   * a stage's own failure.
   */
  stage?: <T>(name: StageName, run: () => T, article: string | null) => T;
}

const runStage = <T>(_name: StageName, run: () => T, _article: string | null): T => run();

/** Read the inputs and write the brief. Never throws for a bad input: it becomes a problem. */
export async function brief(inputs: string[], options: BriefOptions = {}): Promise<Brief> {
  const { articles, problems } = await ingest(inputs, options);
  return analyse(articles, problems, options);
}

/**
 * Annotate already-ingested articles and assemble the brief. A stage that fails on an article
 * costs that article that stage's result (or the failing part of it), never the other stages or
 * articles, and the failure is a problem naming the article, the stage and the error. A failure
 * in work across articles costs that part of the brief and is reported the same way.
 */
export function analyse(articles: Article[], problems: Problem[] = [], options: BriefOptions = {}): Brief {
  const progress = options.onProgress;
  const hook = options.stage ?? runStage;
  const failures = new Failures();
  const isolateIn =
    (stage: StageName): Isolate =>
    (part, run, fallback, article) => {
      try {
        return run();
      } catch (err) {
        failures.add(stage, article, part, err);
        return fallback;
      }
    };
  const perArticle = <T>(stage: StageName, article: string, run: () => T, fallback: T): T =>
    isolateIn(stage)(WHOLE, () => hook(stage, run, article), fallback, article);
  const acrossArticles = <T>(stage: StageName, run: () => T, fallback: T): T => isolateIn(stage)(WHOLE, () => hook(stage, run, null), fallback, null);

  // ── per article: Doc, entities (independent of every other article) ──
  // An article without a Doc cannot be analysed at all; it leaves the brief with its problem.
  const docs: Doc[] = [];
  articles.forEach((article, i) => {
    progress?.(i, articles.length, 'analysing');
    const doc = perArticle('doc', article.id, () => buildDoc(article), null);
    if (doc) docs.push(doc);
  });
  progress?.(articles.length, articles.length, 'analysing');
  const entities: ArticleEntities[] = docs.map((doc) =>
    perArticle('entities', doc.article.id, () => findEntities(doc), { article: doc.article.id, mentions: [], entities: [] }),
  );

  // ── time: per article, plus publication dates inferred from the other articles ──
  const timed = acrossArticles('time', () => annotateTimes(docs, isolateIn('time')), {
    articles: docs.map((d) => d.article),
    times: docs.map((): TimeAnnotation[] => []),
  });
  docs.forEach((doc, i) => {
    doc.article = timed.articles[i];
  });
  const times = timed.times;

  // ── quotes and events: per article, reading the annotations above ──
  const quotes: QuoteAnnotation[][] = docs.map((doc, i) => perArticle('quotes', doc.article.id, () => findQuotes(doc, entities[i]), []));
  const events: ArticleEvents[] = docs.map((doc, i) =>
    perArticle('events', doc.article.id, () => findEvents(doc, entities[i], quotes[i], times[i], isolateIn('events')), {
      events: [],
      positions: [],
      conditions: [],
    }),
  );

  // ── across articles, on annotations only ──
  const resolved: ResolvedEntities = acrossArticles('resolve', () => resolveEntities(entities, docs, isolateIn('resolve')), {
    entities: [],
    globalId: new Map(),
  });
  const assembling = isolateIn('assemble');
  const assembled = acrossArticles(
    'assemble',
    () => ({
      quotes: assembling('quotes', () => assembleQuotes(docs, quotes, resolved), [], null),
      times: assembling('times', () => toTimeExpressions(docs, times), [], null),
      ...assembling('events, positions and conditions', () => assembleEvents(docs, events, resolved), { events: [], positions: [], conditions: [] }, null),
    }),
    { quotes: [], times: [], events: [], positions: [], conditions: [] },
  );
  const partial: Brief = {
    schema: 'parley/brief@1' as const,
    articles: docs.map((d) => d.article),
    entities: resolved.entities,
    ...assembled,
    problems,
  };
  const compared = acrossArticles('compare', () => compare(partial, docs, isolateIn('compare')), { discrepancies: [], framing: [], kinds: {} });
  return {
    schema: 'parley/brief@1',
    articles: partial.articles.map((a) => ({ ...a, kind: compared.kinds[a.id] ?? null })),
    entities: partial.entities,
    quotes: partial.quotes,
    times: partial.times,
    events: partial.events,
    positions: partial.positions,
    conditions: partial.conditions,
    discrepancies: compared.discrepancies,
    framing: compared.framing,
    problems: [...problems, ...failures.problems(articles)],
  };
}

/** The part name of a failure that cost a stage's whole result for an article (or the batch). */
const WHOLE = '';

/** Failures isolated during one analyse(), one problem per stage and article. */
class Failures {
  private readonly byKey = new Map<string, { stage: StageName; article: string | null; parts: string[]; errors: string[] }>();

  add(stage: StageName, article: string | null, part: string, err: unknown): void {
    const key = `${stage}\u0000${article ?? ''}`;
    const entry = this.byKey.get(key) ?? { stage, article, parts: [], errors: [] };
    this.byKey.set(key, entry);
    if (!entry.parts.includes(part)) entry.parts.push(part);
    const error = describeError(err);
    if (!entry.errors.includes(error)) entry.errors.push(error);
  }

  problems(articles: Article[]): Problem[] {
    const sourceOf = new Map(articles.map((a) => [a.id, a.source]));
    return [...this.byKey.values()].map(({ stage, article, parts, errors }) => {
      const whole = parts.includes(WHOLE);
      const named = parts.filter((p) => p !== WHOLE);
      const what = whole || named.length === 0 ? '' : ` (${named.length > 5 ? `${named.slice(0, 5).join('; ')}; and ${named.length - 5} more` : named.join('; ')})`;
      const error = errors.length > 1 ? `${errors[0]} (and ${errors.length - 1} other error${errors.length > 2 ? 's' : ''})` : errors[0];
      const kept =
        article === null
          ? whole
            ? `the brief has no ${stage} results`
            : 'the rest of the brief is complete'
          : stage === 'doc'
            ? 'the article could not be analysed'
            : whole
              ? `its other stages' results are in the brief`
              : 'the rest of the article was analysed';
      return {
        source: article === null ? ALL_ARTICLES : sourceOf.get(article) ?? article,
        message:
          `the ${stage} stage failed ${article === null ? 'across the articles' : `on article "${article}"`}${what}: ${error}; ${kept}. ` +
          `This is a bug in Parley: please report it${article === null ? '' : ' with the article attached'}.`,
      };
    });
  }
}

/** The `source` of a problem in work across articles. */
export const ALL_ARTICLES = '(all articles)';

/** The stage a problem reports as failed, or null for any other problem (bench/pipeline.ts counts these as crashes). */
export function failedStage(problem: Problem): StageName | null {
  const name = /^the (\w+) stage failed /.exec(problem.message)?.[1];
  return STAGE_NAMES.includes(name as StageName) ? (name as StageName) : null;
}

/** The error's own words and where it was thrown, for a bug report. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const at = /\n\s+at (?:.*?\()?(.*?):(\d+):\d+\)?/.exec(err.stack ?? '');
  const where = at ? ` at ${at[1].replace(/^.*?\/(src|bench|test)\//, '$1/')}:${at[2]}` : '';
  return `${err.name}: ${err.message}${where}`;
}
