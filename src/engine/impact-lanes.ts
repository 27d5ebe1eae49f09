/**
 * One downstream traversal for ALL the perturbations of one node (docs/model.md, "Impact of one
 * link: sensitivity, fix gain, failure loss"). A hand-off into v and actor v change S, and every
 * s_c, only through s_v, so every (link, x) pair that sets v travels as a lane of the same
 * traversal: the nodes below v are visited once, in topological order, each evaluated by the fused
 * kernel (lane-kernel.ts) for every lane at once. Per lane this is exactly the scalar recompute: a
 * node whose lanes all come out unchanged stops there, and at an A node (affine.ts) the rest of
 * the change is lambda_a (s'_a - s_a), spread over every target column (each customer's adjoint,
 * then S's) in ONE loop: S is just another column.
 */
import { createBitQueue } from './component-queue.js';
import { type AdjointRows, adjointRows, columnsOf, type ImpactTargets } from './frontier.js';
import { createLaneScratch, type LaneStore, nodeLanes } from './lane-kernel.js';
import {
  coefficient,
  componentPositions,
  type LinearCycle,
  linearCycle,
  ROW_LIMIT,
  rowDot,
  rowSum,
  share,
  solve,
  totalWeight,
} from './linear-cycle.js';
import { linkValue, setLinkValue } from './links.js';
import { nodeInput, serviceOf } from './node-service.js';
import { evaluateComponent } from './propagate.js';
import type { CompiledChain, EngineOptions, Evaluation } from './types.js';

export {
  type AdjointRows,
  adjointRows,
  affineLinkLanes,
  columnsOf,
  type ImpactTargets,
} from './frontier.js';

/** Runs the lanes (link, x) of ONE node: `out[j * columns + k]` gets lane j's change of column k. */
export type LaneRun = ((
  node: number,
  links: Int32Array,
  xs: Float64Array,
  lanes: number,
  out: Float64Array,
) => void) & {
  /**
   * The lanes of SEVERAL nodes outside any cycle, none downstream of another (one level of the
   * condensation), in one traversal: node `nodes[i]` has lanes `ends[i - 1] .. ends[i]`.
   */
  readonly many: (
    nodes: Int32Array,
    ends: Int32Array,
    count: number,
    links: Int32Array,
    xs: Float64Array,
    lanes: number,
    out: Float64Array,
  ) => void;
};

/** Downstream work of an impact pass, counted when asked (the benchmark reports it). */
export interface ImpactWork {
  /** Traversals run (one per batch of a node's lanes). */
  traversals: number;
  /** Nodes evaluated below the perturbed ones (a cycle counts its nodes once per traversal). */
  nodes: number;
  /** Node evaluations times lanes: what one scalar recompute per (link, x) would have evaluated. */
  laneNodes: number;
}

/** The largest batch of lanes a run takes. */
export const MAX_LANES = 32;

