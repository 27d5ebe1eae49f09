/**
 * Comparing two models (docs/model.md, "Change over time"): what was added, removed and changed,
 * S and every customer's service before and after, the weakest links that moved, and the change
 * of S attributed to each change by its Shapley value: exact over at most `exactLimit` changes
 * (2^k evaluations of the compiled union model), else averaged over seeded random orderings.
 */
import { z } from 'zod';
import { ENGINE_DEFAULTS } from '../engine/index.js';
import type { Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import { type DefaultsOf, EngineOptionsSchema, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';
import { type AttributionChange, describePlayer } from './diff-changes.js';
import { allCoalitions, coalitionWorth } from './diff-eval.js';
import { type ModelChanges, modelChanges } from './model-changes.js';
import { evaluateModel } from './scenario-eval.js';
import { exactShapley, type ShapleyPart, sampledShapley } from './shapley.js';
import { unionOf } from './union-model.js';
import { type BeforeAfter, compareCustomers, type WhatIfCustomer } from './what-if.js';

/** Options of diffModels. */
export const DiffOptionsSchema = EngineOptionsSchema.extend({
  /** Exact Shapley values up to this many changes (2^k evaluations); beyond, sampled orderings. */
  exactLimit: z.int().min(0).max(20).optional(),
  /** How many random orderings the sampled attribution averages. */
  orderings: z.int().min(1).optional(),
  /** Seed of the sampled orderings (the same seed gives the same figures). */
  seed: z.int().optional(),
});

/** Options of diffModels. @useDeclaredType */
export type DiffOptions = z.input<typeof DiffOptionsSchema>;

/** Defaults of DiffOptions. */
export const DIFF_DEFAULTS: DefaultsOf<DiffOptions> = {
  tolerance: ENGINE_DEFAULTS.tolerance,
  maxIterations: ENGINE_DEFAULTS.maxIterations,
  exactLimit: 12,
  orderings: 200,
  seed: 1,
};

/** One change's share of the change of S. */
export interface AttributionPart {
  readonly change: AttributionChange;
  readonly contribution: number;
  /** Standard error of a sampled contribution; null when exact. */
  readonly spread: number | null;
}

/** How the attribution was computed. */
export interface AttributionMethod {
  readonly method: 'exact' | 'sampled';
  /** How many changes share the change of S. */
  readonly changes: number;
  /** Orderings averaged (sampled only), and their seed. */
  readonly orderings: number | null;
  readonly seed: number | null;
}

/** A customer whose weakest link is not the same after. */
export type WeakestLinkMove = Pick<WhatIfCustomer, 'id' | 'name' | 'weakestLink'>;

/** What diffModels returns. */
export interface DiffResult {
  readonly changes: ModelChanges;
  readonly score: BeforeAfter;
  /** Largest absolute service change first. */
  readonly customers: readonly WhatIfCustomer[];
  readonly weakestLinksMoved: readonly WeakestLinkMove[];
  /**
   * The change of S shared out over the changes, largest share first; the contributions add up
   * to `score.after - score.before`. Null when S is null on either side.
   */
  readonly attribution: readonly AttributionPart[] | null;
  readonly attributionMethod: AttributionMethod;
  /** The warnings of the model after. */
  readonly warnings: readonly Warning[];
}

/** Compares two valid models; throws ServiceChainError if either is invalid or an option is. */
export function diffModels(
  beforeInput: Model,
  afterInput: Model,
  options: DiffOptions = {},
): DiffResult {
  const settings = resolveOptions(DiffOptionsSchema, DIFF_DEFAULTS, options);
  const before = ensureValidModel(beforeInput).model;
  const { model: after, warnings } = ensureValidModel(afterInput);
  const left = evaluateModel(before, settings, true);
  const right = evaluateModel(after, settings, true);
  const union = unionOf(before, after);
  const k = union.players.length;
  const exact = k <= settings.exactLimit;
  const method: AttributionMethod = {
    method: exact ? 'exact' : 'sampled',
    changes: k,
    orderings: exact ? null : settings.orderings,
    seed: exact ? null : settings.seed,
  };
  const customers = compareCustomers(left, right);
  const scored = left.evaluation.score !== null && right.evaluation.score !== null;
  let attribution: AttributionPart[] | null = null;
  if (scored) {
    const worth = coalitionWorth(union, settings);
    const parts: ShapleyPart[] = exact
      ? exactShapley(k, allCoalitions(union, worth))
      : sampledShapley(k, worth, settings.orderings, settings.seed);
    attribution = parts
      .map((part, p) => ({
        change: describePlayer(union, union.players[p]!),
        contribution: part.value,
        spread: part.spread,
      }))
      // Stable: equal shares keep the order of the changes.
      .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  }
  const a = right.evaluation.score;
  const b = left.evaluation.score;
  return {
    changes: modelChanges(before, after),
    score: { before: b, after: a, change: a === null || b === null ? null : a - b },
    customers,
    weakestLinksMoved: customers
      .filter((customer) => customer.weakestLink.changed)
      .map(({ id, name, weakestLink }) => ({ id, name, weakestLink })),
    attribution,
    attributionMethod: method,
    warnings,
  };
}
