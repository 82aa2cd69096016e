// time/: find the time expressions of each article, resolve them to TIMEX3 values against the
// right anchor, and infer publication dates for undated articles from the batch.
import type { Article, TimeExpression } from '../types.js';
import type { TimeAnnotation } from '../annotations.js';
import type { Doc } from '../text/doc.js';
import { formatDay, parseIsoDate } from './calendar.js';
import { annotateDoc, type Found } from './detect.js';
import { batchPrior, batchWindows, inferPublished, ownWindows, sameStory, storyWords, type DatedArticle, type TimeClue } from './infer.js';
import { bare, type Isolate } from '../util/isolate.js';

export { buildTimeline, type TimelineEntry } from './timeline.js';
export type { TimeClue } from './infer.js';

/** One article's time expressions, resolved against its own publication date (none: relative
 * values stay null), and the clues publication-date inference reads. Plain data: this is the
 * per-article half of the time stage, run wherever the article is analysed (a worker thread, a
 * cache) and independent of every other article. */
export interface ArticleTimes {
  annotations: TimeAnnotation[];
  clues: TimeClue[];
}

export function annotateArticleTimes(doc: Doc): ArticleTimes {
  const { annotations, found } = annotateDoc(doc, parseIsoDate(doc.article.published));
  return { annotations, clues: found.map(toClue) };
}

function toClue(f: Found): TimeClue {
  const c = f.cand;
  const cand: TimeClue['cand'] = { start: c.start, end: c.end, type: c.type, absolute: c.absolute };
  if (c.relation) cand.relation = { ...c.relation };
  if (c.namesWeekday) cand.namesWeekday = true;
  return { cand, sentence: f.sentence, dir: f.dir, value: f.value };
}

/** A publication date inferred for an undated article, with its time expressions resolved again
 * against that date (both or neither: a date without the values resolved against it would
 * disagree with them). */
export interface InferredDate {
  article: Article;
  times: ArticleTimes;
}

/**
 * The cross-article half of the time stage: publication dates for undated articles from what they
 * say and what the dated articles of the same story say. `times[i]` is `docs[i]`'s per-article
 * result. Returns, per article, its inferred date or null. Each article's inference runs through
 * `isolate` (part "publication date inference"): a failure leaves that article undated.
 */
export function inferPublicationDates(docs: Doc[], times: ArticleTimes[], isolate: Isolate = bare): (InferredDate | null)[] {
  const out: (InferredDate | null)[] = docs.map(() => null);
  const clues = times.map((t) => t.clues);
  const articles = docs.map((d) => d.article);
  const isDated = docs.map((doc) => parseIsoDate(doc.article.published) !== null);
  const undated = docs.map((_, i) => i).filter((i) => !isDated[i]);
  if (undated.length === 0) return out;
  const words = docs.map(storyWords);
  // Rounds: an article dated by inference can in turn date another ("Monday" in a wire copy
  // whose dateline needs the story's year). Only articles of the same story give clues: in a
  // mixed batch, another story's dates say nothing about this one.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const i of undated) {
      const doc = docs[i];
      if (articles[i].publishedBasis === 'inferred') continue;
      const mates = docs.map((_, j) => j).filter((j) => j !== i && parseIsoDate(articles[j].published) !== null && sameStory(words[i], words[j]));
      const mateDates = mates.map((j) => parseIsoDate(articles[j].published)!);
      const dated: DatedArticle[] = mates.map((j) => ({ doc: docs[j], found: clues[j] }));
      const inferred = isolate(
        'publication date inference',
        () => {
          const day = inferPublished(
            ownWindows(doc, clues[i], mateDates.map((d) => d.y), batchPrior(mateDates)),
            batchWindows(doc, clues[i], dated),
          );
          if (!day) return null;
          const article: Article = { ...doc.article, published: formatDay(day), publishedBasis: 'inferred' };
          const { annotations, found } = annotateDoc(doc, day);
          return { article, times: { annotations, clues: found.map(toClue) } };
        },
        null,
        doc.article.id,
      );
      if (!inferred) continue;
      articles[i] = inferred.article;
      clues[i] = inferred.times.clues;
      out[i] = inferred;
      changed = true;
    }
    if (!changed) break;
  }
  return out;
}

/** Time expressions of every article, and the articles with inferred publication dates where
 * theirs were missing: annotateArticleTimes on each, then inferPublicationDates. Article texts
 * are never changed. Each article's expressions and its date inference run through `isolate`:
 * with the pipeline's, a failing article gets no expressions (or keeps its missing date) and the
 * failure is reported; with the default, it throws. */
export function annotateTimes(docs: Doc[], isolate: Isolate = bare): { articles: Article[]; times: TimeAnnotation[][] } {
  const none = (): ArticleTimes => ({ annotations: [], clues: [] });
  const times = docs.map((doc) => isolate('time expressions', () => annotateArticleTimes(doc), none(), doc.article.id));
  const inferred = inferPublicationDates(docs, times, isolate);
  return {
    articles: docs.map((d, i) => inferred[i]?.article ?? d.article),
    times: times.map((t, i) => (inferred[i]?.times ?? t).annotations),
  };
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
