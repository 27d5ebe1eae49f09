/** What `calibrate` returns (docs/uncertainty.md, "Calibration"). */
import type { Warning } from '../model/errors.js';
import type { Model } from '../model/schema.js';
import type { FreeField } from './calibrate-free.js';
import type { WeakestLink } from './report.js';

/** One free value, before and after the fit. */
export interface CalibratedValue {
  /** The link it belongs to: a hand-off with its ends, or an actor. */
  readonly link: WeakestLink;
  readonly field: FreeField;
  /** Where the model gives it: `handoffs[3].quality`. */
  readonly path: string;
  /** The point value the model gives (the prior's centre). */
  readonly before: number;
  /** The fitted value. */
  readonly after: number;
  /** The prior's sd. */
  readonly sd: number;
  /** How far the evidence moved it, in sds: (after - before) / sd. */
  readonly moved: number;
  /** The box the fit kept it in. */
  readonly low: number;
  readonly high: number;
}

/** One observed customer: the model's service before and after the fit beside what was observed. */
export interface CalibratedCustomer {
  readonly id: string;
  readonly name: string;
  /** The observations' mean weighted by n, on [0, 1]. */
  readonly observed: number;
  readonly n: number;
  /** s_c before and after; null for a customer no hand-off reaches (it takes no part in the fit). */
  readonly before: number | null;
  readonly after: number | null;
  /** observed - s_c, before and after. */
  readonly gapBefore: number | null;
  readonly gapAfter: number | null;
}

/** The free value that best explains one customer's gap. */
export interface Explanation {
  readonly customer: string;
  readonly name: string;
  /** `low`: customers saw worse than the model gave; `high`: better. */
  readonly score: 'low' | 'high';
  readonly link: WeakestLink;
  readonly field: FreeField;
  readonly before: number;
  readonly after: number;
  /** The part of the change in the customer's service it makes (to first order). */
  readonly contribution: number;
}

/** The result of `calibrate`. */
export interface CalibrationReport {
  /** The objective at the model's values and at the fitted ones. */
  readonly objective: { readonly before: number; readonly after: number };
  /** Steps the fit took. */
  readonly steps: number;
  /** False when the fit stopped at its step limit or at an infinite derivative. */
  readonly converged: boolean;
  /** The free values, in model order. */
  readonly values: readonly CalibratedValue[];
  /** The observed customers, in declaration order. */
  readonly customers: readonly CalibratedCustomer[];
  /** Per observed customer with a gap, the free value that most explains it. */
  readonly explanations: readonly Explanation[];
  readonly warnings: readonly Warning[];
  /** The model with the fitted values written in (calibrate-model.ts). */
  readonly model: Model;
}
