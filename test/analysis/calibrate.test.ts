/**
 * calibrate(model): hand-computed fits, a planted case recovered, the values it may move, the
 * warnings, the explanations and the calibrated model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { CALIBRATE_DEFAULTS, calibrate } from '../../src/analysis/calibrate.js';
import { calibratedShare } from '../../src/analysis/calibrate-model.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';
import type { EstimatedShare, Model } from '../../src/model/schema.js';
import { renderCalibration } from '../../src/render/calibrate-document.js';
import { example } from '../cli/cli-run.js';

/** shop -> shoppers with quality q: s = q. */
function single(quality: EstimatedShare, score: number, n: number): Model {
  return {
    version: 1,
    departments: [{ id: 'shop', name: 'Shop' }],
    customers: [{ id: 'shoppers', name: 'Shoppers' }],
    handoffs: [{ from: 'shop', to: 'shoppers', quality }],
    observations: [{ customer: 'shoppers', source: 'questionnaire', score, n }],
  };
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceChainError)
      return error.issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('calibrate: hand-computed fits', () => {
  it('one quality, s = q: the minimum of n (q - y)^2 + ((q - m) / sd)^2', () => {
    // 100 (q - 0.3)^2 + 100 (q - 0.5)^2 is least at q = 0.4: objective 4 before, 2 after.
    const result = calibrate(single({ mean: 0.5, sd: 0.1 }, 0.3, 100));
    expect(result.values).toHaveLength(1);
    const [value] = result.values;
    expect(value!.before).toBe(0.5);
    expect(value!.after).toBeCloseTo(0.4, 8);
    expect(value!.moved).toBeCloseTo(-1, 6);
    expect(result.objective.before).toBeCloseTo(4, 10);
    expect(result.objective.after).toBeCloseTo(2, 8);
    expect(result.converged).toBe(true);
    expect(result.customers).toEqual([
      {
        id: 'shoppers',
        name: 'Shoppers',
        observed: 0.3,
        n: 100,
        before: 0.5,
        after: expect.closeTo(0.4, 8),
        gapBefore: expect.closeTo(-0.2, 12),
        gapAfter: expect.closeTo(-0.1, 8),
      },
    ]);
  });

  it('one respondent barely moves a confident estimate: q = (y + 100 m) / 101', () => {
    const result = calibrate(single({ mean: 0.5, sd: 0.1 }, 0.3, 1));
    expect(result.values[0]!.after).toBeCloseTo(50.3 / 101, 8);
  });

  it('a uniform estimate keeps the value inside its interval (sd (high - low) / sqrt 12)', () => {
    // The evidence wants 0.2, the box stops at 0.6.
    const result = calibrate(single({ low: 0.6, high: 0.9 }, 0.2, 1000));
    expect(result.values[0]!.after).toBe(0.6);
    expect(result.values[0]!.sd).toBeCloseTo(0.3 / Math.sqrt(12), 12);
    // Written back centred on the fitted value, the same width.
    expect(result.model.handoffs![0]!.quality).toEqual({ low: 0.45, high: 0.75 });
  });

  it('priorWeight 0: the observations alone, the value lands on the observed score', () => {
    const result = calibrate(single({ mean: 0.5, sd: 0.1 }, 0.3, 5), { priorWeight: 0 });
    expect(result.values[0]!.after).toBeCloseTo(0.3, 8);
    expect(result.objective.after).toBeCloseTo(0, 12);
  });

  it('a performance and a welfare: d s / d performance = d s / d p x welfare', () => {
    // s = performance x welfare x q; welfare 0.5 exact, q 1: s = 0.5 performance.
    const model: Model = {
      version: 1,
      departments: [{ id: 'shop', performance: { mean: 0.8, sd: 0.1 }, welfare: 0.5 }],
      customers: [{ id: 'shoppers' }],
      handoffs: [{ from: 'shop', to: 'shoppers', quality: 1 }],
      observations: [{ customer: 'shoppers', source: 'informal', score: 0.3, n: 400 }],
    };
    // 400 (0.5 x - 0.3)^2 + 100 (x - 0.8)^2: 400 (0.5 x - 0.3) + 200 (x - 0.8) = 0, x = 0.7.
    const result = calibrate(model);
    expect(result.values[0]!.field).toBe('performance');
    expect(result.values[0]!.after).toBeCloseTo(0.7, 8);
  });
});

