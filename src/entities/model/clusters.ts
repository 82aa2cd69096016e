// Word clusters for the name tagger: data/entities/word-clusters.bin.gz (written by
// `npm run build:clusters`, bench/train/word-clusters.ts) gives each of the 100,000 most frequent
// lower-cased words of the GloVe 6B vectors its cluster at several granularities (k-means over the
// vectors). Words are stored by their 32-bit FNV-1a hash, sorted, so loading builds no strings and
// no Map (a few milliseconds, once per process, on first use); a lookup hashes the word and
// searches the sorted hashes. A word outside the list that shares a hash with one in it reads as
// that word: about one token in 40,000 unknown ones, as with the tagger's hashed features.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../../util/data.js';

export const CLUSTER_FILE = 'entities/word-clusters.bin.gz';
const MAGIC = 'PWCL';

export interface WordClusters {
  /** Number of clusters of each granularity, coarsest first. */
  ks: number[];
  /** FNV-1a hashes of the lower-cased words, ascending. */
  hashes: Uint32Array;
  /** Per granularity: the cluster of each word, in the order of `hashes`. */
  columns: Uint16Array[];
  /** Per granularity: the cluster ids as strings (feature values made without allocating). */
  names: string[][];
}

/** 32-bit FNV-1a over UTF-16 code units (the hash of src/entities/model/features.ts). */
export function wordHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The binary form: "PWCL", u32 header length, JSON header ({ks, words, …}), padding to 4 bytes,
 * u32 hashes ascending, then one u16 column per granularity. */
export function encodeClusters(ks: number[], hashes: Uint32Array, columns: Uint16Array[], info: Record<string, unknown>): Buffer {
  const header = Buffer.from(JSON.stringify({ ks, words: hashes.length, ...info }), 'utf8');
  const pad = (4 - ((8 + header.length) % 4)) % 4;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const parts = [Buffer.from(MAGIC, 'latin1'), len, header, Buffer.alloc(pad), Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength)];
  for (const c of columns) parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  return Buffer.concat(parts);
}

export function decodeClusters(buf: Buffer): WordClusters {
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('entities: not a Parley word-cluster file');
  const headerLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as { ks: number[]; words: number };
  let at = 8 + headerLength;
  at += (4 - (at % 4)) % 4;
  const n = header.words;
  const take = (bytes: number) => {
    const ab = new ArrayBuffer(bytes);
    new Uint8Array(ab).set(buf.subarray(at, at + bytes));
    at += bytes;
    return ab;
  };
  const hashes = new Uint32Array(take(n * 4));
  const columns = header.ks.map(() => new Uint16Array(take(n * 2)));
  const names = header.ks.map((k) => Array.from({ length: k }, (_, c) => String(c)));
  return { ks: header.ks, hashes, columns, names };
}

let loaded: WordClusters | null = null;

/** The shipped clusters, loaded on first call. */
export function wordClusters(): WordClusters {
  loaded ??= decodeClusters(gunzipSync(readFileSync(dataPath(CLUSTER_FILE))));
  return loaded;
}

function find(wc: WordClusters, h: number): number {
  const a = wc.hashes;
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid];
    if (v === h) return mid;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Row of a token in the clusters, or -1: its text lower-cased, else its folded form (accents
 * dropped, typographic apostrophes and dashes read as ASCII: "obama’s" → "obama's"). */
export function clusterRow(wc: WordClusters, text: string, folded: string): number {
  const lower = text.toLowerCase();
  const row = find(wc, wordHash(lower));
  if (row >= 0 || folded === lower) return row;
  return find(wc, wordHash(folded));
}
