/** Observations: validation, the weighted observed score and the gap, and the report section. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { safeValidateModel } from '../../src/model/load.js';
import type { Model, Observation } from '../../src/model/schema.js';
import { toText } from '../../src/render/text.js';

function model(observations: unknown[]): Record<string, unknown> {
  return {
    version: 1,
    departments: [{ id: 'shop', name: 'Shop' }],
    customers: [{ id: 'shoppers', name: 'Shoppers' }, { id: 'online' }, { id: 'idle' }],
    handoffs: [
      { from: 'shop', to: 'shoppers', quality: 0.8 },
      { from: 'shop', to: 'online', quality: 0.6 },
    ],
    observations,
  };
}

function messages(input: unknown): string[] {
  const result = safeValidateModel(input);
  return result.success ? [] : result.issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
}

describe('observations: validation', () => {
  it('names an unknown customer with a suggestion, and a node that is no customer', () => {
    expect(
      messages(
        model([
          { customer: 'shopers', source: 'complaints', score: 0.4 },
          { customer: 'shop', source: 'informal', score: 0.4 },
        ]),
      ),
    ).toEqual([
      'unknown_node observations[0].customer: unknown customer "shopers" (did you mean "shoppers"?)',
      'wrong_kind observations[1].customer: "shop" is a department, not a customer: observations are of external customers',
    ]);
  });

  it('keeps a score in [0, 1], or on the rating scale with scale: true', () => {
    expect(
      messages(
        model([
          { customer: 'online', source: 'questionnaire', score: 4 },
          { customer: 'online', source: 'questionnaire', score: 6, scale: true },
          { customer: 'online', source: 'questionnaire', score: 4, scale: true },
        ]),
      ),
    ).toEqual([
      'out_of_range observations[0].score: must be in [0, 1], got 4 (a rating? add `scale: true`)',
      'out_of_range observations[1].score: must be on the rating scale 1 to 5, got 6',
    ]);
  });

  it('rejects an unknown source and a non-positive n through the shape checks', () => {
    const issues = messages(model([{ customer: 'online', source: 'survey', score: 0.5, n: 0 }]));
    expect(issues).toEqual([
      expect.stringMatching(
        /^invalid_value observations\[0\]\.source: must be one of .*"questionnaire"/,
      ),
      'out_of_range observations[0].n: must be greater than 0, got 0',
    ]);
  });
});

describe('observations: the report', () => {
  it('weighs by n and maps ratings onto [0, 1] (by hand)', () => {
    const report = analyze(
      model([
        { customer: 'shoppers', source: 'questionnaire', score: 4, scale: true, n: 30 },
        { customer: 'shoppers', source: 'mystery-shopper', score: 0.5, n: 10 },
        { customer: 'online', source: 'complaints', score: 0.45 },
        { customer: 'idle', source: 'other', score: 0.9 },
      ]) as Model,
    );
    // shoppers: (30 x 0.75 + 10 x 0.5) / 40 = 0.6875 against a service of 0.8.
    expect(report.observations![0]).toMatchObject({
      id: 'shoppers',
      observed: 0.6875,
      n: 40,
      sources: ['questionnaire', 'mystery-shopper'],
    });
    expect(report.observations![0]!.gap).toBeCloseTo(-0.1125, 12);
    expect(report.observations![1]).toMatchObject({ id: 'online', observed: 0.45, n: 1 });
    expect(report.observations![2]).toMatchObject({ id: 'idle', service: null, gap: null });
    const text = toText(report);
    expect(text).toContain('What customers say');
    expect(text).toMatch(
      /Shoppers\s+0\.800\s+0\.688\s+-0\.113\s+40\s+questionnaire, mystery-shopper/,
    );
  });

  it('leaves the report as it was without observations', () => {
    const plain = { ...model([]) };
    delete plain.observations;
    expect('observations' in analyze(plain as Model)).toBe(false);
  });

  it('observed is the n-weighted mean of each customer own observations (brute force)', () => {
    const observation = fc.record({
      customer: fc.constantFrom('shoppers', 'online', 'idle'),
      source: fc.constantFrom('questionnaire', 'informal', 'complaints'),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      n: fc.integer({ min: 1, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 8 }), (list) => {
        const rows = analyze(model(list) as Model).observations!;
        const expected = ['shoppers', 'online', 'idle'].flatMap((customer) => {
          const own = list.filter((o: Observation) => o.customer === customer);
          if (own.length === 0) return [];
          const n = own.reduce((sum, o) => sum + o.n!, 0);
          return [
            { id: customer, n, observed: own.reduce((sum, o) => sum + o.n! * o.score, 0) / n },
          ];
        });
        expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
        rows.forEach((r, i) => {
          expect(r.n).toBe(expected[i]!.n);
          expect(Math.abs(r.observed - expected[i]!.observed)).toBeLessThan(1e-12);
          expect(r.observed).toBeGreaterThanOrEqual(0);
          expect(r.observed).toBeLessThanOrEqual(1);
        });
      }),
    );
  });
});
