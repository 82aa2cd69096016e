// The cross-article half of the pipeline: publication dates inferred from the other articles of
// the same story, one entity per real actor, the brief's items assembled across articles, and
// the comparison of outlets. It reads only ArticleAnalysis values, wherever they were computed.
import type { Brief, Problem } from '../types.js';
import type { ResolvedEntities } from '../annotations.js';
import type { Doc } from '../text/doc.js';
import { inferPublicationDates, toTimeExpressions, type InferredDate } from '../time/index.js';
import { assembleQuotes } from '../quotes/index.js';
import { assembleEvents } from '../events/index.js';
import { resolveEntities } from '../resolve/index.js';
import { compare } from '../compare/index.js';
import type { Isolate } from '../util/isolate.js';
import { analyseAfterTime, type ArticleAnalysis, type StageHook } from './article.js';
import { Failures, recordingIsolate, WHOLE, type StageFailure, type StageName } from './failures.js';

export interface CombineOptions {
  stage?: StageHook;
}

const runStage: StageHook = (_name, run) => run();

/** Per-article stages in the order their failures are reported (the order of a sequential run). */
const PER_ARTICLE: StageName[] = ['doc', 'entities', 'time', 'quotes', 'events'];

/**
 * The brief from per-article analyses (in input order) and the problems met before analysis
 * (ingest). A failure in work across articles costs that part of the brief and is a problem;
 * the failures recorded in the analyses become problems too, one per stage and article.
 */
export function combine(analyses: ArticleAnalysis[], problems: Problem[] = [], options: CombineOptions = {}): Brief {
  const hook = options.stage ?? runStage;
  const failures = new Failures();
  const batchFailures: StageFailure[] = [];
  const isolateIn = (stage: StageName): Isolate => recordingIsolate(stage, batchFailures);
  const acrossArticles = <T>(stage: StageName, run: () => T, fallback: T): T => isolateIn(stage)(WHOLE, () => hook(stage, run, null), fallback, null);

  // An article without a Doc cannot be analysed at all; it leaves the brief with its problem.
  const keptAt = analyses.flatMap((a, i) => (a.doc ? [i] : []));
  const kept = keptAt.map((i) => analyses[i] as ArticleAnalysis & { doc: Doc });

  // ── time across articles: publication dates inferred from the other articles of the story ──
  const inferenceFailures: StageFailure[] = [];
  const inferred: (InferredDate | null)[] = recordingIsolate('time', inferenceFailures)(
    WHOLE,
    () => hook('time', () => inferPublicationDates(kept.map((a) => a.doc), kept.map((a) => a.times), recordingIsolate('time', inferenceFailures)), null),
    kept.map(() => null),
    null,
  );

  // An article dated by inference is read again from the time stage on, with its new date: its
  // quotes and events (and their failures) are those of the article with that date.
  const failuresOf = analyses.map((a) => a.failures);
  const current = kept.map((a, i) => {
    const date = inferred[i];
    if (!date) return a;
    const doc: Doc = { ...a.doc, article: date.article };
    const failuresNow = a.failures.filter((f) => f.stage !== 'quotes' && f.stage !== 'events');
    failuresOf[keptAt[i]] = failuresNow;
    return { ...a, article: date.article, doc, times: date.times, ...analyseAfterTime(doc, a.entities, date.times, failuresNow, hook) };
  });

  // Failures are reported in the order a sequential run meets them: stage by stage, and within a
  // stage article by article (date inference after every article's own time expressions).
  for (const stage of PER_ARTICLE) {
    for (const list of failuresOf) for (const f of list) if (f.stage === stage) failures.add(f);
    if (stage === 'time') inferenceFailures.forEach((f) => failures.add(f));
  }

  const docs = current.map((a) => a.doc);
  const entities = current.map((a) => a.entities);
  const quotes = current.map((a) => a.quotes);
  const events = current.map((a) => a.events);
  const times = current.map((a) => a.times.annotations);

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
  batchFailures.forEach((f) => failures.add(f));
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
    problems: [...problems, ...failures.problems(analyses.map((a) => a.article))],
  };

}
