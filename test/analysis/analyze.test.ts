import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYZE_DEFAULTS, analyze } from '../../src/analysis/analyze.js';
import { compileModel } from '../../src/engine/compile.js';
import { linkImpacts } from '../../src/engine/impact.js';
import { propagate } from '../../src/engine/propagate.js';
import { scoreSensitivity } from '../../src/engine/sensitivity.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { pointValue } from '../../src/model/estimates.js';
import { parseModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';
import { randomModel } from '../engine/fixtures.js';

/** a (0.9) -> b (0.8, min) -> shop; a -> b carries 0.5; b -> shop 1. */
const small: Model = {
  version: 1,
  name: 'Small',
  departments: [{ id: 'a', name: 'A', performance: 0.9 }],
  employees: [{ id: 'b', performance: 0.8, combine: 'min' }],
  customers: [
    { id: 'shop', value: 2 },
    { id: 'supplier', segment: 'supplier' },
  ],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.5 },
    { from: 'b', to: 'shop' },
    { from: 'supplier', to: 'a' },
  ],
};

describe('analyze: bad input first', () => {
  it('rejects unknown and invalid options with invalid_option', () => {
    const bad = (options: unknown) => {
      try {
        analyze(small, options as never);
      } catch (error) {
        return (error as ServiceChainError).issues;
      }
      return [];
    };
    expect(bad({ tolerence: 1 })).toEqual([
      {
        code: 'invalid_option',
        path: 'options.tolerence',
        message: 'unknown option "tolerence" (did you mean "tolerance"?)',
      },
    ]);
    expect(bad({ top: 1.5 })[0]).toMatchObject({ code: 'invalid_option', path: 'options.top' });
    expect(bad({ maxIterations: 0 })[0]).toMatchObject({
      code: 'invalid_option',
      path: 'options.maxIterations',
    });
    expect(bad({ tolerance: -1 })[0]).toMatchObject({
      code: 'invalid_option',
      path: 'options.tolerance',
    });
  });
  it('rejects an invalid model with every issue', () => {
    const model = {
      version: 1,
      departments: [{ id: 'a' }],
      handoffs: [{ from: 'a', to: 'x' }],
    } as Model;
    expect(() => analyze(model)).toThrow(ServiceChainError);
  });
  it('ranks ANALYZE_DEFAULTS.top links unless told otherwise', () => {
    const many = parseModel(readFileSync('examples/retail.yaml', 'utf8')).model;
    expect(analyze(many).rankings.overall.fixGain).toHaveLength(ANALYZE_DEFAULTS.top);
    expect(analyze(many, { top: 3 }).rankings.overall.fixGain).toHaveLength(3);
  });
});

