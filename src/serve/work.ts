// One job: bring a story's brief up to date. Pending articles are read (fetched, or read from the
// bytes the user gave) through the same ingest as the command line; each article's per-article
// analysis is taken from the cache when its key matches and made (and stored) when it does not;
// then the cross-article stages make the brief, which is stored with the revision it was built
// from. Runs in the analysis worker thread; tests and the benchmark call it directly.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Article, Problem } from '../types.js';
import { ingest } from '../ingest/index.js';
import { slugify, uniqueIds } from '../ingest/ids.js';
import { analysisKey, type Analyzer, type ArticleAnalysis } from './analyzer.js';
import type { ArticleForWork, ArticleInput, Overrides, WorkspaceStore } from './store.js';
import { PASTED, UPLOAD_EXTENSIONS } from './constants.js';

export interface WorkOptions {
  /** A folder inside the data folder for the short-lived files that ingest reads. */
  tmpDir: string;
  allowPrivateHosts: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export interface Progress {
  phase: 'reading' | 'analysing' | 'combining' | 'saving';
  done: number;
  total: number;
  /** Articles whose analysis came from the cache so far. */
  cached: number;
}

export interface WorkResult {
  revision: number;
  articles: number;
  analysed: number;
  cached: number;
  stored: boolean;
}

export async function runStoryJob(
  store: WorkspaceStore,
  analyzer: Analyzer,
  storyId: number,
  options: WorkOptions,
  onProgress: (p: Progress) => void = () => undefined,
): Promise<WorkResult | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  // Everything below reads the story as it is now; a change after this point raises the revision
  // and queues another job, so this brief is stored as of `revision` and superseded later.
  const revision = story.revision;
  const rows = await store.articlesForWork(storyId);

  const pending = rows.filter((r) => r.state === 'pending');
  const taken = new Set(rows.map((r) => r.briefId).filter((id): id is string => id !== null));
  let read = 0;
  for (const row of pending) {
    onProgress({ phase: 'reading', done: read, total: pending.length, cached: 0 });
    const result = await ingestInput(row.input, options);
    if (result.article) {
      const [id] = uniqueIds([...taken, result.article.id]).slice(taken.size);
      result.article = { ...result.article, id };
      taken.add(id);
    }
    if (await store.setIngested(row.id, result)) {
      row.state = result.article ? 'ready' : 'failed';
      row.article = result.article;
      row.problems = result.problems;
    }
    read++;
  }
  if (pending.length) onProgress({ phase: 'reading', done: read, total: pending.length, cached: 0 });

  const ready = rows.filter((r): r is ArticleForWork & { article: Article } => r.state === 'ready' && r.article !== null);
  const analyses: ArticleAnalysis[] = [];
  let cached = 0;
  for (const [i, row] of ready.entries()) {
    onProgress({ phase: 'analysing', done: i, total: ready.length, cached });
    const key = analysisKey(analyzer, row.article);
    // The key is a hash of the analyser's version and the article: what it names never changes.
    const hot = inMemory.get(key);
    const stored = hot ? null : await store.getAnnotation(row.id, key);
    const fromCache = hot ?? (stored ? restore(stored) : null);
    if (fromCache) {
      remember(key, fromCache);
      analyses.push(fromCache);
      cached++;
      continue;
    }
    const analysis = await analyzer.analyseArticle(row.article);
    await store.putAnnotation(row.id, key, serialize(analysis));
    remember(key, analysis);
    analyses.push(analysis);
  }
  onProgress({ phase: 'combining', done: ready.length, total: ready.length, cached });
  const problems = rows.flatMap((r) => r.problems);
  const brief = await analyzer.combine(analyses, problems);
  onProgress({ phase: 'saving', done: ready.length, total: ready.length, cached });
  const stored = await store.putBrief(storyId, revision, JSON.stringify(brief), analyzer.version);
  return { revision, articles: ready.length, analysed: ready.length - cached, cached, stored };
}

