/**
 * A LINEAR cycle solved directly instead of iterated (docs/model.md, "Cycles: the greatest fixed
 * point" and "Impact of one link: sensitivity, fix gain, failure loss"). A component is linear
 * when each node's inputs are ungrouped (no alternatives) and it combines by `mean` or has one
 * input: then s_v = p_v (1 - d_v) + sum_e p_v d_v c_e s_u (c_e = w_e q_e / sum w, or q_e for a
 * single input), so the cycle's fixed point solves (I - B) s = a + E s_outside. A change of the
 * outside inputs moves it by (I - B)^-1 E delta; a change of one of its own links (row v of a and
 * B) by z g / (1 - delta_B . z), z = (I - B)^-1 e_v, g = the node's new value at the old fixed
 * point minus the old one (Sherman-Morrison). Only used when every row of B (its part inside the
 * cycle) sums to at most ROW_LIMIT: then the fixed point is unique (the greatest), I - B is
 * strictly diagonally dominant (elimination without pivoting is stable), and the iteration the
 * other paths use has converged to within tolerance / (1 - ROW_LIMIT) of the same point.
 */
import { COMBINE_MEAN, type CompiledChain } from './types.js';

/** The largest row sum of B for which the direct solve is used. */
export const ROW_LIMIT = 0.9;
/** The largest cycle solved directly (a dense m x m factorisation). */
const MAX_SIZE = 400;

export interface LinearCycle {
  readonly size: number;
  /** LU factors of I - B (Doolittle, unit lower), row-major m x m. */
  readonly lu: Float64Array;
}

/** p_v d_v c_e: d s_v / d s_u through hand-off h into v (a linear node). */
export function coefficient(chain: CompiledChain, v: number, h: number, total: number): number {
  const scale = chain.combine[v] === COMBINE_MEAN ? chain.weight[h]! / total : 1;
  return chain.effectivePerformance[v]! * chain.dependence[v]! * (scale * chain.quality[h]!);
}

/** sum of the weights of v's inputs (every group a singleton). */
export function totalWeight(chain: CompiledChain, v: number): number {
  let total = 0;
  for (let g = chain.groupStart[v]!; g < chain.groupStart[v + 1]!; g++)
    total += chain.weight[chain.groupEdges[chain.groupEdgeStart[g]!]!]!;
  return total;
}

/**
 * Whether node v's service is linear in its inputs (ungrouped; mean or a single input). A group
 * needing k > 1 of its inputs has at least two, so it is never ungrouped: never solved directly.
 */
export function linearNode(chain: CompiledChain, v: number): boolean {
  const g0 = chain.groupStart[v]!;
  const g1 = chain.groupStart[v + 1]!;
  if (chain.groupEdgeStart[g1]! - chain.groupEdgeStart[g0]! !== g1 - g0) return false;
  return chain.combine[v] === COMBINE_MEAN || g1 - g0 === 1;
}

/** Position of each node inside its component (nodes[start[k] + position] = v). */
export function componentPositions(chain: CompiledChain): Int32Array {
  const { count, start, nodes } = chain.components;
  const position = new Int32Array(chain.nodeCount);
  for (let k = 0; k < count; k++)
    for (let n = start[k]!; n < start[k + 1]!; n++) position[nodes[n]!] = n - start[k]!;
  return position;
}

/**
 * The factorised cycle k, or null when it is not linear, too large or too close to singular.
 * `position`: componentPositions(chain).
 */
export function linearCycle(
  chain: CompiledChain,
  k: number,
  position: Int32Array,
): LinearCycle | null {
  const { start, nodes: order, componentOf } = chain.components;
  const m = start[k + 1]! - start[k]!;
  if (m > MAX_SIZE) return null;
  const nodes = order.subarray(start[k]!, start[k + 1]!);
  for (const v of nodes) if (!linearNode(chain, v)) return null;
  const lu = new Float64Array(m * m);
  let ok = true;
  nodes.forEach((v, i) => {
    const total = totalWeight(chain, v);
    let row = 0;
    lu[i * m + i] = 1;
    for (
      let e = chain.groupEdgeStart[chain.groupStart[v]!]!;
      e < chain.groupEdgeStart[chain.groupStart[v + 1]!]!;
      e++
    ) {
      const h = chain.groupEdges[e]!;
      const c = coefficient(chain, v, h, total);
      const u = chain.from[h]!;
      if (componentOf[u] !== k) continue;
      row += c;
      lu[i * m + position[u]!]! -= c;
    }
    if (!(row <= ROW_LIMIT)) ok = false;
  });
  if (!ok) return null;
  for (let p = 0; p < m; p++) {
    const pivot = lu[p * m + p]!;
    for (let i = p + 1; i < m; i++) {
      const f = lu[i * m + p]! / pivot;
      lu[i * m + p] = f;
      if (f === 0) continue;
      for (let j = p + 1; j < m; j++) lu[i * m + j]! -= f * lu[p * m + j]!;
    }
  }
  return { size: m, lu };
}

/** Solves (I - B) x = b in place (b: length m). */
export function solve(cycle: LinearCycle, b: Float64Array): void {
  const { size: m, lu } = cycle;
  for (let i = 1; i < m; i++) {
    let x = b[i]!;
    for (let j = 0; j < i; j++) x -= lu[i * m + j]! * b[j]!;
    b[i] = x;
  }
  for (let i = m - 1; i >= 0; i--) {
    let x = b[i]!;
    for (let j = i + 1; j < m; j++) x -= lu[i * m + j]! * b[j]!;
    b[i] = x / lu[i * m + i]!;
  }
}

/** sum over v's inputs from inside component k of coefficient * z[position of u]. */
export function rowDot(
  chain: CompiledChain,
  k: number,
  position: Int32Array,
  v: number,
  z: Float64Array,
): number {
  const { groupStart, groupEdgeStart, groupEdges, from } = chain;
  const { componentOf } = chain.components;
  const total = totalWeight(chain, v);
  let dot = 0;
  for (let e = groupEdgeStart[groupStart[v]!]!; e < groupEdgeStart[groupStart[v + 1]!]!; e++) {
    const h = groupEdges[e]!;
    const u = from[h]!;
    if (componentOf[u] === k) dot += coefficient(chain, v, h, total) * z[position[u]!]!;
  }
  return dot;
}

/** The row sum of B at node v over its inputs from inside component k. */
export function rowSum(chain: CompiledChain, k: number, v: number): number {
  const { groupStart, groupEdgeStart, groupEdges, from } = chain;
  const total = totalWeight(chain, v);
  let sum = 0;
  for (let e = groupEdgeStart[groupStart[v]!]!; e < groupEdgeStart[groupStart[v + 1]!]!; e++) {
    const h = groupEdges[e]!;
    if (chain.components.componentOf[from[h]!] === k) sum += coefficient(chain, v, h, total);
  }
  return sum;
}

/** A share computed as base + change, kept in [0, 1] against rounding. */
export function share(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
