/** The money formulas of docs/business-impact.md, "The model": what one customer's service shortfall costs a year. */
import type { CustomerCoefficients } from '../model/defaults.js';

/** One customer's (or segment's) money figures at a given service score. */
export interface CustomerMoney {
  /** failed_c = (1 - s_c)(1 - recovery_c): the share of dealings that fail and are not recovered. */
  readonly failed: number;
  /** lost_c = count_c * min(1, churn.base + churn.perFailure * failed_c): customers lost a year. */
  readonly lost: number;
  /** notWon_c = lost_c * tells * conversion: prospects the lost customers talk out of joining. */
  readonly notWon: number;
  /** atRisk_c: the worth of the lost and not-won customers plus the cost of replacing the lost. */
  readonly atRisk: number;
}

/** failed_c = (1 - s_c)(1 - recovery_c) (docs/business-impact.md, "The model"). */
export function failedShare(service: number, recovery: number): number {
  return (1 - service) * (1 - recovery);
}

/**
 * The money figures of one customer at service s_c (docs/business-impact.md, "The model"). `value` is the worth of
 * the whole segment the node stands for, so one customer is worth value_c / count_c. A node that
 * stands for no one (count_c = 0) loses no one and risks nothing: atRisk is 0, not 0/0.
 */
export function customerMoney(service: number, coefficients: CustomerCoefficients): CustomerMoney {
  const { count, value, churn, recovery, wordOfMouth, acquisitionCost } = coefficients;
  const failed = failedShare(service, recovery);
  const lost = count * Math.min(1, churn.base + churn.perFailure * failed);
  const notWon = lost * wordOfMouth.tells * wordOfMouth.conversion;
  const perCustomer = count > 0 ? value / count : 0;
  const atRisk = (lost + notWon) * perCustomer + lost * acquisitionCost;
  return { failed, lost, notWon, atRisk };
}

/** atRisk_c alone: the function of s_c that link impacts sum over customers (atRisk is separable). */
export function moneyAtRisk(service: number, coefficients: CustomerCoefficients): number {
  return customerMoney(service, coefficients).atRisk;
}
