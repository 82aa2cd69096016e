// The whole run: ingest the inputs, annotate each article, then work across articles.
// Each stage is one folder with one entry function; this file only wires them together.
import type { Article, Brief, Problem } from './types.js';
import type { ArticleEntities, ArticleEvents, QuoteAnnotation, TimeAnnotation } from './annotations.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import { buildDoc, type Doc } from './text/doc.js';
import { findEntities } from './entities/index.js';
import { annotateTimes, toTimeExpressions } from './time/index.js';
import { findQuotes, assembleQuotes } from './quotes/index.js';
import { findEvents, assembleEvents } from './events/index.js';
import { resolveEntities } from './resolve/index.js';
import { compare } from './compare/index.js';

/** The steps of analyse(), in order. */
export type StageName = 'doc' | 'entities' | 'time' | 'quotes' | 'events' | 'resolve' | 'assemble' | 'compare';

export interface BriefOptions extends IngestOptions {
  /** Called as work advances, for a progress indicator. */
  onProgress?: (done: number, total: number, phase: string) => void;
  /** Wraps each step of analyse(), e.g. to time it or to name the step that threw (bench/pipeline.ts). */
  stage?: <T>(name: StageName, run: () => T) => T;
}

const runStage = <T>(_name: StageName, run: () => T): T => run();

/** Read the inputs and write the brief. Never throws for a bad input: it becomes a problem. */
export async function brief(inputs: string[], options: BriefOptions = {}): Promise<Brief> {
  const { articles, problems } = await ingest(inputs, options);
  return analyse(articles, problems, options);
}

/** Annotate already-ingested articles and assemble the brief. */
export function analyse(articles: Article[], problems: Problem[] = [], options: BriefOptions = {}): Brief {
  const progress = options.onProgress;
  const stage = options.stage ?? runStage;

  // ── per article: Doc, entities (independent of every other article) ──
  const docs: Doc[] = stage('doc', () =>
    articles.map((article, i) => {
      progress?.(i, articles.length, 'analysing');
      return buildDoc(article);
    }),
  );
  progress?.(articles.length, articles.length, 'analysing');
  const entities: ArticleEntities[] = stage('entities', () => docs.map((doc) => findEntities(doc)));

  // ── time: per article, plus publication dates inferred from the other articles ──
  const times: TimeAnnotation[][] = stage('time', () => {
    const timed = annotateTimes(docs);
    docs.forEach((doc, i) => {
      doc.article = timed.articles[i];
    });
    return timed.times;
  });

  // ── quotes and events: per article, reading the annotations above ──
  const quotes: QuoteAnnotation[][] = stage('quotes', () => docs.map((doc, i) => findQuotes(doc, entities[i])));
  const events: ArticleEvents[] = stage('events', () => docs.map((doc, i) => findEvents(doc, entities[i], quotes[i], times[i])));

  // ── across articles, on annotations only ──
  const resolved = stage('resolve', () => resolveEntities(entities, docs));
  const partial: Brief = stage('assemble', () => ({
    schema: 'parley/brief@1' as const,
    articles: docs.map((d) => d.article),
    entities: resolved.entities,
    quotes: assembleQuotes(docs, quotes, resolved),
    times: toTimeExpressions(docs, times),
    ...assembleEvents(docs, events, resolved),
    problems,
  }));
  const compared = stage('compare', () => compare(partial, docs));
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
    problems,
  };
}
