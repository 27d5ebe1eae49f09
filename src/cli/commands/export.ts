/** `service-chain export <model> --format gexf|graphml`: the graph with its scores for Gephi, yEd. */
import { type Command, Option } from 'commander';
import { analyze } from '../../analysis/analyze.js';
import { toGexf, toGraphml } from '../../render/export.js';
import { readModelFile, runCommand, writeOutput } from '../io.js';
import { usageError } from '../scenario-io.js';

/** The graph formats of `export`. */
export const EXPORT_FORMATS = ['gexf', 'graphml'] as const;

/** One graph format of `export`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Parsed options of `export`. */
export interface ExportCommandOptions {
  readonly format: ExportFormat;
  readonly out?: string;
}

/** Parses `--format gexf|graphml`. */
function parseExportFormat(value: string): ExportFormat {
  const format = EXPORT_FORMATS.find((name) => name === value);
  if (format === undefined) throw usageError(`expected one of ${EXPORT_FORMATS.join(', ')}.`);
  return format;
}

/** Analyses the model and writes the graph with the scores as attributes. */
export async function runExport(file: string, options: ExportCommandOptions): Promise<void> {
  const { model } = await readModelFile(file);
  const report = analyze(model);
  const text = options.format === 'gexf' ? toGexf(report, model) : toGraphml(report, model);
  await writeOutput(text, options.out);
}

/** Registers `export <model> --format gexf|graphml [--out FILE]`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write the hand-off graph with its scores as GEXF (Gephi) or GraphML (yEd, Cytoscape)',
    )
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .addOption(
      new Option('-f, --format <format>', `graph format: ${EXPORT_FORMATS.join(', ')}`)
        .argParser(parseExportFormat)
        .makeOptionMandatory(),
    )
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(runCommand((file: string, options: ExportCommandOptions) => runExport(file, options)));
}
