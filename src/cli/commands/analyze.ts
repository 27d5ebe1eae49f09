/** `service-chain analyze <file>`: the whole analysis of a model file as text, Markdown, JSON or HTML. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { analyze } from '../../analysis/analyze.js';
import type { Report } from '../../analysis/report.js';
import type { Model } from '../../model/schema.js';
import { toHtml } from '../../render/html.js';
import { toMarkdown } from '../../render/markdown.js';
import { toText } from '../../render/text.js';
import { readModelFile, runCommand, writeOutput } from '../io.js';

/** The output formats of `analyze`. */
export const ANALYZE_FORMATS = ['text', 'markdown', 'json', 'html'] as const;

/** One output format of `analyze`. */
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/**
 * The options of `analyze` once parsed. Flat on purpose: later options (`--level`, `--metrics`,
 * `--money`) add a field here and a line in `registerAnalyze`, nothing else.
 */
export interface AnalyzeCommandOptions {
  readonly format: AnalyzeFormat;
  /** How many links the rankings and the "links to fix" table keep; the library's default if absent. */
  readonly top?: number;
  /** Write here instead of to stdout. */
  readonly out?: string;
}

/** Defaults of `analyze`: a text report on stdout. */
export const ANALYZE_COMMAND_DEFAULTS: AnalyzeCommandOptions = { format: 'text' };

/** A rejected option value is a usage error: exit code 2, like an unknown option. */
function usageError(message: string): InvalidArgumentError {
  const error = new InvalidArgumentError(message);
  error.exitCode = 2;
  return error;
}

/** Parses `--top`: a positive integer written as digits, nothing else (`3.5`, `0`, `1e3` fail). */
export function parseTop(value: string): number {
  const top = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(top) || top < 1) throw usageError('It must be a positive integer.');
  return top;
}

/** Parses `--format`: one of ANALYZE_FORMATS. */
export function parseFormat(value: string): AnalyzeFormat {
  const format = ANALYZE_FORMATS.find((name) => name === value);
  if (format === undefined) throw usageError(`It must be one of ${ANALYZE_FORMATS.join(', ')}.`);
  return format;
}

/** The report in the chosen format. JSON is the report object itself (MODEL.md section 7). */
export function renderAnalysis(
  report: Report,
  model: Model,
  options: AnalyzeCommandOptions,
): string {
  const top = options.top === undefined ? {} : { top: options.top };
  switch (options.format) {
    case 'text':
      return toText(report, top);
    case 'markdown':
      return toMarkdown(report, top);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return toHtml(report, model);
  }
}

/** Loads the file, analyses it and writes the report where asked. */
export async function runAnalyze(file: string, options: AnalyzeCommandOptions): Promise<void> {
  const { model } = await readModelFile(file);
  const report = analyze(model, options.top === undefined ? {} : { top: options.top });
  await writeOutput(renderAnalysis(report, model, options), options.out);
}

/** Registers `analyze <file> [--format text|markdown|json|html] [--top N] [--out FILE]`. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'analyse a model file: organisation score, every customer with its weakest link and chain, ' +
        'the links worth fixing, cycles and warnings',
    )
    .argument('<file>', 'model file (.yaml, .yml or .json)')
    .addOption(
      new Option('-f, --format <format>', `output format: ${ANALYZE_FORMATS.join(', ')}`)
        .argParser(parseFormat)
        .default(ANALYZE_COMMAND_DEFAULTS.format),
    )
    .addOption(
      new Option('-t, --top <n>', 'how many links to rank (positive integer)').argParser(parseTop),
    )
    .option('-o, --out <file>', 'write the report to this file instead of stdout')
    .action(
      runCommand((file: string, options: AnalyzeCommandOptions) => runAnalyze(file, options)),
    );
}