describe('analyze: the report of docs/model.md, "What each report field means to a consultant"', () => {
  const report = analyze(small);
  it('summarises the model and scores the customers that receive a hand-off', () => {
    expect(report.model).toEqual({ name: 'Small', actors: 2, customers: 2, handoffs: 3 });
    // s_a = 0.9 (the supplier gives 1), s_b = 0.8 * min(0.45) = 0.36, S = s_shop = 0.36
    expect(report.score).toBeCloseTo(0.36, 15);
    expect(report.customers).toMatchObject([
      {
        id: 'shop',
        name: 'shop',
        segment: 'end-user',
        value: 2,
        service: report.score,
        chainStrength: 0.5,
        weakestLink: { type: 'handoff', id: 'a->b', from: 'a', to: 'b' },
        chain: ['a', 'b', 'shop'],
      },
      {
        id: 'supplier',
        name: 'supplier',
        segment: 'supplier',
        value: 1,
        service: null,
        chainStrength: 1,
        weakestLink: null,
        chain: [],
      },
    ]);
  });
  it('gives every actor its figures', () => {
    const [a, b] = report.actors;
    expect(a).toMatchObject({
      id: 'a',
      name: 'A',
      kind: 'department',
      service: 0.9,
      chainStrength: 0.9,
    });
    expect(a!.sensitivity).toBeCloseTo(0.4, 15); // dS/dp_a = 0.8 * 0.5
    expect(a!.fixGain).toBeCloseTo(0.04, 15);
    expect(a!.failureLoss).toBeCloseTo(0.36, 15);
    expect(a).toMatchObject({ customersReached: 1, handoffsToCustomer: 2, weakestFor: [] });
    expect(b).toMatchObject({
      id: 'b',
      kind: 'employee',
      customersReached: 1,
      handoffsToCustomer: 1,
    });
    expect(b!.fixGain).toBeCloseTo(0.45 - 0.36, 15);
  });
  it('gives every hand-off its figures and weakestFor', () => {
    const [ab, bshop] = report.handoffs;
    expect(ab).toMatchObject({
      id: 'a->b',
      from: 'a',
      to: 'b',
      quality: 0.5,
      received: 0.45,
      weakestFor: ['shop'],
    });
    expect(ab!.fixGain).toBeCloseTo(0.8 * 0.9 - 0.36, 15);
    expect(bshop!.received).toBeCloseTo(0.36, 15);
    expect(report.cycles).toEqual([]);
    expect(report.warnings.map((w) => [w.code, w.path])).toEqual([
      ['customer_unreached', 'customers[1]'],
    ]);
  });
  it('ranks links largest first, ties in declaration order (actors before hand-offs), top N', () => {
    const full = analyze(small, { top: 2 });
    const ranked = full.rankings.overall.failureLoss;
    // a, b, b->shop all lose 0.36 when they fail; a->b and supplier->a too. Since b (one input
    // group) counts as linear, a and a->b take the affine shortcut, e.g. a: 0.4 x 0.9 =
    // 0.36000000000000004 in floating point. Ties are exact float ties, in declaration order.
    const links = [
      ...full.actors.map((a, i) => ({ i, link: { type: 'actor', id: a.id }, v: a.failureLoss! })),
      ...full.handoffs.map((h, i) => ({
        i: 2 + i,
        link: { type: 'handoff', id: h.id },
        v: h.failureLoss!,
      })),
    ];
    links.sort((x, y) => y.v - x.v || x.i - y.i);
    expect(links.every((l) => Math.abs(l.v - 0.36) < 1e-15)).toBe(true);
    expect(ranked.map((r) => r.link)).toEqual(links.slice(0, 2).map((l) => l.link));
    expect(ranked.map((r) => r.link)).toEqual([
      { type: 'actor', id: 'a' },
      { type: 'handoff', id: 'a->b' },
    ]);
    expect(report.rankings.byCustomer.map((c) => c.customer)).toEqual(['shop']);
    // The only scored customer's figure is S's (weight 1), to rounding: a->b is affine (b has one
    // input group), S takes the shortcut s (1 - x), the customer the frontier lambda (s'_b - s_b).
    const first = report.rankings.byCustomer[0]!.ranking.fixGain[0]!;
    expect(first.link).toEqual({ type: 'handoff', id: 'a->b' });
    expect(first.value).toBeCloseTo(report.handoffs[0]!.fixGain!, 15);
  });
  it('names an untitled model', () => {
    expect(analyze({ ...small, name: undefined } as Model).model.name).toBe('Untitled model');
  });
});

describe('analyze: warnings', () => {
  it('no_scored_customers: S and every figure through S are null', () => {
    const report = analyze({ version: 1, departments: [{ id: 'a' }], customers: [{ id: 'c' }] });
    expect(report.score).toBeNull();
    expect(report.actors[0]).toMatchObject({ sensitivity: null, fixGain: null, failureLoss: null });
    expect(report.warnings.map((w) => w.code)).toContain('no_scored_customers');
  });
  it('not_converged names the cycle; the cycle is reported with its iterations', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a', performance: 0.9 }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
      ],
    };
    const report = analyze(model, { maxIterations: 3 });
    expect(report.cycles).toEqual([{ nodes: ['a', 'b'], iterations: 3, converged: false }]);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ code: 'not_converged', path: 'departments[0]' }),
    );
  });
  it('infinite_sensitivity: null and a warning naming the link', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }, { id: 'x', combine: 'geometric' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'x', quality: 0 },
        { from: 'b', to: 'x' },
        { from: 'x', to: 'c' },
      ],
    };
    const report = analyze(model);
    expect(report.handoffs[0]!.sensitivity).toBeNull();
    expect(report.handoffs[0]!.fixGain).toBeGreaterThan(0);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ code: 'infinite_sensitivity', path: 'handoffs[0]' }),
    );
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });
});

