/** The hand-off index answers every id as a Map of every id would, arrows in node ids included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { handoffId } from '../../src/model/defaults.js';
import { safeValidateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';
import { validModel } from '../model/model-arbitrary.js';

/** Ids that split at `->` in more than one way, so a default id has several readings. */
const arrowy = fc.constantFrom('a', 'b', 'c', 'a->b', 'b->c', '->', 'a->', '->b', 'x->y->z');

const arrowModel: fc.Arbitrary<Model> = fc
  .uniqueArray(arrowy, { minLength: 2, maxLength: 9 })
  .chain((ids) =>
    fc
      .uniqueArray(
        fc
          .tuple(
            fc.constantFrom(...ids),
            fc.constantFrom(...ids),
            fc.option(arrowy, { nil: undefined }),
          )
          .filter(([from, to]) => from !== to)
          .map(([from, to, id]) => ({ ...(id !== undefined && { id }), from, to })),
        { maxLength: 20, selector: handoffId },
      )
      .map((handoffs) => ({
        version: 1 as const,
        departments: ids.slice(1).map((id) => ({ id })),
        customers: [{ id: ids[0]! }],
        handoffs,
      })),
  );

/** What the index must answer: a Map of every id (the brute force). */
function everyId(model: Model): Map<string, number> {
  return new Map((model.handoffs ?? []).map((handoff, h) => [handoffId(handoff), h]));
}

function checkIndex(model: Model, probes: readonly string[]): void {
  const chain = compileModel(model);
  const expected = everyId(model);
  for (const id of [...expected.keys(), ...probes]) {
    expect(chain.handoffIndex.get(id)).toBe(expected.get(id));
    expect(chain.handoffIndex.has(id)).toBe(expected.has(id));
  }
}

describe('handoffIndex', () => {
  it('finds every id of a valid model, and nothing else, in any order of lookups', () => {
    fc.assert(
      fc.property(validModel, fc.array(fc.string({ maxLength: 6 })), (model, probes) =>
        checkIndex(model, probes),
      ),
    );
  });

  it('reads default ids whose ends hold arrows the one way that names a hand-off', () => {
    fc.assert(
      fc.property(arrowModel, fc.array(arrowy, { maxLength: 10 }), (model, probes) => {
        fc.pre(safeValidateModel(model).success);
        checkIndex(model, [...probes, 'a->b->c', 'a->->b', '']);
      }),
    );
  });

  it('stays right after the many lookups that build the full Map, and iterates like it', () => {
    const handoffs = Array.from({ length: 300 }, (_, i) => ({ from: 'hub', to: `c${i}` }));
    const model: Model = {
      version: 1,
      departments: [{ id: 'hub' }],
      customers: handoffs.map((h) => ({ id: h.to })),
      handoffs: [...handoffs, { id: 'own', from: 'hub', to: 'c0' }],
    };
    const chain = compileModel(model);
    const expected = everyId(model);
    for (const [id, h] of expected) expect(chain.handoffIndex.get(id)).toBe(h);
    expect(chain.handoffIndex.get('hub->nobody')).toBeUndefined();
    expect([...chain.handoffIndex]).toEqual([...expected]);
    expect(chain.handoffIndex.size).toBe(301);
  });
});
