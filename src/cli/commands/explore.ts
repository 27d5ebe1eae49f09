/**
 * `service-chain explore <file>`: the explorer page, a self-contained HTML file whose sliders
 * re-evaluate the model in the page with the library's engine (docs/explorer.md).
 */
import type { Command } from 'commander';
import { analyze } from '../../analysis/analyze.js';
import { buildDiagram } from '../../render/diagram.js';
import { toExplorer } from '../../render/explorer/explorer.js';
import { layoutFallback } from '../../render/layout.js';
import { readModelFile, runCommand, warn, writeOutput } from '../io.js';

/** The options of `explore` once parsed. */
export interface ExploreCommandOptions {
  /** Write here instead of to stdout. */
  readonly out?: string;
}

/** Registers `explore <file> [--out FILE]`. */
export function registerExplore(program: Command): void {
  program
    .command('explore')
    .description('write the explorer: an HTML page with a slider for every link, recomputed live')
    .argument('<file>', 'model file (.yaml, .yml or .json)')
    .option('-o, --out <file>', 'write the page to this file instead of stdout')
    .action(
      runCommand(async (file: string, options: ExploreCommandOptions) => {
        const { model } = await readModelFile(file);
        const report = analyze(model);
        const fallback = layoutFallback(buildDiagram(report, model));
        if (fallback !== null) warn(fallback);
        await writeOutput(toExplorer(report, model), options.out);
      }),
    );
}
