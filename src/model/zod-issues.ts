/**
 * The one translator from zod issues to the library's issues (`{ code, path, message }`), used for
 * every schema: model, scenario, candidate and options. zod 4 leaves `issue.input` unset unless
 * asked, so every value a message quotes is read from the raw input at the issue's path.
 */
import type { z } from 'zod';
import { type ErrorCode, formatPath, type Issue } from './errors.js';
import { describeSchema, knownKeysAt } from './schema-walk.js';
import {
  customIssue,
  describeValue,
  numberHint,
  sizeIssue,
  typeIssue,
  unknownKeyMessage,
  valueAt,
  valueIssue,
} from './zod-messages.js';

type ZodIssue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** What the translator needs besides the issues. */
export interface ZodIssueContext {
  /** The raw value that was parsed: messages quote what the user wrote. */
  readonly input: unknown;
  /** The schema that was parsed with: suggests the nearest known key for an unknown one. */
  readonly schema?: z.ZodType;
  /** Where the input sits in a larger document (`changes[2]`, `options`); '' for the whole. */
  readonly prefix?: string;
  /** What an unknown key is called: `key` (the default) or `option`. */
  readonly noun?: string;
}

/** Every zod issue as one or more library issues, in zod's order. */
export function issuesFromZod(
  error: z.ZodError | readonly ZodIssue[],
  context: ZodIssueContext,
): Issue[] {
  const issues = Array.isArray(error) ? error : (error as z.ZodError).issues;
  return issues.flatMap((issue) => translate(issue, [], context));
}

/** Parses `input` with `schema`: the data, or every issue translated. */
export function parseShape<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  context: Omit<ZodIssueContext, 'input' | 'schema'> = {},
): { success: true; data: z.output<Schema> } | { success: false; issues: Issue[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, issues: issuesFromZod(parsed.error, { ...context, input, schema }) };
}

/** Joins a prefix (`changes[2]`) and a zod path (`['set', 'quality']`) as `changes[2].set.quality`. */
export function joinPath(prefix: string, path: Path): string {
  const rest = formatPath(path);
  if (rest === '') return prefix;
  if (prefix === '') return rest;
  return rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

/** One zod issue (found under `base`, a path inside the input) as library issues. */
function translate(issue: ZodIssue, base: Path, context: ZodIssueContext): Issue[] {
  const path = [...base, ...issue.path];
  const at = joinPath(context.prefix ?? '', path);
  const got = valueAt(context.input, path);
  const make = (code: ErrorCode, message: string): Issue[] => [{ code, path: at, message }];
  switch (issue.code) {
    case 'invalid_type':
      return make(...typeIssue(issue.expected, got));
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeysAt(context.schema, path);
        return {
          code: 'unknown_key' as const,
          path: joinPath(context.prefix ?? '', [...path, key]),
          message: unknownKeyMessage(key, known, got.value, context.noun ?? 'key'),
        };
      });
    case 'too_small':
    case 'too_big':
      return make(...sizeIssue(issue, got.value));
    case 'invalid_value':
      return make(...valueIssue(issue.values, got, formatPath(path)));
    case 'invalid_union':
      return unionIssues(issue.errors, path, context);
    case 'invalid_key':
      return make('invalid_value', 'a key must not be empty');
    case 'custom':
      return make(...customIssue(issue, got.value));
    default:
      return make('invalid_value', issue.message);
  }
}

/**
 * A union (a rating: a number or an { expected, perceived } pair): report the branch whose type
 * the value has, rather than a generic "invalid input"; if none, say which types would do.
 */
function unionIssues(
  branches: readonly (readonly ZodIssue[])[],
  path: Path,
  context: ZodIssueContext,
): Issue[] {
  const got = valueAt(context.input, path);
  const matching = branches
    .filter((issues) => issues.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys'))
    .sort((a, b) => a.length - b.length)[0];
  if (matching !== undefined && typeof got.value === 'object' && got.value !== null) {
    return matching.flatMap((issue) => translate(issue, path, context));
  }
  const at = joinPath(context.prefix ?? '', path);
  const [code, message] = typeIssue('value', got);
  if (code !== 'invalid_type') return [{ code, path: at, message }];
  const wanted = describeSchema(context.schema, path) ?? 'another kind of value';
  // A share that may be an estimate keeps the hint a plain number gets (`"0.9"`: no quotes).
  const hint = wanted.startsWith('a number') ? numberHint(got.value) : '';
  return [{ code, path: at, message: `must be ${wanted}, got ${describeValue(got.value)}${hint}` }];
}
