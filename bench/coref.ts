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
// Two scopes: all named mentions (the definition above; ECB+ leaves many repeated names, such as a
// news agency cited in six articles, in no coreference relation, which makes each a singleton of
// its own), and only mentions ECB+ puts in a coreference relation, whose identity it annotates.
// "resolver before #11" is the union-find resolver this one replaced (bench/lib/resolve-before.ts),
// on the same entity stage output. "Parley resolution on gold mentions" runs the same resolver with the gold names as the entity
// stage's output (bench/lib/ecbtopics.ts goldMentionRun): resolution apart from mention finding.
//
// Training topics are the development set; validation topics (2, 5, 12, 18, 21, 23, 34, 35) are
// held out: report them, never tune on their errors. `--errors` prints split and mixed gold
// entities of the training topics only. By default only the training topics are scored, so that the
// held-out figure is not seen on every run; `--held-out` adds the validation topics, `--heldout` runs
// them alone.
import { performance } from 'node:perf_hooks';
import { resolveEntities } from '../src/resolve/index.js';
import { resolveEntitiesBefore } from './lib/resolve-before.js';
import { ecbAvailable } from './lib/ecbplus.js';
import { goldMentionRun, multiArticle, runTopics, topicClusterings, validationTopic, type TopicRun } from './lib/ecbtopics.js';
import { addTallies, emptyTallies, scoreClusterings, scores, type Clustering, type CorefTallies } from './lib/coref-score.js';

type Tallies = { parley: CorefTallies; before: CorefTallies; goldMentions: CorefTallies; lastToken: CorefTallies; sameString: CorefTallies };
const newTallies = (): Tallies => ({ parley: emptyTallies(), before: emptyTallies(), goldMentions: emptyTallies(), lastToken: emptyTallies(), sameString: emptyTallies() });

interface Side {
  topics: number[];
  mentions: number;
  linkedMentions: number;
  missed: number;
  entities: number;
  all: Tallies;
  linked: Tallies;
  multi: number;
  multiOne: number;
  multiOneLast: number;
  multiPure: number;
  /** CPU time of resolveEntities (the bench machine is shared, so wall time says little). */
  resolveCpuMs: number;
  locals: number;
}

const newSide = (): Side => ({
  topics: [],
  mentions: 0,
  linkedMentions: 0,
  missed: 0,
  entities: 0,
  all: newTallies(),
  linked: newTallies(),
  multi: 0,
  multiOne: 0,
  multiOneLast: 0,
  multiPure: 0,
  resolveCpuMs: 0,
  locals: 0,
});

function main() {
  if (!ecbAvailable()) {
    console.log('bench:coref: ../shared/datasets/ecbplus is absent; nothing to measure.');
    return;
  }
  const args = process.argv.slice(2);
  const errors = args.includes('--errors');
  const only = args.includes('--heldout') ? 'heldout' : args.includes('--held-out') ? null : 'dev';
  const sides = { dev: newSide(), heldout: newSide() };
  const t0 = performance.now();
  for (const run of runTopics()) {
    const sideName = validationTopic(run.topic) ? 'heldout' : 'dev';
    if (only && only !== sideName) continue;
    const side = sides[sideName];
    side.topics.push(run.topic);
    const c0 = process.cpuUsage();
    const resolved = resolveEntities(run.entities, run.docs);
    const c = process.cpuUsage(c0);
    side.resolveCpuMs += (c.user + c.system) / 1000;
    side.locals += run.entities.reduce((n, a) => n + a.entities.length, 0);
    // The same resolver over the gold names themselves: resolution apart from mention finding.
    const gold = goldMentionRun(run);
    const resolvedGold = resolveEntities(gold.entities, gold.docs);
    const resolvedBefore = resolveEntitiesBefore(run.entities, run.docs);

    for (const linkedOnly of [false, true]) {
      const t = linkedOnly ? side.linked : side.all;
      const { key, response, lastToken, sameString, missed } = topicClusterings(run, resolved.globalId, linkedOnly);
      const g = topicClusterings(gold, resolvedGold.globalId, linkedOnly);
      const before = topicClusterings(run, resolvedBefore.globalId, linkedOnly);
      addTallies(t.parley, scoreClusterings(key, response));
      addTallies(t.before, scoreClusterings(before.key, before.response));
      addTallies(t.goldMentions, scoreClusterings(g.key, g.response));
      addTallies(t.lastToken, scoreClusterings(key, lastToken));
      addTallies(t.sameString, scoreClusterings(key, sameString));
      if (linkedOnly) {
        side.linkedMentions += key.size;
        continue;
      }
      side.missed += missed;
      side.mentions += key.size;
      side.entities += new Set(key.values()).size;
      const m = multiArticle(run, response);
      side.multi += m.multi;
      side.multiOne += m.one;
      side.multiPure += m.pure;
      side.multiOneLast += multiArticle(run, lastToken).one;
      if (errors && sideName === 'dev') printErrors(run, response);
    }
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  for (const [name, side] of Object.entries(sides)) {
    if (side.topics.length === 0) continue;
    const label = name === 'dev' ? 'DEV (ECB+ training topics)' : 'HELD-OUT (ECB+ validation topics)';
    console.log(`\n${label}: topics ${side.topics.join(',')}`);
    console.log(
      `  ${side.mentions} named gold mentions (${side.linkedMentions} in a coreference relation), ${side.entities} gold entities; Parley found ${side.mentions - side.missed} ` +
        `(${side.missed} missed by the entity stage, scored as singletons); resolveEntities ${side.resolveCpuMs.toFixed(0)} ms CPU for ${side.locals} local entities`,
    );
    for (const [title, t] of [
      ['all named mentions (a markable in no coreference relation is a singleton)', side.all],
      ['named mentions in a coreference relation only', side.linked],
    ] as const) {
      console.log(`  ${title}:`);
      console.log(`    ${'system'.padEnd(34)}   MUC P/R/F1          B³ P/R/F1           CEAF-e P/R/F1       CoNLL F1`);
      for (const [sys, x] of [
        ['Parley', t.parley],
        ['Parley, resolver before #11', t.before],
        ['same last token', t.lastToken],
        ['same string', t.sameString],
        ['Parley resolution on gold mentions', t.goldMentions],
      ] as const) {
        const s = scores(x);
        const three = (v: { p: number; r: number; f: number }) => `${pct(v.p)} ${pct(v.r)} ${pct(v.f)}`;
        console.log(`    ${sys.padEnd(34)} ${three(s.muc)}   ${three(s.b3)}   ${three(s.ceafe)}   ${pct(s.conll)}`);
      }
      const margin = 100 * (scores(t.parley).conll - scores(t.lastToken).conll);
      console.log(`    CoNLL F1 Parley − same last token: ${margin >= 0 ? '+' : ''}${margin.toFixed(1)} points`);
    }
    console.log(
      `  gold actors named in 2+ articles that are exactly one entity: Parley ${side.multiOne}/${side.multi} (${pct(side.multiOne / Math.max(1, side.multi)).trim()}%), ` +
        `of which holding no other gold actor ${side.multiPure}; same last token ${side.multiOneLast}/${side.multi} (${pct(side.multiOneLast / Math.max(1, side.multi)).trim()}%)`,
    );
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s wall (entity stage included)`);
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
