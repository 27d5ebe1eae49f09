/**
 * Properties of calibration against independent computations: the fit never leaves the box and
 * never increases the objective, its reported objective is the one `analyze` gives with the fitted
 * values written in, and the adjoint gradient equals central finite differences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { calibrate } from '../../src/analysis/calibrate.js';
import { minimiseInBox } from '../../src/analysis/calibrate-fit.js';
import { estimatedValues, type FreeValue, namedValues } from '../../src/analysis/calibrate-free.js';
import { calibrationObjective } from '../../src/analysis/calibrate-objective.js';
import { observedShare } from '../../src/analysis/observations.js';
import { isScored } from '../../src/analysis/rankings.js';
import { compileModel } from '../../src/engine/index.js';
import { loadModelFile } from '../../src/model/load-file.js';
import type { EstimatedShare, Model } from '../../src/model/schema.js';
import { example } from '../cli/cli-run.js';
import { validModel } from '../model/model-arbitrary.js';

const ENGINE = { tolerance: 1e-13, maxIterations: 10_000 };

/** The model with every plain value turned into an estimate (picks cycle over the forms). */
function withEstimates(model: Model, picks: readonly number[]): Model {
  let i = 0;
  const turn = (x: EstimatedShare | undefined): EstimatedShare | undefined => {
    const pick = picks[i++ % picks.length]!;
    if (typeof x !== 'number' || pick === 0) return x;
    if (pick === 1) return { mean: x, sd: 0.5 * Math.sqrt(x * (1 - x)) };
    return { low: x / 2, high: (1 + x) / 2 };
  };
  const actor = <
    T extends { performance?: EstimatedShare | undefined; welfare?: EstimatedShare | undefined },
  >(
    a: T,
  ) => ({
    ...a,
    ...(a.performance !== undefined && { performance: turn(a.performance)! }),
    ...(a.welfare !== undefined && { welfare: turn(a.welfare)! }),
  });
  return {
    ...model,
    departments: (model.departments ?? []).map(actor),
    employees: (model.employees ?? []).map(actor),
    ...(model.handoffs && {
      handoffs: model.handoffs.map((h) =>
        h.quality === undefined ? h : { ...h, quality: turn(h.quality)! },
      ),
    }),
  };
}

