/**
 * Shared CLI plumbing: read input files, write output (every file write goes through
 * writeFileSafely), and turn failures into exit codes.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CommanderError } from 'commander';
import { formatIssues, ServiceChainError } from '../model/errors.js';
import type { LoadedModel } from '../model/load.js';
import { loadModelFile } from '../model/load-file.js';
import { readTextFile } from './scenario-io.js';

/** Exit codes: 0 success, 1 the input is wrong (or an unexpected failure), 2 the command line is wrong. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called (bad option value, conflicting options): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file that cannot be written, or must not be (it is an input): exit 1, one line. */
export class FileError extends Error {
  override readonly name = 'FileError';
  /** The system's error code (`EEXIST`, `EACCES`), when the system gave one. */
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

/** The file each failed read was about, so issues about the whole input can name it. */
const failedFiles = new WeakMap<object, string>();

/**
 * The files this run has read, by device and inode (so a symbolic or hard link to an input is the
 * same file), with the name given: an output never replaces one of them by accident.
 */
const inputs = new Map<string, string>();

function fileKey(stats: { dev: number; ino: number }): string {
  return `${stats.dev}:${stats.ino}`;
}

/** What a path that is not a regular file is, in words. */
function kindOf(stats: Awaited<ReturnType<typeof stat>>): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Refuses an input that is not a regular file (a FIFO would block, a device read without end) and
 * remembers the file as an input. A path that cannot be stat'ed is left to the reader to report.
 */
export async function checkInputFile(file: string): Promise<void> {
  let stats: Awaited<ReturnType<typeof stat>>;
  try {
    stats = await stat(file);
  } catch {
    return;
  }
  if (!stats.isFile()) {
    const error = new ServiceChainError([
      {
        code: 'file_unreadable',
        path: '',
        message: `cannot read ${JSON.stringify(file)}: it is ${kindOf(stats)}, not a regular file; give the path of a file`,
      },
    ]);
    throw error;
  }
  inputs.set(fileKey(stats), file);
}

/** Loads and validates a model file; a ServiceChainError from it remembers the file name. */
export async function readModelFile(file: string): Promise<LoadedModel> {
  await checkInputFile(file);
  try {
    return await loadModelFile(file);
  } catch (error) {
    if (typeof error === 'object' && error !== null) failedFiles.set(error, file);
    throw error;
  }
}

/** Reads an input text file (scenario, candidates, responses) after checking it is a regular file. */
export async function readInputFile(file: string): Promise<string> {
  await checkInputFile(file);
  return readTextFile(file);
}

/** How writeFileSafely may treat the file it writes. */
export interface WriteOptions {
  /** The model this command exists to rewrite: it may be replaced under `--in-place`. */
  readonly rewrites?: string;
  /** The user said `--in-place`. */
  readonly inPlace?: boolean;
  /** Fail with code `EEXIST` if the file exists (atomically: no window between check and write). */
  readonly exclusive?: boolean;
}

/** Stops a write onto a file this run has read, unless it is the model rewritten `--in-place`. */
async function refuseInputOverwrite(file: string, options: WriteOptions): Promise<void> {
  const target = await stat(file).catch(() => undefined);
  if (target === undefined) return;
  const input = inputs.get(fileKey(target));
  if (input === undefined) return;
  const model = options.rewrites === undefined ? undefined : await stat(options.rewrites);
  const isModel = model !== undefined && fileKey(model) === fileKey(target);
  if (isModel && options.inPlace === true) return;
  const hint = isModel
    ? 'choose another --out, or say --in-place to rewrite the model'
    : 'choose another --out';
  throw new FileError(
    `refusing to write ${JSON.stringify(file)}: it is the input ${JSON.stringify(input)}; ${hint}`,
  );
}

/**
 * Writes a file whole or not at all: the text goes to a temporary file in the same directory,
 * which then replaces the target (rename, atomic on one file system), so a failed write never
 * leaves half a file. A missing directory is created. Refuses to replace an input of this run.
 */
export async function writeFileSafely(
  file: string,
  text: string,
  options: WriteOptions = {},
): Promise<void> {
  await refuseInputOverwrite(file, options);
  const directory = dirname(resolve(file));
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    // Not the write's own code: EEXIST here means a file stands where a directory must go.
    const code = (error as NodeJS.ErrnoException).code ?? 'failed';
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : code;
    throw new FileError(
      `cannot create the directory ${JSON.stringify(dirname(file))} for ${JSON.stringify(file)} (${reason})`,
    );
  }
  const temporary = join(directory, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let written = false;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    if (options.exclusive === true) await link(temporary, file);
    else {
      const mode = (await stat(file).catch(() => undefined))?.mode;
      if (mode !== undefined) await chmod(temporary, mode & 0o7777);
      await rename(temporary, file);
      written = true;
    }
  } catch (error) {
    throw cannotWrite(file, error);
  } finally {
    if (!written) await rm(temporary, { force: true }).catch(() => undefined);
  }
}

function cannotWrite(file: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException).code;
  return new FileError(`cannot write ${JSON.stringify(file)} (${code ?? 'failed'})`, code);
}

/** Writes text to a file, or to stdout when no file is given; a newline ends the text. */
export async function writeOutput(
  text: string,
  outFile?: string,
  options: WriteOptions = {},
): Promise<void> {
  const ended = text.endsWith('\n') ? text : `${text}\n`;
  if (outFile === undefined) {
    process.stdout.write(ended);
    return;
  }
  await writeFileSafely(outFile, ended, options);
}

/** A warning that does not stop the command: one `warning: ...` line on stderr. */
export function warn(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}

/** What to tell the user about a failure, and the exit code. */
export interface Failure {
  readonly exitCode: number;
  readonly lines: readonly string[];
}

/**
 * How a failure ends the process: every issue of a ServiceChainError as `path: message` (issues
 * about the whole input prefixed with the file name; past the first hundred, a count per code),
 * exit 1 — exit 2 if every issue is an `invalid_option`, which is a usage error; usage errors
 * exit 2; a file that cannot or must not be written exits 1; anything else is unexpected: one
 * line, exit 1. Never a stack trace.
 */
export function describeFailure(error: unknown, file?: string): Failure {
  if (error instanceof ServiceChainError) {
    const usage = error.issues.every((issue) => issue.code === 'invalid_option');
    const lines = formatIssues(error.issues, file);
    return { exitCode: usage ? EXIT.usage : EXIT.invalid, lines };
  }
  if (error instanceof UsageError)
    return { exitCode: EXIT.usage, lines: [`error: ${oneLine(error.message)}`] };
  if (error instanceof FileError)
    return { exitCode: EXIT.invalid, lines: [`error: ${oneLine(error.message)}`] };
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

/**
 * stdout that fails: closed early (`service-chain ... | head`, EPIPE) ends quietly with exit 0;
 * any other failure (`> /dev/full`, ENOSPC) is one line on stderr and exit 1, never a stack.
 */
export function handleStdoutErrors(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`error: cannot write to stdout (${error.code ?? error.message})\n`);
    process.exit(EXIT.invalid);
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
