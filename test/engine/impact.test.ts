import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affineNodes, isAffineLink } from '../../src/engine/affine.js';
import { compileModel } from '../../src/engine/compile.js';
import {
  customerServiceAfter,
  forEachLinkCustomerImpact,
  linkImpacts,
} from '../../src/engine/impact.js';
import { linkValue } from '../../src/engine/links.js';
import { propagate } from '../../src/engine/propagate.js';
import { scoreSensitivity } from '../../src/engine/sensitivity.js';
import { ENGINE_DEFAULTS } from '../../src/engine/types.js';
import type { Model } from '../../src/model/schema.js';
import { randomModel, twoInputs, withLink } from './fixtures.js';

/** S and every customer's service of the model with one link set to x, by a full recompute. */
function bruteForce(model: Model, actorCount: number, link: number, x: number) {
  const chain = compileModel(withLink(model, actorCount, link, x));
  const result = propagate(chain);
  return { score: result.score, customers: result.service.slice(chain.actorCount) };
}

describe('affineNodes and isAffineLink', () => {
  it('marks the all-mean, acyclic downstream; a min receiver or a group breaks it', () => {
    const model: Model = {
      version: 1,
      departments: [
        { id: 'a' },
        { id: 'b' },
        { id: 'm', combine: 'min' },
        { id: 'p', combine: 'product' },
      ],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'm' },
        { from: 'b', to: 'p' },
        { from: 'm', to: 'c' },
        { from: 'p', to: 'c', group: 'g' },
        { from: 'b', to: 'c', group: 'g' },
        { from: 'b', to: 'm' },
      ],
    };
    const chain = compileModel(model);
    const affine = affineNodes(chain);
    // a feeds a min of two groups: not affine; m feeds c (mean, ungrouped): affine; p and b feed a group: not.
    expect([...affine]).toEqual([0, 0, 1, 0, 1]);
    // Hand-offs: a->m into a min (not affine), b->p into a product p that is not A (p feeds a group).
    expect(isAffineLink(chain, affine, chain.actorCount)).toBe(false);
    expect(isAffineLink(chain, affine, chain.actorCount + 1)).toBe(false);
    expect(isAffineLink(chain, affine, chain.actorCount + 2)).toBe(true);
    expect(isAffineLink(chain, affine, chain.actorCount + 3)).toBe(true); // into c: one input of a mean
  });

  it('a receiver with ONE input group is linear whatever its combine (min, product, geometric)', () => {
    const model: Model = {
      version: 1,
      departments: [
        { id: 'a', performance: 0.6 },
        { id: 'm', combine: 'min', dependence: 0.7 },
        { id: 'p', combine: 'product', performance: 0.9 },
        { id: 'g', combine: 'geometric', dependence: 0.8 },
        { id: 'x', performance: 0.5 },
        { id: 'y', performance: 0.7 },
        { id: 'n', combine: 'min' },
      ],
      customers: [{ id: 'c', value: 2 }, { id: 'd' }],
      handoffs: [
        { from: 'a', to: 'm', quality: 0.8 },
        { from: 'm', to: 'p', quality: 0.9 },
        { from: 'p', to: 'g', quality: 0.7 },
        { from: 'g', to: 'c' },
        { from: 'a', to: 'c', quality: 0.6 },
        // n: one group of two alternatives: x and y are not affine (r_G mixes them), but each
        // hand-off's quality alone is (r_G is affine in one q at a time).
        { from: 'x', to: 'n', group: 'alt', quality: 0.5 },
        { from: 'y', to: 'n', group: 'alt', quality: 0.6 },
        { from: 'n', to: 'd' },
      ],
    };
    const chain = compileModel(model);
    const affine = affineNodes(chain);
    expect([...affine]).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 1]);
    for (let l = 0; l < chain.linkCount; l++)
      expect(isAffineLink(chain, affine, l)).toBe(l !== 4 && l !== 5);
    // The shortcut these links now take is exact: compare with full recomputations.
    const evaluation = propagate(chain);
    const impacts = linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation));
    for (let l = 0; l < chain.linkCount; l++) {
      const fixed = bruteForce(model, chain.actorCount, l, 1).score!;
      const failed = bruteForce(model, chain.actorCount, l, 0).score!;
      expect(impacts.fixGain[l]).toBeCloseTo(fixed - evaluation.score!, 14);
      expect(impacts.failureLoss[l]).toBeCloseTo(evaluation.score! - failed, 14);
    }
  });
});

describe('linkImpacts: exact fixGain and failureLoss (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss")', () => {
  it('a min receiver: fixing a link that is not the minimum gains nothing', () => {
    const model = twoInputs('min', 0.5, 0.8);
    const chain = compileModel(model);
    const evaluation = propagate(chain);
    const { fixGain, failureLoss } = linkImpacts(
      chain,
      evaluation,
      scoreSensitivity(chain, evaluation),
    );
    expect(fixGain[0]).toBeCloseTo(0.3, 15); // a: 0.5 -> 1 lifts the min to b's 0.8
    expect(fixGain[1]).toBe(0);
    expect(failureLoss[1]).toBeCloseTo(0.5, 15); // b fails: min 0
  });

  it('equals a brute-force full recomputation for every link (S and each customer)', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        fc.pre(evaluation.score !== null);
        const impacts = linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation));
        const S = evaluation.score!;
        const base = evaluation.service.slice(chain.actorCount);
        for (let l = 0; l < chain.linkCount; l++) {
          const fixed = bruteForce(model, chain.actorCount, l, 1);
          const failed = bruteForce(model, chain.actorCount, l, 0);
          expect(Math.abs(impacts.fixGain[l]! - (fixed.score! - S))).toBeLessThan(1e-10);
          expect(Math.abs(impacts.failureLoss[l]! - (S - failed.score!))).toBeLessThan(1e-10);
          const after = customerServiceAfter(chain, evaluation, l, 1);
          for (let c = 0; c < chain.customerCount; c++) expect(after[c]).toBe(fixed.customers[c]);
        }
        forEachLinkCustomerImpact(chain, evaluation, ENGINE_DEFAULTS, (l, fix, failure) => {
          const fixed = bruteForce(model, chain.actorCount, l, 1);
          const failed = bruteForce(model, chain.actorCount, l, 0);
          for (let c = 0; c < chain.customerCount; c++) {
            expect(Math.abs(fix[c]! - (fixed.customers[c]! - base[c]!))).toBeLessThan(1e-10);
            expect(Math.abs(failure[c]! - (base[c]! - failed.customers[c]!))).toBeLessThan(1e-10);
          }
        });
        // The chain's own values are restored after every recompute.
        for (let l = 0; l < chain.linkCount; l++)
          expect(linkValue(chain, l)).toBe(linkValue(compileModel(model), l));
      }),
      { numRuns: 300 },
    );
  });
});
