// Rebuilding a MEANTIME (CAT XML) document's text from its tokens, shared by the NER and time
// benchmarks. The join is deterministic, so gold offsets computed here are stable.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MeantimeTokens {
  id: string;
  text: string;
  /** t_id → offsets in `text` and sentence number. */
  tokens: Map<string, { start: number; end: number; sentence: number }>;
  /** Start offset of each MEANTIME sentence. */
  sentenceStarts: number[];
}

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^([([{$#])$/;

export function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The headline (sentence 0) and the dateline (sentence 1) on lines of their own, then the body
 * with single spaces except around punctuation. */
export function rebuildMeantimeText(xml: string, fallbackId: string): MeantimeTokens {
  const id = /doc_id="([^"]+)"/.exec(xml)?.[1] ?? fallbackId;
  const tokens = new Map<string, { start: number; end: number; sentence: number }>();
  const sentenceStarts: number[] = [];
  let text = '';
  let prevSentence = -1;
  let prevToken = '';
  const tokenRe = /<token number="\d+" sentence="(\d+)" t_id="(\d+)">([^<]*)<\/token>/g;
  for (let m = tokenRe.exec(xml); m; m = tokenRe.exec(xml)) {
    const sentence = Number(m[1]);
    const value = decodeXml(m[3]);
    if (text.length > 0) {
      if (sentence !== prevSentence && prevSentence <= 1) text += '\n';
      else if (!NO_SPACE_BEFORE.test(value) && !NO_SPACE_AFTER.test(prevToken)) text += ' ';
    }
    if (sentence !== prevSentence) sentenceStarts[sentence] = text.length;
    tokens.set(m[2], { start: text.length, end: text.length + value.length, sentence });
    text += value;
    prevSentence = sentence;
    prevToken = value;
  }
  return { id, text, tokens, sentenceStarts };
}

export const MEANTIME_DIR = new URL('../../../shared/datasets/meantime-en/intra_cross-doc_annotation/', import.meta.url).pathname;

export interface MeantimeMention {
  start: number;
  end: number;
  /** ent_type of the entity the mention refers to: PER, ORG, LOC, PRO, FIN, MIX. */
  type: string;
  instance: string | null;
  /** Offsets of each token of the mention (a mention may skip tokens). */
  tokens: { start: number; end: number }[];
}

export interface MeantimeDoc {
  id: string;
  topic: string;
  text: string;
  /** Proper-name (syntactic_type NAM) mentions of typed entities. */
  names: MeantimeMention[];
  /** End of the annotated part of the text: many MEANTIME articles are annotated only in their
   * first sentences, so nothing after the last sentence holding any markable is gold. */
  scopeEnd: number;
}

/** A gold document: its text rebuilt from tokens, and its typed proper-name mentions. */
export function parseMeantime(xml: string, path: string, topic: string): MeantimeDoc {
  const { id, text, tokens } = rebuildMeantimeText(xml, path);
  const entities = new Map<string, { type: string; instance: string | null }>();
  const entRe = /<ENTITY ([^>]*?)\/?>/g;
  for (let m = entRe.exec(xml); m; m = entRe.exec(xml)) {
    const attrs = m[1];
    const mid = /m_id="(\d+)"/.exec(attrs)?.[1];
    const type = /ent_type="([A-Z]+)"/.exec(attrs)?.[1];
    if (mid && type) entities.set(mid, { type, instance: /instance_id="([^"]+)"/.exec(attrs)?.[1] ?? null });
  }
  const refers = new Map<string, string>();
  const relRe = /<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g;
  for (let m = relRe.exec(xml); m; m = relRe.exec(xml)) {
    const target = /<target m_id="(\d+)"/.exec(m[1])?.[1];
    if (!target) continue;
    for (const s of m[1].matchAll(/<source m_id="(\d+)"/g)) refers.set(s[1], target);
  }
  const names: MeantimeMention[] = [];
  const menRe = /<ENTITY_MENTION [^>]*m_id="(\d+)" syntactic_type="NAM">([\s\S]*?)<\/ENTITY_MENTION>/g;
  for (let m = menRe.exec(xml); m; m = menRe.exec(xml)) {
    const ent = entities.get(refers.get(m[1]) ?? '');
    if (!ent) continue;
    const spans = [...m[2].matchAll(/t_id="(\d+)"/g)].map((a) => tokens.get(a[1])).filter((t) => t !== undefined);
    if (spans.length === 0) continue;
    names.push({
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
      type: ent.type,
      instance: ent.instance,
      tokens: spans.map((s) => ({ start: s.start, end: s.end })),
    });
  }
  let lastSentence = 0;
  // Mentions added at the cross-document stage carry no syntactic_type and do not mark the scope.
  for (const mk of xml.matchAll(/<ENTITY_MENTION [^>]*syntactic_type="[^>]*>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    for (const a of mk[1].matchAll(/t_id="(\d+)"/g)) lastSentence = Math.max(lastSentence, tokens.get(a[1])?.sentence ?? 0);
  }
  let scopeEnd = 0;
  for (const t of tokens.values()) if (t.sentence <= lastSentence) scopeEnd = Math.max(scopeEnd, t.end);
  return { id, topic, text, names, scopeEnd };
}

export function meantimeAvailable(): boolean {
  return existsSync(MEANTIME_DIR);
}

/** Every MEANTIME English document, topic by topic, in file order. */
export function loadMeantimeDocs(): MeantimeDoc[] {
  const docs: MeantimeDoc[] = [];
  for (const topic of readdirSync(MEANTIME_DIR).sort()) {
    for (const f of readdirSync(join(MEANTIME_DIR, topic)).sort()) if (f.endsWith('.xml')) docs.push(parseMeantime(readFileSync(join(MEANTIME_DIR, topic, f), 'utf8'), join(MEANTIME_DIR, topic, f), topic));
  }
  return docs;
}
