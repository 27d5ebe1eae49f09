/**
 * Chain strength W_v (docs/model.md, "Chain strength and the weakest link"): the strength of the weakest link v's service depends on.
 *   W_v = min(p_v, min_G max_{e in G} min(W_u, q_e))  if d_v > 0 and v has inputs, else p_v,
 * where a group needing k > 1 of its inputs takes the k-th largest instead of the max
 * (docs/model.md, "k-of-n alternatives").
 * Values are only ever COPIED through min/max from p and q, never computed, which is why the
 * weakest-link walk may compare them with exact equality.
 */
import { kthLargest } from './k-of-n.js';
import type { CompiledChain } from './types.js';

/** W_v of every node. */
export function chainStrength(chain: CompiledChain): Float64Array {
  const strength = new Float64Array(chain.nodeCount);
  const scratch = createStrengthScratch(chain);
  for (let k = 0; k < chain.components.count; k++) strengthOfComponent(chain, strength, k, scratch);
  return strength;
}

/** Working arrays of the cycle algorithm, allocated once per pass. */
export interface StrengthScratch {
  readonly alive: Uint8Array;
  readonly edgeDead: Uint8Array;
  readonly groupLeft: Int32Array;
  readonly worklist: Int32Array;
}

/** Allocates the scratch arrays of `strengthOfComponent`. */
export function createStrengthScratch(chain: CompiledChain): StrengthScratch {
  return {
    alive: new Uint8Array(chain.nodeCount),
    edgeDead: new Uint8Array(chain.handoffCount),
    groupLeft: new Int32Array(chain.groupEdgeStart.length),
    worklist: new Int32Array(chain.nodeCount),
  };
}

/** W_v of a node whose inputs are final: the formula above, evaluated once. */
export function nodeStrength(chain: CompiledChain, strength: Float64Array, v: number): number {
  const { groupStart, groupEdgeStart, groupEdges, from, quality } = chain;
  let w = chain.effectivePerformance[v]!;
  if (chain.dependence[v]! <= 0) return w;
  for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) {
    if (chain.groupNeed[g]! > 1) {
      const kth = groupStrength(chain, strength, g);
      if (kth < w) w = kth;
      continue;
    }
    let best = 0;
    for (let i = groupEdgeStart[g]!; i < groupEdgeStart[g + 1]!; i++) {
      const h = groupEdges[i]!;
      const su = strength[from[h]!]!;
      const q = quality[h]!;
      const x = Math.min(su, q);
      if (x > best) best = x;
    }
    if (best < w) w = best;
  }
  return w;
}

let groupValues = new Float64Array(16);

/**
 * The strength of input group g given its providers' strengths: the k-th largest of min(W_u, q_e)
 * over its hand-offs, k = groupNeed[g] (the max when k = 1). A copy of one of them, never computed.
 */
export function groupStrength(chain: CompiledChain, strength: Float64Array, g: number): number {
  const { groupEdgeStart, groupEdges, from, quality } = chain;
  const e0 = groupEdgeStart[g]!;
  const n = groupEdgeStart[g + 1]! - e0;
  if (groupValues.length < n) groupValues = new Float64Array(Math.max(n, groupValues.length * 2));
  for (let i = 0; i < n; i++) {
    const h = groupEdges[e0 + i]!;
    groupValues[i] = Math.min(strength[from[h]!]!, quality[h]!);
  }
  return kthLargest(groupValues, n, chain.groupNeed[g]!);
}

/** Evaluates W on component k, reading final upstream strengths. */
export function strengthOfComponent(
  chain: CompiledChain,
  strength: Float64Array,
  k: number,
  scratch: StrengthScratch,
): void {
  const { start, nodes, cyclic } = chain.components;
  if (cyclic[k] === 0) {
    const v = nodes[start[k]!]!;
    strength[v] = nodeStrength(chain, strength, v);
    return;
  }
  cycleStrength(chain, strength, k, scratch);
}

