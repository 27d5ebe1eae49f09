/**
 * An upper bound on every link's fixGain for S, from ONE reverse pass (docs/uncertainty.md,
 * "Monte Carlo"). The Monte Carlo ranks fixes in every sample, but only the few largest fix gains
 * can reach the top ranks: a link whose bound is below the k-th largest exact fix gain found so far
 * cannot, and its exact recomputation (a downstream traversal) is skipped in that sample.
 *
 * Why it bounds: raising a link only raises services downstream (every map is monotone), and each
 * node's rise is at most a fixed non-negative combination of its inputs' rises. With s_w = p_w (1 -
 * d_w (1 - I_w)), Delta s_w = p_w d_w Delta I_w, and
 * - a group's r_G (one hand-off s_u q, alternatives 1 - prod(1 - s_u q), k of n) rises by at most
 *   sum q_e Delta s_u: each is 1-Lipschitz in every s_u q_e;
 * - `mean` gives Delta I = sum (w_G / W) Delta r_G exactly; `min` at most the rise of ONE group
 *   attaining the minimum (min(r + Delta) <= r_G* + Delta_G*); `product` of shares is 1-Lipschitz,
 *   so at most sum Delta r_G; `geometric` is concave, so at most its gradient (w_G / W) I / r_G
 *   times Delta r_G (infinite at r_G = 0).
 * So Delta S <= beta_v Delta s_v, where beta solves beta_u = seed_u + sum beta_w c_e q_e over the
 * hand-offs e = (u -> w), c_e the coefficient above: the adjoint of the bounding system. Inside a
 * cycle beta is iterated to its least solution and then checked to be a super-solution after a
 * small inflation (any x >= b + A x, A >= 0, is above the least solution); if not, the cycle's
 * bounds are +Infinity and its upstream links are always recomputed. A link whose own node is in
 * a cycle is bounded apart (fix-bound-cycle.ts).
 */
import { cycleLinkBounds } from './fix-bound-cycle.js';
import { groupReceived, groupWeight, nodeInput } from './node-service.js';
import { times } from './sensitivity.js';
import {
  COMBINE_GEOMETRIC,
  COMBINE_MEAN,
  COMBINE_MIN,
  type CompiledChain,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
} from './types.js';

/** How much a converged cycle's bounds are inflated before the super-solution check. */
const CYCLE_INFLATION = 1e-6;

/**
 * `bound[l]` >= fixGain of link l for S (+Infinity where no bound is known); the bounds are of
 * the exact arithmetic: compare them with a margin (FIX_BOUND_MARGIN).
 */
export function fixGainBounds(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions,
): Float64Array {
  const { service, input } = evaluation;
  const { from, quality, actorCount, effectivePerformance, dependence } = chain;
  const { scale, factor } = edgeScales(chain, service);
  const beta = Float64Array.from(chain.scoreWeight);
  const { count, start, nodes, cyclic, componentOf } = chain.components;
  const { groupStart, groupEdgeStart, groupEdges } = chain;
  const bound = new Float64Array(chain.linkCount);
  for (let k = count - 1; k >= 0; k--) {
    const cycle = cyclic[k] === 1;
    let base: Float64Array | null = null;
    if (cycle) base = solveBoundCycle(chain, beta, scale, k, options);
    for (let n = start[k]!; n < start[k + 1]!; n++) {
      const w = nodes[n]!;
      const b = beta[w]!;
      if (w < actorCount) {
        const rise = (1 - effectivePerformance[w]!) * (1 - dependence[w]! * (1 - input[w]!));
        bound[w] = cycle ? Number.POSITIVE_INFINITY : times(b, rise);
      }
      for (let i = groupEdgeStart[groupStart[w]!]!; i < groupEdgeStart[groupStart[w + 1]!]!; i++) {
        const h = groupEdges[i]!;
        const u = from[h]!;
        const c = times(b, scale[h]!);
        bound[actorCount + h] = cycle
          ? Number.POSITIVE_INFINITY
          : times(c, service[u]! * (1 - quality[h]!));
        if (componentOf[u] !== k) beta[u]! += times(c, quality[h]!);
      }
    }
    // Links at a cycle's own nodes: a bound per link (fix-bound-cycle.ts), or none.
    if (base !== null)
      cycleLinkBounds(chain, k, { service, input, scale, factor, base }, options, bound);
  }
  return bound;
}

/**
 * Slack added to a bound before it is compared with a computed fix gain: relative, for rounding,
 * and absolute, a multiple of the tolerance, for what a cycle iterated to the tolerance leaves
 * (the computed fix gain of a link near a loop can exceed the exact one by about tolerance /
 * (1 - rate); 1000 tolerances covers rates up to 0.999, and is the size below which the
 * rankings call a figure negligible anyway).
 */
export const FIX_BOUND_MARGIN = { relative: 1e-9, tolerances: 1000 } as const;

