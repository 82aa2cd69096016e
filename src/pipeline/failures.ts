// Failures never vanish and never spread. A stage that throws on an article (or on one part of
// it) costs only that result, and the failure becomes one `problems` entry per stage and article.
// Failures are recorded as plain data (StageFailure) where they happen, possibly in a worker
// thread, and turned into problems once, when the brief is combined.
import type { Article, Problem } from '../types.js';
import type { Isolate } from '../util/isolate.js';

/** The steps of analyse(), in order. */
export type StageName = 'doc' | 'entities' | 'time' | 'quotes' | 'events' | 'resolve' | 'assemble' | 'compare';
export const STAGE_NAMES: readonly StageName[] = ['doc', 'entities', 'time', 'quotes', 'events', 'resolve', 'assemble', 'compare'];

/** One isolated failure: the stage, the article (null: work across articles), the part that was
 * lost (WHOLE: the stage's whole result) and the error in words, already described so that it
 * survives a trip between threads. */
export interface StageFailure {
  stage: StageName;
  article: string | null;
  part: string;
  error: string;
}

/** The part name of a failure that cost a stage's whole result for an article (or the batch). */
export const WHOLE = '';

/** The `source` of a problem in work across articles. */
export const ALL_ARTICLES = '(all articles)';

/** An Isolate that records what fails in `stage` into `into` and goes on with the fallback. */
export function recordingIsolate(stage: StageName, into: StageFailure[]): Isolate {
  return (part, run, fallback, article) => {
    try {
      return run();
    } catch (err) {
      into.push({ stage, article, part, error: describeError(err) });
      return fallback;
    }
  };
}

/** Failures of one brief, one problem per stage and article, in the order each was first seen. */
export class Failures {
  private readonly byKey = new Map<string, { stage: StageName; article: string | null; parts: string[]; errors: string[] }>();

  add({ stage, article, part, error }: StageFailure): void {
    const key = `${stage}\u0000${article ?? ''}`;
    const entry = this.byKey.get(key) ?? { stage, article, parts: [], errors: [] };
    this.byKey.set(key, entry);
    if (!entry.parts.includes(part)) entry.parts.push(part);
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
            ? // Across articles, the time stage only infers publication dates: each article's own
              // time expressions were found with the article and stay.
              stage === 'time'
              ? 'no publication date was inferred'
              : `the brief has no ${stage} results`
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

/** The stage a problem reports as failed, or null for any other problem (bench/pipeline.ts counts these as crashes). */
export function failedStage(problem: Problem): StageName | null {
  const name = /^the (\w+) stage failed /.exec(problem.message)?.[1];
  return STAGE_NAMES.includes(name as StageName) ? (name as StageName) : null;
}

/** The error's own words and where it was thrown, for a bug report. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const at = /\n\s+at (?:.*?\()?(.*?):(\d+):\d+\)?/.exec(err.stack ?? '');
  const where = at ? ` at ${at[1].replace(/^.*?\/(src|bench|test)\//, '$1/')}:${at[2]}` : '';
  return `${err.name}: ${err.message}${where}`;
}
