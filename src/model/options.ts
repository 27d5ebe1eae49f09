/**
 * The one options vocabulary: every public function reads its options object here (flat, merged
 * over its `<FUNCTION>_DEFAULTS` constant, unknown keys rejected), and the options several
 * functions share are defined once below and extended by each function's own schema. A public
 * options type is `z.input` of its schema.
 */
import { z } from 'zod';
import { ServiceChainError } from './errors.js';
import { issuesFromZod } from './zod-issues.js';

/**
 * The engine's iteration controls (docs/model.md, "Cycles: the greatest fixed point"), for every function that
 * evaluates a model. One rule each: `tolerance` is any finite number >= 0 (0 iterates a cycle
 * until nothing changes or `maxIterations` is reached, which is then reported as not converged);
 * `maxIterations` a whole number >= 1. Their defaults are the engine's ENGINE_DEFAULTS.
 */
export const EngineOptionsSchema = z.strictObject({
  /** A cycle's iteration stops when max |change| <= tolerance. */
  tolerance: z.number().min(0).optional(),
  /** Iteration cap per cycle; reaching it gives `converged: false` and a `not_converged` warning. */
  maxIterations: z.int().min(1).optional(),
});

/** The engine's iteration controls as a caller writes them. @useDeclaredType */
export type EngineOptionsInput = z.input<typeof EngineOptionsSchema>;

/**
 * How many links a ranking keeps, the same rule for `analyze`, `businessImpact` and every
 * renderer: a whole number >= 1 (as the CLI's `--top`).
 */
export const TopSchema = z.int().min(1);

/** A progress callback `(done, total) => void` (never part of a result). */
export const ProgressSchema = z.custom<(done: number, total: number) => void>(
  (value) => typeof value === 'function',
  { message: 'must be a function (done, total) => void' },
);

/** The type of a `<FUNCTION>_DEFAULTS` constant: the given options, each one set. */
export type DefaultsOf<Options> = { [K in keyof Options]-?: Exclude<Options[K], undefined> };

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
