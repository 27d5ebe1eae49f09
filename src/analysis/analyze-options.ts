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
});

/** Options of `analyze`; every field optional, see ANALYZE_DEFAULTS. @useDeclaredType */
export type AnalyzeOptions = z.input<typeof AnalyzeOptionsSchema>;

/** Every option of `analyze` with a default value. */
export type DefaultedOptions = DefaultsOf<Omit<AnalyzeOptions, 'onProgress'>>;

/**
 * Defaults of AnalyzeOptions: the engine's iteration controls, ten links per ranking, and a
 * failure that costs a customer more than half its service as the single-point threshold.
 */
export const ANALYZE_DEFAULTS: DefaultedOptions = {
  ...ENGINE_DEFAULTS,
  top: 10,
  spofThreshold: 0.5,
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
