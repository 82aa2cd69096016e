// Projecting a gold tree over one tokenisation (GUM's words) onto another (Parley's wink-nlp
// tokens) by character offsets. The parser learns and is scored on the tokens it will see at run
// time, so gold arcs must be expressed between those tokens.

export interface GoldWord {
  start: number;
  end: number;
  /** 1-based head word, 0 for the root (CoNLL-U convention). */
  head: number;
  label: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Projection {
  /** Per token: index of its head token, or -1 for the root. */
  heads: Int32Array;
  labels: string[];
  /** Several gold words in one token (the token takes the arc of the one word whose head is outside). */
  merged: number;
  /** One gold word over several tokens (the last token that is not punctuation takes its arc). */
  split: number;
  /** Gold words inside merged tokens other than the one that carries the token's arc. */
  absorbed: number;
  /** Merged tokens whose words had several heads outside the token ("I'm", "cannot"): the token
   * keeps the arc of the highest word that is not punctuation; the other arcs are lost. */
  repaired: number;
  /** Why the projection is unusable, or null: a token or word that overlaps nothing, words and
   * tokens that cross each other, or not one tree. */
  failure: string | null;
}

/** Group words and tokens that overlap; each group becomes one node of the projected tree. */
export function projectTree(words: GoldWord[], tokens: Span[], isPunct: (token: number) => boolean = () => false): Projection {
  const heads = new Int32Array(tokens.length).fill(-1);
  const labels: string[] = new Array(tokens.length).fill('dep');
  const out: Projection = { heads, labels, merged: 0, split: 0, absorbed: 0, repaired: 0, failure: null };
  // Both sequences are in text order, so one sweep pairs the overlapping ones.
  const groups: { words: number[]; tokens: number[] }[] = [];
  let w = 0;
  let t = 0;
  while (w < words.length || t < tokens.length) {
    if (w >= words.length || t >= tokens.length) {
      out.failure = w >= words.length ? 'token without a gold word' : 'gold word without a token';
      return out;
    }
    if (!overlaps(words[w], tokens[t])) {
      out.failure = words[w].end <= tokens[t].start ? 'gold word without a token' : 'token without a gold word';
      return out;
    }
    const g = { words: [w], tokens: [t] };
    let end = Math.max(words[w].end, tokens[t].end);
    w++;
    t++;
    // Extend the group while the next word or token starts inside it.
    for (;;) {
      if (w < words.length && words[w].start < end) {
        g.words.push(w);
        end = Math.max(end, words[w].end);
        w++;
      } else if (t < tokens.length && tokens[t].start < end) {
        g.tokens.push(t);
        end = Math.max(end, tokens[t].end);
        t++;
      } else break;
    }
    groups.push(g);
  }
  const groupOfWord = new Int32Array(words.length);
  groups.forEach((g, k) => {
    for (const x of g.words) groupOfWord[x] = k;
  });
  const rep = new Int32Array(groups.length);
  const repWord = new Int32Array(groups.length);
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    if (g.words.length > 1 && g.tokens.length > 1) {
      out.failure = 'words and tokens cross';
      return out;
    }
    const outside = g.words.filter((x) => words[x].head === 0 || groupOfWord[words[x].head - 1] !== k);
    if (outside.length > 1) {
      out.repaired++;
      const content = outside.filter((x) => words[x].label !== 'punct');
      const pool = content.length > 0 ? content : outside;
      let bestDepth = Infinity;
      for (const x of pool) {
        const d = depth(words, x);
        if (d < bestDepth) {
          bestDepth = d;
          repWord[k] = x;
        }
      }
    } else repWord[k] = outside[0];
    if (g.words.length > 1) {
      out.merged++;
      out.absorbed += g.words.length - 1;
    }
    if (g.tokens.length > 1) {
      out.split++;
      let r = g.tokens[g.tokens.length - 1];
      for (let i = g.tokens.length - 1; i >= 0; i--) {
        if (!isPunct(g.tokens[i])) {
          r = g.tokens[i];
          break;
        }
      }
      rep[k] = r;
    } else rep[k] = g.tokens[0];
  }
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    const word = words[repWord[k]];
    const r = rep[k];
    heads[r] = word.head === 0 ? -1 : rep[groupOfWord[word.head - 1]];
    labels[r] = word.label;
    // The other pieces of a word the tokeniser split hang on the piece that carries its arc, as UD
    // attaches the parts of a word written apart.
    for (const x of g.tokens) {
      if (x === r) continue;
      heads[x] = r;
      labels[x] = isPunct(x) ? 'punct' : 'goeswith';
    }
  }
  if (!isTree(heads)) out.failure = 'not one tree';
  return out;
}

/** Arcs from a word up to the root (capped, in case the input has a cycle). */
function depth(words: GoldWord[], x: number): number {
  let d = 0;
  for (let h = words[x].head; h !== 0 && d <= words.length; h = words[h - 1].head) d++;
  return d;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** One root and no cycles. */
export function isTree(heads: Int32Array): boolean {
  let roots = 0;
  const n = heads.length;
  for (let i = 0; i < n; i++) {
    if (heads[i] === -1) roots++;
    else if (heads[i] < 0 || heads[i] >= n || heads[i] === i) return false;
  }
  if (roots !== 1) return false;
  for (let i = 0; i < n; i++) {
    let h = i;
    for (let steps = 0; h !== -1; steps++) {
      if (steps > n) return false;
      h = heads[h];
    }
  }
  return true;
}

/** Lift each non-projective arc to the head's head until the tree is projective: arc-hybrid can
 * only build projective trees, so it learns from the nearest projective one. */
export function projectivize(input: Int32Array): Int32Array {
  const heads = Int32Array.from(input);
  const n = heads.length;
  for (let guard = 0; guard < n * n; guard++) {
    let worst = -1;
    let worstLen = Infinity;
    for (let d = 0; d < n; d++) {
      const h = heads[d];
      if (h < 0) continue;
      const len = Math.abs(h - d);
      if (len < worstLen && !arcIsProjective(heads, h, d)) {
        worst = d;
        worstLen = len;
      }
    }
    if (worst < 0) return heads;
    heads[worst] = heads[heads[worst]];
  }
  return heads;
}

function arcIsProjective(heads: Int32Array, h: number, d: number): boolean {
  const lo = Math.min(h, d);
  const hi = Math.max(h, d);
  for (let k = lo + 1; k < hi; k++) {
    let a = k;
    while (a !== -1 && a !== h) a = heads[a];
    if (a !== h) return false;
  }
  return true;
}
