// npm run train:positions — the confidence models of positions and conditions.
//
// Examples: every position and condition Parley produces on development gold, labelled right or
// wrong by the same rules the benchmarks use — the trust gold's dev split (ECB+ dev sub-topics and
// our negotiation stories, bench/lib/trust-gold.ts, judged by bench/lib/trust-score.ts) and the
// hand-written positions gold (bench/gold/positions, judged as bench:positions does). Never the
// test split.
//
// Threshold: leave-one-story-out cross-validated scores (each story scored by a model that never
// saw it); the lowest threshold at which the items shown are at least 90% right on all dev data
// and also on the trust gold alone (the figure bench:trust reports). The shipped weights are then
// fitted on every example. Deterministic: same gold, same code, same files.
//
//   npm run train:positions              write data/models/positions.json and conditions.json
//   npm run train:positions -- --dry     print the figures, write nothing
//   npm run train:positions -- --dump    also list every example with its score (dev only)
//   npm run train:positions -- --features all   train on every computed feature, to compare
//   npm run train:positions -- --select  greedy forward feature selection (printed only)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../src/pipeline.js';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { crossValidated, reliabilityTable, score, train, type Example, type Features, type LogisticModel, type TrainOptions } from '../src/util/logistic.js';
import { featuresOf } from '../src/events/confidence.js';
import { ecbStories, negotiationStories } from './lib/trust-gold.js';
import { scoreConditions, scorePositions } from './lib/trust-score.js';
import { matchConditions, matchPositions, positionsGoldAvailable, predictedConditions, predictedPositions, runPositionsGold } from './lib/positions-gold.js';

const args = process.argv.slice(2);
const dry = args.includes('--dry');
const dump = args.includes('--dump');
const TARGET = 0.9;
const OPTIONS: TrainOptions = { l2: 0.005, epochs: 2000, rate: 0.5 };

interface Labelled extends Example {
  /** Which gold set it comes from: the threshold must hold on the trust gold alone too. */
  set: 'trust' | 'positions-gold';
  label: string;
}

function features(item: object): Features {
  const f = featuresOf(item);
  if (!f) throw new Error('an item has no features: was it assembled by assembleEvents?');
  return f;
}

async function collect(): Promise<{ positions: Labelled[]; conditions: Labelled[]; sources: string[] }> {
  const positions: Labelled[] = [];
  const conditions: Labelled[] = [];
  const sources: string[] = [];
  const stories = [...ecbStories('dev'), ...(await negotiationStories('dev'))];
  for (const story of stories) {
    if (story.split !== 'dev') throw new Error(`${story.name} is not a dev story`);
    const brief = analyse(story.articles);
    const ps = scorePositions(story, brief);
    (brief.positions ?? []).forEach((p, i) => positions.push({ x: features(p), y: ps.outcomes[i].correct ? 1 : 0, group: story.name, set: 'trust', label: ps.outcomes[i].label }));
    const cs = scoreConditions(story, brief);
    (brief.conditions ?? []).forEach((c, i) => conditions.push({ x: features(c), y: cs.outcomes[i].correct ? 1 : 0, group: story.name, set: 'trust', label: cs.outcomes[i].label }));
    sources.push(`${story.set}/${story.name}`);
  }
  if (positionsGoldAvailable()) {
    const run = runPositionsGold();
    // A story is one negotiation (istanbul-wire and istanbul-live tell the same one): its texts are
    // held out together.
    const storyOf = (text: string) => text.split('-')[0];
    const pp = predictedPositions(run);
    const pm = matchPositions(run, pp, false);
    pp.forEach((p, i) => positions.push({ x: features(p.position), y: pm.matched[i] ? 1 : 0, group: `positions-gold/${storyOf(p.text)}`, set: 'positions-gold', label: `${p.text}: ${p.position.actor} ${p.position.stance} «${p.position.issue}»` }));
    const pc = predictedConditions(run);
    const cm = matchConditions(run, pc);
    pc.forEach((c, i) => conditions.push({ x: features(c.condition), y: cm.matched[i] ? 1 : 0, group: `positions-gold/${storyOf(c.text)}`, set: 'positions-gold', label: `${c.text}: ${c.condition.actor}: ${c.condition.commitment} | ${c.condition.condition}` }));
    sources.push(`positions-gold (${run.articles.length} texts)`);
  }
  return { positions, conditions, sources };
}

