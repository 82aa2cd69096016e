// train:parser — trains the dependency parser on GUM's train documents (../shared/datasets/gum),
// prints dev scores after each epoch, and writes data/models/parser.bin. Deterministic: the same
// data and settings give the same file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataPath } from '../src/util/data.js';
import { serialise } from '../src/syntax/model.js';
import { trainParser } from '../src/syntax/train.js';
import { gumAvailable } from './lib/gum.js';
import { loadSplit, type SplitData } from './lib/parser-data.js';
import { evaluateParser } from './lib/parser-eval.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const settings = {
  epochs: opt('epochs', 10),
  moveBits: opt('move-bits', 20),
  labelBits: opt('label-bits', 17),
  exploreFrom: opt('explore-from', 2),
  explore: opt('explore', 1),
  minLabelCount: opt('min-label-count', 3),
  seed: opt('seed', 20240601),
};
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : dataPath('models/parser.bin');

if (!gumAvailable()) {
  console.log('train:parser: ../shared/datasets/gum is absent; nothing to train on.');
  process.exit(0);
}

function describe(name: string, d: SplitData): void {
  const failed = [...d.failures.values()].reduce((a, b) => a + b, 0);
  const why = [...d.failures].map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(
    `${name}: ${d.total} sentences, ${d.sentences.length} aligned (${failed} left out${why ? `: ${why}` : ''}); ` +
      `${d.merged} with merged tokens (${d.repaired} of them keeping one of several arcs), ${d.split} with split words; ${d.wordsLost} of ${d.words} words absorbed in merged tokens`,
  );
}

const t0 = performance.now();
const train = loadSplit('train');
const dev = loadSplit('dev');
describe('train', train);
describe('dev', dev);
const t1 = performance.now();
console.log(`data ready in ${((t1 - t0) / 1000).toFixed(1)} s; settings ${JSON.stringify(settings)}`);
const model = trainParser(train.sentences, {
  ...settings,
  onEpoch: (epoch, m) => {
    const s = evaluateParser(m, dev.sentences);
    console.log(`epoch ${String(epoch).padStart(2)}  dev UAS ${s.uas.toFixed(4)}  LAS ${s.las.toFixed(4)}  (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
  },
});
model.info = {
  data: 'GUM (Zeldes 2017) train documents, basic UD trees projected onto wink-nlp tokens',
  sentences: train.sentences.length,
  ...settings,
};
const bytes = serialise(model);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s total`);
