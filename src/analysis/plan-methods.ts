/**
 * The two plan methods (docs/cookbook.md, "Improvement plans"): exact, the best set within the
 * budget (plan-search.ts), and greedy by exact gain per unit of cost with a fill step for the money
 * it leaves. Internal: not exported from src/index.ts.
 */
import { bestSubset } from './plan-search.js';
import {
  gainOf,
  greedyPicks,
  type Pick,
  type PlanContext,
  standing,
  tryCandidate,
} from './plan-steps.js';
import type { GreedyComparison, PlanFill, PlanMethod } from './plan-types.js';
import type { Evaluated } from './scenario-eval.js';
import type { Candidate } from './scenario-schema.js';

/** Picks made by one plan method, before they become steps. */
export interface Chosen {
  readonly picks: readonly Pick[];
  /** How many of `picks`, at the end, the fill step added. */
  readonly filled: number;
  readonly current: Evaluated;
  readonly method: PlanMethod;
  readonly fill: PlanFill | null;
  readonly greedy: GreedyComparison | null;
}

/** Picks in the order given, each on top of the ones before (conflicts cannot occur: checked by the search). */
function inOrder(start: Evaluated, list: readonly Candidate[], context: PlanContext) {
  let current = start;
  const picks: Pick[] = [];
  for (const candidate of list) {
    const evaluated = tryCandidate(current, candidate, context.settings) as Evaluated;
    const after = standing(evaluated);
    picks.push({
      candidate,
      evaluated,
      after,
      gain: gainOf(context.objective, standing(current), after),
    });
    current = evaluated;
  }
  return { picks, current };
}

/**
 * A chosen set as picks, the best gain per cost first (how a manager would schedule it); in
 * declaration order instead when that order changes the set's outcome (two members setting the
 * same field), so the plan always ends where the search measured it.
 */
function orderSet(
  start: Evaluated,
  chosen: readonly Candidate[],
  money: number,
  gain: number,
  context: PlanContext,
) {
  const ordered = greedyPicks(start, chosen, money, context, true);
  const reached = gainOf(context.objective, standing(start), standing(ordered.current));
  if (ordered.picks.length === chosen.length && Math.abs(reached - gain) <= context.noise)
    return ordered;
  return inOrder(start, chosen, context);
}

/** The exact plan, with what greedy picking alone would buy beside it. */
export function exactPlan(
  start: Evaluated,
  candidates: readonly Candidate[],
  budget: number,
  context: PlanContext,
): Chosen {
  const search = bestSubset(start, candidates, budget, context);
  const { picks, current } = orderSet(start, search.chosen, budget, search.gain, context);
  const alone = greedyPicks(start, candidates, budget, context, false);
  const method: PlanMethod = {
    kind: 'exact',
    candidates: candidates.length,
    combinations: 2 ** candidates.length,
    evaluations: search.evaluations,
  };
  const greedy = {
    spent: budget - alone.money,
    gain: gainOf(context.objective, standing(start), standing(alone.current)),
    moneyLeft: alone.money,
  };
  return { picks, filled: 0, current, method, fill: null, greedy };
}

/**
 * The greedy plan; when it leaves money that some candidates still fit (each gains nothing alone,
 * or greedy would have taken it), the best set of them is searched exactly and added.
 */
export function greedyPlan(
  start: Evaluated,
  candidates: readonly Candidate[],
  budget: number,
  limit: number,
  context: PlanContext,
): Chosen {
  const method: PlanMethod = { kind: 'greedy', candidates: candidates.length, limit };
  const greedy = greedyPicks(start, candidates, budget, context, false);
  const taken = new Set(greedy.picks.map((p) => p.candidate));
  const fits = candidates.filter((c) => !taken.has(c) && c.cost <= greedy.money);
  const base = { picks: greedy.picks, filled: 0, current: greedy.current, method, greedy: null };
  if (fits.length === 0) return { ...base, fill: null };
  if (fits.length > limit)
    return { ...base, fill: { candidates: fits.length, searched: false, gain: 0 } };
  const search = bestSubset(greedy.current, fits, greedy.money, context);
  const fill: PlanFill = { candidates: fits.length, searched: true, gain: search.gain };
  if (search.chosen.length === 0) return { ...base, fill };
  const added = orderSet(greedy.current, search.chosen, greedy.money, search.gain, context);
  const picks = [...greedy.picks, ...added.picks];
  return { ...base, picks, filled: added.picks.length, current: added.current, fill };
}
