/**
 * Single points of failure, "no way around" (docs/model.md, "Single points of failure"): for every
 * node, the links whose failure alone cuts it off. A node is reached when it is joined to the
 * virtual source (no input, or a member of a source cycle) or when its inputs are: a `mean` actor
 * or a customer needs ANY of its groups, a `min` / `product` / `geometric` actor needs ALL of
 * them, and a group that needs k of its n hand-offs needs k live ones. That is an AND/OR graph,
 * so the classic dominator sets generalise to
 *
 *     Dom(e) = {e} ∪ Dom(from e)                      for a hand-off e
 *     Dom(G) = links in at least n - k + 1 of the Dom(e), e in G
 *     Dom(v) = {v} ∪ ∩ Dom(G)  (any group)   or   {v} ∪ ∪ Dom(G)  (every group)
 *
 * and "x cuts v off" is exactly x ∈ Dom(v) at the greatest solution (it is the dual of the least
 * fixed point of reachability), found in one pass over the components in topological order,
 * iterating only inside cycles from "every link". Sets are persistent sorted lists sharing their
 * tails, as in Cooper–Harvey–Kennedy's dominator tree: on an OR graph Dom(v) is v's path in the
 * dominator tree and each intersection stops at the shared tail, so a chain costs O(1) per node.
 */
import { COMBINE_MEAN, type CompiledChain, KIND_CUSTOMER } from './types.js';

const EMPTY = -1;
/** The set of every link: the start of the iteration inside a cycle. */
const TOP = -2;

/**
 * How many hand-offs of group g are needed (1 = any one will do). k-of-n groups compile into
 * `groupNeed`; read through this one accessor so a chain without it means "any one".
 */
export function groupNeed(chain: CompiledChain, g: number): number {
  const need = (chain as { readonly groupNeed?: Int32Array }).groupNeed?.[g] ?? 1;
  const n = chain.groupEdgeStart[g + 1]! - chain.groupEdgeStart[g]!;
  return Math.min(Math.max(need, 1), n);
}

