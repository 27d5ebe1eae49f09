/**
 * The declared nodes of a model, read from raw input that may be partly malformed: the reference
 * checks run even when the shape check failed, so a user sees every error at once. Only
 * well-formed parts are read; anything else is left to the shape check.
 */
import type { Issue } from './errors.js';

/** A node kind (MODEL.md section 1). */
export type NodeKind = 'department' | 'employee' | 'customer';

/** A raw mapping from the input. */
export type Loose = { readonly [key: string]: unknown };

/** One element of a list section with its path, e.g. `handoffs[3]`. */
export interface Entry {
  readonly path: string;
  readonly item: Loose;
}

/** A declared node: its kind and where it is declared. */
export interface Declared {
  readonly kind: NodeKind;
  readonly path: string;
}

/** The sections that declare nodes, in declaration order (MODEL.md: node order). */
export const NODE_SECTIONS = [
  ['departments', 'department'],
  ['employees', 'employee'],
  ['customers', 'customer'],
] as const;

/** Whether a raw value is a mapping (not null, not a list). */
export function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping elements of a list section; anything else is the shape check's business. */
export function entries(input: Loose, section: string): Entry[] {
  const list = Object.hasOwn(input, section) ? input[section] : undefined;
  if (!Array.isArray(list)) return [];
  const found: Entry[] = [];
  list.forEach((item, index) => {
    if (isLoose(item)) found.push({ path: `${section}[${index}]`, item });
  });
  return found;
}

/** A field that holds a non-empty string, else undefined. */
export function text(item: Loose, key: string): string | undefined {
  const value = Object.hasOwn(item, key) ? item[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A field's raw value, own properties only (so `constructor` is never inherited). */
export function field(item: Loose, key: string): unknown {
  return Object.hasOwn(item, key) ? item[key] : undefined;
}

/** Every declared id by kind, and an issue for each id declared twice (at the second one). */
export function declaredNodes(input: Loose): { nodes: Map<string, Declared>; issues: Issue[] } {
  const nodes = new Map<string, Declared>();
  const issues: Issue[] = [];
  for (const [section, kind] of NODE_SECTIONS) {
    for (const { path, item } of entries(input, section)) {
      const id = text(item, 'id');
      if (id === undefined) continue;
      const first = nodes.get(id);
      if (first === undefined) nodes.set(id, { kind, path });
      else issues.push(duplicateId(id, first, `${path}.id`));
    }
  }
  return { nodes, issues };
}

function duplicateId(id: string, first: Declared, path: string): Issue {
  return {
    code: 'duplicate_id',
    path,
    message: `duplicate id ${JSON.stringify(id)}: already declared at ${first.path} (ids are unique across departments, employees and customers)`,
  };
}

/** The ids of one kind, in declaration order (candidates for "did you mean"). */
export function idsOfKind(nodes: ReadonlyMap<string, Declared>, kind?: NodeKind): string[] {
  const ids: string[] = [];
  for (const [id, node] of nodes) if (kind === undefined || node.kind === kind) ids.push(id);
  return ids;
}
