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
 * iterating only inside cycles from "every link". "Cuts off" is a partial order, so a set is kept
 * as the generators of a down-set (src/engine/down-sets.ts): a node that needs every input costs
 * its inputs, not the cone above it (materialising that cone made min / product-heavy models
 * quadratic), and an intersection walks the sides in derivation order only as far as they
 * differ — on an OR graph that is Cooper–Harvey–Kennedy's walk up the dominator tree. Inside a
 * cycle the links of the cycle itself are persistent sorted lists (src/engine/link-lists.ts).
 */
import { DownSets } from './down-sets.js';
import { EMPTY, Lists } from './link-lists.js';
import { COMBINE_MEAN, type CompiledChain, KIND_CUSTOMER } from './types.js';

/**
 * How many hand-offs of group g are needed (1 = any one will do). k-of-n groups compile into
 * `groupNeed`; read through this one accessor so a chain without it means "any one".
 */
export function groupNeed(chain: CompiledChain, g: number): number {
  const need = (chain as { readonly groupNeed?: Int32Array }).groupNeed?.[g] ?? 1;
  const n = chain.groupEdgeStart[g + 1]! - chain.groupEdgeStart[g]!;
  return Math.min(Math.max(need, 1), n);
}

/**
 * Chain order of the links (`rankOf[link]`): nodes in the components' topological order, and at
 * each node first the hand-offs into it (declaration order), then the actor itself. `linkOf[rank]`
 * inverts it.
 */
