/** `service-chain diff <before> <after>`: what changed between two models and why S moved. */
import { type Command, Option } from 'commander';
import { diffModels } from '../../analysis/diff.js';
import { diffDocument, namesAcross } from '../../render/diff-document.js';
import { renderDocument } from '../../render/render-document.js';
import { timePage } from '../../render/time-html.js';
import { readModelFile, runCommand, writeOutput } from '../io.js';
import { parseCount, toJson, usageError } from '../scenario-io.js';
import { ANALYZE_FORMATS, type AnalyzeFormat, parseFormat, parseTop, topOf } from './analyze.js';

/** Parsed options of `diff`. */
export interface DiffCommandOptions {
  readonly format: AnalyzeFormat;
  readonly top?: number;
  readonly out?: string;
  readonly exactLimit?: number;
  readonly orderings?: number;
  readonly seed?: number;
}

/** Parses `--exact-limit`: a whole number from 0 to 20. */
export function parseExactLimit(value: string): number {
  const limit = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 0 && limit <= 20)) throw usageError('expected a whole number from 0 to 20.');
  return limit;
}

/** Parses `--seed`: a whole number written as digits (an optional minus sign). */
export function parseSeed(value: string): number {
  const seed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(seed)) throw usageError('expected a whole number.');
  return seed;
}

/** Loads both models, compares them and writes the comparison. */
export async function runDiff(
  beforeFile: string,
  afterFile: string,
  options: DiffCommandOptions,
): Promise<void> {
  const { model: before } = await readModelFile(beforeFile);
  const { model: after } = await readModelFile(afterFile);
  const result = diffModels(before, after, {
    ...(options.exactLimit !== undefined && { exactLimit: options.exactLimit }),
    ...(options.orderings !== undefined && { orderings: options.orderings }),
    ...(options.seed !== undefined && { seed: options.seed }),
  });
  if (options.format === 'json') return writeOutput(toJson(result), options.out);
  const document = diffDocument(result, namesAcross([before, after]), topOf(options));
  const text =
    options.format === 'html'
      ? timePage(`What changed: ${after.name ?? afterFile}`, document)
      : renderDocument(document, options.format);
  await writeOutput(text, options.out);
}

/** Registers `diff <before> <after> [--format] [--top] [--exact-limit] [--orderings] [--seed] [--out]`. */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description(
      'compare two models: what changed, S and every customer before and after, and the change of S shared out over the changes',
    )
    .argument('<before>', 'the earlier model file (.yaml, .yml or .json)')
    .argument('<after>', 'the later model file')
    .addOption(
      new Option('-f, --format <format>', `output format: ${ANALYZE_FORMATS.join(', ')}`)
        .argParser(parseFormat)
        .default('text'),
    )
    .addOption(
      new Option('-t, --top <n>', 'rows per table in text, Markdown and HTML').argParser(parseTop),
    )
    .addOption(
      new Option(
        '--exact-limit <n>',
        'exact Shapley shares up to this many changes (default 12; 0 to 20)',
      ).argParser(parseExactLimit),
    )
    .addOption(
      new Option(
        '--orderings <n>',
        'random orderings averaged beyond the exact limit (default 200)',
      ).argParser(parseCount),
    )
    .addOption(
      new Option('--seed <n>', 'seed of the random orderings (default 1)').argParser(parseSeed),
    )
    .option('-o, --out <file>', 'write the result to this file instead of stdout')
    .action(
      runCommand((before: string, after: string, options: DiffCommandOptions) =>
        runDiff(before, after, options),
      ),
    );
}
