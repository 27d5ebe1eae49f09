/** Number formatting of the money view: grouped digits, the same bytes everywhere (no locale). */
import type { CoefficientUsed } from '../analysis/money-coefficients.js';
import { formatAmount, formatPercent, NOT_AVAILABLE } from './format.js';

/** Groups the integer part of a fixed-point number in threes: `1234567.5` -> `1,234,567.5`. */
function grouped(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/** Drops the sign of a figure that rounds to zero, so `-0` never appears. */
function unsigned(text: string): string {
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
}

/**
 * Decimals of every money figure in one view: whole units once the total at risk reaches 100,
 * cents below it, so a model left at the default value 1 still shows its figures.
 */
export function moneyDecimals(totalAtRisk: number): number {
  return Math.abs(totalAtRisk) >= 100 ? 0 : 2;
}

/** Money a year with grouped digits: `3,101,547` (0 decimals) or `42.50` (2); null -> `n/a`. */
export function formatMoney(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return NOT_AVAILABLE;
  return unsigned(grouped(value.toFixed(decimals)));
}

/** Customers (lost, not won) with two decimals and grouped digits: `5,329.12`; null -> `n/a`. */
export function formatCustomers(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NOT_AVAILABLE;
  return unsigned(grouped(value.toFixed(2)));
}

/** A failed share as a percentage; null -> `n/a`. */
export function formatFailed(value: number | null): string {
  return formatPercent(value);
}

/** A coefficient's value as the model file writes it (money and counts grouped). */
export function formatCoefficient(coefficient: CoefficientUsed): string {
  const { name, value } = coefficient;
  if (name === 'value' || name === 'acquisitionCost' || name === 'count') {
    return Number.isInteger(value) ? grouped(String(value)) : formatAmount(value);
  }
  return formatAmount(value);
}
