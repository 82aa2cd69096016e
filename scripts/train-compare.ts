// npm run train:compare — fit the confidence models of compare/: data/models/discrepancies.json and
// data/models/framing.json.
//
// Examples are the items the pipeline finds on development gold only: the dev split of the trust
// gold (bench/gold/ecbplus, bench/gold/negotiations; judged as `npm run bench:trust` judges them,
// bench/lib/trust-score.ts) and, for discrepancies, the older fictional set bench/gold/compare
// (weighted by FICTION_WEIGHT, see below). Each example is the features of how the item was found
// (see FoundDiscrepancy.features and framing.cueFeatures) and whether the gold says it is right.
// Scores from leave-one-story-out cross-validation choose the threshold: the lowest at which what
// is shown by default on real coverage is at least TARGET right. The held-out test split is never
// read.
//
//   npm run train:compare                 fit, write both models, print the figures
//   npm run train:compare -- --items      also every example with its cross-validated score
//   npm run train:compare -- --items --features   … and the features each example was scored on
//   npm run train:compare -- --missed     also the dev gold discrepancies nothing shown matches
//   npm run train:compare -- --dry        print, write nothing
//   npm run train:compare -- --shallow    with compare/'s old shallow parser (to measure it; implies nothing)
//
// The pipeline up to compare/ is cached per story (bench/lib/compare-cache.ts). Deterministic: the
// same gold and code give byte-identical model files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brief as runBrief } from '../src/pipeline.js';
import type { Brief, Discrepancy, Framing } from '../src/types.js';
import { buildDoc } from '../src/text/doc.js';
import { buildContext, type Context } from '../src/compare/context.js';
import { findDiscrepancies } from '../src/compare/discrepancies.js';
import { toDiscrepancy } from '../src/compare/claims.js';
import { ratedCues } from '../src/compare/framing.js';
import { chooseThreshold, crossValidated, reliabilityTable, train, type Example, type LogisticModel, type TrainOptions } from '../src/util/logistic.js';
import { ecbStories, negotiationStories, type GoldDiscrepancy, type TrustStory } from '../bench/lib/trust-gold.js';
import { scoreDiscrepancies, scoreFraming } from '../bench/lib/trust-score.js';
import { partialBrief } from '../bench/lib/compare-cache.js';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { useParser } from '../src/compare/syntax.js';

const TARGET = 0.9;
/** The fewest real-coverage dev items a threshold must show to count. */
const MIN_SHOWN: Record<string, number> = { discrepancies: 10, framing: 10 };
const OPTIONS: TrainOptions = { l2: 0.02, epochs: 600, rate: 0.5 };
const l2Arg = process.argv.indexOf('--l2');
if (l2Arg >= 0) OPTIONS.l2 = Number(process.argv[l2Arg + 1]);
/** How much one example of the fictional set weighs against one of real coverage (0: left out). */
const FICTION_WEIGHT = 0;
/** How many times an example from our own negotiation stories counts in training (ECB+ sub-topics: once). */
const wArg = process.argv.indexOf('--negotiation-weight');
const NEGOTIATION_WEIGHT = wArg >= 0 ? Number(process.argv[wArg + 1]) : 1;

interface Labelled extends Example {
  /** Real coverage (trust gold) or the fictional bench:compare set. */
  source: 'trust' | 'fiction';
  label: string;
  /** Index of the gold item it matches (trust gold only), per story. */
  gold?: number;
  /** From one of our own negotiation stories (bench/gold/negotiations). */
  negotiation?: boolean;
  kind?: string;
}

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
if (flag('--shallow')) useParser('shallow');

