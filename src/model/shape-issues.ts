/** The model's shape issues: the one zod translator, plus what zod's records do not check. */
import type { z } from 'zod';
import { formatPath, type Issue } from './errors.js';
import { ModelSchema, PrioritiesSchema, RatingSchema } from './schema.js';
import { issuesFromZod } from './zod-issues.js';
import { valueAt } from './zod-messages.js';

/** The key zod's records skip (read as an own data property, never the accessor). */
const PROTO_KEY = '__proto__';

/** Every zod issue of a failed model parse as our issues, in zod's order. */
export function shapeIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown): Issue[] {
  return issuesFromZod(zodIssues, { input, schema: ModelSchema });
}

/**
 * zod's records skip a `__proto__` key without checking its value, so check the value of that key
 * in ratings and priorities here, with the record's own value schema.
 */
export function protoKeyIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  // One plain loop, no path arrays unless a `__proto__` key is there: this runs on every element
  // of a model of a million actors.
  const check = (section: string, field: string, schema: z.ZodType) => {
    const list = listAt(input, section);
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item !== 'object' || item === null || !Object.hasOwn(item, field)) continue;
      const record = (item as Record<string, unknown>)[field];
      if (typeof record !== 'object' || record === null || !Object.hasOwn(record, PROTO_KEY)) {
        continue;
      }
      const value = (record as Record<string, unknown>)[PROTO_KEY];
      const result = schema.safeParse(value);
      if (result.success) continue;
      const prefix = formatPath([section, i, field, '__proto__']);
      issues.push(...issuesFromZod(result.error, { input: value, schema, prefix }));
    }
  };
  for (const section of ['departments', 'employees', 'customers']) {
    check(section, 'priorities', PrioritiesSchema.valueType);
  }
  check('handoffs', 'ratings', RatingSchema);
  return issues;
}

function listAt(input: unknown, section: string): unknown[] {
  const { value } = valueAt(input, [section]);
  return Array.isArray(value) ? value : [];
}
