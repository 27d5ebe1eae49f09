/**
 * Cross-reference checks (docs/model-file.md, "Errors"): every reference names a declared node of
 * the right kind, ids are unique, hand-offs are distinct and never loop on one node, and the
 * hierarchy (department parents, managers) has no cycle. Reads raw input leniently (see
 * declared-nodes.ts). One pass per section, on node numbers: linear in the size of the model.
 */
import {
  DeclaredNodes,
  isLoose,
  type Loose,
  type NodeKind,
  type SectionEntries,
  section,
  text,
} from './declared-nodes.js';
import { handoffId } from './defaults.js';
import { suggestionBudget } from './did-you-mean.js';
import type { ErrorCode, Issue } from './errors.js';
import { groupIssues } from './validate-groups.js';
import { observationIssues } from './validate-observations.js';
import { ratingIssues } from './validate-ratings.js';

/** Every cross-reference issue of a (possibly partly malformed) raw model. */
export function referenceIssues(input: Loose): Issue[] {
  const budget = suggestionBudget();
  const nodes = new DeclaredNodes(input, budget);
  const issues = nodes.issues;
  const departments = section(input, 'departments');
  const employees = section(input, 'employees');
  references(departments, 'departments', 'parent', 'department', nodes, issues);
  references(employees, 'employees', 'department', 'department', nodes, issues);
  references(employees, 'employees', 'manager', 'employee', nodes, issues);
  const parents = nodes.entries('department');
  chainCycles(
    departments,
    parents,
    'departments',
    'parent',
    'parent_cycle',
    'department parents',
    issues,
  );
  const managers = nodes.entries('employee');
  chainCycles(employees, managers, 'employees', 'manager', 'manager_cycle', 'managers', issues);
  handoffIssues(section(input, 'handoffs'), nodes, issues);
  ratingIssues(input, budget, issues);
  groupIssues(input, nodes, budget, issues);
  observationIssues(input, nodes, issues);
  return issues;
}

/** A structure reference (`parent`, `department`, `manager`) must name a node of one kind. */
function references(
  list: readonly unknown[],
  name: string,
  key: string,
  kind: NodeKind,
  nodes: DeclaredNodes,
  issues: Issue[],
): void {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isLoose(item)) continue;
    const target = text(item, key);
    if (target === undefined) continue;
    const node = nodes.number.get(target);
    if (node === undefined) {
      issues.push(unknownNode(`${name}[${i}].${key}`, target, nodes.didYouMean(target, kind)));
      continue;
    }
    const found = nodes.kindOf(node);
    if (found === kind) continue;
    issues.push({
      code: 'wrong_kind',
      path: `${name}[${i}].${key}`,
      message: `${JSON.stringify(target)} is ${article(found)}, not ${article(kind)}`,
    });
  }
}

function article(kind: NodeKind): string {
  return kind === 'employee' ? 'an employee' : `a ${kind}`;
}

function unknownNode(path: string, id: string, hint: string): Issue {
  return { code: 'unknown_node', path, message: `unknown node ${JSON.stringify(id)}${hint}` };
}

/**
 * A cycle in a parent or manager chain, reported once, at its first member in declaration order,
 * in the order the walks meet them. Only links between entries of the same list are followed
 * (the first entry of an id counts); wrong references are reported above. One colouring pass:
 * every entry is walked once, so the work is linear however many cycles there are.
 */
function chainCycles(
  list: readonly unknown[],
  entries: SectionEntries,
  name: string,
  key: string,
  code: ErrorCode,
  what: string,
  issues: Issue[],
): void {
  const next = chainLinks(list, entries, key);
  const NEW = 0;
  const ON_WALK = 1;
  const SETTLED = 2;
  const state = new Uint8Array(next.length);
  const walk = new Int32Array(next.length);
  for (const start of entries.order) {
    let length = 0;
    let current = start;
    while (current !== -1 && state[current] === NEW) {
      state[current] = ON_WALK;
      walk[length++] = current;
      current = next[current]!;
    }
    if (current !== -1 && state[current] === ON_WALK) {
      const first = firstMember(walk, length, current, entries);
      issues.push({
        code,
        path: `${name}[${entries.positions[first]}].${key}`,
        message: `${what} form a cycle: ${loopText(first, next, list, entries)}`,
      });
    }
    for (let k = 0; k < length; k++) state[walk[k]!] = SETTLED;
  }
}

/** Where each entry's `key` points: another entry of the same list, or -1. */
function chainLinks(list: readonly unknown[], entries: SectionEntries, key: string): Int32Array {
  const next = new Int32Array(entries.positions.length).fill(-1);
  for (let e = 0; e < next.length; e++) {
    const target = text(list[entries.positions[e]!] as Loose, key);
    const to = target === undefined ? undefined : entries.entryOf(target);
    if (to !== undefined) next[e] = to;
  }
  return next;
}

/** The earliest-listed member of the cycle that the walk closed at `entry`. */
function firstMember(
  walk: Int32Array,
  length: number,
  entry: number,
  entries: SectionEntries,
): number {
  let first = entry;
  for (let k = length - 1; k >= 0 && walk[k] !== entry; k--) {
    if (entries.positions[walk[k]!]! < entries.positions[first]!) first = walk[k]!;
  }
  return first;
}

