// compare/: work across articles on the annotations only: corroboration, discrepancies, framing
// per article and actor, and each article's kind (news, analysis, opinion).
import type { ArticleKind, Brief, Discrepancy, Framing } from '../types.js';
import type { Doc } from '../text/doc.js';

export interface Comparison {
  discrepancies: Discrepancy[];
  framing: Framing[];
  /** Article id → kind, or null when the evidence does not decide. */
  kinds: Record<string, ArticleKind | null>;
}

export function compare(brief: Brief, docs: Doc[]): Comparison {
  // Work in progress: the detectors land in this folder one by one; until then nothing is claimed.
  const kinds: Record<string, ArticleKind | null> = {};
  for (const d of docs) kinds[d.article.id] = d.article.kind ?? null;
  void brief;
  return { discrepancies: [], framing: [], kinds };
}
