// Writes brief.json, brief.md and brief.html into one folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Brief } from '../types.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';

export async function writeBrief(brief: Brief, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['brief.json', `${JSON.stringify(brief, null, 2)}\n`],
    ['brief.md', renderMarkdown(brief)],
    ['brief.html', renderHtml(brief)],
  ];
  for (const [name, content] of files) await writeFile(join(dir, name), content, 'utf8');
  return files.map(([name]) => join(dir, name));
}
