/**
 * The exact plan (docs/cookbook.md, "Improvement plans"): the best set of candidates within the
 * budget, found by a depth-first branch and bound over the subsets. The gain of a set is not the
 * sum of single gains (two fixes in series gain more together than apart; three poor inputs under
 * `min` gain nothing until all are fixed), so every set is evaluated exactly with the engine, each
 * on top of its parent set (incrementally for field-only changes). The only bound used is the
 * budget, the one that holds for every model: a set over budget is cut with all its supersets.
 * Single gains bound nothing here, since gains are neither submodular nor even monotone (a change
 * may lower S). Internal: not exported from src/index.ts.
 */

import { gainOf, type PlanContext, type Standing, standing, tryCandidate } from './plan-steps.js';
import type { Evaluated } from './scenario-eval.js';
import type { Candidate } from './scenario-schema.js';

/** The best set found and how much searching it took. */
export interface SearchResult {
  /** The chosen candidates, in declaration order. */
  readonly chosen: readonly Candidate[];
  /** Gain in the objective of the chosen set over the start. */
  readonly gain: number;
  /** Sets evaluated (each one engine evaluation). */
  readonly evaluations: number;
}

/** The best set so far. */
interface Best {
  chosen: Candidate[];
  gain: number;
  cost: number;
}

/**
 * The set of `pool` with the largest gain in the objective whose cost fits `money`; among sets
 * whose gains differ by no more than noise, the cheaper, then the first in declaration order (the
 * search takes a candidate before leaving it out). The empty set (gain 0) when nothing gains.
 * Sets whose changes do not apply together are skipped.
 */
export function bestSubset(
  start: Evaluated,
  pool: readonly Candidate[],
  money: number,
  context: PlanContext,
): SearchResult {
  const origin: Standing = standing(start);
  const best: Best = { chosen: [], gain: 0, cost: 0 };
  let evaluations = 0;
  const chosen: Candidate[] = [];
  const visit = (from: number, current: Evaluated, cost: number): void => {
    for (let i = from; i < pool.length; i++) {
      const candidate = pool[i]!;
      if (cost + candidate.cost > money) continue;
      const outcome = tryCandidate(current, candidate, context.settings);
      if (typeof outcome === 'string') continue;
      evaluations++;
      chosen.push(candidate);
      const spent = cost + candidate.cost;
      const gain = gainOf(context.objective, origin, standing(outcome));
      const better =
        gain > best.gain + context.noise ||
        (gain >= best.gain - context.noise && spent < best.cost);
      if (better) Object.assign(best, { chosen: [...chosen], gain, cost: spent });
      visit(i + 1, outcome, spent);
      chosen.pop();
    }
  };
  visit(0, start, 0);
  return { chosen: best.chosen, gain: best.gain, evaluations };
}
