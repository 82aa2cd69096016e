// Scoring a brief against the trust gold (bench/lib/trust-gold.ts): each item a reader would see —
// an attribution, a position, a condition, a discrepancy, a framing cue — judged right or wrong
// with the confidence Parley gave it, so that the same outcomes serve the benchmark's figures and
// the calibration of confidences.
import type { Brief, Entity } from '../../src/types.js';
import { foldName } from '../../src/text/fold.js';
import type { GoldDiscrepancy, GoldFraming, GoldPosition, GoldQuote, GoldSpan, TrustStory } from './trust-gold.js';

export interface Outcome {
  /** What it is, for --errors. */
  label: string;
  confidence: number;
  /** Whether the brief shows it by default (not marked uncertain). */
  shown: boolean;
  correct: boolean;
}

export type SpeakerResult = 'right' | 'wrong' | 'unattributed';

export interface QuoteScore {
  gold: number;
  found: number;
  predicted: number;
  /** Predicted quotes that sit on a quoted run the gold says is not a quotation. */
  falseQuotes: number;
  /** Per matched gold quote: the speaker as shown by default. */
  shown: Record<SpeakerResult, number>;
  /** Per matched gold quote: the best candidate, whatever its confidence (what the brief would show with no threshold). */
  raw: Record<SpeakerResult, number>;
  /** One per matched quote with a candidate speaker: is the candidate right? */
  attributions: Outcome[];
  errors: string[];
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'for', 'on', 'in', 'and', 'or', 'with', 'its', 'their', 'his', 'her', 'any', 'all', 'new', 'by', 'at', 'from']);

