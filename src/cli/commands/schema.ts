/** `service-chain schema`: print the JSON Schema of the model file. */
import type { Command } from 'commander';
import { modelJsonSchema } from '../../model/json-schema.js';
import { runCommand, writeOutput } from '../io.js';

/** Registers `schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of a model file (for editors and other tools)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(
      runCommand(async (options: { output?: string }) => {
        await writeOutput(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`, options.output);
      }),
    );
}
