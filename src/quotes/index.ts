// Quotes stage: direct quotations in one article (findQuotes), then ids, global speakers and
// cross-outlet statement grouping across articles (assembleQuotes).
import type { ArticleEntities, QuoteAnnotation, ResolvedEntities } from '../annotations.js';
import type { Quote } from '../types.js';
import type { Doc } from '../text/doc.js';

/** Every direct quotation in the article, with speaker and cue where found. */
export function findQuotes(doc: Doc, entities: ArticleEntities): QuoteAnnotation[] {
  void doc;
  void entities;
  return [];
}

/** Number the quotes, map local speaker keys to global entity ids. */
export function assembleQuotes(docs: Doc[], quotes: QuoteAnnotation[][], resolved: ResolvedEntities): Quote[] {
  const out: Quote[] = [];
  docs.forEach((doc, i) => {
    for (const q of quotes[i] ?? []) {
      out.push({
        id: `q${out.length + 1}`,
        article: doc.article.id,
        start: q.start,
        end: q.end,
        text: q.text,
        speaker: q.speaker ? (resolved.globalId.get(q.speaker) ?? null) : null,
        speakerText: q.speakerText,
        cue: q.cue,
        partial: q.partial,
      });
    }
  });
  return out;
}