function tokens(s: string): string[] {
  return foldName(s).replace(/['’]s\b/g, '').split(/[^a-z0-9]+/).filter(Boolean);
}

/** A crude stem: the plural ending off, then a verb ending, then a final "e", so that a singular
 * and its plural stem alike ("rule" and "rules", "force" and "forces", "killing" and "killings"). */
function stem(w: string): string {
  return w.replace(/(ies)$/, 'y').replace(/(es|s)$/, '').replace(/(ing|ed)$/, '').replace(/e$/, '').slice(0, 7);
}

/** Head nouns that are plain synonyms in any news about a negotiation: a reader takes either for
 * the other. Only words that mean the same thing wherever they occur: "deal" (also a contract)
 * or "ruling" (a court's decision, not a rule) are not listed. */
const HEAD_SYNONYMS = [
  ['treaty', 'agreement', 'accord', 'pact'],
  ['ceasefire', 'truce', 'armistice'],
  ['withdrawal', 'pullback', 'pullout'],
  ['talks', 'negotiation'],
  ['funding', 'financing'],
  ['rule', 'regulation'],
];
const HEAD_CLASS = new Map(HEAD_SYNONYMS.flatMap((group) => group.map((w) => [stem(w), stem(group[0])] as const)));
const headClass = (w: string) => HEAD_CLASS.get(w) ?? w;

/** The stemmed noun before a phrase's first preposition, its head ("withdrawal" in "withdrawal of
 * forces from the town"), or null when the phrase has no preposition after its first word. */
function headBeforePreposition(s: string): string | null {
  const w = tokens(s);
  const at = w.findIndex((x, i) => i > 0 && /^(of|from|to|for|on|in|with|against|over|into)$/.test(x));
  if (at <= 0 || STOP.has(w[at - 1])) return null;
  return stem(w[at - 1]);
}

/** Whether a gold name (as the annotator wrote it) names this entity. */
export function nameMatches(gold: string, entity: Entity | undefined): boolean {
  if (!entity) return false;
  const g = tokens(gold);
  if (g.length === 0) return false;
  const forms = [entity.name, ...entity.aliases].map(tokens).filter((f) => f.length > 0);
  for (const f of forms) {
    if (f.join(' ') === g.join(' ')) return true;
    const gl = g[g.length - 1];
    const fl = f[f.length - 1];
    if (gl === fl && (g.length === 1 || f.length === 1 || g[0][0] === f[0][0])) return true;
    // A given name alone names the person too ("Chela" for Chela Ortiz).
    if (f.length === 1 && g.length >= 2 && f[0] === g[0] && f[0].length >= 3) return true;
    // Acronyms: "Los Angeles Police Department" = "LAPD".
    const initials = (t: string[]) => t.filter((w) => !STOP.has(w)).map((w) => w[0]).join('');
    if ((f.length === 1 && f[0].length >= 2 && f[0] === initials(g)) || (g.length === 1 && g[0].length >= 2 && g[0] === initials(f))) return true;
    // One name inside the other, word for word (a body named with or without its country).
    const inside = (a: string[], b: string[]) => a.length >= 2 && b.join(' ').includes(a.join(' '));
    if (inside(f, g) || inside(g, f)) return true;
  }
  return false;
}

/** Whether two issue phrases name the same issue: the same head word (the last content word, or
 * the noun before a preposition; synonyms of HEAD_SYNONYMS count as the same), or most content
 * words shared. */
export function issueMatches(gold: string, predicted: string): boolean {
  const content = (s: string) => tokens(s).filter((w) => !STOP.has(w)).map(stem);
  const g = content(gold);
  const p = content(predicted);
  if (g.length === 0 || p.length === 0) return false;
  const heads = (s: string, c: string[]) => [c[c.length - 1], headBeforePreposition(s)].filter((h): h is string => h !== null).map(headClass);
  const gh = heads(gold, g);
  if (heads(predicted, p).some((h) => gh.includes(h))) return true;
  const gs = new Set(g);
  const shared = p.filter((w) => gs.has(w)).length;
  return shared / Math.min(g.length, p.length) >= 0.6 && shared >= 1;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return o <= 0 ? 0 : o / Math.min(a.end - a.start, b.end - b.start);
}

const confidenceOf = (x: { confidence?: number }) => x.confidence ?? 1;

export function scoreQuotes(story: TrustStory, brief: Brief): QuoteScore {
  const entities = new Map((brief.entities ?? []).map((e) => [e.id, e]));
  const quotes = brief.quotes ?? [];
  const text = (doc: string, s: number, e: number) => story.articles.find((a) => a.id === doc)?.text.slice(s, e) ?? '';
  const score: QuoteScore = {
    gold: story.quotes.length,
    found: 0,
    predicted: quotes.length,
    falseQuotes: 0,
    shown: { right: 0, wrong: 0, unattributed: 0 },
    raw: { right: 0, wrong: 0, unattributed: 0 },
    attributions: [],
    errors: [],
  };
  const judge = (g: GoldQuote, id: string | null): SpeakerResult => {
    if (id === null) return g.speaker === null ? 'right' : 'unattributed';
    const e = entities.get(id);
    if (g.speaker !== null) return nameMatches(g.speaker, e) ? 'right' : 'wrong';
    return g.speakerOrg && nameMatches(g.speakerOrg, e) ? 'right' : 'wrong';
  };
  for (const g of story.quotes) {
    const p = quotes.filter((q) => q.article === g.doc && overlapShare(q, g) >= 0.5).sort((a, b) => overlapShare(b, g) - overlapShare(a, g))[0];
    if (!p) {
      score.errors.push(`MISSED ${g.doc} «${text(g.doc, g.start, g.end).slice(0, 70)}»`);
      continue;
    }
    score.found++;
    const candidate = p.speaker ?? p.possibleSpeaker ?? null;
    const shown = judge(g, p.speaker);
    const raw = judge(g, candidate);
    score.shown[shown]++;
    score.raw[raw]++;
    if (candidate !== null) {
      score.attributions.push({ label: `${g.doc} «${p.text.slice(0, 50)}» → ${entities.get(candidate)?.name}`, confidence: p.speakerConfidence ?? 1, shown: p.speaker !== null, correct: raw === 'right' });
    }
    if (shown !== 'right') {
      const who = (id: string | null) => (id ? (entities.get(id)?.name ?? id) : 'nobody');
      score.errors.push(
        `SPEAKER ${shown} ${g.doc} «${p.text.slice(0, 60)}» gold=${g.speaker ?? `(${g.speakerDescription ?? 'unknown'}${g.speakerOrg ? ` of ${g.speakerOrg}` : ''})`} got=${who(p.speaker)}${p.possibleSpeaker ? ` (uncertain: ${who(p.possibleSpeaker)} ${p.speakerConfidence?.toFixed(2)})` : ''} words=${p.speakerText ?? '-'}`,
      );
    }
  }
  for (const n of story.nonQuotes) {
    if (quotes.some((q) => q.article === n.doc && overlapShare(q, n) >= 0.5)) {
      score.falseQuotes++;
      score.errors.push(`NOT A QUOTE ${n.doc} «${text(n.doc, n.start, n.end).slice(0, 60)}»`);
    }
  }
  return score;
}

export interface ItemScore {
  gold: number;
  /** Gold items matched by an item the brief shows by default. */
  goldFound: number;
  outcomes: Outcome[];
  errors: string[];
}

export function scorePositions(story: TrustStory, brief: Brief): ItemScore {
  const entities = new Map((brief.entities ?? []).map((e) => [e.id, e]));
  const supports = (g: GoldPosition, actor: string, issue: string, stance: string, span: GoldSpan) =>
    g.doc === span.doc && overlaps(g, span) && g.stance === stance && nameMatches(g.actor, entities.get(actor)) && issueMatches(g.issue, issue);
  const out: ItemScore = { gold: story.positions.length, goldFound: 0, outcomes: [], errors: [] };
  const found = new Set<GoldPosition>();
  for (const p of brief.positions ?? []) {
    const spans = p.evidence.map((e) => ({ doc: e.article, start: e.start, end: e.end }));
    const supported = spans.filter((s) => story.positions.some((g) => supports(g, p.actor, p.issue, p.stance, s)));
    const correct = supported.length * 2 >= spans.length && supported.length > 0;
    const shown = !p.uncertain;
    if (shown) for (const s of spans) for (const g of story.positions) if (supports(g, p.actor, p.issue, p.stance, s)) found.add(g);
    const label = `${entities.get(p.actor)?.name ?? p.actor} ${p.stance} «${p.issue}» (${spans.length} spans, ${supported.length} supported)`;
    out.outcomes.push({ label, confidence: confidenceOf(p), shown, correct });
    if (!correct && shown) out.errors.push(`POSITION wrong ${label} @${spans[0]?.doc}:${spans[0]?.start}`);
  }
  out.goldFound = found.size;
  for (const g of story.positions) if (!found.has(g)) out.errors.push(`POSITION missed ${g.actor} ${g.stance} «${g.issue}» @${g.doc}:${g.start}`);
  return out;
}

export function scoreConditions(story: TrustStory, brief: Brief): ItemScore {
  const entities = new Map((brief.entities ?? []).map((e) => [e.id, e]));
  const out: ItemScore = { gold: story.conditions.length, goldFound: 0, outcomes: [], errors: [] };
  const found = new Set<object>();
  for (const c of brief.conditions ?? []) {
    const matches = story.conditions.filter((g) => c.evidence.some((e) => e.article === g.doc && overlaps(e, g)) && nameMatches(g.actor, entities.get(c.actor)));
    const shown = !c.uncertain;
    if (shown) for (const g of matches) found.add(g);
    const label = `${entities.get(c.actor)?.name ?? c.actor}: «${c.commitment}» if «${c.condition}»`;
    out.outcomes.push({ label, confidence: confidenceOf(c), shown, correct: matches.length > 0 });
    if (matches.length === 0 && shown) out.errors.push(`CONDITION wrong ${label} @${c.evidence[0]?.article}`);
  }
  out.goldFound = found.size;
  for (const g of story.conditions) if (!found.has(g)) out.errors.push(`CONDITION missed ${g.actor}: ${g.commitment} if ${g.condition} @${g.doc}:${g.start}`);
  return out;
}

/** A reported discrepancy is real when claims of two different articles fall on claims of one gold discrepancy. */
export function scoreDiscrepancies(story: TrustStory, brief: Brief): ItemScore {
  const out: ItemScore = { gold: story.discrepancies.length, goldFound: 0, outcomes: [], errors: [] };
  const found = new Set<GoldDiscrepancy>();
  for (const d of brief.discrepancies ?? []) {
    const match = story.discrepancies.find((g) => {
      const articles = new Set(d.claims.filter((c) => g.claims.some((gc) => gc.doc === c.article && overlaps(gc, c))).map((c) => c.article));
      return articles.size >= 2;
    });
    const shown = !d.uncertain;
    if (match && shown) found.add(match);
    const label = `${d.topic}: ${d.claims.map((c) => `${c.article}«${c.text.slice(0, 40)}»`).join(' vs ')}`;
    out.outcomes.push({ label, confidence: confidenceOf(d), shown, correct: !!match });
    if (!match && shown) out.errors.push(`DISCREPANCY false ${label}`);
  }
  out.goldFound = found.size;
  for (const g of story.discrepancies) if (!found.has(g)) out.errors.push(`DISCREPANCY missed ${g.kind} «${g.topic}» in ${[...new Set(g.claims.map((c) => c.doc))].join(', ')}`);
  return out;
}

/** A framing cue is right when the gold marks an evaluative passage there about the same actor, with the same sign. */
export function scoreFraming(story: TrustStory, brief: Brief): ItemScore {
  const entities = new Map((brief.entities ?? []).map((e) => [e.id, e]));
  const out: ItemScore = { gold: story.framing.length, goldFound: 0, outcomes: [], errors: [] };
  const found = new Set<GoldFraming>();
  for (const f of brief.framing ?? []) {
    for (const c of f.cueSpans ?? []) {
      const match = story.framing.find((g) => g.doc === f.article && overlaps(g, c) && nameMatches(g.entity, entities.get(f.entity)) && (g.polarity === '+') === c.weight > 0);
      const shown = !c.uncertain;
      if (match && shown) found.add(match);
      const label = `${f.article} ${entities.get(f.entity)?.name}: «${c.text}» ${c.weight > 0 ? '+' : '-'}`;
      out.outcomes.push({ label, confidence: confidenceOf(c), shown, correct: !!match });
      if (!match && shown) out.errors.push(`FRAMING false ${label}`);
    }
  }
  out.goldFound = found.size;
  return out;
}

export function precision(outcomes: Outcome[], shownOnly = true): { right: number; total: number } {
  const list = outcomes.filter((o) => !shownOnly || o.shown);
  return { right: list.filter((o) => o.correct).length, total: list.length };
}

/** Reliability table: outcomes binned by confidence, with the share correct in each bin. */
export function reliability(outcomes: Outcome[], bins = 5): { from: number; to: number; n: number; correct: number }[] {
  const rows = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, correct: 0 }));
  for (const o of outcomes) {
    const row = rows[Math.min(bins - 1, Math.floor(o.confidence * bins))];
    row.n++;
    if (o.correct) row.correct++;
  }
  return rows;
}
