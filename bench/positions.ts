// Benchmark: positions and conditional commitments against the hand-annotated gold set in
// bench/gold/positions/ (texts + gold.json; see its README.md for the matching rule, followed here
// and in bench/lib/positions-gold.ts). Runs the whole pipeline (entities, quotes, time, events,
// resolve) on each text. Figures for every item and for what the brief shows by default (items
// not marked uncertain by the confidence model). Development figures: the rules were written
// while reading these texts, and the position and condition confidence models are trained on them.
import { matchConditions, matchPositions, POSITIONS_GOLD_DIR, positionsGoldAvailable, predictedConditions, predictedPositions, runPositionsGold, entityForms } from './lib/positions-gold.js';

if (!positionsGoldAvailable()) {
  console.log(`bench:positions: gold set not found at ${POSITIONS_GOLD_DIR}; skipping.`);
  process.exit(0);
}
const verbose = process.argv.includes('--verbose');
const run = runPositionsGold();
const { gold, articles } = run;

const predicted = predictedPositions(run);
const strict = matchPositions(run, predicted, false);
const lenient = matchPositions(run, predicted, true);
const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
const f1 = (p: number, r: number) => (p + r ? ((2 * p * r) / (p + r)).toFixed(3) : '0.000');
const count = (xs: boolean[]) => xs.filter(Boolean).length;

console.log(`bench:positions — ${articles.length} texts, ${gold.positions.length} gold positions, ${gold.conditions.length} gold conditions (${POSITIONS_GOLD_DIR})`);
console.log('DEVELOPMENT figures: the rules were written while reading these texts and their errors, and the confidence models are trained on them; there is no held-out set.');
console.log('leniency: actors match when one name form\'s words are all in another\'s, or on a person\'s surname; a position matches on actor + issue (synonym group or one shared content noun) + stance + evidence overlapping by one character; a condition matches on actor + evidence overlap alone (its commitment and condition wording are not scored).');
const matchedPred = count(strict.matched);
const pP = matchedPred / (predicted.length || 1);
const pR = strict.usedGold.size / (gold.positions.length || 1);
console.log(`positions  precision ${pct(matchedPred, predicted.length)} (${matchedPred}/${predicted.length})  recall ${pct(strict.usedGold.size, gold.positions.length)} (${strict.usedGold.size}/${gold.positions.length})  F1 ${f1(pP, pR)}`);
// What the brief shows by default: the same matching on confident items only.
const shown = predicted.filter((p) => !p.position.uncertain);
const shownMatch = matchPositions(run, shown, false);
console.log(`positions shown by default  precision ${pct(count(shownMatch.matched), shown.length)} (${count(shownMatch.matched)}/${shown.length})  recall ${pct(shownMatch.usedGold.size, gold.positions.length)} (${shownMatch.usedGold.size}/${gold.positions.length})`);
console.log(`positions, stance ignored  precision ${pct(count(lenient.matched), predicted.length)}  recall ${pct(lenient.usedGold.size, gold.positions.length)}`);
console.log(`  stance (gold→predicted) on lenient matches: ${[...lenient.confusion].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' ')}`);
for (const by of ['own', 'writer', 'third-party']) {
  const idx = gold.positions.map((g, i) => [g, i] as const).filter(([g]) => g.attributedBy === by);
  console.log(`  recall, attributedBy ${by.padEnd(11)} ${pct(idx.filter(([, i]) => strict.usedGold.has(i)).length, idx.length)} (${idx.filter(([, i]) => strict.usedGold.has(i)).length}/${idx.length})`);
}
if (verbose) {
  predicted.forEach((pp, i) => {
    if (strict.matched[i]) return;
    const p = pp.position;
    const { forms } = entityForms(run.briefs.get(pp.text)!.entities, p.actor);
    const a = articles.find((x) => x.id === pp.text)!;
    console.log(`  FP position [${pp.text}] ${forms[0] ?? p.actor} / ${p.issue} / ${p.stance}${p.uncertain ? ' (uncertain)' : ''}: ${a.text.slice(p.evidence[0].start, p.evidence[0].end).slice(0, 140)}`);
  });
}

// ── conditions ──
const conds = predictedConditions(run);
const cm = matchConditions(run, conds);
const cP = count(cm.matched) / (conds.length || 1);
const cR = cm.usedGold.size / (gold.conditions.length || 1);
console.log(`conditions precision ${pct(count(cm.matched), conds.length)} (${count(cm.matched)}/${conds.length})  recall ${pct(cm.usedGold.size, gold.conditions.length)} (${cm.usedGold.size}/${gold.conditions.length})  F1 ${f1(cP, cR)}`);
const shownConds = conds.filter((c) => !c.condition.uncertain);
const scm = matchConditions(run, shownConds);
console.log(`conditions shown by default  precision ${pct(count(scm.matched), shownConds.length)} (${count(scm.matched)}/${shownConds.length})  recall ${pct(scm.usedGold.size, gold.conditions.length)} (${scm.usedGold.size}/${gold.conditions.length})`);
const shapes = [...new Set(gold.conditions.map((g) => g.shape))].sort();
console.log(`  recall by shape: ${shapes.map((s) => { const idx = gold.conditions.map((g, i) => [g, i] as const).filter(([g]) => g.shape === s); return `${s} ${idx.filter(([, i]) => cm.usedGold.has(i)).length}/${idx.length}`; }).join(', ')}`);
console.log(`  predicted conditions overlapping a gold non-condition: ${count(cm.onNonCondition)}`);
console.log(`speed ${(articles.length / run.seconds).toFixed(1)} texts/s (whole pipeline)`);

if (verbose) {
  conds.forEach((pc, i) => {
    if (cm.matched[i]) return;
    const { forms } = entityForms(run.briefs.get(pc.text)!.entities, pc.condition.actor);
    console.log(`  FP condition [${pc.text}] ${forms[0] ?? pc.condition.actor}: ${pc.condition.commitment} | IF | ${pc.condition.condition}`);
  });
  gold.positions.forEach((g, i) => {
    if (!strict.usedGold.has(i)) {
      const l = lenient.matchedBy.get(i);
      console.log(`  missed position [${g.text}] ${g.actor} / ${g.issue} / ${g.stance}${l ? ` (predicted ${l.position.stance})` : ''}: ${g.evidence}`);
    }
  });
  gold.conditions.forEach((g, i) => {
    if (!cm.usedGold.has(i)) console.log(`  missed condition [${g.text}] ${g.actor} (${g.shape}): ${g.evidence}`);
  });
}
