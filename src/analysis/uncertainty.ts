/**
 * `uncertainty(model, options)`: the Monte Carlo of docs/uncertainty.md, "Monte Carlo". Every
 * estimate is drawn independently per sample from a seeded generator; S, each customer's service
 * and chain strength and each link's fix gain are summarised by their mean and 90% interval, the
 * ranking of fixes by the probability of each link being first and in the top ranks, and each
 * customer's weakest link by how often each link is it.
 */
import {
  type CompiledChain,
  createSampleFixGains,
  type EngineOptions,
  propagate,
  sampleFixGains,
  scoreSensitivity,
  surelyBelow,
} from '../engine/index.js';
import { ensureValidModel } from '../model/load.js';
import type { Model } from '../model/schema.js';
import { NEGLIGIBLE_FACTOR, topLinks, weakestLinkRef } from './rankings.js';
import type { TaskRunner } from './task-runner.js';
import {
  type ResolvedUncertaintyOptions,
  resolveUncertaintyOptions,
  type UncertaintyOptions,
} from './uncertainty-options.js';
import {
  fixPass,
  samplePass,
  type UncertaintyContext,
  type UncertaintySettings,
  uncertaintyContext,
} from './uncertainty-passes.js';
import type {
  CustomerUncertainty,
  LinkUncertainty,
  UncertaintyReport,
  WeakestLinkChance,
} from './uncertainty-report.js';
import { summarise } from './uncertainty-stats.js';
import { mergeTallies, type UncertaintyTally } from './uncertainty-tally.js';

export {
  UNCERTAINTY_DEFAULTS,
  type UncertaintyOptions,
} from './uncertainty-options.js';

/** The Monte Carlo of a model's estimates. Throws ServiceChainError on an invalid model or option. */
export function uncertainty(input: Model, options?: UncertaintyOptions): UncertaintyReport {
  const start = begin(input, options);
  const { model } = start;
  const { context, resolved, keep } = start;
  const tick = progressOf(resolved);
  const tally = samplePass(context, { from: 0, to: resolved.samples, keep }, tick.sample);
  const links = secondPassLinks(start, tally);
  const values =
    links.length === 0
      ? new Float64Array(0)
      : fixPass(context, { from: 0, to: resolved.samples, links }, tick.sample);
  return finish(model, start, tally, links, values);
}

/**
 * The same Monte Carlo with its samples spread over `runner` (worker threads at the Node edge):
 * the same figures, to the bit, whatever the runner and however many tasks run at once.
 */
export async function uncertaintyOn(
  input: Model,
  runner: TaskRunner,
  options?: UncertaintyOptions,
): Promise<UncertaintyReport> {
  const start = begin(input, options);
  const { model } = start;
  const { resolved, keep, settings } = start;
  const tick = progressOf(resolved);
  const ranges = sampleRanges(resolved.samples, runner.parallel);
  const shared = { model, settings };
  const run = (payloads: unknown[]) => runner.run('uncertainty', shared, payloads, tick.sample);
  const parts = await run(ranges.map(([from, to]) => ({ pass: 1, from, to, keep })));
  const tally = mergeTallies(start.context.chain, parts as UncertaintyTally[]);
  const links = secondPassLinks(start, tally);
  let values: Float64Array = new Float64Array(0);
  if (links.length > 0) {
    const pieces = (await run(
      ranges.map(([from, to]) => ({ pass: 2, from, to, links })),
    )) as Float64Array[];
    values = joinRanges(pieces, ranges, links.length, resolved.samples);
  }
  return finish(model, start, tally, links, values);
}

/** What both forms share before sampling. */
interface Start {
  /** The validated model: every figure is computed from it, never from the caller's object. */
  readonly model: Model;
  readonly context: UncertaintyContext;
  readonly resolved: ResolvedUncertaintyOptions;
  readonly settings: UncertaintySettings;
  /** The links whose fix gains pass 1 keeps per sample: the point analysis' largest. */
  readonly keep: number[];
}