describe('analyze: invariants', () => {
  it('reordering declarations changes nothing but documented tie-breaks', () => {
    const tight = { tolerance: 1e-15, maxIterations: 1_000_000 };
    fc.assert(
      fc.property(
        randomModel({ combines: ['mean', 'product', 'geometric'] }),
        fc.nat(),
        (model, seed) => {
          const shuffled = structuredClone(model);
          const rotate = <T>(list: T[] | undefined) => {
            if (list === undefined || list.length === 0) return;
            const k = seed % list.length;
            list.push(...list.splice(0, k));
            list.reverse();
          };
          rotate(shuffled.departments);
          rotate(shuffled.customers);
          rotate(shuffled.handoffs);
          const before = analyze(model, tight);
          const after = analyze(shuffled, tight);
          fc.pre(before.cycles.every((c) => c.converged));
          const close = (x: number | null, y: number | null) =>
            x === null ? expect(y).toBeNull() : expect(Math.abs(x - y!)).toBeLessThan(1e-7);
          close(before.score, after.score);
          for (const actor of before.actors) {
            const other = after.actors.find((a) => a.id === actor.id)!;
            close(actor.service, other.service);
            expect(other.chainStrength).toBe(actor.chainStrength);
            close(actor.fixGain, other.fixGain);
            close(actor.failureLoss, other.failureLoss);
            expect(other.customersReached).toBe(actor.customersReached);
            expect(other.handoffsToCustomer).toBe(actor.handoffsToCustomer);
          }
          for (const handoff of before.handoffs) {
            const other = after.handoffs.find((h) => h.id === handoff.id)!;
            close(handoff.fixGain, other.fixGain);
            close(handoff.failureLoss, other.failureLoss);
            if (handoff.sensitivity !== null && other.sensitivity !== null)
              expect(Math.abs(handoff.sensitivity - other.sensitivity)).toBeLessThan(1e-6);
          }
          for (const customer of before.customers) {
            const other = after.customers.find((c) => c.id === customer.id)!;
            expect(other.chainStrength).toBe(customer.chainStrength);
            // The weakest link itself may differ only where several links tie at the chain strength.
            const strengths = [
              ...(model.departments ?? []).map(
                (a) => (pointValue(a.performance) ?? 1) * (pointValue(a.welfare) ?? 1),
              ),
              ...before.handoffs.map((h) => h.quality),
            ];
            const ties = strengths.filter((x) => x === customer.chainStrength).length;
            if (ties <= 1) expect(other.weakestLink).toEqual(customer.weakestLink);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('analyze: one impact pass for S and every customer', () => {
  it("S's fixGain / failureLoss equal linkImpacts' bit for bit (one pass serves S and customers)", () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        fc.pre(evaluation.score !== null);
        const impacts = linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation));
        const report = analyze(model);
        const links = [...report.actors, ...report.handoffs];
        links.forEach((link, l) => {
          for (const [got, want] of [
            [link.fixGain, impacts.fixGain[l]!],
            [link.failureLoss, impacts.failureLoss[l]!],
          ] as const) {
            if (!Number.isFinite(want)) expect(got).toBeNull();
            else expect(got).toBe(Math.max(want, 0));
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('reports progress through onProgress (not part of the report), ending at (links, links)', () => {
    const calls: [number, number][] = [];
    const report = analyze(small, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[5, 5]]); // 2 actors + 3 hand-offs
    expect(JSON.stringify(report)).toBe(JSON.stringify(analyze(small)));
  });

  it('rejects an onProgress that is not a function', () => {
    expect(() => analyze(small, { onProgress: 'yes' } as never)).toThrow('must be a function');
  });
});
