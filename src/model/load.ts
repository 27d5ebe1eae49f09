/**
 * Loading and validating a model (docs/model-file.md, "Every field"): shape (zod), then cross-references, every
 * error at once; a valid model comes back with its warnings.
 */
import { isLoose } from './declared-nodes.js';
import { type Issue, ServiceChainError, type Warning } from './errors.js';
import { modelWarnings } from './model-warnings.js';
import { type ModelFormat, parseSource } from './parse-text.js';
import type { Model } from './schema.js';
import { protoKeyIssues, shapeIssues } from './shape-issues.js';
import { snapshot } from './snapshot.js';
import { referenceIssues } from './validate-references.js';
import { parseModelShape } from './validate-shape.js';

export type { ModelFormat } from './parse-text.js';

/** A valid model and the warnings found while validating it. */
export interface LoadedModel {
  readonly model: Model;
  readonly warnings: Warning[];
}

/** Either a valid model or every issue that stops it. */
export type SafeValidation =
  | { readonly success: true; readonly model: Model; readonly warnings: Warning[] }
  | { readonly success: false; readonly issues: Issue[] };

/** Models that passed validation, with their warnings: analyze() need not validate them again. */
const validated = new WeakMap<Model, Warning[]>();

/**
 * Validates a plain-object model; returns every issue instead of throwing. What is validated is
 * a snapshot of the input's own data (snapshot.ts), read once: a getter or a Proxy cannot change
 * it under the checks, and one that throws is an issue with its path, not a foreign exception.
 */
export function safeValidateModel(input: unknown): SafeValidation {
  const copy = snapshot(input);
  if (copy.issues.length > 0) return { success: false, issues: copy.issues };
  const result = validatePlainData(copy.value);
  // Plain data equals the output (the schema has no defaults or transforms), so it is valid too;
  // input with getters is validated again on each use, since it may read differently next time.
  if (result.success && copy.plain) validated.set(input as Model, result.warnings);
  return result;
}

/** Validates data that is plain already (a snapshot, or what a parser just built). */
function validatePlainData(value: unknown): SafeValidation {
  const { issues, shape } = validation(value);
  if (issues.length > 0 || shape === undefined) return { success: false, issues };
  const model = withOwnRecordKeys(shape, value as Model);
  const warnings = modelWarnings(model);
  validated.set(model, warnings);
  return { success: true, model, warnings };
}

/** Validates a plain-object model; throws ServiceChainError with every issue. */
export function validateModel(input: unknown): LoadedModel {
  const result = safeValidateModel(input);
  if (!result.success) throw new ServiceChainError(result.issues);
  return { model: result.model, warnings: result.warnings };
}

/**
 * The model to use and its warnings: a model known valid (it came from this module) as it is,
 * else the validated snapshot of it (throws ServiceChainError). Callers use the returned model
 * from then on, never their input: input with getters may read differently after validation.
 * Models are treated as immutable: one changed in place after validation is not re-checked.
 * The warnings are a fresh array, so callers may append their own.
 */
export function ensureValidModel(input: Model): LoadedModel {
  const cached = validated.get(input);
  if (cached !== undefined) return { model: input, warnings: [...cached] };
  const { model, warnings } = validateModel(input);
  return { model, warnings: [...warnings] };
}

/** Parses and validates model text; the format is guessed when absent (see parseText). */
export function parseModel(text: string, options: { format?: ModelFormat } = {}): LoadedModel {
  const source = parseSource(text, options.format);
  // A parser's output is plain data, owned by no one else: it needs no snapshot.
  const result = validatePlainData(source.value);
  if (!result.success) throw new ServiceChainError(source.locate(result.issues));
  // Warnings are placed in the text like errors; analyze() of this model reports them so placed.
  const warnings = source.locate(result.warnings);
  validated.set(result.model, warnings);
  return { model: result.model, warnings };
}

/** The format an extension implies, if any. */
export function formatOf(path: string): ModelFormat | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.'); // as path.extname: a leading dot starts no extension
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return undefined;
}

/**
 * Shape issues, then reference issues on whatever parts are well-formed: a user sees every error
 * at once. Empty input is an error, not an empty model (docs/model-file.md, "Every field").
 */
function validation(input: unknown): { issues: Issue[]; shape?: Model } {
  if (input === undefined || input === null) {
    const message = 'the model is empty: a model needs at least `version: 1`';
    return { issues: [{ code: 'empty_input', path: '', message }] };
  }
  if (!isLoose(input)) {
    const message = 'a model must be a mapping with `version: 1`';
    return { issues: [{ code: 'invalid_type', path: '', message }] };
  }
  // The one shape check: its model is the input's own plain elements where zod would only copy
  // them (validate-shape.ts), and zod's output elsewhere; no second parse.
  const shape = parseModelShape(input);
  const issues = shape.success ? [] : shapeIssues(shape.error.issues, input);
  issues.push(...protoKeyIssues(input), ...referenceIssues(input));
  return shape.success ? { issues, shape: shape.data } : { issues };
}

/**
 * zod builds records by assignment, which silently drops a `__proto__` key; copy ratings and
 * priorities from the (already validated) input as own data properties instead.
 */
function withOwnRecordKeys(model: Model, input: Model): Model {
  const sections = [
    [model.departments, input.departments],
    [model.employees, input.employees],
    [model.customers, input.customers],
  ] as const;
  for (const [items, raw] of sections) {
    items?.forEach((item, i) => {
      const priorities = ownCopy(raw?.[i]?.priorities);
      if (priorities !== undefined) item.priorities = priorities;
    });
  }
  model.handoffs?.forEach((handoff, i) => {
    const ratings = ownCopy(input.handoffs?.[i]?.ratings);
    if (ratings !== undefined) handoff.ratings = ratings;
  });
  return model;
}

/** A record copied with own data properties (Object.fromEntries defines, never assigns). */
function ownCopy<T>(
  record: Readonly<Record<string, T>> | undefined,
): Record<string, T> | undefined {
  if (record === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, structuredClone(value)]),
  );
}
