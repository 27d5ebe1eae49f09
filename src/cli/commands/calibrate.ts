/**
 * `service-chain calibrate <model> [--free LINK]... [--out model.yaml | --in-place]`: fits the free
 * values to the model's observations (docs/uncertainty.md, "Calibration") and prints what the
 * evidence says; with `--out`, writes the calibrated model by editing the model file's text.
 */
import { type Command, Option } from 'commander';
import { calibrate } from '../../analysis/calibrate.js';
import type { CalibrateOptions } from '../../analysis/calibrate-options.js';
import { renderCalibration } from '../../render/calibrate-document.js';
import { readModelFile, runCommand, writeOutput } from '../io.js';
import { writeUpdatedModel } from '../model-out.js';
import { collect, formatParser, parseAmount, parseCount, toJson } from '../scenario-io.js';
import { parseTop, topOf } from './analyze.js';

/** Formats of the calibration summary. */
const CALIBRATE_FORMATS = ['text', 'markdown', 'json'] as const;

/** Parsed options of `calibrate`. */
export interface CalibrateCommandOptions {
  /** Links to fit (repeatable); absent: every estimate. */
  readonly free?: readonly string[];
  readonly maxSteps?: number;
  readonly priorWeight?: number;
  /** Where the calibrated model goes (YAML, or JSON for a `.json` name). */
  readonly out?: string;
  /** Write the calibrated model back into the model file (or allow `--out` to name it). */
  readonly inPlace?: boolean;
  readonly format: (typeof CALIBRATE_FORMATS)[number];
  readonly top?: number;
}

/** Fits, writes the calibrated model when asked, then prints the summary. */
export async function runCalibrate(file: string, options: CalibrateCommandOptions): Promise<void> {
  const { model } = await readModelFile(file);
  const settings: CalibrateOptions = {
    ...(options.free !== undefined && { free: [...options.free] }),
    ...(options.maxSteps !== undefined && { maxSteps: options.maxSteps }),
    ...(options.priorWeight !== undefined && { priorWeight: options.priorWeight }),
  };
  const result = calibrate(model, settings);
  const out = options.out ?? (options.inPlace === true ? file : undefined);
  if (out !== undefined)
    await writeUpdatedModel(file, out, model, result.model, options.inPlace === true);
  const { model: _calibrated, ...summary } = result;
  await writeOutput(
    options.format === 'json'
      ? toJson(summary)
      : renderCalibration(result, model, options.format, topOf(options)),
  );
}

/** Registers `calibrate <model> [--free LINK]... [--out FILE] [--in-place] [--format]`. */
export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description(
      "fit the estimated (or --free) qualities and performances to the model's observations of its customers",
    )
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .addOption(
      new Option(
        '--free <link>',
        'a link to fit: a hand-off id, from->to, or an actor id (repeatable; default: every value given as an estimate)',
      ).argParser(collect),
    )
    .addOption(
      new Option('--max-steps <n>', 'at most this many steps of the fit (default 500)').argParser(
        parseCount,
      ),
    )
    .addOption(
      new Option(
        '--prior-weight <x>',
        'weight of the estimates beside the observations (default 1; 0: the observations alone)',
      ).argParser(parseAmount),
    )
    .option(
      '-o, --out <file>',
      'write the calibrated model here (.json: JSON, else YAML; never the model file itself without --in-place)',
    )
    .option('--in-place', 'write the calibrated values back into the model file (only they change)')
    .addOption(
      new Option('-f, --format <format>', `summary format: ${CALIBRATE_FORMATS.join(', ')}`)
        .argParser(formatParser(CALIBRATE_FORMATS))
        .default('text'),
    )
    .addOption(
      new Option(
        '-t, --top <n>',
        'rows per table in text and Markdown (positive integer)',
      ).argParser(parseTop),
    )
    .action(
      runCommand((file: string, options: CalibrateCommandOptions) => runCalibrate(file, options)),
    );
}
