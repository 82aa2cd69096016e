// Page metadata: title, outlet, authors, publication date, canonical URL and declared language,
// from meta tags, JSON-LD and microdata. Read before Readability runs, because it mutates the DOM.
import { normalizeDate } from '../dates.js';
import { cleanAuthorList } from '../plain/byline.js';

export interface PageMetadata {
  title: string | null;
  outlet: string | null;
  authors: string[];
  published: string | null;
  canonical: string | null;
  /** The language the page declares (html lang, og:locale…), as an ISO 639-1 code. */
  declaredLanguage: string | null;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|Posting|WebPage|LiveBlog/i;

type Json = Record<string, unknown>;

/** Objects of JSON-LD blocks, flattened through arrays and @graph. Broken JSON is skipped. */
export function jsonLdObjects(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const obj = value as Json;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
    if (obj.mainEntity) visit(obj.mainEntity, depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = (script.textContent ?? '').trim();
    if (!raw) continue;
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Some sites emit JSON-LD with raw control characters; try once more without them.
      try {
        visit(JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' ')), 0);
      } catch {
        /* not usable */
      }
    }
  }
  return out;
}

function types(obj: Json): string[] {
  const t = obj['@type'];
  return Array.isArray(t) ? t.map(String) : t ? [String(t)] : [];
}

/** The JSON-LD object describing the article itself (a NewsArticle over a WebPage). */
export function jsonLdArticle(objects: Json[]): Json | null {
  const scored = objects
    .filter((o) => types(o).some((t) => ARTICLE_TYPES.test(t)))
    .map((o) => ({ o, s: types(o).some((t) => /Article|BlogPosting|Report/i.test(t)) ? 2 : 1 }));
  scored.sort((a, b) => b.s - a.s);
  return scored[0]?.o ?? null;
}

/** All <meta> values by property/name/itemprop (lower-cased), first one wins; read once per page. */
const metaCache = new WeakMap<Document, Map<string, string>>();
function metaIndex(document: Document): Map<string, string> {
  let index = metaCache.get(document);
  if (!index) {
    index = new Map();
    for (const el of Array.from(document.querySelectorAll('meta[content]'))) {
      const value = el.getAttribute('content')?.trim();
      if (!value) continue;
      for (const attr of ['property', 'name', 'itemprop']) {
        const key = el.getAttribute(attr)?.trim().toLowerCase();
        if (key && !index.has(key)) index.set(key, value);
      }
    }
    metaCache.set(document, index);
  }
  return index;
}

function meta(document: Document, ...keys: string[]): string | null {
  const index = metaIndex(document);
  for (const key of keys) {
    const v = index.get(key.toLowerCase());
    if (v) return v;
  }
  return null;
}

function names(value: unknown, peopleOnly = false): string[] {
  if (!value) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => names(v, peopleOnly));
  if (typeof value === 'object') {
    // An organisation credited as author (an agency, the outlet itself) is not a byline.
    if (peopleOnly && types(value as Json).some((t) => /Organization/i.test(t))) return [];
    const n = (value as Json).name;
    return typeof n === 'string' ? [n] : [];
  }
  return [];
}

const decode = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A name (outlet, author) as text: markup inside a metadata value ("The Courier <img …>", escaped
 * in the page and so decoded by the parser) is never part of a name, and a script's code is not either.
 */
export function nameText(s: string): string {
  return decode(s.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<\/?[a-z!][^>]*>?/gi, ' '));
}

/** "Talks resume | The Courier" → "Talks resume" when the tail is the outlet's name. */
export function stripOutletSuffix(title: string, outlet: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title;
  const tail = parts[parts.length - 1].toLowerCase();
  const o = outlet?.toLowerCase() ?? '';
  // Only a tail that names the outlet (or a site address) is cut: "Talks - What we know" stays.
  const bar = /\s\|\s[^|]*$/.test(title);
  if ((o && (tail.includes(o) || o.includes(tail))) || /\.[a-z]{2,}$/.test(tail) || (!o && bar && tail.split(' ').length <= 3)) {
    return parts.slice(0, -1).join(' - ').trim() || title;
  }
  return title;
}

export function hostOutlet(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

export function languageCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(raw.trim());
  return m ? m[1].toLowerCase() : null;
}

