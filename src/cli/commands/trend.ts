/** `service-chain trend <models...>`: S and every customer's service per wave, as a table and a chart. */
import { basename, extname } from 'node:path';
import { type Command, Option } from 'commander';
import { trend } from '../../analysis/trend.js';
import { namesAcross } from '../../render/diff-document.js';
import { renderDocument } from '../../render/render-document.js';
import { timePage } from '../../render/time-html.js';
import { trendChart, trendDocument } from '../../render/trend-document.js';
import { readModelFile, runCommand, UsageError, writeOutput } from '../io.js';
import { parseCount, toJson, usageError } from '../scenario-io.js';
import { parseTop, topOf } from './analyze.js';

/** Output formats of `trend` and `dynamics`: the three result formats, HTML, and the chart alone. */
export const CHART_FORMATS = ['text', 'markdown', 'json', 'html', 'svg'] as const;

/** One output format of `trend` and `dynamics`. */
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** Parses `--format` of `trend` and `dynamics`. */
export function parseChartFormat(value: string): ChartFormat {
  const format = CHART_FORMATS.find((name) => name === value);
  if (format === undefined) throw usageError(`expected one of ${CHART_FORMATS.join(', ')}.`);
  return format;
}

/** Parsed options of `trend`. */
export interface TrendCommandOptions {
  readonly format: ChartFormat;
  readonly top?: number;
  readonly width?: number;
  readonly height?: number;
  readonly out?: string;
}

/** A wave's label: its file name without the extension. */
function labelOf(file: string): string {
  return basename(file, extname(file));
}

/** The chart's size options as given. */
export function sizeOf(options: { readonly width?: number; readonly height?: number }) {
  return {
    ...(options.width !== undefined && { width: options.width }),
    ...(options.height !== undefined && { height: options.height }),
  };
}

/** Loads every wave in order and writes the history. */
export async function runTrend(files: readonly string[], options: TrendCommandOptions) {
  if (files.length < 2) throw new UsageError('trend needs at least two model files, oldest first');
  const models = [];
  for (const file of files) models.push((await readModelFile(file)).model);
  const result = trend(models.map((model, i) => ({ label: labelOf(files[i]!), model })));
  if (options.format === 'json') return writeOutput(toJson(result), options.out);
  const chart = () => trendChart(result, sizeOf(options));
  if (options.format === 'svg') return writeOutput(chart(), options.out);
  const document = trendDocument(result, namesAcross(models), topOf(options));
  const text =
    options.format === 'html'
      ? timePage('Trend', document, chart())
      : renderDocument(document, options.format);
  await writeOutput(text, options.out);
}

/** The `--width` and `--height` options of a chart. */
export function addSizeOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--width <px>', 'chart width in pixels (SVG, HTML)').argParser(parseCount),
    )
    .addOption(
      new Option('--height <px>', 'chart height in pixels (SVG, HTML)').argParser(parseCount),
    );
}

/** Registers `trend <models...> [--format] [--top] [--width] [--height] [--out]`. */
export function registerTrend(program: Command): void {
  const command = program
    .command('trend')
    .description('S, every customer’s service and the weakest link per survey wave, oldest first')
    .argument('<models...>', 'two or more model files, oldest first')
    .addOption(
      new Option('-f, --format <format>', `output format: ${CHART_FORMATS.join(', ')}`)
        .argParser(parseChartFormat)
        .default('text'),
    )
    .addOption(new Option('-t, --top <n>', 'rows of the customer table').argParser(parseTop));
  addSizeOptions(command)
    .option('-o, --out <file>', 'write the result to this file instead of stdout')
    .action(
      runCommand((files: string[], options: TrendCommandOptions) => runTrend(files, options)),
    );
}
