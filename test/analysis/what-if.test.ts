/** whatIf: before and after a scenario (docs/model.md, "What-if scenarios and plans"), incremental equal to a full recompute. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { applyScenario } from '../../src/analysis/scenario.js';
import type { Change } from '../../src/analysis/scenario-schema.js';
import { WHAT_IF_DEFAULTS, whatIf } from '../../src/analysis/what-if.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

// s_a = 0.8, s_b = 0.8 x 0.9 = 0.72, s_c1 = 0.72, s_c2 = 0.8 x 0.5 = 0.4; S = (3 x 0.72 + 0.4) / 4 = 0.64.
const small: Model = validateModel({
  version: 1,
  departments: [{ id: 'a', performance: 0.8 }, { id: 'b' }],
  customers: [
    { id: 'c1', value: 3 },
    { id: 'c2', value: 1 },
  ],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.9 },
    { from: 'b', to: 'c1', quality: 1 },
    { from: 'a', to: 'c2', quality: 0.5 },
  ],
}).model;

describe('whatIf: bad input first', () => {
  it('throws every scenario issue with its path', () => {
    expect(() => whatIf(small, { changes: [{ handoff: 'a->bb', set: { quality: 0.5 } }] })).toThrow(
      'changes[0].handoff: unknown hand-off "a->bb" (did you mean "a->b"?)',
    );
  });

  it('rejects unknown options', () => {
    expect(() => whatIf(small, { changes: [] }, { rankngs: false } as never)).toThrow(
      ServiceChainError,
    );
  });
});

describe('whatIf on a hand-built model', () => {
  const result = whatIf(small, {
    name: 'worse a->b',
    changes: [{ handoff: 'a->b', set: { quality: 0.5 } }],
  });

  it('reports S before and after: (3 x 0.4 + 0.4) / 4 = 0.4', () => {
    expect(result.score.before).toBeCloseTo(0.64, 12);
    expect(result.score.after).toBeCloseTo(0.4, 12);
    expect(result.score.change).toBeCloseTo(-0.24, 12);
    expect(result.recompiled).toBe(false);
    expect(result.scenario).toEqual({ name: 'worse a->b', changes: 1 });
  });

  it('orders customers by absolute change, with chain strength and weakest link on both sides', () => {
    expect(result.customers.map((c) => c.id)).toEqual(['c1', 'c2']);
    const [c1, c2] = result.customers;
    expect(c1!.service.before).toBeCloseTo(0.72, 12);
    expect(c1!.service.after).toBeCloseTo(0.4, 12);
    expect(c1!.chainStrength).toEqual({ before: 0.8, after: 0.5, change: -0.30000000000000004 });
    expect(c1!.weakestLink).toEqual({
      before: { type: 'actor', id: 'a' },
      after: { type: 'handoff', id: 'a->b', from: 'a', to: 'b' },
      changed: true,
    });
    expect(c2!.service.change).toBe(0);
    expect(c2!.weakestLink.changed).toBe(false);
  });

  it('lists the links whose fixGain rank moved', () => {
    // Before: fixGain a = 0.16 (largest), a->b 0.0675, a->c2 0.1; after: a->b 0.3 first.
    const moved = result.rankingMoves!.map((m) => [m.link.id, m.before?.rank, m.after?.rank]);
    expect(moved[0]).toEqual(['a->b', 3, 1]);
    expect(result.rankingMoves!.every((m) => m.before?.rank !== m.after?.rank)).toBe(true);
  });

  it('equals a fresh analysis of the changed model', () => {
    const after = analyze(
      applyScenario(small, { changes: [{ handoff: 'a->b', set: { quality: 0.5 } }] }),
    );
    expect(result.score.after).toBe(after.score);
    for (const customer of after.customers)
      expect(result.customers.find((c) => c.id === customer.id)!.service.after).toBe(
        customer.service,
      );
  });

  it('recompiles for structural changes and marks added and removed customers', () => {
    const structural = whatIf(small, {
      changes: [
        { remove: { customer: 'c2' } },
        { add: { customer: { id: 'c3', value: 1 } } },
        { add: { handoff: { from: 'b', to: 'c3', quality: 0.5 } } },
      ],
    });
    expect(structural.recompiled).toBe(true);
    expect(structural.customers.map((c) => [c.id, c.status])).toEqual([
      ['c1', 'kept'],
      ['c2', 'removed'],
      ['c3', 'added'],
    ]);
    // S = (3 x 0.72 + 0.36) / 4 = 0.63
    expect(structural.score.after).toBeCloseTo(0.63, 12);
  });

  it('re-derives the quality of rated hand-offs when a receiver changes its priorities', () => {
    const rated = validateModel({
      version: 1,
      departments: [{ id: 'a' }],
      customers: [{ id: 'c' }],
      handoffs: [{ from: 'a', to: 'c', ratings: { timeliness: 5, accuracy: 1 } }],
    }).model;
    const result2 = whatIf(rated, {
      changes: [{ customer: 'c', set: { priorities: { timeliness: 3 } } }],
    });
    // quality = (3 x 1 + 1 x 0) / 4 = 0.75 (from 0.5)
    expect(result2.score).toEqual({ before: 0.5, after: 0.75, change: 0.25 });
    expect(result2.recompiled).toBe(false);
  });
});

/** Random models with cycles, groups and every combine, and random field-only changes. */
const share = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
const combine = fc.constantFrom('mean', 'min', 'product', 'geometric');
const scenarioCase = fc
  .record({ actors: fc.integer({ min: 2, max: 6 }), customers: fc.integer({ min: 1, max: 3 }) })
  .chain(({ actors, customers }) => {
    const actorIds = Array.from({ length: actors }, (_, i) => `a${i}`);
    const customerIds = Array.from({ length: customers }, (_, i) => `c${i}`);
    const nodes = [...actorIds, ...customerIds];
    const pairs = actorIds.flatMap((from) =>
      nodes.filter((to) => to !== from).map((to) => [from, to] as const),
    );
    const handoff = (pair: readonly [string, string]) =>
      fc
        .record({ quality: share, weight: fc.integer({ min: 1, max: 3 }), grouped: fc.boolean() })
        .map((f) => ({
          from: pair[0],
          to: pair[1],
          quality: f.quality,
          weight: f.weight,
          ...(f.grouped && { group: 'g' }),
        }));
    const model = fc
      .record({
        departments: fc.tuple(
          ...actorIds.map((id) =>
            fc
              .record({ performance: share, welfare: share, dependence: share, combine })
              .map((f) => ({ id, ...f })),
          ),
        ),
        customers: fc.tuple(
          ...customerIds.map((id) =>
            fc.integer({ min: 0, max: 5 }).map((value) => ({ id, value })),
          ),
        ),
        handoffs: fc
          .subarray(pairs, { minLength: 1 })
          .chain((chosen) => fc.tuple(...chosen.map(handoff))),
      })
      .map((parts) => validateModel({ version: 1, ...parts }).model);
    return model.chain((m) => {
      const ids = (m.handoffs ?? []).map((h) => `${h.from}->${h.to}`);
      const change: fc.Arbitrary<Change> = fc.oneof(
        fc.record({ handoff: fc.constantFrom(...ids), set: fc.record({ quality: share }) }),
        fc.record({
          handoff: fc.constantFrom(...ids),
          set: fc.record({ weight: fc.integer({ min: 1, max: 4 }) }),
        }),
        fc.record({
          actor: fc.constantFrom(...actorIds),
          set: fc.record(
            { performance: share, welfare: share, dependence: share, combine },
            { requiredKeys: ['welfare'] },
          ),
        }),
      );
      return fc.tuple(fc.constant(m), fc.array(change, { minLength: 1, maxLength: 4 }));
    });
  });

