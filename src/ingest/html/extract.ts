// HTML → article body text. Readability (on linkedom, which never runs scripts or loads
// resources) finds the main content; our own clean-up then removes the chrome it keeps.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { domToText, type NodeLike } from './text.js';
import { removeChromeElements } from './clean.js';
import { filterExtractedText } from './postfilter.js';

export interface ExtractedBody {
  text: string;
  /** Readability's title guess (used when the metadata has none). */
  title: string | null;
  /** Readability's byline guess. */
  byline: string | null;
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The article body of a parsed page. Mutates `document` (Readability does). */
export function extractBody(document: Document): ExtractedBody {
  const reader = new Readability(document, { serializer: (el: Node) => el, keepClasses: true } as never);
  const parsed = reader.parse() as unknown as { content: unknown; title?: string; byline?: string } | null;
  if (!parsed || !parsed.content) return { text: '', title: null, byline: null };
  removeChromeElements(parsed.content as never);
  const root = parsed.content as unknown as NodeLike;
  return { text: filterExtractedText(domToText(root)), title: parsed.title || null, byline: parsed.byline || null };
}
