/** CLI plumbing shared by what-if, plan, survey and export: text files, formats, numbers. */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { ServiceChainError } from '../model/errors.js';

/** The report formats of what-if and plan. */
export const RESULT_FORMATS = ['text', 'markdown', 'json', 'csv', 'html'] as const;

/** One report format of what-if and plan. */
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** The formats of the survey summary. */
export const SURVEY_FORMATS = ['text', 'markdown', 'json', 'csv'] as const;

/** One format of the survey summary. */
export type SurveyFormat = (typeof SURVEY_FORMATS)[number];

/** A rejected option value: exit code 2, like an unknown option. */
export function usageError(message: string): InvalidArgumentError {
  const error = new InvalidArgumentError(message);
  error.exitCode = 2;
  return error;
}

/** A `--format` parser accepting one of `formats`. */
export function formatParser<Format extends string>(
  formats: readonly Format[],
): (value: string) => Format {
  return (value) => {
    const format = formats.find((name) => name === value);
    if (format === undefined) throw usageError(`expected one of ${formats.join(', ')}.`);
    return format;
  };
}

/** Parses `--format` of what-if and plan: one of RESULT_FORMATS. */
export const parseResultFormat: (value: string) => ResultFormat = formatParser(RESULT_FORMATS);

/** Parses a finite number >= 0 (`--budget`). */
export function parseAmount(value: string): number {
  const amount = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(amount) || amount < 0) throw usageError('expected a number >= 0.');
  return amount;
}

/** Parses a share in [0, 1] (`--spof-threshold`, `backups --quality`). */
export function parseShare(value: string): number {
  const share = value.trim() === '' ? Number.NaN : Number(value);
  if (!(share >= 0 && share <= 1)) throw usageError('expected a number from 0 to 1.');
  return share;
}

/** Parses a positive integer written as digits (`--min-respondents`). */
export function parseCount(value: string): number {
  const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 1) throw usageError('expected a positive integer.');
  return count;
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

/** Reads a text file; a missing or unreadable file is a `file_unreadable` issue naming it. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ServiceChainError([
      {
        code: 'file_unreadable',
        path: '',
        message: `cannot read ${JSON.stringify(path)} (${reason})`,
      },
    ]);
  }
}

/** JSON output: two-space indent, a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
