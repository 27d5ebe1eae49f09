import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import {
  BUSINESS_IMPACT_DEFAULTS,
  type BusinessImpact,
  businessImpact,
} from '../../src/analysis/business-impact.js';
import { moneyAtRisk } from '../../src/analysis/money.js';
import type { LinkRef } from '../../src/analysis/report.js';
import { customerCoefficients } from '../../src/model/defaults.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { pointValue } from '../../src/model/estimates.js';
import { parseModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';
import { cornerShop } from './corner-shop.js';

function linkOf(impact: BusinessImpact, type: LinkRef['type'], id: string) {
  const found = impact.links.find((entry) => entry.link.type === type && entry.link.id === id);
  if (found === undefined) throw new Error(`no link ${type} ${id}`);
  return found;
}

function callCentre(): Model {
  return parseModel(readFileSync('examples/call-centre.yaml', 'utf8')).model;
}

describe('businessImpact: options', () => {
  it('rejects unknown and out-of-range options with every issue', () => {
    expect(() => businessImpact(cornerShop, { links: true, tops: 3 } as never)).toThrow(
      ServiceChainError,
    );
    try {
      businessImpact(cornerShop, { maxIterations: 0, linkz: false } as never);
    } catch (error) {
      const issues = (error as ServiceChainError).issues;
      expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['invalid_option', 'options.maxIterations'],
        ['invalid_option', 'options.linkz'],
      ]);
      expect(issues[1]!.message).toContain('did you mean "links"');
      return;
    }
    throw new Error('expected a ServiceChainError');
  });

  it('ranks BUSINESS_IMPACT_DEFAULTS.top links unless told otherwise', () => {
    const { rankings } = businessImpact(callCentre());
    expect(rankings.fixSaves).toHaveLength(BUSINESS_IMPACT_DEFAULTS.top);
    expect(businessImpact(callCentre(), { top: 2 }).rankings.fixSaves).toHaveLength(2);
  });

  it('keeps the top links in each ranking and every link in `links`', () => {
    const impact = businessImpact(cornerShop, { top: 2 });
    expect(impact.links).toHaveLength(4);
    expect(impact.rankings.fixSaves.map((r) => r.link.id)).toEqual([
      'warehouse->dispatch',
      'warehouse',
    ]);
    expect(impact.rankings.failureCosts).toHaveLength(2);
  });

  it('prices no link when links is false', () => {
    const impact = businessImpact(cornerShop, { links: false });
    expect(impact.links).toEqual([]);
    expect(impact.rankings).toEqual({ fixSaves: [], failureCosts: [] });
    expect(impact.total.atRisk).toBeCloseTo(48_676, 6);
  });
});

describe('businessImpact: the worked example of docs/business-impact.md', () => {
  const impact = businessImpact(cornerShop);

  it('computes the customer figures by hand', () => {
    // s = 0.9 * 0.8 * 0.95 = 0.684; failed = 0.316 * 0.8; lost = 1000 * (0.05 + 0.25 * 0.2528).
    const [shoppers] = impact.customers;
    expect(shoppers!.service).toBeCloseTo(0.684, 12);
    expect(shoppers!.failed).toBeCloseTo(0.2528, 12);
    expect(shoppers!.lost).toBeCloseTo(113.2, 9);
    expect(shoppers!.notWon).toBeCloseTo(33.96, 9);
    expect(shoppers!.atRisk).toBeCloseTo(48_676, 6);
    expect(impact.total).toEqual({
      failed: shoppers!.failed,
      lost: shoppers!.lost,
      notWon: shoppers!.notWon,
      atRisk: shoppers!.atRisk,
    });
  });

  it('prices the warehouse: a fix saves 6536, a breakdown costs 58824', () => {
    const warehouse = linkOf(impact, 'actor', 'warehouse');
    expect(warehouse.strength).toBe(0.9);
    expect(warehouse.fixSaves).toBeCloseTo(6_536, 6);
    expect(warehouse.failureCosts).toBeCloseTo(58_824, 6);
  });

  it('prices a hand-off: warehouse->dispatch at quality 1 gives s = 0.855', () => {
    // failed = 0.145 * 0.8 = 0.116; lost = 1000 * (0.05 + 0.029) = 79; notWon = 23.7.
    // atRisk = 102.7 * 300 + 79 * 40 = 30810 + 3160 = 33970: saves 48676 - 33970 = 14706.
    expect(linkOf(impact, 'handoff', 'warehouse->dispatch').fixSaves).toBeCloseTo(14_706, 6);
    // A perfect link saves nothing; dispatch is perfect already.
    expect(linkOf(impact, 'actor', 'dispatch').fixSaves).toBe(0);
  });

  it('ranks links by money saved and by money lost, ties in declaration order', () => {
    const ids = (ranked: BusinessImpact['rankings']['fixSaves']) =>
      ranked.map((entry) => `${entry.link.type}:${entry.link.id}`);
    // Saves: warehouse->dispatch (q 0.8) > dispatch->shoppers (q 0.95) vs warehouse (p 0.9).
    expect(ids(impact.rankings.fixSaves)).toEqual([
      'handoff:warehouse->dispatch',
      'actor:warehouse',
      'handoff:dispatch->shoppers',
      'actor:dispatch',
    ]);
    // Every link's breakdown takes s to 0: the same cost for all four, so declaration order.
    expect(ids(impact.rankings.failureCosts)).toEqual([
      'actor:warehouse',
      'actor:dispatch',
      'handoff:warehouse->dispatch',
      'handoff:dispatch->shoppers',
    ]);
    expect(impact.rankings.failureCosts[0]!.value).toBeCloseTo(58_824, 6);
  });
});

