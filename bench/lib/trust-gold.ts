// The trust gold: blind annotations of ECB+ sub-topics (bench/gold/ecbplus, offsets into the rebuilt
// text) and of our own negotiation stories (bench/gold/negotiations, passages by their words), read
// into one shape: per story, the Articles to brief and the gold items with resolved offsets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/types.js';
import { ingest } from '../../src/ingest/index.js';
import { bySubtopic, ecbAvailable, hostOf, loadEcbDocs } from './ecbplus.js';
import { textArticle } from './article.js';
import { locate, spanHash } from '../gold/ecbplus/tool.js';

const GOLD = new URL('../gold/', import.meta.url).pathname;

export type Split = 'dev' | 'test';

export interface GoldSpan {
  doc: string;
  start: number;
  end: number;
}
export interface GoldQuote extends GoldSpan {
  kind: 'full' | 'partial';
  speaker: string | null;
  speakerDescription: string | null;
  speakerOrg: string | null;
}
export interface GoldDiscrepancy {
  kind: string;
  topic: string;
  claims: GoldSpan[];
  evolving?: boolean;
}
export interface GoldPosition extends GoldSpan {
  actor: string;
  issue: string;
  stance: string;
}
export interface GoldCondition extends GoldSpan {
  actor: string;
  commitment: string;
  condition: string;
}
export interface GoldFraming extends GoldSpan {
  entity: string;
  polarity: '+' | '-';
}
export interface GoldMeta {
  outlet: string | null;
  title: string | null;
  authors: string[];
  published: string | null;
}

export interface TrustStory {
  name: string;
  set: 'ecbplus' | 'negotiations';
  split: Split;
  articles: Article[];
  quotes: GoldQuote[];
  nonQuotes: GoldSpan[];
  discrepancies: GoldDiscrepancy[];
  positions: GoldPosition[];
  conditions: GoldCondition[];
  framing: GoldFraming[];
  /** Negotiation stories only: what each article's metadata should be. */
  meta?: Record<string, GoldMeta>;
}

type Raw = Record<string, unknown>;

function spanOf(o: Raw, texts: Map<string, string>, where: string): GoldSpan {
  const doc = String(o.doc);
  const text = texts.get(doc);
  if (text === undefined) throw new Error(`${where}: unknown document ${doc}`);
  if (typeof o.text === 'string') return locate({ id: doc, text }, { doc, text: o.text, occurrence: o.occurrence as number | undefined });
  const start = Number(o.start);
  const end = Number(o.end);
  if (o.hash !== undefined && spanHash(text.slice(start, end)) !== o.hash) {
    throw new Error(`${where}: ${doc} ${start}-${end} does not hold the annotated passage (the text rebuild changed?)`);
  }
  return { doc, start, end };
}

/** Passages of our own stories that lie outside the article body ingest keeps (a headline, a
 * byline): those items cannot be placed in `Article.text` and are left out, and counted. */
export const outsideBody: string[] = [];

function placeable(o: Raw, texts: Map<string, string>): boolean {
  const spans = [o, ...(((o.claims as Raw[] | undefined) ?? []))].filter((x) => typeof x.text === 'string' && typeof x.doc === 'string');
  for (const x of spans) {
    const text = texts.get(String(x.doc));
    if (text === undefined) continue;
    try {
      locate({ id: String(x.doc), text }, { doc: String(x.doc), text: String(x.text), occurrence: x.occurrence as number | undefined });
    } catch {
      outsideBody.push(`${x.doc}: ${String(x.text).slice(0, 60)}`);
      return false;
    }
  }
  return true;
}

function readItems(raw: Raw, texts: Map<string, string>, where: string, lenient = false): Omit<TrustStory, 'name' | 'set' | 'split' | 'articles'> {
  const list = (k: string) => ((raw[k] as Raw[] | undefined) ?? []).filter((o) => !lenient || placeable(o, texts));
  return {
    quotes: list('quotes').map((q) => ({
      ...spanOf(q, texts, where),
      kind: q.kind === 'partial' ? 'partial' : 'full',
      speaker: (q.speaker as string | null) ?? null,
      speakerDescription: (q.speakerDescription as string | null) ?? null,
      speakerOrg: (q.speakerOrg as string | null) ?? null,
    })),
    nonQuotes: list('nonQuotes').map((q) => spanOf(q, texts, where)),
    discrepancies: list('discrepancies').map((d) => ({
      kind: String(d.kind),
      topic: String(d.topic ?? ''),
      evolving: d.evolving === true,
      claims: ((d.claims as Raw[]) ?? []).map((c) => spanOf(c, texts, where)),
    })),
    positions: list('positions').map((p) => ({ ...spanOf(p, texts, where), actor: String(p.actor), issue: String(p.issue), stance: String(p.stance) })),
    conditions: list('conditions').map((c) => ({ ...spanOf(c, texts, where), actor: String(c.actor), commitment: String(c.commitment), condition: String(c.condition) })),
    framing: list('framing').map((f) => ({ ...spanOf(f, texts, where), entity: String(f.entity), polarity: f.polarity === '+' ? '+' : '-' })),
  };
}

