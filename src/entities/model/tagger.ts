// The name tagger at run time: loads the shipped weights once, scores every token of a sentence,
// decodes the best tag sequence and gives each name it spells a probability for each type.
// Sentences never cross a line (text/doc.ts), so no name crosses a line break.
import { existsSync, readFileSync } from 'node:fs';
import type { Doc } from '../../text/doc.js';
import { dataPath } from '../../util/data.js';
import { HashSink, featureDoc, tokenFeatures, type FeatureDoc } from './features.js';
import { forwardBackward, pathProbability, viterbi, type Lattice, type Marginals } from './decode.js';
import { B, I, L, LABELS as LABEL_COUNT, NAME_TYPES, U, label, spansOf } from './labels.js';
import { decodeModel, type ModelWeights } from './store.js';

export const MODEL_FILE = 'models/entities.bin.gz';

const LABELS = LABEL_COUNT;

export interface TaggedName {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  /** Index into NAME_TYPES of the decoded type. */
  type: number;
  /** Probability of this exact span with each type (PER, ORG, LOC, MISC); they sum to at most 1. */
  probs: number[];
  /** Found by a kept rule rather than decoded by the tagger (rules.ts, mid-sentence-capitals):
   * kept only when a type rule settles it. */
  byRule?: boolean;
  /** A kept rule fixed the type; document rules leave it alone. */
  settled?: boolean;
}

interface Loaded {
  weights: ModelWeights;
  /** Open-addressing table from feature hash to weight row: keys, and row + 1 (0 = empty). */
  keys: Uint32Array;
  rowsPlusOne: Int32Array;
  mask: number;
}

/** The weight row of a feature hash, or -1. Linear probing over a power-of-two table: hashes are
 * 32-bit FNV values, spread enough that their low bits index well. */
function rowOfHash(model: Loaded, h: number): number {
  let i = h & model.mask;
  for (;;) {
    const r = model.rowsPlusOne[i];
    if (r === 0) return -1;
    if (model.keys[i] === h) return r - 1;
    i = (i + 1) & model.mask;
  }
}

let loaded: Loaded | null = null;
let modelPath: string | null = null;

/** Use the weights at `path` from now on instead of the shipped ones (benchmarks that score a
 * model trained without the documents they score); null goes back to the shipped weights. */
export function useModel(path: string | null): void {
  modelPath = path;
  loaded = null;
  tagged = new WeakMap();
}

export function loadModel(): Loaded {
  if (loaded) return loaded;
  const path = modelPath ?? dataPath(MODEL_FILE);
  if (!existsSync(path)) throw new Error(`entities: model weights missing at ${path}; run npm run train:entities`);
  const weights = decodeModel(readFileSync(path));
  let size = 1;
  while (size < weights.hashes.length * 2) size <<= 1;
  const keys = new Uint32Array(size);
  const rowsPlusOne = new Int32Array(size);
  const mask = size - 1;
  for (let r = 0; r < weights.hashes.length; r++) {
    let i = weights.hashes[r] & mask;
    while (rowsPlusOne[i] !== 0) i = (i + 1) & mask;
    keys[i] = weights.hashes[r];
    rowsPlusOne[i] = r + 1;
  }
  loaded = { weights, keys, rowsPlusOne, mask };
  return loaded;
}

/** Emission scores of the tokens of one sentence: each feature hash adds its weight row. */
function emissions(model: Loaded, fd: FeatureDoc, first: number, end: number): Float64Array {
  const w = model.weights.weights;
  const scale = model.weights.meta.scale;
  const em = new Float64Array((end - first) * LABELS);
  let base = 0;
  const sink = new HashSink((h) => {
    const r = rowOfHash(model, h);
    if (r < 0) return;
    const off = r * LABELS;
    for (let y = 0; y < LABELS; y++) em[base + y] += w[off + y];
  });
  const clusters = model.weights.meta.clusters === true;
  for (let i = first; i < end; i++) {
    base = (i - first) * LABELS;
    tokenFeatures(fd, i, sink, clusters);
    for (let y = 0; y < LABELS; y++) em[base + y] *= scale;
  }
  return em;
}

interface Tagged {
  names: TaggedName[];
  /** Sentence index → its lattice (only sentences that could hold a name). */
  lattices: Map<number, Lattice>;
  marginals: Map<number, Marginals>;
}

let tagged = new WeakMap<Doc, Tagged>();

function tagging(doc: Doc): Tagged {
  let t = tagged.get(doc);
  if (!t) {
    t = tag(doc);
    tagged.set(doc, t);
  }
  return t;
}

/** The names the model finds in a document, sentence by sentence, in text order (computed once
 * per Doc; callers must not change the result). */
export function tagNames(doc: Doc): TaggedName[] {
  return tagging(doc).names;
}

/**
 * The model's probability that tokens first..last (one sentence) are exactly one name of each
 * type, whatever it decoded there; null when the sentence holds no capital. Lets a kept rule that
 * finds a name the tagger left out ask the model what type it is.
 */
export function spanProbabilities(doc: Doc, first: number, last: number): number[] | null {
  const t = tagging(doc);
  const si = doc.tokens[first].sentence;
  const lattice = t.lattices.get(si);
  if (!lattice || doc.tokens[last].sentence !== si) return null;
  let marg = t.marginals.get(si);
  if (!marg) {
    marg = forwardBackward(lattice, loadModel().weights.meta.temperature);
    t.marginals.set(si, marg);
  }
  const a = first - doc.sentences[si].firstToken;
  return NAME_TYPES.map((_, type) => pathProbability(marg!, a, spanTags(type, last - first + 1)));
}

function tag(doc: Doc): Tagged {
  const model = loadModel();
  const fd = featureDoc(doc);
  const out: Tagged = { names: [], lattices: new Map(), marginals: new Map() };
  doc.sentences.forEach((s, si) => {
    const n = s.endToken - s.firstToken;
    if (n === 0) return;
    // Sentences without a capital hold no name the model could find; skip the work.
    let any = false;
    for (let i = s.firstToken; i < s.endToken && !any; i++) any = fd.cap[i] === 1 || /^\p{Ll}{1,2}\p{Lu}/u.test(doc.tokens[i].text);
    if (!any) return;
    const lattice: Lattice = { emissions: emissions(model, fd, s.firstToken, s.endToken), n, transitions: model.weights.transitions, start: model.weights.start, end: model.weights.end };
    out.lattices.set(si, lattice);
    const spans = spansOf(viterbi(lattice));
    if (spans.length === 0) return;
    const marg = forwardBackward(lattice, model.weights.meta.temperature);
    out.marginals.set(si, marg);
    for (const sp of spans) {
      const len = sp.last - sp.first + 1;
      const probs = NAME_TYPES.map((_, t) => pathProbability(marg, sp.first, spanTags(t, len)));
      out.names.push({ first: s.firstToken + sp.first, last: s.firstToken + sp.last, type: sp.type, probs });
    }
  });
  return out;
}

function spanTags(type: number, len: number): number[] {
  if (len === 1) return [label(type, U)];
  const tags = [label(type, B)];
  for (let k = 1; k < len - 1; k++) tags.push(label(type, I));
  tags.push(label(type, L));
  return tags;
}
