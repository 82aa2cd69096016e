// Greedy arc-hybrid parsing of one sentence's tokens with a trained model.
import { encode, type ParseToken } from './encode.js';
import { labelFeatures, MAX_FEATURES, moveFeatures } from './features.js';
import { score, scoreSome, type ParserModel } from './model.js';
import { MOVES, SHIFT, State } from './transition.js';

export type { ParseToken } from './encode.js';

export interface ParseResult {
  /** Per token: head token index within the sentence, or -1 for the root. */
  heads: Int32Array;
  /** Per token: index into the model's labels. */
  labels: Int32Array;
}

const feats = new Int32Array(MAX_FEATURES);
const moveScores = new Int32Array(MOVES);
let labelScores = new Int32Array(64);

export function parseTokens(model: ParserModel, tokens: readonly ParseToken[]): ParseResult {
  const n = tokens.length;
  const e = encode(tokens);
  const st = new State(n);
  const root = model.labels.indexOf('root');
  while (!st.terminal) {
    const k = moveFeatures(e, st, feats);
    score(model.move, feats, k, moveScores);
    let best = -1;
    for (let m = 0; m < MOVES; m++) if (st.valid(m) && (best < 0 || moveScores[m] > moveScores[best])) best = m;
    let label = root;
    if (best !== SHIFT) {
      const head = st.arcHead(best);
      const dep = st.s(0);
      if (head !== n) label = predictLabel(model, e, st, head, dep);
    }
    st.apply(best, label);
  }
  const heads = new Int32Array(n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    heads[i] = st.heads[i] === n ? -1 : st.heads[i];
    labels[i] = st.labels[i];
  }
  return { heads, labels };
}

function predictLabel(model: ParserModel, e: ReturnType<typeof encode>, st: State, head: number, dep: number): number {
  const left = dep < head;
  const table = left ? model.left : model.right;
  if (labelScores.length < table.classes) labelScores = new Int32Array(table.classes);
  const candidates = (left ? model.leftCandidates : model.rightCandidates)[e.pos[dep] >> 3];
  const k = labelFeatures(e, st, head, dep, feats);
  scoreSome(table, feats, k, candidates, labelScores);
  let best = candidates[0];
  for (let j = 1; j < candidates.length; j++) if (labelScores[candidates[j]] > labelScores[best]) best = candidates[j];
  return (left ? model.leftLabels : model.rightLabels)[best];
}
