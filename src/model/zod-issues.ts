/** Turns zod issues into the library's issues (`{ code, path, message }`) under a path prefix. */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { type ErrorCode, formatPath, type Issue } from './errors.js';

/** The library's code for one zod issue. */
function codeOf(issue: z.core.$ZodIssue): ErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'missing_field' : 'invalid_type';
    case 'too_small':
    case 'too_big':
      return 'out_of_range';
    case 'unrecognized_keys':
      return 'unknown_key';
    default:
      return 'invalid_value';
  }
}

/** Joins a prefix (`changes[2]`) and a zod path (`['set', 'quality']`) as `changes[2].set.quality`. */
export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const rest = formatPath(path);
  if (rest === '') return prefix;
  if (prefix === '') return rest;
  return rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

/**
 * Every zod issue as a library issue; an unknown key gets its own issue with a suggestion, called
 * an unknown `noun` (`key` in a model or scenario, `option` in an options object).
 */
export function issuesFromZod(
  error: z.ZodError,
  prefix: string,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[] = () => [],
  noun = 'key',
): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({
          code: 'unknown_key',
          path: joinPath(prefix, [...issue.path, key]),
          message: `unknown ${noun} ${JSON.stringify(key)}${didYouMean(key, knownKeys(issue.path))}`,
        });
      }
      continue;
    }
    const message =
      issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message;
    issues.push({ code: codeOf(issue), path: joinPath(prefix, issue.path), message });
  }
  return issues;
}
