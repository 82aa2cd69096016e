// Training the parser: an averaged perceptron (Collins 2002) over hashed features, with the
// arc-hybrid dynamic oracle choosing among the moves that lose no reachable gold arc. Fixed
// sentence order per epoch from a seeded generator, so the same data gives the same weights.
import { encode, POS_ROOT, type Encoded, type ParseToken } from './encode.js';
import { labelFeatures, MAX_FEATURES, moveFeatures } from './features.js';
import { quantise, type ParserModel } from './model.js';
import { projectivize } from './project.js';
import { MOVES, SHIFT, State } from './transition.js';

export interface TrainSentence {
  tokens: ParseToken[];
  /** Gold head per token (-1 for the root). */
  heads: Int32Array;
  labels: string[];
}

export interface TrainOptions {
  epochs: number;
  moveBits: number;
  labelBits: number;
  /** From this epoch on (1-based), a wrong prediction is followed with probability `explore`,
   * so the model learns to act well after its own mistakes. */
  exploreFrom: number;
  explore: number;
  /** A label must be seen this often in one direction (dependent left or right of its head) to
   * be a class of that direction's table. */
  minLabelCount: number;
  seed: number;
  /** Called after each epoch with the averaged model so far, as it would be saved. */
  onEpoch?: (epoch: number, model: ParserModel) => void;
}

/** Perceptron weights with lazily accumulated sums for averaging. */
class Averaged {
  readonly weights: Float32Array;
  private readonly acc: Float64Array;
  private readonly stamp: Float64Array;

  constructor(
    readonly bits: number,
    readonly classes: number,
  ) {
    const size = (1 << bits) * classes;
    this.weights = new Float32Array(size);
    this.acc = new Float64Array(size);
    this.stamp = new Float64Array(size);
  }

  score(feats: Int32Array, count: number, scores: Float64Array): void {
    const c = this.classes;
    const w = this.weights;
    const shift = 32 - this.bits;
    for (let j = 0; j < c; j++) scores[j] = 0;
    for (let i = 0; i < count; i++) {
      const row = (feats[i] >>> shift) * c;
      for (let j = 0; j < c; j++) scores[j] += w[row + j];
    }
  }

  update(feats: Int32Array, count: number, good: number, bad: number, time: number): void {
    const shift = 32 - this.bits;
    for (let i = 0; i < count; i++) {
      const row = (feats[i] >>> shift) * this.classes;
      this.bump(row + good, 1, time);
      this.bump(row + bad, -1, time);
    }
  }

  private bump(at: number, delta: number, time: number): void {
    const w = this.weights;
    this.acc[at] += (time - this.stamp[at]) * w[at];
    this.stamp[at] = time;
    w[at] += delta;
  }

  /** The averaged weights at `time` (training goes on with the raw ones). */
  averaged(time: number): Float64Array {
    const w = this.weights;
    const out = new Float64Array(w.length);
    if (time === 0) return out;
    for (let i = 0; i < w.length; i++) out[i] = (this.acc[i] + (time - this.stamp[i]) * w[i]) / time;
    return out;
  }
}

