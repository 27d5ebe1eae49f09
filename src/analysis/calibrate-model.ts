/**
 * The calibrated model (docs/uncertainty.md, "Calibration"): each free value replaced by its fitted
 * value, rounded to 4 decimals. An estimate keeps its kind and spread, centred on the fitted value:
 * `{ mean, sd }` takes the new mean (its sd narrowed only where a Beta needs it), `{ low, high }`
 * is moved to the new midpoint (narrowed only where needed to stay in [0, 1]); a plain number
 * becomes the fitted number.
 */
import { spreadOf } from '../model/estimates.js';
import type { EstimatedShare, Model } from '../model/schema.js';
import type { FreeValue } from './calibrate-free.js';

/** Rounded to 4 decimals. */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** The largest sd of 4 decimals that a Beta with this mean takes: sd^2 < mean (1 - mean). */
function largestSd(mean: number): number {
  const bound = mean * (1 - mean);
  let sd = Math.floor(Math.sqrt(bound) * 10_000) / 10_000;
  while (sd > 0 && sd * sd >= bound) sd = round4(sd - 0.0001);
  return Math.max(0, sd);
}

/** The share to write for a free value fitted at x. */
export function calibratedShare(share: EstimatedShare | undefined, x: number): EstimatedShare {
  const mean = round4(x);
  if (share === undefined || typeof share === 'number') return mean;
  if ('low' in share) {
    const half = Math.min((share.high - share.low) / 2, mean, 1 - mean);
    return { low: Math.max(0, round4(mean - half)), high: Math.min(1, round4(mean + half)) };
  }
  const sd = round4(spreadOf(share));
  return { mean, sd: sd * sd < mean * (1 - mean) ? sd : largestSd(mean) };
}

/** A copy of `model` with every free value's share replaced (the lists copied, never shared). */
export function calibratedModel(
  model: Model,
  free: readonly FreeValue[],
  x: ArrayLike<number>,
): Model {
  const departments = [...(model.departments ?? [])];
  const employees = [...(model.employees ?? [])];
  const handoffs = [...(model.handoffs ?? [])];
  free.forEach((value, i) => {
    const share = calibratedShare(value.share, x[i]!);
    if (value.field === 'quality') {
      handoffs[value.index] = { ...handoffs[value.index]!, quality: share };
      return;
    }
    const v = value.index;
    if (v < departments.length) departments[v] = { ...departments[v]!, [value.field]: share };
    else
      employees[v - departments.length] = {
        ...employees[v - departments.length]!,
        [value.field]: share,
      };
  });
  return {
    ...model,
    ...(model.departments !== undefined && { departments }),
    ...(model.employees !== undefined && { employees }),
    ...(model.handoffs !== undefined && { handoffs }),
  };
}
