// bench:time — time expressions on MEANTIME English (120 Wikinews articles, 370 TIMEX3 with
// token anchors). Each document's creation time is the article's publication date, as TIMEX3
// evaluation does. Gold data stays in ../shared/datasets.
//
// Scoring (TempEval-3 style): detection precision/recall/F1, strict (same offsets) and relaxed
// (any overlap, one-to-one); value accuracy over the relaxed matches; value F1 where a hit needs
// overlap and the exact value. Expressions the system finds inside the dateline that MEANTIME
// marks as the creation time are not scored: that line is the anchor, not a text expression.
// MEANTIME's TIMEX3 layer covers only the first sentences of each document (headline, dateline
// and the first body sentences; the bench prints the limit it finds in the gold): system
// expressions after that sentence are not scored either, as nobody annotated there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/util/data.js';
import { buildDoc, type Doc } from '../src/text/doc.js';
import { annotateTimes } from '../src/time/index.js';
import type { Article } from '../src/types.js';
import { rebuildMeantimeText } from './lib/meantime.js';
import { textArticle } from './lib/article.js';

const DIR = join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'meantime-en', 'intra_cross-doc_annotation');

interface GoldTimex {
  start: number;
  end: number;
  value: string;
  type: string;
}
interface GoldDoc {
  id: string;
  text: string;
  dct: string | null;
  /** Offsets of the creation-time expression (the dateline), excluded from scoring. */
  dctSpan: { start: number; end: number } | null;
  timexes: GoldTimex[];
  /** Start offset of each MEANTIME sentence. */
  sentenceStarts: number[];
  /** Highest sentence number holding a gold time expression. */
  lastTimexSentence: number;
}


function attr(attrs: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
}

