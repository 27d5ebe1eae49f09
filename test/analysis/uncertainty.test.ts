/** uncertainty(model): hand-computed cases, and the options' checks. */
import { describe, expect, it } from 'vitest';
import { uncertainty } from '../../src/analysis/uncertainty.js';
import { ServiceChainError } from '../../src/model/errors.js';
import type { Model } from '../../src/model/schema.js';

/** a -> b -> shoppers: the first hand-off uniform on [low, high], the second exactly 0.5. */
function series(low: number, high: number): Model {
  return {
    version: 1,
    departments: [{ id: 'a' }, { id: 'b' }],
    customers: [{ id: 'shoppers' }, { id: 'nobody' }],
    handoffs: [
      { from: 'a', to: 'b', quality: { low, high } },
      { from: 'b', to: 'shoppers', quality: 0.5 },
    ],
  };
}

describe('uncertainty: by hand', () => {
  it('S = q x 0.5 with q uniform on [0, 1]: mean 0.25, 90% interval 0.025 to 0.475', () => {
    const result = uncertainty(series(0, 1));
    expect(result.samples).toBe(2000);
    expect(result.estimates).toBe(1);
    // Standard error of the mean: 0.5 / sqrt(12 x 2000) = 0.0032; percentiles about 0.005.
    expect(result.score!.mean).toBeCloseTo(0.25, 1);
    expect(Math.abs(result.score!.mean - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(result.score!.low - 0.025)).toBeLessThan(0.015);
    expect(Math.abs(result.score!.high - 0.475)).toBeLessThan(0.015);
  });

  it('ranks the uncertain link first exactly when it is the worse of the two', () => {
    // fixGain(a->b) = 0.5 (1 - q), fixGain(b->shoppers) = 0.5 q: a->b is first iff q < 1/2.
    const { links, customers } = uncertainty(series(0, 1));
    expect(links.map((l) => l.link.id).sort()).toEqual(['a->b', 'b->shoppers']);
    expect(Math.abs(links[0]!.firstFix - 0.5)).toBeLessThan(0.05);
    expect(links[0]!.firstFix + links[1]!.firstFix).toBe(1);
    expect(links[0]!.firstFix).toBeGreaterThanOrEqual(links[1]!.firstFix);
    expect(links.map((l) => l.inTop)).toEqual([1, 1]);
    // The weakest link of shoppers is a->b iff q < 0.5 (chain strength min(q, 0.5)).
    const shoppers = customers[0]!;
    expect(shoppers.weakestLinks.map((w) => w.link.id).sort()).toEqual(['a->b', 'b->shoppers']);
    expect(Math.abs(shoppers.weakestLinks[0]!.probability - 0.5)).toBeLessThan(0.05);
    expect(shoppers.chainStrength.high).toBe(0.5);
  });

  it('leaves a customer no hand-off reaches without a service', () => {
    const { customers } = uncertainty(series(0.2, 0.4), { samples: 50 });
    expect(customers[1]!.service).toBeNull();
    expect(customers[1]!.weakestLinks).toEqual([]);
  });

  it('puts a link certain to be first at probability 1', () => {
    // q in [0.1, 0.2]: fixGain(a->b) >= 0.4 > fixGain(b->shoppers) <= 0.1 in every sample.
    const { links } = uncertainty(series(0.1, 0.2), { samples: 100 });
    expect(links[0]!).toMatchObject({ link: { id: 'a->b' }, firstFix: 1, inTop: 1 });
    expect(links[0]!.fixGain!.low).toBeGreaterThanOrEqual(0.4);
    expect(links[0]!.fixGain!.high).toBeLessThanOrEqual(0.45);
  });

  it('gives a different draw for a different seed, and a model without estimates no spread', () => {
    const one = uncertainty(series(0, 1), { samples: 20, seed: 1 }).score!;
    const two = uncertainty(series(0, 1), { samples: 20, seed: 2 }).score!;
    expect(one.mean).not.toBe(two.mean);
    const exact = uncertainty(series(0.3, 0.3), { samples: 20 });
    expect(exact.estimates).toBe(0);
    expect(exact.score!.mean).toBeCloseTo(0.15, 15);
    expect([exact.score!.low, exact.score!.high]).toEqual([exact.score!.mean, exact.score!.mean]);
  });
});

describe('uncertainty: options', () => {
  it.each([
    [{ samples: 0 }, 'options.samples'],
    [{ samples: 1.5 }, 'options.samples'],
    [{ seed: -1 }, 'options.seed'],
    [{ topRank: 0 }, 'options.topRank'],
    [{ sample: 10 }, 'options.sample'],
  ])('rejects %j at %s', (options, path) => {
    try {
      uncertainty(series(0, 1), options as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ServiceChainError);
      expect((error as ServiceChainError).issues[0]).toMatchObject({
        code: 'invalid_option',
        path,
      });
    }
  });
});
