/**
 * What the Jacobian of the observed customers' service says (docs/uncertainty.md, "Calibration"):
 * which free value best explains each customer's gap, and which values the observations cannot
 * identify: two values whose columns d s_c / d x over the observed customers are parallel move
 * every observed customer alike, so the evidence cannot tell them apart; a zero column is a value
 * no observed customer sees.
 */
import type { CompiledChain } from '../engine/index.js';
import type { Warning } from '../model/errors.js';
import type { FreeValue } from './calibrate-free.js';
import type { CalibratedCustomer, CalibratedValue, Explanation } from './calibrate-report.js';

/** The Jacobian at the model's values and at the fitted ones; `rows` are its customers' nodes. */
export interface Jacobians {
  readonly before: Float64Array;
  readonly after: Float64Array;
  readonly rows: readonly number[];
}

/** A move smaller than this is not worth a sentence (it does not show at 3 decimals). */
const SHOWN_MOVE = 5e-4;
/** Columns whose unit vectors agree to this, entry by entry, are parallel. */
const PARALLEL = 1e-9;

/**
 * Per observed customer with a gap, the free value whose move contributes most to closing it:
 * contribution = (J_before + J_after) / 2 x (after - before), the change to first order.
 */
export function explain(
  chain: CompiledChain,
  customers: readonly CalibratedCustomer[],
  values: readonly CalibratedValue[],
  jacobians: Jacobians,
): Explanation[] {
  const size = values.length;
  return customers.flatMap((customer) => {
    const k = jacobians.rows.indexOf(chain.nodeIndex.get(customer.id)!);
    const gap = customer.gapBefore;
    if (k < 0 || gap === null || gap === 0) return [];
    const sign = gap < 0 ? -1 : 1;
    let best = -1;
    let bestContribution = 0;
    values.forEach((value, i) => {
      const move = value.after - value.before;
      if (Math.abs(move) < SHOWN_MOVE) return;
      const slope = (jacobians.before[k * size + i]! + jacobians.after[k * size + i]!) / 2;
      const contribution = slope * move;
      if (Number.isFinite(contribution) && contribution * sign > bestContribution * sign) {
        best = i;
        bestContribution = contribution;
      }
    });
    if (best < 0) return [];
    const value = values[best]!;
    return [
      {
        customer: customer.id,
        name: customer.name,
        score: sign < 0 ? 'low' : 'high',
        link: value.link,
        field: value.field,
        before: value.before,
        after: value.after,
        contribution: bestContribution,
      },
    ];
  });
}

/** `the quality of "crm->desk"`, `the performance of "crm"`. */
function label(chain: CompiledChain, value: FreeValue): string {
  const owner =
    value.field === 'quality' ? chain.handoffIds[value.index]! : chain.ids[value.index]!;
  return `the ${value.field} of ${JSON.stringify(owner)}`;
}

/** Names joined as `a`, `a and b`, `a, b and c`. */
function andList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `not_identified` warnings from the Jacobian at the fitted values. */
export function identificationWarnings(
  chain: CompiledChain,
  free: readonly FreeValue[],
  jacobians: Jacobians,
): Warning[] {
  if (free.length === 0) return [];
  if (jacobians.rows.length === 0)
    return [
      {
        code: 'not_identified',
        path: 'observations',
        message:
          'no scored customer is observed: there is nothing to fit, and every value stays at its estimate',
      },
    ];
  const size = free.length;
  const rows = jacobians.rows.length;
  // Parallel columns have the same unit vector up to sign: grouped by that vector, rounded to
  // PARALLEL, in one pass (not by comparing every pair, which a large model cannot afford).
  const groups = new Map<string, number[]>();
  const warnings: Warning[] = [];
  const column = new Float64Array(rows);
  for (let i = 0; i < size; i++) {
    let length = 0;
    let first = 0;
    for (let k = 0; k < rows; k++) {
      const d = jacobians.after[k * size + i]!;
      column[k] = d;
      length += d * d;
      if (first === 0) first = d;
    }
    if (!Number.isFinite(length)) continue;
    if (length === 0) {
      warnings.push({
        code: 'not_identified',
        path: free[i]!.path,
        message: `${label(chain, free[i]!)} reaches no observed customer: the observations say nothing of it, and it stays at its estimate`,
      });
      continue;
    }
    const unit = Math.sign(first) / Math.sqrt(length);
    const key = Array.from(column, (d) => Math.round((d * unit) / PARALLEL)).join(',');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const first = free[members[0]!]!;
    const names = members.map((i) => label(chain, free[i]!));
    warnings.push({
      code: 'not_identified',
      path: first.path,
      message: `the observations cannot tell apart ${andList(names)}: they move every observed customer alike, so only their priors share the change out`,
    });
  }
  return warnings;
}
