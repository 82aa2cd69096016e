// The pipeline as one sequential pass over all articles, written with the stages' own entry
// points and no failure isolation: what analyse() computed before it was split into
// analyseArticle() and combine(). The split must give exactly this brief.
import type { Article, Brief } from '../../src/types.js';
import { buildDoc } from '../../src/text/doc.js';
import { findEntities } from '../../src/entities/index.js';
import { annotateTimes, toTimeExpressions } from '../../src/time/index.js';
import { findQuotes, assembleQuotes } from '../../src/quotes/index.js';
import { findEvents, assembleEvents } from '../../src/events/index.js';
import { resolveEntities } from '../../src/resolve/index.js';
import { compare } from '../../src/compare/index.js';

export function sequentialBrief(articles: Article[]): Brief {
  const docs = articles.map(buildDoc);
  const entities = docs.map((doc) => findEntities(doc));
  // Every article's time expressions, then dates inferred across articles; the later stages read
  // the articles with their inferred dates.
  const timed = annotateTimes(docs);
  docs.forEach((doc, i) => {
    doc.article = timed.articles[i];
  });
  const quotes = docs.map((doc, i) => findQuotes(doc, entities[i]));
  const events = docs.map((doc, i) => findEvents(doc, entities[i], quotes[i], timed.times[i]));
  const resolved = resolveEntities(entities, docs);
  const partial: Brief = {
    schema: 'parley/brief@1',
    articles: docs.map((d) => d.article),
    entities: resolved.entities,
    quotes: assembleQuotes(docs, quotes, resolved),
    times: toTimeExpressions(docs, timed.times),
    ...assembleEvents(docs, events, resolved),
    problems: [],
  };
  const compared = compare(partial, docs);
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
    problems: [],
  };
}
