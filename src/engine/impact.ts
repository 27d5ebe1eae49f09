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
import { localDerivatives } from './local-derivatives.js';
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

/**
 * Told how far a long impact pass has got: `done` of `total` links. Called at most about 10 times
 * a second (and once at the end); when absent the pass does not even read the clock.
 */
export type ImpactProgress = (done: number, total: number) => void;

/** Calls `onProgress` every ~100 ms; the returned tick is cheap (a counter) between clock reads. */
function progressTicker(onProgress: ImpactProgress | undefined, total: number) {
  if (onProgress === undefined) return { tick: (_done: number) => {}, end: () => {} };
  let last = performance.now();
  let sinceClock = 0;
  return {
    tick: (done: number) => {
      if (++sinceClock < 64) return;
      sinceClock = 0;
      const time = performance.now();
      if (time - last < 100) return;
      last = time;
      onProgress(done, total);
    },
    end: () => onProgress(total, total),
  };
}

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
  onProgress?: ImpactProgress,
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
  const progress = progressTicker(onProgress, count);
  for (let i = 0; i < count; i++) {
    progress.tick(i);
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
  progress.end();
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
 * Every customer's adjoint, node-major: adjoints[a * C + c] = d s_c / d s_a (c = customer ordinal),
 * one adjoint pass per customer, O(C (V + E)). Each pass's link sensitivities (d s_c / dx, the
 * same as customerSensitivity's) are handed to `onSensitivity` before being dropped: keeping them
 * all would be a C x links matrix.
 */
export function customerAdjoints(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions = ENGINE_DEFAULTS,
  onSensitivity?: (customer: number, sensitivity: Sensitivity) => void,
): Float64Array {
  const customers = chain.customerCount;
  const first = chain.actorCount;
  const adjoints = new Float64Array(chain.nodeCount * customers);
  const seed = new Float64Array(chain.nodeCount);
  const derivatives = localDerivatives(chain, evaluation);
  for (let c = 0; c < customers; c++) {
    seed[first + c] = 1;
    const result = adjointPass(chain, evaluation, seed, options, derivatives);
    seed[first + c] = 0;
    const { adjoint } = result;
    for (let a = 0; a < chain.nodeCount; a++) adjoints[a * customers + c] = adjoint[a]!;
    onSensitivity?.(first + c, result);
  }
  return adjoints;
}

/** Optional inputs of forEachLinkCustomerImpact. */
export interface CustomerImpactSettings {
  /** customerAdjoints' result, when the caller already has it (else computed here). */
  readonly adjoints?: Float64Array;
  /** Progress of the per-link loop. */
  readonly onProgress?: ImpactProgress;
  /**
   * S's sensitivity (scoreSensitivity; only when S is not null): then S's fixGain / failureLoss
   * are computed too, from the same recomputes, equal bit for bit to linkImpacts', and returned.
   * (The customers' figures on affine links come from the frontier, lambda_c,v (s'_v - s_v): equal
   * to S's shortcut s (1 - x) only to rounding, even with a single customer.)
   */
  readonly score?: Sensitivity;
}

/**
 * The per-customer form of linkImpacts, for every link at once: the customers' adjoints
 * (customerAdjoints), then the same recomputes as for S, the frontier spread over every customer's
 * adjoint. The two arrays handed to `visit` are reused: copy what you keep. With `settings.score`,
 * S's own figures come out of the same recomputes (returned; null without it): one set of
 * recomputes serves S and every customer.
 */
export function forEachLinkCustomerImpact(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions,
  visit: CustomerImpactVisitor,
  settings: CustomerImpactSettings = {},
): LinkImpacts | null {
  const customers = chain.customerCount;
  const first = chain.actorCount;
  // Node-major matrix of per-customer adjoints: adjoints[a * C + c] = d s_c / d s_a.
  const adjoints = settings.adjoints ?? customerAdjoints(chain, evaluation, options);
  const affine = affineNodes(chain);
  const recompute = createRecompute(chain, evaluation, affine, options);
  const fix = new Float64Array(customers);
  const failure = new Float64Array(customers);
  let target = fix;
  let sign = 1;
  // S's own figures, when asked, from the same recomputes and exactly as linkImpacts computes them
  // (same shortcut, same adjoint, same order of additions): bit for bit linkImpacts' numbers.
  const score = settings.score;
  const lambdaS = score?.adjoint;
  const weight = chain.scoreWeight;
  let delta = 0;
  const visitor: ChangeVisitor = {
    frontier: (a, d) => {
      const row = a * customers;
      for (let c = 0; c < customers; c++) {
        const lambda = adjoints[row + c]!;
        if (lambda !== 0) target[c]! += sign * lambda * d;
      }
      if (lambdaS !== undefined) delta += lambdaS[a]! * d;
    },
    changed: (v, d) => {
      if (v >= first) target[v - first]! += sign * d;
      if (lambdaS !== undefined) delta += weight[v]! * d;
    },
  };
  const impacts =
    score === undefined
      ? null
      : {
          fixGain: new Float64Array(chain.linkCount),
          failureLoss: new Float64Array(chain.linkCount),
        };
  const progress = progressTicker(settings.onProgress, chain.linkCount);
  for (let l = 0; l < chain.linkCount; l++) {
    progress.tick(l);
    fix.fill(0);
    failure.fill(0);
    const x = linkValue(chain, l);
    target = fix;
    sign = 1;
    delta = 0;
    if (x !== 1) recompute(l, 1, visitor);
    const fixS = delta;
    target = failure;
    sign = -1;
    delta = 0;
    if (x !== 0) recompute(l, 0, visitor);
    if (impacts !== null) {
      if (isAffineLink(chain, affine, l)) {
        impacts.fixGain[l] = score!.link[l]! * (1 - x);
        impacts.failureLoss[l] = score!.link[l]! * x;
      } else {
        impacts.fixGain[l] = fixS;
        impacts.failureLoss[l] = x === 0 ? 0 : -delta;
      }
    }
    visit(l, fix, failure);
  }
  progress.end();
  return impacts;
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
