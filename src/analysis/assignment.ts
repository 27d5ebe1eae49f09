/**
 * `--set` assignments (`warehouse->dispatch.quality=0.4`, `dispatch.welfare=0.6`,
 * `dispatch->online-shoppers.ratings.timeliness=4`) turned into scenario changes. Hand-off ids
 * contain `->` and may contain dots, so the target is the longest known id followed by `.` and a
 * field that fits it; the value is what follows the first `=`.
 */
import { handoffId } from '../model/defaults.js';
import { didYouMean } from '../model/did-you-mean.js';
import { type Issue, ServiceChainError } from '../model/errors.js';
import type { Handoff, Model } from '../model/schema.js';
import { findHandoff, handoffNames } from './change-targets.js';
import {
  ActorSetSchema,
  type Change,
  CustomerSetSchema,
  HandoffSetSchema,
} from './scenario-schema.js';

type Kind = 'handoff' | 'actor' | 'customer';

const FIELDS: Record<Kind, readonly string[]> = {
  handoff: Object.keys(HandoffSetSchema.shape),
  actor: Object.keys(ActorSetSchema.shape),
  customer: Object.keys(CustomerSetSchema.shape),
};

/** Fields holding an object: `ratings.timeliness=4` merges into them. */
const NESTED = new Set(['ratings', 'priorities', 'churn', 'wordOfMouth']);

/** `null`, a boolean, a number, or the text itself. */
function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === 'null') return null;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

/**
 * Every name an assignment may target, with its kind: a hand-off by its id, or by `from->to` when it
 * has an id of its own and no other hand-off shares the pair (the change names it as written).
 */
function targets(model: Model): { id: string; kind: Kind; current: Record<string, unknown> }[] {
  const handoffs = model.handoffs ?? [];
  const byId = new Map(handoffs.map((h) => [handoffId(h), h]));
  return [
    ...[...handoffNames(handoffs)].map(([name, id]) => ({
      id: name,
      kind: 'handoff' as const,
      current: byId.get(id ?? name)!,
    })),
    ...[...(model.departments ?? []), ...(model.employees ?? [])].map((a) => ({
      id: a.id,
      kind: 'actor' as const,
      current: a as Record<string, unknown>,
    })),
    ...(model.customers ?? []).map((c) => ({
      id: c.id,
      kind: 'customer' as const,
      current: c as Record<string, unknown>,
    })),
  ];
}

/**
 * Turns assignments into changes, one per target (in order of first mention), nested fields merged
 * over the model's current object. Throws every malformed or unknown assignment at once, each at
 * path `--set[i]`.
 */
export function assignmentChanges(assignments: readonly string[], model: Model): Change[] {
  const { changes, issues } = tryAssignmentChanges(assignments, model);
  if (issues.length > 0) throw new ServiceChainError(issues);
  return changes;
}

/** Like assignmentChanges, but returns the issues with the changes of the assignments that parsed. */
export function tryAssignmentChanges(
  assignments: readonly string[],
  model: Model,
): { changes: Change[]; issues: Issue[] } {
  const known = targets(model);
  const issues: Issue[] = [];
  const sets = new Map<string, { kind: Kind; id: string; set: Record<string, unknown> }>();
  assignments.forEach((text, i) => {
    const path = `--set[${i}]`;
    const equals = text.indexOf('=');
    if (equals < 0) {
      issues.push({ code: 'invalid_value', path, message: `"${text}" is not id.field=value` });
      return;
    }
    const left = text.slice(0, equals).trim();
    const value = parseValue(text.slice(equals + 1));
    const fits = known
      .filter((t) => left.startsWith(`${t.id}.`))
      .map((t) => ({ ...t, field: left.slice(t.id.length + 1).split('.') }))
      .filter(
        (t) =>
          FIELDS[t.kind].includes(t.field[0]!) && (t.field.length === 1 || NESTED.has(t.field[0]!)),
      )
      .sort((a, b) => b.id.length - a.id.length);
    const target = fits[0];
    if (target === undefined) {
      issues.push(unknownAssignment(left, known, model.handoffs ?? [], path));
      return;
    }
    const key = `${target.kind}:${target.id}`;
    const entry = sets.get(key) ?? { kind: target.kind, id: target.id, set: {} };
    sets.set(key, entry);
    const [field, inner] = target.field as [string, string | undefined];
    if (inner === undefined) entry.set[field] = value;
    else {
      const base = (entry.set[field] ?? target.current[field] ?? {}) as Record<string, unknown>;
      entry.set[field] = { ...base, [inner]: value };
    }
  });
  const changes = [...sets.values()].map(
    ({ kind, id, set }) => ({ [kind]: id, set }) as unknown as Change,
  );
  return { changes, issues };
}

/** Why an assignment fits no target: an unknown id (split at the last dot) or an unknown field. */
function unknownAssignment(
  left: string,
  known: readonly { id: string; kind: Kind }[],
  handoffs: readonly Handoff[],
  path: string,
): Issue {
  const dot = left.lastIndexOf('.');
  if (dot < 0)
    return { code: 'invalid_value', path, message: `"${left}" names no field: use id.field=value` };
  const id = left.slice(0, dot);
  const field = left.slice(dot + 1);
  const ambiguous = findHandoff(handoffs, id, path);
  if (typeof ambiguous !== 'number' && ambiguous.code === 'invalid_value') return ambiguous;
  const owner = known.find((t) => t.id === id);
  if (owner !== undefined)
    return {
      code: 'unknown_key',
      path,
      message: `${owner.kind === 'handoff' ? 'a hand-off' : `${owner.kind === 'actor' ? 'an actor' : 'a customer'}`} has no field ${JSON.stringify(field)}${didYouMean(field, FIELDS[owner.kind])}`,
    };
  return {
    code: 'unknown_node',
    path,
    message: `unknown hand-off, actor or customer ${JSON.stringify(id)}${didYouMean(
      id,
      known.map((t) => t.id),
    )}`,
  };
}
