import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import type { Model } from '../../src/model/schema.js';

function components(model: Model) {
  const chain = compileModel(model);
  const { count, start, nodes, cyclic } = chain.components;
  return Array.from({ length: count }, (_, k) => ({
    nodes: Array.from(nodes.subarray(start[k]!, start[k + 1]!), (v) => chain.ids[v]),
    cyclic: cyclic[k] === 1,
  }));
}

describe('findComponents', () => {
  it('orders components topologically, as close to declaration order as the hand-offs allow', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'late' }, { id: 'x' }, { id: 'early' }, { id: 'y' }],
      handoffs: [
        { from: 'early', to: 'late' },
        { from: 'x', to: 'y' },
        { from: 'y', to: 'x' },
      ],
    };
    expect(components(model)).toEqual([
      { nodes: ['x', 'y'], cyclic: true },
      { nodes: ['early'], cyclic: false },
      { nodes: ['late'], cyclic: false },
    ]);
  });
  it('keeps declaration order when it is already a flow order', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      customers: [{ id: 'z' }],
      handoffs: [
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'z' },
      ],
    };
    expect(components(model).map((c) => c.nodes)).toEqual([['a'], ['b'], ['c'], ['z']]);
  });
  it('puts every hand-off from a component to itself or a later one (random graphs)', () => {
    for (let seed = 1; seed < 50; seed++) {
      const n = 30;
      const departments = Array.from({ length: n }, (_, i) => ({ id: `d${i}` }));
      const handoffs = Array.from({ length: 45 }, (_, i) => ({
        id: `h${i}`,
        from: `d${(i * 7 + seed * 13) % n}`,
        to: `d${(i * 11 + seed * 5 + 1) % n}`,
      })).filter((h) => h.from !== h.to);
      const chain = compileModel({ version: 1, departments, handoffs });
      const { componentOf } = chain.components;
      for (let h = 0; h < chain.handoffCount; h++)
        expect(componentOf[chain.from[h]!]!).toBeLessThanOrEqual(componentOf[chain.to[h]!]!);
    }
  });
});
