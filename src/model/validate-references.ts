/**
 * Cross-reference checks of MODEL.md section 8: every reference names a declared node of the right
 * kind, ids are unique, hand-offs are distinct and never loop on one node, and the hierarchy
 * (department parents, managers) has no cycle. Reads raw input leniently (see declared-nodes.ts).
 */
import {
  type Declared,
  declaredNodes,
  type Entry,
  entries,
  idsOfKind,
  type Loose,
  type NodeKind,
  text,
} from './declared-nodes.js';
import { handoffId } from './defaults.js';
import { didYouMean } from './did-you-mean.js';
import type { ErrorCode, Issue } from './errors.js';
import { ratingIssues } from './validate-ratings.js';

/** Every cross-reference issue of a (possibly partly malformed) raw model. */
export function referenceIssues(input: Loose): Issue[] {
  const { nodes, issues } = declaredNodes(input);
  const departments = entries(input, 'departments');
  const employees = entries(input, 'employees');
  return [
    ...issues,
    ...references(departments, 'parent', 'department', nodes),
    ...references(employees, 'department', 'department', nodes),
    ...references(employees, 'manager', 'employee', nodes),
    ...chainCycles(departments, 'parent', 'parent_cycle', 'department parents'),
    ...chainCycles(employees, 'manager', 'manager_cycle', 'managers'),
    ...handoffIssues(entries(input, 'handoffs'), nodes),
    ...ratingIssues(input),
  ];
}

/** A structure reference (`parent`, `department`, `manager`) must name a node of one kind. */
function references(
  list: readonly Entry[],
  key: string,
  kind: NodeKind,
  nodes: ReadonlyMap<string, Declared>,
): Issue[] {
  const issues: Issue[] = [];
  for (const { path, item } of list) {
    const target = text(item, key);
    if (target === undefined) continue;
    const node = nodes.get(target);
    const at = `${path}.${key}`;
    if (node === undefined) issues.push(unknownNode(at, target, idsOfKind(nodes, kind)));
    else if (node.kind !== kind) {
      issues.push({
        code: 'wrong_kind',
        path: at,
        message: `${JSON.stringify(target)} is ${article(node.kind)}, not ${article(kind)}`,
      });
    }
  }
  return issues;
}

function article(kind: NodeKind): string {
  return kind === 'employee' ? 'an employee' : `a ${kind}`;
}

function unknownNode(path: string, id: string, candidates: readonly string[]): Issue {
  return {
    code: 'unknown_node',
    path,
    message: `unknown node ${JSON.stringify(id)}${didYouMean(id, candidates)}`,
  };
}

/**
 * A cycle in a parent or manager chain, reported once, at the first member in declaration order.
 * Only links between entries of the same list are followed; wrong references are reported above.
 */
function chainCycles(list: readonly Entry[], key: string, code: ErrorCode, what: string): Issue[] {
  const next = new Map<string, string>();
  const pathOf = new Map<string, string>();
  for (const { path, item } of list) {
    const id = text(item, 'id');
    const target = text(item, key);
    if (id === undefined || pathOf.has(id)) continue;
    pathOf.set(id, path);
    if (target !== undefined) next.set(id, target);
  }
  const issues: Issue[] = [];
  const settled = new Set<string>();
  for (const start of pathOf.keys()) {
    const cycle = cycleFrom(start, next, settled);
    if (cycle === undefined) continue;
    const first = [...pathOf.keys()].find((id) => cycle.includes(id))!;
    const loop = [...rotate(cycle, first), first].map((id) => JSON.stringify(id)).join(' -> ');
    issues.push({
      code,
      path: `${pathOf.get(first)}.${key}`,
      message: `${what} form a cycle: ${loop}`,
    });
  }
  return issues;
}

/** Follows `next` from `start`; returns the cycle it runs into unless already reported. */
function cycleFrom(
  start: string,
  next: ReadonlyMap<string, string>,
  settled: Set<string>,
): string[] | undefined {
  const walk: string[] = [];
  const onWalk = new Set<string>();
  let current: string | undefined = start;
  while (current !== undefined && !settled.has(current) && !onWalk.has(current)) {
    walk.push(current);
    onWalk.add(current);
    current = next.get(current);
  }
  for (const id of walk) settled.add(id);
  if (current === undefined || !onWalk.has(current)) return undefined;
  return walk.slice(walk.indexOf(current));
}

function rotate(cycle: readonly string[], first: string): string[] {
  const at = cycle.indexOf(first);
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}

/** Hand-off ends name declared nodes, never the same node, and hand-off ids are distinct. */
function handoffIssues(list: readonly Entry[], nodes: ReadonlyMap<string, Declared>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const all = idsOfKind(nodes);
  for (const { path, item } of list) {
    const from = text(item, 'from');
    const to = text(item, 'to');
    if (from !== undefined && !nodes.has(from)) issues.push(unknownNode(`${path}.from`, from, all));
    if (to !== undefined && !nodes.has(to)) issues.push(unknownNode(`${path}.to`, to, all));
    if (from !== undefined && from === to) {
      issues.push({
        code: 'self_handoff',
        path: `${path}.to`,
        message: `a hand-off cannot go from ${JSON.stringify(from)} to itself`,
      });
    }
    const duplicate = duplicateHandoff(item, path, seen, from, to);
    if (duplicate !== undefined) issues.push(duplicate);
  }
  return issues;
}

function duplicateHandoff(
  item: Loose,
  path: string,
  seen: Map<string, string>,
  from: string | undefined,
  to: string | undefined,
): Issue | undefined {
  const own = text(item, 'id');
  if (own === undefined && (from === undefined || to === undefined)) return undefined;
  const id = own ?? handoffId({ from: from!, to: to! });
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, path);
    return undefined;
  }
  return {
    code: 'duplicate_handoff',
    path: own === undefined ? path : `${path}.id`,
    message: `duplicate hand-off id ${JSON.stringify(id)} (also ${first}); give parallel hand-offs distinct ids`,
  };
}
