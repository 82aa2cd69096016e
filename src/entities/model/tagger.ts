// The name tagger at run time: loads the shipped weights once, scores every token of a sentence,
// decodes the best tag sequence and gives each name it spells a probability for each type.
// Sentences never cross a line (text/doc.ts), so no name crosses a line break.
import { existsSync, readFileSync } from 'node:fs';
import type { Doc } from '../../text/doc.js';
import { dataPath } from '../../util/data.js';
import { HashSink, featureDoc, tokenFeatures, type FeatureDoc } from './features.js';
import { forwardBackward, pathProbability, viterbi, type Lattice } from './decode.js';
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
}

interface Loaded {
  weights: ModelWeights;
  rows: Map<number, number>;
}

let loaded: Loaded | null = null;

export function loadModel(): Loaded {
  if (loaded) return loaded;
  const path = dataPath(MODEL_FILE);
  if (!existsSync(path)) throw new Error(`entities: model weights missing at ${path}; run npm run train:entities`);
  const weights = decodeModel(readFileSync(path));
  const rows = new Map<number, number>();
  for (let r = 0; r < weights.hashes.length; r++) rows.set(weights.hashes[r], r);
  loaded = { weights, rows };
  return loaded;
}

/** Emission scores of the tokens of one sentence: each feature hash adds its weight row. */
function emissions(model: Loaded, fd: FeatureDoc, first: number, end: number): Float64Array {
  const { weights, rows } = model;
  const w = weights.weights;
  const scale = weights.meta.scale;
  const em = new Float64Array((end - first) * LABELS);
  let base = 0;
  const sink = new HashSink((h) => {
    const r = rows.get(h);
    if (r === undefined) return;
    const off = r * LABELS;
    for (let y = 0; y < LABELS; y++) em[base + y] += w[off + y];
  });
  for (let i = first; i < end; i++) {
    base = (i - first) * LABELS;
    tokenFeatures(fd, i, sink);
    for (let y = 0; y < LABELS; y++) em[base + y] *= scale;
  }
  return em;
}

const tagged = new WeakMap<Doc, TaggedName[]>();

/** The names the model finds in a document, sentence by sentence, in text order (computed once
 * per Doc; callers must not change the result). */
export function tagNames(doc: Doc): TaggedName[] {
  let out = tagged.get(doc);
  if (!out) {
    out = tag(doc);
    tagged.set(doc, out);
  }
  return out;
}

function tag(doc: Doc): TaggedName[] {
  const model = loadModel();
  const fd = featureDoc(doc);
  const out: TaggedName[] = [];
  for (const s of doc.sentences) {
    const n = s.endToken - s.firstToken;
    if (n === 0) continue;
    // Sentences without a capital or a digit hold no name the model could find; skip the work.
    let any = false;
    for (let i = s.firstToken; i < s.endToken && !any; i++) any = fd.cap[i] === 1 || /^\p{Ll}{1,2}\p{Lu}/u.test(doc.tokens[i].text);
    if (!any) continue;
    const lattice: Lattice = { emissions: emissions(model, fd, s.firstToken, s.endToken), n, transitions: model.weights.transitions, start: model.weights.start, end: model.weights.end };
    const tags = viterbi(lattice);
    const spans = spansOf(tags);
    if (spans.length === 0) continue;
    const marg = forwardBackward(lattice, model.weights.meta.temperature);
    for (const sp of spans) {
      const len = sp.last - sp.first + 1;
      const probs = NAME_TYPES.map((_, t) => pathProbability(marg, sp.first, spanTags(t, len)));
      out.push({ first: s.firstToken + sp.first, last: s.firstToken + sp.last, type: sp.type, probs });
    }
  }
  return out;
}

function spanTags(type: number, len: number): number[] {
  if (len === 1) return [label(type, U)];
  const tags = [label(type, B)];
  for (let k = 1; k < len - 1; k++) tags.push(label(type, I));
  tags.push(label(type, L));
  return tags;
}
