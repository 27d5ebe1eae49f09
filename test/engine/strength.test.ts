import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { linkValue } from '../../src/engine/links.js';
import { chainStrength } from '../../src/engine/strength.js';
import { weakestLink } from '../../src/engine/weakest-link.js';
import type { Model } from '../../src/model/schema.js';
import { naiveStrength, randomModel } from './fixtures.js';

const line: Model = {
  version: 1,
  departments: [
    { id: 'a', performance: 0.9 },
    { id: 'b', performance: 0.8 },
  ],
  customers: [{ id: 'c' }],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.7 },
    { from: 'b', to: 'c', quality: 0.95 },
  ],
};

function weakest(model: Model, id: string) {
  const chain = compileModel(model);
  const strength = chainStrength(chain);
  const v = chain.nodeIndex.get(id)!;
  const { link, path } = weakestLink(chain, strength, v);
  const name =
    link < 0
      ? null
      : link < chain.actorCount
        ? chain.ids[link]
        : chain.handoffIds[link - chain.actorCount];
  return { strength: strength[v], name, path: path.map((x) => chain.ids[x]) };
}

describe('chainStrength and weakestLink (docs/model.md, "Chain strength and the weakest link")', () => {
  it('a line: W = min of every link; the walk goes back to the weakest hand-off', () => {
    expect(weakest(line, 'c')).toEqual({ strength: 0.7, name: 'a->b', path: ['b', 'c'] });
    expect(weakest(line, 'b')).toEqual({ strength: 0.7, name: 'a->b', path: ['b'] });
  });
  it('an actor attaining W is found before its input hand-offs (checked first at each node)', () => {
    const model = structuredClone(line);
    model.departments![1]!.performance = 0.7;
    expect(weakest(model, 'c')).toEqual({ strength: 0.7, name: 'b', path: ['b', 'c'] });
  });
  it('alternatives take the strongest hand-off of the group', () => {
    const model = structuredClone(line);
    model.departments!.push({ id: 'backup' });
    model.handoffs![0]!.group = 'supply';
    model.handoffs!.push({ from: 'backup', to: 'b', quality: 0.85, group: 'supply' });
    expect(weakest(model, 'c')).toEqual({ strength: 0.8, name: 'b', path: ['b', 'c'] });
  });
  it('an actor with dependence 0 is as strong as itself: nothing upstream counts', () => {
    const model = structuredClone(line);
    model.departments![1]!.dependence = 0;
    expect(weakest(model, 'c')).toEqual({ strength: 0.8, name: 'b', path: ['b', 'c'] });
  });
  it('ties between hand-offs go to the first declared', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'b', to: 'c', quality: 0.6 },
        { from: 'a', to: 'c', quality: 0.6 },
      ],
    };
    expect(weakest(model, 'c').name).toBe('b->c');
  });
  it('nothing is weak at strength 1; a customer is never its own weakest link', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }],
      customers: [{ id: 'c' }, { id: 'alone' }],
      handoffs: [{ from: 'a', to: 'c' }],
    };
    expect(weakest(model, 'c')).toEqual({ strength: 1, name: null, path: [] });
    expect(weakest(model, 'alone')).toEqual({ strength: 1, name: null, path: [] });
  });
  it('a cycle takes the GREATEST fixed point (0.8 here, not the least, 0.5)', () => {
    const model: Model = {
      version: 1,
      departments: [
        { id: 'x', performance: 0.5 },
        { id: 'a', performance: 0.9 },
        { id: 'b', performance: 0.8 },
      ],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'x', to: 'a', group: 'in' },
        { from: 'b', to: 'a', group: 'in' },
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
      ],
    };
    expect(weakest(model, 'c')).toEqual({ strength: 0.8, name: 'b', path: ['b', 'a', 'c'] });
  });
  it('W equals the naive greatest fixed point; the weakest link attains it; the chain is no weaker', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const chain = compileModel(model);
        const strength = chainStrength(chain);
        const naive = naiveStrength(model);
        for (const [id, v] of chain.nodeIndex) expect(strength[v]).toBe(naive.get(id));
        for (let c = chain.actorCount; c < chain.nodeCount; c++) {
          const { link, path } = weakestLink(chain, strength, c);
          if (strength[c] === 1) {
            expect(link).toBe(-1);
            continue;
          }
          expect(link).toBeGreaterThanOrEqual(0);
          expect(linkValue(chain, link)).toBe(strength[c]);
          expect(path.at(-1)).toBe(c);
          for (const x of path) {
            expect(strength[x]).toBe(strength[c]);
            if (x < chain.actorCount)
              expect(chain.effectivePerformance[x]!).toBeGreaterThanOrEqual(strength[c]!);
          }
          if (link >= chain.actorCount) expect(chain.to[link - chain.actorCount]).toBe(path[0]);
          else expect(link).toBe(path[0]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
