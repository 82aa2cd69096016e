// Benchmark: positions and conditional commitments against the hand-annotated gold set in
// bench/gold/positions/ (texts + gold.json; see its README.md for the matching rule, followed here).
// Runs the whole pipeline (entities, quotes, time, events, resolve) on each text. Development
// figures; conditions are matched leniently (actor + evidence overlap), as the output says.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { analyse } from '../src/pipeline.js';
import type { Article, Brief, Entity } from '../src/types.js';
import { textArticle } from './lib/article.js';

interface GoldPosition {
  text: string;
  actor: string;
  aliases?: string[];
  issue: string;
  stance: string;
  evidence: string;
  attributedBy: string;
}
interface GoldCondition {
  text: string;
  actor: string;
  aliases?: string[];
  commitment: string;
  condition: string;
  shape: string;
  evidence: string;
}
interface Gold {
  positions: GoldPosition[];
  conditions: GoldCondition[];
  nonConditions?: { text: string; evidence: string }[];
}

const dir = join(PACKAGE_ROOT, 'bench', 'gold', 'positions');
if (!existsSync(join(dir, 'gold.json')) || !existsSync(join(dir, 'texts'))) {
  console.log(`bench:positions: gold set not found at ${dir}; skipping.`);
  process.exit(0);
}
const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
const issueGroups = existsSync(join(dir, 'issues.json'))
  ? (JSON.parse(readFileSync(join(dir, 'issues.json'), 'utf8')) as { groups: Record<string, string[]> }).groups
  : {};

const files = readdirSync(join(dir, 'texts')).filter((f) => f.endsWith('.txt')).sort();
const articles: Article[] = files.map((f) =>
  textArticle(f.replace(/\.txt$/, ''), readFileSync(join(dir, 'texts', f), 'utf8'), { source: join(dir, 'texts', f) }),
);
const verbose = process.argv.includes('--verbose');

// Each text is analysed as its own brief, so that one article's errors do not leak into another.
const started = performance.now();
const briefs = new Map<string, Brief>();
for (const a of articles) briefs.set(a.id, analyse([a]));
const seconds = (performance.now() - started) / 1000;

// ── normalisation, as the gold README specifies ──
const TITLES = new Set(['president', 'minister', 'foreign', 'prime', 'dr', 'mr', 'ms', 'mrs', 'secretary', 'general', 'chancellor', 'defence', 'defense', 'state', 'spokesperson', 'spokesman', 'spokeswoman', 'sir', 'prof', 'professor', 'senator', 'ambassador', 'envoy', 'king', 'queen', 'sheikh', 'emir', 'premier', 'deputy', 'chief', 'head', 'leader']);
function normName(s: string): string {
  const w = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  while (w[0] === 'the') w.shift();
  return w.filter((x) => !TITLES.has(x)).join(' ');
}
function actorMatch(predicted: string[], goldForms: string[], person: boolean): boolean {
  const p = predicted.map(normName).filter(Boolean);
  const g = goldForms.map(normName).filter(Boolean);
  for (const a of p) {
    for (const b of g) {
      if (a === b) return true;
      const at = a.split(' ');
      const bt = b.split(' ');
      if (at.every((x) => bt.includes(x)) || bt.every((x) => at.includes(x))) return true;
      if (person && at[at.length - 1] === bt[bt.length - 1]) return true;
    }
  }
  return false;
}
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'for', 'on', 'in', 'and', 'with', 'any', 'all', 'its', 'their', 'new']);
const GENERIC = new Set(['talks', 'talk', 'deal', 'agreement', 'plan', 'issue']);
function normIssue(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}
function groupOf(issue: string): string | null {
  const n = normIssue(issue).join(' ');
  for (const [canon, variants] of Object.entries(issueGroups)) {
    if ([canon, ...variants].some((v) => normIssue(v).join(' ') === n)) return canon;
  }
  return null;
}
function issueMatch(a: string, b: string): boolean {
  const ga = groupOf(a);
  const gb = groupOf(b);
  if (ga && gb && ga === gb) return true;
  const na = normIssue(a).filter((w) => !GENERIC.has(w));
  const nb = new Set(normIssue(b).filter((w) => !GENERIC.has(w)));
  return na.some((w) => nb.has(w));
}

function entityForms(entities: Entity[] | undefined, id: string): { forms: string[]; person: boolean } {
  const e = entities?.find((x) => x.id === id);
  return e ? { forms: [e.name, ...e.aliases], person: e.type === 'person' } : { forms: [], person: false };
}
function spanOf(textId: string, evidence: string): [number, number] | null {
  const a = articles.find((x) => x.id === textId);
  if (!a) return null;
  const at = a.text.indexOf(evidence);
  return at < 0 ? null : [at, at + evidence.length];
}
function overlapsGold(spans: { article: string; start: number; end: number }[], textId: string, g: [number, number] | null): boolean {
  return g !== null && spans.some((s) => s.article === textId && s.start < g[1] && g[0] < s.end);
}

// ── positions ──
interface PredPosition { text: string; actor: string; issue: string; stance: string; spans: { article: string; start: number; end: number }[] }
const predictedPositions: PredPosition[] = [];
for (const [id, b] of briefs) for (const p of b.positions ?? []) predictedPositions.push({ text: id, actor: p.actor, issue: p.issue, stance: p.stance, spans: p.evidence });