describe('businessImpact: customers and coefficients', () => {
  it('does not score a customer that receives no hand-off: no money at risk for it', () => {
    const model: Model = {
      ...cornerShop,
      customers: [
        ...cornerShop.customers!,
        { id: 'supplier', segment: 'supplier', count: 5, value: 1000, churn: { base: 0.5 } },
      ],
      handoffs: [...cornerShop.handoffs!, { from: 'supplier', to: 'warehouse', quality: 1 }],
    };
    const impact = businessImpact(model);
    const supplier = impact.customers[1]!;
    expect(supplier).toMatchObject({
      id: 'supplier',
      segment: 'supplier',
      service: null,
      failed: null,
      lost: null,
      notWon: null,
      atRisk: null,
    });
    expect(impact.total.atRisk).toBeCloseTo(48_676, 6);
  });

  it('applies the defaults block, lets a customer override it, and marks the defaults', () => {
    const model: Model = {
      ...cornerShop,
      defaults: { acquisitionCost: 100, churn: { perFailure: 0.5 } },
    };
    const [shoppers] = businessImpact(model).customers;
    // The customer's own acquisitionCost (40) wins; perFailure 0.5 comes from the defaults block.
    // lost = 1000 * (0.05 + 0.5 * 0.2528) = 176.4; notWon = 52.92;
    // atRisk = 229.32 * 300 + 176.4 * 40 = 68796 + 7056 = 75852.
    expect(shoppers!.atRisk).toBeCloseTo(75_852, 6);
    const marks = Object.fromEntries(
      shoppers!.coefficients.map((c) => [c.name, `${c.value} ${c.source}`]),
    );
    expect(marks).toEqual({
      count: '1000 customer',
      value: '300000 customer',
      'churn.base': '0.05 customer',
      'churn.perFailure': '0.5 defaults',
      recovery: '0.2 customer',
      'wordOfMouth.tells': '10 builtin',
      'wordOfMouth.conversion': '0.03 customer',
      acquisitionCost: '40 customer',
    });
  });

  it('gives zero money everywhere when the coefficients are zero', () => {
    const model: Model = {
      ...cornerShop,
      customers: [{ id: 'shoppers', count: 1000, value: 300_000, churn: { perFailure: 0 } }],
    };
    const impact = businessImpact(model);
    expect(impact.total.atRisk).toBe(0);
    expect(impact.total.lost).toBe(0);
    for (const entry of impact.links) {
      expect(entry.fixSaves).toBe(0);
      expect(entry.failureCosts).toBe(0);
    }
  });

  it('guards count 0: no one lost, nothing at risk, no NaN anywhere', () => {
    const model: Model = {
      ...cornerShop,
      customers: [{ id: 'shoppers', count: 0, value: 300_000, acquisitionCost: 10 }],
    };
    const impact = businessImpact(model);
    expect(impact.customers[0]).toMatchObject({ lost: 0, notWon: 0, atRisk: 0 });
    expect(impact.total.failed).toBeNull();
    expect(JSON.stringify(impact)).not.toMatch(/NaN|Infinity/);
  });
});

/** Every scored customer's money at the services `analyze` reports for a model. */
function bruteForceAtRisk(model: Model): number {
  const report = analyze(model);
  let total = 0;
  report.customers.forEach((customer, c) => {
    if (customer.service === null) return;
    total += moneyAtRisk(
      customer.service,
      customerCoefficients(model.customers![c]!, model.defaults),
    );
  });
  return total;
}

/** The model with one link's strength set to x (an actor: performance x, welfare 1). */
function withLink(model: Model, link: LinkRef, x: number): Model {
  const setActor = <T extends { id: string }>(actor: T) =>
    actor.id === link.id ? { ...actor, performance: x, welfare: 1 } : actor;
  if (link.type === 'actor') {
    return {
      ...model,
      departments: model.departments?.map(setActor),
      employees: model.employees?.map(setActor),
    } as Model;
  }
  return {
    ...model,
    handoffs: model.handoffs!.map((handoff) => {
      if ((handoff.id ?? `${handoff.from}->${handoff.to}`) !== link.id) return handoff;
      const { ratings: _, ...rest } = handoff;
      return { ...rest, quality: x };
    }),
  };
}

/** Relative closeness for money figures of any size. */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(expected)));
}

