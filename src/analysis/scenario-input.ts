/**
 * Reading scenario and candidates input the way a model is read: text by the model's one text
 * parser (YAML or JSON, syntax errors with line and column), shapes by zod with every issue turned
 * into the library's by the one translator (`issuesFromZod`).
 */
import type { z } from 'zod';
import { type Issue, ServiceChainError } from '../model/errors.js';
import { type ModelFormat, parseText } from '../model/parse-text.js';
import { parseShape } from '../model/zod-issues.js';

/** Parses scenario or candidates text; throws ServiceChainError (`syntax`, `empty_input`). */
export function parseInputText(
  text: string,
  what: 'scenario' | 'candidates file',
  format?: ModelFormat,
): unknown {
  try {
    return parseText(text, format);
  } catch (error) {
    // The parser's word for empty text speaks of a model.
    if (error instanceof ServiceChainError && error.code === 'empty_input')
      throw new ServiceChainError([
        { code: 'empty_input', path: '', message: `the ${what} is empty` },
      ]);
    throw error;
  }
}

/** `value` parsed with `schema`: the data, or every shape issue at paths below `prefix`. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  prefix: string,
): { success: true; data: z.output<Schema> } | { success: false; issues: Issue[] } {
  return parseShape(schema, value, { prefix });
}

/** Every shape issue of `value` under `schema`, at paths below `prefix`; [] when it fits. */
export function inputIssues(schema: z.ZodType, value: unknown, prefix: string): Issue[] {
  const parsed = parseInput(schema, value, prefix);
  return parsed.success ? [] : parsed.issues;
}
