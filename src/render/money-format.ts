/** Number formatting of the money view, on the one number formatter of format.ts. */
import type { CoefficientUsed } from '../analysis/money-coefficients.js';
import { formatAmount, formatNumber, formatPercent } from './format.js';

/**
 * Decimals of every money figure in one view: whole units once the total at risk reaches 100,
 * cents below it, so a model left at the default value 1 still shows its figures.
 */
export function moneyDecimals(totalAtRisk: number): number {
  return Math.abs(totalAtRisk) >= 100 ? 0 : 2;
}

/** Money a year with grouped digits: `3,101,547` (0 decimals) or `42.50` (2); null -> `n/a`. */
export function formatMoney(value: number | null, decimals: number): string {
  return formatNumber(value, decimals);
}

/** Customers (lost, not won) with two decimals and grouped digits: `5,329.12`; null -> `n/a`. */
export function formatCustomers(value: number | null): string {
  return formatNumber(value, 2);
}

/** A failed share as a percentage; null -> `n/a`. */
export function formatFailed(value: number | null): string {
  return formatPercent(value);
}

/** A coefficient's value as the model file writes it, thousands grouped. */
export function formatCoefficient(coefficient: CoefficientUsed): string {
  return formatAmount(coefficient.value);
}
