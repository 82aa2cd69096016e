// Reading ECB+ (CAT/CROMER XML) documents from ../shared/datasets/ecbplus: the text rebuilt from
// tokens, token offsets, typed markables and their cross-document instances. Shared by the gold
// converter, the quote/discrepancy benchmarks, the entity trainer and bench:coref. The join is
// deterministic, so gold that points at token ids maps to the same offsets on every run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXml } from './meantime.js';

export const ECBPLUS_DIR = new URL('../../../shared/datasets/ecbplus/', import.meta.url).pathname;
/** The corpus's customary validation topics: held out for every task that scores on ECB+. */
export const ECB_VALIDATION_TOPICS = [2, 5, 12, 18, 21, 23, 34, 35];
/** Training topics set aside for developing the entity model (never trained on): its dev figures. */
export const ECB_DEV_TOPICS = [3, 9, 16, 27];

export interface EcbToken {
  id: string;
  sentence: number;
  start: number;
  end: number;
  value: string;
}

export interface EcbMarkable {
  mId: string;
  /** Tag as annotated, e.g. HUMAN_PART_PER, LOC_GEO, ACTION_OCCURRENCE. */
  tag: string;
  tokenIds: string[];
  /** Offsets of the first and last token in the rebuilt text. */
  start: number;
  end: number;
  /** Cross-document instance id (CROSS_DOC_COREF target's instance_id), or an intra-doc chain key. */
  instance: string | null;
}

export interface EcbDoc {
  /** File name without .xml, e.g. "1_10ecbplus". */
  id: string;
  topic: number;
  /** "<topic>_ecb" or "<topic>_ecbplus": one real event's coverage. */
  subtopic: string;
  /** Sentence 0 of an ecbplus file is the address the text was found at. */
  url: string | null;
  text: string;
  tokens: EcbToken[];
  tokenById: Map<string, EcbToken>;
  /** Sentence numbers listed in ECBplus_coreference_sentences.csv for this document. */
  annotatedSentences: Set<number>;
  markables: EcbMarkable[];
}

