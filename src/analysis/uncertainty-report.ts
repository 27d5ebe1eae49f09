/** The shape of the Monte Carlo result (docs/uncertainty.md, "Monte Carlo"): `analyze --uncertainty`'s `uncertainty` key. */
import type { WeakestLink } from './report.js';

/** A figure over the samples: its mean and its 90% interval (5th to 95th percentile). */
export interface Interval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** How often a link was some customer's weakest link. */
export interface WeakestLinkChance {
  readonly link: WeakestLink;
  readonly probability: number;
}

/** One customer over the samples. */
export interface CustomerUncertainty {
  readonly id: string;
  readonly name: string;
  /** s_c; null when the customer is not scored. */
  readonly service: Interval | null;
  readonly chainStrength: Interval;
  /** Every link that was this customer's weakest in some sample, most often first. */
  readonly weakestLinks: readonly WeakestLinkChance[];
}

/** One link over the samples. */
export interface LinkUncertainty {
  /** The link, a hand-off with its two ends. */
  readonly link: WeakestLink;
  /** fixGain for S; null where some sample has none (an infinite derivative). */
  readonly fixGain: Interval | null;
  /** P(this link is the first fix): the largest fix gain above 0, ties in declaration order. */
  readonly firstFix: number;
  /** P(this link is among the first `topRank` fixes). */
  readonly inTop: number;
}

/** The Monte Carlo over a model's estimates. */
export interface UncertaintyReport {
  readonly samples: number;
  readonly seed: number;
  /** How many values are estimates with a spread (the ones drawn). */
  readonly estimates: number;
  /** The ranks `inTop` counts. */
  readonly topRank: number;
  /** S over the samples; null when no customer is scored. */
  readonly score: Interval | null;
  readonly customers: readonly CustomerUncertainty[];
  /**
   * The links most often first to fix: every link in the top ranks in some sample, and the
   * `links` largest by mean fix gain; by firstFix, then inTop, then mean fix gain, then link order.
   */
  readonly links: readonly LinkUncertainty[];
}
