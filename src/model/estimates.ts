/**
 * The one rule that turns an estimated share into the number every point analysis reads
 * (docs/uncertainty.md, "Estimates"): the estimate's mean. Everything that reads `quality`,
 * `performance` or `welfare` from a model goes through `pointValue`; the Monte Carlo sampler reads
 * the whole distribution through `estimateOf`.
 */
import type { EstimatedShare } from './schema.js';

/** A share's distribution: exact, a Beta with shape `alpha`, `beta`, or uniform on [low, high]. */
export type Estimate =
  | { readonly kind: 'exact'; readonly value: number }
  | {
      readonly kind: 'beta';
      readonly mean: number;
      readonly sd: number;
      readonly alpha: number;
      readonly beta: number;
    }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number };

/** The number the point analysis uses: the value itself, or the estimate's mean. */
export function pointValue(share: EstimatedShare): number;
/** As above; absent stays absent (the caller applies its default). */
export function pointValue(share: EstimatedShare | undefined): number | undefined;
export function pointValue(share: EstimatedShare | undefined): number | undefined {
  if (share === undefined || typeof share === 'number') return share;
  if ('mean' in share) return share.mean;
  return (share.low + share.high) / 2;
}

/**
 * A share's distribution. `{ mean, sd }` is the Beta with that mean and variance:
 * alpha + beta = mean (1 - mean) / sd^2 - 1 (docs/uncertainty.md, "Estimates"); sd 0, or a
 * zero-width interval, is exact.
 */
export function estimateOf(share: EstimatedShare): Estimate {
  if (typeof share === 'number') return { kind: 'exact', value: share };
  if ('mean' in share) {
    const { mean, sd } = share;
    if (sd === 0) return { kind: 'exact', value: mean };
    const total = (mean * (1 - mean)) / (sd * sd) - 1;
    const alpha = mean * total;
    const beta = (1 - mean) * total;
    // An sd whose square underflows, or a mean so near 0 or 1 that a shape does, leaves no
    // spread a double can hold: the value is exact.
    const finite = Number.isFinite(alpha) && Number.isFinite(beta);
    if (!finite || !(alpha > 0 && beta > 0)) return { kind: 'exact', value: mean };
    return { kind: 'beta', mean, sd, alpha, beta };
  }
  if (share.low === share.high) return { kind: 'exact', value: share.low };
  return { kind: 'uniform', low: share.low, high: share.high };
}

/** Whether a share is given as an estimate with some spread (not a plain number). */
export function isUncertain(share: EstimatedShare | undefined): boolean {
  return share !== undefined && estimateOf(share).kind !== 'exact';
}

/** The standard deviation of a share's distribution (0 when exact). */
export function spreadOf(share: EstimatedShare): number {
  const estimate = estimateOf(share);
  if (estimate.kind === 'beta') return estimate.sd;
  if (estimate.kind === 'uniform') return (estimate.high - estimate.low) / Math.sqrt(12);
  return 0;
}
