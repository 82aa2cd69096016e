// bench:parser — unlabelled and labelled attachment scores of the dependency parser on GUM
// (../shared/datasets/gum), punctuation excluded, scored on Parley's own tokens (wink-nlp) with
// the gold trees projected onto them; Parley's own news-style sentences (bench/gold/syntax); and
// parsing speed. `--split test` scores the held-out documents: run it once, at the end, and
// report it as held-out. `--model path` scores another weights file on GUM (for tuning on dev).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { deserialise } from '../src/syntax/model.js';
import { parseTokens } from '../src/syntax/parser.js';
import { dataPath } from '../src/util/data.js';
import { gumAvailable, type Split } from './lib/gum.js';
import { loadSplit } from './lib/parser-data.js';
import { evaluateParser } from './lib/parser-eval.js';
import { checkPatterns } from './lib/patterns.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const split = (arg('split') ?? 'dev') as Split;
if (split !== 'dev' && split !== 'test') {
  console.error('bench:parser: --split is dev or test');
  process.exit(2);
}
const modelPath = arg('model') ?? dataPath('models/parser.bin');
const t0 = performance.now();
const model = deserialise(readFileSync(modelPath));
const loadMs = performance.now() - t0;

if (!gumAvailable()) {
  console.log('bench:parser: ../shared/datasets/gum is absent; GUM scores and speed skipped.');
} else {
  const data = loadSplit(split);
  const failed = [...data.failures.values()].reduce((a, b) => a + b, 0);
  const kind = split === 'test' ? 'HELD-OUT (test documents; run once)' : 'DEVELOPMENT (dev documents)';
  console.log(`GUM ${split}: ${kind}`);
  console.log(
    `  ${data.total} sentences, ${data.sentences.length} aligned with wink-nlp tokens (${failed} left out); ` +
      `${data.merged} with merged tokens (${data.repaired} keeping one of several arcs), ${data.split} with split words`,
  );
  const s = evaluateParser(model, data.sentences);
  console.log(`  UAS ${s.uas.toFixed(4)}  LAS ${s.las.toFixed(4)}  over ${s.tokens} non-punctuation tokens`);
  console.log('  label        gold   prec   rec    F1   (labelled: head and label right)');
  const rows = [...s.perLabel].filter(([, v]) => v.gold >= 20).sort((a, b) => b[1].gold - a[1].gold);
  for (const [label, v] of rows) {
    const p = v.predicted ? v.correct / v.predicted : 0;
    const r = v.gold ? v.correct / v.gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`  ${label.padEnd(12)} ${String(v.gold).padStart(5)}  ${p.toFixed(3)}  ${r.toFixed(3)}  ${f.toFixed(3)}`);
  }

  // Speed: parsing only (tokens and POS come with the Doc, which every stage shares), several
  // passes so that the JIT has warmed up; the best pass is reported. CPU time of this process is
  // reported beside wall time because the machine may be shared with other work.
  let tokens = 0;
  for (const x of data.sentences) tokens += x.tokens.length;
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const a = performance.now();
    const c = process.cpuUsage();
    for (const x of data.sentences) parseTokens(model, x.tokens);
    const cpu = process.cpuUsage(c);
    bestWall = Math.min(bestWall, performance.now() - a);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  const rate = (ms: number) => Math.round(data.sentences.length / (ms / 1000));
  console.log(
    `  speed: ${rate(bestCpu)} sentences per CPU second (${rate(bestWall)} per wall-clock second), ` +
      `${Math.round(tokens / (bestCpu / 1000))} tokens per CPU second; ${(tokens / data.sentences.length).toFixed(1)} tokens per sentence; ` +
      `one thread; model loaded in ${loadMs.toFixed(0)} ms`,
  );
}

// Parley's own news-style sentences, through the Doc API with the shipped model.
if (!arg('model')) {
  const p = checkPatterns();
  console.log(`\nOwn news-style sentences (bench/gold/syntax, DEVELOPMENT): ${p.right}/${p.checks} checked arcs right (${(p.right / p.checks).toFixed(3)})`);
  for (const m of p.misses) console.log(`  miss: ${m}`);
}
