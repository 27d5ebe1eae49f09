/**
 * `service-chain survey <model> --responses <file.csv> [--by actor]`: "how do people see you?"
 * aggregated; `survey <model> --template` writes the blank survey to hand out.
 */
import { type Command, Option } from 'commander';
import { aggregateSurvey } from '../../analysis/survey.js';
import { surveyTemplate } from '../../analysis/survey-template.js';
import { renderSurvey } from '../../render/survey-document.js';
import {
  readInputFile,
  readModelFile,
  runCommand,
  UsageError,
  writeFileSafely,
  writeOutput,
} from '../io.js';
import { writeUpdatedModel } from '../model-out.js';
import {
  formatParser,
  parseCount,
  SURVEY_FORMATS,
  type SurveyFormat,
  toJson,
} from '../scenario-io.js';
import { parseTop, topOf } from './analyze.js';

/** Parsed options of `survey`. */
export interface SurveyCommandOptions {
  /** The responses CSV; required unless `--template`. */
  readonly responses?: string;
  /** Write the blank survey CSV instead (to `--out`, else stdout). */
  readonly template?: boolean;
  /** Respondent slots per hand-off in the blank survey. */
  readonly respondents?: number;
  /** Add how colleagues see this actor (a department: its whole team). */
  readonly by?: string;
  readonly minRespondents?: number;
  /** Where the updated model goes (YAML, or JSON for a `.json` name). */
  readonly out?: string;
  /** Write the updated model back into the model file (or allow `--out` to name it). */
  readonly inPlace?: boolean;
  /** Write each surveyed hand-off's quality as an estimate `{ mean, sd }` instead of its ratings. */
  readonly estimates?: boolean;
  readonly format: SurveyFormat;
  /** How many rows each table of the text and Markdown output lists (`--top`). */
  readonly top?: number;
}

/** Writes the blank survey of the model to `--out` (never over the model file) or stdout. */
async function writeTemplate(file: string, options: SurveyCommandOptions): Promise<void> {
  const { model } = await readModelFile(file);
  const csv = surveyTemplate(
    model,
    options.respondents === undefined ? {} : { respondents: options.respondents },
  );
  if (options.out === undefined) await writeOutput(csv);
  else await writeFileSafely(options.out, csv, { rewrites: file, inPlace: false });
}

/**
 * With `--template`, writes the blank survey; else aggregates the responses, prints the summary
 * (with `--by`, how colleagues see that actor) and writes the updated model when asked.
 */
export async function runSurvey(file: string, options: SurveyCommandOptions): Promise<void> {
  if (options.template === true) return writeTemplate(file, options);
  if (options.responses === undefined)
    throw new UsageError('survey needs --responses <file.csv> (or --template for a blank survey)');
  const out = options.out ?? (options.inPlace === true ? file : undefined);
  if (options.estimates === true && out === undefined)
    throw new UsageError('survey --estimates writes a model: say --out <file> or --in-place');
  const { model } = await readModelFile(file);
  const csv = await readInputFile(options.responses);
  const result = aggregateSurvey(model, csv, {
    ...(options.minRespondents !== undefined && { minRespondents: options.minRespondents }),
    ...(options.estimates === true && { estimates: true }),
  });
  if (out !== undefined)
    await writeUpdatedModel(file, out, model, result.model, options.inPlace === true);
  const { model: _updated, ...summary } = result;
  await writeOutput(
    options.format === 'json'
      ? toJson(summary)
      : renderSurvey(result, options.format, topOf(options), options.by),
  );
}

/** Registers `survey <model> --responses FILE [--min-respondents N] [--out MODEL] [--format]`. */
export function registerSurvey(program: Command): void {
  program
    .command('survey')
    .description(
      'aggregate survey responses (CSV) per hand-off: mean, count and standard error per dimension',
    )
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option(
      '-r, --responses <file>',
      'responses CSV (wide: one column per dimension; long: dimension,score)',
    )
    .option(
      '--template',
      'write a blank survey CSV instead: one row per hand-off and respondent slot, one column per dimension (to --out, else stdout)',
    )
    .addOption(
      new Option(
        '--respondents <n>',
        'respondent slots per hand-off in the blank survey (default 3)',
      ).argParser(parseCount),
    )
    .option(
      '--by <actor>',
      'add how colleagues see this actor: every hand-off it (a department: its team) provides, by dimension',
    )
    .addOption(
      new Option(
        '-m, --min-respondents <n>',
        'warn below this many respondents (default 3)',
      ).argParser(parseCount),
    )
    .option(
      '-o, --out <file>',
      'write the model with the mean ratings here (.json: JSON, else YAML; never the model file itself without --in-place); with --template, the blank survey',
    )
    .option('--in-place', 'write the mean ratings back into the model file (only they change)')
    .option(
      '--estimates',
      "with --out or --in-place: write each surveyed hand-off's quality as an estimate { mean, sd } from its means and standard errors, instead of its ratings",
    )
    .addOption(
      new Option('-f, --format <format>', `summary format: ${SURVEY_FORMATS.join(', ')}`)
        .argParser(formatParser(SURVEY_FORMATS))
        .default('text'),
    )
    .addOption(
      new Option(
        '-t, --top <n>',
        'rows per table in text, Markdown, CSV and HTML (positive integer)',
      ).argParser(parseTop),
    )
    .action(runCommand((file: string, options: SurveyCommandOptions) => runSurvey(file, options)));
}
