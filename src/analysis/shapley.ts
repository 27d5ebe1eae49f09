/**
 * Shapley values of a set function (docs/model.md, "Change over time"): each player's marginal
 * effect averaged over every order in which the players could join. Exact from the 2^k values of
 * every coalition; beyond that, averaged over a seeded sample of orderings with its spread.
 */
import { randomOrder, seededRandom } from './random.js';

/** One player's share, and (sampled only) the standard error of its mean. */
export interface ShapleyPart {
  readonly value: number;
  /** Standard error of the sampled mean; null when exact. */
  readonly spread: number | null;
}

/**
 * Exact Shapley values from `values[mask]`, the worth of every coalition (bit i = player i):
 * phi_i = sum over coalitions T without i of |T|! (k - |T| - 1)! / k! (v(T + i) - v(T)).
 */
export function exactShapley(k: number, values: Float64Array): ShapleyPart[] {
  const weights = new Float64Array(k);
  // |T|! (k - |T| - 1)! / k!, built as a product of ratios so that no factorial overflows.
  for (let size = 0; size < k; size++) {
    let w = 1 / k;
    for (let j = 1; j <= size; j++) w *= j / (k - j);
    weights[size] = w;
  }
  const parts = new Float64Array(k);
  const full = 1 << k;
  for (let mask = 0; mask < full; mask++) {
    const size = popCount(mask);
    for (let i = 0; i < k; i++) {
      const bit = 1 << i;
      if ((mask & bit) !== 0) continue;
      parts[i]! += weights[size]! * (values[mask | bit]! - values[mask]!);
    }
  }
  return [...parts].map((value) => ({ value, spread: null }));
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

/**
 * Sampled Shapley values: `orderings` random orders (seeded), each player credited with its
 * marginal effect where it joins. `worth(members)` is the value of the coalition whose members
 * are flagged 1. Within one ordering the marginals add up to v(all) - v(none), so the means do too.
 */
export function sampledShapley(
  k: number,
  worth: (members: Uint8Array) => number,
  orderings: number,
  seed: number,
): ShapleyPart[] {
  const random = seededRandom(seed);
  const sum = new Float64Array(k);
  const squares = new Float64Array(k);
  const members = new Uint8Array(k);
  const empty = worth(members);
  for (let n = 0; n < orderings; n++) {
    members.fill(0);
    let previous = empty;
    for (const player of randomOrder(k, random)) {
      members[player] = 1;
      const next = worth(members);
      const marginal = next - previous;
      sum[player]! += marginal;
      squares[player]! += marginal * marginal;
      previous = next;
    }
  }
  return [...sum].map((total, i) => {
    const mean = total / orderings;
    const variance =
      orderings > 1 ? Math.max(0, (squares[i]! - orderings * mean * mean) / (orderings - 1)) : 0;
    return { value: mean, spread: Math.sqrt(variance / orderings) };
  });
}