/** How many links beyond the listed count pass 1 keeps, as a multiple: pass 2 is rarely needed. */
const KEEP_FACTOR = 4;

function begin(input: Model, options: UncertaintyOptions | undefined): Start {
  const resolved = resolveUncertaintyOptions(options);
  const { model } = ensureValidModel(input);
  const engine: EngineOptions = {
    tolerance: resolved.tolerance,
    maxIterations: resolved.maxIterations,
  };
  const settings = {
    seed: resolved.seed,
    topRank: resolved.topRank,
    links: resolved.links,
    engine,
  };
  const context = uncertaintyContext(model, settings);
  const count = KEEP_FACTOR * Math.max(resolved.links, resolved.topRank);
  const keep = topLinks(pointFixGains(context, count), count);
  return { model, context, resolved, settings, keep };
}

/** Progress per sample over both passes (the second counted only when it runs). */
function progressOf(resolved: ResolvedUncertaintyOptions) {
  let done = 0;
  const report = resolved.onProgress;
  return {
    sample: () => {
      done++;
      report?.(Math.min(done, resolved.samples), resolved.samples);
    },
  };
}

/** The point analysis' fix gains, exact for the `count` largest (NaN elsewhere, and when S is null). */
function pointFixGains(context: UncertaintyContext, count: number): Float64Array {
  const { chain, structure, settings } = context;
  const evaluation = propagate(chain, settings.engine);
  const gains = createSampleFixGains(chain);
  if (evaluation.score === null) return gains.fixGain.fill(Number.NaN);
  const sensitivity = scoreSensitivity(chain, evaluation, settings.engine);
  const floor = NEGLIGIBLE_FACTOR * settings.engine.tolerance;
  sampleFixGains(
    chain,
    evaluation,
    sensitivity,
    structure,
    settings.engine,
    { rank: count, floor },
    gains,
  );
  return gains.fixGain;
}

/** `samples` split into about four ranges per task at once (one range when in-process). */
function sampleRanges(samples: number, parallel: number): [number, number][] {
  const parts = Math.min(samples, parallel <= 1 ? 1 : 4 * parallel);
  return Array.from({ length: parts }, (_, i) => [
    Math.floor((i * samples) / parts),
    Math.floor(((i + 1) * samples) / parts),
  ]);
}

/** Link-major pieces of consecutive ranges as one link-major array of every sample. */
function joinRanges(
  pieces: readonly Float64Array[],
  ranges: readonly [number, number][],
  links: number,
  samples: number,
): Float64Array {
  const values = new Float64Array(links * samples);
  pieces.forEach((piece, r) => {
    const [from, to] = ranges[r]!;
    for (let i = 0; i < links; i++)
      values.set(piece.subarray(i * (to - from), (i + 1) * (to - from)), i * samples + from);
  });
  return values;
}

/**
 * The links that might be listed but lack a fix gain in some sample: every link in the top ranks
 * in some sample, and every link whose mean could reach the `links` largest (its mean with each
 * skipped sample at its bound, against the `links`-th largest mean with each at 0).
 */
