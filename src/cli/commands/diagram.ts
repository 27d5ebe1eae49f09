/** `service-chain diagram <file>`: the hand-off graph as Mermaid, Graphviz DOT or SVG. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { analyze } from '../../analysis/analyze.js';
import type { Report } from '../../analysis/report.js';
import type { Model } from '../../model/schema.js';
import { buildDiagram } from '../../render/diagram.js';
import type { DiagramLevel } from '../../render/diagram-options.js';
import { toDot } from '../../render/dot.js';
import { layoutFallback } from '../../render/layout.js';
import { toMermaid } from '../../render/mermaid.js';
import { diagramSvg } from '../../render/svg.js';
import { readModelFile, runCommand, warn, writeOutput } from '../io.js';
import { LEVEL_CHOICES, parseDiagramLevel } from '../level.js';

/** The output formats of `diagram`. */
export const DIAGRAM_FORMATS = ['mermaid', 'dot', 'svg'] as const;

/** One output format of `diagram`. */
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/** The options of `diagram` once parsed. */
export interface DiagramCommandOptions {
  readonly format: DiagramFormat;
  readonly level: DiagramLevel;
  /** Write here instead of to stdout. */
  readonly out?: string;
}

/** Defaults of `diagram`: Mermaid, one box per actor, on stdout. */
export const DIAGRAM_COMMAND_DEFAULTS: DiagramCommandOptions = {
  format: 'mermaid',
  level: 'actor',
};

/** A parser accepting one of `choices`; anything else is a usage error (exit 2). */
function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    const found = choices.find((choice) => choice === value);
    if (found !== undefined) return found;
    const error = new InvalidArgumentError(`expected one of ${choices.join(', ')}.`);
    error.exitCode = 2;
    throw error;
  };
}

/** The diagram in the chosen format. */
export function renderDiagram(
  report: Report,
  model: Model,
  options: DiagramCommandOptions,
): string {
  const level = { level: options.level };
  switch (options.format) {
    case 'mermaid':
      return toMermaid(report, model, level);
    case 'dot':
      return toDot(report, model, level);
    case 'svg': {
      const diagram = buildDiagram(report, model, level);
      const fallback = layoutFallback(diagram);
      if (fallback !== null) warn(fallback);
      return diagramSvg(diagram);
    }
  }
}

/** Registers `diagram <file> [--format mermaid|dot|svg] [--level actor|department|N] [--out FILE]`. */
export function registerDiagram(program: Command): void {
  program
    .command('diagram')
    .description('draw the hand-off graph with its weakest links (Mermaid, Graphviz DOT or SVG)')
    .argument('<file>', 'model file (.yaml, .yml or .json)')
    .addOption(
      new Option('-f, --format <format>', 'mermaid, dot or svg')
        .argParser(oneOf(DIAGRAM_FORMATS))
        .default(DIAGRAM_COMMAND_DEFAULTS.format),
    )
    .addOption(
      new Option('-l, --level <level>', `actor (every actor), or roll up: ${LEVEL_CHOICES}`)
        .argParser(parseDiagramLevel)
        .default(DIAGRAM_COMMAND_DEFAULTS.level),
    )
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(
      runCommand(async (file: string, options: DiagramCommandOptions) => {
        const { model } = await readModelFile(file);
        await writeOutput(renderDiagram(analyze(model), model, options), options.out);
      }),
    );
}
