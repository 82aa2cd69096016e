// The whole run: ingest the inputs, annotate each article, then work across articles.
// Each stage is one folder with one entry function; this file only wires them together.
import type { Article, Brief, Problem } from './types.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import { buildDoc, type Doc } from './text/doc.js';

export interface BriefOptions extends IngestOptions {
  /** Called as work advances, for a progress indicator. */
  onProgress?: (done: number, total: number, phase: string) => void;
}

/** Read the inputs and write the brief. Never throws for a bad input: it becomes a problem. */
export async function brief(inputs: string[], options: BriefOptions = {}): Promise<Brief> {
  const { articles, problems } = await ingest(inputs, options);
  return analyse(articles, problems, options);
}

/** Annotate already-ingested articles and assemble the brief. */
export function analyse(articles: Article[], problems: Problem[] = [], options: BriefOptions = {}): Brief {
  const docs: Doc[] = [];
  articles.forEach((article, i) => {
    options.onProgress?.(i, articles.length, 'analysing');
    docs.push(buildDoc(article));
  });
  options.onProgress?.(articles.length, articles.length, 'analysing');

  // ── per-article stages (each reads the Doc and earlier annotations) ──
  // ── cross-article stages ──

  return {
    schema: 'parley/brief@1',
    articles: docs.map((d) => d.article),
    problems,
  };
}
