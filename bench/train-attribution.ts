// npm run train:attribution — the attribution confidence model (data/models/attribution.json).
// Examples: every quote of the DEV split of the trust gold (bench/gold/ecbplus dev sub-topics and
// our own dev negotiation stories) to which the quotes stage gives a speaker; the label is whether
// that speaker is the annotator's. Scores from leave-one-story-out models choose the threshold and
// fill the reliability table, so neither is read off the data the weights were fitted to.
import { writeFileSync } from 'node:fs';
import { buildDoc } from '../src/text/doc.js';
import { findEntities } from '../src/entities/index.js';
import { findQuotesDetailed } from '../src/quotes/index.js';
import type { Entity } from '../src/types.js';
import { chooseThreshold, crossValidated, reliabilityTable, train, type Example, type LogisticModel } from '../src/util/logistic.js';
import { dataPath } from '../src/util/data.js';
import { ecbStories, negotiationStories } from './lib/trust-gold.js';
import { nameMatches } from './lib/trust-score.js';

/** What the brief shows by default must be right this often (leave-one-story-out, on dev). */
const TARGET = 0.96;

const overlapShare = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return o <= 0 ? 0 : o / Math.min(a.end - a.start, b.end - b.start);
};

async function main(): Promise<void> {
  const stories = [...ecbStories('dev'), ...(await negotiationStories('dev'))];
  if (stories.length === 0) {
    console.error('no dev gold found (../shared/datasets/ecbplus or bench/gold/negotiations); nothing trained');
    process.exit(1);
  }
  const examples: Example[] = [];
  for (const story of stories) {
    for (const article of story.articles) {
      const doc = buildDoc(article);
      const ents = findEntities(doc);
      for (const q of findQuotesDetailed(doc, ents)) {
        if (!q.features || !q.speaker) continue;
        const gold = story.quotes.filter((g) => g.doc === article.id && overlapShare(g, q) >= 0.5).sort((a, b) => overlapShare(b, q) - overlapShare(a, q))[0];
        if (!gold) continue;
        const local = ents.entities.find((e) => e.key === q.speaker)!;
        const entity = { name: local.name, aliases: local.aliases } as Entity;
        const right = gold.speaker !== null ? nameMatches(gold.speaker, entity) : !!gold.speakerOrg && nameMatches(gold.speakerOrg, entity);
        examples.push({ x: q.features, y: right ? 1 : 0, group: story.name });
      }
    }
  }
  const labels = examples.map((e) => e.y);
  const cv = crossValidated(examples);
  const threshold = chooseThreshold(cv, labels, TARGET);
  const shown = cv.filter((s) => s >= threshold).length;
  const shownRight = cv.filter((s, i) => s >= threshold && labels[i] === 1).length;
  const { bias, weights } = train(examples);
  const model: LogisticModel = {
    name: 'attribution',
    trainedOn: `bench:trust dev split: ${stories.map((s) => s.name).join(', ')} (${examples.length} attributed quotes, ${labels.filter((y) => y === 1).length} right)`,
    bias,
    weights,
    threshold: Math.round(threshold * 1000) / 1000,
    reliability: reliabilityTable(cv, labels),
  };
  writeFileSync(dataPath('models/attribution.json'), JSON.stringify(model, null, 1) + '\n');
  console.log(`examples ${examples.length} (right ${labels.filter((y) => y === 1).length}); threshold ${model.threshold}`);
  console.log(`cross-validated: shown ${shown} of ${examples.length}, right ${(shownRight / Math.max(1, shown)).toFixed(3)}; all candidates right ${(labels.filter((y) => y === 1).length / examples.length).toFixed(3)}`);
  console.log('reliability:', model.reliability!.map(([a, b, n, c]) => `[${a.toFixed(1)},${b.toFixed(1)}) n=${n} ${c}`).join('  '));
  const top = Object.entries(weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 15);
  console.log('strongest weights:', top.map(([k, w]) => `${k} ${w > 0 ? '+' : ''}${w.toFixed(2)}`).join(', '));
}

await main();
