// The annotators' tool for the ECB+ gold (see README.md in this folder).
//
//   node --import tsx bench/gold/ecbplus/tool.ts list                 sub-topics, documents, sizes
//   node --import tsx bench/gold/ecbplus/tool.ts dump <subtopic>      every document's rebuilt text
//   node --import tsx bench/gold/ecbplus/tool.ts convert <raw.json>   raw annotation → <subtopic>.json
//
// A raw annotation names passages by their exact words (kept outside the repository, since they
// are the corpus's text); `convert` finds each passage in the rebuilt text and writes the gold
// that the repository keeps: document ids, character offsets and a short hash of each passage,
// never the words themselves.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bySubtopic, ecbAvailable, loadEcbDocs, type EcbDoc } from '../../lib/ecbplus.js';

const HERE = new URL('.', import.meta.url).pathname;

export interface RawSpan {
  doc: string;
  /** The passage's exact words as the dump shows them. */
  text: string;
  /** 1-based, when the words occur more than once in the document. */
  occurrence?: number;
}

export interface GoldSpan {
  doc: string;
  start: number;
  end: number;
  /** First 10 hex digits of the SHA-1 of the passage: detects a change in how the text is rebuilt. */
  hash: string;
}

export function spanHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words as a pattern that forgives quote-mark style, apostrophe style, dashes and spacing. */
function loosePattern(words: string): RegExp {
  const parts: string[] = [];
  for (const ch of words.trim()) {
    if (/\s/.test(ch)) {
      if (parts[parts.length - 1] !== '\\s*') parts.push('\\s*');
    } else if (/["“”]/.test(ch)) parts.push('\\s*["“”]\\s*');
    else if (/['‘’`]/.test(ch)) parts.push("['‘’`]");
    else if (/[-–—]/.test(ch)) parts.push('\\s*[-–—]\\s*');
    else parts.push(escapeRe(ch));
  }
  return new RegExp(parts.join(''), 'g');
}

/** Place a passage given by its words in a document's text (any document with an id and a text). */
export function locate(doc: { id: string; text: string }, span: RawSpan): GoldSpan {
  const found: { start: number; end: number }[] = [];
  for (let i = doc.text.indexOf(span.text); i >= 0 && span.text.length > 0; i = doc.text.indexOf(span.text, i + 1)) {
    found.push({ start: i, end: i + span.text.length });
  }
  if (found.length === 0) {
    const re = loosePattern(span.text);
    for (const m of doc.text.matchAll(re)) if (m[0].length > 0) found.push({ start: m.index!, end: m.index! + m[0].length });
  }
  if (found.length === 0) throw new Error(`${doc.id}: passage not found: ${JSON.stringify(span.text.slice(0, 80))}`);
  if (found.length > 1 && span.occurrence === undefined) {
    throw new Error(`${doc.id}: passage occurs ${found.length} times, give "occurrence": ${JSON.stringify(span.text.slice(0, 80))}`);
  }
  const hit = found[(span.occurrence ?? 1) - 1];
  if (!hit) throw new Error(`${doc.id}: occurrence ${span.occurrence} of ${found.length}: ${JSON.stringify(span.text.slice(0, 80))}`);
  return { doc: doc.id, start: hit.start, end: hit.end, hash: spanHash(doc.text.slice(hit.start, hit.end)) };
}

/** Every object with `doc` and `text` (a RawSpan) anywhere in the value becomes a GoldSpan. */
function convertValue(value: unknown, docs: Map<string, EcbDoc>, errors: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => convertValue(v, docs, errors));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.doc === 'string' && typeof o.text === 'string') {
      const doc = docs.get(o.doc);
      const { doc: _d, text: _t, occurrence: _o, ...rest } = o;
      if (!doc) {
        errors.push(`unknown document ${o.doc}`);
        return value;
      }
      try {
        const span = locate(doc, { doc: o.doc, text: o.text, occurrence: o.occurrence as number | undefined });
        return { ...span, ...convertObject(rest, docs, errors) };
      } catch (e) {
        errors.push((e as Error).message);
        return value;
      }
    }
    return convertObject(o, docs, errors);
  }
  return value;
}

function convertObject(o: Record<string, unknown>, docs: Map<string, EcbDoc>, errors: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = convertValue(v, docs, errors);
  return out;
}

/** Runs between paired quotation marks (per line) that neither `quotes` nor `nonQuotes` covers:
 * a reminder for the annotator that every quotation mark needs a decision. */
function uncoveredMarks(gold: Record<string, unknown>, docs: Map<string, EcbDoc>): string[] {
  const covered = [...((gold.quotes as GoldSpan[]) ?? []), ...((gold.nonQuotes as GoldSpan[]) ?? [])];
  const warnings: string[] = [];
  for (const id of (gold.docs as string[] | undefined) ?? [...docs.keys()]) {
    const doc = docs.get(id);
    if (!doc) continue;
    let offset = 0;
    for (const line of doc.text.split('\n')) {
      for (const m of line.matchAll(/“([^”]*)”|"([^"]*)"/g)) {
        const start = offset + m.index! + 1;
        const end = offset + m.index! + m[0].length - 1;
        if (!covered.some((c) => c.doc === id && c.start < end && c.end > start)) {
          warnings.push(`warning: ${id}: quoted run not annotated as quote or nonQuote: ${JSON.stringify(line.slice(m.index!, m.index! + Math.min(m[0].length, 70)))}`);
        }
      }
      offset += line.length + 1;
    }
  }
  return warnings;
}

function main(): void {
  if (!ecbAvailable()) {
    console.error('ECB+ is not in ../shared/datasets/ecbplus; nothing to do.');
    process.exit(0);
  }
  const [command, arg] = process.argv.slice(2);
  if (command === 'list') {
    for (const [sub, docs] of bySubtopic(loadEcbDocs())) {
      console.log(`${sub}\t${docs.length} docs\t${docs.reduce((n, d) => n + d.text.length, 0)} chars`);
    }
  } else if (command === 'dump' && arg) {
    const topic = Number(arg.split('_')[0]);
    const docs = bySubtopic(loadEcbDocs([topic])).get(arg);
    if (!docs) throw new Error(`no sub-topic ${arg}`);
    for (const d of docs) console.log(`\n##### DOCUMENT ${d.id}${d.url ? `  (${d.url})` : ''}\n${d.text}\n`);
  } else if (command === 'convert' && arg) {
    const raw = JSON.parse(readFileSync(arg, 'utf8')) as Record<string, unknown>;
    const sub = String(raw.subtopic ?? basename(arg, '.json'));
    const topic = Number(sub.split('_')[0]);
    const docs = new Map((bySubtopic(loadEcbDocs([topic])).get(sub) ?? []).map((d) => [d.id, d]));
    const errors: string[] = [];
    const gold = convertObject(raw, docs, errors);
    if (errors.length > 0) {
      console.error(errors.join('\n'));
      console.error(`${errors.length} passage(s) could not be placed; nothing written.`);
      process.exit(1);
    }
    for (const warning of uncoveredMarks(gold, docs)) console.warn(warning);
    const out = join(HERE, `${sub}.json`);
    writeFileSync(out, JSON.stringify(gold, null, 1) + '\n');
    console.log(`wrote ${out}`);
  } else {
    console.error('usage: tool.ts list | dump <subtopic> | convert <raw.json>');
    process.exit(2);
  }
}

if (process.argv[1] && process.argv[1].endsWith('tool.ts')) main();