export function ecbAvailable(): boolean {
  return existsSync(join(ECBPLUS_DIR, 'ECB+'));
}

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}”’]|'s|'|’s|n't|n’t|'re|'ve|'ll|'d|'m|''|\.\.\.)$/i;
const NO_SPACE_AFTER = /^([([{$#“‘]|``)$/;

let sentenceIndex: Map<string, Set<number>> | null = null;
function annotatedSentencesOf(id: string): Set<number> {
  if (!sentenceIndex) {
    sentenceIndex = new Map();
    const csv = readFileSync(join(ECBPLUS_DIR, 'ECBplus_coreference_sentences.csv'), 'utf8');
    for (const line of csv.split(/\r?\n/).slice(1)) {
      const [topic, file, sentence] = line.split(',');
      if (!topic || !file || sentence === undefined) continue;
      const key = `${topic}_${file}`;
      if (!sentenceIndex.has(key)) sentenceIndex.set(key, new Set());
      sentenceIndex.get(key)!.add(Number(sentence));
    }
  }
  return sentenceIndex.get(id) ?? new Set();
}

/**
 * Rebuild the text: PTB quotes (`` '') become typographic ones; a straight " opens or closes by
 * parity within its paragraph. The first sentence is a line of its own (a headline or lead); then every sentence ends its paragraph unless a quotation is still open,
 * which mimics wire copy's one- and two-sentence paragraphs and keeps a multi-sentence quotation in
 * one paragraph.
 */
export function parseEcbDoc(xml: string, id: string): EcbDoc {
  const topic = Number(id.split('_')[0]);
  const plus = id.endsWith('ecbplus');
  const raw: { id: string; sentence: number; value: string }[] = [];
  const tokenRe = /<token\b([^>]*)>([^<]*)<\/token>/g;
  for (let m = tokenRe.exec(xml); m; m = tokenRe.exec(xml)) {
    const tid = /t_id="(\d+)"/.exec(m[1])?.[1];
    const sentence = /sentence="(\d+)"/.exec(m[1])?.[1];
    if (!tid || sentence === undefined) continue;
    raw.push({ id: tid, sentence: Number(sentence), value: decodeXml(m[2]) });
  }
  let url: string | null = null;
  const body = plus ? raw.filter((t) => t.sentence !== 0) : raw;
  if (plus) url = raw.filter((t) => t.sentence === 0).map((t) => t.value).join('') || null;

  const tokens: EcbToken[] = [];
  let text = '';
  let prev: { sentence: number; value: string } | null = null;
  let openStraight = false; // a straight " is open in this paragraph
  let openCurly = 0;
  const firstSentence = body[0]?.sentence ?? 0;
  for (const t of body) {
    let value = t.value;
    if (value === '``') value = '“';
    else if (value === "''") value = '”';
    const isStraight = value === '"';
    const newSentence = prev !== null && t.sentence !== prev.sentence;
    if (prev !== null) {
      const quoteOpen = openStraight || openCurly > 0;
      if (newSentence && (prev.sentence === firstSentence || !quoteOpen)) {
        text += '\n';
        openStraight = false;
        openCurly = 0;
      } else {
        const closing = isStraight && openStraight;
        const prevOpening = prev.value === '"' ? openStraight : NO_SPACE_AFTER.test(prev.value);
        if (!closing && !NO_SPACE_BEFORE.test(value) && !prevOpening) text += ' ';
      }
    }
    if (isStraight) openStraight = !openStraight;
    if (value === '“') openCurly++;
    if (value === '”') openCurly = Math.max(0, openCurly - 1);
    tokens.push({ id: t.id, sentence: t.sentence, start: text.length, end: text.length + value.length, value });
    text += value;
    prev = { sentence: t.sentence, value };
  }
  const tokenById = new Map(tokens.map((t) => [t.id, t]));
  return {
    id,
    topic,
    subtopic: `${topic}_${plus ? 'ecbplus' : 'ecb'}`,
    url,
    text,
    tokens,
    tokenById,
    annotatedSentences: annotatedSentencesOf(id),
    markables: parseMarkables(xml, tokenById),
  };
}

function parseMarkables(xml: string, tokenById: Map<string, EcbToken>): EcbMarkable[] {
  const section = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  const instanceOf = new Map<string, string>(); // m_id of a descriptor → instance id
  const out: EcbMarkable[] = [];
  const markRe = /<([A-Z_]+)\s+m_id="(\d+)"([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g;
  for (let m = markRe.exec(section); m; m = markRe.exec(section)) {
    const [, tag, mId, attrs, , inner] = m;
    const instance = /instance_id="([^"]*)"/.exec(attrs)?.[1];
    if (instance !== undefined) instanceOf.set(mId, instance);
    const tokenIds = [...(inner ?? '').matchAll(/t_id="(\d+)"/g)].map((x) => x[1]);
    const known = tokenIds.map((t) => tokenById.get(t)).filter((t): t is EcbToken => !!t);
    if (known.length === 0) continue;
    out.push({ mId, tag, tokenIds, start: Math.min(...known.map((t) => t.start)), end: Math.max(...known.map((t) => t.end)), instance: null });
  }
  // Coreference relations: every source mention takes the target's instance (cross-document) or,
  // for an intra-document chain, a key made of the document and the target's m_id.
  const relations = /<Relations>([\s\S]*?)<\/Relations>/.exec(xml)?.[1] ?? '';
  const byId = new Map(out.map((x) => [x.mId, x]));
  const relRe = /<(CROSS_DOC_COREF|INTRA_DOC_COREF)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (let r = relRe.exec(relations); r; r = relRe.exec(relations)) {
    const target = /<target m_id="(\d+)"/.exec(r[2])?.[1];
    if (!target) continue;
    const key = r[1] === 'CROSS_DOC_COREF' ? (instanceOf.get(target) ?? null) : `intra:${target}`;
    for (const s of r[2].matchAll(/<source m_id="(\d+)"/g)) {
      const mark = byId.get(s[1]);
      if (mark && key) mark.instance = key;
    }
  }
  return out;
}

/** Every document of the topics given (all present topics by default), in a stable order. */
export function loadEcbDocs(topics?: number[]): EcbDoc[] {
  const root = join(ECBPLUS_DIR, 'ECB+');
  const wanted = topics ?? readdirSync(root).map(Number).filter((n) => Number.isFinite(n));
  const docs: EcbDoc[] = [];
  for (const topic of [...wanted].sort((a, b) => a - b)) {
    const dir = join(root, String(topic));
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => /^\d+_\d+ecb(plus)?\.xml$/.test(f));
    files.sort((a, b) => {
      const [, na, pa] = /^\d+_(\d+)(ecb(?:plus)?)/.exec(a)!;
      const [, nb, pb] = /^\d+_(\d+)(ecb(?:plus)?)/.exec(b)!;
      return pa.localeCompare(pb) || Number(na) - Number(nb);
    });
    for (const f of files) docs.push(parseEcbDoc(readFileSync(join(dir, f), 'utf8'), f.replace(/\.xml$/, '')));
  }
  return docs;
}

/** Documents grouped by sub-topic ("1_ecb", "1_ecbplus", …). */
export function bySubtopic(docs: EcbDoc[]): Map<string, EcbDoc[]> {
  const groups = new Map<string, EcbDoc[]>();
  for (const d of docs) {
    if (!groups.has(d.subtopic)) groups.set(d.subtopic, []);
    groups.get(d.subtopic)!.push(d);
  }
  return groups;
}

/** The outlet's host name from an ecbplus document's address ("www.example.com" → "example.com"). */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  const m = /^(?:https?:\/\/)?([^/?#]+)/i.exec(url);
  return m ? m[1].replace(/^www\d?\./i, '').toLowerCase() : null;
}