/** Mulberry32: a small seeded generator, enough for shuffling and exploration. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Prepared {
  e: Encoded;
  gold: Int32Array;
  labels: Int32Array;
}

export function trainParser(sentences: TrainSentence[], options: TrainOptions): ParserModel {
  const labelSet = new Set<string>(['root']);
  for (const s of sentences) for (const l of s.labels) labelSet.add(l);
  const labels = [...labelSet].sort();
  if (labels.length > 64) throw new Error('parser: more than 64 labels do not fit the label-set features');
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const root = labelId.get('root')!;
  const prepared: Prepared[] = sentences.map((s) => {
    const n = s.tokens.length;
    const proj = projectivize(s.heads);
    const gold = new Int32Array(n);
    for (let i = 0; i < n; i++) gold[i] = proj[i] === -1 ? n : proj[i];
    return { e: encode(s.tokens), gold, labels: Int32Array.from(s.labels, (l) => labelId.get(l)!) };
  });
  // Label classes per direction, from the (projectivized) training arcs.
  const countLeft = new Int32Array(labels.length);
  const countRight = new Int32Array(labels.length);
  for (const p of prepared) {
    for (let d = 0; d < p.e.n; d++) {
      if (p.gold[d] === p.e.n) continue;
      (d < p.gold[d] ? countLeft : countRight)[p.labels[d]]++;
    }
  }
  const classesOf = (counts: Int32Array) => Int32Array.from(labels.keys()).filter((l) => l !== root && counts[l] >= options.minLabelCount);
  const leftLabels = classesOf(countLeft);
  const rightLabels = classesOf(countRight);
  const classIndex = (list: Int32Array) => {
    const m = new Int32Array(labels.length).fill(-1);
    list.forEach((l, k) => (m[l] = k));
    return m;
  };
  const leftClass = classIndex(leftLabels);
  const rightClass = classIndex(rightLabels);
  // Which classes each coarse POS of the dependent takes in each direction.
  const tags = POS_ROOT / 8 + 1;
  const seen = [leftClass, rightClass].map((cls) => Array.from({ length: tags }, () => new Set<number>()));
  for (const p of prepared) {
    for (let d = 0; d < p.e.n; d++) {
      if (p.gold[d] === p.e.n) continue;
      const side = d < p.gold[d] ? 0 : 1;
      const c = (side === 0 ? leftClass : rightClass)[p.labels[d]];
      if (c >= 0) seen[side][p.e.pos[d] >> 3].add(c);
    }
  }
  // A POS never seen as a dependent in a direction falls back to every class of that direction.
  const candidatesOf = (side: number, count: number) =>
    seen[side].map((set) => (set.size > 0 ? Int32Array.from([...set].sort((a, b) => a - b)) : Int32Array.from({ length: count }, (_, i) => i)));
  const leftCandidates = candidatesOf(0, leftLabels.length);
  const rightCandidates = candidatesOf(1, rightLabels.length);

  const moveModel = new Averaged(options.moveBits, MOVES);
  const leftModel = new Averaged(options.labelBits, leftLabels.length);
  const rightModel = new Averaged(options.labelBits, rightLabels.length);
  const rand = seeded(options.seed);
  const feats = new Int32Array(MAX_FEATURES);
  const moveScores = new Float64Array(MOVES);
  const labelScores = new Float64Array(labels.length);
  const costs = new Float64Array(MOVES);
  const order = prepared.map((_, i) => i);
  let time = 0;
  const snapshot = (): ParserModel => ({
    labels,
    move: quantise(options.moveBits, MOVES, moveModel.averaged(time)),
    left: quantise(options.labelBits, leftLabels.length, leftModel.averaged(time)),
    right: quantise(options.labelBits, rightLabels.length, rightModel.averaged(time)),
    leftLabels,
    rightLabels,
    leftCandidates,
    rightCandidates,
    info: {},
  });
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const exploring = epoch >= options.exploreFrom;
    for (const idx of order) {
      const { e, gold, labels: goldLabels } = prepared[idx];
      const n = e.n;
      const st = new State(n);
      while (!st.terminal) {
        time++;
        const k = moveFeatures(e, st, feats);
        moveModel.score(feats, k, moveScores);
        st.costs(gold, costs);
        let min = Infinity;
        for (let m = 0; m < MOVES; m++) if (costs[m] < min) min = costs[m];
        let guess = -1;
        let best = -1;
        for (let m = 0; m < MOVES; m++) {
          if (!st.valid(m)) continue;
          if (guess < 0 || moveScores[m] > moveScores[guess]) guess = m;
          if (costs[m] === min && (best < 0 || moveScores[m] > moveScores[best])) best = m;
        }
        let move = best;
        if (costs[guess] !== min) {
          moveModel.update(feats, k, best, guess, time);
          if (exploring && rand() < options.explore) move = guess;
        } else move = guess;
        let label = root;
        if (move !== SHIFT) {
          const head = st.arcHead(move);
          const dep = st.s(0);
          if (head !== n) {
            const left = dep < head;
            const model = left ? leftModel : rightModel;
            const list = left ? leftLabels : rightLabels;
            const candidates = (left ? leftCandidates : rightCandidates)[e.pos[dep] >> 3];
            const kl = labelFeatures(e, st, head, dep, feats);
            model.score(feats, kl, labelScores);
            let pred = candidates[0];
            for (let j = 1; j < candidates.length; j++) if (labelScores[candidates[j]] > labelScores[pred]) pred = candidates[j];
            label = list[pred];
            if (gold[dep] === head) {
              const want = (left ? leftClass : rightClass)[goldLabels[dep]];
              if (want >= 0) {
                if (pred !== want) model.update(feats, kl, want, pred, time);
                label = goldLabels[dep];
              }
            }
          }
        }
        st.apply(move, label);
      }
    }
    options.onEpoch?.(epoch, snapshot());
  }
  return snapshot();
}
