/** The business coefficients each customer is scored with, and where each one came from (docs/business-impact.md, "The model"). */
import { CUSTOMER_DEFAULTS } from '../model/defaults.js';
import type { Customer, CustomerDefaults } from '../model/schema.js';

/** Where a coefficient came from: the customer itself, the model's `defaults` block, or the built-in default. */
export type CoefficientSource = 'customer' | 'defaults' | 'builtin';

/** The coefficients of section 9, by the name the model file uses for them. */
export type CoefficientName =
  | 'count'
  | 'value'
  | 'churn.base'
  | 'churn.perFailure'
  | 'recovery'
  | 'wordOfMouth.tells'
  | 'wordOfMouth.conversion'
  | 'acquisitionCost';

/** One coefficient as used: its value, its source, and whether it is a default (not set on the customer). */
export interface CoefficientUsed {
  readonly name: CoefficientName;
  readonly value: number;
  readonly source: CoefficientSource;
  readonly isDefault: boolean;
}

type Reader = (holder: Customer | CustomerDefaults | undefined) => number | undefined;

/** How to read each coefficient from a customer or a `defaults` block, in report order. */
const READERS: readonly (readonly [CoefficientName, Reader])[] = [
  ['count', (h) => h?.count],
  ['value', (h) => h?.value],
  ['churn.base', (h) => h?.churn?.base],
  ['churn.perFailure', (h) => h?.churn?.perFailure],
  ['recovery', (h) => h?.recovery],
  ['wordOfMouth.tells', (h) => h?.wordOfMouth?.tells],
  ['wordOfMouth.conversion', (h) => h?.wordOfMouth?.conversion],
  ['acquisitionCost', (h) => h?.acquisitionCost],
];

/** The built-in default of each coefficient. */
const BUILTIN: Readonly<Record<CoefficientName, number>> = {
  count: CUSTOMER_DEFAULTS.count,
  value: CUSTOMER_DEFAULTS.value,
  'churn.base': CUSTOMER_DEFAULTS.churn.base,
  'churn.perFailure': CUSTOMER_DEFAULTS.churn.perFailure,
  recovery: CUSTOMER_DEFAULTS.recovery,
  'wordOfMouth.tells': CUSTOMER_DEFAULTS.wordOfMouth.tells,
  'wordOfMouth.conversion': CUSTOMER_DEFAULTS.wordOfMouth.conversion,
  acquisitionCost: CUSTOMER_DEFAULTS.acquisitionCost,
};

/**
 * Every coefficient a customer is scored with, in a fixed order, each marked with its source. The
 * values agree with `customerCoefficients` (src/model/defaults.ts), which the formulas use.
 */
export function coefficientsUsed(
  customer: Customer,
  defaults: CustomerDefaults | undefined,
): readonly CoefficientUsed[] {
  return READERS.map(([name, read]) => {
    const own = read(customer);
    if (own !== undefined) return { name, value: own, source: 'customer', isDefault: false };
    const shared = read(defaults);
    if (shared !== undefined) return { name, value: shared, source: 'defaults', isDefault: true };
    return { name, value: BUILTIN[name], source: 'builtin', isDefault: true };
  });
}