/** `"a" -> "b" -> "a"`, starting and ending at `first`. */
function loopText(
  first: number,
  next: Int32Array,
  list: readonly unknown[],
  entries: SectionEntries,
): string {
  const idOf = (e: number) => JSON.stringify(text(list[entries.positions[e]!] as Loose, 'id'));
  let loop = idOf(first);
  let current = first;
  do {
    current = next[current]!;
    loop += ` -> ${idOf(current)}`;
  } while (current !== first);
  return loop;
}

/**
 * Hand-off ends name declared nodes, never the same node, and hand-off ids are distinct. Ids are
 * compared on node numbers where they have the form `from->to` of two declared nodes (see
 * canonicalPair), as strings otherwise; issues come out in hand-off order.
 */
function handoffIssues(list: readonly unknown[], nodes: DeclaredNodes, issues: Issue[]): void {
  const from = new Int32Array(list.length).fill(-1);
  const to = new Int32Array(list.length).fill(-1);
  const duplicateOf = new Int32Array(list.length).fill(-1);
  const flagged = new Uint8Array(list.length);
  const byText = new Map<string, number>();
  for (let h = 0; h < list.length; h++) {
    const item = list[h];
    if (!isLoose(item)) continue;
    const source = text(item, 'from');
    const target = text(item, 'to');
    const sourceNode = source === undefined ? undefined : nodes.number.get(source);
    const targetNode = target === undefined ? undefined : nodes.number.get(target);
    if (
      (source !== undefined && sourceNode === undefined) ||
      (target !== undefined && targetNode === undefined) ||
      (source !== undefined && source === target)
    )
      flagged[h] = 1;
    const own = text(item, 'id');
    let key: string;
    if (own !== undefined) {
      if (canonicalPair(own, nodes, h, from, to)) continue;
      key = own;
    } else {
      if (source === undefined || target === undefined) continue;
      if (
        sourceNode !== undefined &&
        targetNode !== undefined &&
        !nodes.hasArrow(sourceNode) &&
        !nodes.hasArrow(targetNode)
      ) {
        from[h] = sourceNode;
        to[h] = targetNode;
        continue;
      }
      key = handoffId({ from: source, to: target });
    }
    const first = byText.get(key);
    if (first === undefined) byText.set(key, h);
    else duplicateOf[h] = first;
  }
  pairDuplicates(from, to, nodes.number.size, duplicateOf);
  for (let h = 0; h < list.length; h++) {
    if (flagged[h] === 1 || duplicateOf[h] !== -1)
      handoffIssuesAt(list[h] as Loose, h, duplicateOf[h]!, nodes, issues);
  }
}

const ARROW = '->';

/**
 * Whether `id` reads `a->b` with exactly one arrow and a, b declared: then it equals the default
 * id of a hand-off a -> b and nothing else, so it is compared as the pair (a, b), stored at h.
 */
function canonicalPair(
  id: string,
  nodes: DeclaredNodes,
  h: number,
  from: Int32Array,
  to: Int32Array,
): boolean {
  const at = id.indexOf(ARROW);
  if (at === -1 || id.includes(ARROW, at + ARROW.length)) return false;
  const source = nodes.number.get(id.slice(0, at));
  const target = nodes.number.get(id.slice(at + ARROW.length));
  if (source === undefined || target === undefined) return false;
  from[h] = source;
  to[h] = target;
  return true;
}

/** Marks each hand-off whose pair was taken by an earlier one: hand-offs grouped by provider. */
function pairDuplicates(
  from: Int32Array,
  to: Int32Array,
  nodeCount: number,
  duplicateOf: Int32Array,
): void {
  const start = new Int32Array(nodeCount + 1);
  for (let h = 0; h < from.length; h++) if (from[h] !== -1) start[from[h]! + 1]! += 1;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const order = new Int32Array(start[nodeCount]!);
  for (let h = 0; h < from.length; h++) if (from[h] !== -1) order[fill[from[h]!]!++] = h;
  const markedBy = new Int32Array(nodeCount).fill(-1);
  const firstAt = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const h = order[k]!;
      const target = to[h]!;
      if (markedBy[target] === v) duplicateOf[h] = firstAt[target]!;
      else {
        markedBy[target] = v;
        firstAt[target] = h;
      }
    }
  }
}

/** The issues of one hand-off, in a fixed order: unknown ends, self hand-off, duplicate id. */
function handoffIssuesAt(
  item: Loose,
  h: number,
  duplicateOf: number,
  nodes: DeclaredNodes,
  issues: Issue[],
): void {
  const source = text(item, 'from');
  const target = text(item, 'to');
  if (source !== undefined && !nodes.number.has(source))
    issues.push(unknownNode(`handoffs[${h}].from`, source, nodes.didYouMean(source)));
  if (target !== undefined && !nodes.number.has(target))
    issues.push(unknownNode(`handoffs[${h}].to`, target, nodes.didYouMean(target)));
  if (source !== undefined && source === target) {
    issues.push({
      code: 'self_handoff',
      path: `handoffs[${h}].to`,
      message: `a hand-off cannot go from ${JSON.stringify(source)} to itself`,
    });
  }
  if (duplicateOf === -1) return;
  const own = text(item, 'id');
  const id = own ?? handoffId({ from: source!, to: target! });
  issues.push({
    code: 'duplicate_handoff',
    path: own === undefined ? `handoffs[${h}]` : `handoffs[${h}].id`,
    message: `duplicate hand-off id ${JSON.stringify(id)} (also handoffs[${duplicateOf}]); give parallel hand-offs distinct ids`,
  });
}
