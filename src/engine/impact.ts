/**
 * Exact fixGain = S(x := 1) - S and failureLoss = S - S(x := 0) of every link (MODEL.md section 4).
 * Where S is provably affine in x (affine.ts) the sensitivity gives them exactly: s (1 - x), s x.
 * Elsewhere the link's downstream is recomputed in topological order, touching only nodes whose
 * value changed (a change that comes out exactly 0, e.g. at a `min` input that is not the minimum,
 * stops there), and stopping at the first A nodes reached: below them S is jointly linear in the
 * nodes' values with constant coefficients lambda (the adjoint), so the rest of the change is
 * exactly lambda_a (s'_a - s_a), summed over those frontier nodes.
 */
import { affineNodes, isAffineLink } from './affine.js';
import { createComponentQueue } from './component-queue.js';
import { reevaluate } from './incremental.js';
import { linkNode, linkValue, setLinkValue } from './links.js';
import { nodeInput, serviceOf } from './node-service.js';
import { evaluateComponent } from './propagate.js';
import { sensitivity as adjointPass } from './sensitivity.js';
import {
  type CompiledChain,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
  type LinkImpacts,
  type Sensitivity,
} from './types.js';

/** What a recompute reports: frontier A nodes with their exact change, and changed nodes above them. */
interface ChangeVisitor {
  /** Node a (A[a] = 1) would change by `delta` (its value with the new inputs minus the old). */
  frontier(a: number, delta: number): void;
  /** Node v (not affine) changed by `delta`; nothing is reported for its successors' linear part. */
  changed(v: number, delta: number): void;
}

/** Sets a link to x, reports the downstream change to a visitor, and restores everything. */
type Recompute = (link: number, x: number, visitor: ChangeVisitor) => void;

/** Builds the recompute of the file comment for one chain and evaluation (scratch allocated once). */
function createRecompute(
  chain: CompiledChain,
  evaluation: Evaluation,
  affine: Uint8Array,
  options: EngineOptions,
): Recompute {
  const base = evaluation.service;
  const current = Float64Array.from(base);
  const input = new Float64Array(chain.nodeCount);
  const iterations = new Int32Array(chain.components.count);
  const converged = new Uint8Array(chain.components.count);
  const touched = new Int32Array(chain.nodeCount);
  const queue = createComponentQueue(chain.components.count);
  const { componentOf, start, nodes, cyclic } = chain.components;
  const { outStart, outEdges, to } = chain;

  const pushSuccessors = (v: number, k: number): void => {
    for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
      const w = componentOf[to[outEdges[i]!]!]!;
      if (w !== k) queue.push(w);
    }
  };

  return (link, x, visitor) => {
    const old = linkValue(chain, link);
    // The link is set in place and restored below: the recompute reads the chain's own arrays.
    setLinkValue(chain, link, x);
    let touchedCount = 0;
    queue.push(componentOf[linkNode(chain, link)]!);
    for (let k = queue.pop(); k !== -1; k = queue.pop()) {
      if (cyclic[k] === 1) {
        evaluateComponent(chain, current, input, iterations, converged, k, options);
        for (let n = start[k]!; n < start[k + 1]!; n++) {
          const v = nodes[n]!;
          if (current[v] === base[v]) continue;
          touched[touchedCount++] = v;
          visitor.changed(v, current[v]! - base[v]!);
          pushSuccessors(v, k);
        }
        continue;
      }
      const v = nodes[start[k]!]!;
      const s = serviceOf(chain, v, nodeInput(chain, current, v));
      if (s === base[v]) continue;
      if (affine[v] === 1) {
        visitor.frontier(v, s - base[v]!);
        continue;
      }
      current[v] = s;
      touched[touchedCount++] = v;
      visitor.changed(v, s - base[v]!);
      pushSuccessors(v, k);
    }
    for (let i = 0; i < touchedCount; i++) current[touched[i]!] = base[touched[i]!]!;
    setLinkValue(chain, link, old);
  };
}

/**
 * fixGain and failureLoss of every link for S; NaN (reported as null) when S is null. With `links`,
 * only those links are computed (the others are NaN): the benchmark samples the costly ones.
 */
