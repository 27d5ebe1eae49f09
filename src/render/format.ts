/** Number formatting shared by the renderers: fixed decimals, `n/a` for missing figures, never NaN. */

/** What a renderer prints where a figure is null (MODEL.md section 4: S null, infinite derivative). */
export const NOT_AVAILABLE = 'n/a';

/** Decimals used for shares (service, quality, chain strength) and for the impact figures. */
export const SHARE_DECIMALS = 3;

/** True for a number that can be printed: not null, not NaN, not ±Infinity. */
function isPrintable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Drops the sign of a figure that rounds to zero, so `-0.000` never appears. */
function withoutNegativeZero(text: string): string {
  return /^-[0.]+$/.test(text) ? text.slice(1) : text;
}

/** A share or figure with fixed decimals (default 3): 0.81234 -> `0.812`; null -> `n/a`. */
export function formatNumber(value: number | null | undefined, decimals = SHARE_DECIMALS): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  return withoutNegativeZero(value.toFixed(decimals));
}

/** A share as a percentage (default 1 decimal): 0.81234 -> `81.2%`; null -> `n/a`. */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  return `${withoutNegativeZero((value * 100).toFixed(decimals))}%`;
}

/** A change with its sign (default 3 decimals): 0.0324 -> `+0.032`, -0.1 -> `-0.100`, 0 -> `0.000`. */
export function formatSigned(value: number | null | undefined, decimals = SHARE_DECIMALS): string {
  const text = formatNumber(value, decimals);
  if (text === NOT_AVAILABLE || text.startsWith('-') || /^[0.]+$/.test(text)) return text;
  return `+${text}`;
}

/**
 * A customer's value or any other amount the consultant chose (revenue, headcount): integers as
 * they are, other numbers with up to 2 decimals, trailing zeros dropped; null -> `n/a`.
 */
export function formatAmount(value: number | null | undefined): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  if (Number.isInteger(value)) return withoutNegativeZero(String(value));
  return withoutNegativeZero(value.toFixed(2).replace(/\.?0+$/, ''));
}

/** A count (iterations, customers reached); null -> `n/a`. */
export function formatCount(value: number | null | undefined): string {
  return isPrintable(value) ? String(value) : NOT_AVAILABLE;
}
