// An Article made straight from gold text, as ingest would give it for an English page with no
// metadata; a bench overrides the fields its gold data supplies (a creation date, an outlet).
import type { Article } from '../../src/types.js';

export function textArticle(id: string, text: string, fields: Partial<Omit<Article, 'id' | 'text'>> = {}): Article {
  return { id, source: id, url: null, outlet: null, title: null, authors: [], published: null, publishedBasis: null, language: 'en', kind: null, text, ...fields };
}
