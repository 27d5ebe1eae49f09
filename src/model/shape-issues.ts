/** Turns zod's issues into ours: stable codes, exact paths, messages that say where and what. */
import { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { formatPath, type Issue } from './errors.js';
import { ModelSchema, PrioritiesSchema, RatingSchema } from './schema.js';

type ZodIssue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Maps every zod issue of a failed model parse to our issues, in zod's order. */
export function shapeIssues(zodIssues: readonly ZodIssue[], input: unknown): Issue[] {
  return zodIssues.flatMap((issue) => mapIssue(issue, [], input));
}

/**
 * zod's records skip a `__proto__` key without checking its value, so check the value of that key
 * in ratings and priorities here, with the record's own value schema.
 */
export function protoKeyIssues(input: unknown): Issue[] {
  const records: Array<[Path, z.ZodType]> = [];
  for (const section of ['departments', 'employees', 'customers']) {
    for (const i of listAt(input, section).keys()) {
      records.push([[section, i, 'priorities'], PrioritiesSchema.valueType]);
    }
  }
  for (const i of listAt(input, 'handoffs').keys()) {
    records.push([['handoffs', i, 'ratings'], RatingSchema]);
  }
  return records.flatMap(([path, schema]) => {
    const value = valueAt(input, [...path, '__proto__']);
    if (!value.found || typeof valueAt(input, path).value !== 'object') return [];
    const result = schema.safeParse(value.value);
    return result.success
      ? []
      : result.error.issues.flatMap((issue) => mapIssue(issue, [...path, '__proto__'], input));
  });
}

function listAt(input: unknown, section: string): unknown[] {
  const { value } = valueAt(input, [section]);
  return Array.isArray(value) ? value : [];
}

function mapIssue(issue: ZodIssue, prefix: Path, input: unknown): Issue[] {
  const path = [...prefix, ...issue.path];
  const at = formatPath(path);
  switch (issue.code) {
    case 'invalid_type':
      return [typeIssue(issue.expected, path, input)];
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(key, path));
    case 'too_small':
    case 'too_big':
      return [sizeIssue(issue, at, input, path)];
    case 'invalid_value':
      return [valueIssue(issue.values, path, input)];
    case 'invalid_union':
      return unionIssues(issue.errors, path, input);
    case 'invalid_key':
      return [{ code: 'invalid_value', path: at, message: 'a key must not be empty' }];
    default:
      return [{ code: 'invalid_value', path: at, message: issue.message }];
  }
}

/** The value at a path of the raw input, and whether every step of the path exists. */
export function valueAt(input: unknown, path: Path): { found: boolean; value: unknown } {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

function typeIssue(expected: string, path: Path, input: unknown): Issue {
  const at = formatPath(path);
  const { found, value } = valueAt(input, path);
  if (!found || value === undefined) {
    const field = String(path[path.length - 1] ?? 'value');
    return { code: 'missing_field', path: at, message: `missing required field "${field}"` };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { code: 'not_finite', path: at, message: `must be a finite number, got ${value}` };
  }
  return {
    code: 'invalid_type',
    path: at,
    message: `expected ${describeType(expected)}, got ${describeValue(value)}`,
  };
}

function describeType(expected: string): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
  };
  return Object.hasOwn(words, expected) ? words[expected]! : expected;
}

/** A short description of a raw value for messages (strings are cut to stay on one line). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

function unknownKey(key: string, path: Path): Issue {
  const hint = didYouMean(key, knownKeys(path));
  return {
    code: 'unknown_key',
    path: formatPath([...path, key]),
    message: `unknown key ${JSON.stringify(key)}${hint}`,
  };
}

/** The keys the schema allows at a path (to suggest the right spelling of an unknown key). */
function knownKeys(path: Path): string[] {
  let schema: unknown = ModelSchema;
  for (const key of path) schema = childSchema(schema, key);
  const shape = objectShape(schema);
  return shape === undefined ? [] : Object.keys(shape);
}

function childSchema(schema: unknown, key: PropertyKey): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray) return inner.element;
  if (inner instanceof z.ZodRecord) return inner.valueType;
  const shape = objectShape(inner);
  if (shape !== undefined && typeof key === 'string' && Object.hasOwn(shape, key)) {
    return shape[key];
  }
  if (inner instanceof z.ZodUnion) return inner.options.find((o) => objectShape(o) !== undefined);
  return undefined;
}

function unwrap(schema: unknown): unknown {
  return schema instanceof z.ZodOptional ? schema.unwrap() : schema;
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, unknown>) : undefined;
}

type SizeIssue = Extract<ZodIssue, { code: 'too_small' | 'too_big' }>;

function sizeIssue(issue: SizeIssue, at: string, input: unknown, path: Path): Issue {
  if (issue.origin === 'string')
    return { code: 'invalid_value', path: at, message: 'must not be empty' };
  if (issue.origin === 'array') {
    return { code: 'invalid_value', path: at, message: 'must list at least one item' };
  }
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const relation =
    issue.code === 'too_small'
      ? issue.inclusive
        ? 'at least'
        : 'greater than'
      : issue.inclusive
        ? 'at most'
        : 'less than';
  const got = valueAt(input, path).value;
  return { code: 'out_of_range', path: at, message: `must be ${relation} ${bound}, got ${got}` };
}

function valueIssue(values: readonly unknown[], path: Path, input: unknown): Issue {
  const at = formatPath(path);
  const { found, value: got } = valueAt(input, path);
  if (!found || got === undefined) return typeIssue('value', path, input);
  if (at === 'version') {
    return {
      code: 'unsupported_version',
      path: at,
      message: `unsupported version ${JSON.stringify(got)}: this tool reads version 1`,
    };
  }
  const allowed = values.map((v) => JSON.stringify(v));
  const hint = typeof got === 'string' ? didYouMean(got, values.map(String)) : '';
  return {
    code: 'invalid_value',
    path: at,
    message: `expected one of ${allowed.join(', ')}, got ${describeValue(got)}${hint}`,
  };
}

/**
 * A union here is a rating: a number or an { expected, perceived } pair. Report the branch the
 * user evidently meant rather than zod's generic "Invalid input".
 */
function unionIssues(branches: readonly ZodIssue[][], path: Path, input: unknown): Issue[] {
  const { value } = valueAt(input, path);
  if (typeof value === 'number') return [typeIssue('number', path, input)];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const objectBranch = branches.find((issues) =>
      issues.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys'),
    );
    if (objectBranch !== undefined) return objectBranch.flatMap((i) => mapIssue(i, path, input));
  }
  return [
    {
      code: 'invalid_type',
      path: formatPath(path),
      message: `expected a number or { expected, perceived }, got ${describeValue(value)}`,
    },
  ];
}
