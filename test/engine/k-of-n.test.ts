/** k-of-n alternatives (docs/model.md, "k-of-n alternatives"): hand-computed blocks and brute force. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { customerServiceAfter, linkImpacts } from '../../src/engine/impact.js';
import { atLeast, exactlyKMinusOneOfOthers, kthLargest } from '../../src/engine/k-of-n.js';
import { linkValue, setLinkValue } from '../../src/engine/links.js';
import { propagate } from '../../src/engine/propagate.js';
import { customerSensitivity, scoreSensitivity } from '../../src/engine/sensitivity.js';
import { chainStrength } from '../../src/engine/strength.js';
import type { CompiledChain } from '../../src/engine/types.js';
import { weakestLink } from '../../src/engine/weakest-link.js';
import type { Combine, Model } from '../../src/model/schema.js';
import {
  bruteAtLeast,
  bruteKthLargest,
  naiveService,
  naiveStrength,
  randomModel,
  share,
  withLink,
} from './fixtures.js';

const tight = { tolerance: 1e-15, maxIterations: 1_000_000 };

/**
 * Actors a, b, c (performances ps) hand off to d as one group `block` needing `need` of them; d
 * (performance 1, `combine`) hands off to the customer perfectly, so S = s_d = the block's R.
 */
function block(ps: readonly number[], need: number | undefined, combine: Combine = 'mean'): Model {
  const names = ps.map((_, i) => `x${i}`);
  return {
    version: 1,
    departments: [...ps.map((p, i) => ({ id: names[i]!, performance: p })), { id: 'd', combine }],
    customers: [{ id: 'user' }],
    handoffs: [
      ...names.map((from) => ({ from, to: 'd', group: 'block' })),
      { from: 'd', to: 'user' },
    ],
    ...(need !== undefined && { groups: [{ to: 'd', group: 'block', need }] }),
  };
}

const inputs = fc
  .array(share(), { minLength: 1, maxLength: 8 })
  .chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: 1, max: r.length })));

