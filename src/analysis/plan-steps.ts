/**
 * The pieces every plan method shares (docs/cookbook.md, "Improvement plans"): a candidate
 * evaluated on top of the picks so far, what a pick is judged on (S and money at risk), and the
 * gain in the objective. Every gain is a real re-evaluation through scenario-eval.ts, never an
 * estimate. Internal: not exported from src/index.ts.
 */
import { ServiceChainError } from '../model/errors.js';
import { totalMoneyAtRisk } from './business-impact.js';
import { tryApplyChanges } from './scenario.js';
import { type Evaluated, evaluateChanges } from './scenario-eval.js';
import type { Candidate, PlanObjective } from './scenario-schema.js';

/** The engine settings a plan evaluates with. */
export interface PlanSettings {
  readonly tolerance: number;
  readonly maxIterations: number;
}

/** S and total money at risk of an evaluated model: what a pick is judged on. */
export interface Standing {
  readonly score: number;
  readonly atRisk: number;
}

/** S and total money at risk of an evaluation that scores a customer. */
export function standing(evaluated: Evaluated): Standing {
  return {
    score: evaluated.evaluation.score!,
    atRisk: totalMoneyAtRisk(evaluated.model, evaluated.chain, evaluated.evaluation.service),
  };
}

/** The gain in the objective from `now` to `after`. */
export function gainOf(objective: PlanObjective, now: Standing, after: Standing): number {
  return objective === 'score' ? after.score - now.score : now.atRisk - after.atRisk;
}

/** A candidate's evaluation on top of the current picks, or why it cannot be applied. */
export function tryCandidate(
  current: Evaluated,
  candidate: Candidate,
  settings: PlanSettings,
): Evaluated | string {
  const applied = tryApplyChanges(current.model, candidate.changes);
  if (applied.issues.length > 0)
    return `does not apply after the earlier picks: ${applied.issues[0]!.path}: ${applied.issues[0]!.message}`;
  try {
    return evaluateChanges(current, applied.model, applied.changes, {
      ...settings,
      incremental: true,
    });
  } catch (error) {
    if (error instanceof ServiceChainError)
      return `does not apply after the earlier picks: ${error.issues[0]!.message}`;
    throw error;
  }
}

/** What a plan method needs: where it starts, the objective, the settings, the noise floor. */
export interface PlanContext {
  readonly objective: PlanObjective;
  readonly settings: PlanSettings;
  /** Gains at or below this are rounding noise (plan.ts, GAIN_EPSILON). */
  readonly noise: number;
}

/** One candidate taken, with the standing after it. */
export interface Pick {
  readonly candidate: Candidate;
  readonly evaluated: Evaluated;
  readonly after: Standing;
  readonly gain: number;
}

/**
 * Picks from `pool` one at a time, the best gain per unit of cost first (strictly better only:
 * ties keep declaration order), each gain recomputed on top of the picks so far, while money
 * lasts. `all` takes every candidate of the pool (to order a chosen set: members of a set may gain
 * nothing alone, as three poor inputs under `min`); otherwise a pick must gain more than noise.
 */
export function greedyPicks(
  start: Evaluated,
  pool: readonly Candidate[],
  money: number,
  context: PlanContext,
  all: boolean,
): { picks: Pick[]; current: Evaluated; money: number } {
  let current = start;
  let now = standing(start);
  let remaining = [...pool];
  const picks: Pick[] = [];
  for (;;) {
    let best: Pick | undefined;
    const next: Candidate[] = [];
    for (const candidate of remaining) {
      if (candidate.cost > money) continue;
      const outcome = tryCandidate(current, candidate, context.settings);
      if (typeof outcome === 'string') continue;
      next.push(candidate);
      const after = standing(outcome);
      const gain = gainOf(context.objective, now, after);
      if (!all && gain <= context.noise) continue;
      if (best === undefined || gain / candidate.cost > best.gain / best.candidate.cost)
        best = { candidate, evaluated: outcome, after, gain };
    }
    if (best === undefined) break;
    const taken = best;
    picks.push(taken);
    money -= taken.candidate.cost;
    now = taken.after;
    current = taken.evaluated;
    remaining = next.filter((c) => c !== taken.candidate);
  }
  return { picks, current, money };
}
