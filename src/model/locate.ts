/**
 * Where an issue's path sits in the source text: line and column from the parser's own ranges
 * (the `yaml` Document's node ranges; for JSON, one scan of the text). Only run when there are
 * issues to place, and only along their paths.
 */
import { isMap, isScalar, isSeq, type Node, type ParsedNode } from 'yaml';

/** A 1-based line and column (column in UTF-16 units, as editors count them). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Offsets of one path's key (a mapping entry's key) and value. */
export interface Offsets {
  readonly key?: number;
  readonly value: number;
}

/** The offsets of the wanted paths found in a source. */
export type Positions = Map<string, Offsets>;

/** The path of a child, written as formatPath writes it (`a.b`, `a[3]`). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Every path and each of its ancestors (`handoffs[3].to`, `handoffs[3]`, `handoffs`, ''). */
export function withAncestors(paths: Iterable<string>): Set<string> {
  const all = new Set<string>(['']);
  for (const path of paths) {
    all.add(path);
    for (let i = 0; i < path.length; i++) {
      if (path[i] === '.' || path[i] === '[') all.add(path.slice(0, i));
    }
  }
  return all;
}

/** The offsets of the wanted paths in a parsed YAML document (aliases are not followed). */
export function yamlPositions(root: Node | null, wanted: ReadonlySet<string>): Positions {
  const found: Positions = new Map();
  const stack: Array<[Node, string]> = root === null ? [] : [[root, '']];
  if (root !== null && root.range !== undefined && root.range !== null) {
    found.set('', { value: root.range[0] });
  }
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = childPath(path, key);
        if (!wanted.has(child)) continue;
        const keyAt = (pair.key as ParsedNode | null)?.range?.[0];
        const valueAt = (pair.value as ParsedNode | null)?.range?.[0] ?? keyAt;
        if (valueAt !== undefined)
          found.set(child, { ...(keyAt !== undefined && { key: keyAt }), value: valueAt });
        if (pair.value !== null && typeof pair.value === 'object')
          stack.push([pair.value as Node, child]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = childPath(path, i);
        const at = (item as ParsedNode | null)?.range?.[0];
        if (!wanted.has(child) || at === undefined) return;
        found.set(child, { value: at });
        stack.push([item as Node, child]);
      });
    }
  }
  return found;
}

/** The line and column of an offset; line starts are found once per text. */
export function lineColumnOf(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/**
 * The offset an issue at `path` points to: its key for an unknown key, else its value; a path
 * that is not in the source (a missing field) points to its nearest ancestor that is.
 */
export function offsetOf(positions: Positions, path: string, code: string): number | undefined {
  const exact = positions.get(path);
  if (exact !== undefined) return code === 'unknown_key' ? (exact.key ?? exact.value) : exact.value;
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '.' && path[i] !== '[') continue;
    const ancestor = positions.get(path.slice(0, i));
    if (ancestor !== undefined) return ancestor.value;
  }
  return path === '' ? undefined : positions.get('')?.value;
}
