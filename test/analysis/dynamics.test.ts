/** dynamics and breakdown (docs/model.md, "Change over time"): day by day along lagged hand-offs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdown } from '../../src/analysis/breakdown.js';
import { dynamics } from '../../src/analysis/dynamics.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';
import { loadModelFile } from '../../src/node.js';
import { example } from '../cli/cli-run.js';

const model = (input: object): Model => validateModel({ version: 1, ...input }).model;

// a -> b (lag 2) -> c (lag 3): s_a = p_a, s_b = s_a(t - 2), s_c = s_b(t - 3).
const line = model({
  departments: [{ id: 'a', performance: 0.5 }, { id: 'b' }],
  customers: [{ id: 'c', name: 'Customer' }],
  handoffs: [
    { from: 'a', to: 'b', lag: 2 },
    { from: 'b', to: 'c', lag: 3 },
  ],
});

describe('dynamics on a hand-built line', () => {
  const result = dynamics(line, { changes: [{ actor: 'a', set: { performance: 0.9 } }] });
  const c = result.customers[0]!;

  it('reaches the customer after 2 + 3 days, all at once', () => {
    expect(c.daily.slice(0, 6)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.9]);
    expect(c.halfDay).toBe(5);
    expect(c.ninetyDay).toBe(5);
    expect(result.settledDay).toBe(5);
    expect(result.settled).toBe(true);
    expect(result.longestLag).toBe(3);
  });

  it('ends at the static what-if', () => {
    expect(result.score.final).toBe(0.9);
    expect(c.after).toBe(0.9);
    expect(result.staticGap).toBe(0);
  });

  it('says when it did not settle within the days allowed', () => {
    const short = dynamics(
      line,
      { changes: [{ actor: 'a', set: { performance: 0.9 } }] },
      { days: 3 },
    );
    expect(short.settled).toBe(false);
    expect(short.days).toBe(3);
    expect(short.warnings.map((w) => w.code)).toContain('not_settled');
  });

  it('rejects bad options and scenarios', () => {
    expect(() => dynamics(line, { changes: [] }, { days: 0 })).toThrow('options.days');
    expect(() => dynamics(line, { changes: [{ actor: 'zz', set: { performance: 1 } }] })).toThrow(
      'changes[0].actor',
    );
  });
});

describe('dynamics: a mean of a fast and a slow input', () => {
  // c = (s_a(t) + s_b(t - 4)) / 2, both a and b raised from 0.5 to 1: half the change on day 0.
  const two = model({
    departments: [
      { id: 'a', performance: 0.5 },
      { id: 'b', performance: 0.5 },
    ],
    customers: [{ id: 'c' }],
    handoffs: [
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c', lag: 4 },
    ],
  });
  const result = dynamics(two, {
    changes: [
      { actor: 'a', set: { performance: 1 } },
      { actor: 'b', set: { performance: 1 } },
    ],
  });

  it('has half the change from day 0 and 90% on day 4', () => {
    const c = result.customers[0]!;
    expect(c.daily.slice(0, 5)).toEqual([0.75, 0.75, 0.75, 0.75, 1]);
    expect(c.halfDay).toBe(0);
    expect(c.ninetyDay).toBe(4);
  });
});

describe('breakdown', () => {
  it('a link down for 2 days costs 2 days x its loss, 3 days later downstream', () => {
    const result = breakdown(line, { handoff: 'a->b' }, 2);
    const c = result.customers[0]!;
    // r = s_a(t - 2) q(t): b feels its broken input at once (the lag delays a's service, not
    // the hand-off's own quality), so c, 3 days behind b, sees it on days 3 and 4.
    expect(c.daily.slice(0, 7)).toEqual([0.5, 0.5, 0.5, 0, 0, 0.5, 0.5]);
    expect(c.lost).toBeCloseTo(1, 12);
    expect(result.score.lost).toBeCloseTo(1, 12);
    expect(result.customerDaysLost).toBeCloseTo(1, 12);
    expect(result.settled).toBe(true);
  });

  it('names what it cannot break', () => {
    expect(() => breakdown(line, { actor: 'c' }, 2)).toThrow('is a customer, not an actor');
    expect(() => breakdown(line, { handoff: 'x' }, 0)).toThrow('unknown hand-off "x"');
  });
});

/** A random small model with lags, and a random scenario of field changes. */
const arbitrary = fc
  .record({
    actors: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 4 })), {
      minLength: 1,
      maxLength: 8,
    }),
    feeds: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 })), { minLength: 1, maxLength: 3 }),
    changes: fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 3,
    }),
    acyclic: fc.boolean(),
  })
  .map(({ actors, links, feeds, changes, acyclic }) => {
    const n = actors.length;
    const handoffs = new Map<string, { from: string; to: string; lag: number }>();
    for (const [x, y, lag] of links) {
      let [u, v] = [x % n, y % n];
      if (u === v) continue;
      // Acyclic: hand-offs go from lower to higher numbers only.
      if (acyclic && u > v) [u, v] = [v, u];
      handoffs.set(`a${u}->a${v}`, { from: `a${u}`, to: `a${v}`, lag });
    }
    for (const [c, [x, lag]] of feeds.entries())
      handoffs.set(`a${x % n}->c${c}`, { from: `a${x % n}`, to: `c${c}`, lag });
    const m = model({
      departments: actors.map((p, i) => ({ id: `a${i}`, performance: p })),
      customers: feeds.map((_, c) => ({ id: `c${c}` })),
      handoffs: [...handoffs.values()],
    });
    const scenario = changes.map(([x, p]) => ({ actor: `a${x % n}`, set: { performance: p } }));
    return { m, scenario, acyclic };
  });

