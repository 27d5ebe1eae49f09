/** Model text to a raw value: YAML or JSON, with syntax errors located by line and column. */
import { type Issue, ServiceChainError } from './errors.js';
import { NESTING_LIMIT, scanJson } from './json-scan.js';
import {
  lineColumnOf,
  offsetOf,
  type Position,
  type Positions,
  withAncestors,
  yamlPositions,
} from './locate.js';
import { parseYamlDocument } from './parse-yaml.js';

/** The two model file formats. */
export type ModelFormat = 'yaml' | 'json';

const EMPTY: Issue = {
  code: 'empty_input',
  path: '',
  message: 'the model is empty: a model needs at least `version: 1`',
};

/** A parsed source: its raw value, and a way to say where an issue's path is in the text. */
export interface ParsedSource {
  readonly value: unknown;
  /** The issues (errors or warnings) with `line` and `column` added where their path is in the text. */
  readonly locate: <Code extends string>(issues: readonly Issue<Code>[]) => Issue<Code>[];
}

/**
 * Parses model text into a raw value. Without a format: JSON if the text parses as JSON, else
 * YAML; text that starts with `{` but is neither is reported as broken JSON, since that is what
 * it looks like. A leading byte-order mark is dropped. Throws ServiceChainError (`syntax`,
 * `empty_input`).
 */
export function parseText(text: string, format?: ModelFormat): unknown {
  return parseSource(text, format).value;
}

/** parseText, keeping what is needed to place issues in the text. */
export function parseSource(source: string, format?: ModelFormat): ParsedSource {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (format === 'json') return parseJson(text);
  if (format === 'yaml') return parseYaml(text);
  const json = tryJson(text);
  if (json.ok) return parseJson(text, json.value);
  if (!text.trimStart().startsWith('{')) return parseYaml(text);
  try {
    return parseYaml(text);
  } catch {
    return parseJson(text);
  }
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Adds line and column to each issue found at an offset. */
function located(
  text: string,
  positionsOf: (wanted: ReadonlySet<string>) => Positions,
): ParsedSource['locate'] {
  return (issues) => {
    if (issues.length === 0) return [];
    const positions = positionsOf(withAncestors(issues.map((issue) => issue.path)));
    const at = lineColumnOf(text);
    return issues.map((issue) => {
      if (issue.line !== undefined || issue.path === '') return issue;
      const offset = offsetOf(positions, issue.path, issue.code);
      return offset === undefined ? issue : { ...issue, ...at(offset) };
    });
  };
}

/**
 * JSON text; an empty text or a bare `null` is `empty_input`. A key given twice in one object is
 * refused (JSON.parse would keep the last silently; YAML refuses it too), and so is nesting deeper
 * than NESTING_LIMIT.
 */
function parseJson(text: string, parsed?: unknown): ParsedSource {
  if (text.trim() === '') throw new ServiceChainError([EMPTY]);
  const scan = scanJson(text);
  if (scan.tooDeepAt !== undefined) {
    const where = lineColumnOf(text)(scan.tooDeepAt);
    throw new ServiceChainError([
      {
        code: 'syntax',
        path: '',
        message: `JSON at line ${where.line}, column ${where.column}: the document is nested too deeply (limit ${NESTING_LIMIT} levels)`,
        ...where,
      },
    ]);
  }
  let value: unknown = parsed;
  if (parsed === undefined) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ServiceChainError([jsonSyntax(text, error)]);
    }
  }
  if (scan.duplicates.length > 0) {
    const at = lineColumnOf(text);
    throw new ServiceChainError(scan.duplicates.map((duplicate) => duplicateKey(duplicate, at)));
  }
  if (value === null) throw new ServiceChainError([EMPTY]);
  return { value, locate: located(text, (wanted) => scanJson(text, wanted).positions) };
}

function duplicateKey(
  duplicate: { path: string; offset: number },
  at: (offset: number) => Position,
): Issue {
  const where = at(duplicate.offset);
  return {
    code: 'syntax',
    path: '',
    message: `JSON syntax error at line ${where.line}, column ${where.column}: ${duplicate.path} is given twice; a key may appear once in an object`,
    ...where,
  };
}

/** A JSON syntax error with the line and column of the offending character. */
function jsonSyntax(text: string, error: unknown): Issue {
  const message = error instanceof Error ? error.message : String(error);
  const offset = jsonErrorOffset(text, message);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const reason = jsonReason(message);
  return {
    code: 'syntax',
    path: '',
    message: `JSON syntax error at line ${line}, column ${column}: ${firstLine(reason)}`,
    line,
    column,
  };
}

/** The reason without V8's position and source snippet (we give line and column instead). */
function jsonReason(message: string): string {
  const token = /^Unexpected token '([\s\S])', /.exec(message);
  if (token !== null) return `unexpected character ${JSON.stringify(token[1])}`;
  return message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
}

/**
 * Where JSON.parse failed. Node 20 gives `at position N` for some errors only; for
 * `Unexpected token` it does not, so find the shortest prefix that fails for a reason other
 * than ending early (binary search: prefixes of text that is fine so far only ever end early).
 */
function jsonErrorOffset(text: string, message: string): number {
  const position = positionIn(message);
  if (position !== undefined) return position;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsInside(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

function positionIn(message: string): number | undefined {
  const match = /at position (\d+)/.exec(message);
  return match === null ? undefined : Number(match[1]);
}

/** Whether a prefix fails before its end (not just because it stops early). */
function failsInside(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of JSON input|Unterminated/.test(message)) return false;
    const position = positionIn(message);
    return position === undefined || position < prefix.length;
  }
}

/** YAML text (see parse-yaml.ts for what is refused). */
function parseYaml(text: string): ParsedSource {
  const { document, value } = parseYamlDocument(text, EMPTY);
  return { value, locate: located(text, (wanted) => yamlPositions(document.contents, wanted)) };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}
