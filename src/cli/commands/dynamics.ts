/**
 * `service-chain dynamics <model> --scenario <file>`: how a scenario reaches the customers day by
 * day along lagged hand-offs; `--breakdown <link> --for <days>`: a link down for some days.
 * `analyze --dynamics <scenario>` delegates here.
 */
import { type Command, Option } from 'commander';
import { tryAssignmentChanges } from '../../analysis/assignment.js';
import { breakdown } from '../../analysis/breakdown.js';
import { dynamics } from '../../analysis/dynamics.js';
import { parseScenario } from '../../analysis/scenario.js';
import type { Change } from '../../analysis/scenario-schema.js';
import { handoffId } from '../../model/defaults.js';
import { ServiceChainError } from '../../model/errors.js';
import type { Model } from '../../model/schema.js';
import { namesAcross } from '../../render/diff-document.js';
import type { Document } from '../../render/document.js';
import { breakdownDocument, dailyChart, dynamicsDocument } from '../../render/dynamics-document.js';
import { renderDocument } from '../../render/render-document.js';
import { timePage } from '../../render/time-html.js';
import { readInputFile, readModelFile, runCommand, UsageError, writeOutput } from '../io.js';
import { collect, parseCount, toJson } from '../scenario-io.js';
import { parseTop, topOf } from './analyze.js';
import {
  addSizeOptions,
  CHART_FORMATS,
  type ChartFormat,
  parseChartFormat,
  sizeOf,
} from './trend.js';

/** Parsed options of `dynamics`. */
export interface DynamicsCommandOptions {
  readonly scenario?: string;
  readonly set?: readonly string[];
  readonly breakdown?: string;
  readonly for?: number;
  readonly days?: number;
  readonly format: ChartFormat;
  readonly top?: number;
  readonly width?: number;
  readonly height?: number;
  readonly out?: string;
}

/** The scenario's changes: the file's, then the `--set` assignments. */
async function changesOf(model: Model, options: DynamicsCommandOptions) {
  let name: string | undefined;
  const changes: Change[] = [];
  if (options.scenario !== undefined) {
    const scenario = parseScenario(await readInputFile(options.scenario), model);
    name = scenario.name;
    changes.push(...scenario.changes);
  }
  const assigned = tryAssignmentChanges(options.set ?? [], model);
  if (assigned.issues.length > 0) throw new ServiceChainError(assigned.issues);
  changes.push(...assigned.changes);
  return { changes, ...(name !== undefined && { name }) };
}

/** Writes a document (or its chart) in the format asked for. */
async function write(
  document: Document,
  chart: () => string,
  title: string,
  json: unknown,
  options: DynamicsCommandOptions,
) {
  if (options.format === 'json') return writeOutput(toJson(json), options.out);
  if (options.format === 'svg') return writeOutput(chart(), options.out);
  const text =
    options.format === 'html'
      ? timePage(title, document, chart())
      : renderDocument(document, options.format);
  await writeOutput(text, options.out);
}

/** Runs `dynamics` (or `analyze --dynamics`). */
export async function runDynamics(file: string, options: DynamicsCommandOptions): Promise<void> {
  const { model } = await readModelFile(file);
  const names = namesAcross([model]);
  const settings = options.days === undefined ? {} : { days: options.days };
  if (options.breakdown !== undefined) {
    if (options.for === undefined) throw new UsageError('--breakdown needs --for <days>');
    const isHandoff = (model.handoffs ?? []).some((h) => handoffId(h) === options.breakdown);
    const link = isHandoff ? { handoff: options.breakdown } : { actor: options.breakdown };
    const result = breakdown(model, link, options.for, settings);
    const chart = () => dailyChart(result, 'Service during the breakdown', sizeOf(options));
    return write(
      breakdownDocument(result, names, topOf(options)),
      chart,
      'Breakdown',
      result,
      options,
    );
  }
  if (options.scenario === undefined && (options.set ?? []).length === 0)
    throw new UsageError(
      'dynamics needs --scenario <file>, --set id.field=value or --breakdown <link>',
    );
  const result = dynamics(model, await changesOf(model, options), settings);
  const chart = () => dailyChart(result, 'Service day by day', sizeOf(options));
  await write(dynamicsDocument(result, names, topOf(options)), chart, 'Dynamics', result, options);
}

/** Registers `dynamics <model> [--scenario] [--set]... [--breakdown --for] [--days] [--format] ...`. */
export function registerDynamics(program: Command): void {
  const command = program
    .command('dynamics')
    .description(
      'follow a scenario (or a breakdown) day by day along the lagged hand-offs until it settles',
    )
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option('-s, --scenario <file>', 'scenario file (YAML or JSON) applied on day 0')
    .option('--set <id.field=value>', 'set one field on day 0 (repeatable)', collect)
    .option('--breakdown <link>', 'a hand-off or actor id that fails from day 0 (with --for)')
    .addOption(
      new Option('--for <days>', 'how many days the link stays down').argParser(parseCount),
    )
    .addOption(
      new Option('--days <n>', 'the most days to compute (default 365)').argParser(parseCount),
    )
    .addOption(
      new Option('-f, --format <format>', `output format: ${CHART_FORMATS.join(', ')}`)
        .argParser(parseChartFormat)
        .default('text'),
    )
    .addOption(new Option('-t, --top <n>', 'rows of the customer table').argParser(parseTop));
  addSizeOptions(command)
    .option('-o, --out <file>', 'write the result to this file instead of stdout')
    .action(
      runCommand((file: string, options: DynamicsCommandOptions) => runDynamics(file, options)),
    );
}
