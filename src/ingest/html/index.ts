// One HTML page → body text and metadata.
import { extractBody, parseDocument } from './extract.js';
import { readMetadata, type PageMetadata } from './metadata.js';

export interface HtmlArticle extends PageMetadata {
  text: string;
}

export function extractHtmlArticle(html: string, url: string | null): HtmlArticle {
  const document = parseDocument(html);
  const meta = readMetadata(document, url);
  const body = extractBody(document);
  return {
    ...meta,
    title: meta.title ?? body.title,
    text: body.text,
  };
}