/** The first <time datetime> that is not an update time or the site's "today" stamp. */
function publishedTimeElement(document: Document): Element | null {
  for (const el of Array.from(document.querySelectorAll('time[datetime]'))) {
    const own = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''}`;
    if (/updat|modif|today|current/i.test(own)) continue;
    const label = `${el.parentElement?.textContent ?? ''}`.slice(0, 200);
    const before = label.slice(0, Math.max(0, label.indexOf((el.textContent ?? '').trim()) || 0));
    if (/\b(?:updated?|modified|today)\b[^.]*$/i.test(before)) continue;
    return el;
  }
  return null;
}

/** Elements that start a new block: a heading never legitimately contains one. */
const BLOCK = /^(?:P|DIV|ARTICLE|SECTION|ASIDE|MAIN|HEADER|FOOTER|UL|OL|LI|TABLE|TR|TD|BLOCKQUOTE|FIGURE|FORM|PRE|H[1-6])$/;
/** A headline is a line, not a paragraph. */
const MAX_HEADLINE_WORDS = 40;

/**
 * A heading's own text. An unclosed heading in broken markup swallows the paragraphs after it
 * (parsers nest them inside), so reading stops at the first block element, and a "headline"
 * still longer than a headline can be is no headline.
 */
export function headingText(heading: Element | null): string | null {
  if (!heading) return null;
  let text = '';
  const walk = (node: Node): boolean => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1) {
        if (BLOCK.test((child as Element).tagName.toUpperCase())) return false;
        if (!walk(child)) return false;
      }
    }
    return true;
  };
  walk(heading);
  text = text.replace(/\s+/g, ' ').trim();
  if (!text || text.split(' ').length > MAX_HEADLINE_WORDS) return null;
  return text;
}

export function readMetadata(document: Document, url: string | null): PageMetadata {
  const objects = jsonLdObjects(document);
  const article = jsonLdArticle(objects);

  const canonicalRaw =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url') ?? (article?.url as string | undefined) ?? null;
  let canonical: string | null = null;
  if (canonicalRaw) {
    try {
      canonical = new URL(canonicalRaw, url ?? undefined).href;
    } catch {
      canonical = null;
    }
  }
  if (canonical && !/^https?:/.test(canonical)) canonical = null;

  const publisher = article ? names(article.publisher)[0] : undefined;
  const orgName = objects.find((o) => types(o).some((t) => /NewsMediaOrganization|Organization/.test(t)))?.name;
  const outlet =
    [meta(document, 'og:site_name', 'application-name'), publisher, typeof orgName === 'string' ? orgName : null]
      .map((o) => (o ? nameText(o) : ''))
      .find((o) => o) ?? hostOutlet(canonical ?? url);

  const rawTitle =
    (typeof article?.headline === 'string' ? article.headline : null) ??
    meta(document, 'og:title', 'twitter:title') ??
    // An <h1> that is the site's logo is not the headline.
    [headingText(document.querySelector('h1'))].find((h) => h && (!outlet || h.toLowerCase() !== outlet.toLowerCase())) ??
    document.querySelector('title')?.textContent ??
    null;
  const title = rawTitle ? stripOutletSuffix(decode(rawTitle), outlet) || null : null;

  let authors = cleanAuthorList(names(article?.author, true).map(nameText));
  if (authors.length === 0) {
    const metaAuthor = meta(document, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'DC.creator');
    if (metaAuthor && !/^https?:/.test(metaAuthor)) authors = cleanAuthorList([nameText(metaAuthor)]);
  }
  if (authors.length === 0) {
    const els = Array.from(document.querySelectorAll('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]'));
    authors = cleanAuthorList(els.map((e) => decode(e.textContent ?? '')).filter((s) => s.length < 80));
  }

  const notOutlet = (a: string) => !outlet || a.toLowerCase() !== outlet.toLowerCase();
  authors = authors.filter(notOutlet);

  const timeEl = document.querySelector('time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"][datetime]') ?? publishedTimeElement(document);
  const published =
    normalizeDate(meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'parsely-pub-date', 'pubdate', 'publishdate', 'sailthru.date', 'dc.date', 'DC.date.issued', 'date')) ??
    normalizeDate(typeof article?.datePublished === 'string' ? article.datePublished : null) ??
    normalizeDate(document.querySelector('[itemprop="datePublished"]')?.getAttribute('content')) ??
    normalizeDate(timeEl?.getAttribute('datetime'));

  const declaredLanguage =
    languageCode(document.documentElement?.getAttribute('lang')) ??
    languageCode(meta(document, 'og:locale', 'language', 'content-language')) ??
    languageCode(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    languageCode(typeof article?.inLanguage === 'string' ? article.inLanguage : null);

  return { title, outlet, authors, published, canonical, declaredLanguage };
}
