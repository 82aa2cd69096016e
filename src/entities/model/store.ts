// The shipped weights: one gzip file holding a JSON header, the 32-bit hashes of the kept features,
// their per-tag weights as 16-bit integers (one shared scale), and the transition, start and end
// scores as 32-bit floats. Features are hashed (FNV-1a) rather than stored as strings, which keeps the
// file small; two feature strings that share a hash would share weights, which at a few hundred
// thousand features out of 2^32 hashes happens to almost none.
import { gunzipSync, gzipSync } from 'node:zlib';
import { LABELS } from './labels.js';

export interface ModelMeta {
  format: 'parley-ner-1';
  labels: string[];
  /** Divide forward-backward scores by this to get calibrated probabilities (fitted on dev). */
  temperature: number;
  /** A stored weight w means w × scale. */
  scale: number;
  features: number;
  /** Trained with the word-cluster features (features.ts tokenFeatures `clusters`); absent = false. */
  clusters?: boolean;
  /** Free-form facts about the training run (data, epochs, date-free so the file is reproducible). */
  training: Record<string, unknown>;
}

export interface ModelWeights {
  meta: ModelMeta;
  hashes: Uint32Array;
  /** features × LABELS. */
  weights: Int16Array;
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

const MAGIC = 'PNER';

export function encodeModel(m: ModelWeights): Buffer {
  const header = Buffer.from(JSON.stringify(m.meta), 'utf8');
  const pad = (4 - ((8 + header.length) % 4)) % 4;
  const parts = [
    Buffer.from(MAGIC, 'latin1'),
    u32(header.length),
    header,
    Buffer.alloc(pad),
    Buffer.from(m.hashes.buffer, m.hashes.byteOffset, m.hashes.byteLength),
    Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength),
    Buffer.alloc(m.weights.byteLength % 4),
    Buffer.from(m.transitions.buffer, m.transitions.byteOffset, m.transitions.byteLength),
    Buffer.from(m.start.buffer, m.start.byteOffset, m.start.byteLength),
    Buffer.from(m.end.buffer, m.end.byteOffset, m.end.byteLength),
  ];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(gz: Buffer): ModelWeights {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('entities model: not a Parley NER weights file');
  const headerLength = buf.readUInt32LE(4);
  const meta = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as ModelMeta;
  if (meta.format !== 'parley-ner-1' || meta.labels.length !== LABELS) throw new Error(`entities model: unsupported format ${meta.format}`);
  let at = 8 + headerLength;
  at += (4 - (at % 4)) % 4;
  // Copy into fresh aligned arrays: a Buffer's offset into its pool need not suit a typed array.
  const take = (bytes: number) => {
    const ab = new ArrayBuffer(bytes);
    new Uint8Array(ab).set(buf.subarray(at, at + bytes));
    at += bytes;
    return ab;
  };
  const n = meta.features;
  const hashes = new Uint32Array(take(n * 4));
  const weights = new Int16Array(take(n * LABELS * 2));
  at += (n * LABELS * 2) % 4;
  const transitions = new Float32Array(take(LABELS * LABELS * 4));
  const start = new Float32Array(take(LABELS * 4));
  const end = new Float32Array(take(LABELS * 4));
  return { meta, hashes, weights, transitions, start, end };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