export function linkImpacts(
  chain: CompiledChain,
  evaluation: Evaluation,
  sensitivity: Sensitivity,
  options: EngineOptions = ENGINE_DEFAULTS,
  links?: ArrayLike<number>,
): LinkImpacts {
  const fixGain = new Float64Array(chain.linkCount);
  const failureLoss = new Float64Array(chain.linkCount);
  if (evaluation.score === null || links !== undefined) {
    fixGain.fill(Number.NaN);
    failureLoss.fill(Number.NaN);
    if (evaluation.score === null) return { fixGain, failureLoss };
  }
  const affine = affineNodes(chain);
  const recompute = createRecompute(chain, evaluation, affine, options);
  const lambda = sensitivity.adjoint;
  const weight = chain.scoreWeight;
  let delta = 0;
  const visitor: ChangeVisitor = {
    frontier: (a, d) => {
      delta += lambda[a]! * d;
    },
    changed: (v, d) => {
      delta += weight[v]! * d;
    },
  };
  const count = links === undefined ? chain.linkCount : links.length;
  for (let i = 0; i < count; i++) {
    const l = links === undefined ? i : links[i]!;
    const x = linkValue(chain, l);
    if (isAffineLink(chain, affine, l)) {
      const s = sensitivity.link[l]!;
      fixGain[l] = s * (1 - x);
      failureLoss[l] = s * x;
      continue;
    }
    // x = 1 cannot gain and x = 0 cannot lose: exact without recomputing.
    fixGain[l] = 0;
    failureLoss[l] = 0;
    if (x !== 1) {
      delta = 0;
      recompute(l, 1, visitor);
      fixGain[l] = delta;
    }
    if (x !== 0) {
      delta = 0;
      recompute(l, 0, visitor);
      failureLoss[l] = -delta;
    }
  }
  return { fixGain, failureLoss };
}

/** Receives, per link, every customer's fix and failure changes (indexed by customer ordinal). */
export type CustomerImpactVisitor = (
  link: number,
  /** s_c(x := 1) - s_c for each customer c (ordinal: node index - actorCount). */
  fix: Float64Array,
  /** s_c - s_c(x := 0) for each customer. */
  failure: Float64Array,
) => void;

/**
 * The per-customer form of linkImpacts, for every link at once: one adjoint pass per customer
 * (O(C (V + E))), then the same recomputes as for S, the frontier spread over every customer's
 * adjoint. The two arrays handed to `visit` are reused: copy what you keep.
 */
export function forEachLinkCustomerImpact(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions,
  visit: CustomerImpactVisitor,
): void {
  const customers = chain.customerCount;
  const first = chain.actorCount;
  // Node-major matrix of per-customer adjoints: adjoints[a * C + c] = d s_c / d s_a.
  const adjoints = new Float64Array(chain.nodeCount * customers);
  const seed = new Float64Array(chain.nodeCount);
  for (let c = 0; c < customers; c++) {
    seed[first + c] = 1;
    const { adjoint } = adjointPass(chain, evaluation, seed, options);
    seed[first + c] = 0;
    for (let a = 0; a < chain.nodeCount; a++) adjoints[a * customers + c] = adjoint[a]!;
  }
  const affine = affineNodes(chain);
  const recompute = createRecompute(chain, evaluation, affine, options);
  const fix = new Float64Array(customers);
  const failure = new Float64Array(customers);
  let target = fix;
  let sign = 1;
  const visitor: ChangeVisitor = {
    frontier: (a, d) => {
      const row = a * customers;
      for (let c = 0; c < customers; c++) {
        const lambda = adjoints[row + c]!;
        if (lambda !== 0) target[c]! += sign * lambda * d;
      }
    },
    changed: (v, d) => {
      if (v >= first) target[v - first]! += sign * d;
    },
  };
  for (let l = 0; l < chain.linkCount; l++) {
    fix.fill(0);
    failure.fill(0);
    const x = linkValue(chain, l);
    target = fix;
    sign = 1;
    if (x !== 1) recompute(l, 1, visitor);
    target = failure;
    sign = -1;
    if (x !== 0) recompute(l, 0, visitor);
    visit(l, fix, failure);
  }
}

/** Every customer's service (by customer ordinal) after the link is set to x: exact, downstream only. */
export function customerServiceAfter(
  chain: CompiledChain,
  evaluation: Evaluation,
  link: number,
  x: number,
  options: EngineOptions = ENGINE_DEFAULTS,
): Float64Array {
  const old = linkValue(chain, link);
  setLinkValue(chain, link, x);
  try {
    const after = reevaluate(chain, evaluation, [linkNode(chain, link)], options);
    return after.service.slice(chain.actorCount);
  } finally {
    setLinkValue(chain, link, old);
  }
}
