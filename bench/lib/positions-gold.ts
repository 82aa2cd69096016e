// The hand-written positions gold (bench/gold/positions: our own negotiation texts and their
// annotations, see its README) and its matching rule, shared by bench:positions and the
// confidence trainer: each text is briefed on its own and every predicted position and condition
// is judged matched or not.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/util/data.js';
import { analyse } from '../../src/pipeline.js';
import type { Article, Brief, Condition, Entity, Position } from '../../src/types.js';
import { textArticle } from './article.js';
import type { TrustStory } from './trust-gold.js';

export interface GoldPosition {
  text: string;
  actor: string;
  aliases?: string[];
  issue: string;
  stance: string;
  evidence: string;
  attributedBy: string;
}
export interface GoldCondition {
  text: string;
  actor: string;
  aliases?: string[];
  commitment: string;
  condition: string;
  shape: string;
  evidence: string;
}
export interface PositionsGold {
  positions: GoldPosition[];
  conditions: GoldCondition[];
  nonConditions?: { text: string; evidence: string }[];
}

export const POSITIONS_GOLD_DIR = join(PACKAGE_ROOT, 'bench', 'gold', 'positions');

export function positionsGoldAvailable(): boolean {
  return existsSync(join(POSITIONS_GOLD_DIR, 'gold.json')) && existsSync(join(POSITIONS_GOLD_DIR, 'texts'));
}

export interface PositionsGoldRun {
  gold: PositionsGold;
  articles: Article[];
  /** One brief per text: one article's errors do not leak into another. */
  briefs: Map<string, Brief>;
  seconds: number;
}

export function runPositionsGold(): PositionsGoldRun {
  const gold = JSON.parse(readFileSync(join(POSITIONS_GOLD_DIR, 'gold.json'), 'utf8')) as PositionsGold;
  const files = readdirSync(join(POSITIONS_GOLD_DIR, 'texts')).filter((f) => f.endsWith('.txt')).sort();
  const articles = files.map((f) => textArticle(f.replace(/\.txt$/, ''), readFileSync(join(POSITIONS_GOLD_DIR, 'texts', f), 'utf8'), { source: join(POSITIONS_GOLD_DIR, 'texts', f) }));
  const started = performance.now();
  const briefs = new Map<string, Brief>();
  for (const a of articles) briefs.set(a.id, analyse([a]));
  return { gold, articles, briefs, seconds: (performance.now() - started) / 1000 };
}

// ── normalisation, as the gold README specifies ──
const TITLES = new Set(['president', 'minister', 'foreign', 'prime', 'dr', 'mr', 'ms', 'mrs', 'secretary', 'general', 'chancellor', 'defence', 'defense', 'state', 'spokesperson', 'spokesman', 'spokeswoman', 'sir', 'prof', 'professor', 'senator', 'ambassador', 'envoy', 'king', 'queen', 'sheikh', 'emir', 'premier', 'deputy', 'chief', 'head', 'leader']);
function normName(s: string): string {
  const w = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  while (w[0] === 'the') w.shift();
  return w.filter((x) => !TITLES.has(x)).join(' ');
}
export function actorMatch(predicted: string[], goldForms: string[], person: boolean): boolean {
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

let groupCache: Record<string, string[]> | null = null;
function issueGroups(): Record<string, string[]> {
  const file = join(POSITIONS_GOLD_DIR, 'issues.json');
  return (groupCache ??= existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { groups: Record<string, string[]> }).groups : {});
}
function groupOf(issue: string): string | null {
  const n = normIssue(issue).join(' ');
  for (const [canon, variants] of Object.entries(issueGroups())) {
    if ([canon, ...variants].some((v) => normIssue(v).join(' ') === n)) return canon;
  }
  return null;
}
export function issueMatch(a: string, b: string): boolean {
  const ga = groupOf(a);
  const gb = groupOf(b);
  if (ga && gb && ga === gb) return true;
  const na = normIssue(a).filter((w) => !GENERIC.has(w));
  const nb = new Set(normIssue(b).filter((w) => !GENERIC.has(w)));
  return na.some((w) => nb.has(w));
}

export function entityForms(entities: Entity[] | undefined, id: string): { forms: string[]; person: boolean } {
  const e = entities?.find((x) => x.id === id);
  return e ? { forms: [e.name, ...e.aliases], person: e.type === 'person' } : { forms: [], person: false };
}

export function goldSpan(run: PositionsGoldRun, textId: string, evidence: string): [number, number] | null {
  const a = run.articles.find((x) => x.id === textId);
  if (!a) return null;
  const at = a.text.indexOf(evidence);
  return at < 0 ? null : [at, at + evidence.length];
}

export function overlapsGold(spans: { article: string; start: number; end: number }[], textId: string, g: [number, number] | null): boolean {
  return g !== null && spans.some((s) => s.article === textId && s.start < g[1] && g[0] < s.end);
}

