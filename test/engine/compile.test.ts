import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { propagate } from '../../src/engine/propagate.js';
import { chainStrength } from '../../src/engine/strength.js';
import { weakestLink } from '../../src/engine/weakest-link.js';
import { ServiceChainError } from '../../src/model/errors.js';
import type { Model } from '../../src/model/schema.js';

describe('compileModel', () => {
  const model: Model = {
    version: 1,
    departments: [{ id: '__proto__', priorities: { timeliness: 3 } }],
    employees: [{ id: 'constructor', performance: 0.5, welfare: 0.5, combine: 'min' }],
    customers: [{ id: 'c', value: 2 }],
    handoffs: [
      { from: 'constructor', to: 'c', group: 'g' },
      { from: '__proto__', to: 'c' },
      { from: '__proto__', to: 'c', id: 'second', group: 'g', weight: 2 },
      { from: 'constructor', to: '__proto__', ratings: { timeliness: 5, accuracy: 1 } },
    ],
  };
  it('numbers nodes in declaration order; ids such as __proto__ are ordinary', () => {
    const chain = compileModel(model);
    expect(chain.ids).toEqual(['__proto__', 'constructor', 'c']);
    expect(chain.nodeIndex.get('__proto__')).toBe(0);
    expect([...chain.kind]).toEqual([0, 1, 2]);
    expect([...chain.effectivePerformance]).toEqual([1, 0.25, 1]);
    expect([...chain.combine]).toEqual([0, 1, 0]);
    expect(chain.handoffIds).toEqual([
      'constructor->c',
      '__proto__->c',
      'second',
      'constructor->__proto__',
    ]);
  });
  it("groups each receiver's inputs contiguously, ordered by first-declared hand-off", () => {
    const chain = compileModel(model);
    const c = 2;
    const groups = [];
    for (let g = chain.groupStart[c]!; g < chain.groupStart[c + 1]!; g++)
      groups.push([
        ...chain.groupEdges.subarray(chain.groupEdgeStart[g]!, chain.groupEdgeStart[g + 1]!),
      ]);
    expect(groups).toEqual([[0, 2], [1]]);
    expect([...chain.outEdges.subarray(chain.outStart[1]!, chain.outStart[2]!)]).toEqual([0, 3]);
  });
  it("derives quality from ratings with the receiver's priorities", () => {
    // timeliness 5 -> 1 (weight 3), accuracy 1 -> 0 (weight 1): 3 / 4
    expect(compileModel(model).quality[3]).toBe(0.75);
  });
  it('rejects a hand-off to an unknown node', () => {
    const bad: Model = {
      version: 1,
      departments: [{ id: 'a' }],
      handoffs: [{ from: 'a', to: 'b' }],
    };
    expect(() => compileModel(bad)).toThrow(ServiceChainError);
  });
});

describe('a chain of a million hand-offs', () => {
  it('compiles, propagates and walks back without overflowing the stack', () => {
    const n = 1_000_000;
    const ids = Array.from({ length: n }, (_, i) => `d${i}`);
    const departments: { id: string; performance?: number }[] = ids.map((id) => ({ id }));
    departments[0] = { id: 'd0', performance: 0.5 };
    const handoffs = ids.map((id, i) => ({ from: id, to: ids[i + 1] ?? 'c' }));
    const chain = compileModel({ version: 1, departments, customers: [{ id: 'c' }], handoffs });
    expect(chain.components.count).toBe(n + 1);
    const { score } = propagate(chain);
    expect(score).toBe(0.5);
    const strength = chainStrength(chain);
    const { link, path } = weakestLink(chain, strength, n);
    expect(link).toBe(0);
    expect(path.length).toBe(n + 1);
  });
  it('finds a million-node cycle as one component', () => {
    const n = 1_000_000;
    const ids = Array.from({ length: n }, (_, i) => `d${i}`);
    const departments = ids.map((id) => ({ id }));
    const handoffs = ids.map((id, i) => ({ from: id, to: ids[(i + 1) % n]! }));
    const chain = compileModel({ version: 1, departments, handoffs });
    expect(chain.components.count).toBe(1);
    expect(propagate(chain).iterations[0]).toBe(1);
  });
});

describe('compileModel: many named groups at one receiver', () => {
  it('groups by name beyond the linear-scan threshold', () => {
    const departments = Array.from({ length: 40 }, (_, i) => ({ id: `d${i}` }));
    const handoffs = departments.map((d, i) => ({ from: d.id, to: 'c', group: `g${i % 20}` }));
    const chain = compileModel({ version: 1, departments, customers: [{ id: 'c' }], handoffs });
    const c = 40;
    expect(chain.groupStart[c + 1]! - chain.groupStart[c]!).toBe(20);
    expect(chain.handoffGroup[0]).toBe(chain.handoffGroup[20]);
    expect(chain.handoffGroup[19]).toBe(chain.handoffGroup[39]);
    expect(chain.handoffGroup[0]).not.toBe(chain.handoffGroup[1]);
  });
});
