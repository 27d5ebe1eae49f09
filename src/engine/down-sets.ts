/**
 * "No way around" sets as down-sets (docs/model.md, "Single points of failure"). "x cuts y off" is
 * a partial order on the links, and the set of a link y is {y} plus everything below it, so a set
 * is kept as a few GENERATORS whose own sets make up the rest: a hand-off's one generator is its
 * sender (a customer's generators if a customer sends it), an actor's are stored here once its
 * set is final. A union (an actor that needs every
 * input) is then just its inputs, O(inputs), where a materialised list costs the whole upstream
 * cone; an intersection (any input will do) walks all the down-sets at once from the top in
 * derivation order, and stops as soon as one side has nothing pending that not every side has. Derivation order (the order in which
 * reachability first reaches each link) puts every link after everything that cuts it off, so
 * when a link is taken from the heap every mark it can get has been given.
 */
import type { CompiledChain } from './types.js';

/** Sides of one walk (marks are bit sets); more sides are walked in rounds. */
const SIDES = 30;

/** Generators of the final sets, and the scratch of the walks over them. */
export class DownSets {
  private pool = new Int32Array(1024);
  private poolSize = 0;
  private readonly genStart: Int32Array;
  private readonly genEnd: Int32Array;
  private readonly seen: Int32Array;
  private readonly mark: Int32Array;
  private readonly count: Int32Array;
  private epoch = 0;
  private heap = new Int32Array(256);
  private heapSize = 0;
  /** Per side: pending links it marks that not every side marks yet. */
  private readonly pending = new Int32Array(SIDES);
  /** How many sides have no such link pending (the walk can stop when one has none). */
  private idleSides = 0;
  private full = 0;
  /** Links visited by the walks so far: the measure of their work. */
  visits = 0;

  /** `rank`: each reached link's place in derivation order (an unreached link never enters a set). */
  constructor(
    private readonly chain: CompiledChain,
    private readonly rank: Int32Array,
  ) {
    const n = chain.linkCount;
    this.genStart = new Int32Array(n);
    this.genEnd = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.count = new Int32Array(n);
  }

