// Independent sources: a wire story republished by two sites is one report, not two. Articles are
// grouped when their texts are near-duplicates (shared word 5-gram shingles) or when they carry the
// same wire credit (dateline "(Reuters) -", an author line "By AFP", a closing "— AP").
import type { Article } from '../types.js';
import { loadJson } from '../util/data.js';
import { minShared, Rarity, signatureSize } from '../util/blocking.js';

export interface SourceGroups {
  /** Article id → group key (the id of the group's first article). */
  groupOf: Map<string, string>;
  /** Group key → a readable label: the wire's name, or the outlets in the group. */
  label: Map<string, string>;
  /** Article id → the wire it is credited to, when one is. */
  wire: Map<string, string>;
  /** Article id → id of an earlier article it copies (near-duplicate text), when it does. */
  copyOf: Map<string, string>;
}

interface Agency {
  name: string;
  forms: string[];
}

const SHINGLE = 5;
/** Share of the shorter text's shingles found in the other text above which one copies the other. */
const COPY_CONTAINMENT = 0.5;

export function shingles(text: string, n = SHINGLE): Set<string> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) out.add(tokens.slice(i, i + n).join(' '));
  return out;
}

/** |A∩B| / min(|A|,|B|): 1 when the shorter text is wholly contained in the longer (a trimmed copy). */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CreditPatterns {
  name: string;
  form: string;
  /** "GENEVA (Reuters) -", "GENEVA, May 12 (AFP) —" */
  dateline: RegExp;
  /** "By Reuters", "By AFP staff" */
  byline: RegExp;
  /** A closing credit such as "— Reuters" or "(Additional reporting by AFP)" on the last line. */
  closing: RegExp;
}

let creditPatterns: CreditPatterns[] | null = null;

/** Every agency form's patterns, compiled once. */
function credits(): CreditPatterns[] {
  if (!creditPatterns) {
    const agencies = loadJson<{ agencies: Agency[] }>('compare/wires.json').agencies;
    creditPatterns = agencies.flatMap((agency) =>
      agency.forms.map((form) => {
        const f = escapeRe(form);
        return {
          name: agency.name,
          form,
          dateline: new RegExp(`^[^\\n]{0,80}\\(${f}\\)\\s*[-—–:]`, 'm'),
          byline: new RegExp(`^\\s*(?:By\\s+)?${f}(?:\\s+staff)?\\s*$`, 'mi'),
          closing: new RegExp(`^(?:[-—–]\\s*|\\(?(?:With|Additional)?\\s*(?:reporting\\s+by\\s+)?)${f}\\)?\\.?$`, 'i'),
        };
      }),
    );
  }
  return creditPatterns;
}

/** The wire agency an article is credited to, from its authors, the dateline at the start of the
 * text or a credit line at its end. Short acronyms (AP, AA) count only inside a credit pattern. */
export function wireCredit(article: Article): string | null {
  const head = article.text.slice(0, 300);
  const tail = article.text.slice(-300);
  const lastLine = (tail.trim().split('\n').pop() ?? '').trim();
  for (const c of credits()) {
    if (article.authors.some((a) => c.byline.test(a) || a.trim().toLowerCase() === c.form.toLowerCase())) return c.name;
    if (c.dateline.test(head)) return c.name;
    if (c.closing.test(lastLine)) return c.name;
  }
  return null;
}

/**
 * Group articles into independent sources (union of near-duplicates and same-wire credits).
 * Comparing every pair of texts would grow with the square of the batch, so only the pairs that
 * can reach the copy threshold are compared (src/util/blocking.ts); the result is the all-pairs one.
 */
export function independentSources(articles: Article[]): SourceGroups {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (i: number, j: number): void => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const wire = new Map<string, string>();
  const copyOf = new Map<string, string>();
  const creditOf = articles.map((a) => wireCredit(a));
  const firstOfCredit = new Map<string, number>();
  articles.forEach((a, i) => {
    const credit = creditOf[i];
    if (!credit) return;
    wire.set(a.id, credit);
    const first = firstOfCredit.get(credit);
    if (first === undefined) firstOfCredit.set(credit, i);
    else union(first, i);
  });
  for (const [i, j] of copyPairs(articles.map((a) => shingles(a.text)))) {
    union(i, j);
    if (!copyOf.has(articles[j].id)) copyOf.set(articles[j].id, articles[i].id);
  }
  const groupOf = new Map<string, string>();
  const members = new Map<string, Article[]>();
  articles.forEach((a, i) => {
    const key = articles[find(i)].id;
    groupOf.set(a.id, key);
    if (!members.has(key)) members.set(key, []);
    members.get(key)!.push(a);
  });
  const label = new Map<string, string>();
  for (const [key, list] of members) {
    const credit = list.map((a) => wire.get(a.id)).find(Boolean);
    const outlets = [...new Set(list.map((a) => a.outlet ?? a.id))];
    label.set(key, credit ? `${credit} (via ${outlets.join(', ')})` : outlets.join(', '));
  }
  return { groupOf, label, wire, copyOf };
}

/** Pairs [i, j], i < j, whose shingle containment reaches COPY_CONTAINMENT, ordered by j then i. */
function copyPairs(sh: Set<string>[]): [number, number][] {
  const rarity = new Rarity(sh);
  // Texts by the ranks of their signature shingles.
  const bySignature: number[][] = [];
  sh.forEach((set, i) => {
    const ranks = rarity.ordered(set);
    const k = signatureSize(set.size, minShared(set.size, COPY_CONTAINMENT, 1));
    for (let p = 0; p < k; p++) (bySignature[ranks[p]] ??= []).push(i);
  });
  // For each text, the other texts whose signature meets its shingles: every pair that can be a
  // copy is met from the side of its smaller text.
  const partners: Set<number>[] = sh.map(() => new Set());
  sh.forEach((set, a) => {
    for (const x of set) {
      for (const b of bySignature[rarity.rank(x)] ?? []) {
        if (b !== a) partners[Math.max(a, b)].add(Math.min(a, b));
      }
    }
  });
  const out: [number, number][] = [];
  partners.forEach((earlier, j) => {
    for (const i of [...earlier].sort((x, y) => x - y)) if (containment(sh[i], sh[j]) >= COPY_CONTAINMENT) out.push([i, j]);
  });
  return out;
}

/** How many independent sources the given articles amount to. */
export function countSources(groups: SourceGroups, articleIds: Iterable<string>): number {
  const keys = new Set<string>();
  for (const id of articleIds) keys.add(groups.groupOf.get(id) ?? id);
  return keys.size;
}
