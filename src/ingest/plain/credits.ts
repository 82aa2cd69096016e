// Wire credit lines: "Reporting by Jane Doe in Lisvaro; Editing by John Roe". They credit the
// article but are not its prose, so they leave the body; the reporters they name can still serve
// as authors when no byline names any.
import { cleanAuthorList } from './byline.js';

const CLAUSE = /^(?:additional\s+)?(reporting|writing|editing|compiled|research|fact[- ]checking|graphics|production|translation|translated)\s+by\s+(.+)$/i;

export interface Credit {
  /** People credited for reporting or writing, in order. */
  reporters: string[];
}

export function parseCreditLine(line: string): Credit | null {
  const t = line.trim().replace(/^\(|\)\.?$|\.$/g, '');
  if (t.split(/\s+/).length > 40) return null;
  const clauses = t.split(/\s*;\s*|\.\s+(?=\p{Lu})/u);
  const reporters: string[] = [];
  for (const clause of clauses) {
    const m = CLAUSE.exec(clause);
    if (!m) return null;
    // Every credited part is a name (with a place): "Reporting by the two sides was …" is prose.
    const names = m[2].split(/\s*(?:,|&|\band\b)\s*/).map((who) => cleanAuthorList([who.replace(/\s+(?:in|from)\s+\p{Lu}[\p{L} .'-]*$/u, '')]));
    if (names.some((n) => n.length !== 1)) return null;
    if (!/^(?:reporting|writing)$/i.test(m[1])) continue;
    for (const [name] of names) if (!reporters.includes(name)) reporters.push(name);
  }
  return { reporters };
}
