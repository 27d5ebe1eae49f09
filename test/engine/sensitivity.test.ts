import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { linkImpacts } from '../../src/engine/impact.js';
import { linkValue, setLinkValue } from '../../src/engine/links.js';
import { propagate } from '../../src/engine/propagate.js';
import { customerSensitivity, scoreSensitivity } from '../../src/engine/sensitivity.js';
import type { CompiledChain } from '../../src/engine/types.js';
import type { Model } from '../../src/model/schema.js';
import { randomModel, twoInputs } from './fixtures.js';

const tight = { tolerance: 1e-15, maxIterations: 1_000_000 };

/** Central finite difference of S (or s_c) in one link. */
function finiteDifference(chain: CompiledChain, link: number, customer?: number, h = 1e-5): number {
  const x = linkValue(chain, link);
  const value = (at: number) => {
    setLinkValue(chain, link, at);
    const result = propagate(chain, tight);
    return customer === undefined ? result.score! : result.service[customer]!;
  };
  const up = value(x + h);
  const down = value(x - h);
  setLinkValue(chain, link, x);
  return (up - down) / (2 * h);
}

/**
 * Textbook series-parallel reliability: A and B in series, that pair in parallel with C, all in
 * series with D: R = (1 - (1 - Ra Rb)(1 - Rc)) Rd. Modelled with actors whose performance is the
 * component's reliability: B receives A's output (`product`, one input: s_B = Rb Ra); D receives B
 * and C as ALTERNATIVES (one group: 1 - (1 - s_B)(1 - s_C)) and multiplies by its own Rd; the
 * customer receives D's output perfectly, so S = s_D = R. The Birnbaum importance dR/dR_i is then
 * exactly the sensitivity of actor i.
 */
function seriesParallel(Ra: number, Rb: number, Rc: number, Rd: number): Model {
  return {
    version: 1,
    departments: [
      { id: 'A', performance: Ra },
      { id: 'B', performance: Rb, combine: 'product' },
      { id: 'C', performance: Rc },
      { id: 'D', performance: Rd, combine: 'product' },
    ],
    customers: [{ id: 'user' }],
    handoffs: [
      { from: 'A', to: 'B' },
      { from: 'B', to: 'D', group: 'parallel' },
      { from: 'C', to: 'D', group: 'parallel' },
      { from: 'D', to: 'user' },
    ],
  };
}

describe('sensitivity (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss")', () => {
  it('reproduces series-parallel reliability and its Birnbaum importances', () => {
    const [Ra, Rb, Rc, Rd] = [0.9, 0.8, 0.7, 0.95];
    const R = (a: number, b: number, c: number, d: number) => (1 - (1 - a * b) * (1 - c)) * d;
    const chain = compileModel(seriesParallel(Ra, Rb, Rc, Rd));
    const evaluation = propagate(chain);
    expect(evaluation.score).toBeCloseTo(R(Ra, Rb, Rc, Rd), 15);
    const { link } = scoreSensitivity(chain, evaluation);
    expect(link[0]).toBeCloseTo(Rb * (1 - Rc) * Rd, 14);
    expect(link[1]).toBeCloseTo(Ra * (1 - Rc) * Rd, 14);
    expect(link[2]).toBeCloseTo((1 - Ra * Rb) * Rd, 14);
    expect(link[3]).toBeCloseTo(1 - (1 - Ra * Rb) * (1 - Rc), 14);
    const impacts = linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation));
    const base = R(Ra, Rb, Rc, Rd);
    expect(impacts.fixGain[0]).toBeCloseTo(R(1, Rb, Rc, Rd) - base, 14);
    expect(impacts.fixGain[2]).toBeCloseTo(R(Ra, Rb, 1, Rd) - base, 14);
    expect(impacts.failureLoss[1]).toBeCloseTo(base - R(Ra, 0, Rc, Rd), 14);
    expect(impacts.failureLoss[3]).toBeCloseTo(base, 14);
  });

  it('min: the derivative flows through the first attaining group only', () => {
    const model = twoInputs('min', 0.6, 0.6);
    const chain = compileModel(model);
    const { link } = scoreSensitivity(chain, propagate(chain));
    // actors a, b, x; then a->x (= s_a), b->x, x->c (= s_x)
    expect([...link]).toEqual([1, 0, 0.6, 0.6, 0, 0.6]);
  });

  it('a geometric actor with an input of 0: infinite (NaN) through that input only', () => {
    const model = twoInputs('geometric', 0, 0.5);
    const chain = compileModel(model);
    const { link } = scoreSensitivity(chain, propagate(chain));
    expect(Number.isNaN(link[0])).toBe(true); // raising p_a from 0 moves x infinitely fast
    expect(link[1]).toBe(0); // b cannot move x while a gives 0
    expect(link[chain.actorCount]).toBe(0); // q of a->x cannot matter while s_a = 0
    // Now the 0 comes from the hand-off's quality: the hand-off is infinite, the actor not.
    model.departments![0]!.performance = 0.5;
    model.handoffs![0]!.quality = 0;
    const other = compileModel(model);
    const second = scoreSensitivity(other, propagate(other)).link;
    expect(Number.isNaN(second[other.actorCount])).toBe(true);
    expect(second[0]).toBe(0);
  });

  it('equals central finite differences where the model is smooth (S and each s_c)', () => {
    fc.assert(
      fc.property(
        randomModel({ combines: ['mean', 'product', 'geometric'], minShare: 0.2, maxShare: 0.95 }),
        (model) => {
          const chain = compileModel(model);
          const evaluation = propagate(chain, tight);
          fc.pre(evaluation.score !== null && evaluation.converged.every((c) => c === 1));
          // Smooth only with inputs bounded away from 0 (a lossy loop can decay to 0).
          for (let h = 0; h < chain.handoffCount; h++)
            fc.pre(evaluation.service[chain.from[h]!]! * chain.quality[h]! > 0.01);
          const sens = scoreSensitivity(chain, evaluation, tight);
          for (let l = 0; l < chain.linkCount; l++)
            expect(Math.abs(sens.link[l]! - finiteDifference(chain, l))).toBeLessThan(1e-6);
          const c = chain.actorCount;
          const own = customerSensitivity(chain, evaluation, c, tight);
          for (let l = 0; l < chain.linkCount; l++)
            expect(Math.abs(own.link[l]! - finiteDifference(chain, l, c))).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 150 },
    );
  });
});