/** Persistent sorted lists of link ranks (largest first) in two growable typed arrays. */
class Lists {
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

/**
 * Chain order of the links (`rankOf[link]`): nodes in the components' topological order, and at
 * each node first the hand-offs into it (declaration order), then the actor itself. `linkOf[rank]`
 * inverts it.
 */
export function chainOrder(chain: CompiledChain): { rankOf: Int32Array; linkOf: Int32Array } {
  const { actorCount, groupStart, groupEdgeStart, groupEdges } = chain;
  const rankOf = new Int32Array(chain.linkCount);
  const linkOf = new Int32Array(chain.linkCount);
  let rank = 0;
  const into: number[] = [];
  for (const v of chain.components.nodes) {
    into.length = 0;
    for (let i = groupEdgeStart[groupStart[v]!]!; i < groupEdgeStart[groupStart[v + 1]!]!; i++) {
      into.push(groupEdges[i]!);
    }
    const links = into.sort((a, b) => a - b).map((h) => actorCount + h);
    if (v < actorCount) links.push(v);
    for (const link of links) {
      rankOf[link] = rank;
      linkOf[rank++] = link;
    }
  }
  return { rankOf, linkOf };
}

/** Nodes joined to the virtual source: no input, or a member of a cycle with no input from outside. */
export function sourceJoined(chain: CompiledChain): Uint8Array {
  const { count, start, nodes, componentOf, cyclic } = chain.components;
  const joined = new Uint8Array(chain.nodeCount);
  for (let k = 0; k < count; k++) {
    let fedFromOutside = false;
    for (let n = start[k]!; n < start[k + 1]! && !fedFromOutside; n++) {
      const v = nodes[n]!;
      const g0 = chain.groupEdgeStart[chain.groupStart[v]!]!;
      const g1 = chain.groupEdgeStart[chain.groupStart[v + 1]!]!;
      if (g0 === g1 && cyclic[k] === 0) joined[v] = 1;
      for (let i = g0; i < g1; i++) {
        if (componentOf[chain.from[chain.groupEdges[i]!]!] !== k) fedFromOutside = true;
      }
    }
    if (cyclic[k] === 1 && !fedFromOutside) {
      for (let n = start[k]!; n < start[k + 1]!; n++) joined[nodes[n]!] = 1;
    }
  }
  return joined;
}

/** Whether actor v needs every input group (`min`, `product`, `geometric`), not just one. */
function needsEveryGroup(chain: CompiledChain, v: number): boolean {
  return chain.kind[v] !== KIND_CUSTOMER && chain.combine[v] !== COMBINE_MEAN;
}

/**
 * For every customer (by ordinal), the links whose failure alone cuts it off, in chain order (from
 * its sources to the customer). O(V + E) list operations, each as long as the unshared parts of
 * the sets it meets; cycles iterate until no set changes.
 */
export function noWayAround(chain: CompiledChain): Int32Array[] {
  const { rankOf, linkOf } = chainOrder(chain);
  const joined = sourceJoined(chain);
  const lists = new Lists();
  const dom = new Int32Array(chain.nodeCount).fill(TOP);
  const { actorCount, groupStart, groupEdgeStart, groupEdges, from } = chain;
  const domOf = (v: number): number => {
    const own = v < actorCount ? lists.cons(rankOf[v]!, EMPTY) : EMPTY;
    if (joined[v] === 1) return own;
    const groups: number[] = [];
    for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) {
      const inputs: number[] = [];
      for (let i = groupEdgeStart[g]!; i < groupEdgeStart[g + 1]!; i++) {
        const h = groupEdges[i]!;
        inputs.push(lists.insert(rankOf[actorCount + h]!, dom[from[h]!]!));
      }
      groups.push(lists.threshold(inputs, inputs.length - groupNeed(chain, g) + 1));
    }
    const inner = lists.threshold(groups, needsEveryGroup(chain, v) ? 1 : groups.length);
    return v < actorCount ? lists.insert(rankOf[v]!, inner) : inner;
  };
  const { count, start, nodes, cyclic } = chain.components;
  for (let k = 0; k < count; k++) {
    let changed = true;
    while (changed) {
      changed = false;
      for (let n = start[k]!; n < start[k + 1]!; n++) {
        const v = nodes[n]!;
        const next = domOf(v);
        if (!lists.equal(next, dom[v]!)) changed = cyclic[k] === 1;
        dom[v] = next;
      }
    }
  }
  const reached = reachedNodes(chain, joined);
  const result: Int32Array[] = [];
  for (let c = actorCount; c < chain.nodeCount; c++) {
    const ranks: number[] = [];
    // A customer that nothing reaches even with every link working has nothing to lose.
    if (reached[c] === 0) {
      result.push(new Int32Array(0));
      continue;
    }
    for (let x = dom[c]!; x >= 0; x = lists.next[x]!) ranks.push(lists.rank[x]!);
    result.push(Int32Array.from(ranks.reverse(), (r) => linkOf[r]!));
  }
  return result;
}

/**
 * The nodes reached with every link working (the least fixed point of the rules above), in linear
 * time: each group counts its live hand-offs, each node its reached groups.
 */
export function reachedNodes(chain: CompiledChain, joined = sourceJoined(chain)): Uint8Array {
  const { nodeCount, groupStart, groupEdgeStart, to, handoffGroup, outStart, outEdges } = chain;
  const reached = new Uint8Array(nodeCount);
  const liveInputs = new Int32Array(groupEdgeStart.length - 1);
  const liveGroups = new Int32Array(nodeCount);
  const queue: number[] = [];
  const reach = (v: number) => {
    if (reached[v] === 1) return;
    reached[v] = 1;
    queue.push(v);
  };
  for (let v = 0; v < nodeCount; v++) if (joined[v] === 1) reach(v);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let i = outStart[u]!; i < outStart[u + 1]!; i++) {
      const h = outEdges[i]!;
      const g = handoffGroup[h]!;
      if (++liveInputs[g]! !== groupNeed(chain, g)) continue;
      const v = to[h]!;
      const groups = groupStart[v + 1]! - groupStart[v]!;
      if (++liveGroups[v]! === (needsEveryGroup(chain, v) ? groups : 1)) reach(v);
    }
  }
  return reached;
}
