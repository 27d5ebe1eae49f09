/**
 * The shape check without zod's copy says exactly what zod says of the whole model: the same
 * verdict, the same model (values and key order), the same issues.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DepartmentSchema,
  EmployeeSchema,
  HandoffSchema,
  type Model,
  ModelSchema,
} from '../../src/model/schema.js';
import { parseModelShape } from '../../src/model/validate-shape.js';
import { hostileValue, mutate, pathsOf, validModel } from './model-arbitrary.js';

/** A value as nested [key, value] lists: toEqual then checks key order and -0 too. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).map((key) => [key, ordered((value as Record<string, unknown>)[key])]);
  return value;
}

function sameAsZod(input: Record<string, unknown>): void {
  const ours = parseModelShape(input);
  const zods = ModelSchema.safeParse(input);
  expect(ours.success).toBe(zods.success);
  if (ours.success && zods.success) expect(ordered(ours.data)).toEqual(ordered(zods.data));
  if (!ours.success && !zods.success) expect(ours.error.issues).toEqual(zods.error.issues);
}

/** Values near every bound a long list's fields have, and of every kind. */
const edgeValue = fc.oneof(
  hostileValue,
  fc.double(),
  fc.constantFrom(1e-9, 1e9, 1e9 + 1, 9.9e-10, 2 ** 53, 2 ** 53 - 1, 1 + 1e-15, -1e-300, 0.5),
  fc.constantFrom('work', 'mean', 'min', 'x', '', { mean: 0.5, sd: 0.1 }, { low: 0.9, high: 0.1 }),
  fc.constantFrom(true, false, undefined, [0.5], { timeliness: 3 }),
);

/** Each long list's fields (from its schema), and keys no schema knows. */
const FIELDS = {
  departments: [...Object.keys(DepartmentSchema.shape), 'extra', '__proto__'],
  employees: [...Object.keys(EmployeeSchema.shape), 'extra', '__proto__'],
  handoffs: [...Object.keys(HandoffSchema.shape), 'extra', '__proto__'],
};

/** A valid model with one field of one long list's element set, or the element's keys reversed. */
const elementMutation = validModel.chain((model) => {
  const lists = (['departments', 'employees', 'handoffs'] as const).filter(
    (name) => (model[name]?.length ?? 0) > 0,
  );
  if (lists.length === 0) return fc.constant(model as Record<string, unknown>);
  return fc
    .tuple(fc.constantFrom(...lists), fc.nat(), fc.nat(), edgeValue, fc.nat(3))
    .map(([name, n, k, value, how]) => {
      const list = model[name]!;
      const i = n % list.length;
      const field = FIELDS[name][k % FIELDS[name].length]!;
      if (how === 0) {
        const item = list[i] as Record<string, unknown>;
        const reversed = Object.fromEntries(Object.entries(item).reverse());
        return mutate(model, [name, i], reversed, false) as Record<string, unknown>;
      }
      const changed = mutate(model, [name, i, field], value, how === 1) as Model;
      if (how !== 3) return changed as Record<string, unknown>;
      // The element's keys in the schema's order again, so the field is not simply out of order.
      const item = changed[name]![i] as Record<string, unknown>;
      const order = FIELDS[name];
      const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
      const sorted = Object.keys(item).sort((x, y) => rank(x) - rank(y));
      const inOrder = Object.fromEntries(sorted.map((key) => [key, item[key]]));
      return mutate(changed, [name, i], inOrder, false) as Record<string, unknown>;
    });
});

/** Every edge value, as a list for the exhaustive table below. */
const EDGE_VALUES: readonly unknown[] = [
  -1,
  -0,
  0,
  1e-300,
  9.9e-10,
  1e-9,
  0.5,
  1,
  1 + 1e-15,
  1.5,
  7,
  1e9,
  1e9 + 1,
  2 ** 53 - 1,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  'x',
  'work',
  'mean',
  'min',
  '__proto__',
  true,
  false,
  null,
  undefined,
  [],
  [0.5],
  {},
  { mean: 0.5, sd: 0.1 },
  { low: 0.9, high: 0.1 },
  { timeliness: 3 },
];

/** One element of each long list, valid, with every plain field its schema has. */
const FULL_ELEMENTS = {
  departments: { id: 'a', name: 'A', description: 'd', parent: 'b', performance: 0.5 },
  employees: { id: 'e', name: 'E', department: 'a', manager: 'f', role: 'r', welfare: 0.5 },
  handoffs: { id: 'h', from: 'a', to: 'c', carries: 'work', quality: 0.5, weight: 2, lag: 1 },
} as const;

describe('parseModelShape', () => {
  it('agrees with zod on every field of every long list set to every edge value, in order', () => {
    for (const [name, element] of Object.entries(FULL_ELEMENTS)) {
      const order = FIELDS[name as keyof typeof FIELDS];
      for (const field of order)
        for (const value of EDGE_VALUES) {
          const item: Record<string, unknown> = {};
          for (const key of order) {
            if (key === field) Object.defineProperty(item, key, { value, enumerable: true });
            else if (Object.hasOwn(element, key)) item[key] = element[key as keyof typeof element];
          }
          sameAsZod({ version: 1, [name]: [item] });
        }
    }
  });

  it('agrees with zod on one field of a list element set to edge values, or keys reordered', () => {
    fc.assert(fc.property(elementMutation, sameAsZod), { numRuns: 1000 });
  });

  it('agrees with zod on random mutations anywhere in a valid model', () => {
    const mutation = validModel.chain((model) =>
      fc.tuple(fc.constant(model), fc.constantFrom(...pathsOf(model)), hostileValue, fc.boolean()),
    );
    fc.assert(
      fc.property(mutation, ([model, path, value, remove]) => {
        const input = mutate(model, path, value, remove);
        if (typeof input === 'object' && input !== null && !Array.isArray(input))
          sameAsZod(input as Record<string, unknown>);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the plain elements of the long lists as they are, without a copy', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a', performance: 0.9 }],
      employees: [{ id: 'e', department: 'a', priorities: { timeliness: 2 } }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'c', quality: 0.8 },
        { from: 'e', to: 'c', quality: { mean: 0.5, sd: 0.1 } },
      ],
    };
    const shape = parseModelShape(model);
    expect(shape.success && shape.data.departments![0]).toBe(model.departments![0]);
    expect(shape.success && shape.data.handoffs![0]).toBe(model.handoffs![0]);
    // Elements with a record or an estimate are zod's copies, as before.
    expect(shape.success && shape.data.employees![0]).not.toBe(model.employees![0]);
    expect(shape.success && shape.data.handoffs![1]).not.toBe(model.handoffs![1]);
  });

  it('is sound only while the model and list element schemas have no refinements', () => {
    for (const schema of [ModelSchema, DepartmentSchema, EmployeeSchema, HandoffSchema])
      expect(schema._zod.def.checks ?? []).toEqual([]);
  });
});
