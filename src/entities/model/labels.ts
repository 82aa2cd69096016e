// The tag set of the name tagger: BILOU over four kinds of name. A name is one token (U) or a
// Begin, Inside…, Last sequence; O is any token outside a name. The transition constraints below
// are what makes a tag sequence spell well-formed names, so Viterbi never has to repair one.

export const NAME_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NameType = (typeof NAME_TYPES)[number];

export const O = 0;
export const B = 0;
export const I = 1;
export const L = 2;
export const U = 3;
export const LABELS = 1 + NAME_TYPES.length * 4;

export const label = (type: number, position: number) => 1 + type * 4 + position;
export const typeOf = (y: number) => (y === O ? -1 : (y - 1) >> 2);
export const positionOf = (y: number) => (y === O ? -1 : (y - 1) & 3);

export function labelName(y: number): string {
  return y === O ? 'O' : `${'BILU'[positionOf(y)]}-${NAME_TYPES[typeOf(y)]}`;
}

/** May tag `b` follow tag `a`? Inside a name only I or L of the same type; outside it O, B or U. */
export function allowed(a: number, b: number): boolean {
  const pa = positionOf(a);
  const pb = positionOf(b);
  const open = pa === B || pa === I;
  if (open) return (pb === I || pb === L) && typeOf(a) === typeOf(b);
  return b === O || pb === B || pb === U;
}

export const canStart = (y: number) => y === O || positionOf(y) === B || positionOf(y) === U;
export const canEnd = (y: number) => y === O || positionOf(y) === L || positionOf(y) === U;

/** Flat table of allowed transitions, LABELS × LABELS. */
export const ALLOWED: Uint8Array = (() => {
  const t = new Uint8Array(LABELS * LABELS);
  for (let a = 0; a < LABELS; a++) for (let b = 0; b < LABELS; b++) t[a * LABELS + b] = allowed(a, b) ? 1 : 0;
  return t;
})();

export interface TokenSpan {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  type: number;
}

/** Names spelled by a tag sequence (token indices offset by `base`). */
export function spansOf(tags: ArrayLike<number>, base = 0): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const p = positionOf(tags[i]);
    if (p === U) out.push({ first: base + i, last: base + i, type: typeOf(tags[i]) });
    else if (p === B) open = i;
    else if (p === L && open >= 0) {
      out.push({ first: base + open, last: base + i, type: typeOf(tags[i]) });
      open = -1;
    }
  }
  return out;
}

/** The tag sequence that spells the given names over `n` tokens (the rest O). */
export function tagsOf(spans: TokenSpan[], n: number, base = 0): Int8Array {
  const tags = new Int8Array(n);
  for (const s of spans) {
    const a = s.first - base;
    const b = s.last - base;
    if (a === b) tags[a] = label(s.type, U);
    else {
      tags[a] = label(s.type, B);
      for (let k = a + 1; k < b; k++) tags[k] = label(s.type, I);
      tags[b] = label(s.type, L);
    }
  }
  return tags;
}
