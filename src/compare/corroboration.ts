// Corroboration: which statements, events and positions several articles report, counted in
// independent sources (a wire copy run by two sites counts once), and what only one source reports.
import type { Brief, Quote, Span } from '../types.js';
import { countSources, independentSources, type SourceGroups } from './sources.js';

export interface StatementGroup {
  /** The statement id shared by the quotes (or the first quote's id when ungrouped). */
  id: string;
  speaker: string | null;
  quotes: Quote[];
  articles: string[];
  /** Independent sources quoting it. */
  sources: number;
}

export interface Corroborated<T> {
  item: T;
  articles: string[];
  sources: number;
  /** Label of the only source reporting it, when just one does. */
  onlySource: string | null;
}

const wordCache = new Map<string, { words: string[]; bigrams: Set<string> }>();

function read(text: string): { words: string[]; bigrams: Set<string> } {
  let r = wordCache.get(text);
  if (!r) {
    if (wordCache.size > 20000) wordCache.clear();
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    r = { words, bigrams: new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`)) };
    wordCache.set(text, r);
  }
  return r;
}

/** Two renderings of one statement: most of the shorter one's words appear, in order, in the longer. */
export function sameWords(a: string, b: string): boolean {
  const ra = read(a);
  const rb = read(b);
  const [short, long] = ra.words.length <= rb.words.length ? [ra, rb] : [rb, ra];
  const s = short.words;
  const l = long.words;
  if (s.length < 4) return s.join(' ') === l.join(' ');
  const bigrams = long.bigrams;
  let hit = 0;
  for (let i = 1; i < s.length; i++) if (bigrams.has(`${s[i - 1]} ${s[i]}`)) hit++;
  return hit / (s.length - 1) >= 0.6;
}

/** A short quoted fragment ("within days") inside a longer quote of the same speaker. */
export function sameFragment(a: Quote, b: Quote): boolean {
  if (!a.speaker || a.speaker !== b.speaker) return false;
  const wa = read(a.text).words;
  const wb = read(b.text).words;
  const [s, l] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (s.length < 2) return false;
  const needle = ` ${s.join(' ')} `;
  return ` ${l.join(' ')} `.includes(needle);
}

/** Group quotes into statements: by the quotes stage's `statement` id where it gave one, else by
 * wording, so that corroboration does not depend on that stage grouping everything. */
export function statementGroups(brief: Brief, sources: SourceGroups = independentSources(brief.articles)): StatementGroup[] {
  const groups: { id: string; quotes: Quote[] }[] = [];
  const byStatement = new Map<string, { id: string; quotes: Quote[] }>();
  for (const q of brief.quotes ?? []) {
    let g = q.statement ? byStatement.get(q.statement) : undefined;
    if (!g) g = groups.find((x) => x.quotes.some((o) => o.article !== q.article && (sameWords(o.text, q.text) || sameFragment(o, q))));
    if (!g) {
      g = { id: q.statement ?? q.id, quotes: [] };
      groups.push(g);
    }
    if (q.statement) byStatement.set(q.statement, g);
    g.quotes.push(q);
  }
  return groups.map((g) => {
    const articles = [...new Set(g.quotes.map((q) => q.article))];
    const speakers = g.quotes.map((q) => q.speaker).filter((s): s is string => !!s);
    // The speaker most outlets name; disagreements are reported as discrepancies.
    const counts = new Map<string, number>();
    for (const s of speakers) counts.set(s, (counts.get(s) ?? 0) + 1);
    const speaker = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return { id: g.id, speaker, quotes: g.quotes, articles, sources: countSources(sources, articles) };
  });
}

export function corroborate<T extends { evidence: Span[] }>(items: T[], sources: SourceGroups): Corroborated<T>[] {
  return items.map((item) => {
    const articles = [...new Set(item.evidence.map((e) => e.article))];
    const n = countSources(sources, articles);
    const only = n === 1 && articles.length > 0 ? (sources.label.get(sources.groupOf.get(articles[0]) ?? articles[0]) ?? articles[0]) : null;
    return { item, articles, sources: n, onlySource: only };
  });
}
