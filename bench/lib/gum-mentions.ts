// Reading GUM (CoNLL-U with Entity= brackets) from ../shared/datasets/gum: a document's text rebuilt
// from its sentences, every token's offsets, every mention with its type and syntactic head, and
// the corpus's own train/dev/test split. Shared by the entity trainer and bench:ner.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicon } from '../../src/entities/lexicon.js';

export const GUM_DIR = new URL('../../../shared/datasets/gum/', import.meta.url).pathname;

export interface GumToken {
  /** 1-based id within its sentence, as in the file. */
  id: number;
  form: string;
  upos: string;
  /** Morphological features ("Number=Plur"). */
  feats: string;
  /** Index (into GumDoc.tokens) of the syntactic head, -1 for the root. */
  head: number;
  deprel: string;
  start: number;
  end: number;
  sentence: number;
}

export interface GumMention {
  /** First and last token index into GumDoc.tokens (inclusive). */
  first: number;
  last: number;
  etype: string;
  /** Wikipedia identity when the entity has one. */
  identity: string | null;
  /** The token of the mention whose head lies outside it. */
  head: number;
}

export interface GumDoc {
  id: string;
  genre: string;
  text: string;
  tokens: GumToken[];
  mentions: GumMention[];
  /** Token index ranges of the sentences (end exclusive). */
  sentences: [number, number][];
}

export function gumAvailable(): boolean {
  return existsSync(join(GUM_DIR, 'dep'));
}

export type GumSplit = 'train' | 'dev' | 'test';

/** The corpus's own split, from splits.md: documents listed under dev or test, the rest train. */
export function gumSplits(): Map<string, GumSplit> {
  const md = readFileSync(join(GUM_DIR, 'splits.md'), 'utf8');
  const out = new Map<string, GumSplit>();
  let section = '';
  for (const line of md.split('\n')) {
    const h = /^##\s+(\S+)/.exec(line);
    if (h) section = h[1];
    const item = /^\s*\*\s+(\S+)/.exec(line);
    if (item && (section === 'dev' || section === 'test' || section === 'train')) out.set(item[1], section);
  }
  return out;
}

/** Every GUM document present, with its split, in name order. */
export function loadGumDocs(split?: GumSplit): GumDoc[] {
  const splits = gumSplits();
  const files = readdirSync(join(GUM_DIR, 'dep')).filter((f) => f.endsWith('.conllu')).sort();
  const docs: GumDoc[] = [];
  for (const f of files) {
    const id = f.replace(/\.conllu$/, '');
    const s = splits.get(id) ?? 'train';
    if (split && s !== split) continue;
    docs.push(parseGum(readFileSync(join(GUM_DIR, 'dep', f), 'utf8'), id));
  }
  return docs;
}

/** Paragraphs (`# newpar`) on lines of their own, sentences within a paragraph joined by a space,
 * so a heading is a line of its own as Parley sees it in a page copy. */
export function parseGum(conllu: string, id: string): GumDoc {
  const tokens: GumToken[] = [];
  const sentences: [number, number][] = [];
  const mentions: GumMention[] = [];
  let text = '';
  let genre = '';
  let newPar = true;
  let sentText = '';
  let sentBase = 0; // offset of the sentence text in `text`
  let cursor = 0; // offset within sentText
  let sentFirst = 0;
  let heads: number[] = [];
  const open = new Map<string, { first: number; fields: string[] }[]>();
  let mwt: { from: number; to: number; form: string } | null = null;
  const finishSentence = () => {
    if (tokens.length > sentFirst) {
      for (let k = sentFirst; k < tokens.length; k++) tokens[k].head = heads[k - sentFirst] > 0 ? sentFirst + heads[k - sentFirst] - 1 : -1;
      sentences.push([sentFirst, tokens.length]);
    }
  };
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# meta::genre')) genre = line.split('=')[1].trim();
    if (line.startsWith('# newpar')) newPar = true;
    if (line.startsWith('# text = ')) {
      finishSentence();
      sentText = line.slice('# text = '.length);
      if (text.length > 0) text += newPar ? '\n' : ' ';
      newPar = false;
      sentBase = text.length;
      text += sentText;
      cursor = 0;
      sentFirst = tokens.length;
      heads = [];
      continue;
    }
    if (!/^\d/.test(line)) continue;
    const c = line.split('\t');
    if (c[0].includes('.')) continue;
    if (c[0].includes('-')) {
      const [a, b] = c[0].split('-').map(Number);
      mwt = { from: a, to: b, form: c[1] };
      continue;
    }
    const tid = Number(c[0]);
    const form = c[1];
    let at = sentText.indexOf(form, cursor);
    if (mwt && tid >= mwt.from && tid <= mwt.to) {
      // A multi-word token ("participants’" = participants + ’): the parts need not spell the
      // surface form, so place them inside the surface word.
      const w = sentText.indexOf(mwt.form, cursor);
      if (at < 0 || (w >= 0 && at > w + mwt.form.length)) at = w >= 0 ? Math.min(w + mwt.form.length, cursor) : cursor;
    }
    if (at < 0 || at - cursor > 20) at = cursor;
    const start = sentBase + at;
    const end = Math.min(sentBase + sentText.length, start + form.length);
    cursor = at + form.length;
    if (mwt && tid === mwt.to) mwt = null;
    const index = tokens.length;
    tokens.push({ id: tid, form, upos: c[3], feats: c[5], head: -1, deprel: c[7], start, end, sentence: sentences.length });
    heads.push(Number(c[6]));
    const ent = /(?:^|\|)Entity=([^|]*)/.exec(c[9])?.[1];
    if (!ent) continue;
    const re = /\(([^()]+)\)|\(([^()]+)|(\d+)\)/g;
    for (let m = re.exec(ent); m; m = re.exec(ent)) {
      if (m[1] !== undefined) mentions.push(mention(index, index, m[1].split('-')));
      else if (m[2] !== undefined) {
        const fields = m[2].split('-');
        const stack = open.get(fields[0]) ?? [];
        stack.push({ first: index, fields });
        open.set(fields[0], stack);
      } else {
        const o = open.get(m[3])?.pop();
        if (o) mentions.push(mention(o.first, index, o.fields));
      }
    }
  }
  finishSentence();
  for (const m of mentions) {
    let head = m.first;
    for (let k = m.first; k <= m.last; k++) {
      const h = tokens[k].head;
      if (h < m.first || h > m.last) {
        head = k;
        break;
      }
    }
    m.head = head;
  }
  mentions.sort((a, b) => a.first - b.first || b.last - a.last);
  return { id, genre, text, tokens, mentions, sentences };
}

