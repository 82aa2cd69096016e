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
  const isDated = docs.map((doc) => parseIsoDate(doc.article.published) !== null);
  docs.forEach((doc, i) => {
    const published = parseIsoDate(doc.article.published);
    if (!published) return;
    dated.push({ doc, found: results[i].found });
    batchDates.push(published);
  });
  // Rounds: an article dated by inference can in turn date another ("Monday" in a wire copy
  // whose dateline needs the batch's year). The batch's median stays that of the real dates.
  const prior = batchPrior(batchDates);
  for (let round = 0; round < 3; round++) {
    const years = [...batchDates.map((d) => d.y), ...articles.flatMap((a, i) => (isDated[i] ? [] : parseIsoDate(a.published)?.y ?? []))];
    const roundPrior = prior ?? batchPrior(articles.flatMap((a) => parseIsoDate(a.published) ?? []));
    let changed = false;
    docs.forEach((doc, i) => {
      if (isDated[i] || articles[i].publishedBasis === 'inferred') return;
      try {
        const inferred = inferPublished(ownWindows(doc, results[i].found, years, roundPrior), batchWindows(doc, results[i].found, dated), roundPrior);
        if (!inferred) return;
        articles[i] = { ...doc.article, published: formatDay(inferred), publishedBasis: 'inferred' };
        results[i] = annotateDoc(doc, inferred);
        dated.push({ doc, found: results[i].found });
        changed = true;
      } catch {
        // Inference is best effort: the article keeps its missing date and unresolved values.
      }
    });
    if (!changed) break;
  }
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
