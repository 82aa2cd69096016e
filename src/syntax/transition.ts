// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the root at the
// end of the buffer, and its dynamic oracle (Goldberg & Nivre 2013): the cost of a move is the
// number of gold arcs it makes unreachable, so training can continue from the parser's own
// mistakes and learn to recover from them.

export const SHIFT = 0;
export const LEFT = 1; // s0 ← b0: the stack top becomes a dependent of the buffer front
export const RIGHT = 2; // s1 → s0: the stack top becomes a dependent of the item below it
export const MOVES = 3;

export class State {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  /** Buffer front; n is the root. */
  b = 0;
  /** Head of each token (n = root), -1 while unattached. */
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  /** Leftmost, second leftmost, rightmost and second rightmost dependents (or -1). */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;
  /** Bit sets of the labels of left and right dependents, labels 0–31 and 32–63. */
  readonly leftLo: Int32Array;
  readonly leftHi: Int32Array;
  readonly rightLo: Int32Array;
  readonly rightHi: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(n + 1).fill(-1);
    this.labels = new Int32Array(n + 1).fill(-1);
    this.lc1 = new Int32Array(n + 1).fill(-1);
    this.lc2 = new Int32Array(n + 1).fill(-1);
    this.rc1 = new Int32Array(n + 1).fill(-1);
    this.rc2 = new Int32Array(n + 1).fill(-1);
    this.nLeft = new Int32Array(n + 1);
    this.nRight = new Int32Array(n + 1);
    this.leftLo = new Int32Array(n + 1);
    this.leftHi = new Int32Array(n + 1);
    this.rightLo = new Int32Array(n + 1);
    this.rightHi = new Int32Array(n + 1);
  }

  get terminal(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  /** Stack item k from the top (0 = s0), or -1. */
  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k] : -1;
  }

  /** Which moves are allowed. The root takes a dependent only when that dependent is the last
   * item on the stack, so every parse is one tree with one root word. */
  valid(move: number): boolean {
    switch (move) {
      case SHIFT:
        return this.b < this.n;
      case LEFT:
        return this.sp >= 1 && (this.b < this.n || this.sp === 1);
      default:
        return this.sp >= 2;
    }
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const dep = this.stack[--this.sp];
    const head = move === LEFT ? this.b : this.stack[this.sp - 1];
    this.heads[dep] = head;
    this.labels[dep] = label;
    const bit = 1 << (label & 31);
    if (dep < head) {
      // Left dependents arrive from the inside out: the newest is the leftmost.
      this.lc2[head] = this.lc1[head];
      this.lc1[head] = dep;
      this.nLeft[head]++;
      if (label < 32) this.leftLo[head] |= bit;
      else this.leftHi[head] |= bit;
    } else {
      // Right dependents arrive from the inside out too: the newest is the rightmost.
      this.rc2[head] = this.rc1[head];
      this.rc1[head] = dep;
      this.nRight[head]++;
      if (label < 32) this.rightLo[head] |= bit;
      else this.rightHi[head] |= bit;
    }
  }

  /** The head of the arc a LEFT or RIGHT move would add now (its dependent is s0). */
  arcHead(move: number): number {
    return move === LEFT ? this.b : this.stack[this.sp - 2];
  }

  /** Cost of each move against gold heads (gold[i] = n for the root): gold arcs it makes
   * unreachable. Exact for projective gold trees; Infinity for moves that are not allowed. */
  costs(gold: Int32Array, out: Float64Array): void {
    const n = this.n;
    const s0 = this.s(0);
    const s1 = this.s(1);
    const b0 = this.b;
    out[SHIFT] = out[LEFT] = out[RIGHT] = Infinity;
    if (this.valid(SHIFT)) {
      let c = 0;
      for (let k = 0; k < this.sp; k++) {
        const x = this.stack[k];
        if (gold[x] === b0) c++;
        else if (gold[b0] === x && x !== s0) c++;
      }
      // The root word must be the last item left on the stack; on top of others it cannot be.
      if (gold[b0] === n && this.sp > 0) c++;
      out[SHIFT] = c;
    }
    if (this.sp >= 1) {
      let children = 0;
      for (let d = b0 + 1; d < n; d++) if (gold[d] === s0) children++;
      const b0Child = b0 < n && gold[b0] === s0 ? 1 : 0;
      // A root-headed s0 with items below it lost its arc already (the root takes the last item).
      const g = gold[s0];
      const rootLost = g === n && this.sp > 1;
      if (this.valid(LEFT)) {
        const lost = g !== b0 && !rootLost && (g === s1 || g > b0) ? 1 : 0;
        out[LEFT] = lost + children + b0Child;
      }
      if (this.valid(RIGHT)) {
        const lost = g !== s1 && !rootLost && g >= b0 ? 1 : 0;
        out[RIGHT] = lost + children + b0Child;
      }
    }
  }
}