describe('dynamics (properties)', () => {
  it('an acyclic chain settles exactly at the static what-if', () => {
    fc.assert(
      fc.property(arbitrary, ({ m, scenario, acyclic }) => {
        if (!acyclic) return;
        const result = dynamics(m, { changes: scenario });
        const expected = whatIf(m, { changes: scenario }, { rankings: false });
        expect(result.settled).toBe(true);
        expect(result.score.daily[result.score.daily.length - 1]).toBe(expected.score.after);
        for (const c of result.customers) {
          const row = expected.customers.find((e) => e.id === c.id)!;
          expect(c.after).toBe(row.service.after);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('with every lag 0 the static answer holds from day 0, cycles included', () => {
    fc.assert(
      fc.property(arbitrary, ({ m, scenario }) => {
        const flat = { ...m, handoffs: m.handoffs!.map((h) => ({ ...h, lag: 0 })) };
        const result = dynamics(flat, { changes: scenario });
        const expected = whatIf(flat, { changes: scenario }, { rankings: false });
        expect(result.settledDay).toBe(0);
        expect(result.score.daily[0]).toBe(expected.score.after);
        for (const c of result.customers)
          expect(c.daily[0]).toBe(expected.customers.find((e) => e.id === c.id)!.service.after);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the factory: how long until customers feel the rest-room fix', () => {
  it('ends at the what-if figure', async () => {
    const { model: factory } = await loadModelFile(example('factory.yaml'));
    const fix = { changes: [{ actor: 'sewing', set: { welfare: 0.85 } }] };
    const result = dynamics(factory, fix);
    const expected = whatIf(factory, fix, { rankings: false });
    expect(result.score.daily[result.score.daily.length - 1]).toBe(expected.score.after);
    expect(result.score.final).toBe(expected.score.after);
  });
});

describe('a loop closed only through lagged hand-offs', () => {
  // a <-> b, each hand-off a day late; a -> b starts at quality 0, so both are at 0 before day 0.
  // Fixing it makes 1 a fixed point (the static what-if), but day by day each only reads the
  // other's 0 of the day before: the run stays at 0 and says so.
  const loop = model({
    departments: [{ id: 'a' }, { id: 'b' }],
    customers: [{ id: 'c' }],
    handoffs: [
      { from: 'a', to: 'b', quality: 0, lag: 1 },
      { from: 'b', to: 'a', lag: 1 },
      { from: 'b', to: 'c' },
    ],
  });
  const result = dynamics(loop, { changes: [{ handoff: 'a->b', set: { quality: 1 } }] });

  it('holds the lower state and warns not_static with the gap to the what-if', () => {
    // `final` is where the static what-if ends; the days themselves stay at 0.
    expect(result.score.final).toBe(1);
    expect(result.score.daily.every((s) => s === 0)).toBe(true);
    expect(whatIf(loop, { changes: [{ handoff: 'a->b', set: { quality: 1 } }] }).score.after).toBe(
      1,
    );
    expect(result.staticGap).toBe(1);
    expect(result.warnings.map((w) => w.code)).toContain('not_static');
  });
});
