// The contracts between stages: what each per-article stage adds to a Doc, as stand-off spans
// with article-local ids. Cross-article stages (resolve/, compare/) read only these, never the
// internals of the stage that produced them.
import type { EntityType, Span, Stance } from './types.js';

// ── entities/ ────────────────────────────────────────────────────────────────────────────────
/** How a mention names its entity. */
export type MentionKind = 'name' | 'title' | 'pronoun' | 'group';

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  kind: MentionKind;
  /** Article-local entity key, `${articleId}#${n}`. */
  entity: string;
}

export interface LocalEntity {
  key: string;
  /** Fullest name form used in this article. */
  name: string;
  type: EntityType;
  /** Other surface forms seen in this article. */
  aliases: string[];
  /** Titles and role words seen with it ("foreign minister", "aide"). */
  roles: string[];
  /** Indices into ArticleEntities.mentions. */
  mentions: number[];
  /** For a group ("the G7 ministers"): keys of member entities the article names. */
  members?: string[];
  /** The article marks the name as a country (a demonym of it: "Serranian" for Serrania), whether
   * or not a gazetteer lists it. */
  state?: boolean;
}

export interface ArticleEntities {
  article: string;
  /** Sorted by start. */
  mentions: EntityMention[];
  entities: LocalEntity[];
}

// ── resolve/ ─────────────────────────────────────────────────────────────────────────────────
/** Result of cross-article resolution: global entities and the map from local keys to them. */
export interface ResolvedEntities {
  entities: import('./types.js').Entity[];
  /** Article-local key → global entity id. */
  globalId: Map<string, string>;
}

// ── quotes/ ──────────────────────────────────────────────────────────────────────────────────
export interface QuoteAnnotation {
  start: number;
  end: number;
  /** The quoted words without the marks. */
  text: string;
  /** Article-local entity key of the speaker, or null. */
  speaker: string | null;
  /** Where the words naming the speaker are, if anywhere. */
  speakerSpan: { start: number; end: number } | null;
  speakerText: string | null;
  cue: string | null;
  cueSpan: { start: number; end: number } | null;
  partial: boolean;
  /** Calibrated probability that `speaker` is right (attribution model); absent without a speaker. */
  speakerConfidence?: number;
}

// ── time/ ────────────────────────────────────────────────────────────────────────────────────
export interface TimeAnnotation {
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string | null;
  anchor: 'published' | 'text' | 'absolute' | null;
}

// ── events/ ──────────────────────────────────────────────────────────────────────────────────
export interface EventAnnotation {
  type: string;
  mode: string | null;
  /** Article-local entity keys. */
  source: string | null;
  target: string | null;
  location: string | null;
  date: string | null;
  /** The sentence. */
  start: number;
  end: number;
  /** The trigger words. */
  trigger: { start: number; end: number };
  negated: boolean;
  /** "would", "could", "may"… */
  modality: string | null;
  /** True when the event is reported by a party ("Ankara says it offered…") rather than stated by the writer. */
  reported: boolean;
}

export interface PositionAnnotation {
  actor: string;
  issue: string;
  stance: Stance;
  start: number;
  end: number;
  /** Who asserted it: the actor's own words ("own"), the writer ("writer") or a third party such as an analyst ("third-party"). */
  attributedBy: 'own' | 'writer' | 'third-party';
  /** Member entity keys when the actor is a group. */
  members?: string[];
}

export interface ConditionAnnotation {
  actor: string;
  commitment: string;
  condition: string;
  start: number;
  end: number;
}

export interface ArticleEvents {
  events: EventAnnotation[];
  positions: PositionAnnotation[];
  conditions: ConditionAnnotation[];
}

export type { Span };
