// Small hand-made briefs for the compare/ tests: articles, their Docs, and time expressions placed
// by the words they cover.
import type { Article, Brief, TimeExpression } from '../../src/types.js';
import { buildDoc, type Doc } from '../../src/text/doc.js';
import { buildContext, type Context } from '../../src/compare/context.js';

export function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, source: `${id}.txt`, url: null, outlet: extra.outlet ?? `Outlet ${id.toUpperCase()}`, title: null, authors: [], published: '2026-05-14', publishedBasis: 'metadata', language: 'en', kind: null, text, ...extra };
}

/** A time expression over the first occurrence of `words` in the article. */
export function time(a: Article, words: string, value: string, type: TimeExpression['type'] = 'DATE'): TimeExpression {
  const start = a.text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" not in ${a.id}`);
  return { article: a.id, start, end: start + words.length, text: words, value, anchor: 'published', type };
}

export function briefOf(articles: Article[], extra: Partial<Brief> = {}): Brief {
  return { schema: 'parley/brief@1', articles, problems: [], ...extra };
}

export function context(brief: Brief): { ctx: Context; docs: Doc[] } {
  const docs = brief.articles.map(buildDoc);
  return { ctx: buildContext(brief, docs), docs };
}
