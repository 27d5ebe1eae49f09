/** Estimates in the model: validation wording, the point value, the Beta shape, and the point analysis. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { estimateOf, pointValue, spreadOf } from '../../src/model/estimates.js';
import { safeValidateModel } from '../../src/model/load.js';
import type { EstimatedShare, Model } from '../../src/model/schema.js';

function model(quality: unknown, performance: unknown = 1): Record<string, unknown> {
  return {
    version: 1,
    departments: [{ id: 'shop', performance }],
    customers: [{ id: 'shoppers' }],
    handoffs: [{ from: 'shop', to: 'shoppers', quality }],
  };
}

function messages(input: unknown): string[] {
  const result = safeValidateModel(input);
  if (result.success) return [];
  return result.issues.map((issue) => `${issue.code} ${issue.path}: ${issue.message}`);
}

describe('validation of estimates', () => {
  it('accepts a number, { mean, sd } and { low, high }', () => {
    expect(messages(model(0.8))).toEqual([]);
    expect(messages(model({ mean: 0.8, sd: 0.1 }, { low: 0.6, high: 0.9 }))).toEqual([]);
  });

  it('names the field and the rule broken', () => {
    expect(messages(model({ mean: 0.5, sd: 0.6 }))).toEqual([
      "invalid_value handoffs[0].quality.sd: must be below 0.5 for a mean of 0.5 (a share's sd is below sqrt(mean x (1 - mean))), got 0.6",
    ]);
    expect(messages(model(0.5, { low: 0.9, high: 0.2 }))).toEqual([
      'invalid_value departments[0].performance.high: must be at least low (0.9), got 0.2',
    ]);
    expect(messages(model({ mean: 1.2, sd: 0 }))).toEqual([
      'out_of_range handoffs[0].quality.mean: must be at most 1, got 1.2',
    ]);
    expect(messages(model({ mean: 0.5, sd: -0.1 }))).toEqual([
      'out_of_range handoffs[0].quality.sd: must be at least 0, got -0.1',
    ]);
    expect(messages(model(0.5, { low: -0.1, high: 0.5 }))).toEqual([
      'out_of_range departments[0].performance.low: must be at least 0, got -0.1',
    ]);
    expect(messages(model(1.5))).toEqual([
      'out_of_range handoffs[0].quality: must be at most 1, got 1.5',
    ]);
    expect(messages(model('high'))).toEqual([
      'invalid_type handoffs[0].quality: must be a number or { mean, sd } or { low, high }, got "high"',
    ]);
  });

  it('rejects any spread at a mean of 0 or 1 (no Beta has it)', () => {
    expect(messages(model({ mean: 1, sd: 0.01 }))).toHaveLength(1);
    expect(messages(model({ mean: 1, sd: 0 }))).toEqual([]);
  });
});

describe('pointValue and estimateOf', () => {
  it('reads the mean, the midpoint, or the number', () => {
    expect(pointValue(0.7)).toBe(0.7);
    expect(pointValue({ mean: 0.6, sd: 0.2 })).toBe(0.6);
    expect(pointValue({ low: 0.2, high: 0.6 })).toBe(0.4);
    expect(pointValue(undefined)).toBeUndefined();
  });

  it('matches a Beta to mean and sd (by hand: mean 0.5, sd 0.1 gives alpha = beta = 12)', () => {
    const beta = estimateOf({ mean: 0.5, sd: 0.1 });
    expect(beta.kind).toBe('beta');
    if (beta.kind !== 'beta') return;
    expect(beta.alpha).toBeCloseTo(12, 12);
    expect(beta.beta).toBeCloseTo(12, 12);
    // mean 0.8, sd 0.2: total = 0.16 / 0.04 - 1 = 3, alpha 2.4, beta 0.6.
    const skew = estimateOf({ mean: 0.8, sd: 0.2 });
    if (skew.kind !== 'beta') throw new Error('expected a Beta');
    expect(skew.alpha).toBeCloseTo(2.4, 12);
    expect(skew.beta).toBeCloseTo(0.6, 12);
  });

  it('takes no spread as exact', () => {
    expect(estimateOf({ mean: 0.3, sd: 0 })).toEqual({ kind: 'exact', value: 0.3 });
    expect(estimateOf({ low: 0.4, high: 0.4 })).toEqual({ kind: 'exact', value: 0.4 });
    const spreads: EstimatedShare[] = [0.5, { low: 0, high: 1 }, { mean: 0.5, sd: 0.1 }];
    expect(spreads.map(spreadOf)).toEqual([0, 1 / Math.sqrt(12), 0.1]);
  });
});

describe('the point analysis reads the means', () => {
  it('gives the same report as the plain means', () => {
    const estimated = model({ mean: 0.8, sd: 0.1 }, { low: 0.5, high: 0.7 }) as Model;
    const plain = model(0.8, 0.6) as Model;
    expect(analyze(estimated)).toEqual(analyze(plain));
    expect(analyze(plain).score).toBeCloseTo(0.48, 12);
  });
});

describe('estimates too narrow for a double', () => {
  it('are exact, never a Beta with an infinite or zero shape', () => {
    expect(estimateOf({ mean: 1e-310, sd: 1e-170 })).toEqual({ kind: 'exact', value: 1e-310 });
    expect(estimateOf({ mean: 0.5, sd: 1e-200 })).toEqual({ kind: 'exact', value: 0.5 });
  });
});
