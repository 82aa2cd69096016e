// The pipeline up to compare/, cached on disk for compare/'s development loop (train:compare,
// bench:trust's compare sections run the whole pipeline instead). A story's partial brief (every
// stage but compare) is stored under .cache/compare/ keyed by a hash of its articles and of every
// source and data file the stages before compare/ read, so a change to those (or a rebase)
// recomputes it; a change inside src/compare, data/compare or the compare models does not.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyse } from '../../src/pipeline.js';
import type { Brief } from '../../src/types.js';
import { PACKAGE_ROOT } from '../../src/util/data.js';
import type { TrustStory } from './trust-gold.js';

const DIR = join(PACKAGE_ROOT, '.cache', 'compare');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

let upstream: string | null = null;
/** Hash of what the stages before compare/ read: src/ and data/ outside compare's own files. */
function upstreamHash(): string {
  if (upstream) return upstream;
  const h = createHash('sha1');
  for (const f of [...files(join(PACKAGE_ROOT, 'src')), ...files(join(PACKAGE_ROOT, 'data'))]) {
    const rel = relative(PACKAGE_ROOT, f);
    if (rel.startsWith('src/compare/') || rel.startsWith('data/compare/') || /^data\/models\/(discrepancies|framing)\.json$/.test(rel)) continue;
    h.update(rel);
    h.update(readFileSync(f));
  }
  return (upstream = h.digest('hex').slice(0, 16));
}

const EMPTY = { discrepancies: [], framing: [], kinds: {} };

/** The story's brief without compare/'s results (cached). */
export function partialBrief(story: TrustStory): Brief {
  const h = createHash('sha1');
  h.update(upstreamHash());
  for (const a of story.articles) h.update(JSON.stringify(a));
  const file = join(DIR, `${story.name}-${h.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Brief;
  const b = analyse(story.articles, [], { stage: (name, run) => (name === 'compare' ? (EMPTY as never) : run()) });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(b));
  return b;
}
