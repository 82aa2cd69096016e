// The parser's weights: hashed tables, each row the weights of one feature hash for every class
// of the table: one table for the move, and one per arc direction for the label (a dependent
// left of its head takes other labels than one on the right, and scoring only the labels seen in
// that direction halves the work). Weights are 8-bit integers with one scale per table: parsing
// is bound by fetching table rows from memory, and a quarter of the memory of floats keeps more of
// them in cache; on GUM dev, 8-bit and 16-bit weights scored within 0.1 point UAS of each other.
// Gzipped on disk (most rows of a hashed table stay zero).
import { gunzipSync, gzipSync } from 'node:zlib';

export interface Table {
  /** log2 of the number of rows; a feature hash h lands in row h >>> (32 - bits). */
  bits: number;
  classes: number;
  weights: Int8Array;
}

export interface ParserModel {
  labels: string[];
  move: Table;
  /** Label tables for dependents left of their head and right of it; class k of a table is
   * label leftLabels[k] (rightLabels[k]) of `labels`. */
  left: Table;
  right: Table;
  leftLabels: Int32Array;
  rightLabels: Int32Array;
  /** Per coarse POS of the dependent (encode's pos >> 3): the classes of the left (right) table
   * seen with it in training. Only those are scored: a determiner is never an nsubj:pass, and
   * skipping such classes halves the labelling work. */
  leftCandidates: Int32Array[];
  rightCandidates: Int32Array[];
  /** Free-form notes saved with the weights (training data and settings). */
  info: Record<string, unknown>;
}

/** Add the rows of the given features into scores (length ≥ classes). */
export function score(table: Table, feats: Int32Array, count: number, scores: Int32Array): void {
  const c = table.classes;
  const w = table.weights;
  const shift = 32 - table.bits;
  for (let j = 0; j < c; j++) scores[j] = 0;
  for (let i = 0; i < count; i++) {
    const row = (feats[i] >>> shift) * c;
    for (let j = 0; j < c; j++) scores[j] += w[row + j];
  }
}

/** Add the rows of the given features into scores, for the listed classes only. */
export function scoreSome(table: Table, feats: Int32Array, count: number, classes: Int32Array, scores: Int32Array): void {
  const c = table.classes;
  const w = table.weights;
  const shift = 32 - table.bits;
  const m = classes.length;
  for (let j = 0; j < m; j++) scores[classes[j]] = 0;
  for (let i = 0; i < count; i++) {
    const row = (feats[i] >>> shift) * c;
    for (let j = 0; j < m; j++) {
      const k = classes[j];
      scores[k] += w[row + k];
    }
  }
}

/** Weights as floats (training) → 8-bit integers scaled so the largest magnitude is 127. Only
 * the order of scores matters, so the scale itself is not kept. */
export function quantise(bits: number, classes: number, w: Float32Array | Float64Array): Table {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = max === 0 ? 0 : 127 / max;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] * scale);
  return { bits, classes, weights: q };
}

const MAGIC = 'PRS4';

export function serialise(model: ParserModel): Buffer {
  const spec = (t: Table) => ({ bits: t.bits, classes: t.classes });
  const header = Buffer.from(
    JSON.stringify({
      labels: model.labels,
      leftLabels: [...model.leftLabels],
      rightLabels: [...model.rightLabels],
      leftCandidates: model.leftCandidates.map((a) => [...a]),
      rightCandidates: model.rightCandidates.map((a) => [...a]),
      move: spec(model.move),
      left: spec(model.left),
      right: spec(model.right),
      info: model.info,
    }),
    'utf8',
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  const parts: Buffer[] = [Buffer.from(MAGIC, 'ascii'), len, header];
  for (const t of [model.move, model.left, model.right]) parts.push(Buffer.from(t.weights.buffer, t.weights.byteOffset, t.weights.byteLength));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function deserialise(data: Buffer): ParserModel {
  const raw = gunzipSync(data);
  if (raw.subarray(0, 4).toString('ascii') !== MAGIC) throw new Error('parley: the parser model file is not in the expected format');
  const len = raw.readUInt32LE(4);
  const header = JSON.parse(raw.subarray(8, 8 + len).toString('utf8'));
  let at = 8 + len;
  const read = (spec: { bits: number; classes: number }): Table => {
    const size = (1 << spec.bits) * spec.classes;
    const weights = new Int8Array(size);
    Buffer.from(weights.buffer).set(raw.subarray(at, at + size));
    at += size;
    return { bits: spec.bits, classes: spec.classes, weights };
  };
  const move = read(header.move);
  const left = read(header.left);
  const right = read(header.right);
  return {
    labels: header.labels,
    move,
    left,
    right,
    leftLabels: Int32Array.from(header.leftLabels),
    rightLabels: Int32Array.from(header.rightLabels),
    leftCandidates: (header.leftCandidates as number[][]).map((a) => Int32Array.from(a)),
    rightCandidates: (header.rightCandidates as number[][]).map((a) => Int32Array.from(a)),
    info: header.info ?? {},
  };
}
