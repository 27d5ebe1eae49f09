/**
 * What changed between two models (docs/model.md, "Change over time"): nodes matched by id,
 * hand-offs by id (`from->to` when they have none) and, failing that, by their two ends; every
 * field compared as data. Descriptive only: the attribution of the score change (diff.ts) works
 * on the figures these fields compile to.
 */
import { handoffId } from '../model/defaults.js';
import type { Handoff, Model } from '../model/schema.js';

/** The kinds of element a model lists. */
export type ElementKind = 'department' | 'employee' | 'customer' | 'handoff';

/** One field that differs: its value before and after (null where it is not set). */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A node or hand-off that was added, removed or changed. */
export interface ElementChange {
  readonly kind: ElementKind;
  /** The node's id, or the hand-off's id (`from->to` when it has none) on the side that has it. */
  readonly id: string;
  readonly status: 'added' | 'removed' | 'changed';
  /** For hand-offs, the two ends (after, or before for a removed one). */
  readonly from?: string;
  readonly to?: string;
  /** The fields that differ (for `changed`); empty for added and removed elements. */
  readonly fields: readonly FieldChange[];
}

/** Everything that differs between two models, in declaration order (before's, then after's new ones). */
export interface ModelChanges {
  readonly nodes: readonly ElementChange[];
  readonly handoffs: readonly ElementChange[];
  /** Model-level fields (name, scale, dimensions, defaults) that differ. */
  readonly settings: readonly FieldChange[];
}

/** A value as stable text: object keys sorted, so key order never makes a change. */
function stable(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    const record = value as Record<string, unknown>;
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stable(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields of two versions of an element that differ, in the order their keys first appear. */
export function fieldChanges(
  before: object,
  after: object,
  skip: readonly string[] = [],
): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (key) => !skip.includes(key),
  );
  return keys
    .filter((key) => stable(b[key]) !== stable(a[key]))
    .map((key) => ({ field: key, before: b[key] ?? null, after: a[key] ?? null }));
}

type Node = { readonly id: string } & object;

/** The nodes of a model with their kind, in declaration order. */
export function nodesOf(model: Model): { kind: ElementKind; node: Node }[] {
  return [
    ...(model.departments ?? []).map((node) => ({ kind: 'department' as const, node })),
    ...(model.employees ?? []).map((node) => ({ kind: 'employee' as const, node })),
    ...(model.customers ?? []).map((node) => ({ kind: 'customer' as const, node })),
  ];
}

function nodeChanges(before: Model, after: Model): ElementChange[] {
  const left = new Map(nodesOf(before).map((entry) => [entry.node.id, entry]));
  const right = new Map(nodesOf(after).map((entry) => [entry.node.id, entry]));
  const changes: ElementChange[] = [];
  for (const [nodeId, { kind, node }] of left) {
    const other = right.get(nodeId);
    if (other === undefined) changes.push({ kind, id: nodeId, status: 'removed', fields: [] });
    else {
      const fields = fieldChanges(node, other.node);
      if (kind !== other.kind) fields.unshift({ field: 'kind', before: kind, after: other.kind });
      if (fields.length > 0)
        changes.push({ kind: other.kind, id: nodeId, status: 'changed', fields });
    }
  }
  for (const [nodeId, { kind }] of right)
    if (!left.has(nodeId)) changes.push({ kind, id: nodeId, status: 'added', fields: [] });
  return changes;
}

/**
 * Pairs of hand-offs (before index, after index): first by id, then the rest by their two ends
 * where exactly one unmatched hand-off on each side joins them.
 */
export function matchHandoffs(before: readonly Handoff[], after: readonly Handoff[]): number[] {
  const match: number[] = before.map(() => -1);
  const taken = new Set<number>();
  const byId = new Map(after.map((handoff, j) => [handoffId(handoff), j]));
  before.forEach((handoff, i) => {
    const j = byId.get(handoffId(handoff));
    if (j !== undefined) {
      match[i] = j;
      taken.add(j);
    }
  });
  const ends = (handoff: Handoff) => `${handoff.from}\u0000${handoff.to}`;
  const count = (list: readonly Handoff[], keep: (i: number) => boolean) => {
    const counts = new Map<string, number>();
    list.forEach((handoff, i) => {
      if (keep(i)) counts.set(ends(handoff), (counts.get(ends(handoff)) ?? 0) + 1);
    });
    return counts;
  };
  const leftCounts = count(before, (i) => match[i] === -1);
  const rightCounts = count(after, (j) => !taken.has(j));
  before.forEach((handoff, i) => {
    if (match[i] !== -1 || leftCounts.get(ends(handoff)) !== 1) return;
    if (rightCounts.get(ends(handoff)) !== 1) return;
    const j = after.findIndex((other, k) => !taken.has(k) && ends(other) === ends(handoff));
    match[i] = j;
    taken.add(j);
  });
  return match;
}

function handoffChanges(before: Model, after: Model): ElementChange[] {
  const left = before.handoffs ?? [];
  const right = after.handoffs ?? [];
  const match = matchHandoffs(left, right);
  const matched = new Set(match);
  const changes: ElementChange[] = [];
  left.forEach((handoff, i) => {
    const ends = { from: handoff.from, to: handoff.to };
    const j = match[i]!;
    if (j === -1) {
      changes.push({
        kind: 'handoff',
        id: handoffId(handoff),
        status: 'removed',
        ...ends,
        fields: [],
      });
      return;
    }
    const other = right[j]!;
    const fields = fieldChanges(handoff, other);
    if (fields.length > 0)
      changes.push({
        kind: 'handoff',
        id: handoffId(other),
        status: 'changed',
        from: other.from,
        to: other.to,
        fields,
      });
  });
  right.forEach((handoff, j) => {
    if (!matched.has(j))
      changes.push({
        kind: 'handoff',
        id: handoffId(handoff),
        status: 'added',
        from: handoff.from,
        to: handoff.to,
        fields: [],
      });
  });
  return changes;
}

const LISTS = ['departments', 'employees', 'customers', 'handoffs', '$schema'];

/** What was added, removed and changed between two (valid) models. */
export function modelChanges(before: Model, after: Model): ModelChanges {
  return {
    nodes: nodeChanges(before, after),
    handoffs: handoffChanges(before, after),
    settings: fieldChanges(before, after, LISTS),
  };
}
