/** The result types of plan (docs/cookbook.md, "Improvement plans"); plan.ts re-exports them. */
import type { Warning } from '../model/errors.js';
import type { Model } from '../model/schema.js';
import type { PlanObjective } from './scenario-schema.js';

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
  /** True for a pick of the fill step (budget the greedy picks left, filled by an exact search). */
  readonly fill: boolean;
}

/** Why a candidate was not taken; `outranked`: it fits and gains, but the best set leaves it out. */
export type NotTakenReason = 'over_budget' | 'no_gain' | 'conflict' | 'outranked';

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

/** How the plan was found: the exact search, or greedy beyond the limit. */
export type PlanMethod =
  | {
      readonly kind: 'exact';
      readonly candidates: number;
      /** 2^candidates: the sets the search covers (most cut early by the budget). */
      readonly combinations: number;
      /** Sets actually evaluated. */
      readonly evaluations: number;
    }
  | { readonly kind: 'greedy'; readonly candidates: number; readonly limit: number };

/** The fill step of a greedy plan: the budget left, filled with the best set that still fits. */
export interface PlanFill {
  /** Candidates that still fitted the money left after the greedy picks. */
  readonly candidates: number;
  /** False when they were more than `exactLimit`, so no set of them was searched. */
  readonly searched: boolean;
  /** Gain in the objective the fill added (0 when none). */
  readonly gain: number;
}

/** What the greedy plan alone buys, beside an exact plan: what the search is measured against. */
export interface GreedyComparison {
  readonly spent: number;
  readonly gain: number;
  readonly moneyLeft: number;
}

/** What plan returns. */
export interface PlanResult {
  readonly objective: PlanObjective;
  readonly method: PlanMethod;
  /** The fill step of a greedy plan that left budget unspent; null otherwise. */
  readonly fill: PlanFill | null;
  /** For an exact plan, what greedy picking alone would have bought; null for a greedy plan. */
  readonly greedy: GreedyComparison | null;
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