function scorePositions(ignoreStance: boolean) {
  const usedGold = new Set<number>();
  let matchedPred = 0;
  const confusion = new Map<string, number>();
  const matchedBy = new Map<number, PredPosition>();
  // A prediction with several evidence spans may match several gold items (one per span).
  for (const p of predictedPositions) {
    const b = briefs.get(p.text)!;
    const { forms, person } = entityForms(b.entities, p.actor);
    let any = false;
    gold.positions.forEach((g, gi) => {
      if (usedGold.has(gi) || g.text !== p.text) return;
      if (!actorMatch(forms, [g.actor, ...(g.aliases ?? [])], person)) return;
      if (!issueMatch(p.issue, g.issue)) return;
      if (!overlapsGold(p.spans, p.text, spanOf(g.text, g.evidence))) return;
      if (!ignoreStance && p.stance !== g.stance) return;
      usedGold.add(gi);
      matchedBy.set(gi, p);
      any = true;
      const k = `${g.stance}→${p.stance}`;
      confusion.set(k, (confusion.get(k) ?? 0) + 1);
    });
    if (any) matchedPred++;
    else if (verbose && !ignoreStance) {
      const a = articles.find((x) => x.id === p.text)!;
      console.log(`  FP position [${p.text}] ${forms[0] ?? p.actor} / ${p.issue} / ${p.stance}: ${a.text.slice(p.spans[0].start, p.spans[0].end).slice(0, 140)}`);
    }
  }
  return { usedGold, matchedPred, confusion, matchedBy };
}
const strict = scorePositions(false);
const lenient = scorePositions(true);
const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
const f1 = (p: number, r: number) => (p + r ? ((2 * p * r) / (p + r)).toFixed(3) : '0.000');

console.log(`bench:positions — ${articles.length} texts, ${gold.positions.length} gold positions, ${gold.conditions.length} gold conditions (${dir})`);
console.log('DEVELOPMENT figures: the rules were written while reading these texts and their errors; there is no held-out set.');
console.log('leniency: actors match when one name form\'s words are all in another\'s, or on a person\'s surname; a position matches on actor + issue (synonym group or one shared content noun) + stance + evidence overlapping by one character; a condition matches on actor + evidence overlap alone (its commitment and condition wording are not scored).');
const pP = strict.matchedPred / (predictedPositions.length || 1);
const pR = strict.usedGold.size / (gold.positions.length || 1);
console.log(`positions  precision ${pct(strict.matchedPred, predictedPositions.length)} (${strict.matchedPred}/${predictedPositions.length})  recall ${pct(strict.usedGold.size, gold.positions.length)} (${strict.usedGold.size}/${gold.positions.length})  F1 ${f1(pP, pR)}`);
console.log(`positions, stance ignored  precision ${pct(lenient.matchedPred, predictedPositions.length)}  recall ${pct(lenient.usedGold.size, gold.positions.length)}`);
console.log(`  stance (gold→predicted) on lenient matches: ${[...lenient.confusion].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' ')}`);
for (const by of ['own', 'writer', 'third-party']) {
  const idx = gold.positions.map((g, i) => [g, i] as const).filter(([g]) => g.attributedBy === by);
  console.log(`  recall, attributedBy ${by.padEnd(11)} ${pct(idx.filter(([, i]) => strict.usedGold.has(i)).length, idx.length)} (${idx.filter(([, i]) => strict.usedGold.has(i)).length}/${idx.length})`);
}

// ── conditions ──
const usedCond = new Set<number>();
let matchedCond = 0;
let predictedConds = 0;
let onNonConditions = 0;
for (const [id, b] of briefs) {
  for (const c of b.conditions ?? []) {
    predictedConds++;
    const { forms, person } = entityForms(b.entities, c.actor);
    let any = false;
    gold.conditions.forEach((g, gi) => {
      if (usedCond.has(gi) || g.text !== id) return;
      if (!actorMatch(forms, [g.actor, ...(g.aliases ?? [])], person)) return;
      if (!overlapsGold(c.evidence, id, spanOf(g.text, g.evidence))) return;
      usedCond.add(gi);
      any = true;
    });
    if (any) matchedCond++;
    if ((gold.nonConditions ?? []).some((n) => n.text === id && overlapsGold(c.evidence, id, spanOf(n.text, n.evidence)))) onNonConditions++;
    if (verbose && !any) console.log(`  FP condition [${id}] ${forms[0] ?? c.actor}: ${c.commitment} | IF | ${c.condition}`);
  }
}
const cP = matchedCond / (predictedConds || 1);
const cR = usedCond.size / (gold.conditions.length || 1);
console.log(`conditions precision ${pct(matchedCond, predictedConds)} (${matchedCond}/${predictedConds})  recall ${pct(usedCond.size, gold.conditions.length)} (${usedCond.size}/${gold.conditions.length})  F1 ${f1(cP, cR)}`);
const shapes = [...new Set(gold.conditions.map((g) => g.shape))].sort();
console.log(`  recall by shape: ${shapes.map((s) => { const idx = gold.conditions.map((g, i) => [g, i] as const).filter(([g]) => g.shape === s); return `${s} ${idx.filter(([, i]) => usedCond.has(i)).length}/${idx.length}`; }).join(', ')}`);
console.log(`  predicted conditions overlapping a gold non-condition: ${onNonConditions}`);
console.log(`speed ${(articles.length / seconds).toFixed(1)} texts/s (whole pipeline)`);

if (verbose) {
  gold.positions.forEach((g, i) => {
    if (!strict.usedGold.has(i)) {
      const l = lenient.matchedBy.get(i);
      console.log(`  missed position [${g.text}] ${g.actor} / ${g.issue} / ${g.stance}${l ? ` (predicted ${l.stance})` : ''}: ${g.evidence}`);
    }
  });
  gold.conditions.forEach((g, i) => {
    if (!usedCond.has(i)) console.log(`  missed condition [${g.text}] ${g.actor} (${g.shape}): ${g.evidence}`);
  });
}