/** ECB+ sub-topics that have a gold file, as stories of Articles built from the rebuilt text. */
export function ecbStories(split: Split | 'all'): TrustStory[] {
  if (!ecbAvailable()) return [];
  const dir = join(GOLD, 'ecbplus');
  const out: TrustStory[] = [];
  const files = readdirSync(dir).filter((f) => /^\d+_ecb(plus)?\.json$/.test(f)).sort();
  for (const f of files) {
    const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Raw;
    if (split !== 'all' && raw.split !== split) continue;
    const sub = String(raw.subtopic);
    const docs = bySubtopic(loadEcbDocs([Number(sub.split('_')[0])])).get(sub) ?? [];
    const texts = new Map(docs.map((d) => [d.id, d.text]));
    const articles = docs.map((d) => textArticle(d.id, d.text, { url: d.url, outlet: hostOf(d.url) }));
    out.push({ name: sub, set: 'ecbplus', split: raw.split as Split, articles, ...readItems(raw, texts, f) });
  }
  return out;
}

/** Our own negotiation stories: each folder's .txt files read through the real ingest. */
export async function negotiationStories(split: Split | 'all'): Promise<TrustStory[]> {
  const dir = join(GOLD, 'negotiations');
  if (!existsSync(dir)) return [];
  const out: TrustStory[] = [];
  for (const name of readdirSync(dir).sort()) {
    const goldFile = join(dir, name, 'gold.json');
    if (!existsSync(goldFile)) continue;
    const raw = JSON.parse(readFileSync(goldFile, 'utf8')) as Raw;
    if (split !== 'all' && raw.split !== split) continue;
    const { articles, problems } = await ingest([join(dir, name)]);
    if (problems.length) throw new Error(`${name}: ${problems.map((p) => p.message).join('; ')}`);
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    out.push({ name, set: 'negotiations', split: raw.split as Split, articles, meta: raw.articles as Record<string, GoldMeta>, ...readItems(raw, texts, `${name}/gold.json`, true) });
  }
  return out;
}

export interface TrapItem {
  id: string;
  split: Split;
  text: string;
  actor: string;
  issue: string;
  stance: string;
  trap: string;
  /** The file the item comes from (trap.json, trap2.json): each set is scored on its own. */
  set: string;
}

/** Every stance trap set in bench/gold/positions-trap (trap.json, trap2.json, …). */
export function trapItems(split: Split | 'all'): TrapItem[] {
  const dir = join(GOLD, 'positions-trap');
  if (!existsSync(dir)) return [];
  const out: TrapItem[] = [];
  for (const file of readdirSync(dir).filter((f) => /^trap.*\.json$/.test(f)).sort()) {
    const items = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<TrapItem, 'set'>[];
    for (const t of items) if (split === 'all' || t.split === split) out.push({ ...t, set: file.replace(/\.json$/, '') });
  }
  return out;
}

export interface FramingTrapCue {
  entity: string;
  cue: string;
  occurrence?: number;
  polarity: '+' | '-';
}

export interface FramingTrapItem {
  id: string;
  split: Split;
  text: string;
  parties: string[];
  cues: (FramingTrapCue & { start: number; end: number })[];
  distractors: { words: string; why: string; start: number; end: number }[];
}

/** The n-th (1-based) occurrence of words in a text, or null. */
function nth(text: string, words: string, n = 1): { start: number; end: number } | null {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(words, at + 1);
    if (at < 0) return null;
  }
  return { start: at, end: at + words.length };
}

/** The framing trap set (bench/gold/framing-trap/framing.json): short passages with every
 * evaluative cue about a named party labelled, and distractors that are about something else.
 * A cue or distractor whose words cannot be found is an error in the gold, not skipped. */
export function framingTrapItems(split: Split | 'all'): FramingTrapItem[] {
  const file = join(GOLD, 'framing-trap', 'framing.json');
  if (!existsSync(file)) return [];
  type Raw = Omit<FramingTrapItem, 'cues' | 'distractors'> & { cues: FramingTrapCue[]; distractors: { words: string; why: string; occurrence?: number }[] };
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Raw[];
  return raw
    .filter((t) => split === 'all' || t.split === split)
    .map((t) => {
      const place = <T extends { occurrence?: number }>(words: string, x: T) => {
        const r = nth(t.text, words, x.occurrence ?? 1);
        if (!r) throw new Error(`framing-trap ${t.id}: «${words}» (occurrence ${x.occurrence ?? 1}) is not in the text`);
        return { ...x, ...r };
      };
      return { ...t, cues: t.cues.map((c) => place(c.cue, c)), distractors: t.distractors.map((d) => place(d.words, d)) };
    });
}
