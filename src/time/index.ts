// time/: find the time expressions of each article, resolve them to TIMEX3 values against the
// right anchor, and infer publication dates for undated articles from the batch.
import type { Article, TimeExpression } from '../types.js';
import type { TimeAnnotation } from '../annotations.js';
import type { Doc } from '../text/doc.js';
import { formatDay, parseIsoDate, type CalDate } from './calendar.js';
import { annotateDoc, type Found } from './detect.js';
import { batchPrior, batchWindows, inferPublished, ownWindows, type DatedArticle } from './infer.js';

export { buildTimeline, type TimelineEntry } from './timeline.js';

/** Time expressions of every article, and the articles with inferred publication dates where
 * theirs were missing. Article texts are never changed; a failing article gets no expressions. */
export function annotateTimes(docs: Doc[]): { articles: Article[]; times: TimeAnnotation[][] } {
  const results = docs.map((doc) => {
    try {
      return annotateDoc(doc, parseIsoDate(doc.article.published));
    } catch {
      return { annotations: [] as TimeAnnotation[], found: [] as Found[] };
    }
  });
  const articles = docs.map((d) => d.article);
  const dated: DatedArticle[] = [];
  const batchDates: CalDate[] = [];
  docs.forEach((doc, i) => {
    const published = parseIsoDate(doc.article.published);
    if (!published) return;
    dated.push({ doc, found: results[i].found });
    batchDates.push(published);
  });
  const batchYears = batchDates.map((d) => d.y);
  const prior = batchPrior(batchDates);
  docs.forEach((doc, i) => {
    if (parseIsoDate(doc.article.published)) return;
    try {
      const inferred = inferPublished(ownWindows(doc, results[i].found, batchYears, prior), batchWindows(doc, results[i].found, dated), prior);
      if (!inferred) return;
      articles[i] = { ...doc.article, published: formatDay(inferred), publishedBasis: 'inferred' };
      results[i] = annotateDoc(doc, inferred);
    } catch {
      // Inference is best effort: the article keeps its missing date and unresolved values.
    }
  });
  return { articles, times: results.map((r) => r.annotations) };
}

export function toTimeExpressions(docs: Doc[], times: TimeAnnotation[][]): TimeExpression[] {
  const out: TimeExpression[] = [];
  docs.forEach((doc, i) => {
    for (const t of times[i] ?? []) {
      out.push({ article: doc.article.id, start: t.start, end: t.end, text: t.text, value: t.value, anchor: t.anchor, type: t.type });
    }
  });
  return out;
}