/** Random observations of the model's customers. */
const observed = (model: Model) =>
  fc
    .array(
      fc.record({
        customer: fc.constantFrom(...(model.customers ?? []).map((c) => c.id)),
        score: fc.double({ min: 0, max: 1, noNaN: true }),
        n: fc.double({ min: 0.5, max: 200, noNaN: true }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((list) => list.map((o) => ({ ...o, source: 'other' as const })));

const calibratable = validModel
  .filter((m) => (m.customers ?? []).length > 0)
  .chain((m) =>
    fc
      .tuple(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }), observed(m))
      .map(([picks, observations]) => ({ ...withEstimates(m, picks), observations })),
  );

/** The model with the free values written in as plain numbers. */
function written(model: Model, free: readonly FreeValue[], x: ArrayLike<number>): Model {
  const departments = [...(model.departments ?? [])];
  const employees = [...(model.employees ?? [])];
  const handoffs = [...(model.handoffs ?? [])];
  free.forEach((value, i) => {
    if (value.field === 'quality')
      handoffs[value.index] = { ...handoffs[value.index]!, quality: x[i]! };
    else if (value.index < departments.length)
      departments[value.index] = { ...departments[value.index]!, [value.field]: x[i]! };
    else {
      const e = value.index - departments.length;
      employees[e] = { ...employees[e]!, [value.field]: x[i]! };
    }
  });
  return { ...model, departments, employees, handoffs };
}

/** f by hand: the observations of scored customers against analyze's service, plus the prior. */
function objectiveByHand(model: Model, free: readonly FreeValue[], x: ArrayLike<number>): number {
  const report = analyze(written(model, free, x));
  const service = new Map(report.customers.map((c) => [c.id, c.service]));
  let f = 0;
  for (const o of model.observations ?? []) {
    const s = service.get(o.customer);
    if (s !== null && s !== undefined) f += (o.n ?? 1) * (s - observedShare(o, model)) ** 2;
  }
  free.forEach((value, i) => {
    f += ((x[i]! - value.mean) / value.sd) ** 2;
  });
  return f;
}

function objectiveOf(model: Model, free: readonly FreeValue[]) {
  const chain = compileModel(model);
  const terms = (model.observations ?? []).flatMap((o) => {
    const node = chain.nodeIndex.get(o.customer)!;
    return isScored(chain, node)
      ? [{ node, score: observedShare(o, model), weight: o.n ?? 1 }]
      : [];
  });
  return calibrationObjective(chain, free, terms, 1, ENGINE);
}

describe('calibrate: properties', () => {
  it('never leaves the box, never increases the objective, and reports f as analyze gives it', () => {
    fc.assert(
      fc.property(calibratable, (model) => {
        const free = estimatedValues(model);
        const objective = objectiveOf(model, free);
        const fit = minimiseInBox(
          objective,
          free.map((v) => v.mean),
          { maxSteps: 60, tolerance: 1e-10 },
        );
        for (let s = 1; s < fit.values.length; s++)
          expect(fit.values[s]!).toBeLessThanOrEqual(fit.values[s - 1]!);
        const result = calibrate(model, { maxSteps: 60, fitTolerance: 1e-10 });
        result.values.forEach((value, i) => {
          expect(value.after).toBeGreaterThanOrEqual(Math.max(0, free[i]!.low));
          expect(value.after).toBeLessThanOrEqual(Math.min(1, free[i]!.high));
        });
        expect(result.objective.after).toBeLessThanOrEqual(result.objective.before);
        const x = result.values.map((v) => v.after);
        const byHand = objectiveByHand(model, free, x);
        expect(Math.abs(result.objective.after - byHand)).toBeLessThanOrEqual(1e-9 * (1 + byHand));
        const figures = [result.objective.before, result.objective.after];
        for (const value of result.values) figures.push(value.after, value.moved);
        expect(figures.every(Number.isFinite)).toBe(true);
        for (const customer of result.customers)
          expect(customer.after === null).toBe(customer.before === null);
      }),
      { numRuns: 60 },
    );
  });

  it('the adjoint gradient equals central finite differences on random small models', () => {
    // Smooth models: no `min` (its kinks have no derivative) and no k-of-n groups.
    const smooth = calibratable.map((model) => ({
      ...model,
      departments: (model.departments ?? []).map((d) =>
        d.combine === 'min' ? { ...d, combine: 'product' as const } : d,
      ),
      employees: (model.employees ?? []).map((e) =>
        e.combine === 'min' ? { ...e, combine: 'mean' as const } : e,
      ),
      handoffs: (model.handoffs ?? []).map(({ group: _, ...h }) => h),
      groups: undefined,
    }));
    fc.assert(
      fc.property(smooth, fc.double({ min: 0.1, max: 0.9, noNaN: true }), (model, at) => {
        const actors = [...(model.departments ?? []), ...(model.employees ?? [])].map((a) => a.id);
        const rated = new Set(
          (model.handoffs ?? []).flatMap((h, i) => (h.ratings !== undefined ? [i] : [])),
        );
        const names = (model.handoffs ?? []).flatMap((h, i) =>
          rated.has(i) ? [] : [h.id ?? `${h.from}->${h.to}`],
        );
        const free = namedValues(model, [...actors, ...new Set(names)], 0.2);
        // A prior of a tiny sd dwarfs the other terms: differences of f would lose them.
        fc.pre(free.length > 0 && free.every((v) => v.sd > 1e-3));
        const objective = objectiveOf(model, free);
        const x = Float64Array.from(free, (_, i) => 0.1 + ((at + i * 0.37) % 0.8));
        const gradient = new Float64Array(free.length);
        const scale = new Float64Array(free.length);
        objective.valueAndGradient(x, gradient, scale);
        fc.pre(gradient.every(Number.isFinite));
        const h = 1e-6;
        free.forEach((_, i) => {
          const up = Float64Array.from(x);
          const down = Float64Array.from(x);
          up[i]! += h;
          down[i]! -= h;
          const difference = (objective.value(up) - objective.value(down)) / (2 * h);
          expect(Math.abs(gradient[i]! - difference)).toBeLessThanOrEqual(
            1e-4 * Math.max(1, Math.abs(difference)),
          );
        });
      }),
      { numRuns: 80 },
    );
  });

  it('the gradient equals finite differences on the call-centre example, its cycle included', async () => {
    const { model } = await loadModelFile(example('call-centre.yaml'));
    const ids = [
      ...(model.departments ?? []).map((d) => d.id),
      'escalations',
      'resolutions',
      'crm->care-desk',
      'billing->households',
    ];
    const free = namedValues(model, ids, 0.2);
    const objective = objectiveOf(model, free);
    const x = Float64Array.from(free, (v) => v.mean);
    const gradient = new Float64Array(free.length);
    objective.valueAndGradient(x, gradient, new Float64Array(free.length));
    const h = 1e-6;
    free.forEach((_, i) => {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i]! += h;
      down[i]! -= h;
      const difference = (objective.value(up) - objective.value(down)) / (2 * h);
      expect(gradient[i]!).toBeCloseTo(difference, 4);
    });
    expect(gradient.some((g) => Math.abs(g) > 0.1)).toBe(true);
  });
});
