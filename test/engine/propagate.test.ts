import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { propagate } from '../../src/engine/propagate.js';
import { pointValue } from '../../src/model/estimates.js';
import type { Combine, Model } from '../../src/model/schema.js';
import { naiveService, randomModel } from './fixtures.js';

/** Two providers (p 0.9 via q 0.8 weight 1; p 0.5 via q 1 weight 3) into x, x into customer c. */
function twoInputs(combine: Combine, extra: Partial<Model> = {}): Model {
  return {
    version: 1,
    departments: [
      { id: 'a', performance: 0.9 },
      { id: 'b', performance: 0.5 },
      { id: 'x', combine },
    ],
    customers: [{ id: 'c' }],
    handoffs: [
      { from: 'a', to: 'x', quality: 0.8 },
      { from: 'b', to: 'x', quality: 1, weight: 3 },
      { from: 'x', to: 'c' },
    ],
    ...extra,
  };
}

function serviceOf(model: Model, id: string): number {
  const chain = compileModel(model);
  return propagate(chain).service[chain.nodeIndex.get(id)!]!;
}

describe('propagate: the combines of docs/model.md, "Propagation: service flows down the chain"', () => {
  it('mean weighs groups by weight: (1 * 0.72 + 3 * 0.5) / 4', () => {
    expect(serviceOf(twoInputs('mean'), 'x')).toBeCloseTo(0.555, 15);
  });
  it('min takes the worst group', () => {
    expect(serviceOf(twoInputs('min'), 'x')).toBe(0.5);
  });
  it('product multiplies the groups', () => {
    expect(serviceOf(twoInputs('product'), 'x')).toBeCloseTo(0.36, 15);
  });
  it('geometric is the weighted geometric mean', () => {
    expect(serviceOf(twoInputs('geometric'), 'x')).toBeCloseTo(0.72 ** 0.25 * 0.5 ** 0.75, 15);
  });
  it('geometric is 0 when one group receives 0', () => {
    const model = twoInputs('geometric');
    model.departments![1]!.performance = 0;
    expect(serviceOf(model, 'x')).toBe(0);
  });
  it('alternatives: r_G = 1 - (1 - 0.72)(1 - 0.5), w_G = max w', () => {
    const model = twoInputs('mean');
    model.handoffs![0]!.group = 'supply';
    model.handoffs![1]!.group = 'supply';
    expect(serviceOf(model, 'x')).toBeCloseTo(0.86, 15);
    // With a third, ungrouped input of weight 1 receiving 1: (3 * 0.86 + 1 * 1) / 4.
    model.departments!.push({ id: 'y' });
    model.handoffs!.push({ from: 'y', to: 'x' });
    expect(serviceOf(model, 'x')).toBeCloseTo((3 * 0.86 + 1) / 4, 15);
  });
  it('welfare multiplies performance; dependence passes a share of the shortfall', () => {
    const model = twoInputs('min');
    model.departments![2] = {
      id: 'x',
      combine: 'min',
      performance: 0.8,
      welfare: 0.5,
      dependence: 0.5,
    };
    // p = 0.4, I = 0.5: s = 0.4 (1 - 0.5 (1 - 0.5)) = 0.3
    expect(serviceOf(model, 'x')).toBeCloseTo(0.3, 15);
  });
  it('a node without input has I = 1 and s = p; a customer passes its input on', () => {
    const model = twoInputs('product');
    expect(serviceOf(model, 'a')).toBe(0.9);
    expect(serviceOf(model, 'c')).toBeCloseTo(0.36, 15);
  });
});

describe('propagate: the organisation score', () => {
  const base: Model = {
    version: 1,
    departments: [
      { id: 'a', performance: 0.5 },
      { id: 'b', performance: 0.9 },
    ],
    customers: [
      { id: 'c1', value: 3 },
      { id: 'c2', value: 1 },
      { id: 'supplier', value: 100 },
    ],
    handoffs: [
      { from: 'a', to: 'c1' },
      { from: 'b', to: 'c2' },
      { from: 'supplier', to: 'a' },
    ],
  };
  it('weighs scored customers by value; a customer that only supplies is not scored', () => {
    expect(propagate(compileModel(base)).score).toBeCloseTo((3 * 0.5 + 0.9) / 4, 15);
  });
  it('is the plain mean when the scored values add up to 0', () => {
    const model = structuredClone(base);
    model.customers![0]!.value = 0;
    model.customers![1]!.value = 0;
    expect(propagate(compileModel(model)).score).toBeCloseTo(0.7, 15);
  });
  it('is null when no customer is scored', () => {
    const model: Model = { version: 1, departments: [{ id: 'a' }], customers: [{ id: 'c' }] };
    expect(propagate(compileModel(model)).score).toBeNull();
  });
  it('uses model.defaults.value for customers without a value', () => {
    const model = structuredClone(base);
    delete model.customers![1]!.value;
    model.defaults = { value: 3 };
    expect(propagate(compileModel(model)).score).toBeCloseTo((3 * 0.5 + 3 * 0.9) / 6, 15);
  });
});

