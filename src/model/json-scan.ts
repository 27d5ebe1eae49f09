/**
 * One linear, non-recursive scan of JSON text that JSON.parse has accepted or will be asked to:
 * what JSON.parse does not say (a key given twice, nesting too deep to handle) and, when asked,
 * where given paths are. Strings are skipped by their escapes; nothing is built but the answers
 * (a path string only where one is wanted or a key is given twice: this runs over model files of
 * hundreds of megabytes).
 */
import { childPath, type Positions } from './locate.js';

/** Deeper than this, a document is refused: no model needs it, and parsers would run out of stack. */
export const NESTING_LIMIT = 1000;

/** Up to this many keys, an object's keys are checked for repeats by a plain list, then a set. */
const SMALL_OBJECT = 16;

interface Frame {
  array: boolean;
  parent: Frame | undefined;
  /** The key or index of this container in its parent (unused at the top). */
  at: string | number;
  /** This container's path, made when first needed. */
  path: string | undefined;
  index: number;
  key: string | undefined;
  keys: string[] | Set<string> | undefined;
}

/** What one scan found. */
export interface JsonScan {
  readonly positions: Positions;
  readonly duplicates: Array<{ path: string; offset: number }>;
  readonly tooDeepAt: number | undefined;
}

function newFrame(): Frame {
  return {
    array: false,
    parent: undefined,
    at: '',
    path: undefined,
    index: 0,
    key: undefined,
    keys: undefined,
  };
}

const QUOTE = 34;
const BACKSLASH = 92;

function pathOf(frame: Frame): string {
  if (frame.path === undefined) {
    frame.path = frame.parent === undefined ? '' : childPath(pathOf(frame.parent), frame.at);
  }
  return frame.path;
}

/** Where the next value of `top` sits in it: its index or key. */
function slotOf(top: Frame): string | number {
  return top.array ? top.index : (top.key ?? '');
}

/** Records a key of an object; true when the object already had it. */
function seen(top: Frame, name: string): boolean {
  if (top.keys === undefined) {
    top.keys = [name];
    return false;
  }
  if (Array.isArray(top.keys)) {
    if (top.keys.includes(name)) return true;
    top.keys.push(name);
    if (top.keys.length > SMALL_OBJECT) top.keys = new Set(top.keys);
    return false;
  }
  if (top.keys.has(name)) return true;
  top.keys.add(name);
  return false;
}

/** Whether a character ends a number or literal (`true`, `null`, ...). */
function endsToken(code: number): boolean {
  // whitespace, ',', ']' and '}' (as the regular expression [\s,\]}] for what JSON allows)
  return (
    code === 44 ||
    code === 93 ||
    code === 125 ||
    code === 32 ||
    code === 10 ||
    code === 13 ||
    code === 9 ||
    (code >= 11 && code <= 12) ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** A frame reset for a new container: frames are reused by depth, so a scan makes only a few. */
function enter(frame: Frame, array: boolean, parent: Frame | undefined, at: string | number): void {
  frame.array = array;
  frame.parent = parent;
  frame.at = at;
  frame.path = parent === undefined ? '' : undefined;
  frame.index = 0;
  frame.key = undefined;
  if (Array.isArray(frame.keys)) frame.keys.length = 0;
  else frame.keys = undefined;
}

/** Scans JSON text; `wanted` (paths with their ancestors) asks for positions. */
export function scanJson(text: string, wanted?: ReadonlySet<string>): JsonScan {
  const positions: Positions = new Map();
  const duplicates: JsonScan['duplicates'] = [];
  // stack[0 .. depth - 1] are the open containers; frames above depth wait to be reused.
  const stack: Frame[] = [];
  let depth = 0;
  // The next backslash at or after a position (-1: none): most model files have none at all, so
  // a key is one slice of the text, unescaped only when a backslash falls inside it.
  let backslash = -2;
  let pendingKey: { name: string; offset: number } | undefined;
  const valueStarts = (offset: number): void => {
    if (wanted === undefined) return;
    const top = depth === 0 ? undefined : stack[depth - 1];
    const path = top === undefined ? '' : childPath(pathOf(top), slotOf(top));
    if (wanted.has(path)) {
      const key = top !== undefined && !top.array ? pendingKey?.offset : undefined;
      positions.set(path, { ...(key !== undefined && { key }), value: offset });
    }
  };
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      const top = depth === 0 ? undefined : stack[depth - 1];
      if (top !== undefined && !top.array && top.key === undefined) {
        if (backslash !== -1 && backslash < i) backslash = text.indexOf('\\', i);
        const escaped = backslash !== -1 && backslash < end;
        const name = escaped ? safeString(text.slice(i, end + 1)) : text.slice(i + 1, end);
        if (seen(top, name)) duplicates.push({ path: childPath(pathOf(top), name), offset: i });
        top.key = name;
        pendingKey = { name, offset: i };
      } else valueStarts(i);
      i = end;
    } else if (code === 123 || code === 91) {
      // '{' or '['
      valueStarts(i);
      if (depth >= NESTING_LIMIT) return { positions, duplicates, tooDeepAt: i };
      const top = depth === 0 ? undefined : stack[depth - 1];
      const at = top === undefined ? '' : slotOf(top);
      if (depth === stack.length) stack.push(newFrame());
      enter(stack[depth]!, code === 91, top, at);
      depth++;
    } else if (code === 125 || code === 93) {
      if (depth > 0) depth--;
    } else if (code === 44) {
      const top = depth === 0 ? undefined : stack[depth - 1];
      if (top?.array) top.index++;
      else if (top !== undefined) top.key = undefined;
    } else if (
      code === 45 ||
      (code >= 48 && code <= 57) ||
      code === 116 ||
      code === 102 ||
      code === 110
    ) {
      // '-', a digit, 't', 'f', 'n': a number or literal
      valueStarts(i);
      while (i + 1 < length && !endsToken(text.charCodeAt(i + 1))) i++;
    }
  }
  return { positions, duplicates, tooDeepAt: undefined };
}

/** The index of the quote that closes the string opening at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    // Escaped when an odd number of backslashes stands right before it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length - 1;
}

function safeString(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
