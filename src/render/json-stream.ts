/**
 * JSON as a stream of chunks: the same bytes as `JSON.stringify(value, null, indent)` (or compact
 * without `indent`), never one giant string. A report of a million actors is about 1.8 GB of
 * JSON, above V8's largest string; written chunk by chunk it needs only a chunk's memory.
 *
 * Handles what reports hold: plain objects, arrays, strings, finite numbers (non-finite ones are
 * `null`, as JSON.stringify writes them), booleans, null, `toJSON` and undefined / function
 * values (left out of objects, `null` in arrays). No cycle check: reports are trees.
 */

/** Options of jsonChunks. */
export interface JsonStreamOptions {
  /** Spaces per level, as JSON.stringify's third argument; absent or 0: compact. */
  readonly indent?: number;
  /** About how many characters a chunk holds before it is yielded (default 64 KiB). */
  readonly chunkSize?: number;
}

/** Default characters per chunk: large enough to keep writes few, small enough to stay cheap. */
export const JSON_CHUNK_SIZE = 65_536;

/** The JSON text of one value that is not an object or array, or undefined if it has none. */
function scalar(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      // As JSON.stringify does: a TypeError, never a silent wrong number.
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      return value === null ? 'null' : undefined;
    default:
      return undefined;
  }
}

/** The value JSON.stringify would write for `value` at `key` (after toJSON). */
function resolved(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && 'toJSON' in value) {
    const toJSON = (value as { toJSON: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

/** An object or array (what `walk` descends into); anything else is a scalar or has no JSON. */
function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** Collects text and hands out full chunks. */
class ChunkBuffer {
  text = '';
  constructor(readonly size: number) {}
  /** Appends; returns a full chunk to yield, or undefined. */
  add(text: string): string | undefined {
    this.text += text;
    if (this.text.length < this.size) return undefined;
    const chunk = this.text;
    this.text = '';
    return chunk;
  }
}

/**
 * The JSON text of `value` in chunks of about `chunkSize` characters; joined, they equal
 * `JSON.stringify(value, null, indent)` (compact without indent). A value with no JSON form
 * (undefined, a function) yields nothing, where JSON.stringify returns undefined.
 */
export function* jsonChunks(value: unknown, options: JsonStreamOptions = {}): Generator<string> {
  const step = ' '.repeat(Math.min(10, Math.max(0, Math.floor(options.indent ?? 0))));
  const buffer = new ChunkBuffer(options.chunkSize ?? JSON_CHUNK_SIZE);
  const top = resolved(value, '');
  if (isContainer(top)) yield* walk(top, buffer, '', step);
  else {
    const text = scalar(top);
    if (text !== undefined) yield text;
  }
  if (buffer.text.length > 0) yield buffer.text;
}

/**
 * From this depth on (0 = the value itself), a container is written by JSON.stringify in one go
 * (re-indented): a report's rows (`actors[i]`, `money.links[i]`) are small, and the native writer
 * is about twice as fast as walking them here. Only the long arrays above them are walked.
 */
const NATIVE_DEPTH = 2;

/** A container's JSON at indentation `inner`: JSON.stringify's, each line shifted right. */
function native(value: object, inner: string, step: string): string {
  const text = JSON.stringify(value, null, step);
  // Strings hold newlines only escaped, so every newline in the text is a line break.
  return step === '' ? text : text.replaceAll('\n', `\n${inner}`);
}

/** Rows per JSON.stringify call when an array's rows are written natively. */
const ROWS_PER_CALL = 512;

/** Whether a value has a toJSON method (JSON.stringify would call it with the row's own index). */
function hasToJSON(value: unknown): boolean {
  return isContainer(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * A non-empty array whose rows are all written natively, ROWS_PER_CALL rows per JSON.stringify
 * call: the rows of a slice, stripped of the slice's brackets and re-indented, are the same text
 * as the rows written one by one (JSON.stringify writes an array's members the same way whatever
 * its length), with a fraction of the calls. Rows with toJSON are not sliced (their key would be
 * the index in the slice).
 */
function* nativeRows(
  rows: readonly unknown[],
  buffer: ChunkBuffer,
  indent: string,
  step: string,
): Generator<string> {
  for (let i = 0; i < rows.length; i += ROWS_PER_CALL) {
    const text = JSON.stringify(rows.slice(i, i + ROWS_PER_CALL), null, step);
    // Compact: `[a,b]`; indented: `[\n<step>a,\n<step>b\n]`, shifted right by `indent`.
    const body =
      step === '' ? text.slice(1, -1) : text.slice(1, -2).replaceAll('\n', `\n${indent}`);
    const full = buffer.add((i === 0 ? '[' : ',') + body);
    if (full !== undefined) yield full;
  }
  const full = buffer.add(step === '' ? ']' : `\n${indent}]`);
  if (full !== undefined) yield full;
}

/**
 * One object or array, depth first: scalars are written in place, containers walked (or, from
 * NATIVE_DEPTH on, written natively), and a chunk is yielded whenever the buffer fills, so
 * memory stays near one chunk however long the value's arrays.
 */
function* walk(
  value: object,
  buffer: ChunkBuffer,
  indent: string,
  step: string,
  depth = 0,
): Generator<string> {
  const array = Array.isArray(value);
  if (array && depth + 1 >= NATIVE_DEPTH && value.length > 0 && !value.some(hasToJSON)) {
    yield* nativeRows(value, buffer, indent, step);
    return;
  }
  const inner = indent + step;
  const open = step === '' ? '' : `\n${inner}`;
  const keys = array ? null : Object.keys(value);
  const count = array ? value.length : keys!.length;
  const colon = step === '' ? ':' : ': ';
  let written = 0;
  for (let i = 0; i < count; i++) {
    const key = keys === null ? String(i) : keys[i]!;
    const raw = (value as Record<string, unknown>)[key];
    const member = resolved(raw, key);
    // A member whose toJSON gave another object is walked: JSON.stringify would call toJSON again.
    const inline = isContainer(member) && depth + 1 >= NATIVE_DEPTH && raw === member;
    const text = inline
      ? native(member, inner, step)
      : isContainer(member)
        ? undefined
        : scalar(member);
    // No JSON form: an object leaves the key out, an array writes null (as JSON.stringify).
    if (!isContainer(member) && text === undefined && keys !== null) continue;
    const lead = written === 0 ? (array ? '[' : '{') : ',';
    const name = keys === null ? '' : `${JSON.stringify(key)}${colon}`;
    written++;
    const walked = isContainer(member) && !inline;
    const full = buffer.add(lead + open + name + (walked ? '' : (text ?? 'null')));
    if (full !== undefined) yield full;
    if (walked) yield* walk(member, buffer, inner, step, depth + 1);
  }
  const close = array ? ']' : '}';
  const end = written === 0 ? (array ? '[]' : '{}') : step === '' ? close : `\n${indent}${close}`;
  const full = buffer.add(end);
  if (full !== undefined) yield full;
}
