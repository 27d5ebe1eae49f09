/**
 * Exact fixGain = S(x := 1) - S and failureLoss = S - S(x := 0) of every link (docs/model.md,
 * "Impact of one link: sensitivity, fix gain, failure loss"), for S and for every customer's s_c. Where S is provably affine in x (affine.ts) the
 * sensitivity gives S's figures exactly: s (1 - x), s x. Elsewhere the link's downstream is
 * recomputed in topological order, touching only nodes whose value changed (a change that comes
 * out exactly 0, e.g. at a `min` input that is not the minimum, stops there), and stopping at the
 * first A nodes reached: below them every target is jointly linear in the nodes' values with
 * constant coefficients lambda (its adjoint), so the rest of the change is exactly lambda_a
 * (s'_a - s_a), summed over those frontier nodes. All the links that set one node share ONE traversal as
 * lanes (impact-lanes.ts), and S is the last column of the same lanes as the customers: one loop
 * gives both.
 */
import { customerAdjoints } from './adjoint-lanes.js';
import { affineNodes, isAffineLink } from './affine.js';
import {
  createLaneBatch,
  type ImpactProgress,
  type LaneBatch,
  laneCount,
  linksByNode,
  progressTicker,
  runAllLanes,
} from './impact-batches.js';
import {
  adjointRows,
  affineLinkLanes,
  columnsOf,
  createLaneRun,
  type ImpactTargets,
  type ImpactWork,
  type LaneRun,
} from './impact-lanes.js';
import { reevaluate } from './incremental.js';
import { linkNode, linkValue, setLinkValue } from './links.js';
import {
  type CompiledChain,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
  type LinkImpacts,
  type Sensitivity,
} from './types.js';

export { customerAdjoints } from './adjoint-lanes.js';
export type { ImpactProgress, LaneBatch } from './impact-batches.js';
export type { ImpactWork } from './impact-lanes.js';

/** Options of linkImpacts: the iteration controls, plus what to compute and progress. */
export interface ImpactOptions extends Partial<EngineOptions> {
  /** Only these links (the others are NaN): the benchmark samples the costly ones. */
  readonly links?: ArrayLike<number> | undefined;
  readonly onProgress?: ImpactProgress | undefined;
  /** Filled with the downstream work done, when given. */
  readonly work?: ImpactWork | undefined;
}

function engineOptions(options: Partial<EngineOptions>): EngineOptions {
  return {
    tolerance: options.tolerance ?? ENGINE_DEFAULTS.tolerance,
    maxIterations: options.maxIterations ?? ENGINE_DEFAULTS.maxIterations,
  };
}

