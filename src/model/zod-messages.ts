/**
 * The wording of shape errors, one rule everywhere: `must be a number, got "high"`,
 * `must be at most 1, got 2`, a missing field is `required`. Values are quoted as the user wrote
 * them, read from the raw input; a hint follows when the mistake is a common one.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { ErrorCode } from './errors.js';

type Path = readonly PropertyKey[];
/** A code and a message: the translator adds the path. */
export type Finding = [ErrorCode, string];
/** A raw value at a path, and whether every step of the path exists. */
export interface Found {
  readonly found: boolean;
  readonly value: unknown;
  /** The path ends at an empty slot of a list (a sparse array, which only the API can pass). */
  readonly hole?: boolean;
}

/** The value at a path of the raw input (own properties only). */
export function valueAt(input: unknown, path: Path): Found {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      const hole = Array.isArray(value) && typeof key === 'number' && key < value.length;
      return { found: false, value: undefined, ...(hole && { hole }) };
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

/** A raw value as a message quotes it: strings in quotes (cut to one line), numbers as written. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Map) return 'a mapping with non-text keys';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = [...value].length > 40 ? `${[...value].slice(0, 40).join('')}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping',
  record: 'a mapping',
  map: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  function: 'a function',
};

/** zod's name of a type in words (`number` -> `a number`). */
export function typeWords(expected: string): string {
  return Object.hasOwn(TYPE_WORDS, expected) ? TYPE_WORDS[expected]! : expected;
}

/** A value of the wrong type, or a missing one (`required`). */
export function typeIssue(expected: string, got: Found): Finding {
  const { found, value } = got;
  if (got.hole === true) {
    return ['missing_field', 'an empty slot in the list (a sparse array): give every item'];
  }
  if (!found || value === undefined) return ['missing_field', 'required'];
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return ['not_finite', `must be a finite number, got ${value}`];
  }
  const hint = expected === 'number' || expected === 'int' ? numberHint(value) : '';
  return ['invalid_type', `must be ${typeWords(expected)}, got ${describeValue(value)}${hint}`];
}

/** A hint for a number written as text: quoted, or with a currency sign. */
export function numberHint(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return '';
  if (Number.isFinite(Number(value))) return ' (write it without quotes)';
  const bare = value.replace(/^\s*[£$€¥]\s*|\s*[£$€¥]\s*$/gu, '');
  if (bare !== value && Number.isFinite(Number(bare))) {
    return ` (write the amount without the currency sign: ${bare})`;
  }
  return '';
}

type SizeIssue = Extract<z.core.$ZodIssue, { code: 'too_small' | 'too_big' }>;

/** A value out of its range, an empty string, or an empty list. */
export function sizeIssue(issue: SizeIssue, value: unknown): Finding {
  if (issue.origin === 'string') return ['invalid_value', 'must not be empty'];
  if (issue.origin === 'array') return ['invalid_value', 'must list at least one item'];
  const small = issue.code === 'too_small';
  const bound = small ? issue.minimum : issue.maximum;
  const inclusive = issue.inclusive ?? true;
  const relation = small
    ? inclusive
      ? 'at least'
      : 'greater than'
    : inclusive
      ? 'at most'
      : 'less than';
  return [
    'out_of_range',
    `must be ${relation} ${boundWords(Number(bound))}, got ${describeValue(value)}${percentHint(issue, value)}`,
  ];
}

/**
 * A schema's own check (a refine): its message as `invalid_value`, or, when it names
 * `params.code: 'out_of_range'` (a bound), as `out_of_range` with the value as written.
 */
export function customIssue(issue: z.core.$ZodIssueCustom, value: unknown): Finding {
  if (issue.params?.code !== 'out_of_range') return ['invalid_value', issue.message];
  return ['out_of_range', `${issue.message}, got ${describeValue(value)}`];
}

/** A bound as people write it: `1e12` and `1e-9` rather than 13 digits or `1e+12`. */
function boundWords(bound: number): string {
  const size = Math.abs(bound);
  if (size >= 1e6 || (size > 0 && size < 1e-3)) return bound.toExponential().replace('e+', 'e');
  return String(bound);
}

/** `quality: 90` for 0.9: a share written as a percentage (from 10 up, to stay a likely reading). */
function percentHint(issue: SizeIssue, value: unknown): string {
  if (issue.code !== 'too_big' || Number(issue.maximum) !== 1 || typeof value !== 'number') {
    return '';
  }
  return value >= 10 && value <= 100 ? ` (did you mean ${value / 100}?)` : '';
}

/** A value that is not one of those allowed (an enum or a literal such as `version: 1`). */
export function valueIssue(values: readonly unknown[], got: Found, at: string): Finding {
  if (!got.found || got.value === undefined) return typeIssue('value', got);
  const unquoted = typeof got.value === 'string' && values.some((v) => String(v) === got.value);
  const quotes = unquoted && typeof values[0] === 'number' ? ': write it without quotes' : '';
  if (at === 'version') {
    const reason = quotes === '' ? `: this tool reads version ${String(values[0])}` : quotes;
    return ['unsupported_version', `unsupported version ${describeValue(got.value)}${reason}`];
  }
  const allowed = values.map((v) => JSON.stringify(v)).join(', ');
  const wanted = values.length === 1 ? allowed : `one of ${allowed}`;
  const hint =
    quotes !== ''
      ? ` (${quotes.slice(2)})`
      : typeof got.value === 'string'
        ? didYouMean(got.value, values.map(String))
        : '';
  return ['invalid_value', `must be ${wanted}, got ${describeValue(got.value)}${hint}`];
}

/**
 * An unknown key, with the nearest known one; a key of digits after a whole number is what a
 * decimal comma in flow YAML leaves (`quality: 0,9` reads as `quality: 0` and a key `9`).
 */
export function unknownKeyMessage(
  key: string,
  known: readonly string[],
  parent: unknown,
  noun: string,
): string {
  const head = `unknown ${noun} ${JSON.stringify(key)}`;
  const split = decimalCommaSplit(key, parent);
  if (split !== undefined) {
    const of = split.field === '' ? 'a value' : `the value of "${split.field}"`;
    return `${head}: a decimal comma split ${of}; write ${split.meant} with a point`;
  }
  return `${head}${didYouMean(key, known)}`;
}

/**
 * A JS object lists index-like keys first, so the field the comma split is found by its value: the
 * one field holding a whole number (several: the message names none).
 */
function decimalCommaSplit(
  key: string,
  parent: unknown,
): { field: string; meant: string } | undefined {
  if (!/^\d+$/.test(key) || typeof parent !== 'object' || parent === null) return undefined;
  const record = parent as Record<string, unknown>;
  if (record[key] !== null) return undefined;
  const wholes = Object.keys(record).filter(
    (field) => !/^\d+$/.test(field) && Number.isInteger(record[field]),
  );
  if (wholes.length !== 1) return { field: '', meant: `0.${key}` };
  return { field: wholes[0]!, meant: `${String(record[wholes[0]!])}.${key}` };
}
