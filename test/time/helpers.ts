// Builders shared by the time tests.
import { buildDoc, type Doc } from '../../src/text/doc.js';
import type { Article } from '../../src/types.js';
import type { TimeAnnotation } from '../../src/annotations.js';
import { annotateTimes } from '../../src/time/index.js';

export function article(id: string, text: string, published: string | null): Article {
  return {
    id, source: `${id}.txt`, url: null, outlet: null, title: null, authors: [], published,
    publishedBasis: published ? 'metadata' : null, language: 'en', kind: null, text,
  };
}

export function doc(text: string, published: string | null = '2025-06-04', id = 'a'): Doc {
  return buildDoc(article(id, text, published));
}

/** The time annotations of one text published on `published` (a Wednesday by default). */
export function times(text: string, published: string | null = '2025-06-04'): TimeAnnotation[] {
  return annotateTimes([doc(text, published)]).times[0];
}

/** The annotation whose text is exactly `surface`; fails the test when there is none. */
export function find(list: TimeAnnotation[], surface: string): TimeAnnotation {
  const hit = list.find((t) => t.text === surface);
  if (!hit) throw new Error(`no time expression "${surface}" in ${JSON.stringify(list.map((t) => t.text))}`);
  return hit;
}
