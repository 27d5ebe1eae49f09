/**
 * `service-chain backups <model>`: for each single point of failure of a valuable customer, the
 * exact gain of a backup hand-off from another actor (docs/model.md, "Single points of failure"),
 * ranked; `--candidates-out` writes them as a plan candidates file so `plan` can weigh them.
 */
import { type Command, Option } from 'commander';
import { Document } from 'yaml';
import { backupCandidates, backups } from '../../analysis/backups.js';
import { renderBackups } from '../../render/backups-document.js';
import { readModelFile, runCommand, UsageError, writeFileSafely, writeOutput } from '../io.js';
import {
  parseAmount,
  parseResultFormat,
  parseShare,
  RESULT_FORMATS,
  type ResultFormat,
  toJson,
} from '../scenario-io.js';
import { parseTop, topOf } from './analyze.js';

/** Parsed options of `backups`. */
export interface BackupsCommandOptions {
  readonly format: ResultFormat;
  /** Quality of every backup hand-off; absent: each original's. */
  readonly quality?: number;
  readonly top?: number;
  readonly out?: string;
  /** Write the backups here as a plan candidates file (YAML, or JSON for a `.json` name). */
  readonly candidatesOut?: string;
  /** The cost each candidate gets in that file (default 1: a placeholder to set). */
  readonly cost: number;
}

/** The candidates file's text: JSON for a `.json` name, else YAML with a note on the costs. */
function candidatesText(file: string, content: object): string {
  if (file.toLowerCase().endsWith('.json')) return toJson(content);
  const document = new Document(content);
  document.commentBefore =
    ' Backups for single points of failure, written by `service-chain backups`.\n' +
    ' Every cost is the same placeholder: set each before `service-chain plan` weighs them.';
  return document.toString({ lineWidth: 0 });
}

/** Loads the model, tries every backup, writes the ranking (and the candidates file when asked). */
export async function runBackups(file: string, options: BackupsCommandOptions): Promise<void> {
  const { model } = await readModelFile(file);
  if (!(options.cost > 0))
    throw new UsageError('--cost must be above 0 (a plan candidate costs something)');
  const result = backups(model, options.quality === undefined ? {} : { quality: options.quality });
  if (options.candidatesOut !== undefined) {
    const content = backupCandidates(result, model, options.cost);
    await writeFileSafely(options.candidatesOut, candidatesText(options.candidatesOut, content));
  }
  const text =
    options.format === 'json'
      ? toJson(result)
      : renderBackups(result, model, options.format, topOf(options));
  await writeOutput(text, options.out);
}

/** Registers `backups <model> [--quality Q] [--candidates-out FILE] [--cost N] [--format] [--top] [--out]`. */
export function registerBackups(program: Command): void {
  program
    .command('backups')
    .description(
      'for each single point of failure of a valuable customer, the exact gain of a backup hand-off from another actor, ranked',
    )
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .addOption(
      new Option(
        '-q, --quality <share>',
        'quality of each backup hand-off, 0 to 1 (default: the one it backs up)',
      ).argParser(parseShare),
    )
    .option('--candidates-out <file>', 'also write the backups as a plan candidates file')
    .addOption(
      new Option('--cost <amount>', 'cost of each candidate in that file')
        .argParser(parseAmount)
        .default(1),
    )
    .addOption(
      new Option('-f, --format <format>', `output format: ${RESULT_FORMATS.join(', ')}`)
        .argParser(parseResultFormat)
        .default('text'),
    )
    .addOption(
      new Option('-t, --top <n>', 'rows in text and Markdown (positive integer)').argParser(
        parseTop,
      ),
    )
    .option('-o, --out <file>', 'write the result to this file instead of stdout')
    .action(
      runCommand((file: string, options: BackupsCommandOptions) => runBackups(file, options)),
    );
}
