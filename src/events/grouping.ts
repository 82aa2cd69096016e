import { loadJson } from '../util/data.js';

// One Position per actor, issue and stance across articles: issue labels read from different
// sentences ("funding of the observer mission", "observer mission"; "late rule
// changes", "late rule change") name one issue when they share their head word and most of
// their words, unless the longer one adds a word that turns the issue round ("cap on the mission"
// is not "the mission").

/** Words that make a phrase about a limit on, or the end of, what follows: never merged with it. */
const POLAR = new Set([
  'cap', 'limit', 'curb', 'restriction', 'ceiling', 'freeze', 'moratorium', 'rollback', 'cut', 'reduction',
  'suspension', 'halt', 'lifting', 'easing', 'end', 'repeal', 'reversal', 'rescission', 'revocation', 'ban',
  'withdrawal', 'opposition', 'rejection', 'scrapping', 'phase', 'wind', 'delay', 'postponement', 'cancellation',
  'no', 'non', 'anti', 'against', 'without', 'exit', 'removal', 'abolition', 'veto', 'blocking',
]);

const POLAR_STEMS = new Set([...POLAR].map((w) => stemWord(w)));

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'for', 'on', 'in', 'and', 'or', 'with', 'its', 'their', 'his', 'her', 'by', 'at', 'from', 's']);

/** A crude stem: "rules" and "rule", "forces" and "force" alike. */
export function stemWord(w: string): string {
  return w.replace(/ies$/, 'y').replace(/(es|s)$/, '').replace(/(ing|ed)$/, '').replace(/e$/, '').slice(0, 7);
}

/** The content words of an issue label, stemmed, in order. */
export function issueStems(issue: string): string[] {
  return (issue.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w)).map(stemWord);
}

interface SeedVocabulary {
  issues: Map<string, string>;
  heads: Map<string, string>;
  phrases: { words: string[]; issue: string }[];
}
let seedCache: SeedVocabulary | null = null;
function seeds(): SeedVocabulary {
  if (seedCache) return seedCache;
  const f = loadJson<{ issues: Record<string, string[]>; heads?: Record<string, string[]> }>('events/issues.json');
  const heads = new Map<string, string>();
  for (const [issue, list] of Object.entries(f.heads ?? {})) for (const h of list) heads.set(stemWord(h), issue);
  const phrases = Object.entries(f.issues).flatMap(([issue, list]) => list.map((p) => ({ words: issueStems(p), issue }))).filter((p) => p.words.length > 0);
  seedCache = { issues: new Map(Object.keys(f.issues).map((k) => [k.toLowerCase(), k])), heads, phrases };
  return seedCache;
}

/** The seed issue (data/events/issues.json) a label names: the label itself, its head word
 * ("cruise missiles" → military aid), or a seed phrase it ends with ("EU oil sanctions" →
 * sanctions); null for none. */
export function seedIssueOf(label: string): string | null {
  const v = seeds();
  const own = v.issues.get(label.toLowerCase());
  if (own) return own;
  const w = issueStems(label);
  if (w.length === 0) return null;
  const byHead = v.heads.get(w[w.length - 1]);
  if (byHead) return byHead;
  for (const p of v.phrases) {
    if (p.words.length > w.length) continue;
    if (p.words.every((x, i) => w[w.length - p.words.length + i] === x)) return p.issue;
  }
  return null;
}

/** Do two issue labels of one actor and stance name the same issue? */
export function sameIssue(a: string, b: string): boolean {
  if (a === b) return true;
  const x = issueStems(a);
  const y = issueStems(b);
  if (x.length === 0 || y.length === 0) return false;
  const xs = new Set(x);
  const ys = new Set(y);
  // A word of limitation or ending that only one has turns the issue round, seed or not.
  const extra = [...x.filter((w) => !ys.has(w)), ...y.filter((w) => !xs.has(w))];
  if (extra.some((w) => POLAR_STEMS.has(w))) return false;
  // One of them a seed issue the other names by its head ("military aid", "cruise missiles").
  const sa = seedIssueOf(a);
  const sb = seedIssueOf(b);
  if (sa && sa === sb && (sa === a || sb === b)) return true;
  // The head is the last content word ("funding of the observer mission" → mission).
  if (x[x.length - 1] !== y[y.length - 1]) return false;
  const shared = x.filter((w) => ys.has(w)).length;
  const subset = x.every((w) => ys.has(w)) || y.every((w) => xs.has(w));
  return subset || shared / Math.max(xs.size, ys.size) >= 0.5;
}