function expectMatchesBruteForce(model: Model): void {
  const impact = businessImpact(model);
  const now = bruteForceAtRisk(model);
  expectClose(impact.total.atRisk, now);
  for (const entry of impact.links) {
    expectClose(entry.fixSaves, now - bruteForceAtRisk(withLink(model, entry.link, 1)));
    expectClose(entry.failureCosts, bruteForceAtRisk(withLink(model, entry.link, 0)) - now);
  }
}

describe('businessImpact: exact link money', () => {
  it('equals a recomputation with analyze on the changed model, link by link (call centre)', () => {
    expectMatchesBruteForce(callCentre());
  });

  it('equals a recomputation on the retail example (ratings, groups, a cycle, suppliers)', () => {
    expectMatchesBruteForce(parseModel(readFileSync('examples/retail.yaml', 'utf8')).model);
  });
});

const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** Small random models: actors and customers, hand-offs between any two nodes, cycles allowed. */
const smallModel: fc.Arbitrary<Model> = fc
  .record({
    actors: fc.array(
      fc.record({
        performance: fc.double({ min: 0, max: 1, noNaN: true }),
        welfare: fc.double({ min: 0, max: 1, noNaN: true }),
        dependence: fc.double({ min: 0, max: 1, noNaN: true }),
        combine: fc.constantFrom('mean', 'min', 'product', 'geometric' as const),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    customers: fc.array(
      fc.record({
        count: fc.integer({ min: 0, max: 1000 }),
        value: fc.integer({ min: 0, max: 100_000 }),
        base: fc.double({ min: 0, max: 0.3, noNaN: true }),
        perFailure: fc.double({ min: 0, max: 3, noNaN: true }),
        recovery: fc.double({ min: 0, max: 1, noNaN: true }),
        tells: fc.integer({ min: 0, max: 20 }),
        conversion: fc.double({ min: 0, max: 0.2, noNaN: true }),
        acquisitionCost: fc.integer({ min: 0, max: 500 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    edges: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        quality: fc.double({ min: 0, max: 1, noNaN: true }),
        group: fc.constantFrom(undefined, 'g'),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ actors, customers, edges }) => {
    const actorIds = actors.map((_, i) => ID_POOL[i]!);
    const customerIds = customers.map((_, i) => `c${i}`);
    const nodes = [...actorIds, ...customerIds];
    const seen = new Set<string>();
    const handoffs = edges.flatMap(({ from, to, quality, group }) => {
      const f = nodes[from % nodes.length]!;
      const t = nodes[to % nodes.length]!;
      if (f === t || seen.has(`${f}->${t}`)) return [];
      seen.add(`${f}->${t}`);
      return [{ from: f, to: t, quality, ...(group === undefined ? {} : { group }) }];
    });
    return {
      version: 1 as const,
      departments: actors.map((actor, i) => ({ id: actorIds[i]!, ...actor })),
      customers: customers.map((c, i) => ({
        id: customerIds[i]!,
        count: c.count,
        value: c.value,
        churn: { base: c.base, perFailure: c.perFailure },
        recovery: c.recovery,
        wordOfMouth: { tells: c.tells, conversion: c.conversion },
        acquisitionCost: c.acquisitionCost,
      })),
      handoffs,
    };
  });

describe('businessImpact: invariants (fast-check)', () => {
  it('money at risk is never negative, and fixes and failures are priced >= 0', () => {
    fc.assert(
      fc.property(smallModel, (model) => {
        const impact = businessImpact(model);
        expect(impact.total.atRisk).toBeGreaterThanOrEqual(0);
        for (const customer of impact.customers) {
          if (customer.atRisk !== null) expect(customer.atRisk).toBeGreaterThanOrEqual(0);
        }
        for (const entry of impact.links) {
          expect(entry.fixSaves).toBeGreaterThanOrEqual(0);
          expect(entry.failureCosts).toBeGreaterThanOrEqual(0);
        }
        expect(JSON.stringify(impact)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it('money at risk never rises when any link improves', () => {
    fc.assert(
      fc.property(
        smallModel,
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (model, pick, raise) => {
          const before = businessImpact(model, { links: false }).total.atRisk;
          const links: LinkRef[] = [
            ...model.departments!.map((d) => ({ type: 'actor' as const, id: d.id })),
            ...model.handoffs!.map((h) => ({ type: 'handoff' as const, id: `${h.from}->${h.to}` })),
          ];
          const link = links[pick % links.length]!;
          const current =
            link.type === 'actor'
              ? (() => {
                  const d = model.departments!.find((a) => a.id === link.id)!;
                  return pointValue(d.performance!) * pointValue(d.welfare!);
                })()
              : pointValue(model.handoffs!.find((h) => `${h.from}->${h.to}` === link.id)!.quality!);
          const better = withLink(model, link, current + (1 - current) * raise);
          const after = businessImpact(better, { links: false }).total.atRisk;
          expect(after).toBeLessThanOrEqual(before + 1e-9 * Math.max(1, before));
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('link money equals a brute-force recomputation on random models', () => {
    fc.assert(
      fc.property(smallModel, (model) => {
        expectMatchesBruteForce(model);
      }),
      { numRuns: 60, seed: 99 },
    );
  });
});
