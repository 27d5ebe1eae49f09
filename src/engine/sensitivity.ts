/**
 * Sensitivities (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"): d(target)/dx for every link in ONE reverse (adjoint) pass.
 * The target is S (seed = score weights) or one customer's s_c (seed = e_c). lambda_v = d target /
 * d s_v; by the chain rule lambda_u = seed_u + sum over hand-offs e = (u -> w) of lambda_w *
 * ds_w/dr_e * q_e. Components are processed in REVERSE topological order, so lambda_w is final when
 * pushed; inside a cycle the linear system is solved by Gauss-Seidel (it is the adjoint of the
 * cycle's fixed-point map). Infinite derivatives (a geometric actor with one input group at 0)
 * travel as +Infinity, with 0 * Infinity taken as 0: a factor 0 means the input cannot move.
 */
import { localDerivatives } from './local-derivatives.js';
import {
  type CompiledChain,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
  type Sensitivity,
} from './types.js';

/** Product that treats 0 * Infinity as 0 (see the file comment). */
export function times(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

/** Sensitivities of S (null score: all zero). */
export function scoreSensitivity(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions = ENGINE_DEFAULTS,
  derivatives: Float64Array = localDerivatives(chain, evaluation),
): Sensitivity {
  return sensitivity(chain, evaluation, chain.scoreWeight, options, derivatives);
}

/** Sensitivities of one customer's service s_c (c a node index). */
export function customerSensitivity(
  chain: CompiledChain,
  evaluation: Evaluation,
  customer: number,
  options: EngineOptions = ENGINE_DEFAULTS,
  derivatives: Float64Array = localDerivatives(chain, evaluation),
): Sensitivity {
  const seed = new Float64Array(chain.nodeCount);
  seed[customer] = 1;
  return sensitivity(chain, evaluation, seed, options, derivatives);
}

/** The adjoint pass for any seed (d target / d s_v given directly). */
export function sensitivity(
  chain: CompiledChain,
  evaluation: Evaluation,
  seed: Float64Array,
  options: EngineOptions = ENGINE_DEFAULTS,
  derivatives: Float64Array = localDerivatives(chain, evaluation),
): Sensitivity {
  const { service, input } = evaluation;
  const { from, quality, dependence, groupStart, groupEdgeStart, groupEdges, actorCount } = chain;
  const { count, start, nodes, cyclic, componentOf } = chain.components;
  const adjoint = Float64Array.from(seed);
  const link = new Float64Array(chain.linkCount);
  let converged = true;
  for (let k = count - 1; k >= 0; k--) {
    if (cyclic[k] === 1 && !solveCycle(chain, adjoint, derivatives, k, options)) converged = false;
    for (let n = start[k]!; n < start[k + 1]!; n++) {
      const w = nodes[n]!;
      const lambda = adjoint[w]!;
      if (w < actorCount) link[w] = times(lambda, 1 - dependence[w]! * (1 - input[w]!));
      for (let i = groupEdgeStart[groupStart[w]!]!; i < groupEdgeStart[groupStart[w + 1]!]!; i++) {
        const h = groupEdges[i]!;
        const u = from[h]!;
        const mu = times(lambda, derivatives[h]!); // d target / d r_e
        link[actorCount + h] = times(mu, service[u]!);
        if (componentOf[u] !== k) adjoint[u]! += times(mu, quality[h]!);
      }
    }
  }
  for (let l = 0; l < link.length; l++)
    if (link[l] === Number.POSITIVE_INFINITY) link[l] = Number.NaN;
  return { adjoint, link, converged };
}

/**
 * Solves lambda_v = b_v + sum_{e = (v -> w) inside the cycle} lambda_w ds_w/dr_e q_e by Gauss-Seidel
 * from b (the seed plus what later components pushed). The iterates increase to the least solution;
 * if they do not settle, the derivative of the fixed point is unbounded there (e.g. a loop with no
 * loss and no outside input): the cycle's adjoints become +Infinity and its links' sensitivities null.
 * With `stride` and `lane`, node v's adjoint is adjoint[v * stride + lane] (one lane of a node-major
 * matrix, adjoint-lanes.ts): the same operations in the same order as for a single target.
 */
export function solveCycle(
  chain: CompiledChain,
  adjoint: Float64Array,
  derivatives: Float64Array,
  k: number,
  options: EngineOptions,
  stride = 1,
  lane = 0,
): boolean {
  const { start, nodes, componentOf } = chain.components;
  const { outStart, outEdges, to, quality } = chain;
  const n0 = start[k]!;
  const n1 = start[k + 1]!;
  const base = new Float64Array(n1 - n0);
  for (let n = n0; n < n1; n++) base[n - n0] = adjoint[nodes[n]! * stride + lane]!;
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let change = 0;
    let size = 1;
    for (let n = n1 - 1; n >= n0; n--) {
      const v = nodes[n]!;
      let lambda = base[n - n0]!;
      for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
        const h = outEdges[i]!;
        const w = to[h]!;
        if (componentOf[w] === k)
          lambda += times(times(adjoint[w * stride + lane]!, derivatives[h]!), quality[h]!);
      }
      const old = adjoint[v * stride + lane]!;
      const delta = lambda === old ? 0 : Math.abs(lambda - old);
      if (!(delta <= change)) change = delta;
      if (lambda > size) size = lambda;
      adjoint[v * stride + lane] = lambda;
    }
    if (change <= options.tolerance * size) return true;
  }
  for (let n = n0; n < n1; n++) {
    const at = nodes[n]! * stride + lane;
    if (adjoint[at]! > 0) adjoint[at] = Number.POSITIVE_INFINITY;
  }
  return false;
}
