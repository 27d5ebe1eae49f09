import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { customersReached, handoffsToCustomer } from '../../src/engine/reach.js';
import type { Model } from '../../src/model/schema.js';

describe('customersReached and handoffsToCustomer', () => {
  const model: Model = {
    version: 1,
    departments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'lonely' }],
    customers: [{ id: 'x' }, { id: 'y' }, { id: 'distributor' }, { id: 'end' }],
    handoffs: [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'x' },
      { from: 'c', to: 'x' },
      { from: 'c', to: 'd' },
      { from: 'd', to: 'c' },
      { from: 'd', to: 'distributor' },
      { from: 'distributor', to: 'end' },
      { from: 'b', to: 'y' },
    ],
  };
  it('counts distinct customers downstream, through cycles and distributors', () => {
    const chain = compileModel(model);
    expect([...customersReached(chain)].slice(0, 5)).toEqual([4, 2, 3, 3, 0]);
  });
  it('gives the fewest hand-offs to any customer, -1 when none', () => {
    const chain = compileModel(model);
    expect([...handoffsToCustomer(chain)].slice(0, 5)).toEqual([2, 1, 1, 1, -1]);
  });
  it('is exact beyond one block of 256 customers', () => {
    const many: Model = {
      version: 1,
      departments: [{ id: 'root' }, { id: 'mid' }],
      customers: Array.from({ length: 600 }, (_, i) => ({ id: `c${i}` })),
      handoffs: [
        { from: 'root', to: 'mid' },
        ...Array.from({ length: 600 }, (_, i) => ({
          from: i % 3 === 0 ? 'root' : 'mid',
          to: `c${i}`,
        })),
      ],
    };
    const reached = customersReached(compileModel(many));
    expect(reached[0]).toBe(600);
    expect(reached[1]).toBe(400);
  });
});