describe('propagate: cycles take the greatest fixed point', () => {
  it('a lossless two-node loop with no outside input stays at 1', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }],
      handoffs: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    };
    const result = propagate(compileModel(model));
    expect([...result.service]).toEqual([1, 1]);
    expect([...result.iterations]).toEqual([1]);
    expect(result.converged[0]).toBe(1);
  });
  it('a lossy loop with no outside input decays to its greatest fixed point 0', () => {
    const model: Model = {
      version: 1,
      departments: [
        { id: 'a', performance: 0.9 },
        { id: 'b', performance: 0.9 },
      ],
      handoffs: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    };
    const result = propagate(compileModel(model));
    expect(result.service[0]).toBeLessThan(1e-11);
    expect(result.converged[0]).toBe(1);
    expect(result.iterations[0]).toBeGreaterThan(100);
  });
  it('a loop fed from outside: s_a = (0.6 + s_b) / 2, s_b = 0.9 s_a', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'x', performance: 0.6 }, { id: 'a' }, { id: 'b', performance: 0.9 }],
      handoffs: [
        { from: 'x', to: 'a' },
        { from: 'b', to: 'a' },
        { from: 'a', to: 'b' },
      ],
    };
    const { service, converged } = propagate(compileModel(model));
    expect(service[1]).toBeCloseTo(0.3 / 0.55, 11);
    expect(service[2]).toBeCloseTo((0.9 * 0.3) / 0.55, 11);
    expect(converged[1]).toBe(1);
  });
  it('nested loops form one component and match the naive fixed point', () => {
    const model: Model = {
      version: 1,
      departments: [
        { id: 'a', performance: 0.95 },
        { id: 'b', combine: 'min' },
        { id: 'c', performance: 0.8, combine: 'product' },
        { id: 'in', performance: 0.7 },
      ],
      customers: [{ id: 'out' }],
      handoffs: [
        { from: 'in', to: 'a', weight: 2 },
        { from: 'a', to: 'b', quality: 0.9 },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b', quality: 0.99 },
        { from: 'c', to: 'out' },
      ],
    };
    const chain = compileModel(model);
    const { service } = propagate(chain);
    const naive = naiveService(model).service;
    for (const [id, v] of chain.nodeIndex) expect(service[v]).toBeCloseTo(naive.get(id)!, 9);
    expect(chain.components.count).toBe(3);
  });
  it('reports not converged when the cap is reached', () => {
    const model: Model = {
      version: 1,
      departments: [
        { id: 'a', combine: 'product' },
        { id: 'b', performance: 0.9999 },
      ],
      handoffs: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    };
    const result = propagate(compileModel(model), { tolerance: 1e-12, maxIterations: 50 });
    expect(result.converged[0]).toBe(0);
    expect(result.iterations[0]).toBe(50);
  });
});

describe('propagate: invariants', () => {
  it('every score is finite and in [0, 1], and matches the naive reference', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const chain = compileModel(model);
        // A near-lossless loop converges slowly: a tight tolerance keeps the comparison meaningful.
        const result = propagate(chain, { tolerance: 1e-15, maxIterations: 1_000_000 });
        fc.pre(result.converged.every((c) => c === 1));
        const naive = naiveService(model);
        for (const [id, v] of chain.nodeIndex) {
          const s = result.service[v]!;
          expect(Number.isFinite(s) && s >= 0 && s <= 1).toBe(true);
          expect(Math.abs(s - naive.service.get(id)!)).toBeLessThan(1e-6);
        }
        if (naive.score === null) expect(result.score).toBeNull();
        else expect(Math.abs(result.score! - naive.score)).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });
  it('raising any quality or performance never lowers any s_v nor S', () => {
    fc.assert(
      fc.property(
        randomModel(),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (model, pick, up) => {
          const chain = compileModel(model);
          const before = propagate(chain);
          fc.pre(before.converged.every((c) => c === 1));
          const raised = structuredClone(model);
          const handoffs = raised.handoffs ?? [];
          const actors = raised.departments ?? [];
          const i = pick % (handoffs.length + actors.length);
          if (i < handoffs.length) {
            const h = handoffs[i]!;
            const q = pointValue(h.quality) ?? 1;
            h.quality = q + up * (1 - q);
          } else {
            const a = actors[i - handoffs.length]!;
            const p = pointValue(a.performance) ?? 1;
            a.performance = p + up * (1 - p);
          }
          const after = propagate(compileModel(raised));
          fc.pre(after.converged.every((c) => c === 1));
          // Cycles stop within the tolerance of their fixed point: allow that much.
          for (let v = 0; v < chain.nodeCount; v++)
            expect(after.service[v]!).toBeGreaterThanOrEqual(before.service[v]! - 1e-9);
          if (before.score !== null)
            expect(after.score!).toBeGreaterThanOrEqual(before.score - 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
