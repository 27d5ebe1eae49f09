/**
 * Number and word formatting shared by every renderer: one number formatter (fixed decimals,
 * thousands grouped with commas, no locale so the bytes are the same everywhere), `n/a` for a
 * missing figure, never NaN; and one `plural` for counted nouns.
 */

/**
 * What a renderer prints where a figure is null (docs/model.md, "Impact of one link: sensitivity,
 * fix gain, failure loss": S null, an infinite derivative).
 */
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

/** Groups the integer part of a plain decimal in threes: `1234567.5` -> `1,234,567.5`. */
export function grouped(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/**
 * Any figure with fixed decimals (default 3) and grouped thousands: 0.81234 -> `0.812`,
 * 12345.6 with 2 decimals -> `12,345.60`; null -> `n/a`.
 */
export function formatNumber(value: number | null | undefined, decimals = SHARE_DECIMALS): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  return grouped(withoutNegativeZero(value.toFixed(decimals)));
}

/** A share as a percentage (default 1 decimal): 0.81234 -> `81.2%`; null -> `n/a`. */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  return `${formatNumber(value * 100, decimals)}%`;
}

/** A change with its sign (default 3 decimals): 0.0324 -> `+0.032`, -0.1 -> `-0.100`, 0 -> `0.000`. */
export function formatSigned(value: number | null | undefined, decimals = SHARE_DECIMALS): string {
  const text = formatNumber(value, decimals);
  if (text === NOT_AVAILABLE || text.startsWith('-') || /^[0.]+$/.test(text)) return text;
  return `+${text}`;
}

/**
 * A customer's value or any other amount the consultant chose (revenue, headcount, a budget):
 * integers as they are, other numbers with up to 2 decimals, trailing zeros dropped, thousands
 * grouped; null -> `n/a`.
 */
export function formatAmount(value: number | null | undefined): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  if (Number.isInteger(value)) return formatNumber(value, 0);
  return formatNumber(value, 2).replace(/\.?0+$/, '');
}

/** A count (iterations, customers reached, rows left out) with grouped thousands; null -> `n/a`. */
export function formatCount(value: number | null | undefined): string {
  return isPrintable(value) ? formatNumber(value, 0) : NOT_AVAILABLE;
}

/**
 * A count with its noun, singular for exactly one: `1 hand-off`, `2 hand-offs`, `4,800,000 links`.
 * Nouns whose plural is not noun + `s` pass it: `plural(2, 'entry', 'entries')`.
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : nouns}`;
}
