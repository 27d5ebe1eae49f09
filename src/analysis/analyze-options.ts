/** Options of `analyze`: the engine's controls plus `top`, merged over ANALYZE_DEFAULTS. */
import { z } from 'zod';
import { ENGINE_DEFAULTS } from '../engine/index.js';
import {
  type DefaultsOf,
  EngineOptionsSchema,
  ProgressSchema,
  type ResolvedOptions,
  resolveOptions,
  TopSchema,
} from '../model/options.js';

/** The options of `analyze` (every field optional, see ANALYZE_DEFAULTS). */
export const AnalyzeOptionsSchema = EngineOptionsSchema.extend({
  /** How many links each ranking keeps. */
  top: TopSchema.optional(),
  /**
   * Told how far the exact fixGain / failureLoss pass (the long part on large models,
   * docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss") has got: `done` of `total` links, at most about 10 times a second
   * and once at the end. Not part of the report; no default (no progress is reported).
   */
  onProgress: ProgressSchema.optional(),
  /**
   * A link's failure is listed in a customer's `failureAboveThreshold` when it loses more than
   * this share of the customer's service (docs/model.md, "Single points of failure").
   */
  spofThreshold: z.number().min(0).max(1).optional(),
  /**
   * The largest cut sets listed (docs/model.md, "Single points of failure"): 1, the single points
   * only; 2, also each top customer's pairs of links whose joint failure cuts it off.
   */
  cutSets: z.union([z.literal(1), z.literal(2)]).optional(),
  /** With `cutSets: 2`: how many customers, the largest by value, get their pairs searched. */
  cutSetCustomers: z.int().min(1).optional(),
  /** With `cutSets: 2`: pairs examined in all before the search stops (and says so). */
  cutSetPairLimit: z.int().min(1).optional(),
});

/** Options of `analyze`; every field optional, see ANALYZE_DEFAULTS. @useDeclaredType */
export type AnalyzeOptions = z.input<typeof AnalyzeOptionsSchema>;

/** Every option of `analyze` with a default value. */
export type DefaultedOptions = DefaultsOf<Omit<AnalyzeOptions, 'onProgress'>>;

/**
 * Defaults of AnalyzeOptions: the engine's iteration controls, ten links per ranking, a failure
 * that costs a customer more than half its service as the single-point threshold, and single
 * points only (with `cutSets: 2`, the top 3 customers' pairs, at most 20,000 pairs examined).
 */
export const ANALYZE_DEFAULTS: DefaultedOptions = {
  ...ENGINE_DEFAULTS,
  top: 10,
  spofThreshold: 0.5,
  cutSets: 1,
  cutSetCustomers: 3,
  cutSetPairLimit: 20_000,
};

/** AnalyzeOptions once merged over ANALYZE_DEFAULTS. */
export type ResolvedAnalyzeOptions = ResolvedOptions<
  z.output<typeof AnalyzeOptionsSchema>,
  DefaultedOptions
>;

/** The options merged over ANALYZE_DEFAULTS; throws ServiceChainError `invalid_option` on a bad one. */
export function resolveAnalyzeOptions(options: unknown): ResolvedAnalyzeOptions {
  return resolveOptions(AnalyzeOptionsSchema, ANALYZE_DEFAULTS, options);
}
