// Article ids: readable, stable, unique within one brief.
import { basename, extname } from 'node:path';

export function slugify(text: string, max = 60): string {
  const slug = text
    .replace(/[ıİ]/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** File base name without extension, as the contract says ("reports/geneva.html" → "geneva"). */
export function idForFile(path: string): string {
  const base = basename(path, extname(path));
  return base || 'article';
}

/** A readable slug for a URL: its last meaningful path segment, else its host. */
export function idForUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return slugify(raw) || 'url';
  }
  const segments = url.pathname
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/\.(?:s?html?|php|aspx?|jsp)$/i, ''))
    .filter((s) => s && !/^(?:index|amp|article|story|news)$/i.test(s));
  // Prefer a segment with words in it over a numeric id or a date part.
  const wordy = [...segments].reverse().find((s) => /[a-z]{3,}.*[-_][a-z]/i.test(s)) ?? [...segments].reverse().find((s) => /[a-z]{3,}/i.test(s));
  const host = url.hostname.replace(/^www\d?\./, '');
  const slug = slugify(wordy ?? '') || slugify(host);
  return slug || 'url';
}

/** Make ids unique in order of appearance: "geneva", "geneva-2", "geneva-3". */
export function uniqueIds(ids: string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}
