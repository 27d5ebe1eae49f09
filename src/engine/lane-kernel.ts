/**
 * The fused per-node kernel of the exact impact pass (docs/model.md, "Impact of one link:
 * sensitivity, fix gain, failure loss"): one node's service s_v, for L perturbations ("lanes") at
 * once, each lane reading its own values of the nodes above. One switch per input GROUP picks the
 * combine; the lane loops inside are plain typed-array loops (no closure, no call per lane). The
 * operations and their order are those of nodeInput and serviceOf (node-service.ts), lane by lane,
 * so a lane's value is bit-identical to a scalar recompute of that perturbation, and a lane whose
 * inputs are all unchanged gives back s_v exactly.
 */
import { atLeast } from './k-of-n.js';
import { groupWeight } from './node-service.js';
import {
  COMBINE_GEOMETRIC,
  COMBINE_MEAN,
  COMBINE_MIN,
  COMBINE_PRODUCT,
  type CompiledChain,
} from './types.js';

/** Lane values of the nodes a traversal has changed; every other node holds its base value. */
export interface LaneStore {
  /** Row of each node in `values`, or -1 where every lane holds the base value. */
  readonly slot: Int32Array;
  /** values[row * stride + j]: lane j of the node stored at that row. */
  values: Float64Array;
  /** Lanes per row (the largest batch). */
  readonly stride: number;
}

/** Per-lane scratch of the kernel (length = stride). */
export interface LaneScratch {
  readonly received: Float64Array;
  readonly acc: Float64Array;
  readonly zero: Uint8Array;
}

export function createLaneScratch(stride: number): LaneScratch {
  return {
    received: new Float64Array(stride),
    acc: new Float64Array(stride),
    zero: new Uint8Array(stride),
  };
}

let kOfNInputs = new Float64Array(16);

/**
 * r_G of a group needing k > 1 of its n inputs (docs/model.md, "k-of-n alternatives"), lane by
 * lane: each lane's r_e listed and handed to the same atLeast as nodeInput's, so bit-identical.
 */
function kOfNLanes(
  chain: CompiledChain,
  base: Float64Array,
  store: LaneStore,
  lanes: number,
  g: number,
  received: Float64Array,
): void {
  const { groupEdgeStart, groupEdges, from, quality } = chain;
  const { slot, values, stride } = store;
  const e0 = groupEdgeStart[g]!;
  const n = groupEdgeStart[g + 1]! - e0;
  if (kOfNInputs.length < n) kOfNInputs = new Float64Array(Math.max(n, kOfNInputs.length * 2));
  const r = kOfNInputs;
  for (let j = 0; j < lanes; j++) {
    for (let i = 0; i < n; i++) {
      const h = groupEdges[e0 + i]!;
      const u = from[h]!;
      const row = slot[u]!;
      r[i] = (row < 0 ? base[u]! : values[row * stride + j]!) * quality[h]!;
    }
    received[j] = atLeast(r, n, chain.groupNeed[g]!);
  }
}

/** r_G of group g in every lane, into scratch.received (1 - prod(1 - s_u q) for alternatives). */
function groupLanes(
  chain: CompiledChain,
  base: Float64Array,
  store: LaneStore,
  lanes: number,
  g: number,
  received: Float64Array,
): void {
  const { groupEdgeStart, groupEdges, from, quality } = chain;
  const { slot, values, stride } = store;
  const e0 = groupEdgeStart[g]!;
  const e1 = groupEdgeStart[g + 1]!;
  if (e1 - e0 === 1) {
    const h = groupEdges[e0]!;
    const u = from[h]!;
    const q = quality[h]!;
    const row = slot[u]!;
    if (row < 0) received.fill(base[u]! * q, 0, lanes);
    else for (let j = 0, o = row * stride; j < lanes; j++) received[j] = values[o + j]! * q;
    return;
  }
  if (chain.groupNeed[g]! > 1) {
    kOfNLanes(chain, base, store, lanes, g, received);
    return;
  }
  received.fill(1, 0, lanes); // "missed", turned into 1 - missed below
  for (let i = e0; i < e1; i++) {
    const h = groupEdges[i]!;
    const u = from[h]!;
    const q = quality[h]!;
    const row = slot[u]!;
    if (row < 0) {
      const miss = 1 - base[u]! * q;
      for (let j = 0; j < lanes; j++) received[j]! *= miss;
    } else for (let j = 0, o = row * stride; j < lanes; j++) received[j]! *= 1 - values[o + j]! * q;
  }
  for (let j = 0; j < lanes; j++) received[j] = 1 - received[j]!;
}

/**
 * s_v in each of `lanes` lanes into `out[0 .. lanes)`, for a node v that has inputs and whose own
 * fields are unperturbed (a node below the perturbed one).
 */
export function nodeLanes(
  chain: CompiledChain,
  base: Float64Array,
  store: LaneStore,
  lanes: number,
  v: number,
  scratch: LaneScratch,
  out: Float64Array,
): void {
  const { groupStart, groupEdgeStart, groupEdges, weight } = chain;
  const { received, acc, zero } = scratch;
  const combine = chain.combine[v]!;
  const mean = combine === COMBINE_MEAN;
  const geometric = combine === COMBINE_GEOMETRIC;
  acc.fill(mean || geometric ? 0 : 1, 0, lanes);
  if (geometric) zero.fill(0, 0, lanes);
  let total = 0;
  const { slot, values, stride } = store;
  const { from, quality } = chain;
  for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) {
    const e0 = groupEdgeStart[g]!;
    if (mean && groupEdgeStart[g + 1]! - e0 === 1) {
      // The common case fused: an ungrouped input of a mean, w (s_u q) added to every lane.
      const h = groupEdges[e0]!;
      const u = from[h]!;
      const q = quality[h]!;
      const w = weight[h]!;
      const row = slot[u]!;
      total += w;
      if (row < 0) {
        const term = w * (base[u]! * q);
        for (let j = 0; j < lanes; j++) acc[j]! += term;
      } else for (let j = 0, o = row * stride; j < lanes; j++) acc[j]! += w * (values[o + j]! * q);
      continue;
    }
    groupLanes(chain, base, store, lanes, g, received);
    if (combine === COMBINE_MIN) {
      for (let j = 0; j < lanes; j++) if (received[j]! < acc[j]!) acc[j] = received[j]!;
      continue;
    }
    if (combine === COMBINE_PRODUCT) {
      for (let j = 0; j < lanes; j++) acc[j]! *= received[j]!;
      continue;
    }
    const w = groupEdgeStart[g + 1]! - e0 === 1 ? weight[groupEdges[e0]!]! : groupWeight(chain, g);
    total += w;
    if (mean) for (let j = 0; j < lanes; j++) acc[j]! += w * received[j]!;
    else
      for (let j = 0; j < lanes; j++) {
        const r = received[j]!;
        // Geometric is 0 as soon as one group receives 0 (as nodeInput: no ln 0).
        if (r <= 0) zero[j] = 1;
        else acc[j]! += w * Math.log(r);
      }
  }
  const p = chain.effectivePerformance[v]!;
  const d = chain.dependence[v]!;
  for (let j = 0; j < lanes; j++) {
    let input = acc[j]!;
    if (mean) input = Math.min(input / total, 1);
    else if (geometric) input = zero[j] === 1 ? 0 : Math.min(Math.exp(input / total), 1);
    out[j] = p * (1 - d * (1 - input));
  }
}
