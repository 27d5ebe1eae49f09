/** `service-chain what-if <model> --scenario <file> --set id.field=value`: before and after a scenario. */
import { type Command, Option } from 'commander';
import { tryAssignmentChanges } from '../../analysis/assignment.js';
import { parseScenario, tryApplyChanges } from '../../analysis/scenario.js';
import type { Change } from '../../analysis/scenario-schema.js';
import { whatIf } from '../../analysis/what-if.js';
import { ServiceChainError } from '../../model/errors.js';
import { renderWhatIf } from '../../render/what-if-document.js';
import { readInputFile, readModelFile, runCommand, UsageError, writeOutput } from '../io.js';
import { createImpactProgress } from '../progress.js';
import {
  collect,
  parseResultFormat,
  RESULT_FORMATS,
  type ResultFormat,
  toJson,
} from '../scenario-io.js';
import { parseTop, topOf } from './analyze.js';

/** Parsed options of `what-if`. */
export interface WhatIfCommandOptions {
  readonly scenario?: string;
  readonly set?: readonly string[];
  readonly format: ResultFormat;
  /** How many rows each table of the text and Markdown output lists (`--top`). */
  readonly top?: number;
  readonly out?: string;
  /** --rankings forces the fixGain comparison, --no-rankings skips it; unset: by model size. */
  readonly rankings?: boolean;
}

/** The id a `set` change names (what `--set` assignments become). */
function targetOf(change: Change): string {
  if ('handoff' in change) return change.handoff;
  if ('actor' in change) return change.actor;
  if ('customer' in change) return change.customer;
  return '';
}

/** Loads the model and scenario, applies `--set` after the file's changes, writes the comparison. */
export async function runWhatIf(file: string, options: WhatIfCommandOptions): Promise<void> {
  if (options.scenario === undefined && (options.set ?? []).length === 0)
    throw new UsageError('what-if needs --scenario <file> or at least one --set id.field=value');
  const { model } = await readModelFile(file);
  let name: string | undefined;
  let changes: Change[] = [];
  if (options.scenario !== undefined) {
    const scenario = parseScenario(await readInputFile(options.scenario), model);
    name = scenario.name;
    changes = [...scenario.changes];
  }
  const fromFile = changes.length;
  const sets = options.set ?? [];
  const assigned = tryAssignmentChanges(sets, model);
  changes.push(...assigned.changes);
  // Check the --set changes after the file's, with paths that name the flag.
  const checked = tryApplyChanges(model, changes, (i) =>
    i < fromFile ? `changes[${i}]` : `--set ${targetOf(changes[i]!)}`,
  );
  // `--set dispatch.set.welfare` reads better as the flag was written: `--set dispatch.welfare`.
  const issues = [
    ...assigned.issues,
    ...checked.issues.map((issue) => ({
      ...issue,
      path: issue.path.startsWith('--set ') ? issue.path.replace('.set.', '.') : issue.path,
    })),
  ];
  if (issues.length > 0) throw new ServiceChainError(issues);
  const progress = createImpactProgress();
  let result: ReturnType<typeof whatIf>;
  try {
    result = whatIf(
      model,
      { changes, ...(name !== undefined && { name }) },
      {
        ...(options.rankings !== undefined && { rankings: options.rankings }),
        ...(progress.onProgress !== undefined && { onProgress: progress.onProgress }),
      },
    );
  } finally {
    progress.done();
  }
  const text =
    options.format === 'json'
      ? toJson(result)
      : renderWhatIf(result, options.format, topOf(options), model);
  await writeOutput(text, options.out);
}

/** Registers `what-if <model> [--scenario FILE] [--set id.field=value]... [--format] [--out]`. */
export function registerWhatIf(program: Command): void {
  program
    .command('what-if')
    .description(
      'compare S, every customer’s service, chain strength and weakest link before and after a scenario',
    )
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option('-s, --scenario <file>', 'scenario file (YAML or JSON): a list of changes')
    .option(
      '--set <id.field=value>',
      'set one field, e.g. warehouse->dispatch.quality=0.9 or call-centre.welfare=0.8 (repeatable)',
      collect,
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
    .option(
      '--rankings',
      'compare fix-gain rankings even on a large model (by default only up to 20,000 links and cycles of 500 nodes)',
    )
    .option('--no-rankings', 'skip the fix-gain ranking comparison (faster on large models)')
    .option('-o, --out <file>', 'write the result to this file instead of stdout')
    .action(runCommand((file: string, options: WhatIfCommandOptions) => runWhatIf(file, options)));
}
