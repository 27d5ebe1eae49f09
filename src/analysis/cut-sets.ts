/**
 * Order-2 cut sets (docs/model.md, "Single points of failure"): for the top customers by value,
 * the pairs of links whose joint failure cuts the customer off while neither alone does. "Cut
 * off" is the reading of the "no way around" list (src/engine/dominators.ts): a node is reached
 * when it is joined to the source or its inputs are (any group for a `mean` actor or a customer,
 * every group for `min` / `product` / `geometric`, k live hand-offs for a group that needs k).
 * Each pair is checked exactly, by reachability with both links failed; the work is bounded by a
 * limit on the pairs examined, and a customer whose search the limit stopped says so.
 */
import {
  COMBINE_MEAN,
  type CompiledChain,
  chainOrder,
  groupNeed,
  KIND_CUSTOMER,
  reachedNodes,
  sourceJoined,
} from '../engine/index.js';
import { weakestLinkRef } from './rankings.js';
import type { WeakestLink } from './report.js';

/** One customer's order-2 cut sets. */
export interface CutSetsOfTwo {
  /**
   * Pairs of links that together cut the customer off, neither being a single point of failure;
   * each pair and the list in chain order (from the customer's sources to the customer).
   */
  readonly pairs: readonly (readonly [WeakestLink, WeakestLink])[];
  /** How many pairs were checked by a reachability pass (pairs that cannot matter are skipped). */
  readonly pairsExamined: number;
  /** False when the pair limit stopped the search: a pair not examined may cut it off too. */
  readonly complete: boolean;
}

/** How cut sets are searched: which customers, and the bound on the work. */
export interface CutSetSearch {
  /** Customer node indices to search, in the order the budget is spent on them. */
  readonly customers: readonly number[];
  /** Pairs examined in all, over every customer, before the search stops. */
  readonly pairLimit: number;
}

/**
 * The `count` customers with the largest weight in S (their value; ties in declaration order),
 * node indices. Customers outside S (value 0 beside others, or not scored) are left out.
 */
export function topCustomersByValue(chain: CompiledChain, count: number): number[] {
  const scored: number[] = [];
  for (let c = chain.actorCount; c < chain.nodeCount; c++)
    if (chain.scoreWeight[c]! > 0) scored.push(c);
  scored.sort((a, b) => chain.scoreWeight[b]! - chain.scoreWeight[a]! || a - b);
  return scored.slice(0, count);
}

/** Reachability with some links failed: a failed actor is never reached, a failed hand-off never live. */
function reachedWithout(
  chain: CompiledChain,
  joined: Uint8Array,
  failed: Uint8Array,
  reached: Uint8Array,
  liveInputs: Int32Array,
  liveGroups: Int32Array,
): void {
  const { nodeCount, actorCount, groupStart, to, handoffGroup, outStart, outEdges } = chain;
  reached.fill(0);
  liveInputs.fill(0);
  liveGroups.fill(0);
  const queue: number[] = [];
  const reach = (v: number) => {
    if (reached[v] === 1 || (v < actorCount && failed[v] === 1)) return;
    reached[v] = 1;
    queue.push(v);
  };
  for (let v = 0; v < nodeCount; v++) if (joined[v] === 1) reach(v);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let i = outStart[u]!; i < outStart[u + 1]!; i++) {
      const h = outEdges[i]!;
      if (failed[actorCount + h] === 1) continue;
      const g = handoffGroup[h]!;
      if (++liveInputs[g]! !== groupNeed(chain, g)) continue;
      const v = to[h]!;
      const groups = groupStart[v + 1]! - groupStart[v]!;
      const every = chain.kind[v] !== KIND_CUSTOMER && chain.combine[v] !== COMBINE_MEAN;
      if (++liveGroups[v]! === (every ? groups : 1)) reach(v);
    }
  }
}

