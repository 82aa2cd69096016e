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

export interface Comparison {
  discrepancies: Discrepancy[];
  framing: Framing[];
  /** Article id → kind, or null when the evidence does not decide. */
  kinds: Record<string, ArticleKind | null>;
}

export function compare(brief: Brief, docs: Doc[]): Comparison {
  const ctx = buildContext(brief, docs);
  const kinds: Record<string, ArticleKind | null> = {};
  for (const a of ctx.articles) kinds[a.id] = a.doc.article.kind ?? guarded(`kind of ${a.id}`, null, () => articleKind(a).kind);
  return {
    discrepancies: findDiscrepancies(ctx).map((d) => toDiscrepancy(d, ctx)),
    framing: guarded('framing', [], () => framing(ctx)),
    kinds,
  };
}

/** Bad input never crashes the batch: a part that fails is left out and said so on stderr. */
function guarded<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (err) {
    process.stderr.write(`parley: compare: ${what} skipped: ${(err as Error).message}\n`);
    return fallback;
  }
}
