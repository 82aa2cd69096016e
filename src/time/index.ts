// time/: find the time expressions of each article, resolve them to TIMEX3 values against the
// right anchor, and infer publication dates for undated articles from the batch.
import * as chrono from 'chrono-node';
import type { Article, TimeExpression } from '../types.js';
import type { TimeAnnotation } from '../annotations.js';
import type { Doc } from '../text/doc.js';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Per-sentence detection with chrono; grown into rule units in this folder. */
function annotateDoc(doc: Doc): TimeAnnotation[] {
  const out: TimeAnnotation[] = [];
  const published = doc.article.published ? new Date(doc.article.published) : null;
  for (const s of doc.sentences) {
    const sentence = doc.text.slice(s.start, s.end);
    const results = chrono.parse(sentence, published ?? new Date(0), { forwardDate: false });
    for (const r of results) {
      const start = s.start + r.index;
      const end = start + r.text.length;
      const c = r.start;
      const absolute = c.isCertain('year');
      let value: string | null = null;
      if (absolute || published) {
        value = `${c.get('year')}`;
        if (c.isCertain('month') || !absolute) value += `-${pad(c.get('month') ?? 1)}`;
        if (c.isCertain('day') || c.isCertain('weekday') || !absolute) value += `-${pad(c.get('day') ?? 1)}`;
      }
      out.push({ start, end, text: doc.text.slice(start, end), type: 'DATE', value, anchor: value === null ? null : absolute ? 'absolute' : 'published' });
    }
  }
  return out;
}

export function annotateTimes(docs: Doc[]): { articles: Article[]; times: TimeAnnotation[][] } {
  const times = docs.map((doc) => {
    try {
      return annotateDoc(doc);
    } catch {
      return [];
    }
  });
  return { articles: docs.map((d) => d.article), times };
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
