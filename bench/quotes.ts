// bench:quotes — quotes/ against the gold set in bench/gold/quotes (fixture texts of our own plus
// hand annotations of MEANTIME Wikinews documents, read from ../shared/datasets by id and offsets).
// Prints precision, recall, speaker accuracy, partial and scare-quote handling, cue agreement,
// cross-outlet statement grouping and speed. `--errors` lists every miss.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildDoc, type Doc } from '../src/text/doc.js';
import type { Article } from '../src/types.js';
import type { ArticleEntities } from '../src/annotations.js';
import { findEntities } from '../src/entities/index.js';
import { resolveEntities } from '../src/resolve/index.js';
import { findQuotesDetailed, assembleQuotes, type DetailedQuote } from '../src/quotes/index.js';
import { loadMeantime } from './gold/quotes/meantime.js';
import { textArticle } from './lib/article.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldDir = join(root, 'bench', 'gold', 'quotes');
const meantimeDir = join(root, '..', 'shared', 'datasets', 'meantime-en', 'intra_cross-doc_annotation');
const zyteFile = join(root, '..', 'shared', 'datasets', 'article-extraction-benchmark', 'ground-truth.json');
const showErrors = process.argv.includes('--errors');

type Pair = [number, number];
interface GoldQuote {
  start: number;
  end: number;
  partial: boolean;
  /** Spans naming the speaker anywhere in the text; null for an anonymous or unattributed quote. */
  who: Pair[] | null;
  speakerText: Pair | null;
  cue: Pair | null;
  statement: string | null;
}
interface GoldDoc {
  id: string;
  outlet: string | null;
  text: string;
  quotes: GoldQuote[];
  notQuotes: Pair[];
  fixture: boolean;
  heldOut?: boolean;
  set?: string;
}

const MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '„']);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function occurrences(text: string, s: string): Pair[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc(s)}(?![\\p{L}\\p{N}])`, 'gu');
  const out: Pair[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The nth place where `s` stands right after a quote mark. */
function locateQuoted(text: string, s: string, nth: number): Pair {
  const found: Pair[] = [];
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
    let k = at - 1;
    while (k >= 0 && text[k] === ' ') k--;
    if (k >= 0 && MARKS.has(text[k])) found.push([at, at + s.length]);
  }
  if (!found[nth]) throw new Error(`gold: cannot find quoted "${s.slice(0, 40)}"`);
  return found[nth];
}

function nearest(text: string, s: string, q: Pair): Pair {
  const c = occurrences(text, s).filter(([a, b]) => !(a >= q[0] && b <= q[1]));
  if (c.length === 0) throw new Error(`gold: cannot find "${s}" near "${text.slice(q[0], q[0] + 30)}"`);
  const dist = ([a, b]: Pair) => (a >= q[1] ? a - q[1] : q[0] - b);
  return c.sort((x, y) => dist(x) - dist(y))[0];
}

interface FixtureQuote {
  text: string;
  nth?: number;
  partial?: boolean;
  speaker: string[] | null;
  speakerText: string | null;
  cue: string | null;
  statement?: string;
}

function loadFixtures(): GoldDoc[] {
  const gold = JSON.parse(readFileSync(join(goldDir, 'fixtures.gold.json'), 'utf8')) as {
    docs: { file: string; outlet: string; quotes: FixtureQuote[]; notQuotes: string[] }[];
  };
  return gold.docs.map((d) => {
    const text = readFileSync(join(goldDir, 'texts', d.file), 'utf8');
    const spans = d.quotes.map((q) => locateQuoted(text, q.text, q.nth ?? 0));
    const inAnyQuote = ([a, b]: Pair) => spans.some(([s, e]) => a >= s && b <= e);
    const quotes = d.quotes.map((q, i): GoldQuote => ({
      start: spans[i][0],
      end: spans[i][1],
      partial: q.partial ?? false,
      who: q.speaker ? q.speaker.flatMap((f) => occurrences(text, f)).filter((p) => !inAnyQuote(p)) : null,
      speakerText: q.speakerText ? nearest(text, q.speakerText, spans[i]) : null,
      cue: q.cue ? nearest(text, q.cue, spans[i]) : null,
      statement: q.statement ?? null,
    }));
    const notQuotes = d.notQuotes.map((s) => locateQuoted(text, s, 0));
    return { id: d.file.replace(/\.txt$/, ''), outlet: d.outlet, text, quotes, notQuotes, fixture: true };
  });
}

function loadMeantimeGold(file: string, tag: string): GoldDoc[] | null {
  if (!existsSync(meantimeDir)) return null;
  const docs = loadMeantime(meantimeDir);
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as {
    docs: { id: string; length: number; quotes: { start: number; end: number; partial: boolean; speaker: Pair[] | null; speakerText: Pair | null; cue: Pair | null }[]; notQuotes: Pair[] }[];
  };
  return gold.docs.map((d) => {
    const doc = docs.get(d.id);
    if (!doc) throw new Error(`meantime document ${d.id} missing`);
    if (doc.text.length !== d.length) throw new Error(`meantime document ${d.id}: rebuilt text is ${doc.text.length} long, gold expects ${d.length}`);
    return {
      id: `${tag}-${d.id}`,
      outlet: 'Wikinews',
      text: doc.text,
      quotes: d.quotes.map((q) => ({ start: q.start, end: q.end, partial: q.partial, who: q.speaker, speakerText: q.speakerText, cue: q.cue, statement: null })),
      notQuotes: d.notQuotes,
      fixture: false,
      heldOut: tag.startsWith('heldout'),
      set: tag,
    };
  });
}

/** Real news pages: the benchmark's gold article bodies, annotated by page id and offsets. */
function loadZyteGold(file: string, set: string): GoldDoc[] | null {
  if (!existsSync(zyteFile)) return null;
  const pages = JSON.parse(readFileSync(zyteFile, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as {
    docs: { id: string; length: number; quotes: { start: number; end: number; partial: boolean; speaker: Pair[] | null; speakerText: Pair | null; cue: Pair | null }[]; notQuotes: Pair[] }[];
  };
  return gold.docs.map((d) => {
    const text = pages[d.id]?.articleBody;
    if (text === undefined || text.length !== d.length) throw new Error(`zyte page ${d.id.slice(0, 8)} missing or changed`);
    return {
      id: `news-${d.id.slice(0, 8)}`,
      outlet: new URL(pages[d.id].url).hostname,
      text,
      quotes: d.quotes.map((q) => ({ start: q.start, end: q.end, partial: q.partial, who: q.speaker, speakerText: q.speakerText, cue: q.cue, statement: null })),
      notQuotes: d.notQuotes,
      fixture: false,
      heldOut: true,
      set,
    };
  });
}

function article(g: GoldDoc): Article {
  return textArticle(g.id, g.text, { outlet: g.outlet });
}

const overlaps = (a: Pair, b: Pair) => a[0] < b[1] && b[0] < a[1];
function jaccard(a: Pair, b: Pair): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  return inter / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
}
/** Exact up to trailing punctuation inside the marks (“…,” vs “…”). */
function sameSpan(text: string, a: Pair, b: Pair): boolean {
  const norm = ([s, e]: Pair) => text.slice(s, e).replace(/[\s,.;:]+$/, '');
  return a[0] === b[0] && norm(a) === norm(b);
}

interface Tally {
  gold: number;
  pred: number;
  matched: number;
  exact: number;
  speakerOk: number;
  speakerByKind: Record<string, [number, number]>;
  partialOk: number;
  partialGold: number;
  partialFound: number;
  cueGold: number;
  cueOk: number;
  notQuotes: number;
  notQuotesKept: number;
}

function emptyTally(): Tally {
  return { gold: 0, pred: 0, matched: 0, exact: 0, speakerOk: 0, speakerByKind: { named: [0, 0], anonymous: [0, 0], unattributed: [0, 0] }, partialOk: 0, partialGold: 0, partialFound: 0, cueGold: 0, cueOk: 0, notQuotes: 0, notQuotesKept: 0 };
}

function speakerCorrect(g: GoldQuote, p: DetailedQuote, ents: ArticleEntities, text: string): boolean {
  if (g.who) {
    const spans: Pair[] = [];
    if (p.referent) spans.push([p.referent.start, p.referent.end]);
    if (p.speaker) for (const m of ents.mentions) if (m.entity === p.speaker) spans.push([m.start, m.end]);
    if (spans.some((s) => g.who!.some((w) => overlaps(s, w)))) return true;
    // The speaker's surname alone names them too ("Tolliver said" for Rebecca Tolliver).
    const surnames = new Set(g.who.map(([a, b]) => text.slice(a, b).trim().split(/\s+/).pop()!.toLowerCase()));
    return spans.some(([a, b]) => surnames.has(text.slice(a, b).trim().toLowerCase()));
  }
  if (g.speakerText) return p.speaker === null && p.referent === null && !!p.speakerSpan && overlaps([p.speakerSpan.start, p.speakerSpan.end], g.speakerText);
  return p.speakerSpan === null;
}

function score(g: GoldDoc, doc: Doc, ents: ArticleEntities, predicted: DetailedQuote[], t: Tally, label: string, errors: string[]): Map<number, number> {
  t.gold += g.quotes.length;
  t.pred += predicted.length;
  const used = new Set<number>();
  const matchOf = new Map<number, number>();
  // Greedy one-to-one matching by overlap (Jaccard ≥ 0.5).
  const pairs: [number, number, number][] = [];
  g.quotes.forEach((q, i) => predicted.forEach((p, j) => {
    const jc = jaccard([q.start, q.end], [p.start, p.end]);
    if (jc >= 0.5) pairs.push([jc, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0]);
  for (const [, i, j] of pairs) {
    if (matchOf.has(i) || used.has(j)) continue;
    matchOf.set(i, j);
    used.add(j);
  }
  const snip = (a: number, b: number) => JSON.stringify(g.text.slice(a, b).slice(0, 70));
  g.quotes.forEach((q, i) => {
    const j = matchOf.get(i);
    const kind = q.who ? 'named' : q.speakerText ? 'anonymous' : 'unattributed';
    if (q.partial) t.partialGold++;
    if (j === undefined) {
      errors.push(`${label} MISS ${snip(q.start, q.end)}`);
      return;
    }
    const p = predicted[j];
    t.matched++;
    if (sameSpan(g.text, [q.start, q.end], [p.start, p.end])) t.exact++;
    else errors.push(`${label} SPAN gold ${snip(q.start, q.end)} got ${snip(p.start, p.end)}`);
    const ok = speakerCorrect(q, p, ents, g.text);
    t.speakerByKind[kind][1]++;
    if (ok) {
      t.speakerOk++;
      t.speakerByKind[kind][0]++;
    } else {
      const goldWho = q.who ? q.who.map(([a, b]) => g.text.slice(a, b))[0] : q.speakerText ? `anon:${g.text.slice(q.speakerText[0], q.speakerText[1])}` : 'none';
      const got = p.referent ? g.text.slice(p.referent.start, p.referent.end) : p.speakerText ? `anon:${p.speakerText}` : 'none';
      errors.push(`${label} SPEAKER ${snip(q.start, q.end)} gold=${goldWho} got=${got} (words: ${p.speakerText})`);
    }
    if (p.partial === q.partial) t.partialOk++;
    else errors.push(`${label} PARTIAL ${snip(q.start, q.end)} gold=${q.partial} got=${p.partial}`);
    if (q.partial && p.partial) t.partialFound++;
    if (q.cue) {
      t.cueGold++;
      if (p.cueSpan && overlaps([p.cueSpan.start, p.cueSpan.end], q.cue)) t.cueOk++;
    }
  });
  predicted.forEach((p, j) => {
    if (!used.has(j)) errors.push(`${label} FALSE ${snip(p.start, p.end)}${g.notQuotes.some((n) => overlaps(n, [p.start, p.end])) ? ' (a scare quote / term)' : ''}`);
  });
  for (const n of g.notQuotes) {
    t.notQuotes++;
    if (!predicted.some((p) => overlaps(n, [p.start, p.end]))) t.notQuotesKept++;
  }
  void doc;
  return matchOf;
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));

function report(name: string, t: Tally): void {
  const p = t.matched / t.pred;
  const r = t.matched / t.gold;
  console.log(`\n${name}`);
  console.log(`  quotes: gold ${t.gold}, found ${t.pred}, matched ${t.matched} (span overlap ≥ 0.5)`);
  console.log(`  precision ${pct(t.matched, t.pred)}  recall ${pct(t.matched, t.gold)}  F1 ${(2 * p * r / (p + r)).toFixed(3)}   exact-span share of matches ${pct(t.exact, t.matched)}`);
  console.log(`  speaker accuracy ${pct(t.speakerOk, t.matched)}  (named ${t.speakerByKind.named.join('/')}, anonymous ${t.speakerByKind.anonymous.join('/')}, unattributed ${t.speakerByKind.unattributed.join('/')})`);
  console.log(`  partial flag accuracy ${pct(t.partialOk, t.matched)}  partial recall ${pct(t.partialFound, t.partialGold)}   scare quotes/terms left out ${t.notQuotesKept}/${t.notQuotes} (${pct(t.notQuotesKept, t.notQuotes)})`);
  console.log(`  cue found on ${pct(t.cueOk, t.cueGold)} of quotes with a gold cue`);
}

function main(): void {
  const fixtures = loadFixtures();
  const meantime = loadMeantimeGold('meantime.gold.json', 'meantime');
  const heldOut1 = loadMeantimeGold('meantime-heldout.gold.json', 'heldout');
  const heldOut2 = loadMeantimeGold('meantime-heldout2.gold.json', 'heldout2');
  const news1 = loadZyteGold('zyte-news.gold.json', 'news');
  const news2 = loadZyteGold('zyte-news2.gold.json', 'news2');
  const news3 = loadZyteGold('zyte-news3.gold.json', 'news3');
  const news = news1 && news2 && news3 ? [...news1, ...news2, ...news3] : null;
  const heldOut = heldOut1 && heldOut2 ? [...heldOut1, ...heldOut2, ...(news ?? [])] : news;
  if (!meantime) console.log(`(${meantimeDir} not found: scoring the fixture texts only)`);
  const all = [...fixtures, ...(meantime ?? []), ...(heldOut ?? [])];
  const docs = all.map((g) => buildDoc(article(g)));
  const ents = docs.map((d) => {
    try {
      return findEntities(d);
    } catch {
      return { article: d.article.id, mentions: [], entities: [] } as ArticleEntities;
    }
  });
  const none = docs.map((d) => ({ article: d.article.id, mentions: [], entities: [] }) as ArticleEntities);

  const tallies = { all: emptyTally(), fixtures: emptyTally(), meantime: emptyTally(), heldOut: emptyTally(), heldOut2: emptyTally(), news: emptyTally(), news2: emptyTally(), news3: emptyTally(), alone: emptyTally() };
  const errors: string[] = [];
  const predictedAll: DetailedQuote[][] = [];
  const matches: Map<number, number>[] = [];
  all.forEach((g, i) => {
    const predicted = findQuotesDetailed(docs[i], ents[i]);
    predictedAll.push(predicted);
    matches.push(score(g, docs[i], ents[i], predicted, tallies.all, g.id, errors));
    score(g, docs[i], ents[i], predicted, g.fixture ? tallies.fixtures : g.set === 'heldout2' ? tallies.heldOut2 : g.set === 'news' ? tallies.news : g.set === 'news2' ? tallies.news2 : g.set === 'news3' ? tallies.news3 : g.heldOut ? tallies.heldOut : tallies.meantime, g.id, []);
    score(g, docs[i], none[i], findQuotesDetailed(docs[i], none[i]), tallies.alone, g.id, []);
  });

  console.log(`bench:quotes — ${all.length} texts (${fixtures.length} fixtures, ${meantime?.length ?? 0} MEANTIME, ${(heldOut?.length ?? 0) - (news?.length ?? 0)} MEANTIME held out, ${news?.length ?? 0} real news pages held out), ${tallies.all.gold} gold quotes, ${tallies.all.notQuotes} scare quotes/terms`);
  report('ALL (with the entities stage)', tallies.all);
  report('  fixtures', tallies.fixtures);
  if (meantime) report('  MEANTIME (Wikinews), tuned on', tallies.meantime);
  if (heldOut) {
    report('  MEANTIME held out #1 (annotated after the first tuning round; its errors then informed a second round)', tallies.heldOut);
    report('  MEANTIME held out #2 (annotated and committed before it was first scored)', tallies.heldOut2);
  }
  if (news) {
    report('  real news pages #1 (Zyte gold bodies; committed before first scored, then informed a third round)', tallies.news);
    report('  real news pages #2 (Zyte gold bodies; committed after the third round, before first scored, then informed a fourth)', tallies.news2);
    report('  real news pages #3 (Zyte gold bodies; committed after the fourth round, before first scored)', tallies.news3);
  }
  report('ALL, quotes stage alone (no entity mentions)', tallies.alone);

  // Statements across outlets, on the fixture set (one story told by several outlets).
  const fixtureIdx = all.map((g, i) => (g.fixture ? i : -1)).filter((i) => i >= 0);
  const fDocs = fixtureIdx.map((i) => docs[i]);
  const resolved = resolveEntities(fixtureIdx.map((i) => ents[i]), fDocs);
  const assembled = assembleQuotes(fDocs, fixtureIdx.map((i) => predictedAll[i]), resolved);
  const offsetOf: number[] = [];
  let running = 0;
  for (const i of fixtureIdx) {
    offsetOf.push(running);
    running += predictedAll[i].length;
  }
  const goldItems: { statement: string | null; article: number; pred: number | null }[] = [];
  fixtureIdx.forEach((i, k) => {
    all[i].quotes.forEach((q, qi) => {
      const j = matches[i].get(qi);
      goldItems.push({ statement: q.statement, article: k, pred: j === undefined ? null : offsetOf[k] + j });
    });
  });
  let tp = 0;
  let goldPairs = 0;
  let predPairs = 0;
  for (let a = 0; a < goldItems.length; a++) {
    for (let b = a + 1; b < goldItems.length; b++) {
      const x = goldItems[a];
      const y = goldItems[b];
      if (x.article === y.article) continue;
      const gSame = !!x.statement && x.statement === y.statement;
      const px = x.pred === null ? undefined : assembled[x.pred].statement;
      const py = y.pred === null ? undefined : assembled[y.pred].statement;
      const pSame = !!px && px === py;
      if (gSame) goldPairs++;
      if (pSame) predPairs++;
      if (gSame && pSame) tp++;
    }
  }
  const groups = new Set(assembled.map((q) => q.statement).filter(Boolean)).size;
  console.log(`\nstatements across outlets (fixtures): ${groups} groups; cross-article pairs precision ${pct(tp, predPairs)} recall ${pct(tp, goldPairs)} (${tp}/${predPairs} found pairs right, ${tp}/${goldPairs} gold pairs found)`);

  // Speed: findQuotes alone on already-built Docs and entities, three passes after one untimed
  // warm-up pass (the scoring above already ran it once per text).
  for (let i = 0; i < docs.length; i++) findQuotesDetailed(docs[i], ents[i]);
  const passes = 3;
  let count = 0;
  const t0 = performance.now();
  for (let r = 0; r < passes; r++) for (let i = 0; i < docs.length; i++) count += findQuotesDetailed(docs[i], ents[i]).length;
  const ms = performance.now() - t0;
  console.log(`\nspeed: ${((count / ms) * 1000).toFixed(0)} quotes/s, ${(((docs.length * passes) / ms) * 1000).toFixed(0)} articles/s (findQuotes on built Docs, ${passes} passes over ${docs.length} texts)`);

  if (showErrors) {
    console.log('\nerrors:');
    for (const e of errors) console.log('  ' + e);
  }
}

main();
