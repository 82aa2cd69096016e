// Feature extraction: each feature is a template number and a few integers hashed to 32 bits;
// the model turns a hash into a row of its weight table. Templates follow Zhang & Nivre (2011),
// reduced to what arc-hybrid exposes (stack items have no head yet).
import type { Encoded } from './encode.js';
import type { State } from './transition.js';

/** Room for the features of one configuration or one arc. */
export const MAX_FEATURES = 128;

const NONE = 0x5bd1e995 | 0;

// MurmurHash3's mixing steps: a table keeps a hash's top bits, so every input bit must reach them.
function mix(h: number, v: number): number {
  v = Math.imul(v, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

function f1(t: number, a: number): number {
  return fin(mix(mix(0x3c6ef372, t), a));
}
function f2(t: number, a: number, b: number): number {
  return fin(mix(mix(mix(0x3c6ef372, t), a), b));
}
function f3(t: number, a: number, b: number, c: number): number {
  return fin(mix(mix(mix(mix(0x3c6ef372, t), a), b), c));
}
function f4(t: number, a: number, b: number, c: number, d: number): number {
  return fin(mix(mix(mix(mix(mix(0x3c6ef372, t), a), b), c), d));
}

function wordAt(e: Encoded, x: number): number {
  return x < 0 || x > e.n ? NONE : e.word[x];
}

function posAt(e: Encoded, x: number): number {
  return x < 0 || x > e.n ? 0 : e.pos[x];
}

function labelAt(st: State, x: number): number {
  return x < 0 ? -1 : st.labels[x];
}

function bucket(d: number): number {
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : 8;
}

/** Features of a configuration for choosing the next move; returns how many were written.
 * Tags are UPOS × inflection (encode.ts) unless shifted down to coarse UPOS (`>> 3`), which the
 * features for rare configurations use so that they generalise beyond the words seen in training. */
export function moveFeatures(e: Encoded, st: State, out: Int32Array): number {
  const { word, pos, lemma, suffix, shape } = e;
  const n = e.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : -1;
  const b2 = b0 + 2 <= n ? b0 + 2 : -1;
  const s0w = wordAt(e, s0), s0p = posAt(e, s0), s1w = wordAt(e, s1), s1p = posAt(e, s1), s2p = posAt(e, s2);
  const b0w = word[b0], b0p = pos[b0], b1w = wordAt(e, b1), b1p = posAt(e, b1), b2w = wordAt(e, b2), b2p = posAt(e, b2);
  const s0L = s0 < 0 ? -1 : st.lc1[s0], s0L2 = s0 < 0 ? -1 : st.lc2[s0];
  const s0R = s0 < 0 ? -1 : st.rc1[s0], s0R2 = s0 < 0 ? -1 : st.rc2[s0];
  const b0L = st.lc1[b0], b0L2 = st.lc2[b0];
  const s1R = s1 < 0 ? -1 : st.rc1[s1], s1L = s1 < 0 ? -1 : st.lc1[s1];
  const s0Lp = posAt(e, s0L), s0Rp = posAt(e, s0R), b0Lp = posAt(e, b0L);
  let k = 0;
  // Single items.
  out[k++] = f1(1, s0w);
  out[k++] = f1(2, s0p);
  out[k++] = f2(3, s0w, s0p);
  out[k++] = f1(4, s1w);
  out[k++] = f1(5, s1p);
  out[k++] = f2(6, s1w, s1p);
  out[k++] = f1(7, s2p);
  out[k++] = f1(8, b0w);
  out[k++] = f1(9, b0p);
  out[k++] = f2(10, b0w, b0p);
  out[k++] = f1(11, b1w);
  out[k++] = f1(12, b1p);
  out[k++] = f2(13, b1w, b1p);
  out[k++] = f1(14, b2w);
  out[k++] = f1(15, b2p);
  if (s0 >= 0) {
    out[k++] = f1(16, lemma[s0]);
    out[k++] = f2(17, suffix[s0], s0p);
    out[k++] = f2(18, shape[s0], s0p);
  }
  out[k++] = f1(19, lemma[b0]);
  out[k++] = f2(20, suffix[b0], b0p);
  out[k++] = f2(21, shape[b0], b0p);
  if (b1 >= 0) out[k++] = f2(22, suffix[b1], b1p);
  // Dependents built so far.
  out[k++] = f1(23, wordAt(e, s0L));
  out[k++] = f1(24, s0Lp);
  out[k++] = f1(25, labelAt(st, s0L));
  out[k++] = f1(26, wordAt(e, s0R));
  out[k++] = f1(27, s0Rp);
  out[k++] = f1(28, labelAt(st, s0R));
  out[k++] = f1(29, labelAt(st, s0L2));
  out[k++] = f1(30, labelAt(st, s0R2));
  out[k++] = f1(31, wordAt(e, b0L));
  out[k++] = f1(32, b0Lp);
  out[k++] = f1(33, labelAt(st, b0L));
  out[k++] = f1(34, labelAt(st, b0L2));
  out[k++] = f2(35, posAt(e, s1R), labelAt(st, s1R));
  out[k++] = f2(36, posAt(e, s1L), labelAt(st, s1L));
  // Pairs.
  out[k++] = f4(37, s0w, s0p, b0w, b0p);
  out[k++] = f3(38, s0w, s0p, b0w);
  out[k++] = f3(39, s0w, b0w, b0p);
  out[k++] = f3(40, s0w, s0p, b0p);
  out[k++] = f3(41, s0p, b0w, b0p);
  out[k++] = f2(42, s0w, b0w);
  out[k++] = f2(43, s0p, b0p);
  out[k++] = f2(44, b0p, b1p);
  out[k++] = f2(45, s1w, s0w);
  out[k++] = f2(46, s1p, s0p);
  out[k++] = f3(47, s1w, s1p, s0p);
  out[k++] = f3(48, s1p, s0w, s0p);
  out[k++] = f2(49, s0 < 0 ? NONE : lemma[s0], lemma[b0]);
  // Triples of tags.
  out[k++] = f3(50, s0p, b0p, b1p);
  out[k++] = f3(51, b0p, b1p, b2p);
  out[k++] = f3(52, s1p, s0p, b0p);
  out[k++] = f3(53, s0p, s0Lp, b0p);
  out[k++] = f3(54, s0p, s0Rp, b0p);
  out[k++] = f3(55, s0p, b0p, b0Lp);
  out[k++] = f3(56, s0p, s0Lp, posAt(e, s0L2));
  out[k++] = f3(57, s0p, s0Rp, posAt(e, s0R2));
  out[k++] = f3(58, b0p, b0Lp, posAt(e, b0L2));
  out[k++] = f3(59, s1p, posAt(e, s1R), s0p);
  out[k++] = f3(60, s2p, s1p, s0p);
  out[k++] = f3(61, s0w, b0p, b1p);
  out[k++] = f3(62, s0p, b0w, b1p);
  // Distance, valency, label sets, punctuation in between.
  if (s0 >= 0) {
    const d = bucket(b0 - s0);
    out[k++] = f2(63, s0w, d);
    out[k++] = f2(64, s0p, d);
    out[k++] = f2(65, b0w, d);
    out[k++] = f2(66, b0p, d);
    out[k++] = f3(67, s0w, b0w, d);
    out[k++] = f3(68, s0p, b0p, d);
    const vr = Math.min(st.nRight[s0], 4);
    const vl = Math.min(st.nLeft[s0], 4);
    out[k++] = f2(69, s0w, vr);
    out[k++] = f2(70, s0p, vr);
    out[k++] = f2(71, s0w, vl);
    out[k++] = f2(72, s0p, vl);
    out[k++] = f3(73, s0w, st.rightLo[s0], st.rightHi[s0]);
    out[k++] = f3(74, s0p, st.rightLo[s0], st.rightHi[s0]);
    out[k++] = f3(75, s0w, st.leftLo[s0], st.leftHi[s0]);
    out[k++] = f3(76, s0p, st.leftLo[s0], st.leftHi[s0]);
    const pb = Math.min(e.punctBefore[b0] - e.punctBefore[s0 + 1], 2);
    out[k++] = f3(77, s0p, b0p, pb);
    // The words next to s0 in the sentence (not in the configuration).
    out[k++] = f3(78, s0p, s0 > 0 ? pos[s0 - 1] : 0, s0 + 1 <= n ? pos[s0 + 1] : 0);
  }
  const vl0 = Math.min(st.nLeft[b0], 4);
  out[k++] = f2(79, b0w, vl0);
  out[k++] = f2(80, b0p, vl0);
  out[k++] = f3(81, b0w, st.leftLo[b0], st.leftHi[b0]);
  out[k++] = f3(82, b0p, st.leftLo[b0], st.leftHi[b0]);
  out[k++] = f3(83, b0p, b0 > 0 ? pos[b0 - 1] : 0, s0p);
  if (s1 >= 0 && s0 >= 0) {
    const pb = Math.min(e.punctBefore[s0] - e.punctBefore[s1 + 1], 2);
    out[k++] = f4(84, s1p, s0p, pb, bucket(s0 - s1));
  }
  out[k++] = f1(85, st.sp === 0 ? 0 : st.sp === 1 ? 1 : 2);
  // What the buffer front already governs on its left (a subject: "who" in "X, who rejected…")
  // against the stack top, and the stack top's right dependents (a closing comma) against the
  // buffer front: the configurations of relative clauses and appositions after a subject.
  const s0c = s0p >> 3;
  const b0c = b0p >> 3;
  out[k++] = f4(86, s0c, b0c, st.leftLo[b0], st.leftHi[b0]);
  if (s0 >= 0) out[k++] = f4(87, s0c, b0c, st.rightLo[s0], st.rightHi[s0]);
  if (s1 >= 0) out[k++] = f4(88, s1p >> 3, s0c, b0c, st.rightLo[s0]);
  out[k++] = f3(89, s0c, wordAt(e, b0L), b0c);
  out[k++] = f3(90, s0c, wordAt(e, b0L2), b0c);
  return k;
}

/** Features for labelling the arc head → dep that a move is about to add. */
export function labelFeatures(e: Encoded, st: State, head: number, dep: number, out: Int32Array): number {
  const { word, pos, lemma, suffix, shape } = e;
  const dir = dep < head ? 1 : 2;
  const hw = word[head], hp = pos[head], dw = word[dep], dp = pos[dep];
  const dL = st.lc1[dep], dR = st.rc1[dep];
  const hL = st.lc1[head], hR = st.rc1[head];
  let k = 0;
  out[k++] = f1(4 + dir, hw);
  out[k++] = f1(8 + dir, hp);
  out[k++] = f1(12 + dir, dw);
  out[k++] = f1(16 + dir, dp);
  out[k++] = f2(20 + dir, hp, dp);
  out[k++] = f3(24 + dir, hw, hp, dp);
  out[k++] = f3(28 + dir, hp, dw, dp);
  out[k++] = f2(32 + dir, hw, dw);
  out[k++] = f2(36 + dir, lemma[head], lemma[dep]);
  out[k++] = f1(40 + dir, lemma[dep]);
  out[k++] = f1(44 + dir, lemma[head]);
  out[k++] = f2(48 + dir, suffix[dep], dp);
  out[k++] = f3(52 + dir, suffix[dep], hp, dp);
  out[k++] = f2(56 + dir, shape[dep], dp);
  out[k++] = f3(60 + dir, hp, dp, bucket(Math.abs(head - dep)));
  out[k++] = f3(64 + dir, dp, st.leftLo[dep], st.leftHi[dep]);
  out[k++] = f3(68 + dir, dp, st.rightLo[dep], st.rightHi[dep]);
  out[k++] = f3(72 + dir, dp, posAt(e, dL), labelAt(st, dL));
  out[k++] = f3(76 + dir, dp, posAt(e, dR), labelAt(st, dR));
  out[k++] = f3(80 + dir, hp, dp, labelAt(st, dir === 1 ? hL : hR));
  out[k++] = f4(84 + dir, hp, dp, st.leftLo[head], st.rightLo[head]);
  out[k++] = f3(88 + dir, dp, posAt(e, dep - 1), posAt(e, dep + 1));
  out[k++] = f3(92 + dir, hp, posAt(e, head - 1), posAt(e, head + 1));
  const lo = Math.min(head, dep);
  const hi = Math.max(head, dep);
  out[k++] = f3(96 + dir, hp, dp, Math.min(e.punctBefore[hi] - e.punctBefore[lo + 1], 2));
  out[k++] = f3(100 + dir, hp, dp, dep === 0 ? 1 : 0);
  out[k++] = f4(104 + dir, hp, dp, Math.min(st.nLeft[head], 3), Math.min(st.nRight[head], 3));
  out[k++] = f3(108 + dir, dw, hp, labelAt(st, dL));
  out[k++] = f2(112 + dir, hw, dp);
  out[k++] = f3(116 + dir, lemma[head], dp, labelAt(st, dL));
  out[k++] = f3(120 + dir, lemma[head], dw, dp);
  // The dependent's first dependent (a preposition: "by" marks a passive agent) against the
  // head's left dependents (a passive auxiliary), and the word just before the dependent.
  out[k++] = f3(124 + dir, wordAt(e, dL), dp, st.leftLo[head]);
  out[k++] = f2(128 + dir, dp, st.leftLo[head]);
  out[k++] = f2(132 + dir, wordAt(e, dep - 1), dp);
  return k;
}
