/** fast-check arbitraries: valid models (hostile ids included) and random mutations of them. */
import fc from 'fast-check';
import { DEFAULT_DIMENSIONS, handoffId } from '../../src/model/defaults.js';
import type { Model } from '../../src/model/schema.js';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const amount = fc.double({ min: 0, max: 1e9, noNaN: true });
/** A head count: 0, or at least 1e-6 (docs/model-file.md, "Bounds on numbers"). */
const count = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e9, noNaN: true }));
const id = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'a b',
    'say "hi"',
    'Zoë',
    '1',
    'true',
    'null',
    '- x',
  ),
);
const rating = fc.oneof(
  fc.double({ min: 1, max: 5, noNaN: true }),
  fc.record({
    expected: fc.integer({ min: 1, max: 5 }),
    perceived: fc.integer({ min: 1, max: 5 }),
  }),
);
const priorities = fc.dictionary(fc.constantFrom(...DEFAULT_DIMENSIONS), amount, { maxKeys: 3 });

/** Optional fields: each present or absent (never `undefined`, which a file cannot hold). */
function some<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) {
  return fc.record(fields, { requiredKeys: [] });
}

const scoring = {
  name: fc.string(),
  performance: share,
  welfare: share,
  dependence: share,
  combine: fc.constantFrom('mean', 'min', 'product', 'geometric'),
  customerFacing: fc.boolean(),
  priorities,
};

/** A valid model: references only point backwards (no cycles), hand-off ids are distinct. */
export const validModel: fc.Arbitrary<Model> = fc
  .uniqueArray(id, { minLength: 1, maxLength: 9 })
  .chain((ids) => {
    const cut1 = Math.floor(ids.length / 3);
    const cut2 = Math.floor((2 * ids.length) / 3);
    const departments = ids.slice(0, cut1);
    const employees = ids.slice(cut1, cut2);
    const customers = ids.slice(cut2);
    const pick = (list: string[]) => fc.constantFrom(...list);
    const department = (i: number) =>
      some({ ...scoring, ...(i > 0 && { parent: pick(departments.slice(0, i)) }) }).map((f) => ({
        id: departments[i]!,
        ...f,
      }));
    const employee = (i: number) =>
      some({
        ...scoring,
        role: fc.string(),
        ...(departments.length > 0 && { department: pick(departments) }),
        ...(i > 0 && { manager: pick(employees.slice(0, i)) }),
      }).map((f) => ({ id: employees[i]!, ...f }));
    const customer = (i: number) =>
      some({
        name: fc.string(),
        segment: fc.constantFrom('end-user', 'prospect', 'distributor', 'supplier'),
        value: amount,
        relationship: fc.constantFrom('short-term', 'long-term'),
        priorities,
        count,
        recovery: share,
      }).map((f) => ({ id: customers[i]!, ...f }));
    const pair = fc
      .tuple(
        pick(ids),
        pick(ids),
        fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: undefined }),
      )
      .filter(([from, to]) => from !== to);
    const handoff = pair.chain(([from, to, ownId]) =>
      fc
        .oneof(
          some({ quality: share }),
          some({ ratings: fc.dictionary(fc.constantFrom(...DEFAULT_DIMENSIONS), rating) }),
        )
        .chain((value) =>
          some({
            weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
            group: fc.constantFrom('g', 'h'),
          }).map((rest) => ({
            ...(ownId !== undefined && { id: ownId }),
            from,
            to,
            carries: 'work' as const,
            ...value,
            ...rest,
          })),
        ),
    );
    return fc.record(
      {
        version: fc.constant(1 as const),
        name: fc.string(),
        departments: fc.tuple(...departments.map((_, i) => department(i))),
        employees: fc.tuple(...employees.map((_, i) => employee(i))),
        customers: fc.tuple(...customers.map((_, i) => customer(i))),
        handoffs:
          ids.length > 1
            ? fc.uniqueArray(handoff, { maxLength: 12, selector: handoffId })
            : fc.constant([]),
      },
      { requiredKeys: ['version', 'departments', 'employees', 'customers'] },
    );
  })
  .chain((model) => withGroupNeeds(model as Model));

/**
 * The model with a `groups` list: some of its (receiver, group) pairs, each needing 1 .. n of its
 * n hand-offs (docs/model.md, "k-of-n alternatives"); no list when none is picked.
 */
function withGroupNeeds(model: Model): fc.Arbitrary<Model> {
  const sizes = new Map<string, { to: string; group: string; n: number }>();
  for (const handoff of model.handoffs ?? []) {
    if (handoff.group === undefined) continue;
    const key = JSON.stringify([handoff.to, handoff.group]);
    const entry = sizes.get(key) ?? { to: handoff.to, group: handoff.group, n: 0 };
    entry.n++;
    sizes.set(key, entry);
  }
  const pairs = [...sizes.values()];
  if (pairs.length === 0) return fc.constant(model);
  return fc
    .subarray(pairs)
    .chain((picked) =>
      fc.tuple(
        ...picked.map(({ to, group, n }) =>
          fc.integer({ min: 1, max: n }).map((need) => ({ to, group, need })),
        ),
      ),
    )
    .map((groups) => (groups.length === 0 ? model : { ...model, groups }));
}

/** Every path to a value inside a plain JSON-like tree. */
export function pathsOf(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  const paths: PropertyKey[][] = [path];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths.push(...pathsOf(v, [...path, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) paths.push(...pathsOf(v, [...path, key]));
  }
  return paths;
}

/** A replacement value: anything, with the values that break numeric code made likely. */
export const hostileValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    1.5,
    0,
    7,
  ),
  fc.constantFrom('', '__proto__', 'constructor', 'min', 'goods', null, [], {}),
);

/** A copy of `model` with the value at `path` replaced (or removed when `remove`). */
export function mutate(
  model: unknown,
  path: readonly PropertyKey[],
  value: unknown,
  remove: boolean,
): unknown {
  if (path.length === 0) return remove ? undefined : value;
  const copy: unknown = structuredClone(model);
  let parent = copy as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<PropertyKey, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (remove) delete parent[last];
  else
    Object.defineProperty(parent, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}
