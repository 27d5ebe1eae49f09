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
/** What `guarded` returns when the caller's code threw (an issue has been recorded). */
const FAILED: unique symbol = Symbol('failed');
type Container = Record<string, unknown> | unknown[];
/** A source object still to copy into its (already created) copy. */
type Pending = [source: object, copy: Container, path: Path];

/**
 * Copies `input` once, in one pass over its objects (no recursion, so depth costs no stack).
 * Shared objects (YAML aliases) stay shared in the copy, which also ends cycles. Dates, maps and
 * binary data are kept as they are: the shape check names them ("got a date").
 */
export function snapshot(input: unknown): Snapshot {
  const issues: Issue[] = [];
  const copies = new Map<object, unknown>();
  const pending: Pending[] = [];
  let plain = true;
  const copyOf = (value: unknown, path: Path): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const known = copies.get(value);
    if (known !== undefined || copies.has(value)) return known;
    const kind = guarded(() => kindOf(value), path, issues);
    if (kind === FAILED || kind === 'kept') {
      const kept = kind === FAILED ? undefined : value;
      copies.set(value, kept);
      return kept;
    }
    if (kind !== 'array' && kind !== 'object') {
      issues.push({ code: 'invalid_type', path: pathText(path), message: kind });
      copies.set(value, undefined);
      return undefined;
    }
    const copy: Container = kind === 'array' ? [] : {};
    copies.set(value, copy);
    pending.push([value, copy, path]);
    return copy;
  };
  const value = copyOf(input, null);
  while (pending.length > 0) {
    const [source, copy, path] = pending.pop()!;
    const fields = guarded(() => ownFields(source), path, issues);
    if (fields === FAILED) continue;
    if (fields.accessors) plain = false;
    // A list keeps its length, so an empty slot stays one (the shape check names it).
    if (Array.isArray(copy)) copy.length = fields.length ?? 0;
    for (const [key, read] of fields.entries) {
      const at = { parent: path, key: Array.isArray(copy) ? Number(key) : key };
      const field = guarded(read, at, issues);
      if (field !== FAILED) define(copy, key, copyOf(field, at));
    }
  }
  return { value, plain: plain && issues.length === 0, issues };
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

/** The own enumerable string-keyed fields of an object, each read once when its reader runs. */
function ownFields(source: object): {
  entries: Array<[string, () => unknown]>;
  accessors: boolean;
  length?: number;
} {
  const array = Array.isArray(source);
  const length = array ? (source as unknown[]).length : undefined;
  const entries: Array<[string, () => unknown]> = [];
  let accessors = false;
  for (const key of Object.keys(source)) {
    // A list's data is its items; other keys on it (`list.note = ...`) are not part of a model.
    if (array && !(/^\d+$/.test(key) && Number(key) < length!)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(source, key);
    if (descriptor === undefined) continue; // removed while we looked: not there
    if (descriptor.get !== undefined || descriptor.set !== undefined) accessors = true;
    const data = descriptor.value as unknown;
    entries.push([key, 'value' in descriptor ? () => data : () => Reflect.get(source, key)]);
  }
  return { entries, accessors, ...(length !== undefined && { length }) };
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

/** Runs `read`; an exception from the caller's code becomes an issue at `path`. */
function guarded<T>(read: () => T, path: Path, issues: Issue[]): T | typeof FAILED {
  try {
    return read();
  } catch (error) {
    const reason = reasonOf(error);
    const where = path === null ? 'the model' : 'this field';
    issues.push({
      code: 'invalid_value',
      path: pathText(path),
      message: `reading ${where} threw an error: ${firstLine(reason)}`,
    });
    return FAILED;
  }
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
