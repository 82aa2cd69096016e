// Benchmark: PLOVER event coding on the 322 gold sentences of ../shared/datasets/plover-gsr
// (CAMEO-manual example sentences coded in PLOVER 0.5b1; CC BY-SA 4.0, read in place, never copied).
// Prints category accuracy, macro-F1 over categories, source/target actor match, sentences/s.
// Development figures (the rules were written against these sentences). Lenient on actors: one
// shared word with the gold actor text is a match; the output says so beside the figures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { buildDoc } from '../src/text/doc.js';
import { codeDocSentences } from '../src/events/index.js';
import { textArticle } from './lib/article.js';

interface GoldActor { actorText?: string }
interface GoldRecord {
  id: string;
  event: string;
  mode?: string;
  text: string;
  source?: GoldActor[] | string;
  target?: GoldActor[] | string;
}

const file = join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'plover-gsr', 'PLOVER_GSR_CAMEO.txt');
if (!existsSync(file)) {
  console.log(`bench:events: gold set not found at ${file}; skipping.`);
  process.exit(0);
}
const records = (JSON.parse(readFileSync(file, 'utf8')) as GoldRecord[]).filter((r) => r.event !== 'DOCUMENT');

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'its', 'their', "'s", 's', 'from', 'to', 'on', 'for']);
function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP.has(w)));
}
function actorTexts(a: GoldActor[] | string | undefined): string[] {
  if (!Array.isArray(a)) return [];
  return a.map((x) => x.actorText ?? '').filter((s) => s.trim() !== '');
}
function overlaps(predicted: string | null, gold: string[]): boolean {
  if (!predicted) return false;
  const p = words(predicted);
  return gold.some((g) => [...words(g)].some((w) => p.has(w)));
}

const verbose = process.argv.includes('--verbose');
// Doc building (wink-nlp) is timed apart from the coder.
const docStarted = performance.now();
const docs = records.map((r) => buildDoc(textArticle(r.id, r.text)));
const docSeconds = (performance.now() - docStarted) / 1000;
const started = performance.now();
const codedAll = docs.map((d) => codeDocSentences(d));
const seconds = (performance.now() - started) / 1000;
let correct = 0;
let modeRight = 0;
let modeTotal = 0;
let srcHit = 0;
let srcTotal = 0;
let tgtHit = 0;
let tgtTotal = 0;
let noEvent = 0;
const confusion = new Map<string, Map<string, number>>();
const predictions: { gold: string; predicted: string }[] = [];
for (const [n, r] of records.entries()) {
  const coded = codedAll[n];
  const first = coded.find((c) => c.event.main) ?? coded[0];
  const predicted = first ? first.event.category : 'NONE';
  if (!first) noEvent++;
  predictions.push({ gold: r.event, predicted });
  if (predicted === r.event) correct++;
  const row = confusion.get(r.event) ?? new Map<string, number>();
  row.set(predicted, (row.get(predicted) ?? 0) + 1);
  confusion.set(r.event, row);
  if (r.mode) {
    modeTotal++;
    if (first && first.event.mode === r.mode) modeRight++;
  }
  const gs = actorTexts(r.source);
  const gt = actorTexts(r.target);
  if (gs.length) {
    srcTotal++;
    if (overlaps(first?.sourceText ?? null, gs)) srcHit++;
  }
  if (gt.length) {
    tgtTotal++;
    if (overlaps(first?.targetText ?? null, gt)) tgtHit++;
  }
  if (verbose && predicted !== r.event) console.log(`${r.event} → ${predicted} [${first?.triggerText ?? ''}] ${r.text.slice(0, 120)}`);
}

const categories = [...new Set(records.map((r) => r.event))].sort();
let f1Sum = 0;
const perCategory: string[] = [];
for (const c of categories) {
  const tp = predictions.filter((p) => p.gold === c && p.predicted === c).length;
  const fp = predictions.filter((p) => p.gold !== c && p.predicted === c).length;
  const fn = predictions.filter((p) => p.gold === c && p.predicted !== c).length;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  f1Sum += f1;
  perCategory.push(`  ${c.padEnd(12)} n=${String(tp + fn).padStart(3)}  P=${precision.toFixed(2)} R=${recall.toFixed(2)} F1=${f1.toFixed(2)}`);
}
const n = records.length;
console.log(`bench:events — PLOVER gold standard records (${n} sentences, ${file})`);
console.log('DEVELOPMENT figures: the coder\'s rules were written while reading these sentences and their errors; there is no held-out set.');
console.log('leniency: a source or target actor counts as matched when it shares one word (stop words aside) with a gold actor text; categories and modes must match exactly.');
console.log(perCategory.join('\n'));
console.log(`category accuracy     ${(correct / n).toFixed(3)}  (${correct}/${n}; no event found: ${noEvent})`);
console.log(`macro-F1 (categories) ${(f1Sum / categories.length).toFixed(3)}  over ${categories.length} categories`);
console.log(`mode accuracy         ${modeTotal ? (modeRight / modeTotal).toFixed(3) : 'n/a'}  (${modeRight}/${modeTotal} records with a gold mode)`);
console.log(`source actor match    ${(srcHit / srcTotal).toFixed(3)}  (${srcHit}/${srcTotal}; word overlap with gold actorText)`);
console.log(`target actor match    ${(tgtHit / tgtTotal).toFixed(3)}  (${tgtHit}/${tgtTotal})`);
console.log(`speed                 ${(n / seconds).toFixed(0)} sentences/s coded (${seconds.toFixed(2)} s); ${(n / (seconds + docSeconds)).toFixed(0)} sentences/s with Doc building`);
if (process.argv.includes('--confusion')) {
  for (const [g, row] of confusion) console.log(`  ${g.padEnd(12)} ${[...row].sort((a, b) => b[1] - a[1]).map(([p, k]) => `${p}:${k}`).join(' ')}`);
}