export function createLaneRun(
  chain: CompiledChain,
  evaluation: Evaluation,
  affine: Uint8Array,
  options: EngineOptions,
  targets: ImpactTargets,
  work?: ImpactWork,
  rows: AdjointRows = adjointRows(chain, affine, targets),
): LaneRun {
  const base = evaluation.service;
  const stride = MAX_LANES;
  const current = Float64Array.from(base); // equal to base between evaluations of a cycle
  const input = new Float64Array(chain.nodeCount);
  const iterations = new Int32Array(chain.components.count);
  const converged = new Uint8Array(chain.components.count);
  const store: LaneStore = {
    slot: new Int32Array(chain.nodeCount).fill(-1),
    values: new Float64Array(64 * stride),
    stride,
  };
  const touched = new Int32Array(chain.nodeCount);
  let touchedCount = 0;
  const scratch = createLaneScratch(stride);
  let laneValues = new Float64Array(stride * 4); // s of one component's nodes, per lane
  const queue = createBitQueue(chain.components.count);
  const { componentOf, start, nodes, cyclic } = chain.components;
  const { outStart, outEdges, to, scoreWeight, actorCount } = chain;
  const { customers, score } = targets;
  const columns = columnsOf(targets);
  let out: Float64Array = new Float64Array(0);
  const laneOf = new Int32Array(stride);
  const distinctValues = new Float64Array(stride);
  const distinctOut = new Float64Array(stride * Math.max(columns, 1));
  let lanes = 0;

  /** Reports node v's lane values (vs base): frontier spread at an A node, else stored and queued. */
  const settle = (v: number, s: Float64Array, offset: number): void => {
    const b = base[v]!;
    let any = false;
    for (let j = 0; j < lanes; j++) if (s[offset + j] !== b) any = true;
    if (!any) return;
    if (affine[v] === 1) {
      const r0 = rows.start[v]!;
      const r1 = rows.start[v + 1]!;
      for (let j = 0; j < lanes; j++) {
        const d = s[offset + j]! - b;
        if (d === 0) continue;
        const o = j * columns;
        for (let r = r0; r < r1; r++) out[o + rows.columns[r]!]! += rows.values[r]! * d;
        if (score !== null) out[o + customers]! += score[v]! * d;
      }
      return;
    }
    if (touchedCount * stride + stride > store.values.length) {
      const grown = new Float64Array(store.values.length * 2);
      grown.set(store.values);
      store.values = grown;
    }
    store.slot[v] = touchedCount;
    touched[touchedCount] = v;
    const values = store.values;
    for (let j = 0, o = touchedCount * stride; j < lanes; j++) values[o + j] = s[offset + j]!;
    touchedCount++;
    if (v >= actorCount) {
      const c = v - actorCount;
      const w = scoreWeight[v]!;
      for (let j = 0; j < lanes; j++) {
        const d = s[offset + j]! - b;
        if (d === 0) continue;
        if (customers > 0) out[j * columns + c]! += d;
        if (score !== null) out[j * columns + customers]! += w * d;
      }
    }
    const k = componentOf[v]!;
    for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
      const w = componentOf[to[outEdges[i]!]!]!;
      if (w !== k) queue.push(w);
    }
  };

  const ensureLaneValues = (size: number) => {
    if (laneValues.length < size * stride) laneValues = new Float64Array(size * stride * 2);
  };

  /** The perturbed node itself: each lane sets its link, evaluates (a cycle from s = 1), restores. */
  const source = (v: number, links: Int32Array, xs: Float64Array, from = 0): void => {
    const k = componentOf[v]!;
    const n0 = start[k]!;
    const n1 = start[k + 1]!;
    ensureLaneValues(n1 - n0);
    const cycle = cyclic[k] === 1 ? cycleOf(k) : null;
    let oldDot = 0;
    if (cycle !== null) {
      unit.fill(0, 0, cycle.size);
      unit[position[v]!] = 1;
      solve(cycle, unit);
      oldDot = rowDot(chain, k, position, v, unit);
    }
    for (let j = 0; j < lanes; j++) {
      const link = links[from + j]!;
      const old = linkValue(chain, link);
      setLinkValue(chain, link, xs[from + j]!);
      if (cycle !== null && rowSum(chain, k, v) <= ROW_LIMIT) {
        // Sherman-Morrison (linear-cycle.ts): the new fixed point without iterating.
        const g = serviceOf(chain, v, nodeInput(chain, base, v)) - base[v]!;
        const denominator = 1 - (rowDot(chain, k, position, v, unit) - oldDot);
        const t = g === 0 ? 0 : g / denominator;
        for (let n = n0; n < n1; n++)
          laneValues[(n - n0) * stride + j] =
            t === 0 ? base[nodes[n]!]! : share(base[nodes[n]!]! + unit[n - n0]! * t);
      } else if (cyclic[k] === 1) {
        evaluateComponent(chain, current, input, iterations, converged, k, options);
        for (let n = n0; n < n1; n++) {
          laneValues[(n - n0) * stride + j] = current[nodes[n]!]!;
          current[nodes[n]!] = base[nodes[n]!]!;
        }
      } else laneValues[j] = serviceOf(chain, v, nodeInput(chain, base, v));
      setLinkValue(chain, link, old);
    }
  };

  /**
   * Lanes that give the perturbed node the SAME new value give the same changes everywhere below:
   * only the distinct values travel (unchanged lanes not at all). At a min, product or geometric
   * node every failure lane gives one value (p (1 - d)), and fixing a non-limiting input none.
   */
  const distinctLanes = (v: number, count: number, from: number, first: number): number => {
    let distinct = first;
    for (let j = 0; j < count; j++) {
      const s = laneValues[j]!;
      laneOf[from + j] = -1;
      if (s === base[v]) continue;
      let u = first;
      while (u < distinct && distinctValues[u] !== s) u++;
      if (u === distinct) distinctValues[distinct++] = s;
      laneOf[from + j] = u;
    }
    return distinct;
  };

  const cycles = new Map<number, LinearCycle | null>();
  const position = componentPositions(chain);
  let unit = new Float64Array(16);
  const cycleOf = (k: number): LinearCycle | null => {
    let cycle = cycles.get(k);
    if (cycle === undefined) {
      cycle = linearCycle(chain, k, position);
      cycles.set(k, cycle);
      if (cycle !== null && unit.length < cycle.size) unit = new Float64Array(cycle.size);
    }
    return cycle;
  };

  /** A linear cycle below the perturbed node: per lane, (I - B)^-1 E (change of the inputs). */
  const linearCycleLanes = (k: number, cycle: LinearCycle): void => {
    const n0 = start[k]!;
    const { groupStart, groupEdgeStart, groupEdges, from } = chain;
    for (let j = 0; j < lanes; j++) {
      let changed = false;
      unit.fill(0, 0, cycle.size);
      for (let n = n0; n < start[k + 1]!; n++) {
        const v = nodes[n]!;
        const total = totalWeight(chain, v);
        for (
          let e = groupEdgeStart[groupStart[v]!]!;
          e < groupEdgeStart[groupStart[v + 1]!]!;
          e++
        ) {
          const h = groupEdges[e]!;
          const u = from[h]!;
          const row = store.slot[u]!;
          if (row < 0 || componentOf[u] === k) continue;
          const delta = store.values[row * stride + j]! - base[u]!;
          if (delta === 0) continue;
          changed = true;
          unit[n - n0]! += coefficient(chain, v, h, total) * delta;
        }
      }
      if (changed) solve(cycle, unit);
      for (let n = n0; n < start[k + 1]!; n++)
        laneValues[(n - n0) * stride + j] = changed
          ? share(base[nodes[n]!]! + unit[n - n0]!)
          : base[nodes[n]!]!;
    }
  };

  /** A cycle below the perturbed node: per lane whose inputs from outside changed, from s = 1. */
  const cycleLanes = (k: number): void => {
    const n0 = start[k]!;
    const n1 = start[k + 1]!;
    ensureLaneValues(n1 - n0);
    const { groupStart, groupEdgeStart, groupEdges, from } = chain;
    const cycle = cycleOf(k);
    if (cycle !== null) {
      linearCycleLanes(k, cycle);
      for (let n = n0; n < n1; n++) settle(nodes[n]!, laneValues, (n - n0) * stride);
      return;
    }
    for (let j = 0; j < lanes; j++) {
      let changed = false;
      for (let n = n0; n < n1; n++) {
        const v = nodes[n]!;
        for (
          let i = groupEdgeStart[groupStart[v]!]!;
          i < groupEdgeStart[groupStart[v + 1]!]!;
          i++
        ) {
          const u = from[groupEdges[i]!]!;
          const row = store.slot[u]!;
          if (row < 0 || componentOf[u] === k) continue;
          const s = store.values[row * stride + j]!;
          if (s !== base[u]) changed = true;
          current[u] = s;
        }
      }
      if (changed) evaluateComponent(chain, current, input, iterations, converged, k, options);
      for (let n = n0; n < n1; n++) laneValues[(n - n0) * stride + j] = current[nodes[n]!]!;
      for (let n = n0; n < n1; n++) {
        const v = nodes[n]!;
        current[v] = base[v]!;
        for (
          let i = groupEdgeStart[groupStart[v]!]!;
          i < groupEdgeStart[groupStart[v + 1]!]!;
          i++
        ) {
          const u = from[groupEdges[i]!]!;
          current[u] = base[u]!;
        }
      }
    }
    for (let n = n0; n < n1; n++) settle(nodes[n]!, laneValues, (n - n0) * stride);
  };

  /** Every queued component below the settled sources, in topological order. */
  const traverse = (): void => {
    if (work !== undefined) work.traversals++;
    for (let k = queue.pop(); k !== -1; k = queue.pop()) {
      if (work !== undefined) {
        work.nodes += start[k + 1]! - start[k]!;
        work.laneNodes += lanes * (start[k + 1]! - start[k]!);
      }
      if (cyclic[k] === 1) {
        cycleLanes(k);
        continue;
      }
      const w = nodes[start[k]!]!;
      nodeLanes(chain, base, store, lanes, w, scratch, laneValues);
      settle(w, laneValues, 0);
    }
    for (let i = 0; i < touchedCount; i++) store.slot[touched[i]!] = -1;
  };

  /** Lane j's columns from its distinct value's (laneOf[j], -1 = unchanged: all 0). */
  const expand = (count: number, target: Float64Array): void => {
    for (let j = 0; j < count; j++) {
      const u = laneOf[j]!;
      for (let c = 0; c < columns; c++)
        target[j * columns + c] = u < 0 ? 0 : distinctOut[u * columns + c]!;
    }
  };

  const run = (
    v: number,
    links: Int32Array,
    xs: Float64Array,
    count: number,
    target: Float64Array,
  ) => {
    lanes = count;
    touchedCount = 0;
    source(v, links, xs);
    const k0 = componentOf[v]!;
    const acyclic = cyclic[k0] === 0;
    if (acyclic) {
      lanes = distinctLanes(v, count, 0, 0);
      out = distinctOut;
      out.fill(0, 0, lanes * columns);
      settle(v, distinctValues, 0);
    } else {
      out = target;
      out.fill(0, 0, lanes * columns);
      for (let n = start[k0]!; n < start[k0 + 1]!; n++)
        settle(nodes[n]!, laneValues, (n - start[k0]!) * stride);
    }
    traverse();
    if (acyclic) expand(count, target);
  };

  const sourceRow = new Float64Array(stride);
  const ownerOf = new Int32Array(stride);
  // Sources of one level cannot reach each other, so lane j of source i sees base values at every
  // other source and wherever only other sources' changes go: a kernel lane whose inputs are all
  // unchanged gives the base value exactly, and adds 0 nowhere. Its operations are those of its
  // own traversal, in the same (topological) order: the same bits.
  const many = (
    sources: Int32Array,
    ends: Int32Array,
    count: number,
    links: Int32Array,
    xs: Float64Array,
    total: number,
    target: Float64Array,
  ): void => {
    touchedCount = 0;
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      const from = i === 0 ? 0 : ends[i - 1]!;
      lanes = ends[i]! - from;
      source(sources[i]!, links, xs, from);
      const before = distinct;
      distinct = distinctLanes(sources[i]!, lanes, from, distinct);
      ownerOf.fill(i, before, distinct);
    }
    lanes = distinct;
    out = distinctOut;
    out.fill(0, 0, lanes * columns);
    for (let i = 0; i < count; i++) {
      const v = sources[i]!;
      for (let j = 0; j < lanes; j++)
        sourceRow[j] = ownerOf[j] === i ? distinctValues[j]! : base[v]!;
      settle(v, sourceRow, 0);
    }
    traverse();
    expand(total, target);
  };

  return Object.assign(run, { many });
}
