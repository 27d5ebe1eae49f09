/** Options of `calibrate` (docs/uncertainty.md, "Calibration"), merged over CALIBRATE_DEFAULTS. */
import { z } from 'zod';
import { ENGINE_DEFAULTS } from '../engine/index.js';
import {
  type DefaultsOf,
  EngineOptionsSchema,
  type ResolvedOptions,
  resolveOptions,
} from '../model/options.js';

/** The options of `calibrate` (every field optional, see CALIBRATE_DEFAULTS). */
export const CalibrateOptionsSchema = EngineOptionsSchema.extend({
  /**
   * The links to fit, by hand-off id, `from->to` or actor id; absent: every value given as an
   * estimate with a spread.
   */
  free: z.array(z.string().min(1)).optional(),
  /** At most this many steps of the fit: a whole number from 1 to 100,000. */
  maxSteps: z.int().min(1).max(100_000).optional(),
  /** The fit stops once a full scaled gradient step would move no value by more than this (>= 0). */
  fitTolerance: z.number().min(0).optional(),
  /** The weight of the prior term beside the observations (a number >= 0; 0: no prior). */
  priorWeight: z.number().min(0).optional(),
  /** The sd of the prior of a value freed by `free` that is a plain number (above 0, at most 1). */
  freeSd: z.number().gt(0).max(1).optional(),
});

/** Options of `calibrate`; every field optional, see CALIBRATE_DEFAULTS. @useDeclaredType */
export type CalibrateOptions = z.input<typeof CalibrateOptionsSchema>;

/** Every option of `calibrate` with a default. */
export type CalibrateDefaults = DefaultsOf<Omit<CalibrateOptions, 'free'>>;

/** Defaults of CalibrateOptions: 500 steps, tolerance 1e-9, prior weight 1, free sd 0.25. */
export const CALIBRATE_DEFAULTS: CalibrateDefaults = {
  ...ENGINE_DEFAULTS,
  maxSteps: 500,
  fitTolerance: 1e-9,
  priorWeight: 1,
  freeSd: 0.25,
};

/** CalibrateOptions once merged over CALIBRATE_DEFAULTS. */
export type ResolvedCalibrateOptions = ResolvedOptions<
  z.output<typeof CalibrateOptionsSchema>,
  CalibrateDefaults
>;

/** The options merged over the defaults; throws ServiceChainError `invalid_option` on a bad one. */
export function resolveCalibrateOptions(options: unknown): ResolvedCalibrateOptions {
  return resolveOptions(CalibrateOptionsSchema, CALIBRATE_DEFAULTS, options);
}
