/**
 * Fix-gain bounds for links whose own node is in a cycle (fix-bound.ts, file comment). Raising
 * link l at node v of cycle k changes v's own map; every other node keeps its bounding
 * coefficients. So with Delta >= 0 the rise of each node, Delta <= C' Delta + delta e_v, where C'
 * is C with v's incoming coefficients replaced by those of the raised map (p_v := 1 for the
 * actor; q_e := 1 on the raised hand-off, and every group's coefficient 1 at a `min`, whose
 * least group may change), and delta bounds v's own rise at the unchanged inputs. Then Delta S <=
 * beta'_v delta, beta' the least solution of beta' = base + C'^T beta' inside k (base: the seed and
 * what later components contribute, fix-bound.ts), found by Gauss-Seidel, inflated and checked as
 * there. Cycles of more than CYCLE_BOUND_LIMIT nodes, and `geometric` nodes in a cycle, keep no
 * bound (+Infinity): their links are always recomputed.
 */
import { times } from './sensitivity.js';
import { COMBINE_GEOMETRIC, COMBINE_MIN, type CompiledChain, type EngineOptions } from './types.js';

/** The largest cycle whose links get a bound (each link solves the cycle once). */
export const CYCLE_BOUND_LIMIT = 32;

const INFLATION = 1e-6;

/** What the bounding pass knows when it reaches cycle k. */
export interface CycleBoundInputs {
  readonly service: Float64Array;
  readonly input: Float64Array;
  /** c_e per hand-off, and the group factor a_G it is made of (fix-bound.ts). */
  readonly scale: Float64Array;
  readonly factor: Float64Array;
  /** The seed plus later components' contributions, per node of k (position n - start[k]). */
  readonly base: Float64Array;
}

/** Writes the bounds of the links at k's nodes into `bound` (left +Infinity where none). */
export function cycleLinkBounds(
  chain: CompiledChain,
  k: number,
  inputs: CycleBoundInputs,
  options: EngineOptions,
  bound: Float64Array,
): void {
  const { start, nodes, componentOf } = chain.components;
  const n0 = start[k]!;
  const n1 = start[k + 1]!;
  if (n1 - n0 > CYCLE_BOUND_LIMIT) return;
  const { service, input, factor } = inputs;
  const { from, quality, actorCount, effectivePerformance: p, dependence: d } = chain;
  const { groupStart, groupEdgeStart, groupEdges } = chain;
  for (let n = n0; n < n1; n++) {
    const v = nodes[n]!;
    if (chain.combine[v] === COMBINE_GEOMETRIC) continue;
    const min = chain.combine[v] === COMBINE_MIN;
    if (v < actorCount) {
      // p_v := 1: the same group factors, outer d_v instead of p_v d_v.
      const beta = solve(
        chain,
        k,
        inputs,
        options,
        v,
        (e) => times(d[v]!, factor[e]!) * quality[e]!,
      );
      const rise = (1 - p[v]!) * (1 - d[v]! * (1 - input[v]!));
      if (beta !== null) bound[v] = times(beta[n - n0]!, rise);
    }
    const a = (e: number) => (min ? 1 : factor[e]!);
    let outside: Float64Array | null | undefined;
    for (let i = groupEdgeStart[groupStart[v]!]!; i < groupEdgeStart[groupStart[v + 1]!]!; i++) {
      const h = groupEdges[i]!;
      const u = from[h]!;
      const coefficient = (e: number) => times(p[v]! * d[v]!, a(e)) * (e === h ? 1 : quality[e]!);
      let beta: Float64Array | null;
      if (componentOf[u] === k) beta = solve(chain, k, inputs, options, v, coefficient);
      else {
        // The raised hand-off comes from outside: one solve serves every such hand-off of v.
        outside ??= solve(
          chain,
          k,
          inputs,
          options,
          v,
          (e) => times(p[v]! * d[v]!, a(e)) * quality[e]!,
        );
        beta = outside;
      }
      const delta = times(p[v]! * d[v]! * a(h), service[u]! * (1 - quality[h]!));
      if (beta !== null) bound[actorCount + h] = times(beta[n - n0]!, delta);
    }
  }
}

/**
 * The least beta' inside k with the hand-offs into `raised` weighted by `into(e)` (c'_e q'_e),
 * the others by c_e q_e; inflated and checked to be above it, or null when that fails.
 */
function solve(
  chain: CompiledChain,
  k: number,
  inputs: CycleBoundInputs,
  options: EngineOptions,
  raised: number,
  into: (e: number) => number,
): Float64Array | null {
  const { start, nodes, componentOf } = chain.components;
  const { outStart, outEdges, to, quality } = chain;
  const { base, scale } = inputs;
  const n0 = start[k]!;
  const size = start[k + 1]! - n0;
  const beta = base.slice(0, size);
  const position = (w: number) => {
    for (let i = 0; i < size; i++) if (nodes[n0 + i] === w) return i;
    return -1;
  };
  const sum = (i: number) => {
    const v = nodes[n0 + i]!;
    let total = 0;
    for (let j = outStart[v]!; j < outStart[v + 1]!; j++) {
      const e = outEdges[j]!;
      const w = to[e]!;
      if (componentOf[w] !== k) continue;
      const c = w === raised ? into(e) : times(scale[e]!, quality[e]!);
      total += times(beta[position(w)]!, c);
    }
    return total;
  };
  let settled = false;
  for (let iteration = 0; iteration < options.maxIterations && !settled; iteration++) {
    let change = 0;
    let largest = 0;
    for (let i = size - 1; i >= 0; i--) {
      const value = base[i]! + sum(i);
      const delta = value === beta[i] ? 0 : Math.abs(value - beta[i]!);
      if (!(delta <= change)) change = delta;
      if (value > largest) largest = value;
      beta[i] = value;
    }
    settled = change <= options.tolerance * largest;
  }
  if (!settled) return null;
  for (let i = 0; i < size; i++) beta[i] = beta[i]! * (1 + INFLATION) + Number.MIN_VALUE;
  for (let i = 0; i < size; i++) if (!(beta[i]! >= base[i]! + sum(i))) return null;
  return beta;
}