/** The links that lie upstream of customer c (the actors that can reach it, their hand-offs). */
function upstreamLinks(chain: CompiledChain, c: number): number[] {
  const { actorCount, groupStart, groupEdgeStart, groupEdges, from } = chain;
  const seen = new Uint8Array(chain.nodeCount);
  const links: number[] = [];
  const stack = [c];
  seen[c] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v < actorCount) links.push(v);
    for (let i = groupEdgeStart[groupStart[v]!]!; i < groupEdgeStart[groupStart[v + 1]!]!; i++) {
      const h = groupEdges[i]!;
      links.push(actorCount + h);
      const u = from[h]!;
      if (seen[u] === 0) {
        seen[u] = 1;
        stack.push(u);
      }
    }
  }
  return links;
}

/** Whether failing `link` can change anything once the reached set is `reached`. */
function stillMatters(chain: CompiledChain, link: number, reached: Uint8Array): boolean {
  return link < chain.actorCount
    ? reached[link] === 1
    : reached[chain.from[link - chain.actorCount]!] === 1;
}

/** Reachability scratch shared by every pass: the failed links and the reached nodes. */
interface Scratch {
  readonly chain: CompiledChain;
  readonly joined: Uint8Array;
  readonly failed: Uint8Array;
  readonly reached: Uint8Array;
  readonly liveInputs: Int32Array;
  readonly liveGroups: Int32Array;
}

/** Reachability with the links marked in `scratch.failed` failed, into `scratch.reached`. */
function reachFailed(s: Scratch): Uint8Array {
  reachedWithout(s.chain, s.joined, s.failed, s.reached, s.liveInputs, s.liveGroups);
  return s.reached;
}

/**
 * One customer's pairs among `candidates` (upstream links, no single point, in chain order),
 * spending at most `budget` examined pairs.
 */
function customerPairs(
  s: Scratch,
  c: number,
  candidates: readonly number[],
  budget: number,
): CutSetsOfTwo {
  const pairs: [WeakestLink, WeakestLink][] = [];
  let examined = 0;
  for (let i = 0; i < candidates.length; i++) {
    const x = candidates[i]!;
    s.failed[x] = 1;
    const afterX = reachFailed(s).slice();
    // Never 0 for a link off the single-point list; a pair with it would not be minimal.
    for (let j = i + 1; j < candidates.length && afterX[c] === 1; j++) {
      const y = candidates[j]!;
      // A link cut off by x already fails with it: failing it too changes nothing.
      if (!stillMatters(s.chain, y, afterX)) continue;
      if (examined === budget) {
        s.failed[x] = 0;
        return { pairs, pairsExamined: examined, complete: false };
      }
      examined++;
      s.failed[y] = 1;
      if (reachFailed(s)[c] === 0)
        pairs.push([weakestLinkRef(s.chain, x)!, weakestLinkRef(s.chain, y)!]);
      s.failed[y] = 0;
    }
    s.failed[x] = 0;
  }
  return { pairs, pairsExamined: examined, complete: true };
}

/**
 * Order-2 cut sets of each customer in `search.customers` (keyed by node index), given the
 * customers' single points of failure (`single[c - actorCount]`, as noWayAround gives them).
 * Exact: a pair is listed if and only if failing both cuts the customer off and it was examined.
 */
export function cutSetsOfTwo(
  chain: CompiledChain,
  single: readonly ArrayLike<number>[],
  search: CutSetSearch,
): Map<number, CutSetsOfTwo> {
  const joined = sourceJoined(chain);
  const intact = reachedNodes(chain, joined);
  const { rankOf } = chainOrder(chain);
  const scratch: Scratch = {
    chain,
    joined,
    failed: new Uint8Array(chain.linkCount),
    reached: new Uint8Array(chain.nodeCount),
    liveInputs: new Int32Array(chain.groupEdgeStart.length - 1),
    liveGroups: new Int32Array(chain.nodeCount),
  };
  const result = new Map<number, CutSetsOfTwo>();
  let budget = search.pairLimit;
  for (const c of search.customers) {
    const alone = new Set(Array.from(single[c - chain.actorCount] ?? []));
    const candidates =
      intact[c] === 1
        ? upstreamLinks(chain, c)
            .filter((l) => !alone.has(l))
            .sort((a, b) => rankOf[a]! - rankOf[b]!)
        : [];
    const found = customerPairs(scratch, c, candidates, budget);
    budget -= found.pairsExamined;
    result.set(c, found);
  }
  return result;
}
