/**
 * The one way an options object is read (brief: flat, merged over a documented DEFAULTS
 * constant, unknown keys rejected): checked against a strict zod schema, then merged.
 */
import type { z } from 'zod';
import { ServiceChainError } from './errors.js';
import { issuesFromZod } from './zod-issues.js';

/** Options once merged over their defaults: every defaulted key set, the others as given. */
export type ResolvedOptions<Given, Defaults> = {
  [K in keyof Given as K extends keyof Defaults ? never : K]: Exclude<Given[K], undefined>;
} & {
  [K in keyof Defaults]:
    | Defaults[K]
    | (K extends keyof Given ? Exclude<Given[K], undefined> : never);
};

/**
 * Checks `input` (undefined or null: no options) against a strict schema and merges the options
 * given over `defaults`; one given as undefined keeps its default. Throws ServiceChainError with
 * every problem, each `invalid_option` at `options.<key>`; an unknown key's message suggests the
 * nearest known one.
 */
export function resolveOptions<Schema extends z.ZodObject, Defaults extends object>(
  schema: Schema,
  defaults: Defaults,
  input: unknown,
): ResolvedOptions<z.output<Schema>, Defaults> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const context = { input: input ?? {}, schema, prefix: 'options', noun: 'option' };
    const issues = issuesFromZod(parsed.error, context);
    throw new ServiceChainError(issues.map((issue) => ({ ...issue, code: 'invalid_option' })));
  }
  const given = Object.entries(parsed.data as object).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(given) } as ResolvedOptions<
    z.output<Schema>,
    Defaults
  >;
}
