/**
 * Improvement plan (docs/cookbook.md, "Improvement plans"): the best set of priced candidates
 * within a budget. With at most `exactLimit` candidates every affordable set is searched
 * (plan-search.ts: exact gains, branch and bound on the budget); beyond that candidates are picked
 * greedily by EXACT gain per unit of cost, recomputing after each pick, and budget the greedy
 * picks leave unspent is filled with the best set of the candidates that still fit. The gain is in
 * S (objective `score`) or in total money at risk saved (objective `money`, section 9), which also
 * sees changes S cannot, such as a customer's `recovery`. Each gain is a real re-evaluation of the
 * model (incremental for field-only changes), never an estimate from sensitivities.
 */
import { z } from 'zod';
import { ENGINE_DEFAULTS } from '../engine/index.js';
import { ServiceChainError } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import { type DefaultsOf, EngineOptionsSchema, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';
import { validateCandidates } from './candidates.js';
import { type Chosen, exactPlan, greedyPlan } from './plan-methods.js';
import { gainOf, type PlanContext, type Standing, standing, tryCandidate } from './plan-steps.js';
import type { NotTaken, PlanResult, PlanStep } from './plan-types.js';
import { evaluateModel } from './scenario-eval.js';
import { type Candidate, PlanObjectiveSchema } from './scenario-schema.js';

/** Candidates are read and checked in candidates.ts; `plan` takes them raw or checked. */
export { parseCandidates, validateCandidates } from './candidates.js';

/**
 * Gains at or below this are rounding noise, not improvement: in S as it is; in money relative to
 * the money at risk before the plan (a sum of millions carries residues far above 1e-12).
 */
export const GAIN_EPSILON = 1e-12;

/** Options of plan. */
export const PlanOptionsSchema = EngineOptionsSchema.extend({
  /** The candidates, raw (validated here) or from validateCandidates. */
  candidates: z.array(z.unknown()),
  /** Money available; candidates are bought while it lasts. */
  budget: z.number().min(0),
  /** What a pick must improve: S (`score`, the default) or total money at risk (`money`). */
  objective: PlanObjectiveSchema.optional(),
  /**
   * Up to this many candidates the plan is exact (the best of all 2^n sets within the budget);
   * beyond it greedy. 0 always plans greedily; at most 24 (2^24 evaluations).
   */
  exactLimit: z.int().min(0).max(24).optional(),
});

/** Options of plan. @useDeclaredType */
export type PlanOptions = z.input<typeof PlanOptionsSchema>;

/**
 * Defaults of the optional PlanOptions. `exactLimit` 12: at most 2^12 = 4,096 evaluations, each
 * incremental on top of its parent set. Measured: the factory example with 14 automatic
 * candidates and money for all, 16,383 sets, took 7 s on a shared 2-core machine (about 0.4 ms
 * a set), so 2^12 stays within a couple of seconds on a small model; raise it for a bigger search.
 */
export const PLAN_DEFAULTS: DefaultsOf<Omit<PlanOptions, 'candidates' | 'budget'>> = {
  objective: 'score',
  tolerance: ENGINE_DEFAULTS.tolerance,
  maxIterations: ENGINE_DEFAULTS.maxIterations,
  exactLimit: 12,
};

export type {
  GreedyComparison,
  NotTaken,
  NotTakenReason,
  PlanFill,
  PlanMethod,
  PlanResult,
  PlanStep,
} from './plan-types.js';

/** The options checked (`invalid_option` on any problem) and merged over PLAN_DEFAULTS. */
function parsePlanOptions(options: PlanOptions) {
  const { candidates, budget, objective, exactLimit, tolerance, maxIterations } = resolveOptions(
    PlanOptionsSchema,
    PLAN_DEFAULTS,
    options,
  );
  return { candidates, budget, objective, exactLimit, settings: { tolerance, maxIterations } };
}

/** The picks as steps, with S, money at risk and money left after each. */
function toSteps(chosen: Chosen, before: Standing, budget: number): PlanStep[] {
  let money = budget;
  let now = before;
  return chosen.picks.map(({ candidate, after, gain }, index) => {
    money -= candidate.cost;
    const step: PlanStep = {
      candidate: candidate.id,
      label: candidate.label ?? candidate.id,
      cost: candidate.cost,
      gain,
      gainPerCost: gain / candidate.cost,
      score: after.score,
      moneySaved: now.atRisk - after.atRisk,
      moneyAtRisk: after.atRisk,
      moneyLeft: money,
      fill: index >= chosen.picks.length - chosen.filled,
    };
    now = after;
    return step;
  });
}

/** Why each candidate left out is not in the plan, judged on top of the finished plan. */
function leftOut(
  candidates: readonly Candidate[],
  chosen: Chosen,
  money: number,
  context: PlanContext,
): NotTaken[] {
  const taken = new Set(chosen.picks.map((p) => p.candidate));
  const final = standing(chosen.current);
  const noGain =
    context.objective === 'score' ? 'does not raise S' : 'does not lower money at risk';
  return candidates
    .filter((c) => !taken.has(c))
    .map((candidate): NotTaken => {
      const entry = {
        candidate: candidate.id,
        label: candidate.label ?? candidate.id,
        cost: candidate.cost,
      };
      const outcome = tryCandidate(chosen.current, candidate, context.settings);
      if (typeof outcome === 'string')
        return { ...entry, reason: 'conflict', gain: null, message: outcome };
      const gain = gainOf(context.objective, final, standing(outcome));
      if (candidate.cost > money)
        return {
          ...entry,
          reason: 'over_budget',
          gain,
          message: `costs ${candidate.cost} with ${money} left`,
        };
      if (gain <= context.noise) return { ...entry, reason: 'no_gain', gain, message: noGain };
      return {
        ...entry,
        reason: 'outranked',
        gain,
        message: 'the best set within the budget leaves it out',
      };
    });
}

/**
 * The plan: exact (the best of every set within the budget) for at most `exactLimit`
 * candidates, else greedy with a fill step. Throws ServiceChainError on bad options, candidates or
 * a model that scores no customer.
 */
export function plan(input: Model, options: PlanOptions): PlanResult {
  const { budget, objective, exactLimit, settings, ...raw } = parsePlanOptions(options);
  const { model, warnings } = ensureValidModel(input);
  const candidates = validateCandidates(raw.candidates, model);
  const start = evaluateModel(model, settings, false);
  if (start.evaluation.score === null)
    throw new ServiceChainError([
      {
        code: 'invalid_value',
        path: '',
        message: 'the model scores no customer (S is null): there is nothing to improve',
      },
    ]);
  const before = standing(start);
  const noise = objective === 'score' ? GAIN_EPSILON : GAIN_EPSILON * Math.max(1, before.atRisk);
  const context: PlanContext = { objective, settings, noise };
  const chosen =
    candidates.length <= exactLimit
      ? exactPlan(start, candidates, budget, context)
      : greedyPlan(start, candidates, budget, exactLimit, context);
  const steps = toSteps(chosen, before, budget);
  const spent = steps.reduce((sum, step) => sum + step.cost, 0);
  const after = standing(chosen.current);
  return {
    objective,
    method: chosen.method,
    fill: chosen.fill,
    greedy: chosen.greedy,
    budget,
    scoreBefore: before.score,
    scoreAfter: after.score,
    moneyAtRiskBefore: before.atRisk,
    moneyAtRiskAfter: after.atRisk,
    spent,
    moneyLeft: budget - spent,
    steps,
    notTaken: leftOut(candidates, chosen, budget - spent, context),
    model: chosen.current.model,
    warnings,
  };
}
