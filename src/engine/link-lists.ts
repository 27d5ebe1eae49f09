/**
 * Persistent sorted lists of link ranks (largest first) sharing their tails, as in Cooper–Harvey–
 * Kennedy's dominator tree: the explicit sets of "no way around" inside a loop (src/engine/
 * dominators.ts; docs/model.md, "Single points of failure"). An intersection or a union stops at
 * the first shared tail, so a plain chain costs O(1) per node.
 */

/** The empty list. */
export const EMPTY = -1;
/** The set of every link: the start of the iteration inside a cycle. */
export const TOP = -2;

/** Persistent sorted lists of link ranks (largest first) in two growable typed arrays. */
export class Lists {
  rank = new Int32Array(1024);
  next = new Int32Array(1024);
  size = 0;
  private readonly scratch: number[] = [];

  cons(rank: number, next: number): number {
    if (this.size === this.rank.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.rank = grow(this.rank);
      this.next = grow(this.next);
    }
    this.rank[this.size] = rank;
    this.next[this.size] = next;
    return this.size++;
  }

  /** `prefix` (largest first) consed onto `tail`. */
  private build(prefix: number[], tail: number): number {
    let list = tail;
    for (let i = prefix.length - 1; i >= 0; i--) list = this.cons(prefix[i]!, list);
    return list;
  }

  insert(r: number, list: number): number {
    if (list === TOP) return TOP;
    const prefix = this.scratch;
    prefix.length = 0;
    let x = list;
    while (x !== EMPTY && this.rank[x]! > r) {
      prefix.push(this.rank[x]!);
      x = this.next[x]!;
    }
    if (x !== EMPTY && this.rank[x] === r) return list;
    return this.build(prefix, this.cons(r, x));
  }

  intersect(a: number, b: number): number {
    if (a === TOP) return b;
    if (b === TOP || a === b) return a;
    const out: number[] = [];
    let x = a;
    let y = b;
    let allA = true;
    let allB = true;
    while (x !== y && x !== EMPTY && y !== EMPTY) {
      const rx = this.rank[x]!;
      const ry = this.rank[y]!;
      if (rx === ry) out.push(rx);
      if (rx >= ry) x = this.next[x]!;
      if (ry >= rx) y = this.next[y]!;
      if (rx > ry) allA = false;
      if (ry > rx) allB = false;
    }
    if (x !== y) {
      if (x !== EMPTY) allA = false;
      if (y !== EMPTY) allB = false;
    }
    if (allA) return a;
    if (allB) return b;
    return this.build(out, x === y ? x : EMPTY);
  }

  union(a: number, b: number): number {
    if (a === TOP || b === TOP) return TOP;
    if (a === b) return a;
    const out: number[] = [];
    let x = a;
    let y = b;
    let hasB = true; // a holds every element of b
    let hasA = true;
    while (x !== y && x !== EMPTY && y !== EMPTY) {
      const rx = this.rank[x]!;
      const ry = this.rank[y]!;
      out.push(Math.max(rx, ry));
      if (rx >= ry) x = this.next[x]!;
      if (ry >= rx) y = this.next[y]!;
      if (rx > ry) hasA = false;
      if (ry > rx) hasB = false;
    }
    if (x !== y) {
      if (y !== EMPTY) hasB = false;
      if (x !== EMPTY) hasA = false;
    }
    if (hasB) return a;
    if (hasA) return b;
    return this.build(out, x === EMPTY ? y : x);
  }

  /** The ranks in at least `t` of `lists` (t = lists.length: intersection; t = 1: union). */
  threshold(lists: readonly number[], t: number): number {
    if (lists.length === 0) return EMPTY;
    if (t >= lists.length) return lists.reduce((a, b) => this.intersect(a, b));
    if (t <= 1) return lists.reduce((a, b) => this.union(a, b));
    const tops = lists.filter((l) => l === TOP).length;
    if (tops >= t) return TOP;
    const counts = new Map<number, number>();
    for (const list of lists) {
      for (let x = list; x >= 0; x = this.next[x]!) {
        counts.set(this.rank[x]!, (counts.get(this.rank[x]!) ?? 0) + 1);
      }
    }
    const kept = [...counts].filter(([, n]) => n >= t - tops).map(([r]) => r);
    return this.build(
      kept.sort((p, q) => q - p),
      EMPTY,
    );
  }

  equal(a: number, b: number): boolean {
    let x = a;
    let y = b;
    while (x !== y) {
      if (x < 0 || y < 0 || this.rank[x] !== this.rank[y]) return false;
      x = this.next[x]!;
      y = this.next[y]!;
    }
    return true;
  }
}
