/**
 * The fix gains one Monte Carlo sample needs (docs/uncertainty.md, "Monte Carlo"): exact where
 * the sample can rank them, skipped where it provably cannot. A link at which S is affine has its
 * exact fixGain = s (1 - x) at once (affine.ts); every other link is bounded (fix-bound.ts) and
 * recomputed exactly (one downstream traversal per node, its links as lanes: impact-lanes.ts, the
 * same arithmetic as linkImpacts, so the same bits) only while its bound can still reach the
 * `rank` largest fix gains found. Only fix lanes travel (x := 1): the Monte Carlo has no use for
 * failure losses.
 */
import { affineNodes, isAffineLink } from './affine.js';
import { fixGainBounds, surelyBelow } from './fix-bound.js';
import { createLaneBatch, linksByNode } from './impact-batches.js';
import { createLaneRun, type LaneRun, MAX_LANES } from './impact-lanes.js';
import { linkValue } from './links.js';
import type { CompiledChain, EngineOptions, Evaluation, Sensitivity } from './types.js';

/** What is fixed by the chain's structure: computed once per run, shared by every sample. */
export interface FixStructure {
  readonly affine: Uint8Array;
  /** 1 where S is affine in the link (affine.ts, isAffineLink). */
  readonly affineLink: Uint8Array;
}

/** The structure of `chain` for sampleFixGains. */
export function fixStructure(chain: CompiledChain): FixStructure {
  const affine = affineNodes(chain);
  const affineLink = new Uint8Array(chain.linkCount);
  for (let l = 0; l < chain.linkCount; l++) affineLink[l] = isAffineLink(chain, affine, l) ? 1 : 0;
  return { affine, affineLink };
}

/** Which fix gains to make exact. */
export interface FixRequest {
  /** The ranks that must be exact: every link that can be among the `rank` largest is. */
  readonly rank: number;
  /** A fix gain at or below this never ranks (the rankings' negligible size). */
  readonly floor: number;
  /** Links computed exactly whatever their bound. */
  readonly always?: ArrayLike<number> | undefined;
  /** Only these links (the others skipped, bound +Infinity); all links when absent. */
  readonly only?: ArrayLike<number> | undefined;
}

/** One sample's fix gains: exact, or skipped with a bound. */
export interface SampleFixGains {
  /** Exact fixGain (NaN where it has none, and where skipped). */
  readonly fixGain: Float64Array;
  /** 1 where skipped: then `bound` holds an upper bound of the fix gain (>= 0). */
  readonly skipped: Uint8Array;
  readonly bound: Float64Array;
}

/** Creates the reusable arrays of sampleFixGains. */
export function createSampleFixGains(chain: CompiledChain): SampleFixGains {
  return {
    fixGain: new Float64Array(chain.linkCount),
    skipped: new Uint8Array(chain.linkCount),
    bound: new Float64Array(chain.linkCount),
  };
}

/** Fills `into` for the evaluated chain (S not null), as the file comment says. */
export function sampleFixGains(
  chain: CompiledChain,
  evaluation: Evaluation,
  sensitivity: Sensitivity,
  structure: FixStructure,
  options: EngineOptions,
  request: FixRequest,
  into: SampleFixGains,
): void {
  const { fixGain, skipped, bound } = into;
  const best = createKthLargest(request.rank, request.floor);
  const pending: number[] = [];
  const wanted = request.only === undefined ? null : new Uint8Array(chain.linkCount);
  if (wanted !== null) for (let i = 0; i < request.only!.length; i++) wanted[request.only![i]!] = 1;
  for (let l = 0; l < chain.linkCount; l++) {
    skipped[l] = 0;
    bound[l] = 0;
    if (wanted !== null && wanted[l] === 0) {
      fixGain[l] = Number.NaN;
      skipped[l] = 1;
      bound[l] = Number.POSITIVE_INFINITY;
    } else if (structure.affineLink[l] === 1) {
      fixGain[l] = sensitivity.link[l]! * (1 - linkValue(chain, l));
      best.offer(fixGain[l]!);
    } else pending.push(l);
  }
  if (pending.length === 0) return;
  const bounds = fixGainBounds(chain, evaluation, options);
  const run = createLaneRun(chain, evaluation, structure.affine, options, {
    customers: 0,
    adjoints: null,
    score: sensitivity.adjoint,
  });
  const exact = (links: readonly number[]) => {
    computeFixLanes(chain, run, links, fixGain);
    for (const l of links) best.offer(fixGain[l]!);
  };
  const always = request.always ?? [];
  const forced = new Uint8Array(chain.linkCount);
  for (let i = 0; i < always.length; i++) forced[always[i]!] = 1;
  exact(pending.filter((l) => forced[l] === 1));
  // Largest bound first: each batch raises the threshold the rest must reach.
  const order = pending
    .filter((l) => forced[l] === 0)
    .sort((x, y) => bounds[y]! - bounds[x]! || x - y);
  let at = 0;
  let size = 64;
  while (
    at < order.length &&
    !surelyBelow(bounds[order[at]!]!, best.threshold(), options.tolerance)
  ) {
    const batch: number[] = [];
    while (
      at < order.length &&
      batch.length < size &&
      !surelyBelow(bounds[order[at]!]!, best.threshold(), options.tolerance)
    )
      batch.push(order[at++]!);
    exact(batch);
    size *= 2;
  }
  for (; at < order.length; at++) {
    const l = order[at]!;
    fixGain[l] = Number.NaN;
    skipped[l] = 1;
    bound[l] = bounds[l]!;
  }
}

/** Exact fix gains of `links` by lanes (x := 1 only), grouped by node as linkImpacts does. */
function computeFixLanes(
  chain: CompiledChain,
  run: LaneRun,
  links: readonly number[],
  fixGain: Float64Array,
): void {
  if (links.length === 0) return;
  const grouped = linksByNode(chain, links, (l) => {
    fixGain[l] = 0; // x = 1 already: nothing to gain, exactly
    return linkValue(chain, l) !== 1;
  });
  const batch = createLaneBatch(1);
  const { start } = grouped;
  for (let v = 0; v < chain.nodeCount; v++) {
    for (let i = start[v]!; i < start[v + 1]!; i += MAX_LANES) {
      const lanes = Math.min(MAX_LANES, start[v + 1]! - i);
      for (let j = 0; j < lanes; j++) {
        batch.links[j] = grouped.links[i + j]!;
        batch.xs[j] = 1;
      }
      run(v, batch.links, batch.xs, lanes, batch.out);
      for (let j = 0; j < lanes; j++) fixGain[batch.links[j]!] = batch.out[j]!;
    }
  }
}

/** The k-th largest value offered (above `floor`), or `floor` while fewer than k were. */
function createKthLargest(k: number, floor: number) {
  const top: number[] = [];
  return {
    offer(value: number): void {
      if (!(value > floor) || k <= 0) return;
      if (top.length === k && value <= top[k - 1]!) return;
      let i = top.length;
      while (i > 0 && top[i - 1]! < value) i--;
      top.splice(i, 0, value);
      if (top.length > k) top.pop();
    },
    threshold(): number {
      return top.length < k ? floor : top[k - 1]!;
    },
  };
}