export interface PredictedPosition {
  text: string;
  position: Position;
}

/** Every predicted position, text by text, in brief order. */
export function predictedPositions(run: PositionsGoldRun): PredictedPosition[] {
  const out: PredictedPosition[] = [];
  for (const [id, b] of run.briefs) for (const p of b.positions ?? []) out.push({ text: id, position: p });
  return out;
}

export interface PositionMatch {
  usedGold: Set<number>;
  /** Per predicted position (same order as predictedPositions): did it match a gold item? */
  matched: boolean[];
  confusion: Map<string, number>;
  matchedBy: Map<number, PredictedPosition>;
}

/** Greedy matching, predictions in order; a prediction with several spans may match several gold items. */
export function matchPositions(run: PositionsGoldRun, predicted: PredictedPosition[], ignoreStance: boolean): PositionMatch {
  const usedGold = new Set<number>();
  const matched: boolean[] = [];
  const confusion = new Map<string, number>();
  const matchedBy = new Map<number, PredictedPosition>();
  for (const pp of predicted) {
    const p = pp.position;
    const b = run.briefs.get(pp.text)!;
    const { forms, person } = entityForms(b.entities, p.actor);
    let any = false;
    run.gold.positions.forEach((g, gi) => {
      if (usedGold.has(gi) || g.text !== pp.text) return;
      if (!actorMatch(forms, [g.actor, ...(g.aliases ?? [])], person)) return;
      if (!issueMatch(p.issue, g.issue)) return;
      if (!overlapsGold(p.evidence, pp.text, goldSpan(run, g.text, g.evidence))) return;
      if (!ignoreStance && p.stance !== g.stance) return;
      usedGold.add(gi);
      matchedBy.set(gi, pp);
      any = true;
      const k = `${g.stance}→${p.stance}`;
      confusion.set(k, (confusion.get(k) ?? 0) + 1);
    });
    matched.push(any);
  }
  return { usedGold, matched, confusion, matchedBy };
}

export interface PredictedCondition {
  text: string;
  condition: Condition;
}

export function predictedConditions(run: PositionsGoldRun): PredictedCondition[] {
  const out: PredictedCondition[] = [];
  for (const [id, b] of run.briefs) for (const c of b.conditions ?? []) out.push({ text: id, condition: c });
  return out;
}

/** Greedy matching of conditions (actor and evidence overlap); also which predictions sit on a gold non-condition. */
export function matchConditions(run: PositionsGoldRun, predicted: PredictedCondition[]): { usedGold: Set<number>; matched: boolean[]; onNonCondition: boolean[] } {
  const usedGold = new Set<number>();
  const matched: boolean[] = [];
  const onNonCondition: boolean[] = [];
  for (const pc of predicted) {
    const c = pc.condition;
    const b = run.briefs.get(pc.text)!;
    const { forms, person } = entityForms(b.entities, c.actor);
    let any = false;
    run.gold.conditions.forEach((g, gi) => {
      if (usedGold.has(gi) || g.text !== pc.text) return;
      if (!actorMatch(forms, [g.actor, ...(g.aliases ?? [])], person)) return;
      if (!overlapsGold(c.evidence, pc.text, goldSpan(run, g.text, g.evidence))) return;
      usedGold.add(gi);
      any = true;
    });
    matched.push(any);
    onNonCondition.push((run.gold.nonConditions ?? []).some((n) => n.text === pc.text && overlapsGold(c.evidence, pc.text, goldSpan(run, n.text, n.evidence))));
  }
  return { usedGold, matched, onNonCondition };
}

/** The hand-written gold in the trust gold's shape, one story per text (aliases become extra gold
 * names, so that an entity named by any of them matches), so that bench/lib/trust-score.ts can
 * judge its briefs by the same rules as the blind gold. */
export function asTrustStories(run: PositionsGoldRun): TrustStory[] {
  const out: TrustStory[] = [];
  for (const a of run.articles) {
    const span = (evidence: string) => {
      const s = goldSpan(run, a.id, evidence);
      return s ? { doc: a.id, start: s[0], end: s[1] } : null;
    };
    const positions = run.gold.positions.filter((g) => g.text === a.id).flatMap((g) => {
      const s = span(g.evidence);
      return s ? [g.actor, ...(g.aliases ?? [])].map((actor) => ({ ...s, actor, issue: g.issue, stance: g.stance })) : [];
    });
    const conditions = run.gold.conditions.filter((g) => g.text === a.id).flatMap((g) => {
      const s = span(g.evidence);
      return s ? [g.actor, ...(g.aliases ?? [])].map((actor) => ({ ...s, actor, commitment: g.commitment, condition: g.condition })) : [];
    });
    out.push({ name: a.id, set: 'negotiations', split: 'dev', articles: [a], quotes: [], nonQuotes: [], discrepancies: [], positions, conditions, framing: [] });
  }
  return out;
}
