// No benchmark text in the repository: no git-tracked file may share a run of 8 words with the
// benchmark corpora in ../shared/datasets (MEANTIME and ECB+ token texts, GUM `# text =` lines,
// the Zyte ground-truth article bodies, the PLOVER gold sentences). Gold files that point into
// the corpora by offsets hold no text, so they pass. Skipped, with a message, where the datasets
// or git are not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const DATASETS = join(ROOT, '..', 'shared', 'datasets');
const N = 8;

/** Lower-case word tokens. English clitics ("'s", "n't", "'re"…) are dropped first, so that a
 * corpus that splits "don't" into "do n't" and a text that writes "don't" give the same words. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/(?:n't|'(?:s|re|ve|ll|d|m))(?![\p{L}\p{N}])/gu, ' ')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A 32-bit hash of each word, then two independent 32-bit hashes of each run of N word hashes,
 * packed into one 53-bit number: a Set of numbers holds a corpus's runs in little memory, and the
 * rare collision is ruled out by comparing the words themselves before anything is reported. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function runHashes(tokens: string[], visit: (hash: number, at: number) => void): void {
  if (tokens.length < N) return;
  const hs = tokens.map(wordHash);
  for (let i = 0; i + N <= hs.length; i++) {
    let a = 0x9e3779b9;
    let b = 0x85ebca6b;
    for (let k = i; k < i + N; k++) {
      a = Math.imul(a ^ hs[k], 0xcc9e2d51);
      a = (a << 13) | (a >>> 19);
      b = Math.imul(b + hs[k], 0x1b873593) ^ (b >>> 15);
    }
    visit((a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff), i);
  }
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function* filesUnder(dir: string, ext: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path, ext);
    else if (entry.name.endsWith(ext)) yield path;
  }
}

/** Each benchmark document's text as word tokens, with a name for messages. */
function* benchmarkTexts(): Generator<{ source: string; doc: string; tokens: string[] }> {
  const tokenXml = (path: string) => {
    const xml = readFileSync(path, 'utf8');
    const out: string[] = [];
    for (const m of xml.matchAll(/<token\b[^>]*>([^<]*)<\/token>/g)) out.push(unescapeXml(m[1]));
    return words(out.join(' '));
  };
  for (const path of filesUnder(join(DATASETS, 'meantime-en'), '.xml')) yield { source: 'MEANTIME', doc: path, tokens: tokenXml(path) };
  for (const path of filesUnder(join(DATASETS, 'ecbplus'), '.xml')) yield { source: 'ECB+', doc: path, tokens: tokenXml(path) };
  for (const path of filesUnder(join(DATASETS, 'gum'), '.conllu')) {
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('# text = '));
    yield { source: 'GUM', doc: path, tokens: words(lines.map((l) => l.slice('# text = '.length)).join(' ')) };
  }
  const truth = join(DATASETS, 'article-extraction-benchmark', 'ground-truth.json');
  if (existsSync(truth)) {
    for (const [id, page] of Object.entries(JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { articleBody?: string }>)) {
      yield { source: 'Zyte', doc: `zyte ${id}`, tokens: words(page.articleBody ?? '') };
    }
  }
  const plover = join(DATASETS, 'plover-gsr', 'PLOVER_GSR_CAMEO.txt');
  if (existsSync(plover)) {
    for (const r of JSON.parse(readFileSync(plover, 'utf8')) as { id: string; event: string; text?: string }[]) {
      if (r.event !== 'DOCUMENT') yield { source: 'PLOVER', doc: `plover ${r.id}`, tokens: words(r.text ?? '') };
    }
  }
}

function trackedFiles(): string[] | null {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }).split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

const tracked = existsSync(DATASETS) ? trackedFiles() : null;
const skip = !existsSync(DATASETS)
  ? `the benchmark datasets are not at ${DATASETS}`
  : tracked === null
    ? 'not a git checkout: no list of tracked files'
    : false;

test('no tracked file shares an 8-word run with the benchmark texts', { skip, timeout: 120_000 }, () => {
  // Every run of the corpora, as numbers.
  const corpus = new Set<number>();
  const docs = new Map<string, number>();
  for (const { source, tokens } of benchmarkTexts()) {
    docs.set(source, (docs.get(source) ?? 0) + (tokens.length >= N ? 1 : 0));
    runHashes(tokens, (h) => corpus.add(h));
  }
  // A corpus that failed to load would make the check pass for nothing.
  for (const source of ['MEANTIME', 'ECB+', 'GUM', 'Zyte', 'PLOVER']) assert.ok((docs.get(source) ?? 0) > 0, `no ${source} text found under ${DATASETS}`);

  // Runs of tracked files whose hash is in the corpus: candidates, confirmed word for word below.
  const candidates = new Map<number, { file: string; words: string }[]>();
  for (const file of tracked!) {
    const path = join(ROOT, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    if (bytes.includes(0)) continue;
    const tokens = words(bytes.toString('utf8'));
    runHashes(tokens, (h, at) => {
      if (!corpus.has(h)) return;
      const list = candidates.get(h) ?? [];
      list.push({ file, words: tokens.slice(at, at + N).join(' ') });
      candidates.set(h, list);
    });
  }
  const found = new Map<string, Set<string>>();
  if (candidates.size) {
    for (const { doc, tokens } of benchmarkTexts()) {
      runHashes(tokens, (h, at) => {
        const list = candidates.get(h);
        if (!list) return;
        const run = tokens.slice(at, at + N).join(' ');
        for (const c of list) if (c.words === run) (found.get(c.file) ?? found.set(c.file, new Set()).get(c.file)!).add(`"${run}" (${doc.replace(DATASETS + '/', '')})`);
      });
    }
  }
  const report = [...found].map(([file, runs]) => `${file}: ${runs.size} run(s), e.g.\n    ${[...runs].slice(0, 5).join('\n    ')}`);
  assert.deepEqual(report, [], `tracked files quote the benchmark texts; rewrite these passages in your own words:\n${report.join('\n')}`);
});

test('the tokeniser treats a corpus\'s split clitics and running text alike', () => {
  assert.deepEqual(words("Iran's envoy didn't say"), words('Iran \'s envoy did n\'t say'));
  assert.deepEqual(words('“Cease-fire,” he said.'), ['cease', 'fire', 'he', 'said']);
});
