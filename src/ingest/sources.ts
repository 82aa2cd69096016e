// Expand the command line's inputs into things to read: files (directories walked recursively),
// URLs and standard input. Reading is capped in size; failures become problems, not exceptions.
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { sizeMessage } from './fetch.js';

export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'stdin' };

export interface Expanded {
  sources: Source[];
  problems: { source: string; message: string }[];
}

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

export async function expandInputs(inputs: string[]): Promise<Expanded> {
  const sources: Source[] = [];
  const problems: Expanded['problems'] = [];
  for (const input of inputs) {
    if (input === '-') {
      sources.push({ kind: 'stdin' });
      continue;
    }
    if (isUrl(input)) {
      sources.push({ kind: 'url', url: input });
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      problems.push({ source: input, message: `${fileError(err)}` });
      continue;
    }
    if (info.isDirectory()) {
      const before = problems.length;
      const found = await walk(input, new Set(), problems);
      if (found.length === 0 && problems.length === before) {
        problems.push({ source: input, message: `the directory has no .txt, .html or .htm files; point Parley at the folder holding the articles` });
      }
      sources.push(...found.map((path) => ({ kind: 'file' as const, path })));
    } else {
      sources.push({ kind: 'file', path: input });
    }
  }
  return { sources, problems };
}

/** Article files under `dir`, sorted, hidden entries skipped, symlink loops cut. A folder that
 * cannot be listed, or an article file that cannot be looked at, is a problem: it may hold the
 * articles the user meant. */
async function walk(dir: string, seen: Set<string>, problems: Expanded['problems']): Promise<string[]> {
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ source: dir, message: `the folder could not be read: ${fileError(err)}` });
    return [];
  }
  const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.')).sort();
  const out: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      // Other names (a dangling link to who knows what) are not articles; an article file is.
      if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) problems.push({ source: path, message: fileError(err) });
      continue;
    }
    if (info.isDirectory()) out.push(...(await walk(path, seen, problems)));
    else if (info.isFile() && ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) out.push(path);
  }
  return out;
}

export class ReadProblem extends Error {}

/** Read a file, refusing non-files and files over the cap before reading them. */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new ReadProblem(fileError(err));
  }
  if (!info.isFile()) throw new ReadProblem('is not a regular file; pass an article file, a folder of them, a URL or "-"');
  if (info.size > maxBytes) throw new ReadProblem(sizeMessage(info.size, maxBytes));
  try {
    const handle = await open(path, 'r');
    try {
      // Read at most maxBytes + 1 so a file that grew after stat is still caught.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let total = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) throw new ReadProblem(sizeMessage(total, maxBytes, true));
        if (total === buffer.length) break;
      }
      return new Uint8Array(buffer.buffer, buffer.byteOffset, total);
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof ReadProblem) throw err;
    throw new ReadProblem(fileError(err));
  }
}

/** Read a stream to its end or the cap, whichever comes first. */
export async function readStreamCapped(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new ReadProblem(sizeMessage(total, maxBytes, true));
    }
    chunks.push(buf);
  }
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.length);
}

function fileError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory; check the path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; make the file readable (chmod) or copy it somewhere readable';
    case 'EISDIR':
      return 'is a directory where a file was expected';
    case 'ENOTDIR':
      return 'a part of the path is not a directory; check the path';
    default:
      return `could not be read (${code ?? (err as Error)?.message ?? err}); check the path and permissions`;
  }
}
