/**
 * Improvement plan (docs/cookbook.md, "Improvement plans"): candidates (priced bundles of scenario changes) picked
 * greedily by EXACT gain per unit of cost, recomputing after each pick. The gain is in S (objective
 * `score`) or in total money at risk saved (objective `money`, section 9), which also sees changes
 * S cannot, such as a customer's `recovery`. Each gain is a real re-evaluation of the model with
 * the picks so far plus the candidate (incremental for field-only changes), never an estimate from
 * sensitivities.
 */
import { z } from 'zod';
import { ENGINE_DEFAULTS } from '../engine/index.js';
import { ServiceChainError, type Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import { EngineOptionsSchema, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';
import { totalMoneyAtRisk } from './business-impact.js';
import { validateCandidates } from './candidates.js';
import { tryApplyChanges } from './scenario.js';
import { type Evaluated, evaluateChanges, evaluateModel } from './scenario-eval.js';
import { type Candidate, type PlanObjective, PlanObjectiveSchema } from './scenario-schema.js';

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
});

/** Options of plan. @useDeclaredType */
export type PlanOptions = z.input<typeof PlanOptionsSchema>;

/** Defaults of the optional PlanOptions. */
export const PLAN_DEFAULTS = {
  objective: 'score' as PlanObjective,
  tolerance: ENGINE_DEFAULTS.tolerance,
  maxIterations: ENGINE_DEFAULTS.maxIterations,
} as const;

/** One pick of the plan. */
export interface PlanStep {
  readonly candidate: string;
  readonly label: string;
  readonly cost: number;
  /** Exact gain in the objective: S after minus S before (`score`), or `moneySaved` (`money`). */
  readonly gain: number;
  readonly gainPerCost: number;
  /** S after this and every earlier pick. */
  readonly score: number;
  /** Total money at risk before this pick minus after it (docs/business-impact.md, "The model"). */
  readonly moneySaved: number;
  /** Total money at risk a year after this and every earlier pick. */
  readonly moneyAtRisk: number;
  readonly moneyLeft: number;
}

/** Why a candidate was not taken. */
export type NotTakenReason = 'over_budget' | 'no_gain' | 'conflict';

/** A candidate left out, with the reason and (where it could be computed) the gain it offered last. */
export interface NotTaken {
  readonly candidate: string;
  readonly label: string;
  readonly cost: number;
  readonly reason: NotTakenReason;
  /** Gain in the objective it would have added when last considered; null for a conflict. */
  readonly gain: number | null;
  readonly message: string;
}

/** What plan returns. */
export interface PlanResult {
  readonly objective: PlanObjective;
  readonly budget: number;
  readonly scoreBefore: number;
  readonly scoreAfter: number;
  /** Total money at risk a year before any pick (docs/business-impact.md, "The model"). */
  readonly moneyAtRiskBefore: number;
  /** Total money at risk a year after every pick. */
  readonly moneyAtRiskAfter: number;
  readonly spent: number;
  readonly moneyLeft: number;
  /** In the order picked. */
  readonly steps: readonly PlanStep[];
  /** In declaration order. */
  readonly notTaken: readonly NotTaken[];
  /** The model with every pick applied. */
  readonly model: Model;
  readonly warnings: readonly Warning[];
}

/** A candidate's evaluation on top of the current picks, or why it cannot be applied. */
function tryCandidate(
  current: Evaluated,
  candidate: Candidate,
  settings: { tolerance: number; maxIterations: number },
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

/** S and total money at risk of an evaluated model: what a pick is judged on. */
interface Standing {
  readonly score: number;
  readonly atRisk: number;
}

function standing(evaluated: Evaluated): Standing {
  return {
    score: evaluated.evaluation.score!,
    atRisk: totalMoneyAtRisk(evaluated.model, evaluated.chain, evaluated.evaluation.service),
  };
}

/** The gain in the objective from `now` to `after`. */
function gainOf(objective: PlanObjective, now: Standing, after: Standing): number {
  return objective === 'score' ? after.score - now.score : now.atRisk - after.atRisk;
}

/** The options checked (`invalid_option` on any problem) and merged over PLAN_DEFAULTS. */
function parsePlanOptions(options: PlanOptions) {
  const { candidates, budget, objective, tolerance, maxIterations } = resolveOptions(
    PlanOptionsSchema,
    PLAN_DEFAULTS,
    options,
  );
  return { candidates, budget, objective, settings: { tolerance, maxIterations } };
}

/**
 * Greedy plan: the best gain in the objective per cost first, recomputed after each pick, until
 * nothing fits or gains. Ties keep declaration order.
 */
export function plan(model: Model, options: PlanOptions): PlanResult {
  const { budget, objective, settings, ...raw } = parsePlanOptions(options);
  const warnings = ensureValidModel(model);
  const candidates = validateCandidates(raw.candidates, model);
  let current = evaluateModel(model, settings, false);
  if (current.evaluation.score === null)
    throw new ServiceChainError([
      {
        code: 'invalid_value',
        path: '',
        message: 'the model scores no customer (S is null): there is nothing to improve',
      },
    ]);
  const before = standing(current);
  const noise = objective === 'score' ? GAIN_EPSILON : GAIN_EPSILON * Math.max(1, before.atRisk);
  const noGain = objective === 'score' ? 'does not raise S' : 'does not lower money at risk';
  let money = budget;
  let now = before;
  const steps: PlanStep[] = [];
  const left = new Map<string, NotTaken>();
  let remaining = [...candidates];
  for (;;) {
    let best:
      | { candidate: Candidate; evaluated: Evaluated; after: Standing; gain: number }
      | undefined;
    const next: Candidate[] = [];
    for (const candidate of remaining) {
      const entry = {
        candidate: candidate.id,
        label: candidate.label ?? candidate.id,
        cost: candidate.cost,
      };
      const outcome = tryCandidate(current, candidate, settings);
      if (typeof outcome === 'string') {
        left.set(candidate.id, { ...entry, reason: 'conflict', gain: null, message: outcome });
        continue;
      }
      const after = standing(outcome);
      const gain = gainOf(objective, now, after);
      if (candidate.cost > money) {
        const message = `costs ${candidate.cost} with ${money} left`;
        left.set(candidate.id, { ...entry, reason: 'over_budget', gain, message });
        continue;
      }
      next.push(candidate);
      left.set(candidate.id, { ...entry, reason: 'no_gain', gain, message: noGain });
      if (gain <= noise) continue;
      // Strictly better only: ties keep declaration order.
      if (best === undefined || gain / candidate.cost > best.gain / best.candidate.cost)
        best = { candidate, evaluated: outcome, after, gain };
    }
    if (best === undefined) break;
    const { candidate, evaluated, after, gain } = best;
    money -= candidate.cost;
    steps.push({
      candidate: candidate.id,
      label: candidate.label ?? candidate.id,
      cost: candidate.cost,
      gain,
      gainPerCost: gain / candidate.cost,
      score: after.score,
      moneySaved: now.atRisk - after.atRisk,
      moneyAtRisk: after.atRisk,
      moneyLeft: money,
    });
    now = after;
    current = evaluated;
    left.delete(candidate.id);
    remaining = next.filter((c) => c !== candidate);
  }
  return {
    objective,
    budget,
    scoreBefore: before.score,
    scoreAfter: now.score,
    moneyAtRiskBefore: before.atRisk,
    moneyAtRiskAfter: now.atRisk,
    spent: budget - money,
    moneyLeft: money,
    steps,
    notTaken: candidates.filter((c) => left.has(c.id)).map((c) => left.get(c.id)!),
    model: current.model,
    warnings,
  };
}
