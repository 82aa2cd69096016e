// A brief holding only articles and their time expressions, as the pipeline would build it.
import { buildDoc } from '../../src/text/doc.js';
import { annotateTimes, toTimeExpressions } from '../../src/time/index.js';
import type { Article, Brief } from '../../src/types.js';

export function analyseTimes(articles: Article[]): Brief {
  const docs = articles.map(buildDoc);
  const { articles: dated, times } = annotateTimes(docs);
  return { schema: 'parley/brief@1', articles: dated, times: toTimeExpressions(docs, times), problems: [] };
}
