/** Options of `analyze`: flat, merged over ANALYZE_DEFAULTS, unknown keys rejected. */
import { z } from 'zod';
import { resolveOptions } from '../model/options.js';

/** Options of `analyze`; every field optional, see ANALYZE_DEFAULTS. */
export interface AnalyzeOptions {
  /** A cycle's iteration stops when max |change| <= tolerance (MODEL.md section 2). */
  readonly tolerance?: number;
  /** Iteration cap per cycle; reaching it gives `converged: false` and a `not_converged` warning. */
  readonly maxIterations?: number;
  /** How many links each ranking keeps. */
  readonly top?: number;
  /**
   * Told how far the exact fixGain / failureLoss pass (the long part on large models, MODEL.md
   * section 4) has got: `done` of `total` links, at most about 10 times a second and once at the
   * end. Not part of the report; no default (no progress is reported).
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The options that have a default (every one but onProgress). */
/** Every option of `analyze` with a default value. */
export type DefaultedOptions = Required<Omit<AnalyzeOptions, 'onProgress'>>;

/** AnalyzeOptions once merged over ANALYZE_DEFAULTS. */
export type ResolvedAnalyzeOptions = DefaultedOptions & Pick<AnalyzeOptions, 'onProgress'>;

/** Defaults of AnalyzeOptions. */
export const ANALYZE_DEFAULTS: DefaultedOptions = {
  tolerance: 1e-12,
  maxIterations: 10_000,
  top: 10,
};

const AnalyzeOptionsSchema = z.strictObject({
  tolerance: z.number().min(0).optional(),
  maxIterations: z.int().min(1).optional(),
  top: z.int().min(0).optional(),
  onProgress: z
    .custom<(done: number, total: number) => void>((value) => typeof value === 'function', {
      message: 'must be a function (done, total) => void',
    })
    .optional(),
});

/** The options merged over ANALYZE_DEFAULTS; throws ServiceChainError `invalid_option` on a bad one. */
export function resolveAnalyzeOptions(options: unknown): ResolvedAnalyzeOptions {
  return resolveOptions(AnalyzeOptionsSchema, ANALYZE_DEFAULTS, options);
}
