/** Model text to a raw value: YAML or JSON, with syntax errors located by line and column. */
import { parseDocument } from 'yaml';
import { type Issue, ServiceChainError } from './errors.js';

/** The two model file formats. */
export type ModelFormat = 'yaml' | 'json';

const EMPTY: Issue = {
  code: 'empty_input',
  path: '',
  message: 'the model is empty: a model needs at least `version: 1`',
};

/**
 * Parses model text into a raw value. Without a format: JSON if the text parses as JSON, else
 * YAML; text that starts with `{` but is neither is reported as broken JSON, since that is what
 * it looks like. Throws ServiceChainError (`syntax`, `empty_input`).
 */
export function parseText(text: string, format?: ModelFormat): unknown {
  if (format === 'json') return parseJson(text);
  if (format === 'yaml') return parseYaml(text);
  const json = tryJson(text);
  if (json.ok) return json.value;
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

/** JSON text; an empty text or a bare `null` is `empty_input`. */
function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ServiceChainError([EMPTY]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ServiceChainError([jsonSyntax(text, error)]);
  }
  if (value === null) throw new ServiceChainError([EMPTY]);
  return value;
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

/**
 * YAML text (1.2 core schema: `.inf` and `.nan` become numbers and are caught later as
 * not_finite). Duplicate keys are syntax errors; aliases are capped against alias bombs.
 */
function parseYaml(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ServiceChainError(document.errors.map(yamlSyntax));
  }
  if (document.contents === null) throw new ServiceChainError([EMPTY]);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ServiceChainError([
      { code: 'syntax', path: '', message: `YAML: ${errorText(error)}` },
    ]);
  }
  if (value === null || value === undefined) throw new ServiceChainError([EMPTY]);
  return value;
}

interface YamlErrorLike {
  readonly message: string;
  readonly linePos?: readonly [{ line: number; col: number }, ...unknown[]] | undefined;
}

function yamlSyntax(error: YamlErrorLike): Issue {
  const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
  const position = error.linePos?.[0];
  const where = position === undefined ? '' : ` at line ${position.line}, column ${position.col}`;
  return { code: 'syntax', path: '', message: `YAML syntax error${where}: ${reason}` };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}

function errorText(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}
