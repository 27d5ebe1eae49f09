/**
 * The model's shape check (docs/model-file.md, "Every field") without zod's copy of a large model.
 * zod builds a new object for every object it checks; for a model of a million actors that copy
 * is millions of objects held for the whole run. So the long lists (departments, employees,
 * hand-offs) are checked element by element: an element made only of plain fields, in the
 * schema's key order, that pass the same bounds as the schema is the element zod would return
 * (zod has no defaults or transforms here, and writes keys in the schema's order), so it is kept
 * as it is; any other element is parsed by zod itself. Everything else of the model goes through
 * zod as before. When anything fails, the whole input is parsed by zod once more, so the issues,
 * their order, codes, paths and messages are zod's own, exactly as before.
 */
import type { z } from 'zod';
import {
  CarriesSchema,
  CombineSchema,
  DepartmentSchema,
  EmployeeSchema,
  HandoffSchema,
  type Model,
  ModelSchema,
  NUMBER_BOUNDS,
} from './schema.js';

/** What zod's safeParse says of the whole model: the model, or zod's error. */
export type ModelShape =
  | { readonly success: true; readonly data: Model }
  | { readonly success: false; readonly error: z.ZodError };

/** A test of one field's value that holds only where the schema's field accepts the value. */
type FieldTest = (value: unknown) => boolean;

const share: FieldTest = (v) => typeof v === 'number' && v >= 0 && v <= 1;
const id: FieldTest = (v) => typeof v === 'string' && v.length >= 1;
const string: FieldTest = (v) => typeof v === 'string';
const combines = new Set<unknown>(CombineSchema.options);
const carries = new Set<unknown>(CarriesSchema.options);
const { weight } = NUMBER_BOUNDS;

/**
 * The plain fields of each long list's elements. A field absent here (priorities, ratings) or a
 * value its test refuses (an estimate `{ mean, sd }`) sends the element to zod.
 */
const ACTOR_FIELDS: Readonly<Record<string, FieldTest>> = {
  id,
  name: string,
  description: string,
  parent: id,
  department: id,
  manager: id,
  role: string,
  performance: share,
  welfare: share,
  dependence: share,
  combine: (v) => combines.has(v),
  customerFacing: (v) => typeof v === 'boolean',
};
const HANDOFF_FIELDS: Readonly<Record<string, FieldTest>> = {
  id,
  from: id,
  to: id,
  carries: (v) => carries.has(v),
  quality: share,
  weight: (v) => typeof v === 'number' && v >= weight.min && v <= weight.max,
  group: id,
  description: string,
  lag: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
};

/** One long list's element schema, read once: its keys in order, tests, required keys. */
interface ElementShape {
  readonly schema: z.ZodType;
  readonly position: ReadonlyMap<string, number>;
  readonly tests: readonly (FieldTest | undefined)[];
  readonly required: readonly boolean[];
  readonly requiredCount: number;
}

function elementShape(
  schema: z.ZodObject,
  fields: Readonly<Record<string, FieldTest>>,
): ElementShape {
  const keys = Object.keys(schema.shape);
  const required = keys.map((key) => !schema.shape[key]!.safeParse(undefined).success);
  return {
    schema,
    position: new Map(keys.map((key, i) => [key, i])),
    tests: keys.map((key) => (Object.hasOwn(fields, key) ? fields[key] : undefined)),
    required,
    requiredCount: required.filter(Boolean).length,
  };
}

/** The long lists checked element by element, with their element schemas. */
const LISTS = [
  ['departments', elementShape(DepartmentSchema, ACTOR_FIELDS)],
  ['employees', elementShape(EmployeeSchema, ACTOR_FIELDS)],
  ['handoffs', elementShape(HandoffSchema, HANDOFF_FIELDS)],
] as const;
const LIST_NAMES = new Set<string>(LISTS.map(([name]) => name));

/**
 * Whether zod would return `item` itself (the same fields, in the same order): a plain object
 * whose own fields are all plain, known, in schema order, and pass their tests.
 */
function keptAsItIs(item: unknown, shape: ElementShape): boolean {
  if (typeof item !== 'object' || item === null || Object.getPrototypeOf(item) !== Object.prototype)
    return false;
  const record = item as Record<string, unknown>;
  let last = -1;
  let required = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false;
    const at = shape.position.get(key);
    if (at === undefined || at <= last) return false;
    const test = shape.tests[at];
    if (test === undefined || !test(record[key])) return false;
    if (shape.required[at]) required++;
    last = at;
  }
  return required === shape.requiredCount;
}

/** A long list checked element by element; undefined when zod refuses some element. */
function checkedList(list: unknown, shape: ElementShape): unknown[] | undefined {
  if (!Array.isArray(list)) return undefined;
  let out: unknown[] = list;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (keptAsItIs(item, shape)) continue;
    const parsed = shape.schema.safeParse(item);
    if (!parsed.success) return undefined;
    if (out === list) out = list.slice();
    out[i] = parsed.data;
  }
  return out;
}

/**
 * What `ModelSchema.safeParse(input)` says, for a mapping: the same model (fields in the
 * schema's order) or zod's own error, without copying the elements of the long lists that are
 * plain already. The model shares those elements with the input.
 */
export function parseModelShape(input: Readonly<Record<string, unknown>>): ModelShape {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!LIST_NAMES.has(key)) Object.defineProperty(rest, key, own(input[key]));
  }
  const head = ModelSchema.safeParse(rest);
  const lists = new Map<string, unknown[]>();
  let valid = head.success;
  for (const [name, shape] of LISTS) {
    if (!valid || !Object.hasOwn(input, name)) continue;
    const list = checkedList(input[name], shape);
    if (list === undefined) valid = false;
    else lists.set(name, list);
  }
  if (!valid || !head.success) return slow(input);
  const model: Record<string, unknown> = {};
  // The schema's key order, as zod writes it (its output for the rest is in that order too).
  for (const key of Object.keys(ModelSchema.shape)) {
    if (lists.has(key)) model[key] = lists.get(key);
    else if (Object.hasOwn(head.data, key))
      model[key] = (head.data as Record<string, unknown>)[key];
  }
  return { success: true, data: model as Model };
}

/** The whole input through zod: its issues, in its order. */
function slow(input: unknown): ModelShape {
  const result = ModelSchema.safeParse(input);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, error: result.error };
}

function own(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}