describe('whatIf: incremental re-evaluation equals a full recompute (property)', () => {
  it('gives the same result, bit for bit, as recomputing everything', () => {
    fc.assert(
      fc.property(scenarioCase, ([model, changes]) => {
        const incremental = whatIf(model, { changes });
        const full = whatIf(model, { changes }, { incremental: false });
        expect(full.recompiled).toBe(true);
        expect({ ...incremental, recompiled: true }).toEqual(full);
        const fresh = analyze(applyScenario(model, { changes }));
        expect(incremental.score.after).toBe(fresh.score);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});

describe('whatIf: rankings by default only on models small enough (WHAT_IF_DEFAULTS limits)', () => {
  // A ring of 501 departments (one cycle larger than the 500-node limit) serving one customer.
  const size = WHAT_IF_DEFAULTS.rankingsCycleLimit + 1;
  const ring: Model = validateModel({
    version: 1,
    departments: Array.from({ length: size }, (_, i) => ({ id: `d${i}`, performance: 0.9 })),
    customers: [{ id: 'c' }],
    handoffs: [
      ...Array.from({ length: size }, (_, i) => ({ from: `d${i}`, to: `d${(i + 1) % size}` })),
      { from: 'd0', to: 'c' },
    ],
  }).model;
  const changes: Change[] = [{ actor: 'd0', set: { performance: 0.8 } }];

  it('skips them on a large cycle, with a rankings_skipped warning that says how to force them', () => {
    const result = whatIf(ring, { changes });
    expect(result.rankingMoves).toBeNull();
    const skipped = result.warnings.filter((w) => w.code === 'rankings_skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.message).toContain(`a cycle of ${size} nodes`);
    expect(skipped[0]!.message).toContain('rankings: true');
    expect(skipped[0]!.message).toContain('--rankings');
  });

  it('takes the limits as options: a ring of 3 is over a cycle limit of 2, 4 links over 3', () => {
    const three = validateModel({
      version: 1,
      departments: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'x', to: 'y' },
        { from: 'y', to: 'z' },
        { from: 'z', to: 'x' },
        { from: 'x', to: 'c' },
      ],
    }).model;
    const change = { changes: [{ actor: 'x', set: { performance: 0.5 } }] };
    const skippedBy = (options: object) =>
      whatIf(three, change, options).warnings.find((w) => w.code === 'rankings_skipped')?.message;
    expect(skippedBy({ rankingsCycleLimit: 2 })).toContain('a cycle of 3 nodes (more than 2)');
    expect(skippedBy({ rankingsCycleLimit: 3 })).toBeUndefined();
    expect(skippedBy({ rankingsLinkLimit: 3 })).toMatch(/ links \(more than 3\)/);
    expect(whatIf(three, change, { rankingsCycleLimit: 2 }).rankingMoves).toBeNull();
    expect(() => whatIf(three, change, { rankingsLinkLimit: -1 })).toThrow(
      'options.rankingsLinkLimit: must be at least 0, got -1',
    );
  });

  it('compares them when forced, and skips them silently when turned off', () => {
    const forced = whatIf(ring, { changes }, { rankings: true });
    expect(forced.rankingMoves).not.toBeNull();
    expect(forced.warnings.some((w) => w.code === 'rankings_skipped')).toBe(false);
    const off = whatIf(ring, { changes }, { rankings: false });
    expect(off.rankingMoves).toBeNull();
    expect(off.warnings.some((w) => w.code === 'rankings_skipped')).toBe(false);
  });

  it('compares them by default on a small model, and reports progress when asked', () => {
    const calls: [number, number][] = [];
    const result = whatIf(
      small,
      { changes: [{ handoff: 'a->b', set: { quality: 0.5 } }] },
      { onProgress: (done, total) => calls.push([done, total]) },
    );
    expect(result.rankingMoves).not.toBeNull();
    expect(result.warnings.some((w) => w.code === 'rankings_skipped')).toBe(false);
    // Each side's pass ends with (total, total): 2 actors + 3 hand-offs = 5 links.
    expect(calls).toEqual([
      [5, 5],
      [5, 5],
    ]);
  });

  it('rejects an onProgress that is not a function', () => {
    expect(() => whatIf(small, { changes: [] }, { onProgress: 3 } as never)).toThrow(
      'must be a function',
    );
  });
});
