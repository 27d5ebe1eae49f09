/**
 * `survey --estimates` (docs/uncertainty.md, "Estimates from a survey"): a surveyed hand-off's
 * quality written as the estimate its aggregates give, `{ mean, sd }`, a Beta on [0, 1] matched to
 * the quality the means give and the standard error of that quality. The quality is a weighted
 * mean of the dimensions' shares, so (dimensions independent) its sd is
 * sqrt(sum_k w_k^2 sd_k^2), w_k the normalised priorities and sd_k a dimension share's standard
 * error: se_k / (max - min) for a plain score, sqrt(se_E^2 + se_P^2) / (max - min) for an
 * expectation-gap pair.
 */
import type { RatingFrame } from '../model/defaults.js';
import type { EstimatedShare, Priorities } from '../model/schema.js';
import type { DimensionAggregate, ScoreStatistics } from './survey.js';

/**
 * A dimension's standard error, made sensible for few scores: a single score says little, so it
 * gets the sd of a score spread evenly over the scale, (max - min) / sqrt 12; and scores are whole
 * points, so a mean of n of them is known at best to sqrt(1 / 12) / sqrt n (its rounding).
 */
function standardError(statistics: ScoreStatistics, span: number): number {
  if (statistics.standardError === null) return span / Math.sqrt(12);
  return Math.max(statistics.standardError, Math.sqrt(1 / 12) / Math.sqrt(statistics.count));
}

/** The weights of the quality, as qualityFromRatings applies them (summing to 1). */
function weights(aggregates: readonly DimensionAggregate[], priorities: Priorities | undefined) {
  const raw = aggregates.map((a) =>
    priorities !== undefined && Object.hasOwn(priorities, a.dimension)
      ? priorities[a.dimension]!
      : 1,
  );
  const largest = Math.max(...raw);
  const scaled = raw.map((w) => (largest > 0 ? w / largest : 0));
  const total = scaled.reduce((sum, w) => sum + w, 0);
  return total > 0 ? scaled.map((w) => w / total) : scaled.map(() => 1 / scaled.length);
}

/** Rounded to `decimals`; down with `down` (an sd must stay below its bound). */
function round(value: number, decimals: number, down = false): number {
  const factor = 10 ** decimals;
  return (down ? Math.floor(value * factor) : Math.round(value * factor)) / factor;
}

/**
 * The estimate of a surveyed hand-off's quality: `quality` (from the exact means) and its sd, both
 * rounded to `decimals`; the sd kept below sqrt(mean (1 - mean)), so that the Beta exists (a mean
 * of exactly 0 or 1 is then exact).
 */
export function surveyEstimate(
  quality: number,
  aggregates: readonly DimensionAggregate[],
  frame: RatingFrame,
  priorities: Priorities | undefined,
  decimals: number,
): EstimatedShare {
  const span = frame.scale.max - frame.scale.min;
  const w = weights(aggregates, priorities);
  let variance = 0;
  aggregates.forEach((a, k) => {
    const perceived = standardError(a, span) / span;
    const expected = a.expected === null ? 0 : standardError(a.expected, span) / span;
    variance += w[k]! ** 2 * (perceived ** 2 + expected ** 2);
  });
  const mean = round(quality, decimals);
  const bound = mean * (1 - mean);
  let sd = round(Math.sqrt(variance), decimals);
  if (sd * sd >= bound) {
    sd = round(Math.sqrt(bound), decimals, true);
    while (sd > 0 && sd * sd >= bound) sd = round(sd - 10 ** -decimals, decimals);
  }
  return { mean, sd: Math.max(0, sd) };
}
