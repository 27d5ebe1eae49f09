/**
 * `service-chain plan <model> --candidates <file> --budget N [--objective score|money]`: the best
 * set of candidates within the budget (exact up to `--exact-limit` candidates, else greedy by
 * gain per unit of cost with a fill step), by gain in S or by money at risk saved.
 */
import { type Command, Option } from 'commander';
import { PLAN_DEFAULTS, parseCandidates, plan } from '../../analysis/plan.js';
import { automaticCandidates } from '../../analysis/plan-candidates.js';
import { type PlanObjective, PlanObjectiveSchema } from '../../analysis/scenario-schema.js';
import { renderPlan } from '../../render/plan-document.js';
import { readInputFile, readModelFile, runCommand, UsageError, writeOutput } from '../io.js';
import {
  parseAmount,
  parseResultFormat,
  RESULT_FORMATS,
  type ResultFormat,
  toJson,
  usageError,
} from '../scenario-io.js';
import { parseTop, topOf } from './analyze.js';

const OBJECTIVES = PlanObjectiveSchema.options;

/** Parses `--objective score|money`. */
function parseObjective(value: string): PlanObjective {
  const objective = OBJECTIVES.find((name) => name === value);
  if (objective === undefined) throw usageError(`expected one of ${OBJECTIVES.join(', ')}.`);
  return objective;
}

/** Parses `--exact-limit`: a whole number from 0 to 24. */
function parseExactLimit(value: string): number {
  const limit = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 0 && limit <= 24)) throw usageError('expected a whole number from 0 to 24.');
  return limit;
}

/** Parsed options of `plan`. */
export interface PlanCommandOptions {
  /** The candidates file; required unless `--auto`. */
  readonly candidates?: string;
  /** Plan over automaticCandidates (every weak link made perfect, one unit each) instead. */
  readonly auto?: boolean;
  readonly budget?: number;
  readonly objective?: PlanObjective;
  /** Up to this many candidates the plan is exact (`--exact-limit`; PLAN_DEFAULTS otherwise). */
  readonly exactLimit?: number;
  readonly format: ResultFormat;
  /** How many rows each table of the text and Markdown output lists (`--top`). */
  readonly top?: number;
  readonly out?: string;
}

/**
 * Loads model and candidates, plans within the budget and for the objective (each the flag's, else
 * the file's; the objective defaults to `score`), writes it.
 */
export async function runPlan(file: string, options: PlanCommandOptions): Promise<void> {
  if ((options.candidates === undefined) === (options.auto !== true))
    throw new UsageError('plan needs --candidates <file> or --auto (not both)');
  const { model } = await readModelFile(file);
  const parsed =
    options.candidates === undefined
      ? { candidates: automaticCandidates(model), budget: null, objective: null }
      : parseCandidates(await readInputFile(options.candidates), model);
  const budget = options.budget ?? parsed.budget;
  if (budget === null)
    throw new UsageError('plan needs --budget N (or a `budget` in the candidates file)');
  const objective = options.objective ?? parsed.objective ?? PLAN_DEFAULTS.objective;
  const result = plan(model, {
    candidates: parsed.candidates,
    budget,
    objective,
    ...(options.exactLimit !== undefined && { exactLimit: options.exactLimit }),
  });
  // The JSON leaves out the planned model: it can be large, and `what-if` shows its effect.
  const { model: _planned, ...summary } = result;
  const text =
    options.format === 'json'
      ? toJson(summary)
      : renderPlan(result, options.format, topOf(options));
  await writeOutput(text, options.out);
}

/** Registers `plan <model> --candidates FILE [--budget N] [--objective] [--format] [--out]`. */
export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description(
      'pick the best improvement candidates within a budget by exact gain (in S, or in money at risk saved): every combination up to --exact-limit candidates, else greedily per unit of cost',
    )
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option('-c, --candidates <file>', 'candidates file (YAML or JSON)')
    .option(
      '--auto',
      "instead of a file: every link below 1 made perfect at a cost of 1 each (an actor's performance and welfare apart), so --budget is a number of fixes",
    )
    .addOption(new Option('-b, --budget <amount>', 'money available').argParser(parseAmount))
    .addOption(
      new Option(
        '--objective <objective>',
        `what each pick must improve: ${OBJECTIVES.join(', ')} (default: the file's, else score)`,
      ).argParser(parseObjective),
    )
    .addOption(
      new Option(
        '--exact-limit <n>',
        `search every combination up to this many candidates, else plan greedily (0 to 24; default ${PLAN_DEFAULTS.exactLimit})`,
      ).argParser(parseExactLimit),
    )
    .addOption(
      new Option('-f, --format <format>', `output format: ${RESULT_FORMATS.join(', ')}`)
        .argParser(parseResultFormat)
        .default('text'),
    )
    .addOption(
      new Option(
        '-t, --top <n>',
        'rows per table in text, Markdown, CSV and HTML (positive integer)',
      ).argParser(parseTop),
    )
    .option('-o, --out <file>', 'write the plan to this file instead of stdout')
    .action(runCommand((file: string, options: PlanCommandOptions) => runPlan(file, options)));
}
