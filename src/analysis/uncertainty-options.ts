/** Options of `uncertainty` (docs/uncertainty.md, "Monte Carlo"), merged over UNCERTAINTY_DEFAULTS. */
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

/** The options of `uncertainty` (every field optional, see UNCERTAINTY_DEFAULTS). */
export const UncertaintyOptionsSchema = EngineOptionsSchema.extend({
  /** How many samples to draw: a whole number from 1 to 10,000,000. */
  samples: z.int().min(1).max(10_000_000).optional(),
  /** The generator's seed: a whole number from 0 to 4,294,967,295; the same seed gives the same figures. */
  seed: z.int().min(0).max(4_294_967_295).optional(),
  /** How many links the `links` list keeps beyond those that reach the top ranks in some sample. */
  links: TopSchema.optional(),
  /** The ranks counted by `inTop`: P(link among the first `topRank` fixes). */
  topRank: TopSchema.optional(),
  /** Told after each sample: `done` of `total` samples. Not part of the result. */
  onProgress: ProgressSchema.optional(),
});

/** Options of `uncertainty`; every field optional, see UNCERTAINTY_DEFAULTS. @useDeclaredType */
export type UncertaintyOptions = z.input<typeof UncertaintyOptionsSchema>;

/** Every option of `uncertainty` with a default. */
export type UncertaintyDefaults = DefaultsOf<Omit<UncertaintyOptions, 'onProgress'>>;

/** Defaults of UncertaintyOptions: 2,000 samples, seed 1, ten links, the top five ranks. */
export const UNCERTAINTY_DEFAULTS: UncertaintyDefaults = {
  ...ENGINE_DEFAULTS,
  samples: 2000,
  seed: 1,
  links: 10,
  topRank: 5,
};

/** UncertaintyOptions once merged over UNCERTAINTY_DEFAULTS. */
export type ResolvedUncertaintyOptions = ResolvedOptions<
  z.output<typeof UncertaintyOptionsSchema>,
  UncertaintyDefaults
>;

/** The options merged over the defaults; throws ServiceChainError `invalid_option` on a bad one. */
export function resolveUncertaintyOptions(options: unknown): ResolvedUncertaintyOptions {
  return resolveOptions(UncertaintyOptionsSchema, UNCERTAINTY_DEFAULTS, options);
}
