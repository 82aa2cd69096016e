// Ingest: turn the user's inputs (files, directories, URLs, standard input) into Articles.
// A bad input becomes a Problem naming the input and what to do; it never stops the batch.
import { extname } from 'node:path';
import type { Article, Problem, PublishedBasis } from '../types.js';
import { expandInputs, readFileCapped, readStreamCapped, ReadProblem, type Source } from './sources.js';
import { fetchPage, FetchProblem } from './fetch.js';
import { decodeText, looksLikeHtml, sniff } from './decode.js';
import { extractHtmlArticle } from './html/index.js';
import { cleanPageCopy } from './plain/index.js';
import { detectLanguage, languageName } from './language.js';
import { idForFile, idForUrl, uniqueIds } from './ids.js';
import { toLines, wordCount } from './plain/lines.js';
import { readFrontMatter } from './plain/frontmatter.js';
import { knownOutlet, outletForUrl, outletNamedIn } from './outlets.js';

export interface IngestOptions {
  /** Allow URLs whose host resolves to a loopback, private or link-local address (local use only). */
  allowPrivateHosts?: boolean;
  /** Where "-" reads from (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Largest file, page or standard input accepted, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Time allowed to fetch one URL, in milliseconds (default 20 s). */
  timeoutMs?: number;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export const DEFAULT_MAX_BYTES = 10_000_000;
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Fewer words than this is a stub, an index page or a paywall, not an article. */
export const MIN_BODY_WORDS = 15;
/** Inputs read at once: enough to overlap network waits, few enough to stay polite. */
const CONCURRENCY = 4;

interface Raw {
  source: string;
  baseId: string;
  /** Where the page came from on the web, when it did. */
  url: string | null;
  format: 'html' | 'text';
  content: string;
}

type Draft = Omit<Article, 'id'> & { baseId: string };

export async function ingest(inputs: string[], options: IngestOptions = {}): Promise<{ articles: Article[]; problems: Problem[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { sources, problems } = await expandInputs(inputs);
  // Inputs are read a few at a time (URLs wait on the network), and kept in input order.
  const results: { draft: Draft | null; problems: Problem[] }[] = new Array(sources.length);
  let next = 0;
  let done = 0;
  options.onProgress?.(0, sources.length, 'reading');
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      results[i] = await readOne(sources[i], { maxBytes, timeoutMs, allowPrivateHosts: options.allowPrivateHosts ?? false, stdin: options.stdin });
      options.onProgress?.(++done, sources.length, 'reading');
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, sources.length) }, worker));
  const drafts: Draft[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    if (r.draft) drafts.push(r.draft);
  }
  const ids = uniqueIds(drafts.map((d) => d.baseId));
  const articles = drafts.map(({ baseId: _, ...rest }, i) => ({ id: ids[i], ...rest }));
  return { articles, problems };
}

/** A found outlet name, in the form a reader knows it when it is a known outlet. */
function asKnownOutlet(outlet: string | null): string | null {
  return outlet ? knownOutlet(outlet) : null;
}

