// Front matter at the top of a plain-text article: the reader's own record of where it came from,
// which outranks anything guessed from the text.
//
//   ---
//   title: Talks resume in Geneva
//   outlet: Meridian Press
//   url: https://example.org/talks
//   published: 2026-03-14T09:30:00Z
//   authors: Sara K. Lind; Omar Haddad
//   ---
import { parse } from 'yaml';

export interface FrontMatter {
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  authors: string[];
}

export interface FrontMatterResult {
  meta: FrontMatter;
  /** The text after the closing line. */
  body: string;
  /** What could not be used, in words for the user. */
  problems: string[];
}

const OPEN = /^\uFEFF?[ \t]*---[ \t]*\r?\n/;
const CLOSE = /^[ \t]*(?:---|\.\.\.)[ \t]*$/m;
/** A front matter block longer than this is no front matter but an article that opens with a rule. */
const MAX_LINES = 40;

const KEYS: Record<string, keyof FrontMatter> = {
  title: 'title',
  headline: 'title',
  outlet: 'outlet',
  source: 'outlet',
  publication: 'outlet',
  publisher: 'outlet',
  site: 'outlet',
  url: 'url',
  link: 'url',
  published: 'published',
  date: 'published',
  published_at: 'published',
  publishedat: 'published',
  authors: 'authors',
  author: 'authors',
  byline: 'authors',
};

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Split authors written as a list, or as one string with ";", "," or "and" between names. */
function authorList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s*;\s*|\s*,\s*|\s+and\s+|\s*&\s*/) : [];
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

export function readFrontMatter(raw: string): FrontMatterResult | null {
  const open = OPEN.exec(raw);
  if (!open) return null;
  const rest = raw.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close || rest.slice(0, close.index).split('\n').length > MAX_LINES) return null;
  const block = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const meta: FrontMatter = { title: null, outlet: null, url: null, published: null, authors: [] };
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(block);
  } catch (err) {
    problems.push(`its front matter (the block between the --- lines at the top) could not be read (${(err as Error).message.split('\n')[0]}); write it as "key: value" lines`);
    return { meta, body, problems };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push('its front matter (the block between the --- lines at the top) holds no "key: value" lines');
    return { meta, body, problems };
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const field = KEYS[key.toLowerCase().replace(/[\s-]/g, '_')] ?? KEYS[key.toLowerCase().replace(/[\s_-]/g, '')];
    if (!field || value === null || value === undefined) continue;
    if (field === 'authors') meta.authors = authorList(value);
    else if (field === 'published') {
      const text = value instanceof Date ? value.toISOString() : String(value).trim();
      if (ISO.test(text)) meta.published = text.replace(' ', 'T');
      else problems.push(`its front matter gives "${key}: ${text}", which is not an ISO 8601 date (write 2026-03-14 or 2026-03-14T09:30:00Z); the date was not used`);
    } else if (field === 'url') {
      const text = String(value).trim();
      if (/^https?:\/\/\S+$/i.test(text)) meta.url = text;
      else problems.push(`its front matter gives "${key}: ${text}", which is not an http(s) address; it was not used`);
    } else {
      const text = String(value).trim();
      if (text) meta[field] = text;
    }
  }
  return { meta, body, problems };
}