/** GRP-etype-infstat-salience-centering-minspan-link-identity; an identity may hold hyphens. */
function mention(first: number, last: number, fields: string[]): GumMention {
  const identity = fields.length > 7 ? fields.slice(7).join('-') : null;
  return { first, last, etype: fields[1] ?? '', identity: identity || null, head: first };
}

export type NameLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface GumName {
  start: number;
  end: number;
  type: NameLabel;
  /** Token range in GumDoc.tokens (inclusive). */
  first: number;
  last: number;
}

const TYPE: Record<string, NameLabel> = { person: 'PER', organization: 'ORG', place: 'LOC' };
/** Lower-case words that join the parts of one name ("Bank of America", "Ursula von der Leyen"). */
const BODY_CONNECTORS = new Set(['of', 'the', 'and', '&', 'for', 'on', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'bin', 'ibn', 'da', 'di', 'del', '-', "'s", '’s']);
const PERSON_CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'bin', 'ibn', 'da', 'di', 'del', '-']);
const CAPITAL = /^\p{Lu}/u;

/**
 * The named mentions of a GUM document, as flat spans in Parley's convention, for training and
 * scoring. A mention is named when its syntactic head is a proper noun (PROPN) and it is not a time
 * ("July", "Friday"). Its name is the stretch around the head of proper nouns and capitalised words,
 * with connecting words between them ("Supreme Court of the State of Ohio"; a person's name crosses
 * only particles such as "von"); a leading determiner is left out, and so is a title that GUM marks
 * as a description of the name (deprel nmod:desc: "President", "Mr."), because Parley keeps titles
 * as roles. Persons, organisations and places keep their type; other named things are MISC. A name
 * that lies inside another mention's name ("California" in "University of California") is dropped:
 * Parley's mentions do not nest. As in the CoNLL and OntoNotes conventions, a person mention with a
 * plural head ("Americans", "the Japanese") names a group, not a person: MISC (Parley makes such
 * mentions groups); and a person mention whose name is only a title ("the King", "Mr. Chief
 * Justice": every word a role or honorific of data/entities) is a title, not a name: dropped.
 */
export function gumNames(doc: GumDoc): GumName[] {
  const toks = doc.tokens;
  const named: GumName[] = [];
  for (const m of doc.mentions) {
    const h = m.head;
    if (toks[h].upos !== 'PROPN' || m.etype === 'time') continue;
    const type = TYPE[m.etype] ?? 'MISC';
    const part = (k: number) => k >= m.first && k <= m.last && toks[k].deprel !== 'nmod:desc' && toks[k].upos !== 'DET' && toks[k].upos !== 'PUNCT' && (toks[k].upos === 'PROPN' || CAPITAL.test(toks[k].form));
    if (toks[h].deprel === 'nmod:desc') continue;
    const connectors = type === 'PER' ? PERSON_CONNECTORS : BODY_CONNECTORS;
    let a = h;
    for (;;) {
      if (part(a - 1)) {
        a--;
        continue;
      }
      // "Trinidad and Tobago Court of Appeal": connectors join name words on the left too.
      let k = a - 1;
      while (k >= m.first && connectors.has(toks[k].form.toLowerCase()) && toks[k].form.toLowerCase() !== 'the') k--;
      if (k < a - 1 && part(k)) {
        a = k;
        continue;
      }
      break;
    }
    let b = h;
    for (;;) {
      if (part(b + 1)) {
        b++;
        continue;
      }
      // "Gate 4", "Chapter 11": a number right after a place's or body's name is part of it.
      if (type !== 'PER' && b + 1 <= m.last && /^\d+$/.test(toks[b + 1].form) && toks[b + 1].upos === 'NUM') {
        b++;
        break;
      }
      let k = b + 1;
      while (k <= m.last && connectors.has(toks[k].form.toLowerCase())) k++;
      if (k > b + 1 && part(k)) {
        b = k;
        continue;
      }
      break;
    }
    if (type === 'PER' && onlyTitle(toks.slice(a, b + 1).map((t) => t.form))) continue;
    const group = type === 'PER' && /(?:^|\|)Number=Plur(?:\||$)/.test(toks[h].feats);
    named.push({ first: a, last: b, start: toks[a].start, end: toks[b].end, type: group ? 'MISC' : type });
  }
  // Outer names first; a name inside a kept one is dropped, and so is a second mention of the same span.
  named.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: GumName[] = [];
  for (const n of named) if (!kept.some((k) => k.start <= n.start && n.end <= k.end)) kept.push(n);
  return kept.sort((x, y) => x.start - y.start);
}

function onlyTitle(words: string[]): boolean {
  const lex = lexicon();
  const folded = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  if (lex.roles.has(folded.join(' '))) return true;
  return folded.every((w) => lex.roles.has(w) || lex.honorifics.has(w) || lex.honorifics.has(`${w}.`) || lex.roleModifiers.has(w));
}
