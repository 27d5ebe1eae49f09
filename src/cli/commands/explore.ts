/**
 * `service-chain explore <file>`: a shortcut for `analyze <file> --format html`, the report that
 * carries the explorer (docs/explorer.md): the same page, byte for byte.
 */
import type { Command } from 'commander';
import { runCommand } from '../io.js';
import { runAnalyze } from './analyze.js';

/** The options of `explore` once parsed. */
export interface ExploreCommandOptions {
  /** Write here instead of to stdout. */
  readonly out?: string;
}

/** Registers `explore <file> [--out FILE]`. */
export function registerExplore(program: Command): void {
  program
    .command('explore')
    .description(
      'write the HTML report with its explorer: a slider for every link, recomputed live (as analyze --format html)',
    )
    .argument('<file>', 'model file (.yaml, .yml or .json)')
    .option('-o, --out <file>', 'write the page to this file instead of stdout')
    .action(
      runCommand((file: string, options: ExploreCommandOptions) =>
        runAnalyze(file, {
          format: 'html',
          ...(options.out === undefined ? {} : { out: options.out }),
        }),
      ),
    );
}
