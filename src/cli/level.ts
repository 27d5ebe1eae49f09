/**
 * `--level`, one meaning and one parser for every command that takes it (`analyze`, `diagram`):
 * `department` = each actor's own department, N = depth N of the department tree (1 = top level),
 * as `rollUp` (src/analysis/roll-up.ts) groups them.
 */
import type { RollUpLevel } from '../analysis/roll-up.js';
import { usageError } from './scenario-io.js';

/** What `--level` accepts, said once for every command's help. */
export const LEVEL_CHOICES = "department (each actor's own) or N (depth, 1 = top level)";

/** Parses `--level`: `department`, or a depth written as a positive integer (`1` = top level). */
export function parseLevel(value: string): RollUpLevel {
  if (value === 'department') return value;
  const depth = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(depth) && depth >= 1) return depth;
  throw usageError('It must be "department" or a positive integer (1 = top-level departments).');
}

/** Parses `diagram --level`: `actor` (every actor, the default) or a roll-up level as parseLevel. */
export function parseDiagramLevel(value: string): 'actor' | RollUpLevel {
  if (value === 'actor') return value;
  try {
    return parseLevel(value);
  } catch {
    throw usageError(
      'It must be "actor", "department" or a positive integer (1 = top-level departments).',
    );
  }
}