/**
 * The GREATEST fixed point of W on a cycle, exactly and without iterating: for a threshold t the
 * nodes with W >= t form the greatest set closed under "p >= t and, if d > 0, every group has a
 * hand-off with q >= t from a node of the set (or from outside with min(W_u, q) >= t)". Raising t
 * through the sorted link strengths removes links; each removal cascades (a group with no hand-off
 * left removes its receiver; a group needing k of its n hand-offs does so once n - k + 1 are gone,
 * docs/model.md, "k-of-n alternatives"), and a node removed while processing value t has W = t.
 * Every node and hand-off is removed at most once: O((n + m) log(n + m)) for a component of n
 * nodes, m inputs.
 */
function cycleStrength(
  chain: CompiledChain,
  strength: Float64Array,
  k: number,
  scratch: StrengthScratch,
): void {
  const { start, nodes, componentOf } = chain.components;
  const {
    groupStart,
    groupEdgeStart,
    groupEdges,
    from,
    quality,
    dependence,
    effectivePerformance,
  } = chain;
  const { alive, edgeDead, groupLeft } = scratch;
  const values: number[] = [];
  const refs: number[] = [];
  for (let n = start[k]!; n < start[k + 1]!; n++) {
    const v = nodes[n]!;
    alive[v] = 1;
    values.push(effectivePerformance[v]!);
    refs.push(~v);
    if (dependence[v]! <= 0) continue;
    for (let g = groupStart[v]!; g < groupStart[v + 1]!; g++) {
      // Removals the group survives, plus one: it fails when fewer than groupNeed[g] are left.
      groupLeft[g] = groupEdgeStart[g + 1]! - groupEdgeStart[g]! - chain.groupNeed[g]! + 1;
      for (let i = groupEdgeStart[g]!; i < groupEdgeStart[g + 1]!; i++) {
        const h = groupEdges[i]!;
        const u = from[h]!;
        edgeDead[h] = 0;
        const q = quality[h]!;
        const outside = componentOf[u] !== k;
        values.push(outside && strength[u]! < q ? strength[u]! : q);
        refs.push(h);
      }
    }
  }
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  for (const i of order) {
    const t = values[i]!;
    const ref = refs[i]!;
    if (ref < 0) removeNode(chain, strength, ~ref, t, k, scratch);
    else removeHandoff(chain, strength, ref, t, k, scratch);
  }
}

/** Removes hand-off h at level t; an emptied group removes its receiver. */
function removeHandoff(
  chain: CompiledChain,
  strength: Float64Array,
  h: number,
  t: number,
  k: number,
  scratch: StrengthScratch,
): void {
  if (scratch.edgeDead[h] === 1) return;
  scratch.edgeDead[h] = 1;
  const g = chain.handoffGroup[h]!;
  scratch.groupLeft[g]!--;
  if (scratch.groupLeft[g] === 0) removeNode(chain, strength, chain.to[h]!, t, k, scratch);
}

/** Removes node v at level t (W_v = t) and cascades through its hand-offs inside the cycle. */
function removeNode(
  chain: CompiledChain,
  strength: Float64Array,
  v: number,
  t: number,
  k: number,
  scratch: StrengthScratch,
): void {
  const { alive, edgeDead, groupLeft, worklist } = scratch;
  const { outStart, outEdges, to, handoffGroup, dependence } = chain;
  const { componentOf } = chain.components;
  if (alive[v] === 0) return;
  alive[v] = 0;
  strength[v] = t;
  let top = 0;
  worklist[top++] = v;
  while (top > 0) {
    const x = worklist[--top]!;
    for (let i = outStart[x]!; i < outStart[x + 1]!; i++) {
      const h = outEdges[i]!;
      const w = to[h]!;
      if (componentOf[w] !== k || dependence[w]! <= 0 || edgeDead[h] === 1) continue;
      edgeDead[h] = 1;
      const g = handoffGroup[h]!;
      groupLeft[g]!--;
      if (groupLeft[g] === 0 && alive[w] === 1) {
        alive[w] = 0;
        strength[w] = t;
        worklist[top++] = w;
      }
    }
  }
}
