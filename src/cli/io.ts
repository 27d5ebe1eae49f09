/** Shared CLI plumbing: read a model file, write output, and turn failures into exit codes. */
import { writeFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import { formatIssue, ServiceChainError } from '../model/errors.js';
import type { LoadedModel } from '../model/load.js';
import { loadModelFile } from '../model/load-file.js';

/** Exit codes: 0 success, 1 the input is wrong (or an unexpected failure), 2 the command line is wrong. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called (bad option value, conflicting options): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The file each failed read was about, so issues about the whole input can name it. */
const failedFiles = new WeakMap<object, string>();

/** Loads and validates a model file; a ServiceChainError from it remembers the file name. */
export async function readModelFile(file: string): Promise<LoadedModel> {
  try {
    return await loadModelFile(file);
  } catch (error) {
    if (typeof error === 'object' && error !== null) failedFiles.set(error, file);
    throw error;
  }
}

/** Writes text to a file, or to stdout when no file is given; a newline ends the text. */
export async function writeOutput(text: string, outFile?: string): Promise<void> {
  const ended = text.endsWith('\n') ? text : `${text}\n`;
  if (outFile === undefined) {
    process.stdout.write(ended);
    return;
  }
  try {
    await writeFile(outFile, ended, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'failed';
    throw new UsageError(`cannot write ${JSON.stringify(outFile)} (${reason})`);
  }
}

/** What to tell the user about a failure, and the exit code. */
export interface Failure {
  readonly exitCode: number;
  readonly lines: readonly string[];
}

/**
 * How a failure ends the process: every issue of a ServiceChainError as `path: message` (issues
 * about the whole input prefixed with the file name), exit 1 — exit 2 if every issue is an
 * `invalid_option`, which is a usage error; usage errors exit 2; anything else is unexpected:
 * one line, exit 1. Never a stack trace.
 */
export function describeFailure(error: unknown, file?: string): Failure {
  if (error instanceof ServiceChainError) {
    const usage = error.issues.every((issue) => issue.code === 'invalid_option');
    const lines = error.issues.map((issue) =>
      issue.path === '' && file !== undefined ? `${file}: ${issue.message}` : formatIssue(issue),
    );
    return { exitCode: usage ? EXIT.usage : EXIT.invalid, lines };
  }
  if (error instanceof UsageError)
    return { exitCode: EXIT.usage, lines: [`error: ${oneLine(error.message)}`] };
  if (error instanceof CommanderError) return commanderFailure(error);
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.invalid, lines: [`internal error: ${oneLine(message)}`] };
}

/** Commander has already printed its message; `--help` and `--version` exit 0, the rest is usage. */
function commanderFailure(error: CommanderError): Failure {
  return { exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.usage, lines: [] };
}

function oneLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/** Reports a failure on stderr and sets the exit code (the process then ends on its own). */
export function reportFailure(error: unknown): void {
  const file = typeof error === 'object' && error !== null ? failedFiles.get(error) : undefined;
  const failure = describeFailure(error, file);
  for (const line of failure.lines) process.stderr.write(`${line}\n`);
  process.exitCode = failure.exitCode;
}

/** `service-chain ... | head` closes stdout early: end quietly instead of with an EPIPE stack. */
export function exitQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.ok);
  });
}

/** Wraps a command action so that any failure becomes stderr lines and an exit code. */
export function runCommand<Args extends unknown[]>(
  action: (...args: Args) => Promise<void> | void,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      reportFailure(error);
    }
  };
}
