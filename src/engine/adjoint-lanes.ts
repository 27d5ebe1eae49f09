/**
 * Every customer's adjoint in ONE reverse pass (docs/model.md, "Impact of one link: sensitivity,
 * fix gain, failure loss"): the C unit vectors e_c travel as contiguous lanes of a node-major matrix,
 * adjoints[v * C + c] = d s_c / d s_v, so the graph is walked once instead of C times. Lane c
 * receives exactly the operations of sensitivity.ts's pass seeded with e_c, in the same order
 * (cycles: the same Gauss-Seidel, lane by lane, each to its own convergence), so every figure is
 * bit-identical to customerSensitivity's.
 */
import { localDerivatives } from './local-derivatives.js';
import { solveCycle, times } from './sensitivity.js';
import {
  type CompiledChain,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
  type Sensitivity,
} from './types.js';

/**
 * Every customer's adjoint, node-major: adjoints[a * C + c] = d s_c / d s_a (c = customer ordinal),
 * O(C (V + E)) in one pass. Each customer's link sensitivities (d s_c / dx, customerSensitivity's)
 * are then handed to `onSensitivity`, one customer at a time; the arrays it receives are reused:
 * copy what you keep (keeping them all would be a C x links matrix).
 */
export function customerAdjoints(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions = ENGINE_DEFAULTS,
  onSensitivity?: (customer: number, sensitivity: Sensitivity) => void,
): Float64Array {
  const lanes = chain.customerCount;
  const first = chain.actorCount;
  const adjoints = new Float64Array(chain.nodeCount * lanes);
  for (let c = 0; c < lanes; c++) adjoints[(first + c) * lanes + c] = 1;
  const derivatives = localDerivatives(chain, evaluation);
  const converged = new Uint8Array(lanes).fill(1);
  const { from, quality, groupStart, groupEdgeStart, groupEdges } = chain;
  const { count, start, nodes, cyclic, componentOf } = chain.components;
  for (let k = count - 1; k >= 0; k--) {
    if (cyclic[k] === 1)
      for (let c = 0; c < lanes; c++)
        if (!solveCycle(chain, adjoints, derivatives, k, options, lanes, c)) converged[c] = 0;
    for (let n = start[k]!; n < start[k + 1]!; n++) {
      const w = nodes[n]!;
      const row = w * lanes;
      for (let i = groupEdgeStart[groupStart[w]!]!; i < groupEdgeStart[groupStart[w + 1]!]!; i++) {
        const h = groupEdges[i]!;
        const u = from[h]!;
        const derivative = derivatives[h]!;
        // A zero derivative adds times(.., 0) = 0 to every lane: nothing to do.
        if (componentOf[u] === k || derivative === 0) continue;
        const q = quality[h]!;
        const target = u * lanes;
        for (let c = 0; c < lanes; c++)
          adjoints[target + c]! += times(times(adjoints[row + c]!, derivative), q);
      }
    }
  }
  if (onSensitivity !== undefined) {
    const adjoint = new Float64Array(chain.nodeCount);
    const link = new Float64Array(chain.linkCount);
    for (let c = 0; c < lanes; c++) {
      for (let v = 0; v < chain.nodeCount; v++) adjoint[v] = adjoints[v * lanes + c]!;
      linkSensitivities(chain, evaluation, derivatives, adjoint, link);
      onSensitivity(first + c, { adjoint, link, converged: converged[c] === 1 });
    }
  }
  return adjoints;
}

/** d target / dx of every link from a final adjoint, as sensitivity.ts writes them (NaN = infinite). */
function linkSensitivities(
  chain: CompiledChain,
  evaluation: Evaluation,
  derivatives: Float64Array,
  adjoint: Float64Array,
  link: Float64Array,
): void {
  const { service, input } = evaluation;
  const { from, to, dependence, actorCount } = chain;
  for (let w = 0; w < actorCount; w++)
    link[w] = times(adjoint[w]!, 1 - dependence[w]! * (1 - input[w]!));
  for (let h = 0; h < chain.handoffCount; h++)
    link[actorCount + h] = times(times(adjoint[to[h]!]!, derivatives[h]!), service[from[h]!]!);
  for (let l = 0; l < link.length; l++)
    if (link[l] === Number.POSITIVE_INFINITY) link[l] = Number.NaN;
}

/** Receives one link's sensitivity for every customer: `values[c]` = d s_c / dx (NaN = infinite). */
export type LinkSensitivitiesVisitor = (link: number, values: Float64Array) => void;

/**
 * Every customer's link sensitivities, LINK by link (link order): `visit(l, values)` with
 * values[c] = d s_c / dx_l, equal bit for bit to what customerAdjoints hands `onSensitivity` for
 * customer c at link l (same operations on the same adjoint). Node-major reads of the adjoint
 * matrix, no per-customer copy of it: what the per-customer rankings want. `values` is reused.
 */
export function forEachLinkSensitivities(
  chain: CompiledChain,
  evaluation: Evaluation,
  adjoints: Float64Array,
  visit: LinkSensitivitiesVisitor,
): void {
  const lanes = chain.customerCount;
  const derivatives = localDerivatives(chain, evaluation);
  const { service, input } = evaluation;
  const { from, to, dependence, actorCount } = chain;
  const values = new Float64Array(lanes);
  const finish = (l: number) => {
    for (let c = 0; c < lanes; c++)
      if (values[c] === Number.POSITIVE_INFINITY) values[c] = Number.NaN;
    visit(l, values);
  };
  for (let w = 0; w < actorCount; w++) {
    const factor = 1 - dependence[w]! * (1 - input[w]!);
    for (let c = 0; c < lanes; c++) values[c] = times(adjoints[w * lanes + c]!, factor);
    finish(w);
  }
  for (let h = 0; h < chain.handoffCount; h++) {
    const row = to[h]! * lanes;
    const derivative = derivatives[h]!;
    const s = service[from[h]!]!;
    for (let c = 0; c < lanes; c++) values[c] = times(times(adjoints[row + c]!, derivative), s);
    finish(actorCount + h);
  }
}
