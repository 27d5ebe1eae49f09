/** `service-chain survey <model> --responses <file.csv>`: "how do people see you?" aggregated. */
import { type Command, Option } from 'commander';
import { aggregateSurvey } from '../../analysis/survey.js';
import { saveModelFile } from '../../model/save-file.js';
import { renderSurvey } from '../../render/scenario-text.js';
import { readModelFile, runCommand, UsageError, writeOutput } from '../io.js';
import {
  parseCount,
  parseResultFormat,
  RESULT_FORMATS,
  type ResultFormat,
  readTextFile,
  toJson,
} from '../scenario-io.js';

/** Parsed options of `survey`. */
export interface SurveyCommandOptions {
  readonly responses: string;
  readonly minRespondents?: number;
  /** Where the updated model goes (YAML, or JSON for a `.json` name). */
  readonly out?: string;
  readonly format: ResultFormat;
}

/** Aggregates the responses, prints the summary and writes the updated model when asked. */
export async function runSurvey(file: string, options: SurveyCommandOptions): Promise<void> {
  const { model } = await readModelFile(file);
  const csv = await readTextFile(options.responses);
  const result = aggregateSurvey(
    model,
    csv,
    options.minRespondents === undefined ? {} : { minRespondents: options.minRespondents },
  );
  if (options.out !== undefined) {
    try {
      await saveModelFile(options.out, result.model);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'failed';
      throw new UsageError(`cannot write ${JSON.stringify(options.out)} (${reason})`);
    }
  }
  const { model: _updated, ...summary } = result;
  await writeOutput(
    options.format === 'json' ? toJson(summary) : renderSurvey(result, options.format),
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
    .requiredOption(
      '-r, --responses <file>',
      'responses CSV (wide: one column per dimension; long: dimension,score)',
    )
    .addOption(
      new Option(
        '-m, --min-respondents <n>',
        'warn below this many respondents (default 3)',
      ).argParser(parseCount),
    )
    .option(
      '-o, --out <file>',
      'write the model with the mean ratings here (.json: JSON, else YAML)',
    )
    .addOption(
      new Option('-f, --format <format>', `summary format: ${RESULT_FORMATS.join(', ')}`)
        .argParser(parseResultFormat)
        .default('text'),
    )
    .action(runCommand((file: string, options: SurveyCommandOptions) => runSurvey(file, options)));
}
