// Attachment scores of the parser against projected GUM trees: UAS and LAS over non-punctuation
// tokens (gold label punct), as in the CoNLL shared tasks, plus per-label precision and recall.
import type { ParserModel } from '../../src/syntax/model.js';
import { parseTokens, type ParseResult } from '../../src/syntax/parser.js';
import type { GoldSentence } from './parser-data.js';

export interface Scores {
  tokens: number;
  uas: number;
  las: number;
  /** Per gold/predicted label: gold count, predicted count, correct (head and label). */
  perLabel: Map<string, { gold: number; predicted: number; correct: number }>;
  seconds: number;
  sentences: number;
}

export function evaluateParser(model: ParserModel, sentences: GoldSentence[]): Scores {
  let tokens = 0;
  let uas = 0;
  let las = 0;
  const perLabel = new Map<string, { gold: number; predicted: number; correct: number }>();
  const entry = (l: string) => {
    let e = perLabel.get(l);
    if (!e) perLabel.set(l, (e = { gold: 0, predicted: 0, correct: 0 }));
    return e;
  };
  const results: ParseResult[] = [];
  const t0 = performance.now();
  for (const s of sentences) results.push(parseTokens(model, s.tokens));
  const seconds = (performance.now() - t0) / 1000;
  sentences.forEach((s, k) => {
    const r = results[k];
    for (let i = 0; i < s.tokens.length; i++) {
      const gl = s.labels[i];
      if (gl === 'punct') continue;
      const pl = model.labels[r.labels[i]];
      tokens++;
      const headOk = r.heads[i] === s.heads[i];
      if (headOk) uas++;
      if (headOk && pl === gl) las++;
      entry(gl).gold++;
      entry(pl).predicted++;
      if (headOk && pl === gl) entry(gl).correct++;
    }
  });
  return { tokens, uas: uas / tokens, las: las / tokens, perLabel, seconds, sentences: sentences.length };
}
