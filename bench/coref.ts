// bench:coref — cross-document identity of named participants on ECB+ (../shared/datasets/ecbplus).
//
// Each topic's documents (both sub-topics: two similar real events, which must stay apart) are one
// batch, as a brief over one story would be: Parley's entity stage runs per article, resolution
// across the batch. Gold: the named HUMAN_PART_* / LOC_* mentions of the validated sentences
// (bench/lib/ecbnamed.ts defines "named"). Each gold mention takes the Parley entity of the Parley
// mention covering it; a gold mention Parley did not find is a singleton of its own. Baselines on
// the same gold mentions: "same last token" (the head word, case-folded) and "same string".
// Scores: MUC, B³, CEAF-e and CoNLL F1 (bench/lib/coref-score.ts), summed over topics.
//
// Training topics are the development set; validation topics (2, 5, 12, 18, 21, 23, 34, 35) are
// held out: report them, never tune on their errors. `--errors` prints split and mixed gold
// entities of the training topics only. `--dev` / `--heldout` run one side.
import { performance } from 'node:perf_hooks';
import { resolveEntities } from '../src/resolve/index.js';
import { ecbAvailable } from './lib/ecbplus.js';
import { multiArticle, runTopics, topicClusterings, validationTopic, type TopicRun } from './lib/ecbtopics.js';
import { addTallies, emptyTallies, scoreClusterings, scores, type Clustering, type CorefTallies } from './lib/coref-score.js';

interface Side {
  topics: number[];
  mentions: number;
  missed: number;
  entities: number;
  parley: CorefTallies;
  lastToken: CorefTallies;
  sameString: CorefTallies;
  multi: number;
  multiOne: number;
  multiOneLast: number;
  multiPure: number;
  resolveMs: number;
}

const newSide = (): Side => ({
  topics: [],
  mentions: 0,
  missed: 0,
  entities: 0,
  parley: emptyTallies(),
  lastToken: emptyTallies(),
  sameString: emptyTallies(),
  multi: 0,
  multiOne: 0,
  multiOneLast: 0,
  multiPure: 0,
  resolveMs: 0,
});

function main() {
  if (!ecbAvailable()) {
    console.log('bench:coref: ../shared/datasets/ecbplus is absent; nothing to measure.');
    return;
  }
  const args = process.argv.slice(2);
  const errors = args.includes('--errors');
  const only = args.includes('--dev') ? 'dev' : args.includes('--heldout') ? 'heldout' : null;
  const sides = { dev: newSide(), heldout: newSide() };
  const t0 = performance.now();
  for (const run of runTopics()) {
    const sideName = validationTopic(run.topic) ? 'heldout' : 'dev';
    if (only && only !== sideName) continue;
    const side = sides[sideName];
    side.topics.push(run.topic);
    const t = performance.now();
    const resolved = resolveEntities(run.entities, run.docs);
    side.resolveMs += performance.now() - t;

    const { key, response, lastToken, sameString, missed } = topicClusterings(run, resolved.globalId);
    side.missed += missed;
    side.mentions += run.gold.length;
    side.entities += new Set(key.values()).size;
    addTallies(side.parley, scoreClusterings(key, response));
    addTallies(side.lastToken, scoreClusterings(key, lastToken));
    addTallies(side.sameString, scoreClusterings(key, sameString));
    const m = multiArticle(run, response);
    side.multi += m.multi;
    side.multiOne += m.one;
    side.multiPure += m.pure;
    side.multiOneLast += multiArticle(run, lastToken).one;
    if (errors && sideName === 'dev') printErrors(run, response);
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  for (const [name, side] of Object.entries(sides)) {
    if (side.topics.length === 0) continue;
    const label = name === 'dev' ? 'DEV (ECB+ training topics)' : 'HELD-OUT (ECB+ validation topics)';
    console.log(`\n${label}: topics ${side.topics.join(',')}`);
    console.log(
      `  ${side.mentions} named gold mentions, ${side.entities} gold entities; Parley found ${side.mentions - side.missed} ` +
        `(${side.missed} missed by the entity stage, scored as singletons); resolveEntities ${side.resolveMs.toFixed(0)} ms`,
    );
    console.log(`  ${'system'.padEnd(22)}   MUC P/R/F1          B³ P/R/F1           CEAF-e P/R/F1       CoNLL F1`);
    for (const [sys, t] of [
      ['Parley', side.parley],
      ['same last token', side.lastToken],
      ['same string', side.sameString],
    ] as const) {
      const s = scores(t);
      const three = (x: { p: number; r: number; f: number }) => `${pct(x.p)} ${pct(x.r)} ${pct(x.f)}`;
      console.log(`  ${sys.padEnd(22)} ${three(s.muc)}   ${three(s.b3)}   ${three(s.ceafe)}   ${pct(s.conll)}`);
    }
    const margin = 100 * (scores(side.parley).conll - scores(side.lastToken).conll);
    console.log(`  CoNLL F1 Parley − same last token: ${margin >= 0 ? '+' : ''}${margin.toFixed(1)} points`);
    console.log(
      `  gold actors named in 2+ articles that are exactly one entity: Parley ${side.multiOne}/${side.multi} (${pct(side.multiOne / Math.max(1, side.multi)).trim()}%), ` +
        `of which holding no other gold actor ${side.multiPure}; same last token ${side.multiOneLast}/${side.multi} (${pct(side.multiOneLast / Math.max(1, side.multi)).trim()}%)`,
    );
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s (entity stage included)`);
}

/** Gold entities split over several Parley entities, and Parley entities holding several gold ones. */
function printErrors(run: TopicRun, response: Clustering) {
  const byGold = new Map<string, string[]>();
  const byResp = new Map<string, Set<string>>();
  const textOf = new Map(run.gold.map((g) => [g.id, `${g.text}@${g.doc}`]));
  for (const g of run.gold) {
    const r = response.get(g.id)!;
    (byGold.get(g.entity) ?? byGold.set(g.entity, []).get(g.entity)!).push(g.id);
    (byResp.get(r) ?? byResp.set(r, new Set()).get(r)!).add(g.entity);
  }
  for (const [entity, ids] of byGold) {
    const labels = new Set(ids.map((id) => response.get(id)));
    if (labels.size < 2) continue;
    const parts = [...labels].map((l) => `[${ids.filter((id) => response.get(id) === l).map((id) => textOf.get(id)).join(' | ')}]${l!.startsWith('missed') ? ' (missed)' : ''}`);
    console.log(`SPLIT t${run.topic} ${entity}: ${parts.join(' ')}`);
  }
  for (const [label, entities] of byResp) {
    if (entities.size < 2) continue;
    const parts = [...entities].map((e) => `[${run.gold.filter((g) => g.entity === e && response.get(g.id) === label).map((g) => textOf.get(g.id)).join(' | ')}]`);
    console.log(`MIXED t${run.topic} ${label}: ${parts.join(' ')}`);
  }
}

main();
