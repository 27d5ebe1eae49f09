/** Warnings of a valid model: no_customers, customer_unreached, actor_isolated. */
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/model/load.js';

describe('model warnings', () => {
  it('no_customers', () => {
    const { warnings } = validateModel({
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }],
      handoffs: [{ from: 'a', to: 'b' }],
    });
    expect(warnings).toEqual([
      {
        code: 'no_customers',
        path: 'customers',
        message: 'the model has no customers, so there is no end-customer service to score',
      },
    ]);
  });

  it('customer_unreached: a customer that only supplies is not scored', () => {
    const { warnings } = validateModel({
      version: 1,
      departments: [{ id: 'shop' }],
      customers: [{ id: 'supplier', segment: 'supplier' }, { id: 'shoppers' }],
      handoffs: [
        { from: 'supplier', to: 'shop' },
        { from: 'shop', to: 'shoppers' },
      ],
    });
    expect(warnings).toEqual([
      {
        code: 'customer_unreached',
        path: 'customers[0]',
        message: 'customer "supplier" receives no hand-off, so it is not scored',
      },
    ]);
  });

  it('actor_isolated: an actor with no hand-off, but not a department that only groups others', () => {
    const { warnings } = validateModel({
      version: 1,
      departments: [{ id: 'ops' }, { id: 'shop', parent: 'ops' }, { id: 'idle' }, { id: 'team' }],
      employees: [{ id: 'ann', department: 'team' }, { id: 'bob' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'shop', to: 'c' },
        { from: 'ann', to: 'c' },
      ],
    });
    expect(warnings.map((w) => [w.code, w.path, w.message])).toEqual([
      ['actor_isolated', 'departments[2]', 'department "idle" gives and receives no hand-off'],
      ['actor_isolated', 'employees[1]', 'employee "bob" gives and receives no hand-off'],
    ]);
  });

  it('names what it warns about by its name; the path keeps the id', () => {
    const { warnings } = validateModel({
      version: 1,
      departments: [
        { id: 'shop', name: 'Corner shop' },
        { id: 'idle', name: 'Old stockroom' },
      ],
      employees: [{ id: 'bob', name: 'Bob Hale' }],
      customers: [
        { id: 'mill', name: 'Pennine Mills' },
        { id: 'c', name: 'Shoppers' },
      ],
      handoffs: [
        { from: 'mill', to: 'shop' },
        { from: 'shop', to: 'c' },
      ],
    });
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      ['customers[0]', 'customer "Pennine Mills" receives no hand-off, so it is not scored'],
      ['departments[1]', 'department "Old stockroom" gives and receives no hand-off'],
      ['employees[0]', 'employee "Bob Hale" gives and receives no hand-off'],
    ]);
  });

  it('a manager link is structure, not a hand-off', () => {
    const { warnings } = validateModel({
      version: 1,
      employees: [{ id: 'boss' }, { id: 'ann', manager: 'boss' }],
      customers: [{ id: 'c' }],
      handoffs: [{ from: 'ann', to: 'c' }],
    });
    expect(warnings.map((w) => w.path)).toEqual(['employees[0]']);
  });
});