function contextOf(b: Brief): Context {
  return buildContext(b, b.articles.map(buildDoc));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The gold item a discrepancy matches (bench/lib/trust-score.ts's rule), or -1. */
function goldMatch(story: TrustStory, d: Discrepancy): number {
  return story.discrepancies.findIndex((g: GoldDiscrepancy) => new Set(d.claims.filter((c) => g.claims.some((gc) => gc.doc === c.article && overlaps(gc, c))).map((c) => c.article)).size >= 2);
}

async function main(): Promise<void> {
  const disc: Labelled[] = [];
  const cues: Labelled[] = [];
  const stories = [...ecbStories('dev'), ...(await negotiationStories('dev'))].filter((s) => s.split === 'dev');
  for (const story of stories) {
    const b = partialBrief(story);
    const ctx = contextOf(b);
    const found = findDiscrepancies(ctx);
    const shown = found.map((d) => toDiscrepancy(d, ctx));
    const scored = scoreDiscrepancies(story, { ...b, discrepancies: shown });
    found.forEach((d, i) => disc.push({ x: d.features, y: scored.outcomes[i].correct ? 1 : 0, group: story.name, source: 'trust', label: `${d.topic}: ${d.claims.map((c) => `${c.article}«${c.display}»`).join(' vs ')}${goldMatch(story, shown[i]) >= 0 ? ` = gold «${story.discrepancies[goldMatch(story, shown[i])].topic}»` : ''}`, gold: goldMatch(story, shown[i]), kind: d.kind, negotiation: story.set === 'negotiations' }));
    const rated = ratedCues(ctx);
    const rows: Framing[] = rated.map((r) => ({ article: r.article, entity: r.cue.entity, tone: 0, mentions: 1, cues: [], cueSpans: [r.rated] }));
    const fs = scoreFraming(story, { ...b, framing: rows });
    rated.forEach((r, i) => cues.push({ x: r.features, y: fs.outcomes[i].correct ? 1 : 0, group: story.name, source: 'trust', label: fs.outcomes[i].label, kind: r.cue.relation, negotiation: story.set === 'negotiations' }));
    process.stderr.write(`  ${story.name}: ${found.length} discrepancies, ${rated.length} framing cues\n`);
  }
  if (FICTION_WEIGHT > 0) disc.push(...(await fictionExamples()));

  const report: string[] = [];
  const dropArg = process.argv.indexOf('--drop');
  const drop = dropArg >= 0 ? process.argv[dropArg + 1].split(',') : [];
  for (const e of [...disc, ...cues]) for (const k of Object.keys(e.x)) if (drop.some((d) => k.startsWith(d))) delete e.x[k];
  for (const [name, examples] of [['discrepancies', disc], ['framing', cues]] as const) {
    if (examples.length === 0) continue;
    // The fictional set, when used, counts FICTION_WEIGHT per example against real coverage's 1:
    // real coverage is repeated (in order, so training stays deterministic).
    const repeat = FICTION_WEIGHT > 0 ? Math.max(1, Math.round(1 / FICTION_WEIGHT)) : 1;
    // Negotiation coverage is what Parley is for: its stories count NEGOTIATION_WEIGHT times each.
    const copies = (e: Labelled): number => (e.source === 'trust' ? repeat * (e.negotiation ? NEGOTIATION_WEIGHT : 1) : 1);
    const weighted = examples.flatMap((e) => Array.from({ length: copies(e) }, () => e));
    const cvWeighted = crossValidated(weighted, OPTIONS);
    // One score per example: the first copy's (copies share their group, so their scores agree).
    const cv: number[] = [];
    for (let i = 0, w = 0; i < examples.length; i++) {
      cv.push(cvWeighted[w]);
      w += copies(examples[i]);
    }
    const realIdx = examples.map((e, i) => i).filter((i) => examples[i].source === 'trust');
    // The threshold is read off real coverage only: what the brief is for.
    const threshold = chooseThreshold(
      realIdx.map((i) => cv[i]),
      realIdx.map((i) => examples[i].y),
      TARGET,
      MIN_SHOWN[name],
    );
    const fitted = train(weighted, OPTIONS);
    const labels = realIdx.map((i) => examples[i].y);
    const model: LogisticModel = {
      name,
      trainedOn: `npm run train:compare: ${realIdx.length} items found on the trust gold's dev split (${[...new Set(realIdx.map((i) => examples[i].group))].length} stories)${FICTION_WEIGHT > 0 ? ` and ${examples.length - realIdx.length} on bench/gold/compare (weight ${FICTION_WEIGHT})` : ''}, labelled by bench/lib/trust-score.ts; threshold from leave-one-story-out scores, ≥ ${TARGET} right shown on real-coverage dev items`,
      bias: fitted.bias,
      weights: fitted.weights,
      // Kept to six places (rounded down): rounding to fewer would show items the choice left out.
      threshold: Math.floor(threshold * 1e6) / 1e6,
      reliability: reliabilityTable(realIdx.map((i) => cv[i]), labels),
    };
    if (!flag('--dry')) writeFileSync(join(PACKAGE_ROOT, 'data', 'models', `${name}.json`), `${JSON.stringify(model, null, 2)}\n`);
    const real = realIdx.map((i) => ({ e: examples[i], s: cv[i] }));
    const shown = real.filter((r) => r.s >= model.threshold);
    const right = shown.filter((r) => r.e.y === 1).length;
    report.push(
      `${name}: ${real.length} real-coverage examples (${labels.filter((y) => y === 1).length} right, all-items precision ${(labels.filter((y) => y === 1).length / Math.max(1, labels.length)).toFixed(3)}), threshold ${model.threshold}`,
      `  cross-validated, shown: ${right}/${shown.length} right (${shown.length ? (right / shown.length).toFixed(3) : 'n/a'})`,
      `  precision of the top-scored (cross-validated): ${[5, 10, 15, 20, 30, 40].filter((k) => k <= real.length).map((k) => { const top = [...real].sort((p, q) => q.s - p.s).slice(0, k); return `top ${k}: ${top.filter((r) => r.e.y).length}/${k}`; }).join(', ')}`,
      `  reliability (cross-validated): ${model.reliability!.map(([a, b, n, c]) => `[${a.toFixed(1)},${b.toFixed(1)}) n=${n} right=${c}`).join('  ')}`,
    );
    // Per kind: found, right, shown, shown right.
    const kinds = [...new Set(real.map((r) => r.e.kind ?? ''))].sort();
    for (const k of kinds) {
      const rows = real.filter((r) => r.e.kind === k);
      const sh = rows.filter((r) => r.s >= model.threshold);
      report.push(`    ${k.padEnd(18)} found ${rows.length}, right ${rows.filter((r) => r.e.y).length}; shown ${sh.length}, right ${sh.filter((r) => r.e.y).length}`);
    }
    if (name === 'discrepancies') {
      // Recall: gold items matched by any found item, and by a shown one.
      let gold = 0;
      const byKind = new Map<string, { gold: number; any: number; shown: number }>();
      const missed: string[] = [];
      for (const story of stories) {
        const mine = real.filter((r) => r.e.group === story.name);
        story.discrepancies.forEach((g, gi) => {
          gold++;
          const row = byKind.get(g.kind) ?? { gold: 0, any: 0, shown: 0 };
          row.gold++;
          const any = mine.some((r) => r.e.gold === gi);
          const sh = mine.some((r) => r.e.gold === gi && r.s >= model.threshold);
          if (any) row.any++;
          if (sh) row.shown++;
          byKind.set(g.kind, row);
          if (!sh) missed.push(`    ${any ? 'UNCERTAIN' : 'missed   '} ${story.name} [${g.kind}${g.evolving ? ' evolving' : ''}] ${g.topic}`);
        });
      }
      const tot = [...byKind.values()].reduce((a, r) => ({ gold: a.gold + r.gold, any: a.any + r.any, shown: a.shown + r.shown }), { gold: 0, any: 0, shown: 0 });
      report.push(`  recall: shown ${tot.shown}/${gold} (${(tot.shown / gold).toFixed(3)}), any confidence ${tot.any}/${gold} (${(tot.any / gold).toFixed(3)})`);
      for (const [k, r] of [...byKind].sort()) report.push(`    gold ${k.padEnd(11)} ${r.gold}: found ${r.any}, shown ${r.shown}`);
      if (flag('--missed')) report.push(...missed);
    }
    const top = Object.entries(model.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 16);
    report.push(`  bias ${model.bias}; largest weights: ${top.map(([k, w]) => `${k} ${w > 0 ? '+' : ''}${w.toFixed(2)}`).join(', ')}`);
    if (flag('--items')) for (let i = 0; i < examples.length; i++) report.push(`    ${cv[i].toFixed(2)} ${examples[i].y ? 'RIGHT' : 'wrong'} ${examples[i].group} [${examples[i].kind}] ${examples[i].label}${flag('--features') ? `\n        ${Object.entries(examples[i].x).filter(([, v]) => v).map(([k, v]) => `${k}=${+v.toFixed(2)}`).join(' ')}` : ''}`);
  }
  console.log(report.join('\n'));
}

interface FictionGold {
  discrepancies: { set: string; claims: { article: string; text: string }[] }[];
}

/** Discrepancies found on the fictional bench:compare sets, right when their claims fall on one gold
 * item's claims in two articles (the bench's own rule). */
async function fictionExamples(): Promise<Labelled[]> {
  const dir = join(PACKAGE_ROOT, 'bench', 'gold', 'compare');
  if (!existsSync(join(dir, 'gold.json'))) return [];
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as FictionGold;
  const out: Labelled[] = [];
  for (const set of [...new Set(gold.discrepancies.map((d) => d.set))].sort()) {
    const b = await runBrief([join(dir, set)]);
    const ctx = contextOf(b);
    const texts = new Map(b.articles.map((a) => [a.id, a.text]));
    const items = gold.discrepancies
      .filter((d) => d.set === set)
      .map((d) =>
        d.claims
          .map((c) => {
            const at = texts.get(c.article)?.indexOf(c.text) ?? -1;
            return at < 0 ? null : { article: c.article, start: at, end: at + c.text.length };
          })
          .filter((c): c is { article: string; start: number; end: number } => c !== null),
      );
    for (const d of findDiscrepancies(ctx)) {
      const shown = toDiscrepancy(d, ctx);
      const right = items.some((claims) => new Set(claims.filter((g) => shown.claims.some((c) => c.article === g.article && c.start < g.end && g.start < c.end)).map((g) => g.article)).size >= 2);
      out.push({ x: d.features, y: right ? 1 : 0, group: `fiction:${set}`, source: 'fiction', label: d.topic, kind: d.kind });
    }
  }
  return out;
}

await main();
