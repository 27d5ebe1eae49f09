/**
 * The shape of one scenario change (docs/cookbook.md, "What-if scenarios"): which kind it is and whether its
 * fields have the right types. Every zod issue goes through the library's one translator
 * (`issuesFromZod`). What the change names and whether the changed model stays valid are checked
 * later, against the working copy (see apply-change.ts).
 */
import { z } from 'zod';
import { didYouMean } from '../model/did-you-mean.js';
import type { Issue } from '../model/errors.js';
import {
  CustomerSchema,
  DepartmentSchema,
  EmployeeSchema,
  HandoffSchema,
} from '../model/schema.js';
import { joinPath } from '../model/zod-issues.js';
import { inputIssues } from './scenario-input.js';
import {
  type Change,
  RemoveSchema,
  SetActorSchema,
  SetCustomerSchema,
  SetHandoffSchema,
} from './scenario-schema.js';

const CHANGE_KINDS = ['handoff', 'actor', 'customer', 'add', 'remove'] as const;
const REMOVAL_KINDS = ['handoff', 'actor', 'customer'] as const;
/** `{ add: { <kind>: item } }` per kind, with the item schema the model file uses. */
const ADDITIONS = {
  handoff: z.strictObject({ add: z.strictObject({ handoff: HandoffSchema }) }),
  department: z.strictObject({ add: z.strictObject({ department: DepartmentSchema }) }),
  employee: z.strictObject({ add: z.strictObject({ employee: EmployeeSchema }) }),
  customer: z.strictObject({ add: z.strictObject({ customer: CustomerSchema }) }),
} as const;
const ADDITION_KINDS = Object.keys(ADDITIONS) as (keyof typeof ADDITIONS)[];
const SETS = { handoff: SetHandoffSchema, actor: SetActorSchema, customer: SetCustomerSchema };

/** What `{ handoff | actor | customer: name, set }` names. */
export type SetKind = keyof typeof SETS;

/** A plain object, not an array or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one key of `value` among `kinds`, or an issue saying what is wrong. */
function pickKind<K extends string>(
  value: unknown,
  kinds: readonly K[],
  path: string,
  what: string,
): K | Issue {
  const list = kinds.join(', ');
  if (!isRecord(value))
    return { code: 'invalid_type', path, message: `${what} is an object with one of ${list}` };
  const present = kinds.filter((kind) => Object.hasOwn(value, kind));
  if (present.length === 1) return present[0]!;
  if (present.length > 1)
    return {
      code: 'invalid_value',
      path,
      message: `${what} names only one of ${present.join(', ')}`,
    };
  const unknown = Object.keys(value).find((key) => key !== 'set');
  const hint = unknown === undefined ? '' : didYouMean(unknown, kinds);
  return { code: 'missing_field', path, message: `${what} needs one of ${list}${hint}` };
}

/** A shape check's outcome: the change (a copy of the input), or the issues that stop it. */
export type Shape = { change: Change; issues: [] } | { change: undefined; issues: Issue[] };

/**
 * The change when its shape is right. The result is a deep copy of the input, not zod's output:
 * zod builds records by assignment, which silently drops a `__proto__` key from `ratings` or
 * `priorities`; the copy keeps it, so the model's validators judge it (docs/model-file.md, "Hand-offs").
 */
export function changeShape(value: unknown, path: string): Shape {
  const issues = shapeIssues(value, path);
  if (issues.length > 0) return { change: undefined, issues };
  return { change: structuredClone(value) as Change, issues: [] };
}

function shapeIssues(value: unknown, path: string): Issue[] {
  const kind = pickKind(value, CHANGE_KINDS, path, 'a change');
  if (typeof kind !== 'string') return [kind];
  const record = value as Record<string, unknown>;
  if (kind === 'add') return additionIssues(record, path);
  if (kind === 'remove') {
    const inner = pickKind(record['remove'], REMOVAL_KINDS, joinPath(path, ['remove']), '`remove`');
    if (typeof inner !== 'string') return [inner];
    return inputIssues(RemoveSchema, value, path);
  }
  const issues = inputIssues(SETS[kind], value, path);
  const set = record['set'];
  if (issues.length === 0 && isRecord(set) && Object.keys(set).length === 0)
    issues.push({ code: 'missing_field', path: `${path}.set`, message: 'set names no field' });
  return issues;
}

/** `{ add: { <kind>: {...} } }`: one addition. */
function additionIssues(record: Record<string, unknown>, path: string): Issue[] {
  const inner = pickKind(record['add'], ADDITION_KINDS, joinPath(path, ['add']), '`add`');
  if (typeof inner !== 'string') return [inner];
  return inputIssues(ADDITIONS[inner], record, path);
}

/** The kind and name a `set` change gives, read from raw input (to check it even when its shape is wrong). */
export function setTarget(value: unknown): { kind: SetKind; name: string } | undefined {
  if (!isRecord(value)) return undefined;
  const kinds = (Object.keys(SETS) as SetKind[]).filter((kind) => Object.hasOwn(value, kind));
  const name = kinds.length === 1 ? value[kinds[0]!] : undefined;
  return typeof name === 'string' &&
    name !== '' &&
    !Object.hasOwn(value, 'add') &&
    !Object.hasOwn(value, 'remove')
    ? { kind: kinds[0]!, name }
    : undefined;
}
