/**
 * The per-node formulas of docs/model.md, "Propagation: service flows down the chain", shared by full propagation, incremental
 * re-evaluation and the exact fixGain/failureLoss recomputation (so all three agree bit for bit).
 */
import { atLeast } from './k-of-n.js';
import { COMBINE_GEOMETRIC, COMBINE_MEAN, COMBINE_MIN, type CompiledChain } from './types.js';

let inputs = new Float64Array(16);

/**
 * r_e = s_u q_e of group g's hand-offs, in declaration order, in a reused array (the k-of-n
 * formula reads them as a list).
 */
export function groupInputs(chain: CompiledChain, service: Float64Array, g: number): Float64Array {
  const { groupEdgeStart, groupEdges, from, quality } = chain;
  const e0 = groupEdgeStart[g]!;
  const n = groupEdgeStart[g + 1]! - e0;
  if (inputs.length < n) inputs = new Float64Array(Math.max(n, inputs.length * 2));
  for (let i = 0; i < n; i++) {
    const h = groupEdges[e0 + i]!;
    inputs[i] = service[from[h]!]! * quality[h]!;
  }
  return inputs;
}

/**
 * r_G of input group g: r_e = s_u q_e; 1 - prod(1 - r_e) over alternatives any one of which will
 * do; P(at least k of them right) when the receiver needs k > 1 (docs/model.md, "k-of-n
 * alternatives").
 */
export function groupReceived(chain: CompiledChain, service: Float64Array, g: number): number {
  const { groupEdgeStart, groupEdges, from, quality } = chain;
  const e0 = groupEdgeStart[g]!;
  const e1 = groupEdgeStart[g + 1]!;
  if (e1 - e0 === 1) {
    const h = groupEdges[e0]!;
    return service[from[h]!]! * quality[h]!;
  }
  const need = chain.groupNeed[g]!;
  if (need > 1) return atLeast(groupInputs(chain, service, g), e1 - e0, need);
  let missed = 1;
  for (let i = e0; i < e1; i++) {
    const h = groupEdges[i]!;
    missed *= 1 - service[from[h]!]! * quality[h]!;
  }
  return 1 - missed;
}

/** w_G = max w_e over the group's hand-offs. */
export function groupWeight(chain: CompiledChain, g: number): number {
  const { groupEdgeStart, groupEdges, weight } = chain;
  const e0 = groupEdgeStart[g]!;
  const e1 = groupEdgeStart[g + 1]!;
  let w = weight[groupEdges[e0]!]!;
  for (let i = e0 + 1; i < e1; i++) {
    const x = weight[groupEdges[i]!]!;
    if (x > w) w = x;
  }
  return w;
}

/** I_v: the input quality of node v by its combine; 1 without inputs. Clamped to [0, 1]. */
export function nodeInput(chain: CompiledChain, service: Float64Array, v: number): number {
  const g0 = chain.groupStart[v]!;
  const g1 = chain.groupStart[v + 1]!;
  if (g0 === g1) return 1;
  const combine = chain.combine[v]!;
  if (combine === COMBINE_MEAN) {
    // The hot path of propagation: ungrouped inputs read straight from the arrays.
    const { groupEdgeStart, groupEdges, from, quality, weight } = chain;
    let sum = 0;
    let total = 0;
    for (let g = g0; g < g1; g++) {
      const e0 = groupEdgeStart[g]!;
      if (groupEdgeStart[g + 1]! - e0 === 1) {
        const h = groupEdges[e0]!;
        const w = weight[h]!;
        sum += w * (service[from[h]!]! * quality[h]!);
        total += w;
        continue;
      }
      const w = groupWeight(chain, g);
      sum += w * groupReceived(chain, service, g);
      total += w;
    }
    const mean = sum / total;
    return Math.min(mean, 1);
  }
  if (combine === COMBINE_MIN) {
    let least = 1;
    for (let g = g0; g < g1; g++) {
      const r = groupReceived(chain, service, g);
      if (r < least) least = r;
    }
    return least;
  }
  if (combine === COMBINE_GEOMETRIC) {
    let sum = 0;
    let total = 0;
    for (let g = g0; g < g1; g++) {
      const r = groupReceived(chain, service, g);
      // Geometric is 0 as soon as one group receives 0 (ln 0 would give -Infinity / NaN).
      if (r <= 0) return 0;
      const w = groupWeight(chain, g);
      sum += w * Math.log(r);
      total += w;
    }
    const geo = Math.exp(sum / total);
    return Math.min(geo, 1);
  }
  let product = 1;
  for (let g = g0; g < g1; g++) product *= groupReceived(chain, service, g);
  return product;
}

/** s_v = p_v (1 - d_v (1 - I_v)). */
export function serviceOf(chain: CompiledChain, v: number, input: number): number {
  return chain.effectivePerformance[v]! * (1 - chain.dependence[v]! * (1 - input));
}
