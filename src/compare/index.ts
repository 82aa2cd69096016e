// compare/: work across articles on the annotations only: discrepancies between outlets, framing
// per article and actor, and each article's kind (news, analysis, opinion). Corroboration (how many
// independent sources report an item) is computed from the brief by corroboration.ts, which the
// renderers call, so that it needs no field of its own in brief.json.
import type { ArticleKind, Brief, Discrepancy, Framing } from '../types.js';
import type { Doc } from '../text/doc.js';
import { buildContext } from './context.js';
import { findDiscrepancies } from './discrepancies.js';
import { toDiscrepancy } from './claims.js';
import { framing } from './framing.js';
import { articleKind } from './kind.js';
import { bare, type Isolate } from '../util/isolate.js';

export interface Comparison {
  discrepancies: Discrepancy[];
  framing: Framing[];
  /** Article id → kind, or null when the evidence does not decide. */
  kinds: Record<string, ArticleKind | null>;
}

/** Discrepancies, framing and article kinds. Each article's kind, the framing and each
 * discrepancy detector run through `isolate`, so with the pipeline's one failing part leaves the
 * rest of the comparison (and is reported); with the default it throws. */
function shownFirst(list: Discrepancy[]): Discrepancy[] {
  return [...list.filter((d) => !d.uncertain), ...list.filter((d) => d.uncertain)];
}

export function compare(brief: Brief, docs: Doc[], isolate: Isolate = bare): Comparison {
  const ctx = buildContext(brief, docs);
  const kinds: Record<string, ArticleKind | null> = {};
  for (const a of ctx.articles) kinds[a.id] = a.doc.article.kind ?? isolate('article kind', () => articleKind(a).kind, null, a.id);
  return {
    // What the brief shows by default first, then what it is unsure of, each in the detectors' order.
    discrepancies: shownFirst(findDiscrepancies(ctx, isolate).map((d) => toDiscrepancy(d, ctx))),
    framing: isolate('framing', () => framing(ctx), [], null),
    kinds,
  };
}