/** Shown precision and count at a threshold. */
function shownAt(scores: number[], labels: number[], t: number): { shown: number; right: number } {
  let shown = 0;
  let right = 0;
  scores.forEach((s, i) => {
    if (s >= t) {
      shown++;
      right += labels[i];
    }
  });
  return { shown, right };
}

/** The lowest threshold (among the scores, ties kept together) at which the items shown are at
 * least TARGET right overall (at least `minShown` of them) and on each listed subset that shows
 * anything; 1 (nothing shown) when none is. */
function chooseJointThreshold(scores: number[], labels: (0 | 1)[], subsets: number[][], minShown = 5): number {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  for (const t of candidates) {
    const all = shownAt(scores, labels, t);
    if (all.shown < minShown || all.right / all.shown < TARGET) continue;
    const ok = subsets.every((idx) => {
      const s = shownAt(idx.map((i) => scores[i]), idx.map((i) => labels[i]), t);
      return s.shown === 0 || s.right / s.shown >= TARGET;
    });
    if (ok) return t;
  }
  return 1;
}

const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');

/** The features the models use, out of all that src/events/confidence.ts computes. Few on
 * purpose: with some three hundred examples, larger sets fitted the training stories and ranked
 * held-out stories worse under leave-one-story-out cross-validation (docs/models/positions.md).
 * `--features all` (or a comma list) trains on others, to compare. */
const POSITION_FEATURES = ['plainExplicit', 'plain', 'explicitCue', 'seed', 'inCondition', 'negated', 'seedShare', 'agree', 'seedIndirect'];
const CONDITION_FEATURES = ['strongShape', 'modal', 'counterfactual', 'past', 'negated', 'inQuote', 'firstPerson', 'by=own', 'actor=person', 'commitment>12', 'condition<=2', 'attached', 'subjectIsActor', 'stanceVerb'];

function featureList(name: 'positions' | 'conditions'): string[] | null {
  const at = args.indexOf(name === 'positions' ? '--features' : '--condition-features');
  if (at >= 0) return args[at + 1] === 'all' ? null : args[at + 1].split(',');
  return name === 'positions' ? POSITION_FEATURES : CONDITION_FEATURES;
}

