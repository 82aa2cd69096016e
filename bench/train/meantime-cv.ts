// npm run bench:ner-cv — MEANTIME is training data for the entity model, so bench:ner's MEANTIME
// figure is not a fair one. This trains the model four times, each time without one of MEANTIME's
// four topic corpora (airbus, apple, gm, stock), and scores the whole entities stage on the topic
// left out: typed overlap and exact F1 on PER/ORG/LOC proper names, pooled over the four folds.
// Takes four trainings (a few minutes); the shipped weights are not touched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDoc } from '../../src/text/doc.js';
import { findEntities } from '../../src/entities/index.js';
import { useModel } from '../../src/entities/model/tagger.js';
import { PACKAGE_ROOT } from '../../src/util/data.js';
import { loadMeantimeDocs, meantimeAvailable } from '../lib/meantime.js';
import { textArticle } from '../lib/article.js';

const TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

function main() {
  if (!meantimeAvailable()) {
    console.log('bench:ner-cv: ../shared/datasets/meantime-en is absent; nothing to measure.');
    return;
  }
  const golds = loadMeantimeDocs();
  const topics = [...new Set(golds.map((g) => g.topic))];
  const dir = mkdtempSync(join(tmpdir(), 'parley-ner-cv-'));
  const counts = { overlap: { tp: 0, fp: 0, fn: 0 }, exact: { tp: 0, fp: 0, fn: 0 } };
  try {
    for (const topic of topics) {
      const out = join(dir, `${topic}.bin.gz`);
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/train/entities.ts', '--without-meantime', topic, '--out', out], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      useModel(out);
      const fold = { overlap: { tp: 0, fp: 0, fn: 0 }, exact: { tp: 0, fp: 0, fn: 0 } };
      for (const g of golds.filter((x) => x.topic === topic)) {
        const doc = buildDoc(textArticle(g.id, g.text, { outlet: 'Wikinews' }));
        const gold = g.names.filter((m) => ['PER', 'ORG', 'LOC'].includes(m.type));
        const pred = findEntities(doc).mentions.filter((m) => m.kind === 'name' && TYPE[m.type] && m.start < g.scopeEnd);
        for (const [mode, same] of [
          ['overlap', (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end],
          ['exact', (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end],
        ] as const) {
          const used = new Set<number>();
          for (const p of pred) {
            const j = gold.findIndex((x, k) => !used.has(k) && x.type === TYPE[p.type] && same(x, p));
            if (j >= 0) used.add(j);
            for (const c of [fold[mode], counts[mode]]) c[j >= 0 ? 'tp' : 'fp']++;
          }
          for (const c of [fold[mode], counts[mode]]) c.fn += gold.length - used.size;
        }
      }
      console.log(`${topic}: typed overlap F1 ${f(fold.overlap)}, exact ${f(fold.exact)} (model trained without this topic)`);
    }
  } finally {
    useModel(null);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`MEANTIME, 4 folds by topic, pooled: typed overlap P/R/F1 ${prf(counts.overlap)}; exact ${prf(counts.exact)}`);
}

const f = (c: { tp: number; fp: number; fn: number }) => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0).toFixed(3);
const prf = (c: { tp: number; fp: number; fn: number }) => `${(c.tp / Math.max(1, c.tp + c.fp)).toFixed(3)}/${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(3)}/${f(c)}`;

main();
