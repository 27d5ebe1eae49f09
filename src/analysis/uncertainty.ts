/**
 * `uncertainty(model, options)`: the Monte Carlo of docs/uncertainty.md, "Monte Carlo". Every
 * estimate is drawn independently per sample from a seeded generator; S, each customer's service
 * and chain strength and each link's fix gain are summarised by their mean and 90% interval, the
 * ranking of fixes by the probability of each link being first and in the top ranks, and each
 * customer's weakest link by how often each link is it.
 */
import {
  type CompiledChain,
  compileModel,
  type EngineOptions,
  linkImpacts,
  propagate,
  runSamples,
  samplePlan,
  scoreSensitivity,
} from '../engine/index.js';
import { ensureValidModel } from '../model/load.js';
import type { Model } from '../model/schema.js';
import { topLinks, weakestLinkRef } from './rankings.js';
import { resolveUncertaintyOptions, type UncertaintyOptions } from './uncertainty-options.js';
import type {
  CustomerUncertainty,
  LinkUncertainty,
  UncertaintyReport,
  WeakestLinkChance,
} from './uncertainty-report.js';
import { summarise } from './uncertainty-stats.js';
import { createTally, type UncertaintyTally } from './uncertainty-tally.js';

export {
  UNCERTAINTY_DEFAULTS,
  type UncertaintyOptions,
} from './uncertainty-options.js';

/** The Monte Carlo of a model's estimates. Throws ServiceChainError on an invalid model or option. */
export function uncertainty(input: Model, options?: UncertaintyOptions): UncertaintyReport {
  const resolved = resolveUncertaintyOptions(options);
  const { model } = ensureValidModel(input);
  const engine: EngineOptions = {
    tolerance: resolved.tolerance,
    maxIterations: resolved.maxIterations,
  };
  const chain = compileModel(model);
  const plan = samplePlan(model);
  const { samples, seed, topRank } = resolved;
  // Fix gains are kept per sample for the links the point analysis ranks highest: most often
  // those are the links listed, and any other is filled in by a second run of the same samples.
  const keep = topLinks(pointFixGains(chain, engine), Math.max(resolved.links, topRank));
  const tally = createTally(chain, samples, keep, topRank);
  const run = { seed, from: 0, to: samples, options: engine, onProgress: resolved.onProgress };
  runSamples(chain, plan, run, tally.visit);
  const listed = listedLinks(tally, resolved.links);
  const missing = listed.filter((l) => !tally.kept.has(l));
  const kept = new Map(tally.kept);
  if (missing.length > 0) {
    for (const l of missing) kept.set(l, new Float64Array(samples));
    runSamples(chain, plan, { ...run, links: missing, onProgress: undefined }, (view) => {
      for (const l of missing) kept.get(l)![view.sample] = view.fixGain[l]!;
    });
  }
  const links: LinkUncertainty[] = listed.map((l) => ({
    link: weakestLinkRef(chain, l)!,
    fixGain: tally.fixMissing[l] === 1 ? null : summarise(kept.get(l)!),
    firstFix: tally.first[l]! / samples,
    inTop: tally.inTop[l]! / samples,
  }));
  return {
    samples,
    seed,
    estimates: plan.count,
    topRank,
    score: summarise(tally.score),
    customers: customerFigures(model, chain, tally),
    links,
  };
}

/** The point analysis' fix gains (NaN when S is null). */
function pointFixGains(chain: CompiledChain, engine: EngineOptions): Float64Array {
  const evaluation = propagate(chain, engine);
  const sensitivity = scoreSensitivity(chain, evaluation, engine);
  return linkImpacts(chain, evaluation, sensitivity, engine).fixGain;
}

/**
 * The links listed: every link in the top ranks in some sample, and the `count` largest by mean
 * fix gain; by firstFix, inTop, mean fix gain (largest first), then link order.
 */
function listedLinks(tally: UncertaintyTally, count: number): number[] {
  const mean = Float64Array.from(tally.fixSum, (sum, l) =>
    tally.fixMissing[l] === 1 ? Number.NaN : sum / tally.samples,
  );
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
  const { samples } = tally;
  return (model.customers ?? []).map((customer, i) => {
    const slice = (values: Float64Array) => values.subarray(i * samples, (i + 1) * samples);
    const weakestLinks: WeakestLinkChance[] = [...tally.weakest[i]!]
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