describe('calibrate: a planted case', () => {
  // shop -> store (q0), store -> walk-ins (q1), shop -> online (q2), store -> trade (q3), and
  // store -> partners fixed at 0.8, which pins the store's service: four values, four customers.
  const truth = [0.7, 0.45, 0.3, 0.85];
  const base = (qualities: readonly EstimatedShare[]): Model => ({
    version: 1,
    departments: [
      { id: 'shop', name: 'Shop', performance: 0.9 },
      { id: 'store', name: 'Store', dependence: 0.6 },
    ],
    customers: [
      { id: 'walk-ins', name: 'Walk-ins' },
      { id: 'online', name: 'Online shoppers' },
      { id: 'trade', name: 'Trade' },
      { id: 'partners', name: 'Partners' },
    ],
    handoffs: [
      { from: 'shop', to: 'store', quality: qualities[0]! },
      { from: 'store', to: 'walk-ins', quality: qualities[1]! },
      { from: 'shop', to: 'online', quality: qualities[2]! },
      { from: 'store', to: 'trade', quality: qualities[3]! },
      { from: 'store', to: 'partners', quality: 0.8 },
    ],
  });

  it('recovers the hidden qualities from observations made with them', () => {
    const planted = analyze(base(truth));
    const observations = planted.customers.map((c) => ({
      customer: c.id,
      source: 'mystery-shopper' as const,
      score: c.service!,
      n: 1_000_000,
    }));
    const hidden = { ...base(truth.map(() => ({ mean: 0.5, sd: 0.3 }))), observations };
    const result = calibrate(hidden);
    expect(result.converged).toBe(true);
    expect(result.warnings).toEqual([]);
    result.values.forEach((value, i) => {
      expect(Math.abs(value.after - truth[i]!)).toBeLessThan(1e-4);
    });
    for (const customer of result.customers)
      expect(Math.abs(customer.gapAfter!)).toBeLessThan(1e-4);
  });

  it("names the value that explains each customer's gap", () => {
    const planted = analyze(base(truth));
    const online = planted.customers.find((c) => c.id === 'online')!;
    const observations = [
      { customer: 'online', source: 'complaints' as const, score: online.service!, n: 500 },
    ];
    const result = calibrate({ ...base([0.7, 0.45, { mean: 0.6, sd: 0.2 }, 0.85]), observations });
    expect(result.explanations).toEqual([
      {
        customer: 'online',
        name: 'Online shoppers',
        score: 'low',
        link: { type: 'handoff', id: 'shop->online', from: 'shop', to: 'online' },
        field: 'quality',
        before: 0.6,
        after: result.values[0]!.after,
        contribution: expect.any(Number),
      },
    ]);
    expect(result.values[0]!.after).toBeLessThan(0.35);
  });
});

describe('calibrate: the values it may move', () => {
  const model: Model = {
    version: 1,
    departments: [
      { id: 'shop', name: 'Shop', performance: { mean: 0.9, sd: 0.05 } },
      { id: 'desk', welfare: 0.9 },
    ],
    customers: [{ id: 'shoppers' }],
    handoffs: [
      { id: 'counter', from: 'shop', to: 'desk', quality: 0.8 },
      { from: 'desk', to: 'shoppers', ratings: { timeliness: 4 } },
    ],
    observations: [{ customer: 'shoppers', source: 'informal', score: 0.5 }],
  };

  it('by default every estimate with a spread', () => {
    expect(calibrate(model).values.map((v) => v.path)).toEqual(['departments[0].performance']);
  });

  it('`free` names hand-offs by id or from->to and actors by id, each once, in model order', () => {
    const result = calibrate(model, { free: ['shop->desk', 'desk', 'counter', 'shop'] });
    expect(result.values.map((v) => [v.path, v.sd])).toEqual([
      ['departments[0].performance', 0.05],
      ['departments[1].performance', CALIBRATE_DEFAULTS.freeSd],
      ['handoffs[0].quality', CALIBRATE_DEFAULTS.freeSd],
    ]);
  });

  it('refuses an unknown name with a suggestion, a customer, and a rated hand-off', () => {
    expect(
      issuesOf(() => calibrate(model, { free: ['countr', 'shoppers', 'desk->shoppers'] })),
    ).toEqual([
      'unknown_node options.free[0]: unknown hand-off or actor "countr" (did you mean "counter"?)',
      'wrong_kind options.free[1]: "shoppers" is a customer: it has no value to calibrate; name a hand-off or an actor',
      'invalid_value options.free[2]: hand-off "desk->shoppers" is rated: its quality comes from its ratings; give it a quality (or an estimate) to calibrate it',
    ]);
  });

  it('refuses a bad option as invalid_option', () => {
    expect(issuesOf(() => calibrate(model, { maxSteps: 0 }))).toEqual([
      'invalid_option options.maxSteps: must be at least 1, got 0',
    ]);
  });
});