/** Enough running text to be an article: a list of headlines or menu items is not one. */
export function hasArticleBody(text: string): boolean {
  let words = 0;
  for (const line of text.split('\n')) {
    if (/[.!?。！？…]["”’)]?(?:\s|$)/.test(line) && wordCount(line) >= 6) words += wordCount(line);
  }
  return words >= MIN_BODY_WORDS;
}

async function readOne(
  source: Source,
  o: { maxBytes: number; timeoutMs: number; allowPrivateHosts: boolean; stdin?: NodeJS.ReadableStream },
): Promise<{ draft: Draft | null; problems: Problem[] }> {
  const problems: Problem[] = [];
  const name = sourceName(source);
  try {
    const raw = await read(source, o);
    return { draft: await toArticle(raw, problems), problems };
  } catch (err) {
    if (err instanceof ReadProblem || err instanceof FetchProblem) {
      problems.push({ source: name, message: `${err.message}` });
    } else {
      problems.push({ source: name, message: `could not be ingested (${(err as Error)?.message ?? err}); please report this with the file attached` });
    }
    return { draft: null, problems };
  }
}

function sourceName(source: Source): string {
  return source.kind === 'file' ? source.path : source.kind === 'url' ? source.url : '-';
}

async function read(
  source: Source,
  o: { maxBytes: number; timeoutMs: number; allowPrivateHosts: boolean; stdin?: NodeJS.ReadableStream },
): Promise<Raw> {
  if (source.kind === 'url') {
    const page = await fetchPage(source.url, o);
    return { source: source.url, baseId: idForUrl(page.url), url: page.url, format: page.contentType, content: page.text };
  }
  if (source.kind === 'stdin' && !o.stdin && process.stdin.isTTY) {
    // Waiting on a terminal would look like a hang.
    throw new ReadProblem('standard input is a terminal, not an article; pipe one in (parley brief - < article.txt) or pass a file');
  }
  const bytes =
    source.kind === 'file' ? await readFileCapped(source.path, o.maxBytes) : await readStreamCapped(o.stdin ?? process.stdin, o.maxBytes);
  const kind = sniff(bytes);
  if (kind.kind === 'binary') {
    const advice = /PDF/.test(kind.what)
      ? 'convert it to text first (for example with pdftotext) and pass the .txt'
      : /Word|ZIP/.test(kind.what)
        ? 'save the article as .txt or .html and pass that'
        : 'pass the article as a .txt or .html file';
    throw new ReadProblem(`is ${kind.what}, not an article in HTML or plain text; ${advice}`);
  }
  const content = decodeText(bytes);
  const name = source.kind === 'file' ? source.path : '-';
  const ext = source.kind === 'file' ? extname(name).toLowerCase() : '';
  const format = ext === '.html' || ext === '.htm' || looksLikeHtml(content) ? 'html' : 'text';
  return { source: name, baseId: source.kind === 'file' ? idForFile(name) : 'stdin', url: null, format, content };
}

async function toArticle(raw: Raw, problems: Problem[]): Promise<Draft | null> {
  const name = raw.source;
  if (raw.content.trim() === '') {
    problems.push({ source: name, message: `is empty; save the article's text or HTML into it` });
    return null;
  }
  let draft: Omit<Draft, 'language'> & { declaredLanguage: string | null };
  if (raw.format === 'html') {
    const page = extractHtmlArticle(raw.content, raw.url);
    if (page.extractionError) {
      problems.push({
        source: name,
        message: `the article extractor failed on this page (${page.extractionError}), so its text was read from the whole page and may include menus or comments; save the article's text into a .txt file for a cleaner read, and please report the page`,
      });
    }
    draft = {
      baseId: raw.baseId,
      source: name,
      url: page.canonical ?? raw.url,
      outlet: page.outlet ?? outletForUrl(page.canonical ?? raw.url),
      title: page.title,
      authors: page.authors,
      published: page.published,
      publishedBasis: page.publishedBasis,
      kind: null,
      text: page.text,
      declaredLanguage: page.declaredLanguage,
    };
  } else {
    const front = readFrontMatter(raw.content);
    for (const message of front?.problems ?? []) problems.push({ source: name, message });
    const content = front ? front.body : raw.content;
    const copy = cleanPageCopy(content);
    const meta = front?.meta;
    const url = meta?.url ?? raw.url;
    const published = meta?.published ?? copy.published;
    draft = {
      baseId: raw.baseId,
      source: name,
      url,
      // The reader's front matter first; then an outlet the page names that we know, its own
      // chrome, and the outlet its address belongs to.
      outlet: meta?.outlet ?? asKnownOutlet(copy.outlet) ?? outletNamedIn(toLines(content)) ?? copy.outlet ?? outletForUrl(url),
      title: meta?.title ?? copy.title,
      authors: meta?.authors.length ? meta.authors : copy.authors,
      published,
      publishedBasis: meta?.published ? 'metadata' : published ? ('dateline' as PublishedBasis) : null,
      kind: null,
      text: copy.text,
      declaredLanguage: null,
    };
  }
  if (!hasArticleBody(draft.text)) {
    const what = raw.format === 'html' ? 'page' : 'text';
    problems.push({
      source: name,
      message: `no article body found in this ${what} (it may be an index page, a paywall or cookie wall, or a page that needs JavaScript); save the article page itself, or paste its text into a .txt file`,
    });
    return null;
  }
  const guess = await detectLanguage(draft.text);
  const language = guess && guess.confidence >= 0.5 ? guess.code : (draft.declaredLanguage ?? guess?.code ?? 'en');
  if (language !== 'en') {
    problems.push({
      source: name,
      message: `is in ${languageName(language)}; it was ingested, but Parley's analysis is built for English, so names, quotes and events in it may be missed; add an English version if there is one`,
    });
  }
  const { declaredLanguage: _, ...rest } = draft;
  return ownStrings({ ...rest, language });
}

/** The draft with strings of its own. A string cut from the page (an outlet or title read from a
 * meta tag) can keep the whole page's HTML alive in V8 for as long as the article lives: about
 * 20 KB an article on the Zyte pages. A JSON round trip copies every string (lone surrogates
 * included) and nothing else changes. */
function ownStrings(draft: Draft): Draft {
  return JSON.parse(JSON.stringify(draft)) as Draft;
}
