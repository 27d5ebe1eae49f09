/**
 * Propagation of service through the hand-offs (docs/model.md, "Propagation: service flows down the chain"): components in topological
 * order; a node outside any cycle evaluated once; inside a cycle, Gauss-Seidel from s = 1. Every
 * map is monotone, so from the top the iterates decrease to the GREATEST fixed point.
 */
import { nodeInput, serviceOf } from './node-service.js';
import {
  COMBINE_MEAN,
  type CompiledChain,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
} from './types.js';

/** s_v and I_v of every node, S, and per component its iterations and convergence. */
export function propagate(
  chain: CompiledChain,
  options: EngineOptions = ENGINE_DEFAULTS,
): Evaluation {
  const service = new Float64Array(chain.nodeCount);
  const input = new Float64Array(chain.nodeCount);
  const { count, start, nodes, cyclic } = chain.components;
  const { groupStart, groupEdgeStart, groupEdges, from, quality, weight, combine } = chain;
  const { effectivePerformance, dependence } = chain;
  const iterations = new Int32Array(count);
  const converged = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    if (cyclic[k] === 1) {
      evaluateComponent(chain, service, input, iterations, converged, k, options);
      continue;
    }
    // The common case inlined: a node outside any cycle, combining ungrouped inputs by `mean`.
    // Same operations in the same order as nodeInput / serviceOf: the results are bit-identical
    // to the incremental and impact recomputations, which call those.
    const v = nodes[start[k]!]!;
    const g0 = groupStart[v]!;
    const g1 = groupStart[v + 1]!;
    const e0 = groupEdgeStart[g0]!;
    const e1 = groupEdgeStart[g1]!;
    let i: number;
    if (g0 !== g1 && combine[v] === COMBINE_MEAN && e1 - e0 === g1 - g0) {
      let sum = 0;
      let total = 0;
      for (let e = e0; e < e1; e++) {
        const h = groupEdges[e]!;
        const w = weight[h]!;
        sum += w * (service[from[h]!]! * quality[h]!);
        total += w;
      }
      const mean = sum / total;
      i = Math.min(mean, 1);
    } else i = nodeInput(chain, service, v);
    input[v] = i;
    service[v] = effectivePerformance[v]! * (1 - dependence[v]! * (1 - i));
    iterations[k] = 1;
    converged[k] = 1;
  }
  return { service, input, score: organisationScore(chain, service), iterations, converged };
}

/** Evaluates component k in place, reading already-final upstream values from `service`. */
export function evaluateComponent(
  chain: CompiledChain,
  service: Float64Array,
  input: Float64Array,
  iterations: Int32Array,
  converged: Uint8Array,
  k: number,
  options: EngineOptions,
): void {
  const { start, nodes, cyclic } = chain.components;
  const n0 = start[k]!;
  const n1 = start[k + 1]!;
  if (cyclic[k] === 0) {
    const v = nodes[n0]!;
    const i = nodeInput(chain, service, v);
    input[v] = i;
    service[v] = serviceOf(chain, v, i);
    iterations[k] = 1;
    converged[k] = 1;
    return;
  }
  for (let n = n0; n < n1; n++) service[nodes[n]!] = 1;
  let iteration = 0;
  let done = false;
  while (!done && iteration < options.maxIterations) {
    iteration++;
    let change = 0;
    for (let n = n0; n < n1; n++) {
      const v = nodes[n]!;
      const i = nodeInput(chain, service, v);
      const s = serviceOf(chain, v, i);
      const delta = Math.abs(s - service[v]!);
      if (delta > change) change = delta;
      input[v] = i;
      service[v] = s;
    }
    done = change <= options.tolerance;
  }
  iterations[k] = iteration;
  converged[k] = done ? 1 : 0;
}

/** S = sum_c w_c s_c over scored customers; null when none is scored (docs/model.md, "Propagation: service flows down the chain"). */
export function organisationScore(chain: CompiledChain, service: Float64Array): number | null {
  if (chain.scoredCount === 0) return null;
  let score = 0;
  for (let c = chain.actorCount; c < chain.nodeCount; c++)
    score += chain.scoreWeight[c]! * service[c]!;
  return Math.min(score, 1);
}
