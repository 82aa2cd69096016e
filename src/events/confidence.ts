// Confidence of positions and conditions: a small logistic model (src/util/logistic.ts) over how
// each item was found — the rule and cue, polarity devices, who holds it and how that actor was
// found, whether the issue comes from the seed vocabulary, quotes, modality and corroboration.
// Trained by `npm run train:positions` on development gold; the model files are
// data/models/positions.json and data/models/conditions.json (see docs/models/).
import type { Condition, Entity, Position } from '../types.js';
import { loadModel, score, type Features, type LogisticModel } from '../util/logistic.js';
import { loadJson } from '../util/data.js';
import type { PositionFound } from './positions.js';
import type { ConditionWithAttribution } from './conditions.js';
import { placeIsState } from './speakers.js';

/** The features each assembled item was scored on, for training and inspection. */
const registry = new WeakMap<object, Features>();

export function featuresOf(item: object): Features | undefined {
  return registry.get(item);
}

let explicitCache: Set<string> | null = null;
function explicitCues(): Set<string> {
  return (explicitCache ??= new Set(loadJson<{ explicit?: string[] }>('events/stances.json').explicit ?? []));
}

const models = new Map<string, LogisticModel | null>();
function model(name: 'positions' | 'conditions'): LogisticModel | null {
  if (!models.has(name)) {
    try {
      models.set(name, loadModel(name));
    } catch {
      // No trained model shipped: items keep no confidence rather than a made-up one.
      models.set(name, null);
    }
  }
  return models.get(name)!;
}

function actorFeatures(f: Features, entity: Entity | undefined): void {
  const type = entity?.type ?? 'none';
  f[`actor=${type}`] = 1;
  if (type === 'place') f[placeIsState([entity!.name, ...entity!.aliases]) ? 'place=state' : 'place=other'] = 1;
  const words = (entity?.name ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 1) f['actorOneWord'] = 1;
  if (entity && entity.name === entity.name.toUpperCase() && /\p{Lu}{3}/u.test(entity.name)) f['actorAllCaps'] = 1;
}

/** What the whole coverage says about a position's actor and issue: how many of the story's
 * articles name the actor, and how many use the issue's head word. A party the coverage is about,
 * on an issue it keeps returning to, is what an analyst records. */
export interface PositionContext {
  /** Share (0..1) of the story's articles that mention the actor. */
  actorShare: number;
  /** Mentions of the actor in the whole story. */
  actorMentions: number;
  /** Share (0..1) of the story's articles whose text holds the issue's head word. */
  issueShare: number;
  /** Number of articles in the story. */
  storyArticles: number;
  /** Other actors holding a position on an issue with the same head word. */
  issueActors: number;
  /** Positions the actor holds in the brief. */
  actorPositions: number;
  /** The issue is an instrument the coverage names ("the Harbour Strait Security Agreement"):
   * the thing under negotiation, counted as a seed issue. */
  onInstrument?: boolean;
}

/** Features of one position from the readings behind its evidence (the lead reading is the
 * actor's own words when there are any). */
