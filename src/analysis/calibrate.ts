/**
 * `calibrate(model, options)` (docs/uncertainty.md, "Calibration"): fits the free qualities,
 * performances and welfares to what customers were observed to say, minimising the weighted
 * squared gap plus a prior term (calibrate-objective.ts) inside [0, 1] with a monotone projected
 * gradient method (calibrate-fit.ts). Reports each value before and after, the gap left per
 * customer, the value that best explains each customer's gap, and which values the observations
 * cannot tell apart (calibrate-identify.ts); the fitted model comes with it (calibrate-model.ts).
 */
import { compileModel, type EngineOptions } from '../engine/index.js';
import type { Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import type { Model } from '../model/schema.js';
import { type FitResult, minimiseInBox } from './calibrate-fit.js';
import { estimatedValues, type FreeValue, namedValues } from './calibrate-free.js';
import { explain, identificationWarnings } from './calibrate-identify.js';
import { calibratedModel } from './calibrate-model.js';
import { calibrationObjective, type ObservationTerm } from './calibrate-objective.js';
import { type CalibrateOptions, resolveCalibrateOptions } from './calibrate-options.js';
import type { CalibratedCustomer, CalibratedValue, CalibrationReport } from './calibrate-report.js';
import { observationRows, observedShare } from './observations.js';
import { isScored, weakestLinkRef } from './rankings.js';

export { CALIBRATE_DEFAULTS, type CalibrateOptions } from './calibrate-options.js';

/** Fits the free values of a model to its observations. Throws ServiceChainError on bad input. */
export function calibrate(model: Model, options?: CalibrateOptions): CalibrationReport {
  const resolved = resolveCalibrateOptions(options);
  ensureValidModel(model);
  const engine: EngineOptions = {
    tolerance: resolved.tolerance,
    maxIterations: resolved.maxIterations,
  };
  const free =
    resolved.free === undefined
      ? estimatedValues(model)
      : namedValues(model, resolved.free, resolved.freeSd);
  const chain = compileModel(model);
  const terms: ObservationTerm[] = (model.observations ?? []).flatMap((observation) => {
    const node = chain.nodeIndex.get(observation.customer)!;
    if (!isScored(chain, node)) return [];
    return [{ node, score: observedShare(observation, model), weight: observation.n ?? 1 }];
  });
  const objective = calibrationObjective(chain, free, terms, resolved.priorWeight, engine);
  const start = Float64Array.from(free, (value) => value.mean);
  const fit = minimiseInBox(objective, start, {
    maxSteps: resolved.maxSteps,
    tolerance: resolved.fitTolerance,
  });
  const jacobianBefore = objective.jacobian(start);
  const serviceBefore = objective.service(start);
  const jacobianAfter = objective.jacobian(fit.x);
  const serviceAfter = objective.service(fit.x);
  const values: CalibratedValue[] = free.map((value, i) => {
    const after = fit.x[i]!;
    return {
      link: linkOf(chain, value),
      field: value.field,
      path: value.path,
      before: value.mean,
      after,
      sd: value.sd,
      moved: (after - value.mean) / value.sd,
      low: value.low,
      high: value.high,
    };
  });
  const customers = observedCustomers(model, chain, serviceBefore, serviceAfter);
  const jacobians = { before: jacobianBefore, after: jacobianAfter, rows: objective.customers };
  return {
    objective: { before: fit.values[0]!, after: fit.values.at(-1)! },
    steps: fit.steps,
    converged: fit.stop === 'converged',
    values,
    customers,
    explanations: explain(chain, customers, values, jacobians),
    warnings: [...fitWarnings(fit, free), ...identificationWarnings(chain, free, jacobians)],
    model: calibratedModel(model, free, fit.x),
  };
}

function linkOf(chain: ReturnType<typeof compileModel>, value: FreeValue) {
  return weakestLinkRef(
    chain,
    value.field === 'quality' ? chain.actorCount + value.index : value.index,
  )!;
}

/** The observed customers with the model's service before and after (null: not scored). */
function observedCustomers(
  model: Model,
  chain: ReturnType<typeof compileModel>,
  before: Float64Array,
  after: Float64Array,
): CalibratedCustomer[] {
  const base = (model.customers ?? []).map((customer, i) => {
    const node = chain.actorCount + i;
    const scored = isScored(chain, node);
    return { id: customer.id, name: customer.name ?? customer.id, node, scored };
  });
  const service = (values: Float64Array) =>
    base.map((c) => ({ ...c, service: c.scored ? values[c.node]! : null }));
  const rowsAfter = observationRows(model, service(after));
  return observationRows(model, service(before)).map((row, k) => {
    const later = rowsAfter[k]!;
    return {
      id: row.id,
      name: row.name,
      observed: row.observed,
      n: row.n,
      before: row.service,
      after: later.service,
      gapBefore: row.gap,
      gapAfter: later.gap,
    };
  });
}

/** Why the fit stopped early, if it did: at its step limit, or at an infinite derivative. */
function fitWarnings(fit: FitResult, free: readonly FreeValue[]): Warning[] {
  if (fit.stop === 'step_limit')
    return [
      {
        code: 'not_converged',
        path: '',
        message: `the fit stopped after ${fit.steps} steps before it settled; raise maxSteps (--max-steps)`,
      },
    ];
  if (fit.stop === 'not_finite')
    return [
      {
        code: 'infinite_sensitivity',
        path: free[0]?.path ?? '',
        message: `the fit stopped after ${fit.steps} steps: a customer's service has an infinite derivative (or a cycle does not settle) at the values reached`,
      },
    ];
  return [];
}