/** fixGain and failureLoss of every link for S; NaN (reported as null) when S is null. */
export function linkImpacts(
  chain: CompiledChain,
  evaluation: Evaluation,
  sensitivity: Sensitivity,
  options: ImpactOptions = {},
): LinkImpacts {
  const fixGain = new Float64Array(chain.linkCount);
  const failureLoss = new Float64Array(chain.linkCount);
  const { links } = options;
  if (evaluation.score === null || links !== undefined) {
    fixGain.fill(Number.NaN);
    failureLoss.fill(Number.NaN);
    if (evaluation.score === null) return { fixGain, failureLoss };
  }
  const affine = affineNodes(chain);
  const targets: ImpactTargets = { customers: 0, adjoints: null, score: sensitivity.adjoint };
  const run = createLaneRun(
    chain,
    evaluation,
    affine,
    engineOptions(options),
    targets,
    options.work,
  );
  const grouped = linksByNode(chain, links, (l) => {
    const x = linkValue(chain, l);
    if (isAffineLink(chain, affine, l)) {
      const s = sensitivity.link[l]!;
      fixGain[l] = s * (1 - x);
      failureLoss[l] = s * x;
      return false;
    }
    fixGain[l] = 0;
    failureLoss[l] = 0;
    return true;
  });
  // Progress counts every link asked for; the affine ones are done already.
  const total = links === undefined ? chain.linkCount : links.length;
  const progress = progressTicker(options.onProgress, total);
  const batch = createLaneBatch(1);
  let done = 2 * (total - grouped.links.length);
  runAllLanes(chain, run, grouped, batch, (lanes) => {
    for (let j = 0; j < lanes; j++) {
      const l = batch.links[j]!;
      if (batch.xs[j] === 1) fixGain[l] = batch.out[j]!;
      else failureLoss[l] = -batch.out[j]!;
    }
    done += lanes;
    progress.tick(done >> 1);
  });
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

/** Optional inputs of forEachLinkCustomerImpact. */
export interface CustomerImpactSettings {
  /** customerAdjoints' result, when the caller already has it (else computed here). */
  readonly adjoints?: Float64Array;
  /** Progress of the per-link loop. */
  readonly onProgress?: ImpactProgress | undefined;
  /**
   * S's sensitivity (scoreSensitivity; only when S is not null): then S's fixGain / failureLoss
   * are computed too, as S's column of the same lanes, equal bit for bit to linkImpacts', and
   * returned. (The customers' figures on affine links come from the frontier, lambda_c,v (s'_v -
   * s_v): equal to S's shortcut s (1 - x) only to rounding, even with a single customer.)
   */
  readonly score?: Sensitivity;
  /** Filled with the downstream work done, when given. */
  readonly work?: ImpactWork | undefined;
  /**
   * The traversed links' lanes, already run (traversedLanes' ranges covering every batch once,
   * in any order, e.g. on worker threads): used as they are instead of running the traversals
   * here. Not joined into one: on a large model the lanes are hundreds of megabytes.
   */
  readonly lanes?: readonly LaneBatch[] | undefined;
}

/** What the lanes of forEachLinkCustomerImpact and traversedLanes are run with. */
function laneSetup(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions,
  settings: CustomerImpactSettings,
) {
  const customers = chain.customerCount;
  const adjoints = settings.adjoints ?? customerAdjoints(chain, evaluation, options);
  const affine = affineNodes(chain);
  const score = settings.score;
  const targets: ImpactTargets = { customers, adjoints, score: score?.adjoint ?? null };
  const columns = columnsOf(targets);
  const rows = adjointRows(chain, affine, targets);
  const run = createLaneRun(chain, evaluation, affine, options, targets, settings.work, rows);
  // Links whose node is not A need a traversal: run by node (runAllLanes' batches).
  const traversed = linksByNode(chain, undefined, (l) => affine[linkNode(chain, l)] === 0);
  return { customers, affine, score, targets, columns, rows, run, traversed };
}

/** The traversed lanes of forEachLinkCustomerImpact, prepared once, run batch range by range. */
export interface TraversedLanes {
  /** How many batches there are (runAllLanes' ordinals 0 .. batches - 1). */
  readonly batches: number;
  /** Targets per lane: every customer, then S when it is a column. */
  readonly columns: number;
  /**
   * The lanes of batches `from .. to` (in batch order; lane j's columns at out[j * columns ..]):
   * each batch computed exactly as the whole pass computes it, so that the ranges of any split,
   * put together, are the pass's own lanes bit for bit.
   */
  run(from: number, to: number): LaneBatch;
}

/** A LaneRun for counting batches only: runAllLanes never calls it when no batch is chosen. */
const NO_RUN: LaneRun = Object.assign(() => {}, { many: () => {} });

/**
 * How many batches and lanes traversedLanes has for this chain (whatever its settings): what a
 * caller splits into ranges, without the adjoints and lane buffers the lanes themselves need.
 */
export function traversedBatches(chain: CompiledChain): { batches: number; lanes: number } {
  const affine = affineNodes(chain);
  const traversed = linksByNode(chain, undefined, (l) => affine[linkNode(chain, l)] === 0);
  const batches = runAllLanes(
    chain,
    NO_RUN,
    traversed,
    createLaneBatch(0),
    () => {},
    () => false,
  );
  return { batches, lanes: laneCount(chain, traversed.links, 0, traversed.links.length) };
}

/**
 * The traversals of forEachLinkCustomerImpact (same settings: `adjoints`, `score`, `work`) as
 * batches that can be run apart: the batch sequence is a function of the chain alone, and each
 * batch's traversal starts from the evaluation, never from another batch.
 */
export function traversedLanes(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions,
  settings: CustomerImpactSettings = {},
): TraversedLanes {
  const { columns, run, traversed } = laneSetup(chain, evaluation, options, settings);
  const batch = createLaneBatch(columns);
  const batches = runAllLanes(
    chain,
    run,
    traversed,
    batch,
    () => {},
    () => false,
  );
  return {
    batches,
    columns,
    run: (from, to) => {
      const parts: LaneBatch[] = [];
      const keep = (lanes: number) => {
        parts.push({
          links: batch.links.slice(0, lanes),
          xs: batch.xs.slice(0, lanes),
          out: batch.out.slice(0, lanes * columns),
        });
      };
      runAllLanes(chain, run, traversed, batch, keep, (ordinal) => ordinal >= from && ordinal < to);
      return joinLanes(parts, columns);
    },
  };
}

/** Lane batches one after another, as one. */
export function joinLanes(parts: readonly LaneBatch[], columns: number): LaneBatch {
  let lanes = 0;
  for (const part of parts) lanes += part.links.length;
  const joined = {
    links: new Int32Array(lanes),
    xs: new Float64Array(lanes),
    out: new Float64Array(lanes * columns),
  };
  let at = 0;
  for (const part of parts) {
    joined.links.set(part.links, at);
    joined.xs.set(part.xs, at);
    joined.out.set(part.out, at * columns);
    at += part.links.length;
  }
  return joined;
}

/**
 * The per-customer form of linkImpacts, for every link at once: the customers' adjoints
 * (customerAdjoints), then the lanes of every node, the frontier spread over every customer's
 * adjoint and S's. `visit` is called in link order; the two arrays it receives are reused: copy
 * what you keep. With `settings.score`, S's own figures come out of the same lanes (returned;
 * null without it).
 */
export function forEachLinkCustomerImpact(
  chain: CompiledChain,
  evaluation: Evaluation,
  options: EngineOptions,
  visit: CustomerImpactVisitor,
  settings: CustomerImpactSettings = {},
): LinkImpacts | null {
  const setup = laneSetup(chain, evaluation, options, settings);
  const { customers, affine, score, targets, columns, rows, run, traversed } = setup;
  const progress = progressTicker(settings.onProgress, chain.linkCount);
  // The traversed links' lanes are kept in link slots.
  const slotOf = new Int32Array(chain.linkCount).fill(-1);
  traversed.links.forEach((l, i) => {
    slotOf[l] = i;
  });
  const kept = new Float64Array(traversed.links.length * 2 * columns);
  const batch = createLaneBatch(columns);
  const keep = (lanes: number, from: LaneBatch = batch) => {
    for (let j = 0; j < lanes; j++) {
      const at = (slotOf[from.links[j]!]! * 2 + (from.xs[j] === 1 ? 0 : 1)) * columns;
      copyColumns(from.out, j * columns, kept, at, columns);
    }
  };
  let done = 0;
  if (settings.lanes !== undefined)
    for (const part of settings.lanes) keep(part.links.length, part);
  else
    runAllLanes(chain, run, traversed, batch, (lanes) => {
      keep(lanes);
      done += lanes;
      progress.tick(done >> 1);
    });
  // Then every link in order: a link at an A node is its own frontier (affineLinkLanes, no
  // traversal), the others were kept.
  const lanes = new Float64Array(2 * columns);
  const fix = new Float64Array(customers);
  const failure = new Float64Array(customers);
  const impacts =
    score === undefined
      ? null
      : {
          fixGain: new Float64Array(chain.linkCount),
          failureLoss: new Float64Array(chain.linkCount),
        };
  let atNodes = 0;
  for (let l = 0; l < chain.linkCount; l++) {
    if (slotOf[l]! < 0) atNodes++;
    progress.tick(traversed.links.length + atNodes);
    const x = linkValue(chain, l);
    if (slotOf[l]! >= 0) copyColumns(kept, slotOf[l]! * 2 * columns, lanes, 0, 2 * columns);
    else affineLinkLanes(chain, evaluation.service, targets, rows, l, lanes);
    for (let c = 0; c < customers; c++) {
      fix[c] = lanes[c]!;
      failure[c] = 0 - lanes[columns + c]!;
    }
    if (impacts !== null) {
      if (isAffineLink(chain, affine, l)) {
        impacts.fixGain[l] = score!.link[l]! * (1 - x);
        impacts.failureLoss[l] = score!.link[l]! * x;
      } else {
        impacts.fixGain[l] = lanes[customers]!;
        impacts.failureLoss[l] = x === 0 ? 0 : -lanes[columns + customers]!;
      }
    }
    visit(l, fix, failure);
  }
  progress.end();
  return impacts;
}

/** Copies `count` numbers (a plain loop: no subarray object per link). */
function copyColumns(
  source: Float64Array,
  from: number,
  target: Float64Array,
  to: number,
  count: number,
): void {
  for (let i = 0; i < count; i++) target[to + i] = source[from + i]!;
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
