// npm run train:compare — fit the confidence models of compare/: data/models/discrepancies.json and
// data/models/framing.json.
//
// Examples are the items the pipeline finds on development gold only: the dev split of the trust
// gold (bench/gold/ecbplus, bench/gold/negotiations; judged by bench/lib/trust-score.ts, the same
// judge as `npm run bench:trust`) and, for discrepancies, the older fictional set bench/gold/compare.
// Each example is the features of how the item was found (see FoundDiscrepancy.features and
// framing.cueFeatures) and whether the gold says it is right. Scores from leave-one-story-out
// cross-validation choose the threshold: the lowest at which what is shown by default is at least
// 90% right on development gold (real coverage and the fictional set pooled, real coverage weighted
// as in training); the real-coverage share is printed apart. The held-out test split is never read.
//
// Deterministic: the same gold and code give byte-identical model files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { analyse, brief as runBrief } from '../src/pipeline.js';
import type { Brief, Framing } from '../src/types.js';
import { buildDoc } from '../src/text/doc.js';
import { buildContext, type Context } from '../src/compare/context.js';
import { findDiscrepancies } from '../src/compare/discrepancies.js';
import { toDiscrepancy } from '../src/compare/claims.js';
import { ratedCues } from '../src/compare/framing.js';
import { chooseThreshold, crossValidated, reliabilityTable, train, type Example, type LogisticModel, type TrainOptions } from '../src/util/logistic.js';
import { ecbStories, negotiationStories } from '../bench/lib/trust-gold.js';
import { scoreDiscrepancies, scoreFraming } from '../bench/lib/trust-score.js';
import { PACKAGE_ROOT } from '../src/util/data.js';

const TARGET = 0.9;
/** The fewest dev items a threshold must show to count. */
const MIN_SHOWN: Record<string, number> = { discrepancies: 5, framing: 5 };
const OPTIONS: TrainOptions = { l2: 0.02, epochs: 600, rate: 0.5 };

interface Labelled extends Example {
  /** Real coverage (trust gold) or the fictional bench:compare set. */
  source: 'trust' | 'fiction';
  label: string;
}

function contextOf(b: Brief): Context {
  return buildContext(b, b.articles.map(buildDoc));
}

async function main(): Promise<void> {
  const disc: Labelled[] = [];
  const cues: Labelled[] = [];
  const stories = [...ecbStories('dev'), ...(await negotiationStories('dev'))];
  for (const story of stories) {
    if (story.split !== 'dev') continue;
    const b = analyse(story.articles);
    const ctx = contextOf(b);
    const found = findDiscrepancies(ctx);
    const scored = scoreDiscrepancies(story, { ...b, discrepancies: found.map((d) => toDiscrepancy(d, ctx)) });
    found.forEach((d, i) => disc.push({ x: d.features, y: scored.outcomes[i].correct ? 1 : 0, group: story.name, source: 'trust', label: scored.outcomes[i].label }));
    const rated = ratedCues(ctx);
    const rows: Framing[] = rated.map((r) => ({ article: r.article, entity: r.cue.entity, tone: 0, mentions: 1, cues: [], cueSpans: [r.rated] }));
    const fs = scoreFraming(story, { ...b, framing: rows });
    rated.forEach((r, i) => cues.push({ x: r.features, y: fs.outcomes[i].correct ? 1 : 0, group: story.name, source: 'trust', label: fs.outcomes[i].label }));
    process.stderr.write(`  ${story.name}: ${found.length} discrepancies, ${rated.length} framing cues\n`);
  }
  disc.push(...(await fictionExamples()));

  const report: string[] = [];
  for (const [name, examples] of [['discrepancies', disc], ['framing', cues]] as const) {
    if (examples.length === 0) continue;
    // Real coverage is what the brief is for: its examples count, in total, as much as the
    // fictional set's (each is repeated, in order, so training stays deterministic).
    const trust = examples.filter((e) => e.source === 'trust').length;
    const fiction = examples.length - trust;
    const repeat = trust > 0 && fiction > trust ? Math.round(fiction / trust) : 1;
    const weighted = examples.flatMap((e) => (e.source === 'trust' ? Array.from({ length: repeat }, () => e) : [e]));
    const cvWeighted = crossValidated(weighted, OPTIONS);
    // One score per example: the first copy's (copies share their group, so their scores agree).
    const cv: number[] = [];
    for (let i = 0, w = 0; i < examples.length; i++) {
      cv.push(cvWeighted[w]);
      w += examples[i].source === 'trust' ? repeat : 1;
    }
    const real = examples.map((e, i) => ({ e, s: cv[i] })).filter((r) => r.e.source === 'trust');
    // The threshold is read off every development item (real coverage and the fictional set
    // pooled, real coverage counted as in training), so that what is shown by default is at least
    // TARGET right on dev; the real-coverage share is reported apart below.
    const threshold = chooseThreshold(
      cvWeighted,
      weighted.map((e) => e.y),
      TARGET,
      MIN_SHOWN[name],
    );
    const fitted = train(weighted, OPTIONS);
    const labels = examples.map((e) => e.y);
    const model: LogisticModel = {
      name,
      trainedOn: `npm run train:compare: ${examples.length} items found on development gold (${real.length} on the trust dev split: ${[...new Set(real.map((r) => r.e.group))].join(', ')}, each counted ${repeat}×; ${examples.length - real.length} on bench/gold/compare), labelled by bench/lib/trust-score.ts; threshold from leave-one-story-out scores, ≥ ${TARGET} right shown on all dev items`,
      bias: fitted.bias,
      weights: fitted.weights,
      threshold: Math.round(threshold * 1000) / 1000,
      reliability: reliabilityTable(cv, labels),
    };
    writeFileSync(join(PACKAGE_ROOT, 'data', 'models', `${name}.json`), `${JSON.stringify(model, null, 2)}\n`);
    const shown = real.filter((r) => r.s >= model.threshold);
    const right = shown.filter((r) => r.e.y === 1).length;
    const allShown = examples.filter((_, i) => cv[i] >= model.threshold);
    report.push(
      `${name}: ${examples.length} examples (${labels.filter((y) => y === 1).length} right), threshold ${model.threshold}`,
      `  cross-validated, trust dev: shown ${right}/${shown.length} right (${shown.length ? (right / shown.length).toFixed(3) : 'n/a'}), of ${real.filter((r) => r.e.y === 1).length} right items found ${right}`,
      `  cross-validated, all dev: shown ${allShown.filter((e) => e.y === 1).length}/${allShown.length} right`,
      `  reliability (cross-validated, all): ${model.reliability!.map(([a, b, n, c]) => `[${a.toFixed(1)},${b.toFixed(1)}) n=${n} right=${c}`).join('  ')}`,
    );
    if (process.argv.includes('--items')) for (let i = 0; i < examples.length; i++) report.push(`    ${cv[i].toFixed(2)} ${examples[i].y ? 'RIGHT' : 'wrong'} ${examples[i].group} ${examples[i].label}`);
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
      out.push({ x: d.features, y: right ? 1 : 0, group: `fiction:${set}`, source: 'fiction', label: d.topic });
    }
  }
  return out;
}

await main();
