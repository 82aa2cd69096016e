// Discrepancy benchmark on our own fictional gold set (bench/gold/compare, see its README): run the
// pipeline on each set folder as its own batch, locate every gold claim in the ingested text, and
// score the discrepancies the brief shows by default (those marked uncertain are counted apart).
// `--errors` lists the missed gold items. A prediction matches a gold item when its claims overlap the gold
// claim spans in at least two different articles (strict: overlapping at least two different values).
// The kind of discrepancy is not compared. Development figures; the output states both.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brief } from '../src/pipeline.js';
import type { Article, Discrepancy } from '../src/types.js';

interface GoldClaim {
  article: string;
  text: string;
  value: string;
}
interface GoldItem {
  set: string;
  kind?: string;
  topic: string;
  claims: GoldClaim[];
}
interface Gold {
  discrepancies: GoldItem[];
  nonConflicts: GoldItem[];
}
interface Located extends GoldClaim {
  start: number;
  end: number;
}

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dir = join(root, 'bench', 'gold', 'compare');
if (!existsSync(join(dir, 'gold.json'))) {
  console.log(`bench:compare: gold set not found at ${dir}; skipped.`);
  process.exit(0);
}
const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
const sets = [...new Set(gold.discrepancies.map((d) => d.set))].sort();

function locate(items: GoldItem[], articles: Map<string, Article>, missing: string[]): (GoldItem & { located: Located[] })[] {
  return items.map((item) => {
    const located: Located[] = [];
    for (const c of item.claims) {
      const text = articles.get(c.article)?.text;
      const at = text ? text.indexOf(c.text) : -1;
      if (!text || at < 0 || text.indexOf(c.text, at + 1) >= 0) {
        missing.push(`${c.article}: "${c.text}"`);
        continue;
      }
      located.push({ ...c, start: at, end: at + c.text.length });
    }
    return { ...item, located };
  });
}

/** The gold claims a prediction overlaps. */
function overlapped(d: Discrepancy, claims: Located[]): Located[] {
  return claims.filter((g) => d.claims.some((c) => c.article === g.article && c.start < g.end && g.start < c.end));
}
function matches(d: Discrepancy, item: { located: Located[] }, strict: boolean): boolean {
  const hit = overlapped(d, item.located);
  if (new Set(hit.map((g) => g.article)).size < 2) return false;
  return !strict || new Set(hit.map((g) => g.value)).size >= 2;
}

const totals = { predicted: 0, matched: 0, matchedStrict: 0, gold: 0, found: 0, foundStrict: 0, duplicates: 0 };
const byKind = new Map<string, { gold: number; found: number }>();
const bySet: string[] = [];
const traps: string[] = [];
const falsePositives: string[] = [];
const missing: string[] = [];
const started = Date.now();
const missed: string[] = [];
const showErrors = process.argv.includes('--errors');
let uncertainCount = 0;
let uncertainRight = 0;

for (const set of sets) {
  let predicted: Discrepancy[] = [];
  let uncertain: Discrepancy[] = [];
  let articles = new Map<string, Article>();
  try {
    const b = await brief([join(dir, set)]);
    // What a reader sees by default: items under the confidence threshold are collapsed as uncertain.
    predicted = (b.discrepancies ?? []).filter((d) => !d.uncertain);
    uncertain = (b.discrepancies ?? []).filter((d) => d.uncertain);
    articles = new Map(b.articles.map((a) => [a.id, a]));
  } catch (err) {
    console.log(`${set}: the pipeline failed: ${(err as Error).message}`);
  }
  const items = locate(gold.discrepancies.filter((d) => d.set === set), articles, missing);
  const nonConflicts = locate(gold.nonConflicts.filter((d) => d.set === set), articles, missing);
  const foundBy = new Set<number>();
  let setFound = 0;
  for (const d of uncertain) {
    uncertainCount++;
    if (items.some((item) => matches(d, item, false))) uncertainRight++;
  }
  for (const d of predicted) {
    totals.predicted++;
    const hits = items.map((item, i) => (matches(d, item, false) ? i : -1)).filter((i) => i >= 0);
    if (hits.length > 0) {
      totals.matched++;
      if (items.some((item) => matches(d, item, true))) totals.matchedStrict++;
      if (hits.every((i) => foundBy.has(i))) totals.duplicates++;
      hits.forEach((i) => foundBy.add(i));
    } else {
      const trap = nonConflicts.find((n) => matches(d, n, false));
      if (trap) traps.push(`${set}: "${d.topic}" (trap: ${trap.topic})`);
      else falsePositives.push(`${set}: "${d.topic}"`);
    }
  }
  items.forEach((item, i) => {
    if (!foundBy.has(i)) missed.push(`${set}: ${item.kind} "${item.topic}"`);
    const k = item.kind ?? '?';
    if (!byKind.has(k)) byKind.set(k, { gold: 0, found: 0 });
    byKind.get(k)!.gold++;
    totals.gold++;
    if (foundBy.has(i)) {
      byKind.get(k)!.found++;
      totals.found++;
      setFound++;
    }
    if (predicted.some((d) => matches(d, item, true))) totals.foundStrict++;
  });
  bySet.push(`  ${set.padEnd(20)} ${setFound}/${items.length} found, ${predicted.length} predicted`);
}

const pct = (x: number, n: number): string => (n === 0 ? '—' : `${((100 * x) / n).toFixed(1)}%`);
const f1 = (p: number, r: number): string => (p + r === 0 ? '—' : ((2 * p * r) / (p + r)).toFixed(3));
const p = totals.predicted ? totals.matched / totals.predicted : 0;
const r = totals.gold ? totals.found / totals.gold : 0;
const ps = totals.predicted ? totals.matchedStrict / totals.predicted : 0;
const rs = totals.gold ? totals.foundStrict / totals.gold : 0;
console.log(`bench:compare — ${sets.length} sets, ${totals.gold} gold discrepancies, ${gold.nonConflicts.length} non-conflicts (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log('  DEVELOPMENT figures: the detectors were written while reading these sets and their errors; there is no held-out set.');
console.log('  leniency: a prediction matches a gold discrepancy when its claims overlap the gold claims in two articles; the discrepancy\'s kind is ignored (recall by kind is by the gold item\'s kind), and only "strict" also needs two different gold values.');
console.log(`  precision ${pct(totals.matched, totals.predicted)} (${totals.matched}/${totals.predicted})   recall ${pct(totals.found, totals.gold)} (${totals.found}/${totals.gold})   F1 ${f1(p, r)}`);
console.log(`  strict:   precision ${pct(totals.matchedStrict, totals.predicted)}   recall ${pct(totals.foundStrict, totals.gold)}   F1 ${f1(ps, rs)}`);
console.log(`  duplicate predictions: ${totals.duplicates}`);
console.log('  recall by kind:');
for (const [k, v] of [...byKind].sort()) console.log(`    ${k.padEnd(10)} ${v.found}/${v.gold}`);
console.log('  by set:');
for (const line of bySet) console.log(line);
if (traps.length) console.log(`  predictions on non-conflicts (${traps.length}):\n    ${traps.join('\n    ')}`);
if (falsePositives.length) console.log(`  other unmatched predictions (${falsePositives.length}):\n    ${falsePositives.join('\n    ')}`);
console.log(`  uncertain (collapsed, not counted above): ${uncertainCount}, of which real ${uncertainRight}`);
if (showErrors && missed.length) console.log(`  missed (${missed.length}):\n    ${missed.join('\n    ')}`);
if (missing.length) console.log(`  gold claims not found in the ingested text (${missing.length}):\n    ${missing.slice(0, 20).join('\n    ')}`);
