// Checks of the parser on Parley's own news-style sentences (bench/gold/syntax/patterns.json):
// the arcs later stages read, matched by word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDoc } from '../../src/text/doc.js';
import { parseSentence } from '../../src/syntax/index.js';
import { PACKAGE_ROOT } from '../../src/util/data.js';
import { textArticle } from './article.js';

interface PatternFile {
  sentences: { text: string; checks: [string, string, string][] }[];
}

export interface PatternResult {
  checks: number;
  right: number;
  misses: string[];
}

export function checkPatterns(): PatternResult {
  const file = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'bench', 'gold', 'syntax', 'patterns.json'), 'utf8')) as PatternFile;
  const out: PatternResult = { checks: 0, right: 0, misses: [] };
  for (const s of file.sentences) {
    const doc = buildDoc(textArticle('pattern', s.text));
    // The sentence may be split by wink-nlp; parse each part and index its tokens by word.
    const head = new Map<number, number>();
    const label = new Map<number, string>();
    doc.sentences.forEach((_, k) => {
      const p = parseSentence(doc, k);
      p.heads.forEach((h, i) => {
        head.set(p.firstToken + i, h);
        label.set(p.firstToken + i, p.labels[i]);
      });
    });
    const find = (word: string): number => {
      const [text, nth] = word.split('#');
      let seen = 0;
      for (let i = 0; i < doc.tokens.length; i++) {
        if (doc.tokens[i].text === text && ++seen === Number(nth ?? 1)) return i;
      }
      throw new Error(`patterns.json: "${word}" is not a token of "${s.text}"`);
    };
    for (const [dep, rel, gov] of s.checks) {
      out.checks++;
      const d = find(dep);
      const g = find(gov);
      const h = head.get(d)!;
      if (h === g && label.get(d) === rel) out.right++;
      else {
        const got = h < 0 ? 'ROOT' : doc.tokens[h].text;
        out.misses.push(`${dep} -${rel}-> ${gov}: got ${label.get(d)} -> ${got}   (${s.text})`);
      }
    }
  }
  return out;
}
