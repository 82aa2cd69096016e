// Blocking for the cross-article comparisons that ask "do two sets share at least so many of
// their members?" (near-duplicate texts, one statement in two renderings, one happening in two
// passages). If the smaller set must share `need` of its n members, then any n − need + 1 of them
// include a shared one (pigeonhole), and with every set's members in one global order, the first
// shared member of a passing pair stands within the first n − need + 1 of both sets (prefix
// filtering). Each set is indexed by such a prefix of its rarest members, so a pair is compared
// only when the prefixes meet, and the result is that of comparing every pair.

/** The least number of shared members that passes `shared / size >= ratio` (computed the way the
 * predicates compute it), and at least `atLeast`. */
export function minShared(size: number, ratio: number, atLeast = 0): number {
  let h = atLeast;
  while (h <= size && !(h / size >= ratio)) h++;
  return h;
}

/** How many of a set's members its signature needs: members − need + 1 (none when even all
 * members cannot pass). */
export function signatureSize(size: number, need: number): number {
  if (need > size) return 0;
  return Math.min(size, size - Math.max(need, 1) + 1);
}

/**
 * One global order of all members, rarest first (fewest sets holding it; ties in the order members
 * first appear, which is deterministic): members become small integers, ranks, so that ordering a
 * set is a numeric sort and an index is an array.
 */
export class Rarity {
  private readonly rankOf = new Map<string, number>();
  readonly members: string[];

  /** `sets`: each without repeated members. */
  constructor(sets: Iterable<Iterable<string>>) {
    const count = new Map<string, number>();
    for (const set of sets) for (const x of set) count.set(x, (count.get(x) ?? 0) + 1);
    // A counting sort by frequency keeps each frequency's members in first-appearance order.
    const byCount: string[][] = [];
    for (const [x, c] of count) (byCount[c] ??= []).push(x);
    this.members = byCount.flatMap((xs) => xs ?? []);
    this.members.forEach((x, i) => this.rankOf.set(x, i));
  }

  rank(x: string): number {
    return this.rankOf.get(x) ?? -1;
  }

  /** The set's ranks in the global order (rarest first); members never seen are left out. */
  ordered(set: Iterable<string>): Int32Array {
    const ranks: number[] = [];
    for (const x of set) {
      const r = this.rankOf.get(x);
      if (r !== undefined) ranks.push(r);
    }
    return Int32Array.from(ranks).sort();
  }

  /** The `k` rarest members of the set. */
  rarest(set: Iterable<string>, k: number): string[] {
    return Array.from(this.ordered(set).subarray(0, k), (r) => this.members[r]);
  }
}

/** Lists of values by key, built up one value at a time. */
export class Postings<K, V> {
  private readonly map = new Map<K, V[]>();

  add(key: K, value: V): void {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }

  get(key: K): readonly V[] {
    return this.map.get(key) ?? NONE;
  }
}

const NONE: readonly never[] = [];
