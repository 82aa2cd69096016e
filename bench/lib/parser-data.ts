// GUM sentences as the parser sees them at run time: each sentence's text goes through Parley's
// own Doc (wink-nlp tokens and POS), and the gold tree is projected onto those tokens.
import { buildDoc } from '../../src/text/doc.js';
import { normaliseLabel } from '../../src/syntax/labels.js';
import { projectTree } from '../../src/syntax/project.js';
import type { ParseToken } from '../../src/syntax/parser.js';
import { gumSplits, readGumDocument, type Split } from './gum.js';
import { textArticle } from './article.js';

export interface GoldSentence {
  id: string;
  tokens: ParseToken[];
  heads: Int32Array;
  labels: string[];
}

export interface SplitData {
  sentences: GoldSentence[];
  /** GUM sentences read, and why some were left out. */
  total: number;
  failures: Map<string, number>;
  /** Aligned sentences in which some tokens merge several words or split one. */
  merged: number;
  split: number;
  /** Aligned sentences with a merged token whose words had several outside heads (one kept). */
  repaired: number;
  /** Gold words that became the inside of a merged token (their arcs are not scored). */
  wordsLost: number;
  words: number;
}

export function loadSplit(split: Split): SplitData {
  const names = gumSplits()[split];
  const out: SplitData = { sentences: [], total: 0, failures: new Map(), merged: 0, split: 0, repaired: 0, wordsLost: 0, words: 0 };
  for (const name of names) {
    const gum = readGumDocument(name);
    // One line per sentence: a line is a paragraph of the Doc, so wink-nlp tokenises each GUM
    // sentence on its own and the gold sentence boundaries hold.
    const bases: number[] = [];
    let text = '';
    for (const s of gum.sentences) {
      if (text !== '') text += '\n';
      bases.push(text.length);
      text += s.text;
    }
    const doc = buildDoc(textArticle(name, text));
    const byParagraph: number[][] = gum.sentences.map(() => []);
    for (let i = 0; i < doc.tokens.length; i++) {
      const p = doc.sentences[doc.tokens[i].sentence].paragraph;
      byParagraph[p].push(i);
    }
    if (doc.paragraphs.length !== gum.sentences.length) throw new Error(`${name}: paragraphs do not match sentences`);
    gum.sentences.forEach((s, k) => {
      out.total++;
      out.words += s.words.length;
      const base = bases[k];
      const toks = byParagraph[k].map((i) => doc.tokens[i]);
      const spans = toks.map((t) => ({ start: t.start - base, end: t.end - base }));
      const words = s.words.map((w) => ({ start: w.start, end: w.end, head: w.head, label: normaliseLabel(w.deprel) }));
      const p = projectTree(words, spans, (i) => toks[i].pos === 'PUNCT');
      if (p.failure) {
        out.failures.set(p.failure, (out.failures.get(p.failure) ?? 0) + 1);
        return;
      }
      if (p.merged > 0) out.merged++;
      if (p.split > 0) out.split++;
      if (p.repaired > 0) out.repaired++;
      out.wordsLost += p.absorbed;
      out.sentences.push({ id: s.id, tokens: toks.map((t) => ({ text: t.text, pos: t.pos, lemma: t.lemma })), heads: p.heads, labels: p.labels });
    });
  }
  return out;
}
