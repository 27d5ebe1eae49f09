import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { backupCandidates, backups } from '../../src/analysis/backups.js';
import { parseCandidates } from '../../src/analysis/plan.js';
import { compileModel } from '../../src/engine/compile.js';
import { customerServiceAfter } from '../../src/engine/impact.js';
import { propagate } from '../../src/engine/propagate.js';
import type { Model } from '../../src/model/schema.js';
import { randomModel } from '../engine/fixtures.js';

/** One warehouse w (p 0.8) serving c; a depot d (p 0.5) already hands goods to c2 (value 0). */
const small: Model = {
  version: 1,
  departments: [
    { id: 'w', performance: 0.8 },
    { id: 'd', performance: 0.5 },
  ],
  customers: [{ id: 'c' }, { id: 'c2', value: 0 }],
  handoffs: [
    { from: 'w', to: 'c', carries: 'goods' },
    { from: 'd', to: 'c2', carries: 'goods' },
  ],
};

describe('backups', () => {
  it('rejects a quality outside 0..1 with invalid_option', () => {
    expect(() => backups(small, { quality: 2 })).toThrow(/options\.quality/);
  });

  it('gives the depot as a backup of the warehouse and of its hand-off, with the exact gain', () => {
    const result = backups(small);
    // S = s_c = 0.8; with d -> c in a group with w -> c: 1 - (1 - 0.8)(1 - 0.5) = 0.9.
    expect(result.score).toBeCloseTo(0.8, 15);
    expect(result.backups.map((b) => [b.protects.id, b.provider])).toEqual([
      ['w', 'd'],
      ['w->c', 'd'],
    ]);
    const [first] = result.backups;
    expect(first!.scoreGain).toBeCloseTo(0.1, 15);
    // Money at risk with the default churn (0.25 per unit of failure): 0.25 × 0.2 -> 0.25 × 0.1.
    expect(first!.moneySaved).toBeCloseTo(0.025, 15);
    expect(first!.protectedCustomers).toEqual(['c']);
    expect(first!.changes).toEqual([
      { handoff: 'w->c', set: { group: 'w->c backup' } },
      {
        add: {
          handoff: {
            id: 'd->c',
            from: 'd',
            to: 'c',
            carries: 'goods',
            quality: 1,
            group: 'w->c backup',
          },
        },
      },
    ]);
  });

  it('takes the quality asked for', () => {
    // 1 - (1 - 0.8)(1 - 0.5 × 0.6) = 0.86
    expect(backups(small, { quality: 0.6 }).backups[0]!.scoreGain).toBeCloseTo(0.06, 15);
  });

  it('writes candidates that a plan reads back', () => {
    const file = backupCandidates(backups(small), small, 100);
    const parsed = parseCandidates(JSON.stringify(file), small);
    expect(parsed.candidates.map((c) => [c.id, c.label, c.cost])).toEqual([
      ['backup:d:w', 'd as a backup for w', 100],
      ['backup:d:w->c', 'd as a backup for w -> c', 100],
    ]);
  });

  it('tries no provider that depends on the link it would back up', () => {
    const chain: Model = {
      version: 1,
      departments: [{ id: 'w' }, { id: 'x' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'w', to: 'x', carries: 'goods', quality: 0.9 },
        { from: 'x', to: 'c', carries: 'goods', quality: 0.9 },
      ],
    };
    const tried = backups(chain).backups.map((b) => `${b.provider} for ${b.protects.id}`);
    expect(tried).toEqual(['w for x', 'w for x->c']);
  });
});

describe('failureAboveThreshold', () => {
  it('equals a brute-force failure of every link, customer by customer', () => {
    fc.assert(
      fc.property(randomModel(), fc.double({ min: 0, max: 1, noNaN: true }), (model, threshold) => {
        const report = analyze(model, { spofThreshold: threshold });
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        const names = [...chain.ids.slice(0, chain.actorCount), ...chain.handoffIds];
        const expected = report.customers.map(() => new Set<string>());
        if (evaluation.score !== null) {
          for (let l = 0; l < chain.linkCount; l++) {
            const after = customerServiceAfter(chain, evaluation, l, 0);
            report.customers.forEach((customer, c) => {
              if (customer.service === null) return;
              const loss = customer.service - after[c]!;
              if (loss > 0 && loss > threshold * customer.service) expected[c]!.add(names[l]!);
            });
          }
        }
        report.customers.forEach((customer, c) => {
          const listed = customer.failureAboveThreshold!.map((entry) => entry.link.id);
          expect(new Set(listed)).toEqual(expected[c]);
        });
      }),
      { numRuns: 60 },
    );
  });
});
