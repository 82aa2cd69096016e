// The brief's public types: the contract of ../shared/BRIEF.md, mirrored in TypeScript.
// Every stage's output that reaches the brief is built from these.

/** A stretch of one article's text: `text.slice(start, end)` (UTF-16 indices). */
export interface Span {
  article: string;
  start: number;
  end: number;
}

export type PublishedBasis = 'metadata' | 'dateline' | 'inferred';
export type ArticleKind = 'news' | 'analysis' | 'opinion';

export interface Article {
  /** File base name without extension; a readable slug for a URL; unique within a brief. */
  id: string;
  /** The path or URL the article was read from ("-" for standard input). */
  source: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  authors: string[];
  /** ISO 8601 date or date-time (with its offset when the source gives one), or null. */
  published: string | null;
  publishedBasis: PublishedBasis | null;
  /** ISO 639-1 code, e.g. "en". */
  language: string;
  kind: ArticleKind | null;
  /** The cleaned body. Immutable once ingested: every span points into it. */
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place' | 'group' | 'other';

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  mentions: Span[];
}

export interface Quote {
  id: string;
  article: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerText: string | null;
  cue: string | null;
  partial: boolean;
  /** Quotes of one statement across outlets share this id (see quotes/). */
  statement?: string;
  /** Calibrated probability (0..1) that the attribution found is right; absent when no speaker
   * was found at all. Below the attribution threshold `speaker` is null and `possibleSpeaker`
   * holds the candidate: unknown beats wrong. */
  speakerConfidence?: number;
  /** The candidate speaker (entity id) of an attribution too uncertain to show as the speaker. */
  possibleSpeaker?: string;
}

export type TimeAnchor = 'published' | 'text' | 'absolute';

export interface TimeExpression {
  article: string;
  start: number;
  end: number;
  text: string;
  /** TIMEX3-style value, or null when a relative expression could not honestly be resolved. */
  value: string | null;
  anchor: TimeAnchor | null;
  /** TIMEX3 type: DATE, TIME, DURATION or SET. */
  type?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
}

export interface Event {
  id: string;
  type: string;
  mode: string | null;
  source: string | null;
  target: string | null;
  date: string | null;
  location: string | null;
  text: string;
  evidence: Span[];
}

export type Stance = 'support' | 'oppose' | 'demand' | 'offer' | 'conditional';

export interface Position {
  actor: string;
  issue: string;
  stance: Stance;
  /** Ordered: the actor's own words first, then the writer's statements, then third parties'. */
  evidence: Span[];
  /** Parallel to `evidence`: who asserted each span — the actor itself ('own'), the writer
   * without attribution ('writer'), or someone else such as an analyst or a rival ('third-party'). */
  attributedBy?: ('own' | 'writer' | 'third-party')[];
  /** For a group actor: entity ids of its members that the articles name. */
  members?: string[];
  /** Calibrated probability (0..1) that the actor, stance and issue are right. */
  confidence?: number;
  /** True when `confidence` is below the threshold: shown as uncertain, collapsed by default. */
  uncertain?: boolean;
}

export interface Condition {
  actor: string;
  commitment: string;
  condition: string;
  evidence: Span[];
  /** Calibrated probability (0..1) that this is a conditional commitment of this actor. */
  confidence?: number;
  uncertain?: boolean;
}

export interface Claim {
  article: string;
  start: number;
  end: number;
  text: string;
}

export interface Discrepancy {
  topic: string;
  claims: Claim[];
  explanation: string;
  /** Calibrated probability (0..1) that the claims are about the same thing and really conflict. */
  confidence?: number;
  uncertain?: boolean;
}

/** One cue behind a framing figure: the outlet's words, where they are, and how sure Parley is
 * that they are about this entity. */
export interface FramingCue {
  start: number;
  end: number;
  text: string;
  /** −1..1: the cue's tone. */
  weight: number;
  confidence?: number;
  uncertain?: boolean;
}

export interface Framing {
  article: string;
  entity: string;
  tone: number;
  mentions: number;
  cues: string[];
  /** The cues with their spans in `article` (an addition to the contract). */
  cueSpans?: FramingCue[];
}

export interface Problem {
  source: string;
  message: string;
}

/** brief.json. Optional sections are absent until the pipeline computes them. */
export interface Brief {
  schema: 'parley/brief@1';
  articles: Article[];
  entities?: Entity[];
  quotes?: Quote[];
  times?: TimeExpression[];
  events?: Event[];
  positions?: Position[];
  conditions?: Condition[];
  discrepancies?: Discrepancy[];
  framing?: Framing[];
  problems: Problem[];
}
