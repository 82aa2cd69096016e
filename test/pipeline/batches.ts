// Small batches the pipeline tests share: the samples, the page copies of the ingest fixtures, and
// a story with undated articles whose dates are inferred from a dated one.
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';

export const ROOT = new URL('../..', import.meta.url).pathname;

export async function ingested(dir: string): Promise<Article[]> {
  const { articles } = await ingest([join(ROOT, dir)]);
  return articles;
}

function article(id: string, text: string, published: string | null): Article {
  return { id, source: `/inputs/${id}.txt`, url: null, outlet: null, title: null, authors: [], published, publishedBasis: published ? 'metadata' : null, language: 'en', kind: null, text };
}

/** One dated report and two undated ones; the first undated one is dated by its "yesterday". */
export function undatedStory(): Article[] {
  return [
    article(
      'dated',
      'Negotiators from Karsia and Veldt met in Geneva on Monday for a session on prisoner exchanges. The session ended without agreement, said Anna Berg, the mediator. "We will meet again on Friday," she said.',
      '2025-06-02T18:00:00+02:00',
    ),
    article(
      'yesterday',
      'Yesterday the negotiators from Karsia and Veldt in Geneva ended the session on prisoner exchanges without agreement. Karsia threatened to walk out of the talks on Friday unless Veldt releases the prisoners. "We expect a reply within days," Anna Berg said on Tuesday.',
      null,
    ),
    article('bare', 'The ministers of Karsia met on Saturday and will meet again next week, officials said.', null),
  ];
}
