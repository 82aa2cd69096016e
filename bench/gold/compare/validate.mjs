// Checks gold.json against the article files so an edit to either cannot silently break the bench.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const gold = JSON.parse(readFileSync(join(here, 'gold.json'), 'utf8'));
const KINDS = new Set(['date', 'office', 'number', 'condition', 'speaker', 'title']);
const errors = [];

function check(item, isDiscrepancy) {
  const where = `${item.set}: ${item.topic}`;
  if (isDiscrepancy && !KINDS.has(item.kind)) errors.push(`${where}: unknown kind ${item.kind}`);
  const articles = new Set();
  for (const c of item.claims) {
    const file = join(here, item.set, `${c.article}.txt`);
    if (!existsSync(file)) { errors.push(`${where}: no file ${file}`); continue; }
    const text = readFileSync(file, 'utf8');
    const first = text.indexOf(c.text);
    if (first < 0) { errors.push(`${where}: not found in ${c.article}: ${c.text}`); continue; }
    if (text.indexOf(c.text, first + 1) >= 0) errors.push(`${where}: not unique in ${c.article}: ${c.text}`);
    // The first three lines are headline, byline and date line; claims must sit in the body.
    const headerEnd = text.split('\n').slice(0, 3).join('\n').length;
    if (first < headerEnd) errors.push(`${where}: claim in header of ${c.article}: ${c.text}`);
    articles.add(c.article);
  }
  if (articles.size < 2) errors.push(`${where}: claims in fewer than two articles`);
  if (isDiscrepancy && new Set(item.claims.map((c) => c.value)).size < 2) errors.push(`${where}: all values equal`);
}

gold.discrepancies.forEach((d) => check(d, true));
gold.nonConflicts.forEach((n) => check(n, false));
const byKind = {};
for (const d of gold.discrepancies) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
console.log(`discrepancies ${gold.discrepancies.length} ${JSON.stringify(byKind)}; nonConflicts ${gold.nonConflicts.length}`);
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log('gold.json OK');
