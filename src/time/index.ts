// time/: find the time expressions of each article, resolve them to TIMEX3 values against the
// right anchor, and infer publication dates for undated articles from the batch.
import type { Article, TimeExpression } from '../types.js';
import type { TimeAnnotation } from '../annotations.js';
import type { Doc } from '../text/doc.js';
import { formatDay, parseIsoDate } from './calendar.js';
import { annotateDoc, type Found } from './detect.js';
import { batchPrior, batchWindows, inferPublished, ownWindows, sameStory, storyWords, type DatedArticle } from './infer.js';
import { bare, type Isolate } from '../util/isolate.js';

export { buildTimeline, type TimelineEntry } from './timeline.js';

/** Time expressions of every article, and the articles with inferred publication dates where
 * theirs were missing. Article texts are never changed. Each article's expressions and its date
 * inference run through `isolate`: with the pipeline's, a failing article gets no expressions
 * (or keeps its missing date) and the failure is reported; with the default, it throws. */
export function annotateTimes(docs: Doc[], isolate: Isolate = bare): { articles: Article[]; times: TimeAnnotation[][] } {
  const none = (): { annotations: TimeAnnotation[]; found: Found[] } => ({ annotations: [], found: [] });
  const results = docs.map((doc) => isolate('time expressions', () => annotateDoc(doc, parseIsoDate(doc.article.published)), none(), doc.article.id));
  const articles = docs.map((d) => d.article);
  const isDated = docs.map((doc) => parseIsoDate(doc.article.published) !== null);
  const words = docs.map(storyWords);
  // Rounds: an article dated by inference can in turn date another ("Monday" in a wire copy
  // whose dateline needs the story's year). Only articles of the same story give clues: in a
  // mixed batch, another story's dates say nothing about this one.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    docs.forEach((doc, i) => {
      if (isDated[i] || articles[i].publishedBasis === 'inferred') return;
      const mates = docs.map((_, j) => j).filter((j) => j !== i && parseIsoDate(articles[j].published) !== null && sameStory(words[i], words[j]));
      const mateDates = mates.map((j) => parseIsoDate(articles[j].published)!);
      const dated: DatedArticle[] = mates.map((j) => ({ doc: docs[j], found: results[j].found }));
      const inferred = isolate(
        'publication date inference',
        () => {
          const day = inferPublished(
            ownWindows(doc, results[i].found, mateDates.map((d) => d.y), batchPrior(mateDates)),
            batchWindows(doc, results[i].found, dated),
          );
          // Both or neither: a date without the values resolved against it would disagree with them.
          return day ? { day, result: annotateDoc(doc, day) } : null;
        },
        null,
        doc.article.id,
      );
      if (!inferred) return;
      articles[i] = { ...doc.article, published: formatDay(inferred.day), publishedBasis: 'inferred' };
      results[i] = inferred.result;
      changed = true;
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
