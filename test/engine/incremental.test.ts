import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { applyChanges, reevaluate, reevaluateStrength } from '../../src/engine/incremental.js';
import { propagate } from '../../src/engine/propagate.js';
import { chainStrength } from '../../src/engine/strength.js';
import type { ChainChange, CompiledChain } from '../../src/engine/types.js';
import { randomModel } from './fixtures.js';

/** A random field change on a chain. */
function change(chain: CompiledChain, pick: number, value: number, kind: number): ChainChange {
  if (kind % 2 === 0 && chain.handoffCount > 0) {
    const handoff = pick % chain.handoffCount;
    return kind % 4 === 0
      ? { handoff, field: 'quality', value }
      : { handoff, field: 'weight', value: 0.1 + 3 * value };
  }
  const node = pick % chain.actorCount;
  const fields = ['performance', 'welfare', 'dependence', 'combine'] as const;
  const field = fields[kind % 4]!;
  return field === 'combine' ? { node, field, value: pick % 4 } : { node, field, value };
}

describe('incremental re-evaluation', () => {
  it('equals a full recompute, bit for bit, and leaves the old chain untouched', () => {
    fc.assert(
      fc.property(
        randomModel(),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat()), {
          minLength: 1,
          maxLength: 3,
        }),
        (model, picks) => {
          const chain = compileModel(model);
          const evaluation = propagate(chain);
          const strength = chainStrength(chain);
          const quality = Float64Array.from(chain.quality);
          const changes = picks.map(([pick, value, kind]) => change(chain, pick, value, kind));
          const next = applyChanges(chain, changes);
          const incremental = reevaluate(next.chain, evaluation, next.changedNodes);
          const full = propagate(next.chain);
          expect(incremental).toEqual(full);
          expect(reevaluateStrength(next.chain, strength, next.changedNodes)).toEqual(
            chainStrength(next.chain),
          );
          expect(chain.quality).toEqual(quality);
        },
      ),
      { numRuns: 400 },
    );
  });
  it('re-evaluates nothing upstream: a change at the end of a line touches one node', () => {
    const model = {
      version: 1 as const,
      departments: [{ id: 'a', performance: 0.5 }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    };
    const chain = compileModel(model);
    const evaluation = propagate(chain);
    const poisoned = { ...evaluation, service: Float64Array.from([0.5, 0.123, 0.123]) };
    const next = applyChanges(chain, [{ handoff: 1, field: 'quality', value: 0.5 }]);
    // Only c is recomputed (from the poisoned b): proof that a and b were not.
    expect([...reevaluate(next.chain, poisoned, next.changedNodes).service]).toEqual([
      0.5, 0.123, 0.0615,
    ]);
  });
});
