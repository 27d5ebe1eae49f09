/**
 * One linear, non-recursive scan of JSON text that JSON.parse has accepted or will be asked to:
 * what JSON.parse does not say (a key given twice, nesting too deep to handle) and, when asked,
 * where given paths are. Strings are skipped by their escapes; nothing is built but the answers.
 */
import { childPath, type Positions } from './locate.js';

/** Deeper than this, a document is refused: no model needs it, and parsers would run out of stack. */
export const NESTING_LIMIT = 1000;

interface Frame {
  readonly array: boolean;
  readonly path: string;
  index: number;
  key: string | undefined;
  readonly keys: Set<string> | undefined;
}

/** What one scan found. */
export interface JsonScan {
  readonly positions: Positions;
  readonly duplicates: Array<{ path: string; offset: number }>;
  readonly tooDeepAt: number | undefined;
}

/** Scans JSON text; `wanted` (paths with their ancestors) asks for positions. */
export function scanJson(text: string, wanted?: ReadonlySet<string>): JsonScan {
  const positions: Positions = new Map();
  const duplicates: JsonScan['duplicates'] = [];
  const stack: Frame[] = [];
  let pendingKey: { name: string; offset: number } | undefined;
  const valueStarts = (offset: number): string | undefined => {
    const top = stack[stack.length - 1];
    const path =
      top === undefined
        ? ''
        : top.array
          ? childPath(top.path, top.index)
          : childPath(top.path, top.key ?? '');
    if (wanted?.has(path)) {
      const key = top !== undefined && !top.array ? pendingKey?.offset : undefined;
      positions.set(path, { ...(key !== undefined && { key }), value: offset });
    }
    return path;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top !== undefined && !top.array && top.key === undefined) {
        const raw = text.slice(i, end + 1);
        const name = raw.includes('\\') ? safeString(raw) : raw.slice(1, -1);
        if (top.keys?.has(name)) duplicates.push({ path: childPath(top.path, name), offset: i });
        top.keys?.add(name);
        top.key = name;
        pendingKey = { name, offset: i };
      } else valueStarts(i);
      i = end;
    } else if (char === '{' || char === '[') {
      const path = valueStarts(i);
      if (stack.length >= NESTING_LIMIT) return { positions, duplicates, tooDeepAt: i };
      stack.push({
        array: char === '[',
        path: path ?? '',
        index: 0,
        key: undefined,
        keys: char === '{' ? new Set() : undefined,
      });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      else if (top !== undefined) top.key = undefined;
    } else if (
      char === '-' ||
      (char >= '0' && char <= '9') ||
      char === 't' ||
      char === 'f' ||
      char === 'n'
    ) {
      valueStarts(i);
      while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
    }
  }
  return { positions, duplicates, tooDeepAt: undefined };
}

/** The index of the quote that closes the string opening at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === '"') return i;
    else i++;
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
