// Writes brief.json, brief.md and brief.html into one folder. Each file is written in chunks as
// it is produced (stream.ts), so a brief of thousands of articles never becomes one string in
// memory; the story both pages show is built once.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Brief } from '../types.js';
import { buildStory } from '../compare/story.js';
import { markdownChunks } from './markdown.js';
import { htmlChunks } from './html.js';
import { jsonChunks, writeChunks } from './stream.js';

export async function writeBrief(brief: Brief, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const story = buildStory(brief);
  const files: [string, Iterable<string>][] = [
    ['brief.json', jsonChunks(brief)],
    ['brief.md', markdownChunks(brief, story)],
    ['brief.html', htmlChunks(brief, story)],
  ];
  for (const [name, chunks] of files) await writeChunks(join(dir, name), chunks);
  return files.map(([name]) => join(dir, name));
}
