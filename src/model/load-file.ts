/**
 * Loading a model file: Node's file system at the edge, so the main entry stays free of Node
 * built-ins. Exported from `service-chain/node`.
 */
import { readFile } from 'node:fs/promises';
import { decodeText } from './decode-text.js';
import { ServiceChainError } from './errors.js';
import { formatOf, type LoadedModel, parseModel } from './load.js';

/** Reads, parses and validates a model file; `.json` is JSON, `.yaml`/`.yml` YAML, else guessed. */
export async function loadModelFile(path: string): Promise<LoadedModel> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ServiceChainError([
      { code: 'file_unreadable', path: '', message: `cannot read the file: ${readFailure(error)}` },
    ]);
  }
  const format = formatOf(path);
  return parseModel(decodeText(bytes), format === undefined ? {} : { format });
}

/** Why a file could not be read, in words, with the system's code. */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
  };
  if (code === undefined) return 'read failed';
  return Object.hasOwn(words, code) ? `${words[code]} (${code})` : code;
}
