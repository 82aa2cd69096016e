// npm run train:attribution — the speaker ranker (data/models/speaker-ranker.json) and the
// attribution confidence model (data/models/attribution.json).
// Examples: every quote of the DEV split of the trust gold (bench/gold/ecbplus dev sub-topics and
// our own dev negotiation stories) that the gold places. For each, the candidates are the people,
// bodies and groups named around it (src/quotes/model/candidates.ts); a candidate is right when it
// is the annotator's speaker. The ranker (a conditional logit over the candidates) learns which
// to choose; the confidence model learns, from leave-one-story-out ranker output, whether the
// chosen one is right — including quotes whose speaker the article never names, where every
// choice is wrong and the brief should name nobody. Its threshold and reliability table come from
// leave-one-story-out scores as well, so neither is read off the data the weights were fitted to.
import { writeFileSync } from 'node:fs';
import { buildDoc } from '../src/text/doc.js';
import { findEntities } from '../src/entities/index.js';
import { findQuotesDetailed } from '../src/quotes/index.js';
import { choiceFeatures, speakerCandidates, type SpeakerCandidate } from '../src/quotes/model/candidates.js';
import type { Entity } from '../src/types.js';
import { chooseThreshold, crossValidated, reliabilityTable, train, type Example, type Features, type LogisticModel } from '../src/util/logistic.js';
import { crossValidatedRanks, trainRanker, type Choice } from '../src/util/ranker.js';
import { dataPath } from '../src/util/data.js';
import { ecbStories, negotiationStories } from './lib/trust-gold.js';
import { nameMatches } from './lib/trust-score.js';

/** What the brief shows by default must be right this often (leave-one-story-out, on dev). */
const TARGET = 0.96;
const RANKER = { l2: 0.001, epochs: 300, rate: 0.5 };
const CONFIDENCE = { l2: 0.01 };
const dry = process.argv.includes('--dry');

const overlapShare = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return o <= 0 ? 0 : o / Math.min(a.end - a.start, b.end - b.start);
};

interface Quote {
  choice: Choice;
  candidates: SpeakerCandidate[];
  rules: Features | null;
  /** Whether the attribution rules alone named the right speaker. */
  rulesRight: boolean;
}

async function main(): Promise<void> {
  const stories = [...ecbStories('dev'), ...(await negotiationStories('dev'))];
  if (stories.length === 0) {
    console.error('no dev gold found (../shared/datasets/ecbplus or bench/gold/negotiations); nothing trained');
    process.exit(1);
  }
  const quotes: Quote[] = [];
  for (const story of stories) {
    for (const article of story.articles) {
      const doc = buildDoc(article);
      const ents = findEntities(doc);
      const detailed = findQuotesDetailed(doc, ents);
      detailed.forEach((q, i) => {
        const gold = story.quotes.filter((g) => g.doc === article.id && overlapShare(g, q) >= 0.5).sort((a, b) => overlapShare(b, q) - overlapShare(a, q))[0];
        // Recalled words get no speaker at run time (src/quotes/index.ts), so they teach nothing here.
        if (!gold || q.recalled) return;
        const isGold = (key: string) => {
          const local = ents.entities.find((e) => e.key === key)!;
          const entity = { name: local.name, aliases: local.aliases } as Entity;
          return gold.speaker !== null ? nameMatches(gold.speaker, entity) : !!gold.speakerOrg && nameMatches(gold.speakerOrg, entity);
        };
        const candidates = speakerCandidates(doc, ents, detailed, i);
        if (candidates.length === 0) return;
        quotes.push({
          choice: { candidates: candidates.map((c) => c.x), right: candidates.map((c) => isGold(c.entity)), group: story.name },
          candidates,
          rules: q.features,
          rulesRight: q.speaker !== null && isGold(q.speaker),
        });
      });
    }
  }
  const choices = quotes.map((q) => q.choice);
  const ranks = crossValidatedRanks(choices, RANKER);
  const argmax = (p: number[]) => p.reduce((best, v, j) => (v > p[best] ? j : best), 0);
  const examples: Example[] = quotes.map((q, i) => {
    const j = argmax(ranks[i]);
    return { x: choiceFeatures(ranks[i], j, q.candidates[j], q.rules), y: q.choice.right[j] ? 1 : 0, group: q.choice.group };
  });
  const labels = examples.map((e) => e.y);
  const cv = crossValidated(examples, CONFIDENCE);
  const threshold = chooseThreshold(cv, labels, TARGET);
  const shown = cv.filter((s) => s >= threshold).length;
  const shownRight = cv.filter((s, i) => s >= threshold && labels[i] === 1).length;
  const anyRight = quotes.filter((q) => q.choice.right.some(Boolean)).length;
  console.log(`quotes with candidates ${quotes.length}; the gold speaker among them ${anyRight}; the rules alone right ${quotes.filter((q) => q.rulesRight).length}`);
  console.log(`ranker, leave-one-story-out: first choice right ${labels.filter((y) => y === 1).length} of ${quotes.length}`);
  console.log(`confidence: threshold ${threshold.toFixed(3)}; leave-one-story-out shown ${shown}, right ${shownRight} (${(shownRight / Math.max(1, shown)).toFixed(3)})`);
  const weights = trainRanker(choices, RANKER);
  const confidence = train(examples, CONFIDENCE);
  const trainedOn = `bench:trust dev split: ${stories.map((s) => s.name).join(', ')} (${quotes.length} quotes with candidates, the gold speaker among them for ${anyRight})`;
  const model: LogisticModel = {
    name: 'attribution',
    trainedOn,
    bias: confidence.bias,
    weights: confidence.weights,
    threshold: Math.round(threshold * 1000) / 1000,
    reliability: reliabilityTable(cv, labels),
  };
  console.log('reliability:', model.reliability!.map(([a, b, n, c]) => `[${a.toFixed(1)},${b.toFixed(1)}) n=${n} ${c}`).join('  '));
  const top = Object.entries(weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 15);
  console.log('strongest ranker weights:', top.map(([k, w]) => `${k} ${w > 0 ? '+' : ''}${w.toFixed(2)}`).join(', '));
  if (dry) return;
  writeFileSync(dataPath('models/speaker-ranker.json'), JSON.stringify({ name: 'speaker-ranker', trainedOn, weights }, null, 1) + '\n');
  writeFileSync(dataPath('models/attribution.json'), JSON.stringify(model, null, 1) + '\n');
}

await main();