export function chainOrder(chain: CompiledChain): { rankOf: Int32Array; linkOf: Int32Array } {
  const { actorCount, nodeCount, handoffCount, to } = chain;
  const rankOf = new Int32Array(chain.linkCount);
  const linkOf = new Int32Array(chain.linkCount);
  // The hand-offs into each node in declaration order: a counting sort by receiver, O(V + E).
  const inStart = new Int32Array(nodeCount + 1);
  for (let h = 0; h < handoffCount; h++) inStart[to[h]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) inStart[v + 1]! += inStart[v]!;
  const fill = inStart.slice(0, nodeCount);
  const into = new Int32Array(handoffCount);
  for (let h = 0; h < handoffCount; h++) into[fill[to[h]!]!++] = h;
  let rank = 0;
  for (const v of chain.components.nodes) {
    for (let i = inStart[v]!; i < inStart[v + 1]!; i++) {
      rankOf[actorCount + into[i]!] = rank;
      linkOf[rank++] = actorCount + into[i]!;
    }
    if (v < actorCount) {
      rankOf[v] = rank;
      linkOf[rank++] = v;
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

/** A node's set while its component is worked out: explicit links of its own loop, generators below. */
interface State {
  /** Links of the same cycle (a persistent list of chain ranks; EMPTY outside cycles). */
  readonly inner: number;
  /** Generators from earlier components (final sets). */
  readonly gens: readonly number[];
}

/** `null` is "every link" (TOP): a node not reached, or the start of a cycle's iteration. */
type Set_ = State | null;

/**
 * For every customer (by ordinal), the links whose failure alone cuts it off, in chain order (from
 * its sources to the customer). Components in topological order; inside a cycle the sets iterate
 * from "every link" until none changes. A `min` / `product` actor's set is its inputs' generators
 * (no copy of the cone above), an intersection walks only as far as the two sides differ.
 */
export function noWayAround(chain: CompiledChain): Int32Array[] {
  const { rankOf, linkOf } = chainOrder(chain);
  const joined = sourceJoined(chain);
  const { reached, rank } = derivationOrder(chain, joined);
  const sets = new DownSets(chain, rank);
  const lists = new Lists();
  const { actorCount, nodeCount, groupStart, groupEdgeStart, groupEdges, from } = chain;
  const { count, start, nodes, cyclic, componentOf } = chain.components;
  const top = new Uint8Array(nodeCount).fill(1);
  const customerGens: (readonly number[] | null)[] = new Array(chain.customerCount).fill(null);
  const current: Set_[] = [];

  const combine = (sides: Set_[], t: number): Set_ => {
    const live = sides.filter((s): s is State => s !== null);
    const need = t - (sides.length - live.length);
    if (need <= 0) return null;
    if (live.length === 1) return live[0]!;
    const inner = live.map((s) => s.inner);
    const gens = live.map((s) => s.gens);
    if (need === 1) return { inner: lists.threshold(inner, 1), gens: sets.union(gens) };
    if (need < live.length) {
      return { inner: lists.threshold(inner, need), gens: sets.threshold(gens, need) };
    }
    return { inner: lists.threshold(inner, need), gens: sets.intersect(gens) };
  };

  /** A node outside any cycle: every input comes from a final set, so only generators. */
  const acyclicGens = (v: number): readonly number[] | null => {
    if (joined[v] === 1) return [];
    const groups: (readonly number[])[] = [];
    let tops = 0;
    for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) {
      const first = groupEdgeStart[g]!;
      if (groupEdgeStart[g + 1]! === first + 1) {
        const h = groupEdges[first]!;
        if (top[from[h]!] === 1) tops++;
        else groups.push([actorCount + h]);
        continue;
      }
      const sides: number[][] = [];
      for (let i = first; i < groupEdgeStart[g + 1]!; i++) {
        const h = groupEdges[i]!;
        if (top[from[h]!] === 0) sides.push([actorCount + h]);
      }
      // At least n - k + 1 of the n hand-offs' sets, a failed-to-reach one counting as every link.
      const need = sides.length - groupNeed(chain, g) + 1;
      if (need <= 0) tops++;
      else if (sides.length === 1) groups.push(sides[0]!);
      else if (need === 1) groups.push(sides.map((side) => side[0]!));
      else if (need === sides.length) groups.push(sets.intersect(sides));
      else groups.push(sets.threshold(sides, need));
    }
    if (needsEveryGroup(chain, v)) return tops > 0 ? null : sets.union(groups);
    if (groups.length === 0) return null;
    return groups.length === 1 ? groups[0]! : sets.intersect(groups);
  };

  const stateOf = (v: number, k: number): Set_ => {
    const loop = cyclic[k] === 1;
    const own = (inner: number) =>
      loop && v < actorCount ? lists.insert(rankOf[v]!, inner) : inner;
    if (joined[v] === 1) return { inner: own(EMPTY), gens: [] };
    const groups: Set_[] = [];
    for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) {
      const sides: Set_[] = [];
      for (let i = groupEdgeStart[g]!; i < groupEdgeStart[g + 1]!; i++) {
        const h = groupEdges[i]!;
        const u = from[h]!;
        if (loop && componentOf[u] === k) {
          const s = current[u] ?? null;
          sides.push(
            s === null
              ? null
              : { inner: lists.insert(rankOf[actorCount + h]!, s.inner), gens: s.gens },
          );
        } else sides.push(top[u] === 1 ? null : { inner: EMPTY, gens: [actorCount + h] });
      }
      groups.push(combine(sides, sides.length - groupNeed(chain, g) + 1));
    }
    const inner = combine(groups, needsEveryGroup(chain, v) ? 1 : groups.length);
    return inner === null ? null : { inner: own(inner.inner), gens: inner.gens };
  };

  const finish = (v: number, s: Set_, linkOf: Int32Array): void => {
    // Not reached even with every link working: every link "cuts it off" (nothing to lose).
    if (s === null || reached[v] === 0) return;
    top[v] = 0;
    const gens = [...s.gens];
    for (let x = s.inner; x >= 0; x = lists.next[x]!) {
      const link = linkOf[lists.rank[x]!]!;
      if (link !== v || v >= actorCount) gens.push(link);
    }
    if (v < actorCount) {
      sets.setGenerators(v, gens);
      return;
    }
    // A customer is no link: a hand-off it sends has the customer's generators as its own.
    customerGens[v - actorCount] = gens;
    for (let i = chain.outStart[v]!; i < chain.outStart[v + 1]!; i++) {
      sets.setGenerators(actorCount + chain.outEdges[i]!, gens);
    }
  };
  for (let k = 0; k < count; k++) {
    if (cyclic[k] === 0) {
      const v = nodes[start[k]!]!;
      const gens = acyclicGens(v);
      finish(v, gens === null ? null : { inner: EMPTY, gens }, linkOf);
      continue;
    }
    for (let n = start[k]!; n < start[k + 1]!; n++) current[nodes[n]!] = null;
    for (let changed = true; changed; ) {
      changed = false;
      for (let n = start[k]!; n < start[k + 1]!; n++) {
        const v = nodes[n]!;
        const next = stateOf(v, k);
        if (!sameSet(next, current[v]!)) changed = true;
        current[v] = next;
      }
    }
    for (let n = start[k]!; n < start[k + 1]!; n++) finish(nodes[n]!, current[nodes[n]!]!, linkOf);
  }
  const result: Int32Array[] = [];
  for (let c = 0; c < chain.customerCount; c++) {
    const gens = customerGens[c];
    const links = gens === null || gens === undefined ? [] : sets.closure(gens);
    result.push(Int32Array.from(links.sort((a, b) => rankOf[a]! - rankOf[b]!)));
  }
  return result;

  function sameSet(a: Set_, b: Set_): boolean {
    if (a === null || b === null) return a === b;
    return lists.equal(a.inner, b.inner) && sets.equal(a.gens, b.gens);
  }
}
/**
 * The nodes reached with every link working (the least fixed point of the rules above), in linear
 * time: each group counts its live hand-offs, each node its reached groups.
 */
export function reachedNodes(chain: CompiledChain, joined = sourceJoined(chain)): Uint8Array {
  return derivationOrder(chain, joined).reached;
}

/**
 * Reachability as a derivation: `rank[link]` is the order in which it is first reached (an actor
 * when it is reached, a hand-off just after its sender; -1 if never). Nothing a link needs comes
 * after it, so everything that cuts a link off ranks below it.
 */
function derivationOrder(
  chain: CompiledChain,
  joined: Uint8Array,
): { reached: Uint8Array; rank: Int32Array } {
  const {
    nodeCount,
    actorCount,
    groupStart,
    groupEdgeStart,
    to,
    handoffGroup,
    outStart,
    outEdges,
  } = chain;
  const reached = new Uint8Array(nodeCount);
  const rank = new Int32Array(chain.linkCount).fill(-1);
  const liveInputs = new Int32Array(groupEdgeStart.length - 1);
  const liveGroups = new Int32Array(nodeCount);
  const queue: number[] = [];
  const reach = (v: number) => {
    if (reached[v] === 1) return;
    reached[v] = 1;
    queue.push(v);
  };
  for (let v = 0; v < nodeCount; v++) if (joined[v] === 1) reach(v);
  let next = 0;
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (u < actorCount) rank[u] = next++;
    for (let i = outStart[u]!; i < outStart[u + 1]!; i++) {
      const h = outEdges[i]!;
      rank[actorCount + h] = next++;
      const g = handoffGroup[h]!;
      if (++liveInputs[g]! !== groupNeed(chain, g)) continue;
      const v = to[h]!;
      const groups = groupStart[v + 1]! - groupStart[v]!;
      if (++liveGroups[v]! === (needsEveryGroup(chain, v) ? groups : 1)) reach(v);
    }
  }
  return { reached, rank };
}