function secondPassLinks(start: Start, tally: UncertaintyTally): number[] {
  const { chain } = start.context;
  const samples = tally.to - tally.from;
  const floor = NEGLIGIBLE_FACTOR * start.settings.engine.tolerance;
  const lower = Float64Array.from(tally.fixSum, (sum, l) =>
    tally.fixMissing[l] === 1 ? Number.NaN : sum / samples,
  );
  const ranked = topLinks(lower, start.resolved.links);
  const threshold =
    ranked.length < start.resolved.links ? floor : lower[ranked[ranked.length - 1]!]!;
  const kept = new Set(start.keep);
  const links: number[] = [];
  for (let l = 0; l < chain.linkCount; l++) {
    if (kept.has(l) || tally.fixMissing[l] === 1) continue;
    const upper = (tally.fixSum[l]! + tally.fixUpper[l]!) / samples;
    if (tally.inTop[l]! > 0 || !surelyBelow(upper, threshold, start.settings.engine.tolerance))
      links.push(l);
  }
  return links;
}
/** The report from the merged tally and pass 2's fix gains of `links` (link-major). */
function finish(
  model: Model,
  start: Start,
  tally: UncertaintyTally,
  links: readonly number[],
  values: Float64Array,
): UncertaintyReport {
  const { chain, plan } = start.context;
  const { samples, seed, topRank } = start.resolved;
  const perSample = new Map<number, Float64Array>();
  start.keep.forEach((l, i) => {
    perSample.set(l, tally.kept.subarray(i * samples, (i + 1) * samples));
  });
  links.forEach((l, i) => {
    perSample.set(l, values.subarray(i * samples, (i + 1) * samples));
  });
  const listed: LinkUncertainty[] = listedLinks(tally, perSample, start.resolved.links).map(
    (l) => ({
      link: weakestLinkRef(chain, l)!,
      fixGain: tally.fixMissing[l] === 1 ? null : summarise(perSample.get(l)!),
      firstFix: tally.first[l]! / samples,
      inTop: tally.inTop[l]! / samples,
    }),
  );
  return {
    samples,
    seed,
    estimates: plan.count,
    topRank,
    score: summarise(tally.score),
    customers: customerFigures(model, chain, tally),
    links: listed,
  };
}

/**
 * The links listed: every link in the top ranks in some sample, and the `count` largest by mean
 * fix gain; by firstFix, inTop, mean fix gain (largest first), then link order. Means are summed
 * in sample order from the per-sample fix gains, so they do not depend on how samples were split;
 * every link that might be among the `count` largest has them (secondPassLinks).
 */
function listedLinks(
  tally: UncertaintyTally,
  perSample: ReadonlyMap<number, Float64Array>,
  count: number,
): number[] {
  const mean = new Float64Array(tally.fixSum.length).fill(Number.NaN);
  for (const [l, values] of perSample) {
    if (tally.fixMissing[l] === 1) continue;
    let sum = 0;
    for (let s = 0; s < values.length; s++) if (Number.isFinite(values[s]!)) sum += values[s]!;
    mean[l] = sum / values.length;
  }
  const chosen = new Set(topLinks(mean, count));
  for (let l = 0; l < mean.length; l++) if (tally.inTop[l]! > 0) chosen.add(l);
  const key = (l: number) => (Number.isNaN(mean[l]!) ? Number.NEGATIVE_INFINITY : mean[l]!);
  return [...chosen].sort(
    (x, y) =>
      tally.first[y]! - tally.first[x]! ||
      tally.inTop[y]! - tally.inTop[x]! ||
      key(y) - key(x) ||
      x - y,
  );
}

/** Each customer's service and chain strength, and its weakest links by how often. */
function customerFigures(
  model: Model,
  chain: CompiledChain,
  tally: UncertaintyTally,
): CustomerUncertainty[] {
  const samples = tally.to - tally.from;
  return (model.customers ?? []).map((customer, i) => {
    const slice = (values: Float64Array) => values.subarray(i * samples, (i + 1) * samples);
    const pairs = tally.weakest[i]!;
    const counts: [number, number][] = [];
    for (let j = 0; j < pairs.length; j += 2) counts.push([pairs[j]!, pairs[j + 1]!]);
    const weakestLinks: WeakestLinkChance[] = counts
      .sort(([x, n], [y, m]) => m - n || x - y)
      .map(([l, n]) => ({ link: weakestLinkRef(chain, l)!, probability: n / samples }));
    return {
      id: customer.id,
      name: customer.name ?? customer.id,
      service: summarise(slice(tally.service)),
      chainStrength: summarise(slice(tally.strength))!,
      weakestLinks,
    };
  });
}