describe('calibrate: warnings', () => {
  it('two values in series seen by one customer cannot be told apart', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'b', quality: { mean: 0.8, sd: 0.1 } },
        { from: 'b', to: 'c', quality: { mean: 0.7, sd: 0.1 } },
      ],
      observations: [{ customer: 'c', source: 'questionnaire', score: 0.4, n: 50 }],
    };
    expect(calibrate(model).warnings).toEqual([
      {
        code: 'not_identified',
        path: 'handoffs[0].quality',
        message:
          'the observations cannot tell apart the quality of "a->b" and the quality of "b->c": they move every observed customer alike, so only their priors share the change out',
      },
    ]);
  });

  it('a value no observed customer sees, and a model with no observations', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }],
      customers: [{ id: 'c' }, { id: 'd' }],
      handoffs: [
        { from: 'a', to: 'c', quality: { mean: 0.8, sd: 0.1 } },
        { from: 'a', to: 'd', quality: { mean: 0.7, sd: 0.1 } },
      ],
      observations: [{ customer: 'c', source: 'questionnaire', score: 0.6 }],
    };
    expect(calibrate(model).warnings.map((w) => w.message)).toEqual([
      'the quality of "a->d" reaches no observed customer: the observations say nothing of it, and it stays at its estimate',
    ]);
    const { observations: _, ...unobserved } = model;
    const result = calibrate(unobserved);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['not_identified', 'observations'],
    ]);
    expect(result.values.map((v) => v.after)).toEqual([0.8, 0.7]);
    expect(result.steps).toBe(0);
  });

  it('the step limit is a not_converged warning', () => {
    const result = calibrate(single({ mean: 0.5, sd: 0.1 }, 0.3, 100), {
      maxSteps: 1,
      fitTolerance: 0,
    });
    expect(result.converged).toBe(false);
    expect(result.warnings.map((w) => w.code)).toEqual(['not_converged']);
  });
});

describe('calibrate: the calibrated model', () => {
  it("keeps each estimate's kind and spread, centred on the fitted value, rounded to 4 decimals", () => {
    expect(calibratedShare({ mean: 0.5, sd: 0.1 }, 0.312345)).toEqual({ mean: 0.3123, sd: 0.1 });
    expect(calibratedShare({ low: 0.2, high: 0.6 }, 0.31)).toEqual({ low: 0.11, high: 0.51 });
    // Near 0 a uniform narrows to stay in [0, 1], and a Beta's sd to stay a Beta.
    expect(calibratedShare({ low: 0.2, high: 0.6 }, 0.05)).toEqual({ low: 0, high: 0.1 });
    expect(calibratedShare({ mean: 0.5, sd: 0.4 }, 0.05)).toEqual({ mean: 0.05, sd: 0.2179 });
    expect(calibratedShare(0.8, 0.61234)).toBe(0.6123);
    expect(calibratedShare(undefined, 0.61236)).toBe(0.6124);
    expect(calibratedShare({ mean: 0.5, sd: 0.4 }, 0)).toEqual({ mean: 0, sd: 0 });
  });

  it('is a valid model holding the fitted values, the input untouched', () => {
    const input = single({ mean: 0.5, sd: 0.1 }, 0.3, 100);
    const copy = structuredClone(input);
    const result = calibrate(input);
    expect(input).toEqual(copy);
    expect(validateModel(result.model).model.handoffs![0]!.quality).toEqual({ mean: 0.4, sd: 0.1 });
  });
});

describe('calibrate: the worked example of docs/uncertainty.md', () => {
  it('prints for the call-centre example what the page quotes', async () => {
    const page = readFileSync(
      join(import.meta.dirname, '..', '..', 'docs', 'uncertainty.md'),
      'utf8',
    );
    const quoted =
      /`service-chain calibrate examples\/call-centre\.yaml` says:\n\n```text\n([\s\S]*?)```/.exec(
        page,
      )?.[1];
    expect(quoted).toBeDefined();
    const { model } = await loadModelFile(example('call-centre.yaml'));
    expect(renderCalibration(calibrate(model), model)).toContain(quoted!);
  });
});