function fit(name: 'positions' | 'conditions', given: Labelled[], sources: string[]): LogisticModel {
  const list = featureList(name);
  const keep = list ? new Set(list) : null;
  const examples = keep ? given.map((e) => ({ ...e, x: Object.fromEntries(Object.entries(e.x).filter(([k]) => keep.has(k))) })) : given;
  const labels = examples.map((e) => e.y);
  const cv = crossValidated(examples, OPTIONS);
  const trustIdx = examples.map((e, i) => (e.set === 'trust' ? i : -1)).filter((i) => i >= 0);
  const threshold = chooseJointThreshold(cv, labels, [trustIdx]);
  const fitted = train(examples, OPTIONS);
  const reliability = reliabilityTable(cv, labels);
  const model: LogisticModel = {
    name,
    trainedOn: `${examples.length} ${name} from dev gold (${sources.join(', ')}); features ${list ? list.join(', ') : 'all'}; threshold and reliability from leave-one-story-out cross-validation`,
    bias: fitted.bias,
    weights: fitted.weights,
    threshold: Math.round(threshold * 10000) / 10000,
    reliability,
  };
  const positives = labels.filter((y) => y === 1).length;
  const all = shownAt(cv, labels, threshold);
  const trust = shownAt(trustIdx.map((i) => cv[i]), trustIdx.map((i) => labels[i]), threshold);
  const trustRight = trustIdx.filter((i) => labels[i] === 1).length;
  console.log(`\n${name}: ${examples.length} examples, ${positives} right (${pct(positives, examples.length)}); groups ${new Set(examples.map((e) => e.group)).size}`);
  console.log(`  threshold ${model.threshold}`);
  console.log(`  cross-validated, shown by default: all dev ${pct(all.right, all.shown)} (${all.right}/${all.shown}), keeping ${all.right} of ${positives} right items`);
  console.log(`  cross-validated, shown by default: trust dev ${pct(trust.right, trust.shown)} (${trust.right}/${trust.shown}), keeping ${trust.right} of ${trustRight} right items`);
  console.log(`  reliability (cross-validated): ${reliability.filter((r) => r[2] > 0).map(([a, b, n, c]) => `[${a.toFixed(1)},${b.toFixed(1)}) n=${n} right ${c}`).join('  ')}`);
  const top = Object.entries(fitted.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 14);
  console.log(`  largest weights: ${top.map(([k, w]) => `${k} ${w > 0 ? '+' : ''}${w.toFixed(2)}`).join(', ')}`);
  if (dump) {
    const order = examples.map((_, i) => i).sort((a, b) => cv[b] - cv[a]);
    for (const i of order) {
      const e = examples[i];
      console.log(`    ${cv[i].toFixed(3)} fit ${score(fitted, e.x).toFixed(3)} ${e.y ? 'RIGHT' : 'wrong'} [${e.group}] ${e.label} :: ${Object.keys(e.x).sort().join(' ')}`);
    }
  }
  return model;
}

/** Greedy forward selection of features: at each step the feature whose addition keeps the most
 * right items shown at the joint threshold (cross-validated); stops when none adds any. Printed
 * only: the chosen lists are written into this file by hand (POSITION_FEATURES, CONDITION_FEATURES). */
function select(name: string, all: Labelled[]): void {
  const counts = new Map<string, number>();
  for (const e of all) for (const k of Object.keys(e.x)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const candidates = [...counts].filter(([, n]) => n >= 5).map(([k]) => k).sort();
  const chosen: string[] = [];
  let best = -1;
  const trustIdx = all.map((e, i) => (e.set === 'trust' ? i : -1)).filter((i) => i >= 0);
  const labels = all.map((e) => e.y);
  const value = (keys: string[]) => {
    const keep = new Set(keys);
    const ex = all.map((e) => ({ ...e, x: Object.fromEntries(Object.entries(e.x).filter(([k]) => keep.has(k))) }));
    const cv = crossValidated(ex, OPTIONS);
    const t = chooseJointThreshold(cv, labels, [trustIdx]);
    return t >= 1 ? 0 : shownAt(cv, labels, t).right;
  };
  if (chosen.length) {
    best = value(chosen);
    console.log(`  start ${name}: ${chosen.join(' ')} → ${best}`);
  }
  for (;;) {
    let step: { k: string; v: number } | null = null;
    for (const k of candidates) {
      if (chosen.includes(k)) continue;
      const v = value([...chosen, k]);
      if (!step || v > step.v) step = { k, v };
    }
    if (!step || step.v <= best) break;
    chosen.push(step.k);
    best = step.v;
    console.log(`  select ${name}: + ${step.k} → ${step.v} right items shown`);
  }
  console.log(`  selected ${name}: ${JSON.stringify(chosen)}`);
}

const { positions, conditions, sources } = await collect();
if (args.includes('--select')) {
  select('positions', positions);
  select('conditions', conditions);
  process.exit(0);
}
const models = [fit('positions', positions, sources), fit('conditions', conditions, sources)];
if (!dry) {
  for (const m of models) {
    const file = join(PACKAGE_ROOT, 'data', 'models', `${m.name}.json`);
    writeFileSync(file, `${JSON.stringify(m, null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}
