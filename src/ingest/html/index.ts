// One HTML page → body text and metadata. Readability finds the body; when it finds none, or
// the page states no date in its metadata, the page's visible text is read like a page copy.
import type { PublishedBasis } from '../../types.js';
import { extractBody, parseDocument } from './extract.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { domToText, nestsDeeperThan, type NodeLike } from './text.js';
import { cleanPageCopy } from '../plain/index.js';
import { wordCount } from '../plain/lines.js';
import { cleanAuthorList, parseByLine } from '../plain/byline.js';

export interface HtmlArticle extends PageMetadata {
  text: string;
  /** Readability threw on the page (the text was read from the whole page instead), or null. */
  extractionError: string | null;
  publishedBasis: PublishedBasis | null;
}

const FALLBACK_WORDS = 40;
const MAX_DEPTH = 400;

export function extractHtmlArticle(html: string, url: string | null): HtmlArticle {
  const document = parseDocument(html);
  const meta = readMetadata(document, url);
  // Readability mutates the document; keep what the fallbacks need first.
  // Without a date in the metadata, the page's own dateline is in its visible header.
  const pageText = meta.published === null && document.body ? domToText(document.body as unknown as NodeLike) : null;
  let body: ReturnType<typeof extractBody> = { text: '', title: null, byline: null };
  let extractionError: string | null = null;
  // Readability's scoring is quadratic in nesting depth; real articles nest a few dozen levels.
  // Past that, or when Readability throws, the page-text route below reads the page instead; a
  // throw is reported, since it may be a bug and the text may then carry page furniture.
  if (!(document.body && nestsDeeperThan(document.body as unknown as NodeLike, MAX_DEPTH))) {
    try {
      body = extractBody(document);
    } catch (err) {
      extractionError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  }

  let text = body.text;
  let copy = pageText !== null ? cleanPageCopy(headOf(pageText)) : null;
  if (wordCount(text) < FALLBACK_WORDS) {
    const whole = cleanPageCopy(domToText(parseDocument(html).body as unknown as NodeLike));
    if (wordCount(whole.text) > wordCount(text)) text = whole.text;
    copy ??= whole;
  }

  // The page's own address printed as a line (a permalink widget) is not article text.
  const own = new Set([url, meta.canonical].filter((u): u is string => !!u));
  if (own.size) text = text.split('\n\n').filter((p) => !own.has(p.trim())).join('\n\n');

  let published = meta.published;
  let publishedBasis: PublishedBasis | null = published ? 'metadata' : null;
  if (!published && copy?.published) {
    published = copy.published;
    publishedBasis = 'dateline';
  }
  let authors = meta.authors;
  if (authors.length === 0 && body.byline) authors = cleanBylineText(body.byline);
  if (authors.length === 0 && copy) authors = copy.authors;
  authors = authors.filter((a) => !meta.outlet || a.toLowerCase() !== meta.outlet.toLowerCase());

  return {
    ...meta,
    extractionError,
    title: meta.title ?? body.title ?? copy?.title ?? null,
    authors,
    published,
    publishedBasis,
    text,
  };
}

/** The top of a page's text, where headline, byline and dateline sit. */
function headOf(pageText: string): string {
  const lines = pageText.split('\n');
  return lines.length > 400 ? lines.slice(0, 400).join('\n') : pageText;
}

/** Readability's byline may be "By Jane Doe | June 3" or a bare name list. */
function cleanBylineText(byline: string): string[] {
  const line = byline.replace(/\s+/g, ' ').trim();
  if (line.length > 120) return [];
  return parseByLine(line) ?? cleanAuthorList([line.split(/\s*[|•·]\s*/)[0]]);
}
