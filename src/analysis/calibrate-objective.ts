/**
 * The objective calibration minimises (docs/uncertainty.md, "Calibration"):
 * f(x) = sum over observations o of n_o (s_c(x) - score_o)^2
 *      + priorWeight * sum over free values i of ((x_i - mean_i) / sd_i)^2,
 * on a compiled chain the free values are written into. Its gradient comes from ONE reverse pass
 * with every customer's adjoint as a lane (customerAdjoints): d s_c / d x_i for each observed
 * customer c, the Jacobian J, and then df/dx_i = sum_o 2 n_o (s_c - score_o) J_ci + the prior's.
 */
import {
  type CompiledChain,
  customerAdjoints,
  type EngineOptions,
  type Evaluation,
  propagate,
} from '../engine/index.js';
import type { BoxProblem } from './calibrate-fit.js';
import type { FreeValue } from './calibrate-free.js';

/** One observation as the objective reads it. */
export interface ObservationTerm {
  /** The customer's node index. */
  readonly node: number;
  /** The observed score on [0, 1]. */
  readonly score: number;
  /** Its weight n (1 when not given). */
  readonly weight: number;
}

/** The chain's value arrays, written by the fit. */
type Writable = CompiledChain & {
  quality: Float64Array;
  performance: Float64Array;
  welfare: Float64Array;
  effectivePerformance: Float64Array;
};

/** The objective on a chain, with what the report needs besides f and its gradient. */
export interface CalibrationObjective extends BoxProblem {
  /** The observed customers' node indices, in declaration order: the rows of `jacobian`. */
  readonly customers: readonly number[];
  /** Every node's service at x (NaN everywhere when a cycle does not settle). */
  service(x: Float64Array): Float64Array;
  /** J[k * free + i] = d s_c / d x_i for observed customer k (NaN where infinite). */
  jacobian(x: Float64Array): Float64Array;
}

/**
 * The objective of `free` on `chain`, which it owns: every evaluation writes x into the chain's
 * value arrays. Observation terms of unscored customers must be left out by the caller.
 */
export function calibrationObjective(
  chain: CompiledChain,
  free: readonly FreeValue[],
  terms: readonly ObservationTerm[],
  priorWeight: number,
  engine: EngineOptions,
): CalibrationObjective {
  const work = chain as Writable;
  const size = free.length;
  const customers = [...new Set(terms.map((t) => t.node))].sort((a, b) => a - b);
  const row = new Map(customers.map((node, k) => [node, k]));
  const low = Float64Array.from(free, (v) => v.low);
  const high = Float64Array.from(free, (v) => v.high);

  const write = (x: Float64Array) => {
    free.forEach((value, i) => {
      if (value.field === 'quality') work.quality[value.index] = x[i]!;
      else {
        work[value.field][value.index] = x[i]!;
        const v = value.index;
        // p = performance x welfare, as compile.ts computes it (docs/model.md, "Notation").
        work.effectivePerformance[v] = work.performance[v]! * work.welfare[v]!;
      }
    });
  };
  const evaluate = (x: Float64Array): Evaluation | undefined => {
    write(x);
    const evaluation = propagate(work, engine);
    return evaluation.converged.every((c) => c === 1) ? evaluation : undefined;
  };
  const objective = (x: Float64Array, service: Float64Array): number => {
    let f = 0;
    for (const term of terms) f += term.weight * (service[term.node]! - term.score) ** 2;
    for (let i = 0; i < size; i++) f += priorWeight * ((x[i]! - free[i]!.mean) / free[i]!.sd) ** 2;
    return f;
  };
  const jacobianAt = (evaluation: Evaluation): Float64Array => {
    const jacobian = new Float64Array(customers.length * size);
    customerAdjoints(work, evaluation, engine, (node, sensitivity) => {
      const k = row.get(node);
      if (k === undefined) return;
      free.forEach((value, i) => {
        const v = value.index;
        let d: number;
        if (value.field === 'quality') d = sensitivity.link[work.actorCount + v]!;
        else {
          // d s / d performance = d s / d p x welfare, and the other way round.
          const other = value.field === 'performance' ? work.welfare[v]! : work.performance[v]!;
          d = sensitivity.link[v]! * other;
        }
        jacobian[k * size + i] = sensitivity.converged ? d : Number.NaN;
      });
    });
    return jacobian;
  };

  return {
    low,
    high,
    customers,
    value(x) {
      const evaluation = evaluate(x);
      return evaluation === undefined ? Number.POSITIVE_INFINITY : objective(x, evaluation.service);
    },
    valueAndGradient(x, gradient, scale) {
      const evaluation = evaluate(x);
      if (evaluation === undefined) return Number.POSITIVE_INFINITY;
      const jacobian = jacobianAt(evaluation);
      const residual = new Float64Array(customers.length);
      const weight = new Float64Array(customers.length);
      for (const term of terms) {
        const k = row.get(term.node)!;
        residual[k]! += 2 * term.weight * (evaluation.service[term.node]! - term.score);
        weight[k]! += term.weight;
      }
      for (let i = 0; i < size; i++) {
        const { mean, sd } = free[i]!;
        let g = (2 * priorWeight * (x[i]! - mean)) / (sd * sd);
        let curvature = (2 * priorWeight) / (sd * sd);
        for (let k = 0; k < customers.length; k++) {
          const d = jacobian[k * size + i]!;
          g += residual[k]! * d;
          curvature += 2 * weight[k]! * d * d;
        }
        gradient[i] = g;
        scale[i] = curvature > 0 && Number.isFinite(curvature) ? 1 / curvature : 1;
      }
      return objective(x, evaluation.service);
    },
    service(x) {
      const evaluation = evaluate(x);
      return evaluation?.service ?? new Float64Array(chain.nodeCount).fill(Number.NaN);
    },
    jacobian(x) {
      const evaluation = evaluate(x);
      return evaluation === undefined
        ? new Float64Array(customers.length * size).fill(Number.NaN)
        : jacobianAt(evaluation);
    },
  };
}
