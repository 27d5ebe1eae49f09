/** The model's shape issues: the one zod translator, plus what zod's records do not check. */
import type { z } from 'zod';
import { formatPath, type Issue } from './errors.js';
import { ModelSchema, PrioritiesSchema, RatingSchema } from './schema.js';
import { issuesFromZod } from './zod-issues.js';
import { valueAt } from './zod-messages.js';

type Path = readonly PropertyKey[];

/** Every zod issue of a failed model parse as our issues, in zod's order. */
export function shapeIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown): Issue[] {
  return issuesFromZod(zodIssues, { input, schema: ModelSchema });
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
    if (result.success) return [];
    const prefix = formatPath([...path, '__proto__']);
    return issuesFromZod(result.error, { input: value.value, schema, prefix });
  });
}

function listAt(input: unknown, section: string): unknown[] {
  const { value } = valueAt(input, [section]);
  return Array.isArray(value) ? value : [];
}