describe('the k-of-n formulas against brute force over all 2^n outcomes', () => {
  it('atLeast is P(at least k right)', () => {
    fc.assert(
      fc.property(inputs, ([r, k]) => {
        expect(Math.abs(atLeast(r, r.length, k) - bruteAtLeast(r, k))).toBeLessThan(1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('the derivative by each input is P(k-of-n | it is right) - P(k-of-n | it is wrong)', () => {
    fc.assert(
      fc.property(inputs, ([r, k]) => {
        const out = new Float64Array(r.length);
        exactlyKMinusOneOfOthers(r, r.length, k, out);
        r.forEach((_, i) => {
          const right = bruteAtLeast(r.with(i, 1), k);
          const wrong = bruteAtLeast(r.with(i, 0), k);
          // The probability is linear in each input, so this difference IS the derivative.
          expect(Math.abs(out[i]! - (right - wrong))).toBeLessThan(1e-12);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('kthLargest is one of the values, the k-th from the top', () => {
    fc.assert(
      fc.property(inputs, ([r, k]) => {
        expect(kthLargest(Float64Array.from(r), r.length, k)).toBe(bruteKthLargest(r, k));
      }),
    );
  });
});

describe('a 2-of-3 block, by hand', () => {
  it('equal p: R = 3p^2 - 2p^3 and each Birnbaum importance is 2p(1 - p)', () => {
    for (const p of [0.9, 0.5, 0.25]) {
      const chain = compileModel(block([p, p, p], 2));
      const evaluation = propagate(chain);
      expect(evaluation.score).toBeCloseTo(3 * p ** 2 - 2 * p ** 3, 15);
      const sens = scoreSensitivity(chain, evaluation);
      for (let a = 0; a < 3; a++) expect(sens.link[a]).toBeCloseTo(2 * p * (1 - p), 15);
    }
  });

  it('p = 0.9, 0.8, 0.7: R = 0.902; for x0: dR/dp = 0.38, fix gain 0.038, failure loss 0.342', () => {
    const chain = compileModel(block([0.9, 0.8, 0.7], 2));
    const evaluation = propagate(chain);
    expect(evaluation.score).toBeCloseTo(0.902, 15);
    const sens = scoreSensitivity(chain, evaluation);
    expect(sens.link[0]).toBeCloseTo(0.8 + 0.7 - 2 * 0.8 * 0.7, 15);
    const impacts = linkImpacts(chain, evaluation, sens);
    expect(impacts.fixGain[0]).toBeCloseTo(0.038, 15);
    expect(impacts.failureLoss[0]).toBeCloseTo(0.342, 15);
  });

  it('chain strength is the second strongest input (0.8), and the walk names that actor', () => {
    const chain = compileModel(block([0.9, 0.8, 0.7], 2));
    const strength = chainStrength(chain);
    const user = chain.nodeIndex.get('user')!;
    expect(strength[user]).toBe(0.8);
    const { link, path } = weakestLink(chain, strength, user);
    expect(chain.ids[link]).toBe('x1');
    expect(path.map((v) => chain.ids[v])).toEqual(['x1', 'd', 'user']);
  });

  it('k = n is the product of the inputs, bit for bit, and k = 1 is the "any one" of today', () => {
    const ps = [0.9, 0.8, 0.7];
    const kOfN = propagate(compileModel(block(ps, 3)));
    const all = kOfN.service;
    const product = compileModel({
      ...block(ps, undefined, 'product'),
      handoffs: block(ps, undefined).handoffs!.map(({ from, to }) => ({ from, to })),
    });
    expect(all).toEqual(propagate(product).service);
    expect(kOfN.input[3]).toBe(0.9 * 0.8 * 0.7);
    const one = propagate(compileModel(block(ps, 1))).service;
    expect(one).toEqual(propagate(compileModel(block(ps, undefined))).service);
    expect(one[3]).toBeCloseTo(1 - 0.1 * 0.2 * 0.3, 12);
  });

  it('groupNeed holds each group need, 1 where the model names none', () => {
    const chain = compileModel(block([0.9, 0.8, 0.7], 2));
    expect([...chain.groupNeed]).toEqual([2, 1]);
  });
});

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

describe('models whose every group needs k >= 2 of its n hand-offs, against brute force', () => {
  // Shares kept off 0: a k-of-n group of inputs at 0 delivers 0 whatever the formula.
  const models = randomModel({ kOfN: true, maxActors: 4, minShare: 0.1 });
  // Chain strength compares exact copies: the corners 0 and 1 (ties) matter there.
  const anyShares = randomModel({ kOfN: true, maxActors: 4 });

  it('they do hold k-of-n groups (the generator is not vacuous)', () => {
    const sample = fc.sample(models, 200);
    const withNeed = sample.filter((m) => (m.groups ?? []).some((g) => g.need >= 2));
    expect(withNeed.length).toBeGreaterThan(50);
  });

  it('propagation equals the naive reference (all 2^n outcomes of each group)', () => {
    fc.assert(
      fc.property(models, (model) => {
        const chain = compileModel(model);
        const result = propagate(chain, tight);
        fc.pre(result.converged.every((c) => c === 1));
        const naive = naiveService(model);
        for (const [id, v] of chain.nodeIndex)
          expect(Math.abs(result.service[v]! - naive.service.get(id)!)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('sensitivities equal central finite differences (S and a customer)', () => {
    const smooth = randomModel({
      kOfN: true,
      maxActors: 4,
      combines: ['mean', 'product', 'geometric'],
      minShare: 0.2,
      maxShare: 0.95,
    });
    fc.assert(
      fc.property(smooth, (model) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain, tight);
        fc.pre(evaluation.score !== null && evaluation.converged.every((c) => c === 1));
        for (let h = 0; h < chain.handoffCount; h++)
          fc.pre(evaluation.service[chain.from[h]!]! * chain.quality[h]! > 0.01);
        const sens = scoreSensitivity(chain, evaluation, tight);
        for (let l = 0; l < chain.linkCount; l++)
          expect(Math.abs(sens.link[l]! - finiteDifference(chain, l))).toBeLessThan(1e-6);
        const c = chain.actorCount;
        const own = customerSensitivity(chain, evaluation, c, tight);
        for (let l = 0; l < chain.linkCount; l++)
          expect(Math.abs(own.link[l]! - finiteDifference(chain, l, c))).toBeLessThan(1e-6);
      }),
      { numRuns: 150 },
    );
  });

  it('fix gain and failure loss equal a full recompute; per customer bit for bit', () => {
    fc.assert(
      fc.property(models, (model) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        fc.pre(evaluation.score !== null);
        const impacts = linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation));
        for (let l = 0; l < chain.linkCount; l++) {
          const fixed = propagate(compileModel(withLink(model, chain.actorCount, l, 1)));
          const failed = propagate(compileModel(withLink(model, chain.actorCount, l, 0)));
          const S = evaluation.score!;
          expect(Math.abs(impacts.fixGain[l]! - (fixed.score! - S))).toBeLessThan(1e-10);
          expect(Math.abs(impacts.failureLoss[l]! - (S - failed.score!))).toBeLessThan(1e-10);
          const after = customerServiceAfter(chain, evaluation, l, 1);
          expect([...after]).toEqual([...fixed.service.slice(chain.actorCount)]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('chain strength equals the naive k-th largest fixed point; the weakest link attains it', () => {
    fc.assert(
      fc.property(anyShares, (model) => {
        const chain = compileModel(model);
        const strength = chainStrength(chain);
        const naive = naiveStrength(model);
        for (const [id, v] of chain.nodeIndex) expect(strength[v]).toBe(naive.get(id));
        for (let c = chain.actorCount; c < chain.nodeCount; c++) {
          const { link, path } = weakestLink(chain, strength, c);
          if (strength[c] === 1) continue;
          expect(linkValue(chain, link)).toBe(strength[c]);
          for (const x of path) expect(strength[x]).toBe(strength[c]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
