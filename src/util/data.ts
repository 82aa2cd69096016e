// Locate and load the project's data files (data/ at the package root), from src/ under tsx or
// from dist/src/ after a build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('parley: cannot find its data/ folder next to package.json');
}

export const PACKAGE_ROOT = findRoot();

export function dataPath(name: string): string {
  return join(PACKAGE_ROOT, 'data', name);
}

const cache = new Map<string, unknown>();

/** Parse a JSON data file once. */
export function loadJson<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(dataPath(name), 'utf8')));
  return cache.get(name) as T;
}

/** Read a TSV data file once: lines split on tabs, blank lines and `#` comments skipped. */
export function loadTsv(name: string): string[][] {
  if (!cache.has(name)) {
    const rows = readFileSync(dataPath(name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t'));
    cache.set(name, rows);
  }
  return cache.get(name) as string[][];
}
