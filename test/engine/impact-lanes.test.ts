import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { customerAdjoints, forEachLinkSensitivities } from '../../src/engine/adjoint-lanes.js';
import { compileModel } from '../../src/engine/compile.js';
import { forEachLinkCustomerImpact, linkImpacts } from '../../src/engine/impact.js';
import { MAX_LANES } from '../../src/engine/impact-lanes.js';
import { linkNode } from '../../src/engine/links.js';
import { propagate } from '../../src/engine/propagate.js';
import { customerSensitivity, scoreSensitivity } from '../../src/engine/sensitivity.js';
import {
  type CompiledChain,
  ENGINE_DEFAULTS,
  type Evaluation,
  type Sensitivity,
} from '../../src/engine/types.js';
import type { Model } from '../../src/model/schema.js';
import { randomModel, withLink } from './fixtures.js';

/** S with one link set to x, by a full recompute. */
function scoreWith(model: Model, actorCount: number, link: number, x: number): number {
  return propagate(compileModel(withLink(model, actorCount, link, x))).score!;
}

describe('customerAdjoints: every customer in one reverse pass', () => {
  it('equals one adjoint pass per customer, bit for bit (adjoints and link sensitivities)', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        const C = chain.customerCount;
        const seen: number[] = [];
        const adjoints = customerAdjoints(chain, evaluation, ENGINE_DEFAULTS, (c, lanes) => {
          const one = customerSensitivity(chain, evaluation, c);
          expect(lanes.adjoint).toEqual(one.adjoint);
          expect(lanes.link).toEqual(one.link);
          expect(lanes.converged).toBe(one.converged);
          seen.push(c);
        });
        expect(seen).toEqual(Array.from({ length: C }, (_, c) => chain.actorCount + c));
        for (let c = 0; c < C; c++) {
          const one = customerSensitivity(chain, evaluation, chain.actorCount + c).adjoint;
          for (let v = 0; v < chain.nodeCount; v++) expect(adjoints[v * C + c]).toBe(one[v]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('forEachLinkSensitivities: every customer, link by link', () => {
  it("equals each customer's own sensitivity pass at every link, bit for bit, in link order", () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        const C = chain.customerCount;
        const one = Array.from(
          { length: C },
          (_, c) => customerSensitivity(chain, evaluation, chain.actorCount + c).link,
        );
        const visited: number[] = [];
        const adjoints = customerAdjoints(chain, evaluation);
        forEachLinkSensitivities(chain, evaluation, adjoints, (l, values) => {
          visited.push(l);
          for (let c = 0; c < C; c++) expect(values[c]).toBe(one[c]![l]);
        });
        expect(visited).toEqual(Array.from({ length: chain.linkCount }, (_, l) => l));
      }),
      { numRuns: 200 },
    );
  });
});

describe('impact lanes: S as a column of the customer lanes', () => {
  it("forEachLinkCustomerImpact's S figures are linkImpacts', bit for bit; a subset is the same", () => {
    fc.assert(
      fc.property(randomModel(), fc.array(fc.nat(), { maxLength: 6 }), (model, picks) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        fc.pre(evaluation.score !== null);
        const score = scoreSensitivity(chain, evaluation);
        const alone = linkImpacts(chain, evaluation, score);
        const visited: number[] = [];
        const shared = forEachLinkCustomerImpact(
          chain,
          evaluation,
          ENGINE_DEFAULTS,
          (l) => visited.push(l),
          { score },
        )!;
        expect(shared.fixGain).toEqual(alone.fixGain);
        expect(shared.failureLoss).toEqual(alone.failureLoss);
        expect(visited).toEqual(Array.from({ length: chain.linkCount }, (_, l) => l));
        const links = [...new Set(picks.map((p) => p % chain.linkCount))];
        const some = linkImpacts(chain, evaluation, score, { links });
        for (const l of links) {
          expect(some.fixGain[l]).toBe(alone.fixGain[l]);
          expect(some.failureLoss[l]).toBe(alone.failureLoss[l]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a node with more lanes than one batch holds (many inputs, min and cycles) is exact', () => {
    const inputs = MAX_LANES; // 2 (MAX_LANES + 1) lanes: three batches
    for (const combine of ['mean', 'min', 'product', 'geometric'] as const) {
      const model: Model = {
        version: 1,
        departments: [
          ...Array.from({ length: inputs }, (_, i) => ({ id: `a${i}`, performance: 0.5 + i / 80 })),
          { id: 'hub', combine, performance: 0.9, dependence: 0.8 },
          { id: 'loop', combine: 'min' as const },
        ],
        customers: [{ id: 'c', value: 2 }, { id: 'd' }],
        handoffs: [
          ...Array.from({ length: inputs }, (_, i) => ({
            from: `a${i}`,
            to: 'hub',
            quality: 0.6 + i / 100,
            ...(i % 5 === 0 ? { group: 'alt' } : {}),
          })),
          { from: 'hub', to: 'loop', quality: 0.9 },
          { from: 'loop', to: 'hub', quality: 0.95 },
          { from: 'loop', to: 'c' },
          { from: 'hub', to: 'd', quality: 0.7 },
          { from: 'a0', to: 'd' },
        ],
      };
      const chain = compileModel(model);
      const evaluation = propagate(chain);
      const impacts = linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation));
      const S = evaluation.score!;
      for (let l = 0; l < chain.linkCount; l++) {
        const fixed = scoreWith(model, chain.actorCount, l, 1);
        const failed = scoreWith(model, chain.actorCount, l, 0);
        expect(Math.abs(impacts.fixGain[l]! - (fixed - S))).toBeLessThan(1e-10);
        expect(Math.abs(impacts.failureLoss[l]! - (S - failed))).toBeLessThan(1e-10);
      }
    }
  });
});

/** Every link's figures with each node's links run alone, against all of them in one pass. */
function expectSharedEqualsAlone(
  chain: CompiledChain,
  evaluation: Evaluation,
  sensitivity: Sensitivity,
  nodes: readonly number[],
): void {
  const shared = linkImpacts(chain, evaluation, sensitivity);
  for (const v of nodes) {
    const links: number[] = [];
    for (let l = 0; l < chain.linkCount; l++) if (linkNode(chain, l) === v) links.push(l);
    const alone = linkImpacts(chain, evaluation, sensitivity, { links });
    for (const l of links) {
      expect(Object.is(alone.fixGain[l], shared.fixGain[l])).toBe(true);
      expect(Object.is(alone.failureLoss[l], shared.failureLoss[l])).toBe(true);
    }
  }
}

describe('one traversal for the nodes of one level', () => {
  it('gives every link the bits of its own node run alone (random models)', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const chain = compileModel(model);
        const evaluation = propagate(chain);
        fc.pre(evaluation.score !== null);
        const all = Array.from({ length: chain.nodeCount }, (_, v) => v);
        expectSharedEqualsAlone(chain, evaluation, scoreSensitivity(chain, evaluation), all);
      }),
    );
  });

  it('gives every link the bits of its own node run alone (a layered organisation)', () => {
    const chain = compileModel(generateOrganisation({ actors: 400, seed: 3 }));
    const evaluation = propagate(chain);
    const some = Array.from({ length: 40 }, (_, i) => (i * 97) % chain.nodeCount);
    expectSharedEqualsAlone(chain, evaluation, scoreSensitivity(chain, evaluation), some);
  });
});

