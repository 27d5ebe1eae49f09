/**
 * Where S is provably AFFINE in a link (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"), so that fixGain = sensitivity (1 - x)
 * and failureLoss = sensitivity x are exact. A[v] holds when v is in no cycle and every hand-off
 * (v -> w) goes into a LINEAR receiver w, outside any cycle, as an ungrouped input (a singleton
 * group), with A[w]: then everything downstream of v is jointly linear in s_v (and in the values of
 * any other A node), with constant coefficients. Computed in reverse topological order: O(V + E).
 *
 * A receiver w is linear when it combines by `mean`, or has exactly ONE input group, whatever its
 * combine. Proof for one group G (docs/model.md, "Propagation: service flows down the chain"): mean gives w_G r_G / w_G = r_G; min gives
 * min over {r_G} = r_G; product gives the one factor r_G; geometric gives exp(w_G ln r_G / w_G) =
 * r_G (and 0 = r_G when r_G = 0). So I_w = r_G for every combine, as for a mean; the hand-off
 * (v -> w) being a singleton group, G = {v -> w} and r_G = s_v q_e, linear in s_v; s_w = p_w (1 -
 * d_w (1 - I_w)) is then affine in s_v, with no other input to mix with. The chain of such steps
 * down to the customers composes affine maps, so S stays jointly affine below an A node. (In
 * floating point, I_w is computed by the combine's own formula, e.g. exp(ln r) for geometric,
 * which equals r_G to rounding: the shortcut gives the exact mathematical value, like for mean.)
 */
import { COMBINE_MEAN, COMBINE_PRODUCT, type CompiledChain } from './types.js';

/** I_w is r_G of one group, or a weighted mean of groups: linear in each group's r_G jointly. */
function linearReceiver(chain: CompiledChain, w: number): boolean {
  return chain.combine[w] === COMBINE_MEAN || chain.groupStart[w + 1]! - chain.groupStart[w]! === 1;
}

/** A[v] for every node (1 = everything downstream of v is jointly linear). */
export function affineNodes(chain: CompiledChain): Uint8Array {
  const affine = new Uint8Array(chain.nodeCount);
  const { count, start, nodes, cyclic, componentOf } = chain.components;
  const { outStart, outEdges, to, handoffGroup, groupEdgeStart } = chain;
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
        !linearReceiver(chain, w) ||
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
 * (u -> v) into v outside any cycle (A[v] implies it), with A[v], where v combines by `mean` or
 * `product`, or has ONE input group (any combine: then I_v = r_G, see the file comment): only ONE
 * input of v depends on q_e, r_G = 1 - prod(1 - s_u q) is affine in one q at a time (so is the
 * k-of-n probability, linear in each input on its own: docs/model.md, "k-of-n alternatives"), and
 * so are a weighted mean and a product of the groups (the other groups fixed).
 */
export function isAffineLink(chain: CompiledChain, affine: Uint8Array, link: number): boolean {
  if (link < chain.actorCount) return affine[link] === 1;
  const v = chain.to[link - chain.actorCount]!;
  return affine[v] === 1 && (linearReceiver(chain, v) || chain.combine[v] === COMBINE_PRODUCT);
}
