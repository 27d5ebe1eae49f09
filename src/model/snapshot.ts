/**
 * A plain snapshot of API input (docs/model-file.md, "In code"): own enumerable fields copied
 * once into plain objects and lists, so validation checks data that cannot change under it. A
 * getter is read once; one that throws, or a Proxy trap that throws, becomes an issue at the path
 * where it happened; an object whose fields come through its prototype (a class instance,
 * `Object.create(proto)`) is refused, since its fields are not its own data.
 */
import { formatPath, type Issue } from './errors.js';

/** The copy, whether anything in the input was not plain data (a getter), and what stopped it. */
export interface Snapshot {
  readonly value: unknown;
  /** True when every object was a plain data object without accessors: the copy equals the input. */
  readonly plain: boolean;
  readonly issues: Issue[];
}

/** A path as a chain to the root, so a deep input costs no copying of paths (formatted on error). */
type Path = { readonly parent: Path; readonly key: PropertyKey } | null;
type Container = Record<string, unknown> | unknown[];

/** The state of one snapshot: copies made (by source), objects still to fill, what went wrong. */
interface Walk {
  readonly copies: Map<object, unknown>;
  readonly sources: object[];
  readonly targets: Container[];
  readonly paths: Path[];
  readonly issues: Issue[];
  plain: boolean;
}

/**
 * Copies `input` once, in one pass over its objects (no recursion, so depth costs no stack).
 * Shared objects (YAML aliases) stay shared in the copy, which also ends cycles. Dates, maps and
 * binary data are kept as they are: the shape check names them ("got a date").
 */
export function snapshot(input: unknown): Snapshot {
  const walk: Walk = {
    copies: new Map(),
    sources: [],
    targets: [],
    paths: [],
    issues: [],
    plain: true,
  };
  const value = copyOf(walk, input, null);
  while (walk.sources.length > 0) {
    const source = walk.sources.pop()!;
    const target = walk.targets.pop()!;
    const path = walk.paths.pop()!;
    try {
      if (Array.isArray(target)) fillList(walk, source as unknown[], target, path);
      else fillObject(walk, source, target, path);
    } catch (error) {
      walk.issues.push(thrown(error, path));
    }
  }
  return { value, plain: walk.plain && walk.issues.length === 0, issues: walk.issues };
}

/** The copy of one value: itself if not an object, else a new (still empty) container. */
function copyOf(walk: Walk, value: unknown, path: Path): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = walk.copies.get(value);
  if (known !== undefined || walk.copies.has(value)) return known;
  let kind: ReturnType<typeof kindOf>;
  try {
    kind = kindOf(value);
  } catch (error) {
    walk.issues.push(thrown(error, path));
    kind = 'kept';
  }
  if (kind === 'kept') {
    walk.copies.set(value, value);
    return value;
  }
  if (kind !== 'array' && kind !== 'object') {
    walk.issues.push({ code: 'invalid_type', path: pathText(path), message: kind });
    walk.copies.set(value, undefined);
    return undefined;
  }
  const copy: Container = kind === 'array' ? [] : {};
  walk.copies.set(value, copy);
  walk.sources.push(value);
  walk.targets.push(copy);
  walk.paths.push(path);
  return copy;
}

/** A list's items, each read once; it keeps its length, so an empty slot stays one. */
function fillList(walk: Walk, source: unknown[], target: unknown[], path: Path): void {
  const length = source.length;
  target.length = length;
  for (let i = 0; i < length; i++) {
    if (!Object.hasOwn(source, i)) continue;
    let item: unknown;
    try {
      item = source[i];
    } catch (error) {
      walk.issues.push(thrown(error, { parent: path, key: i }));
      continue;
    }
    target[i] = typeof item === 'object' ? copyOf(walk, item, { parent: path, key: i }) : item;
  }
}

/** An object's own enumerable fields, each read once; a getter marks the input as not plain. */
function fillObject(walk: Walk, source: object, target: Container, path: Path): void {
  const record = source as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    let field: unknown;
    try {
      if (walk.plain && isAccessor(record, key)) walk.plain = false;
      field = record[key];
    } catch (error) {
      walk.issues.push(thrown(error, { parent: path, key }));
      continue;
    }
    const copy = typeof field === 'object' ? copyOf(walk, field, { parent: path, key }) : field;
    define(target, key, copy);
  }
}

/** Whether a field is a getter or setter, which runs the caller's code on every read. */
function isAccessor(record: object, key: string): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(record, key);
  return descriptor !== undefined && !('value' in descriptor);
}

/** What a value is: a list, a plain object, a kept built-in, or (a message) why it is refused. */
function kindOf(value: object): 'array' | 'object' | 'kept' | string {
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date || value instanceof Map || value instanceof Uint8Array) return 'kept';
  const proto = Object.getPrototypeOf(value) as object | null;
  // A plain object's prototype is Object.prototype (of any realm), whose own prototype is null.
  if (proto === null || Object.getPrototypeOf(proto) === null) return 'object';
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  const what =
    typeof name === 'string' && name !== '' && name !== 'Object'
      ? `an instance of ${name}`
      : 'an object that inherits its fields from a prototype';
  return `must be plain data, a mapping of its own fields, got ${what}`;
}

/** A field defined as own data, so that a key `__proto__` is kept rather than setting the prototype. */
function define(copy: Container, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(copy, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else (copy as Record<string, unknown>)[key] = value;
}

/** An exception from the caller's code (a getter, a Proxy trap) as an issue at `path`. */
function thrown(error: unknown, path: Path): Issue {
  const where = path === null ? 'the model' : 'this field';
  return {
    code: 'invalid_value',
    path: pathText(path),
    message: `reading ${where} threw an error: ${firstLine(reasonOf(error))}`,
  };
}

/** A path as formatPath writes it (`handoffs[3].to`). */
function pathText(path: Path): string {
  const keys: PropertyKey[] = [];
  for (let at = path; at !== null; at = at.parent) keys.push(at.key);
  return formatPath(keys.reverse());
}

/** An error's message, read defensively: the error itself is the caller's object. */
function reasonOf(error: unknown): string {
  try {
    if (error instanceof Error && typeof error.message === 'string') return error.message;
    return typeof error === 'string' ? error : 'an error that is not an Error';
  } catch {
    return 'an error whose message cannot be read';
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}
