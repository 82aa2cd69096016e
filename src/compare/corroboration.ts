// Corroboration: which statements, events and positions several articles report, counted in
// independent sources (a wire copy run by two sites counts once), and what only one source reports.
import type { Brief, Quote, Span } from '../types.js';
import { countSources, independentSources, type SourceGroups } from './sources.js';
import { minShared, Postings, Rarity, signatureSize } from '../util/blocking.js';

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
 * wording, so that corroboration does not depend on that stage grouping everything. A quote joins
 * the first group holding a quote of another article in the same words (or, by the same speaker,
 * a fragment of it); the groups that can hold one are found through the quotes' word pairs
 * (WordPairIndex), so the work grows with the quotes, not with their square. */
export function statementGroups(brief: Brief, sources: SourceGroups = independentSources(brief.articles)): StatementGroup[] {
  const quotes = brief.quotes ?? [];
  const groups: { id: string; quotes: Quote[] }[] = [];
  const groupOf: number[] = [];
  const byStatement = new Map<string, number>();
  const index = new WordPairIndex(
    quotes.map((q) => read(q.text).words),
    quotes.map((q) => q.speaker),
  );
  quotes.forEach((q, qi) => {
    let g = q.statement ? byStatement.get(q.statement) : undefined;
    if (g === undefined) {
      let first = Infinity;
      for (const oi of index.candidates(qi)) {
        if (groupOf[oi] >= first) continue;
        const o = quotes[oi];
        if (o.article !== q.article && (sameWords(o.text, q.text) || sameFragment(o, q))) first = groupOf[oi];
      }
      if (first < Infinity) g = first;
    }
    if (g === undefined) {
      g = groups.length;
      groups.push({ id: q.statement ?? q.id, quotes: [] });
    }
    if (q.statement) byStatement.set(q.statement, g);
    groups[g].quotes.push(q);
    groupOf[qi] = g;
    index.add(qi);
  });
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

/**
 * The quotes that can be the same words as a given one (sameWords) or hold it as a fragment
 * (sameFragment), among those added so far: a superset, never missing one (src/util/blocking.ts).
 * sameWords needs 60 % of the shorter quote's word pairs in the longer one, or, under four words,
 * the same words; a fragment needs all of its pairs in a longer quote of the same speaker. So a
 * quote is indexed by its pairs, by its signature (enough of its rarest pairs that one is shared
 * in any match where it is the shorter), by its words when under four, and, with its speaker, by
 * its pairs and its rarest pair.
 */
class WordPairIndex {
  private readonly words: string[][];
  private readonly pairs: string[][];
  private readonly signature: string[][];
  private readonly rarestPair: (string | null)[];
  private readonly byPair = new Postings<string, number>();
  private readonly bySignature = new Postings<string, number>();
  private readonly byWords = new Postings<string, number>();
  private readonly bySpeakerPair = new Postings<string, number>();
  private readonly bySpeakerRarest = new Postings<string, number>();
  private readonly seen: number[];
  private stamp = 0;

  constructor(
    words: string[][],
    private readonly speakers: (string | null)[],
  ) {
    this.words = words;
    const positions = words.map((w) => w.slice(1).map((x, i) => `${w[i]} ${x}`));
    this.pairs = positions.map((ps) => [...new Set(ps)]);
    const rarity = new Rarity(this.pairs);
    // Over positions, not distinct pairs: sameWords counts a repeated pair once per position.
    const rarestPositions = (ps: string[], k: number) => {
      const ranks = ps.map((p) => rarity.rank(p)).sort((a, b) => a - b);
      return [...new Set(ranks.slice(0, k))].map((r) => rarity.members[r]);
    };
    this.signature = positions.map((ps) => (ps.length >= 3 ? rarestPositions(ps, signatureSize(ps.length, minShared(ps.length, 0.6, 1))) : []));
    this.rarestPair = positions.map((ps) => (ps.length >= 1 ? rarestPositions(ps, 1)[0] : null));
    this.seen = words.map(() => -1);
  }

  private speakerKey(i: number, pair: string): string | null {
    const speaker = this.speakers[i];
    return speaker ? `${speaker}\u0000${pair}` : null;
  }

  add(i: number): void {
    if (this.words[i].length < 4) this.byWords.add(this.words[i].join(' '), i);
    else {
      for (const p of this.pairs[i]) this.byPair.add(p, i);
      for (const p of this.signature[i]) this.bySignature.add(p, i);
    }
    if (this.speakers[i]) {
      for (const p of this.pairs[i]) this.bySpeakerPair.add(this.speakerKey(i, p)!, i);
      const r = this.rarestPair[i];
      if (r !== null) this.bySpeakerRarest.add(this.speakerKey(i, r)!, i);
    }
  }

  candidates(i: number): number[] {
    const out: number[] = [];
    const stamp = ++this.stamp;
    const take = (list: readonly number[]) => {
      for (const o of list) {
        if (this.seen[o] === stamp) continue;
        this.seen[o] = stamp;
        out.push(o);
      }
    };
    if (this.words[i].length < 4) take(this.byWords.get(this.words[i].join(' ')));
    else {
      // This quote the shorter: its signature meets the other's pairs; or the other the shorter.
      for (const p of this.signature[i]) take(this.byPair.get(p));
      for (const p of this.pairs[i]) take(this.bySignature.get(p));
    }
    if (this.speakers[i]) {
      const r = this.rarestPair[i];
      if (r !== null) take(this.bySpeakerPair.get(this.speakerKey(i, r)!));
      for (const p of this.pairs[i]) take(this.bySpeakerRarest.get(this.speakerKey(i, p)!));
    }
    return out;
  }
}

export function corroborate<T extends { evidence: Span[] }>(items: T[], sources: SourceGroups): Corroborated<T>[] {
  return items.map((item) => {
    const articles = [...new Set(item.evidence.map((e) => e.article))];
    const n = countSources(sources, articles);
    const only = n === 1 && articles.length > 0 ? (sources.label.get(sources.groupOf.get(articles[0]) ?? articles[0]) ?? articles[0]) : null;
    return { item, articles, sources: n, onlySource: only };
  });
}
