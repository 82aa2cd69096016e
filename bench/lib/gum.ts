// Reading GUM's CoNLL-U files (../shared/datasets/gum/dep) for the parser's training script and
// benchmark. Nothing here ships: the corpus is read at training and benchmark time only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/util/data.js';

export const GUM_DIR = join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'gum');

export interface GumWord {
  form: string;
  /** 1-based head word id, 0 for the root. */
  head: number;
  deprel: string;
  /** Character offsets into the sentence's text. */
  start: number;
  end: number;
}

export interface GumSentence {
  id: string;
  text: string;
  words: GumWord[];
}

export interface GumDocument {
  name: string;
  sentences: GumSentence[];
}

export type Split = 'train' | 'dev' | 'test';

/** Document names per split: dev and test as splits.md lists them; train is every other GUM
 * document in dep/ (test2 is GENTLE, which is not in this subset). */
export function gumSplits(dir = GUM_DIR): Record<Split, string[]> {
  const md = readFileSync(join(dir, 'splits.md'), 'utf8');
  const listed = new Map<string, string>();
  let section = '';
  for (const line of md.split('\n')) {
    const h = /^##\s+(\S+)/.exec(line);
    if (h) section = h[1];
    const item = /^\s*\*\s+(\S+)/.exec(line);
    if (item && section) listed.set(item[1], section);
  }
  const names = readdirSync(join(dir, 'dep'))
    .filter((f) => f.endsWith('.conllu'))
    .map((f) => f.slice(0, -'.conllu'.length))
    .sort();
  const out: Record<Split, string[]> = { train: [], dev: [], test: [] };
  for (const name of names) {
    const s = listed.get(name);
    if (s === 'dev') out.dev.push(name);
    else if (s === 'test') out.test.push(name);
    else if (s === undefined || s === 'train') out.train.push(name);
  }
  return out;
}

export function gumAvailable(dir = GUM_DIR): boolean {
  return existsSync(join(dir, 'dep')) && existsSync(join(dir, 'splits.md'));
}

/** One document's basic dependency trees with each word's offsets in its sentence's `# text`.
 * Surface tokens are found in the text in order; the words of a multi-word token ("ministers’"
 * = ministers + ’) are found inside its surface span, or share it when their forms differ from it. */
export function readGumDocument(name: string, dir = GUM_DIR): GumDocument {
  const raw = readFileSync(join(dir, 'dep', `${name}.conllu`), 'utf8');
  const sentences: GumSentence[] = [];
  let id = '';
  let text = '';
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) sentences.push(buildSentence(id, text, rows));
    rows = [];
    text = '';
    id = '';
  };
  for (const line of raw.split('\n')) {
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      if (line.startsWith('# text = ')) text = line.slice('# text = '.length);
      else if (line.startsWith('# sent_id = ')) id = line.slice('# sent_id = '.length);
      continue;
    }
    rows.push(line.split('\t'));
  }
  flush();
  return { name, sentences };
}

function buildSentence(id: string, text: string, rows: string[][]): GumSentence {
  const words: GumWord[] = [];
  let cursor = 0;
  const locate = (form: string, from: number, limit: number): number => {
    const at = text.indexOf(form, from);
    return at >= 0 && at + form.length <= limit ? at : -1;
  };
  for (let k = 0; k < rows.length; k++) {
    const cols = rows[k];
    const idField = cols[0];
    if (idField.includes('.')) continue; // empty nodes of the enhanced graph
    if (idField.includes('-')) {
      const [a, b] = idField.split('-').map(Number);
      const surface = cols[1];
      let at = locate(surface, cursor, text.length);
      if (at < 0) throw new Error(`GUM ${id}: cannot find "${surface}" in the sentence text`);
      const spanEnd = at + surface.length;
      let inner = at;
      for (let w = a; w <= b; w++) {
        const c = rows[++k];
        const form = c[1];
        const found = locate(form, inner, spanEnd);
        const start = found >= 0 ? found : inner;
        const end = found >= 0 ? found + form.length : spanEnd;
        words.push({ form, head: Number(c[6]), deprel: c[7], start, end });
        inner = found >= 0 ? end : inner;
      }
      cursor = spanEnd;
      continue;
    }
    const form = cols[1];
    const at = locate(form, cursor, text.length);
    if (at < 0) throw new Error(`GUM ${id}: cannot find "${form}" in the sentence text`);
    words.push({ form, head: Number(cols[6]), deprel: cols[7], start: at, end: at + form.length });
    cursor = at + form.length;
  }
  return { id, text, words };
}
