/**
 * The local Jacobian of docs/model.md, "Propagation: service flows down the chain": for every hand-off e = (u -> w), ds_w/dr_e =
 * p_w d_w dI_w/dr_G dr_G/dr_e, at the evaluated point. Products "of all the others" use the
 * zero-count trick (product of the non-zero factors, and how many are zero) so that a factor 0 never
 * needs a division. For `min` only the first attaining group (declaration order) gets the derivative.
 */
import { exactlyKMinusOneOfOthers } from './k-of-n.js';
import { groupInputs, groupReceived, groupWeight } from './node-service.js';
import {
  COMBINE_GEOMETRIC,
  COMBINE_MEAN,
  COMBINE_MIN,
  type CompiledChain,
  type Evaluation,
} from './types.js';

/** ds_w/dr_e for every hand-off; +Infinity where the derivative is infinite. */
export function localDerivatives(chain: CompiledChain, evaluation: Evaluation): Float64Array {
  const derivatives = new Float64Array(chain.handoffCount);
  const received: number[] = [];
  for (let w = 0; w < chain.nodeCount; w++) {
    const g0 = chain.groupStart[w]!;
    const g1 = chain.groupStart[w + 1]!;
    if (g0 === g1) continue;
    const factor = chain.effectivePerformance[w]! * chain.dependence[w]!;
    if (factor === 0) continue; // derivatives stay 0
    if (chain.combine[w] === COMBINE_MEAN) {
      meanDerivatives(chain, evaluation.service, w, factor, derivatives);
      continue;
    }
    received.length = 0;
    // Aggregates of the node, once: total weight, product of the non-zero r_G, zeros among r_G.
    let total = 0;
    let product = 1;
    let zeros = 0;
    for (let g = g0; g < g1; g++) {
      const r = groupReceived(chain, evaluation.service, g);
      received.push(r);
      total += groupWeight(chain, g);
      if (r === 0) zeros++;
      else product *= r;
    }
    const input = evaluation.input[w]!;
    const combine = chain.combine[w]!;
    // The first group (declaration order) with the least r_G, from the values received NOW (inside
    // a cycle, I_v is from the last sweep and may differ from them by the tolerance).
    let least = 0;
    for (let i = 1; i < received.length; i++) if (received[i]! < received[least]!) least = i;
    for (let g = g0; g < g1; g++) {
      const r = received[g - g0]!;
      let dInput: number;
      if (g1 - g0 === 1)
        dInput = 1; // one group: every combine gives I = r_G
      else if (combine === COMBINE_MEAN) dInput = groupWeight(chain, g) / total;
      else if (combine === COMBINE_MIN) {
        dInput = g - g0 === least ? 1 : 0;
      } else if (combine === COMBINE_GEOMETRIC) {
        // I = 0: infinite through the only group at 0, zero through every other.
        if (zeros === 0) dInput = (input * groupWeight(chain, g)) / total / r;
        else dInput = zeros === 1 && r === 0 ? Number.POSITIVE_INFINITY : 0;
      } else if (zeros === 0) dInput = product / r;
      else dInput = zeros === 1 && r === 0 ? product : 0;
      if (dInput !== 0)
        groupDerivatives(chain, evaluation.service, g, factor * dInput, derivatives);
    }
  }
  return derivatives;
}

/**
 * The common case, `mean`: dI/dr_G = w_G / sum w, whatever the values received, so no r_G is
 * needed (and an ungrouped hand-off gets its derivative directly).
 */
function meanDerivatives(
  chain: CompiledChain,
  service: Float64Array,
  w: number,
  factor: number,
  derivatives: Float64Array,
): void {
  const { groupStart, groupEdgeStart, groupEdges } = chain;
  let total = 0;
  for (let g = groupStart[w]!; g < groupStart[w + 1]!; g++) total += groupWeight(chain, g);
  const scale = factor / total;
  for (let g = groupStart[w]!; g < groupStart[w + 1]!; g++) {
    const e0 = groupEdgeStart[g]!;
    if (groupEdgeStart[g + 1]! - e0 === 1) {
      const h = groupEdges[e0]!;
      derivatives[h] = scale * chain.weight[h]!;
    } else groupDerivatives(chain, service, g, scale * groupWeight(chain, g), derivatives);
  }
}

/** Writes scale * dr_G/dr_e for each hand-off of group g. */
function groupDerivatives(
  chain: CompiledChain,
  service: Float64Array,
  g: number,
  scale: number,
  derivatives: Float64Array,
): void {
  const { groupEdgeStart, groupEdges, from, quality } = chain;
  const e0 = groupEdgeStart[g]!;
  const e1 = groupEdgeStart[g + 1]!;
  if (e1 - e0 === 1) {
    derivatives[groupEdges[e0]!] = scale;
    return;
  }
  const need = chain.groupNeed[g]!;
  if (need > 1) {
    kOfNDerivatives(chain, service, g, need, scale, derivatives);
    return;
  }
  // dr_G/dr_e = prod over the other alternatives of (1 - r_e').
  let product = 1;
  let zeros = 0;
  for (let i = e0; i < e1; i++) {
    const h = groupEdges[i]!;
    const miss = 1 - service[from[h]!]! * quality[h]!;
    if (miss === 0) zeros++;
    else product *= miss;
  }
  for (let i = e0; i < e1; i++) {
    const h = groupEdges[i]!;
    const miss = 1 - service[from[h]!]! * quality[h]!;
    let others: number;
    if (zeros === 0) others = product / miss;
    else others = zeros === 1 && miss === 0 ? product : 0;
    derivatives[h] = others === 0 ? 0 : scale * others;
  }
}

let othersRight = new Float64Array(16);

/**
 * A group needing k > 1 of its n inputs (docs/model.md, "k-of-n alternatives"): dr_G/dr_e =
 * P(exactly k - 1 of the other inputs right), exact.
 */
function kOfNDerivatives(
  chain: CompiledChain,
  service: Float64Array,
  g: number,
  need: number,
  scale: number,
  derivatives: Float64Array,
): void {
  const e0 = chain.groupEdgeStart[g]!;
  const n = chain.groupEdgeStart[g + 1]! - e0;
  if (othersRight.length < n) othersRight = new Float64Array(Math.max(n, othersRight.length * 2));
  exactlyKMinusOneOfOthers(groupInputs(chain, service, g), n, need, othersRight);
  for (let i = 0; i < n; i++) {
    const d = othersRight[i]!;
    derivatives[chain.groupEdges[e0 + i]!] = d === 0 ? 0 : scale * d;
  }
}