/** A DCT written day-month-year ("03-02-2009" for 3 February) in one file: read as such. */
function normaliseDct(v: string | null): string | null {
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** A gold document: its text rebuilt from tokens, creation time and time expressions. */
function parse(path: string): GoldDoc {
  const xml = readFileSync(path, 'utf8');
  const { id, text, tokens, sentenceStarts } = rebuildMeantimeText(xml, path);
  const timexes: (GoldTimex & { creation: boolean; sentence: number })[] = [];
  let dct: string | null = null;
  let dctSpan: { start: number; end: number } | null = null;
  const timexRe = /<TIMEX3 ([^>]*?)(\/>|>([\s\S]*?)<\/TIMEX3>)/g;
  for (let m = timexRe.exec(xml); m; m = timexRe.exec(xml)) {
    const attrs = m[1];
    const anchors = [...(m[3] ?? '').matchAll(/t_id="(\d+)"/g)].map((a) => tokens.get(a[1])).filter((t) => t !== undefined);
    const creation = attr(attrs, 'functionInDocument') === 'CREATION_TIME';
    const value = attr(attrs, 'value') ?? '';
    if (creation) {
      dct = normaliseDct(value);
      if (anchors.length > 0) dctSpan = { start: Math.min(...anchors.map((a) => a.start)), end: Math.max(...anchors.map((a) => a.end)) };
      continue;
    }
    // Expressions with no tokens (implicit times) are not in the text to be found.
    if (anchors.length === 0) continue;
    timexes.push({
      start: Math.min(...anchors.map((a) => a.start)),
      end: Math.max(...anchors.map((a) => a.end)),
      value,
      type: attr(attrs, 'type') ?? '',
      creation,
      sentence: anchors[0].sentence,
    });
  }
  // Two documents have no CREATION_TIME: their dateline expression (sentence 1) is gold text and
  // its value serves as the creation time.
  if (!dct) {
    const dateline = timexes.find((t) => t.sentence === 1 && /^\d{4}-\d{2}-\d{2}/.test(t.value));
    dct = dateline ? dateline.value.slice(0, 10) : null;
  }
  const lastTimexSentence = Math.max(-1, ...timexes.map((t) => t.sentence));
  return { id, text, dct, dctSpan, sentenceStarts, lastTimexSentence, timexes: timexes.map(({ start, end, value, type }) => ({ start, end, value, type })) };
}

function prf(tp: number, sys: number, gold: number): { p: number; r: number; f: number } {
  const p = sys ? tp / sys : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function fmt(x: { p: number; r: number; f: number }): string {
  return `P ${x.p.toFixed(3)}  R ${x.r.toFixed(3)}  F1 ${x.f.toFixed(3)}`;
}

function main(): void {
  if (!existsSync(DIR)) {
    console.log(`bench:time: ${DIR} not found; skipping (the MEANTIME corpus lives in ../shared/datasets).`);
    return;
  }
  const files = readdirSync(DIR).flatMap((topic) =>
    readdirSync(join(DIR, topic)).filter((f) => f.endsWith('.xml')).map((f) => join(DIR, topic, f)),
  );
  const golds = files.sort().map(parse);
  const docs: Doc[] = golds.map((g) => {
    return buildDoc(textArticle(g.id, g.text, { published: g.dct, publishedBasis: g.dct ? 'metadata' : null }));
  });
  // Timed: the time stage alone (Docs are built beforehand), each document on its own as the
  // creation times differ.
  const t0 = performance.now();
  const times = docs.map((d) => annotateTimes([d]).times[0]);
  const seconds = (performance.now() - t0) / 1000;

  const annotatedThrough = Math.max(...golds.map((g) => g.lastTimexSentence));
  let goldN = 0, sysN = 0, strictTp = 0, overlapTp = 0, valueOk = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  const spurious: string[] = [];
  const spans: string[] = [];
  const byType = new Map<string, { gold: number; hit: number; ok: number }>();
  golds.forEach((g, i) => {
    const limit = g.sentenceStarts[annotatedThrough + 1] ?? Infinity;
    const sys = times[i].filter((t) => t.start < limit && !(g.dctSpan && t.start < g.dctSpan.end && g.dctSpan.start < t.end));
    goldN += g.timexes.length;
    sysN += sys.length;
    const used = new Set<number>();
    for (const gt of g.timexes) {
      const row = byType.get(gt.type) ?? { gold: 0, hit: 0, ok: 0 };
      byType.set(gt.type, row);
      row.gold++;
      // Prefer the exact span, then the largest overlap.
      let best = -1;
      let bestScore = 0;
      sys.forEach((s, k) => {
        if (used.has(k) || s.end <= gt.start || gt.end <= s.start) return;
        const score = s.start === gt.start && s.end === gt.end ? 1e9 : Math.min(s.end, gt.end) - Math.max(s.start, gt.start);
        if (score > bestScore) {
          best = k;
          bestScore = score;
        }
      });
      const gtText = g.text.slice(gt.start, gt.end);
      if (best < 0) {
        misses.push(`${g.dct}  ${gt.type} ${gt.value}  "${gtText}"`);
        continue;
      }
      used.add(best);
      const s = sys[best];
      overlapTp++;
      row.hit++;
      if (s.start === gt.start && s.end === gt.end) strictTp++;
      else spans.push(`gold "${gtText}"  got "${s.text}"`);
      if (s.value === gt.value) {
        valueOk++;
        row.ok++;
      } else wrong.push(`${g.dct}  gold ${gt.value} "${gtText}"  got ${s.value} "${s.text}"`);
    }
    sys.forEach((s, k) => {
      if (!used.has(k)) spurious.push(`${g.dct}  ${s.type} ${s.value} "${s.text}"`);
    });
  });

  console.log(`bench:time — MEANTIME English: ${golds.length} documents, ${goldN} gold time expressions, ${sysN} found`);
  console.log(`(gold time expressions lie in sentences 0–${annotatedThrough} of each document; only those sentences are scored)`);
  console.log(`detection strict   ${fmt(prf(strictTp, sysN, goldN))}`);
  console.log(`detection overlap  ${fmt(prf(overlapTp, sysN, goldN))}`);
  console.log(`value accuracy of detected  ${(overlapTp ? valueOk / overlapTp : 0).toFixed(3)}  (${valueOk}/${overlapTp})`);
  console.log(`value              ${fmt(prf(valueOk, sysN, goldN))}   (bar 0.80; HeidelTime ≈ 0.78 on TempEval-3)`);
  for (const [type, row] of [...byType].sort()) {
    console.log(`  ${type.padEnd(9)} gold ${String(row.gold).padStart(3)}  found ${String(row.hit).padStart(3)}  right value ${String(row.ok).padStart(3)}`);
  }
  const allFound = times.reduce((n, t) => n + t.length, 0);
  console.log(`speed  ${(allFound / seconds).toFixed(0)} expressions/s (${allFound} in whole documents), ${(docs.length / seconds).toFixed(1)} documents/s (time stage only, ${seconds.toFixed(2)} s)`);
  if (process.argv.includes('--errors')) {
    console.log(`\nmissed (${misses.length}):\n  ${misses.join('\n  ')}`);
    console.log(`\nwrong value (${wrong.length}):\n  ${wrong.join('\n  ')}`);
    console.log(`\nspurious (${spurious.length}):\n  ${spurious.join('\n  ')}`);
    console.log(`\nspan differs (${spans.length}):\n  ${spans.join('\n  ')}`);
  }
}

main();
