// A deterministic text for each MEANTIME (Wikinews) document, rebuilt from its tokens, so that gold
// quote annotations can point into it by document id and offsets without the repository holding any
// of the corpus's text. Change nothing here without re-checking the gold: offsets depend on it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface MeantimeDoc {
  id: string;
  name: string;
  text: string;
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&apos;': "'" };

function decode(s: string): string {
  return s.replace(/&(quot|amp|lt|gt|apos);/g, (m) => ENTITIES[m]);
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '%', ')', ']', '?', '!', "'", '”', '’', "n't", "'s", "'re", "'ve", "'ll", "'d", "'m"]);
const NO_SPACE_AFTER = new Set(['(', '[', '$', '“', '‘', '£', '€', '¥']);

/** Join PTB-style tokens into readable text: `` and '' become straight double quotes (Wikinews
 * wrote straight quotes), a bare " is an opening or closing mark by parity, contractions and
 * punctuation attach to the word before. */
function detokenize(sentences: string[][]): string {
  const lines: string[] = [];
  let quoteOpen = false;
  const renderSentence = (tokens: string[], carry: { open: boolean }): string => {
    let out = '';
    let glueNext = false;
    for (const raw of tokens) {
      let tok = raw;
      let glueBefore = NO_SPACE_BEFORE.has(tok);
      let glueAfter = NO_SPACE_AFTER.has(tok);
      if (tok === '``') {
        tok = '"';
        glueAfter = true;
        glueBefore = false;
      } else if (tok === "''") {
        tok = '"';
        glueBefore = true;
      } else if (tok === '`') {
        tok = "'";
        glueAfter = true;
      } else if (tok === '"') {
        carry.open = !carry.open;
        if (carry.open) glueAfter = true;
        else glueBefore = true;
      }
      if (out !== '' && !glueBefore && !glueNext) out += ' ';
      out += tok;
      glueNext = glueAfter;
    }
    return out;
  };
  const carry = { open: quoteOpen };
  const head = sentences[0] ? renderSentence(sentences[0], carry) : '';
  carry.open = false;
  const date = sentences[1] ? renderSentence(sentences[1], carry) : '';
  carry.open = false;
  const body = sentences.slice(2).map((s) => renderSentence(s, carry));
  lines.push(head, date, body.join(' '));
  quoteOpen = carry.open;
  void quoteOpen;
  return lines.join('\n\n');
}

export function parseMeantime(xml: string, name: string): MeantimeDoc {
  const id = /doc_id="([^"]+)"/.exec(xml)?.[1] ?? name;
  const sentences: string[][] = [];
  const re = /<token[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const s = Number(m[1]);
    (sentences[s] ??= []).push(decode(m[2]));
  }
  return { id, name, text: detokenize(sentences.filter((s) => s !== undefined)) };
}

/** Every MEANTIME document under `dir` (the corpus's intra_cross-doc_annotation folder), by id. */
export function loadMeantime(dir: string): Map<string, MeantimeDoc> {
  const docs = new Map<string, MeantimeDoc>();
  if (!existsSync(dir)) return docs;
  for (const corpus of readdirSync(dir).sort()) {
    const sub = join(dir, corpus);
    for (const file of readdirSync(sub).sort()) {
      if (!file.endsWith('.xml')) continue;
      const doc = parseMeantime(readFileSync(join(sub, file), 'utf8'), file.replace(/\.xml$/, ''));
      docs.set(doc.id, doc);
    }
  }
  return docs;
}