describe('linear cycles solved directly (Sherman-Morrison)', () => {
  it('a fully connected mean team and a loop below it: every link equals a brute-force recompute', () => {
    const size = 6;
    const ids = Array.from({ length: size }, (_, i) => `t${i}`);
    const model: Model = {
      version: 1,
      departments: [
        ...ids.map((id, i) => ({ id, performance: 0.8 + i / 40, dependence: 0.5 + i / 15 })),
        { id: 'x', dependence: 0.9 },
        { id: 'y', performance: 0.95 },
      ],
      customers: [{ id: 'c', value: 3 }, { id: 'd' }],
      handoffs: [
        ...ids.flatMap((from, i) =>
          ids
            .filter((to) => to !== from)
            .map((to, j) => ({ from, to, quality: 0.6 + ((i * 7 + j) % 10) / 25 })),
        ),
        { from: 't0', to: 'x', quality: 0.9 },
        { from: 'x', to: 'y', quality: 0.8 },
        { from: 'y', to: 'x', quality: 0.7, weight: 2 },
        { from: 'y', to: 'c' },
        { from: 't3', to: 'd', quality: 0.85 },
      ],
    };
    const chain = compileModel(model);
    const evaluation = propagate(chain);
    const impacts = linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation));
    const S = evaluation.score!;
    for (let l = 0; l < chain.linkCount; l++) {
      const fixed = scoreWith(model, chain.actorCount, l, 1);
      const failed = scoreWith(model, chain.actorCount, l, 0);
      expect(Math.abs(impacts.fixGain[l]! - (fixed - S))).toBeLessThan(1e-11);
      expect(Math.abs(impacts.failureLoss[l]! - (S - failed))).toBeLessThan(1e-11);
    }
  });
});
