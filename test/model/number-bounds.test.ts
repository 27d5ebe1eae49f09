/**
 * Bounds on numbers (docs/model-file.md, "Bounds on numbers"): values whose sums or quotients would
 * overflow are refused with `out_of_range`, in models, scenarios and plan candidates alike; the
 * bounds themselves are accepted and give finite, right figures.
 */
import { describe, expect, it } from 'vitest';
import {
  analyze,
  businessImpact,
  type Model,
  safeValidateModel,
  validateCandidates,
  validateScenario,
} from '../../src/index.js';
import { ServiceChainError } from '../../src/model/errors.js';

/** One desk handing off to two customers rated 0.5 and 0.9. */
function twoCustomers(extra: Partial<Model> = {}, value?: number): Model {
  const customer = (id: string) => ({ id, ...(value !== undefined && { value }) });
  return {
    version: 1,
    departments: [{ id: 'desk' }],
    customers: [customer('a'), customer('b')],
    handoffs: [
      { from: 'desk', to: 'a', quality: 0.5 },
      { from: 'desk', to: 'b', quality: 0.9 },
    ],
    ...extra,
  };
}

function issuesOf(input: unknown) {
  const result = safeValidateModel(input);
  return result.success
    ? []
    : result.issues.map(({ code, path, message }) => ({ code, path, message }));
}

function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceChainError)
      return error.issues.map(({ code, path }) => ({ code, path }));
    throw error;
  }
  return [];
}

describe('bounds that keep the sums finite', () => {
  it('refuses a scale whose span overflows, with path and bound', () => {
    expect(issuesOf({ version: 1, scale: { min: -1e308, max: 1e308 } })).toEqual([
      { code: 'out_of_range', path: 'scale.min', message: 'must be at least -1e6, got -1e+308' },
      { code: 'out_of_range', path: 'scale.max', message: 'must be at most 1e6, got 1e+308' },
    ]);
  });

  it('refuses customer values, defaults.value and money amounts above 1e12', () => {
    const model = twoCustomers({
      defaults: { value: 1e308, acquisitionCost: 1e308, churn: { perFailure: 1e308 } },
    });
    model.customers![0] = { id: 'a', value: 1e308, count: 1e308, wordOfMouth: { tells: 1e308 } };
    expect(issuesOf(model).map(({ code, path }) => `${code} ${path}`)).toEqual([
      'out_of_range defaults.value',
      'out_of_range defaults.churn.perFailure',
      'out_of_range defaults.acquisitionCost',
      'out_of_range customers[0].value',
      'out_of_range customers[0].count',
      'out_of_range customers[0].wordOfMouth.tells',
    ]);
  });

  it('refuses a positive count below 1e-6 (value / count would overflow), accepts 0', () => {
    expect(issuesOf(twoCustomers({ defaults: { count: 5e-324 } }))).toEqual([
      {
        code: 'out_of_range',
        path: 'defaults.count',
        message: 'must be 0 or at least 1e-6, got 5e-324',
      },
    ]);
    expect(issuesOf(twoCustomers({ defaults: { count: 0 } }))).toEqual([]);
  });

  it('refuses hand-off weights outside [1e-9, 1e9]', () => {
    const model = twoCustomers();
    model.handoffs![0]!.weight = 5e-324;
    model.handoffs![1]!.weight = 1e308;
    expect(issuesOf(model)).toEqual([
      {
        code: 'out_of_range',
        path: 'handoffs[0].weight',
        message: 'must be at least 1e-9, got 5e-324',
      },
      {
        code: 'out_of_range',
        path: 'handoffs[1].weight',
        message: 'must be at most 1e9, got 1e+308',
      },
    ]);
  });
});

describe('the bounds themselves give the right, finite figures', () => {
  it('two customers of value 1e12 at 0.5 and 0.9 give S = 0.7', () => {
    expect(analyze(twoCustomers({}, 1e12)).score).toBeCloseTo(0.7, 12);
    expect(analyze(twoCustomers({ defaults: { value: 1e12 } })).score).toBeCloseTo(0.7, 12);
  });

  it('two inputs of weight 1e9 at 0 and 1 give service 0.5; of 1e-9, the same', () => {
    for (const weight of [1e9, 1e-9]) {
      const model: Model = {
        version: 1,
        departments: [{ id: 'a' }, { id: 'b' }, { id: 'desk' }],
        customers: [{ id: 'c' }],
        handoffs: [
          { from: 'a', to: 'desk', quality: 0, weight },
          { from: 'b', to: 'desk', quality: 1, weight },
          { from: 'desk', to: 'c' },
        ],
      };
      const report = analyze(model);
      expect(report.score).toBeCloseTo(0.5, 12);
      expect(report.warnings.map((w) => w.code)).not.toContain('infinite_sensitivity');
      for (const ranking of Object.values(report.rankings.byCustomer)) {
        expect(JSON.stringify(ranking)).not.toMatch(/null|Infinity/);
      }
    }
  });

  it('money at the amount bound is finite: 1e12 lost customers of 1e12 each', () => {
    const model = twoCustomers({
      defaults: {
        value: 1e12,
        count: 1e12,
        acquisitionCost: 1e12,
        wordOfMouth: { tells: 1e12, conversion: 1 },
      },
    });
    const money = businessImpact(model);
    // Customer a: failed 0.5, lost = 1e12 * 0.25 * 0.5; value per customer 1; notWon = lost * 1e12.
    const lost = 1e12 * 0.125;
    const atRiskA = (lost + lost * 1e12) * 1 + lost * 1e12;
    expect(money.customers[0]!.atRisk).toBeCloseTo(atRiskA, -30);
    expect(Number.isFinite(money.total.atRisk)).toBe(true);
  });
});

describe('scenarios and candidates pass through the same bounds', () => {
  const model = twoCustomers();

  it('refuses a scenario setting a weight of 5e-324 or a value of 1e308', () => {
    const scenario = {
      changes: [
        { handoff: 'desk->a', set: { weight: 5e-324 } },
        { customer: 'b', set: { value: 1e308, count: 5e-324 } },
        { add: { handoff: { from: 'desk', to: 'b', id: 'extra', weight: 1e308 } } },
      ],
    };
    expect(thrown(() => validateScenario(scenario, model))).toEqual([
      { code: 'out_of_range', path: 'changes[0].set.weight' },
      { code: 'out_of_range', path: 'changes[1].set.value' },
      { code: 'out_of_range', path: 'changes[1].set.count' },
      { code: 'out_of_range', path: 'changes[2].add.handoff.weight' },
    ]);
  });

  it('refuses a candidate cost of 5e-324 (gain per cost would be infinite)', () => {
    const candidate = {
      id: 'x',
      cost: 5e-324,
      changes: [{ handoff: 'desk->a', set: { quality: 1 } }],
    };
    expect(thrown(() => validateCandidates([candidate], model))).toEqual([
      { code: 'out_of_range', path: 'candidates[0].cost' },
    ]);
  });
});