/** Whether a fix gain bounded by `bound` is surely below `threshold` (with FIX_BOUND_MARGIN). */
export function surelyBelow(
  bound: number,
  threshold: number,
  tolerance: number = ENGINE_DEFAULTS.tolerance,
): boolean {
  const slack = FIX_BOUND_MARGIN.tolerances * tolerance;
  return bound * (1 + FIX_BOUND_MARGIN.relative) + slack < threshold;
}

/** c_e of every hand-off e into w: p_w d_w times its group's coefficient (file comment). */
function edgeScales(
  chain: CompiledChain,
  service: Float64Array,
): { scale: Float64Array; factor: Float64Array } {
  const scale = new Float64Array(chain.handoffCount);
  const factor = new Float64Array(chain.handoffCount);
  const { groupStart, groupEdgeStart, groupEdges, combine } = chain;
  for (let w = 0; w < chain.nodeCount; w++) {
    const g0 = groupStart[w]!;
    const g1 = groupStart[w + 1]!;
    if (g0 === g1) continue;
    const outer = chain.effectivePerformance[w]! * chain.dependence[w]!;
    const kind = combine[w]!;
    let total = 0;
    if (kind === COMBINE_MEAN || kind === COMBINE_GEOMETRIC)
      for (let g = g0; g < g1; g++) total += groupWeight(chain, g);
    const least = kind === COMBINE_MIN ? firstLeast(chain, service, g0, g1) : -1;
    const level = kind === COMBINE_GEOMETRIC ? nodeInput(chain, service, w) : 0;
    for (let g = g0; g < g1; g++) {
      let a = 1; // product: 1-Lipschitz in each group
      if (kind === COMBINE_MEAN) a = groupWeight(chain, g) / total;
      else if (kind === COMBINE_MIN) a = g === least ? 1 : 0;
      else if (kind === COMBINE_GEOMETRIC) {
        const r = groupReceived(chain, service, g);
        if (r <= 0) a = Number.POSITIVE_INFINITY;
        else a = level === 0 ? 0 : (groupWeight(chain, g) / total) * (level / r);
      }
      const c = times(outer, a);
      for (let i = groupEdgeStart[g]!; i < groupEdgeStart[g + 1]!; i++) {
        scale[groupEdges[i]!] = c;
        factor[groupEdges[i]!] = a;
      }
    }
  }
  return { scale, factor };
}

/** The first group attaining the least r_G (the one a `min` node's rise is bounded by). */
function firstLeast(chain: CompiledChain, service: Float64Array, g0: number, g1: number): number {
  let least = g0;
  let value = groupReceived(chain, service, g0);
  for (let g = g0 + 1; g < g1; g++) {
    const r = groupReceived(chain, service, g);
    if (r < value) {
      value = r;
      least = g;
    }
  }
  return least;
}

/**
 * beta inside cycle k: Gauss-Seidel to the least solution, inflated and checked (file comment).
 * Returns the base it started from: the seed plus what later components pushed.
 */
function solveBoundCycle(
  chain: CompiledChain,
  beta: Float64Array,
  scale: Float64Array,
  k: number,
  options: EngineOptions,
): Float64Array {
  const { start, nodes } = chain.components;
  const n0 = start[k]!;
  const n1 = start[k + 1]!;
  const base = new Float64Array(n1 - n0);
  for (let n = n0; n < n1; n++) base[n - n0] = beta[nodes[n]!]!;
  let settled = false;
  for (let iteration = 0; iteration < options.maxIterations && !settled; iteration++) {
    let change = 0;
    let size = 0;
    for (let n = n1 - 1; n >= n0; n--) {
      const v = nodes[n]!;
      const value = base[n - n0]! + inside(chain, beta, scale, k, v);
      const delta = value === beta[v] ? 0 : Math.abs(value - beta[v]!);
      if (!(delta <= change)) change = delta;
      if (value > size) size = value;
      beta[v] = value;
    }
    settled = change <= options.tolerance * size;
  }
  for (let n = n0; n < n1; n++) {
    const v = nodes[n]!;
    beta[v] = beta[v]! * (1 + CYCLE_INFLATION) + Number.MIN_VALUE;
  }
  let above = settled;
  for (let n = n0; n < n1 && above; n++) {
    const v = nodes[n]!;
    if (!(beta[v]! >= base[n - n0]! + inside(chain, beta, scale, k, v))) above = false;
  }
  if (!above) for (let n = n0; n < n1; n++) beta[nodes[n]!] = Number.POSITIVE_INFINITY;
  return base;
}

/** sum over hand-offs (v -> w) inside component k of beta_w c_e q_e. */
function inside(
  chain: CompiledChain,
  beta: Float64Array,
  scale: Float64Array,
  k: number,
  v: number,
): number {
  const { outStart, outEdges, to, quality } = chain;
  const { componentOf } = chain.components;
  let sum = 0;
  for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
    const h = outEdges[i]!;
    const w = to[h]!;
    if (componentOf[w] === k) sum += times(times(beta[w]!, scale[h]!), quality[h]!);
  }
  return sum;
}
