/**
 * Where S is provably AFFINE in a link (MODEL.md section 4), so that fixGain = sensitivity (1 - x)
 * and failureLoss = sensitivity x are exact. A[v] holds when v is in no cycle and every hand-off
 * (v -> w) goes into a `mean` receiver w, outside any cycle, as an ungrouped input (a singleton
 * group), with A[w]: then everything downstream of v is jointly linear in s_v (and in the values of
 * any other A node), with constant coefficients. Computed in reverse topological order: O(V + E).
 */
import { COMBINE_MEAN, COMBINE_PRODUCT, type CompiledChain } from './types.js';

/** A[v] for every node (1 = everything downstream of v is jointly linear). */
export function affineNodes(chain: CompiledChain): Uint8Array {
  const affine = new Uint8Array(chain.nodeCount);
  const { count, start, nodes, cyclic, componentOf } = chain.components;
  const { outStart, outEdges, to, combine, handoffGroup, groupEdgeStart } = chain;
  for (let k = count - 1; k >= 0; k--) {
    if (cyclic[k] === 1) continue;
    const v = nodes[start[k]!]!;
    let ok = 1;
    for (let i = outStart[v]!; i < outStart[v + 1]! && ok === 1; i++) {
      const h = outEdges[i]!;
      const w = to[h]!;
      const g = handoffGroup[h]!;
      const singleton = groupEdgeStart[g + 1]! - groupEdgeStart[g]! === 1;
      if (
        combine[w] !== COMBINE_MEAN ||
        !singleton ||
        cyclic[componentOf[w]!] === 1 ||
        affine[w] === 0
      )
        ok = 0;
    }
    affine[v] = ok;
  }
  return affine;
}

/**
 * Whether S is affine in the link: an actor v with A[v] (s_v is linear in p_v); a hand-off
 * (u -> v) into v outside any cycle, combining by `mean` or `product`, with A[v]: only ONE input
 * of v depends on q_e, and every combine and r_G is affine in one input at a time.
 */
export function isAffineLink(chain: CompiledChain, affine: Uint8Array, link: number): boolean {
  if (link < chain.actorCount) return affine[link] === 1;
  const v = chain.to[link - chain.actorCount]!;
  const c = chain.combine[v];
  return affine[v] === 1 && (c === COMBINE_MEAN || c === COMBINE_PRODUCT);
}
