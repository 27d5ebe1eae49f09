/** `service-chain validate <file>`: check a model file and report every problem at once. */
import type { Command } from 'commander';
import { formatIssue, formatIssues } from '../../model/errors.js';
import type { LoadedModel } from '../../model/load.js';
import { plural } from '../../render/format.js';
import { readModelFile, runCommand, writeOutput } from '../io.js';

/** Registers `validate`. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a model file: every error at once (exit 1), or a summary and any warnings')
    .argument('<file>', 'model file (.yaml, .yml or .json)')
    .action(
      runCommand(async (file: string) => {
        await writeOutput(validationSummary(await readModelFile(file)));
      }),
    );
}

/** `ok: N actors, N customers, N hand-offs`, then one `warning: path: message` line per warning. */
export function validationSummary({ model, warnings }: LoadedModel): string {
  const actors = (model.departments?.length ?? 0) + (model.employees?.length ?? 0);
  const customers = model.customers?.length ?? 0;
  const handoffs = model.handoffs?.length ?? 0;
  const lines = [
    `ok: ${plural(actors, 'actor')}, ${plural(customers, 'customer')}, ${plural(handoffs, 'hand-off')}`,
  ];
  lines.push(...formatIssues(warnings, undefined, (warning) => `warning: ${formatIssue(warning)}`));
  return `${lines.join('\n')}\n`;
}