export function positionFeatures(position: Position, readings: PositionFound[], entity: Entity | undefined, articles: number, conflict: boolean, seedShare = 0, context?: PositionContext): Features {
  const f: Features = {};
  if (seedShare > 0) f['seedShare'] = Math.round(seedShare * 1000) / 1000;
  const lead = readings[0];
  const how = lead?.how;
  f[`stance=${position.stance}`] = 1;
  f[`by=${position.attributedBy?.[0] ?? 'writer'}`] = 1;
  actorFeatures(f, entity);
  if (how) {
    f[`path=${how.path}`] = 1;
    f[`cue=${how.cueKind}`] = 1;
    f[`via=${how.via}`] = 1;
    if (how.seed || context?.onInstrument) f['seed'] = 1;
    for (const k of ['negated', 'limitation', 'insufficient', 'request', 'condition', 'inCondition', 'obliged', 'modal', 'inQuote', 'subjectless'] as const) if (how[k]) f[k] = 1;
    if (how.distance > 3) f['far'] = 1;
    // The actor came from a pronoun, a role noun, a quote's speaker or "we": resolved, not named.
    if (!['name', 'compound', 'demonym'].includes(how.via)) f['actorIndirect'] = 1;
    if (how.subjectGap > 4) f['subjectFar'] = 1;
    if (how.sentencePositions >= 3) f['crowded'] = 1;
  }
  // Some cues ("oppose", "campaign against") state a stance outright, others ("want", "sign")
  // only suggest one.
  if (lead?.cue && explicitCues().has(lead.cue.toLowerCase())) f['explicitCue'] = 1;
  // The plain reading: a stance word with the actor as its subject and the issue as its object,
  // outside conditions, negation and quotes-within-quotes — where the rules are surest.
  if (how && !how.condition && !how.negated && how.distance <= 3 && how.subjectGap <= 4 && !how.inCondition && (how.path === 'seed' || how.path === 'grown' || how.path === 'limitation') && (how.via === 'name' || how.via === 'pronoun' || how.via === 'compound' || how.via === 'demonym')) f['plain'] = 1;
  const words = position.issue.split(/\s+/).filter(Boolean);
  f[words.length === 1 ? 'issueWords=1' : words.length === 2 ? 'issueWords=2' : 'issueWords=3+'] = 1;
  // The surest reading of all: a plain clause, an explicit stance word, a short or seed issue.
  if (f.plain && f.explicitCue && (how?.seed || words.length <= 2)) f['plainExplicit'] = 1;
  if (/\b\p{Lu}/u.test(position.issue) && !how?.seed) f['issueProper'] = 1;
  if (/\b(of|for|to|on)\b/.test(position.issue)) f['issueOf'] = 1;
  if (position.evidence.length > 1) f['evidence>1'] = 1;
  if (articles > 1) f['articles>1'] = 1;
  if (readings.some((r) => r.how?.seed !== how?.seed || r.how?.path !== how?.path)) f['mixedReadings'] = 1;
  if (conflict) f['conflict'] = 1;
  // How the dependency tree read it (src/events/stance-syntax.ts), and whether the rules agree.
  const sx = readings.find((r) => r.how?.syntax)?.how?.syntax;
  const ruled = readings.some((r) => r.how && !r.how.syntax);
  if (sx) {
    f['sx'] = 1;
    f[`sx.frame=${sx.frame}`] = 1;
    f[`sx.object=${sx.object}`] = 1;
    f[`sx.actorBy=${sx.actorBy}`] = 1;
    f[`sx.cue=${sx.cueKind}`] = 1;
    if (sx.cueStance === 'limit') f['sx.limit'] = 1;
    if (sx.negations > 0) f['sx.negated'] = 1;
    if (sx.past) f['sx.past'] = 1;
    if (sx.modal) f['sx.modal'] = 1;
    if (sx.nominalised) f['sx.nominalised'] = 1;
    if (sx.conjunct) f['sx.conjunct'] = 1;
    if (sx.issueHeadProper) f['sx.issueName'] = 1;
    if (explicitCues().has(sx.cue)) f['sx.explicit'] = 1;
    if (ruled) f['sx+rules'] = 1;
    // The surest tree reading: an explicit stance word whose own subject names the actor, on a
    // short noun phrase, stated rather than narrated.
    if (explicitCues().has(sx.cue) && sx.actorBy === 'subject' && (sx.frame === 'plain' || sx.frame === 'modal') && !sx.past && !sx.conjunct && sx.issueWords <= 4 && (how?.via === 'name' || how?.via === 'first-person' || how?.via === 'pronoun')) f['sx.plainExplicit'] = 1;
  }
  if (readings.some((r) => r.how?.agree)) f['agree'] = 1;
  if (readings.every((r) => r.how?.headline)) f['headline'] = 1;
  if (readings.length && readings.every((r) => r.how?.seedIndirect)) f['seedIndirect'] = 1;
  // The stance word itself: some state a position far more often than others.
  const cueWord = (sx?.cue ?? lead?.cue ?? '').toLowerCase();
  if (cueWord) f[`cue:${cueWord}`] = 1;
  if (readings.some((r) => r.how?.sameActorStance)) f['sameActorStance'] = 1;
  if (context) {
    f['actorShare'] = Math.round(context.actorShare * 1000) / 1000;
    f['issueShare'] = Math.round(context.issueShare * 1000) / 1000;
    if (context.actorMentions >= 5) f['actorMentions>=5'] = 1;
    if (context.actorMentions <= 1) f['actorMentions<=1'] = 1;
    if (context.storyArticles <= 1) f['singleArticle'] = 1;
    if (context.issueActors >= 1) f['issueActors>=1'] = 1;
    if (context.issueActors >= 3) f['issueActors>=3'] = 1;
    if (context.actorPositions >= 3) f['actorPositions>=3'] = 1;
  }
  if (entity && entity.name.split(/\s+/).length >= 4) f['actorLong'] = 1;
  if (entity && /\b(?!of\b|the\b|for\b|and\b|de\b|van\b|von\b|al\b)[a-z]/.test(entity.name)) f['actorLower'] = 1;
  return f;
}

const STRONG_SHAPES = new Set(['provided-that', 'only-if', 'on-condition', 'unless', 'in-exchange-for', 'subject-to', 'precondition', 'ultimatum', 'not-without']);

/** Features of one condition from the findings behind its evidence. */
export function conditionFeatures(condition: Condition, found: ConditionWithAttribution[], entity: Entity | undefined, articles: number, seedShare = 0): Features {
  const f: Features = {};
  const lead = found[0];
  actorFeatures(f, entity);
  if (lead) {
    f[`shape=${lead.shape}`] = 1;
    f[`by=${lead.attributedBy}`] = 1;
    if (lead.how) {
      f[`via=${lead.how.via}`] = 1;
      for (const k of ['inQuote', 'modal', 'counterfactual', 'past', 'negated', 'firstPerson', 'attached', 'subjectIsActor', 'stanceVerb'] as const) if (lead.how[k]) f[k] = 1;
      if (lead.how.attached && lead.how.subjectIsActor && lead.how.stanceVerb && lead.how.modal) f['treeCommitment'] = 1;
    }
  }
  // Markers that can only state a condition ("provided that", "in exchange for") against those
  // that often do not ("if", "once", "until", "as long as").
  if (lead && STRONG_SHAPES.has(lead.shape)) f['strongShape'] = 1;
  const count = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const c = count(condition.commitment);
  const k = count(condition.condition);
  f[c <= 3 ? 'commitment<=3' : c <= 12 ? 'commitment<=12' : 'commitment>12'] = 1;
  f[k <= 2 ? 'condition<=2' : k <= 12 ? 'condition<=12' : 'condition>12'] = 1;
  if (condition.evidence.length > 1) f['evidence>1'] = 1;
  if (articles > 1) f['articles>1'] = 1;
  if (seedShare > 0) f['seedShare'] = Math.round(seedShare * 1000) / 1000;
  return f;
}

/** Set `confidence` (and `uncertain` below the model's threshold) on an item from its features. */
export function applyConfidence(kind: 'positions' | 'conditions', item: Position | Condition, features: Features): void {
  registry.set(item, features);
  const m = model(kind);
  if (!m) return;
  const p = score(m, features);
  item.confidence = Math.round(p * 1000) / 1000;
  if (p < m.threshold) item.uncertain = true;
  else delete item.uncertain;
}
