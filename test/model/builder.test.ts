/** ModelBuilder: the same model and the same validation as a file. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ModelBuilder, modelBuilder } from '../../src/model/builder.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { type LoadedModel, parseModel } from '../../src/model/load.js';

const FILE = `
version: 1
name: Corner shop
departments:
  - { id: stock, performance: 0.9 }
  - { id: till, combine: min }
employees:
  - { id: sam, department: till }
customers:
  - { id: shoppers, segment: end-user, value: 100 }
handoffs:
  - { from: stock, to: till, quality: 0.8, carries: goods }
  - { id: backup, from: sam, to: till }
  - { from: till, to: shoppers, ratings: { courtesy: 4 } }
`;

function built() {
  return modelBuilder({ name: 'Corner shop' })
    .department('stock', { performance: 0.9 })
    .department('till', { combine: 'min' })
    .employee('sam', { department: 'till' })
    .customer('shoppers', { segment: 'end-user', value: 100 })
    .handoff('stock', 'till', { quality: 0.8, carries: 'goods' })
    .handoff('sam', 'till', { id: 'backup' })
    .handoff('till', 'shoppers', { ratings: { courtesy: 4 } })
    .build();
}

describe('modelBuilder', () => {
  it('builds the same model as the file, with the same warnings', () => {
    expect(built()).toEqual(parseModel(FILE));
  });

  it('validates exactly like a file: every issue at once', () => {
    const builder = new ModelBuilder().department('a').handoff('a', 'b').handoff('a', 'a');
    expect(() => builder.build()).toThrowError(ServiceChainError);
    try {
      builder.build();
    } catch (error) {
      expect((error as ServiceChainError).issues.map((i) => [i.code, i.path])).toEqual([
        ['unknown_node', 'handoffs[0].to'],
        ['self_handoff', 'handoffs[1].to'],
      ]);
    }
  });

  it('leaves empty lists out of the plain model', () => {
    expect(modelBuilder().customer('c').toModel()).toEqual({
      version: 1,
      customers: [{ id: 'c' }],
    });
  });

  it('takes the field types from the schema', () => {
    expectTypeOf(built()).toEqualTypeOf<LoadedModel>();
    // @ts-expect-error combine must be one of the schema's values
    modelBuilder().department('a', { combine: 'average' });
    // @ts-expect-error unknown fields are rejected at compile time
    modelBuilder().customer('c', { colour: 'red' });
  });
});
