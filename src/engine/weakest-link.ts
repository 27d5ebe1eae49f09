/**
 * The weakest link behind a node (docs/model.md, "Chain strength and the weakest link"): a breadth-first walk back from v through
 * the links that attain W_v. Equality is EXACT (===): W values are copies, through min and max, of
 * the very p and q numbers compared with them, so no rounding can separate equal values.
 */
import { groupStrength } from './strength.js';
import { type CompiledChain, KIND_CUSTOMER, type WeakestLinkResult } from './types.js';

const NOTHING_WEAK: WeakestLinkResult = { link: -1, path: [] };

/**
 * The walk's parents (-2 = not reached) and queue, kept between calls and grown as needed: a walk
 * can reach most of a large model (every node sharing the weakest value), and a Map and an array
 * per call were most of the Monte Carlo's garbage. Every entry set is reset before returning.
 */
let parents = new Int32Array(0);
let queued = new Int32Array(0);

/** The weakest link of `target` and the walk's path (node indices, the link's node first, target last). */
export function weakestLink(
  chain: CompiledChain,
  strength: Float64Array,
  target: number,
): WeakestLinkResult {
  const weakest = strength[target]!;
  if (weakest === 1) return NOTHING_WEAK;
  const { groupStart, groupEdgeStart, groupEdges, from, quality, kind, dependence } = chain;
  if (parents.length < chain.nodeCount) {
    parents = new Int32Array(chain.nodeCount).fill(-2);
    queued = new Int32Array(chain.nodeCount);
  }
  const parent = parents;
  const queue = queued;
  let tail = 0;
  parent[target] = -1;
  queue[tail++] = target;
  const candidates: number[] = [];
  try {
    for (let head = 0; head < tail; head++) {
      const x = queue[head]!;
      if (kind[x] !== KIND_CUSTOMER && chain.effectivePerformance[x] === weakest)
        return found(parent, x, x);
      if (dependence[x]! <= 0) continue;
      candidates.length = 0;
      for (let g = groupStart[x]!; g < groupStart[x + 1]!; g++) {
        let best = 0;
        if (chain.groupNeed[g]! > 1) best = groupStrength(chain, strength, g);
        else
          for (let i = groupEdgeStart[g]!; i < groupEdgeStart[g + 1]!; i++) {
            const h = groupEdges[i]!;
            best = Math.max(best, Math.min(strength[from[h]!]!, quality[h]!));
          }
        // Only the groups that attain the min; in a k-of-n group the hand-offs at its k-th
        // largest strength are the ones followed (docs/model.md, "k-of-n alternatives").
        if (best !== weakest) continue;
        for (let i = groupEdgeStart[g]!; i < groupEdgeStart[g + 1]!; i++) {
          const h = groupEdges[i]!;
          if (Math.min(strength[from[h]!]!, quality[h]!) === weakest) candidates.push(h);
        }
      }
      // "in declaration order" across the attaining groups: hand-off index order.
      candidates.sort((a, b) => a - b);
      for (const h of candidates) {
        if (quality[h] === weakest) return found(parent, x, chain.actorCount + h);
        const u = from[h]!;
        if (parent[u] === -2) {
          parent[u] = x;
          queue[tail++] = u;
        }
      }
    }
  } finally {
    for (let i = 0; i < tail; i++) parent[queue[i]!] = -2;
  }
  // Unreachable for a greatest fixed point (every W is some link's strength), kept as a guard.
  return NOTHING_WEAK;
}

function found(parent: Int32Array, at: number, link: number): WeakestLinkResult {
  const path: number[] = [];
  for (let x = at; x !== -1; x = parent[x]!) path.push(x);
  return { link, path };
}
