/**
 * A scenario priced in money (docs/model.md, "What-if scenarios and plans"; docs/business-impact.md, "The model"): money at risk before and after any
 * changes, including changes S cannot see, such as a recovery program
 * (`{ customer: id, set: { recovery: x } }`), which moves no service score and so no S.
 */
import { ServiceChainError } from '../model/errors.js';
import type { Model } from '../model/schema.js';
import {
  type BusinessImpactOptions,
  businessImpact,
  type MoneyTotals,
  resolveBusinessImpactOptions,
} from './business-impact.js';
import { tryApplyChanges } from './scenario.js';

/** One customer's money at risk before and after (null where it is unscored or absent). */
export interface CustomerMoneyChange {
  readonly id: string;
  readonly before: number | null;
  readonly after: number | null;
}

/** What `moneyWhatIf` returns. */
export interface MoneyWhatIf {
  readonly before: MoneyTotals;
  readonly after: MoneyTotals;
  /** before.atRisk - after.atRisk: what the scenario saves a year (negative: what it costs). */
  readonly saved: number;
  /** The customers before the scenario in declaration order, then any it adds. */
  readonly customers: readonly CustomerMoneyChange[];
}

/**
 * Money at risk before and after a scenario's changes (raw or validated: they are checked here,
 * in the scenario vocabulary, e.g. `{ customer: 'households', set: { recovery: 0.5 } }`).
 * Options as for `businessImpact` without `links` and `top`. Throws ServiceChainError with every problem.
 */
export function moneyWhatIf(
  model: Model,
  scenario: { readonly changes: readonly unknown[] },
  options?: Omit<BusinessImpactOptions, 'links' | 'top'>,
): MoneyWhatIf {
  const settings = { ...resolveBusinessImpactOptions(options), links: false };
  const applied = tryApplyChanges(model, scenario.changes);
  if (applied.issues.length > 0) throw new ServiceChainError(applied.issues);
  const before = businessImpact(model, settings);
  const after = businessImpact(applied.model, settings);
  const afterById = new Map(after.customers.map((c) => [c.id, c.atRisk]));
  const beforeIds = new Set(before.customers.map((c) => c.id));
  const customers: CustomerMoneyChange[] = [
    ...before.customers.map((c) => ({
      id: c.id,
      before: c.atRisk,
      after: afterById.get(c.id) ?? null,
    })),
    ...after.customers
      .filter((c) => !beforeIds.has(c.id))
      .map((c) => ({ id: c.id, before: null, after: c.atRisk })),
  ];
  return {
    before: before.total,
    after: after.total,
    saved: before.total.atRisk - after.total.atRisk,
    customers,
  };
}
