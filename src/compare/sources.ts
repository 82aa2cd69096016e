// Independent sources: a wire story republished by two sites is one report, not two. Articles are
// grouped when their texts are near-duplicates (shared word 5-gram shingles) or when they carry the
// same wire credit (dateline "(Reuters) -", an author line "By AFP", a closing "— AP").
import type { Article } from '../types.js';
import { loadJson } from '../util/data.js';

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

/** The wire agency an article is credited to, from its authors, the dateline at the start of the
 * text or a credit line at its end. Short acronyms (AP, AA) count only inside a credit pattern. */
export function wireCredit(article: Article): string | null {
  const agencies = loadJson<{ agencies: Agency[] }>('compare/wires.json').agencies;
  const head = article.text.slice(0, 300);
  const tail = article.text.slice(-300);
  for (const agency of agencies) {
    for (const form of agency.forms) {
      const f = escapeRe(form);
      const credit = [
        // "GENEVA (Reuters) -", "GENEVA, May 12 (AFP) —"
        new RegExp(`^[^\\n]{0,80}\\(${f}\\)\\s*[-—–:]`, 'm'),
        // "By Reuters", "By AFP staff"
        new RegExp(`^\\s*(?:By\\s+)?${f}(?:\\s+staff)?\\s*$`, 'mi'),
      ];
      if (article.authors.some((a) => credit[1].test(a) || a.trim().toLowerCase() === form.toLowerCase())) return agency.name;
      if (credit[0].test(head)) return agency.name;
      // A closing credit such as "— Reuters" or "(Additional reporting by AFP)" on the last line.
      const lastLine = tail.trim().split('\n').pop() ?? '';
      if (new RegExp(`^(?:[-—–]\\s*|\\(?(?:With|Additional)?\\s*(?:reporting\\s+by\\s+)?)${f}\\)?\\.?$`, 'i').test(lastLine.trim())) return agency.name;
    }
  }
  return null;
}

/** Group articles into independent sources (union of near-duplicates and same-wire credits). */
export function independentSources(articles: Article[]): SourceGroups {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (i: number, j: number): void => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const sh = articles.map((a) => shingles(a.text));
  const wire = new Map<string, string>();
  const copyOf = new Map<string, string>();
  const credits = articles.map((a) => wireCredit(a));
  articles.forEach((a, i) => {
    if (credits[i]) wire.set(a.id, credits[i]!);
  });
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      if (credits[i] && credits[i] === credits[j]) union(i, j);
      if (containment(sh[i], sh[j]) >= COPY_CONTAINMENT) {
        union(i, j);
        if (!copyOf.has(articles[j].id)) copyOf.set(articles[j].id, articles[i].id);
      }
    }
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

/** How many independent sources the given articles amount to. */
export function countSources(groups: SourceGroups, articleIds: Iterable<string>): number {
  const keys = new Set<string>();
  for (const id of articleIds) keys.add(groups.groupOf.get(id) ?? id);
  return keys.size;
}