  /**
   * Stores link x's final generators: an actor's, or those of a hand-off sent by a customer (a
   * customer is no link). Any other hand-off's one generator is its sender, never stored.
   */
  setGenerators(x: number, generators: readonly number[]): void {
    while (this.poolSize + generators.length > this.pool.length) {
      const grown = new Int32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    this.genStart[x] = this.poolSize;
    for (const g of generators) this.pool[this.poolSize++] = g;
    this.genEnd[x] = this.poolSize;
  }

  /** Gives every generator of x the mark `m`. */
  private expand(x: number, m: number): void {
    this.visits++;
    const { actorCount, from } = this.chain;
    if (x >= actorCount && from[x - actorCount]! < actorCount) {
      this.add(from[x - actorCount]!, m);
      return;
    }
    for (let i = this.genStart[x]!; i < this.genEnd[x]!; i++) this.add(this.pool[i]!, m);
  }

  private add(x: number, m: number): void {
    if (this.seen[x] !== this.epoch) {
      this.seen[x] = this.epoch;
      this.mark[x] = m;
      this.tally(m, 1);
      this.push(x);
      return;
    }
    const old = this.mark[x]!;
    if ((old | m) === old) return;
    this.tally(old, -1);
    this.mark[x] = old | m;
    this.tally(old | m, 1);
  }

  /** Counts a pending link's mark in or out of its sides' `pending` (a full mark counts nowhere). */
  private tally(m: number, d: number): void {
    if (m === this.full) return;
    for (let bits = m; bits !== 0; bits &= bits - 1) {
      const side = 31 - Math.clz32(bits & -bits);
      const before = this.pending[side]!;
      this.pending[side] = before + d;
      if (before === 0) this.idleSides--;
      else if (before + d === 0) this.idleSides++;
    }
  }

  private start(lists: readonly (readonly number[])[]): void {
    this.epoch++;
    this.heapSize = 0;
    this.full = (1 << lists.length) - 1;
    this.pending.fill(0);
    this.idleSides = lists.length;
    for (let i = 0; i < lists.length; i++) for (const x of lists[i]!) this.add(x, 1 << i);
  }

  /** Generators of the intersection of the lists' down-sets. */
  intersect(lists: readonly (readonly number[])[]): number[] {
    let sides = lists;
    if (sides.some((list) => list.length === 0)) return [];
    while (sides.length > SIDES) sides = [this.walk(sides.slice(0, SIDES)), ...sides.slice(SIDES)];
    if (sides.every((list) => sameList(list, sides[0]!))) return [...sides[0]!];
    return this.walk(sides);
  }

  private walk(lists: readonly (readonly number[])[]): number[] {
    this.start(lists);
    const out: number[] = [];
    // A side with nothing of its own pending can mark no new link: no new common link comes.
    while (this.idleSides === 0) {
      const x = this.pop();
      const m = this.mark[x]!;
      this.tally(m, -1);
      // Everything below a common link is common: it is a generator, not walked further.
      if (m === this.full) out.push(x);
      else this.expand(x, m);
    }
    for (let i = 0; i < this.heapSize; i++) {
      if (this.mark[this.heap[i]!] === this.full) out.push(this.heap[i]!);
    }
    this.heapSize = 0;
    return out;
  }

  /** Whether ↓a = ↓b (every link below either is marked by both before it is taken). */
  equal(a: readonly number[], b: readonly number[]): boolean {
    if (sameList(a, b)) return true;
    this.start([a, b]);
    while (this.pending[0]! + this.pending[1]! > 0) {
      const x = this.pop();
      const m = this.mark[x]!;
      this.tally(m, -1);
      if (m !== this.full) {
        this.heapSize = 0;
        return false;
      }
      this.expand(x, m);
    }
    this.heapSize = 0;
    return true;
  }

  /** Generators of ↓a ∪ ↓b ∪ …: the generators themselves, each once. */
  union(lists: readonly (readonly number[])[]): number[] {
    this.epoch++;
    const out: number[] = [];
    for (const list of lists) {
      for (const x of list) {
        if (this.seen[x] === this.epoch) continue;
        this.seen[x] = this.epoch;
        out.push(x);
      }
    }
    return out;
  }

  /** Every link of ↓generators (order: as found). */
  closure(generators: readonly number[]): number[] {
    this.epoch++;
    const out: number[] = [];
    const visit = (x: number) => {
      if (this.seen[x] === this.epoch) return;
      this.seen[x] = this.epoch;
      out.push(x);
    };
    for (const x of generators) visit(x);
    const { actorCount, from } = this.chain;
    for (let i = 0; i < out.length; i++) {
      const x = out[i]!;
      this.visits++;
      if (x >= actorCount && from[x - actorCount]! < actorCount) visit(from[x - actorCount]!);
      else for (let j = this.genStart[x]!; j < this.genEnd[x]!; j++) visit(this.pool[j]!);
    }
    return out;
  }

  /** The links in at least `t` of the down-sets (a k-of-n group): counted over each closure. */
  threshold(lists: readonly (readonly number[])[], t: number): number[] {
    const touched: number[] = [];
    for (const list of lists) {
      for (const x of this.closure(list)) {
        if (this.count[x] === 0) touched.push(x);
        this.count[x]!++;
      }
    }
    const out = touched.filter((x) => this.count[x]! >= t);
    for (const x of touched) this.count[x] = 0;
    return out;
  }

  private push(x: number): void {
    if (this.heapSize === this.heap.length) {
      const grown = new Int32Array(this.heap.length * 2);
      grown.set(this.heap);
      this.heap = grown;
    }
    const { heap, rank } = this;
    let i = this.heapSize++;
    const r = rank[x]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (rank[heap[parent]!]! >= r) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = x;
  }

  /** Takes the link latest in derivation order. */
  private pop(): number {
    const { heap, rank } = this;
    const top = heap[0]!;
    const last = heap[--this.heapSize]!;
    const n = this.heapSize;
    const r = rank[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && rank[heap[child + 1]!]! > rank[heap[child]!]!) child++;
      if (rank[heap[child]!]! <= r) break;
      heap[i] = heap[child]!;
      i = child;
    }
    if (n > 0) heap[i] = last;
    return top;
  }
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