/**
 * Analyses used lately, kept in memory by key (least recently used out first): the
 * story a user works on is combined again at every change, and a kept analysis needs no reading
 * from the database, and keeps what the cross-article stages memoise per Doc. The database stays
 * the cache of record; this only saves reading it.
 */
const inMemory = new Map<string, ArticleAnalysis>();
// A few hundred KB each in memory: enough for the stories one works on, bounded for a long-running server.
const IN_MEMORY_MAX = 400;

function remember(key: string, analysis: ArticleAnalysis): void {
  inMemory.delete(key);
  inMemory.set(key, analysis);
  if (inMemory.size > IN_MEMORY_MAX) inMemory.delete(inMemory.keys().next().value!);
}

/** Drop the analyses kept in memory (the benchmark's "from scratch" starts without them). */
export function forgetAnalysesInMemory(): void {
  inMemory.clear();
}

/** A stored analysis, or null when it cannot be read back (written by another Node version):
 * then it is made again, like any other cache miss. */
function restore(data: Uint8Array): ArticleAnalysis | null {
  try {
    return deserialize(data) as ArticleAnalysis;
  } catch {
    return null;
  }
}

/**
 * Read one input with the command line's ingest: a URL through its fetcher (and so its URL guard),
 * pasted text and uploads from a file of a random name in the data folder's tmp/ (the upload's
 * own name is never a path). Problems name the input as the user knows it.
 */
export async function ingestInput(input: ArticleInput, options: WorkOptions): Promise<{ article: Article | null; problems: Problem[] }> {
  const shown = input.kind === 'url' ? input.url : input.kind === 'file' ? input.name : PASTED;
  if (input.kind === 'url') {
    // The API accepts only http(s) URLs; this check keeps a stored value of any other shape from
    // reaching ingest, which would read a bare path as a local file.
    let protocol = '';
    try {
      protocol = new URL(input.url).protocol;
    } catch {
      /* not a URL */
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      return { article: null, problems: [{ source: shown, message: 'is not an http(s) URL; give the address of the article page' }] };
    }
    const { articles, problems } = await ingest([input.url], {
      allowPrivateHosts: options.allowPrivateHosts,
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
    });
    return { article: articles[0] ?? null, problems };
  }

  const ext = input.kind === 'text' ? '.txt' : extname(input.name).toLowerCase();
  if (!UPLOAD_EXTENSIONS.includes(ext)) {
    return { article: null, problems: [{ source: shown, message: 'is not a .html, .htm or .txt file; save the article as one of those and upload that' }] };
  }
  await mkdir(options.tmpDir, { recursive: true, mode: 0o700 });
  const path = join(options.tmpDir, `${randomBytes(12).toString('hex')}${ext}`);
  try {
    await writeFile(path, input.kind === 'text' ? input.text : input.bytes, { flag: 'wx', mode: 0o600 });
    const { articles, problems } = await ingest([path], { maxBytes: options.maxBytes });
    const named = problems.map((p) => ({ source: p.source === path ? shown : p.source, message: p.message.split(path).join(shown) }));
    const article = articles[0];
    if (!article) return { article: null, problems: named };
    // Ids label links (#a=<id>…): a file keeps its name, as on the command line; pasted text is
    // named after its outlet or title.
    const base = input.kind === 'file' ? input.name.slice(0, input.name.length - ext.length) : (input.overrides.outlet ?? article.outlet ?? input.overrides.title ?? article.title ?? '');
    return { article: applyOverrides({ ...article, id: slugify(base, 40) || (input.kind === 'file' ? 'upload' : 'pasted'), source: shown }, input.overrides), problems: named };
  } finally {
    await rm(path, { force: true });
  }
}

/** The user's title, outlet and date win over what ingest read, as front matter does. */
export function applyOverrides(article: Article, o: Overrides): Article {
  return {
    ...article,
    title: o.title ?? article.title,
    outlet: o.outlet ?? article.outlet,
    published: o.published ?? article.published,
    publishedBasis: o.published ? 'metadata' : article.publishedBasis,
  };
}
