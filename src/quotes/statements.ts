// One statement, several outlets: quotes whose words match after normalising punctuation,
// ellipses, case and small wording differences (a translation's "shall" for "will", "a" for "any")
// share a statement id, so the brief can say "quoted by 3 outlets" and show where wording differs.
import type { Quote } from '../types.js';

const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'in', 'on', 'is', 'are', 'be', 'that', 'this', 'it', 'for', 'with', 'as', 'at', 'by', 'but', 'or', 'so', 'now', 'any', 'all', 'very', 'just', 'will', 'shall', 'would', 'we', 'our', 'us', 'they', 'their', 'them', 'i', 'you', 'he', 'she', 'his', 'her']);

/** Lower-cased words without punctuation, ellipses or quote marks; crude stems so that
 * "leaves"/"leave" and "talks"/"talk" meet. */
export function statementWords(text: string): string[] {
  return (text.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []).map((w) => w.replace(/'s$/, '').replace(/(ies)$/, 'y').replace(/(?<=[a-z]{3})(s|es|ed|ing)$/, ''));
}

function contentWords(words: string[]): string[] {
  return words.filter((w) => !STOP.has(w));
}

/** Share of the shorter quote's words found in the longer one, counted with multiplicity, over
 * all words and over content words; the lower of the two. */
export function statementSimilarity(a: string, b: string): number {
  const wa = statementWords(a);
  const wb = statementWords(b);
  return Math.min(overlap(wa, wb), overlap(contentWords(wa), contentWords(wb)));
}

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const counts = new Map<string, number>();
  for (const w of long) counts.set(w, (counts.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of short) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      hit++;
      counts.set(w, c - 1);
    }
  }
  return hit / short.length;
}

const MIN_WORDS = 4;
const MIN_CONTENT = 2;
const SAME_SPEAKER_THRESHOLD = 0.6;
const UNKNOWN_SPEAKER_THRESHOLD = 0.8;

/** Map from quote index to a statement id, for statements quoted in at least two articles. */
export function groupStatements(quotes: Quote[]): Map<number, string> {
  const parent = quotes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const words = quotes.map((q) => statementWords(q.text));
  const content = words.map(contentWords);
  const eligible = (i: number) => words[i].length >= MIN_WORDS && content[i].length >= MIN_CONTENT;
  // Only pairs that share at least two content words can reach the thresholds: index by word so a
  // brief over hundreds of articles does not compare every quote with every other.
  const byWord = new Map<string, number[]>();
  quotes.forEach((_, i) => {
    if (!eligible(i)) return;
    for (const w of new Set(content[i])) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  const sets = content.map((c) => new Set(c));
  // Words in very many quotes ("people", "government") find candidates poorly; the rarer words a
  // repeated statement shares are enough to bring its quotes together.
  const common = Math.max(50, Math.ceil(quotes.length * 0.05));
  for (let i = 0; i < quotes.length; i++) {
    if (!eligible(i)) continue;
    const candidates = new Set<number>();
    for (const w of sets[i]) {
      const list = byWord.get(w) ?? [];
      if (list.length > common) continue;
      for (const j of list) if (j > i) candidates.add(j);
    }
    for (const j of candidates) {
      if (quotes[i].article === quotes[j].article) continue;
      // Cheap bound before the full comparison: enough distinct content words in common.
      let shared = 0;
      for (const w of sets[j]) if (sets[i].has(w)) shared++;
      if (shared < Math.max(MIN_CONTENT, Math.ceil(0.6 * Math.min(sets[i].size, sets[j].size)) - 1)) continue;
      const a = quotes[i].speaker;
      const b = quotes[j].speaker;
      if (a && b && a !== b) continue;
      const threshold = a && b ? SAME_SPEAKER_THRESHOLD : UNKNOWN_SPEAKER_THRESHOLD;
      if (Math.min(overlap(words[i], words[j]), overlap(content[i], content[j])) >= threshold) parent[find(i)] = find(j);
    }
  }
  const members = new Map<number, number[]>();
  quotes.forEach((_, i) => {
    const r = find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  });
  const out = new Map<number, string>();
  let n = 0;
  for (const group of members.values()) {
    if (group.length < 2) continue;
    if (new Set(group.map((i) => quotes[i].article)).size < 2) continue;
    n++;
    for (const i of group) out.set(i, `s${n}`);
  }
  return out;
}
