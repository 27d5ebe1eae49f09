/**
 * Summaries of samples (docs/uncertainty.md, "Monte Carlo"): the mean and the 90% interval,
 * from the 5th to the 95th percentile, each percentile interpolated linearly between the two
 * nearest order statistics (position p (n - 1) in the sorted samples).
 */
import type { Interval } from './uncertainty-report.js';

/** The lower and upper percentiles of the 90% interval. */
export const INTERVAL_PERCENTILES = [0.05, 0.95] as const;

/** The p-quantile of ascending `sorted` (n >= 1), interpolated at position p (n - 1). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lo = sorted[below]!;
  return lo + (position - below) * (sorted[above]! - lo);
}

/**
 * Mean, 5th and 95th percentile of samples (sorts a copy); null when any sample is not finite
 * (a figure with no value in some sample has no honest summary).
 */
export function summarise(samples: ArrayLike<number>): Interval | null {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isFinite(sorted[i]!)) return null;
    sum += sorted[i]!;
  }
  if (sorted.length === 0) return null;
  // The mean of values in [lo, hi] can round just outside them; the interval holds it.
  const mean = Math.min(sorted[sorted.length - 1]!, Math.max(sorted[0]!, sum / sorted.length));
  return {
    mean,
    low: quantile(sorted, INTERVAL_PERCENTILES[0]),
    high: quantile(sorted, INTERVAL_PERCENTILES[1]),
  };
}
