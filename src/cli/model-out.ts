/**
 * Writing a changed model back (`survey --out`, `calibrate --out`, `--in-place`): into the format
 * of the model file by editing that file's text, so comments, key order and styles survive and
 * only the changed values differ; into another format written afresh.
 */
import { formatOf } from '../model/load.js';
import { editModelText, stringifyModel } from '../model/save.js';
import type { Model } from '../model/schema.js';
import { readInputFile, writeFileSafely } from './io.js';

/** Writes `after` (the model of `file`, `before`, changed) to `out`; over `file` only `inPlace`. */
export async function writeUpdatedModel(
  file: string,
  out: string,
  before: Model,
  after: Model,
  inPlace: boolean,
): Promise<void> {
  const original = await readInputFile(file);
  const inputFormat = formatOf(file) ?? (original.trimStart().startsWith('{') ? 'json' : 'yaml');
  const outputFormat = formatOf(out) ?? 'yaml';
  const text =
    inputFormat === outputFormat
      ? editModelText(original, outputFormat, before, after)
      : stringifyModel(after, outputFormat);
  await writeFileSafely(out, text, { rewrites: file, inPlace });
}
