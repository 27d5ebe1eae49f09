/** `service-chain schema`: print the JSON Schema of the model file. */
import { type Command, Option } from 'commander';
import { modelJsonSchema } from '../../model/json-schema.js';
import { runCommand, writeOutput } from '../io.js';

/** Registers `schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of a model file (for editors and other tools)')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    // The first release spelt it --output; every other command says --out.
    .addOption(new Option('--output <file>').hideHelp())
    .action(
      runCommand(async (options: { out?: string; output?: string }) => {
        const text = `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
        await writeOutput(text, options.out ?? options.output);
      }),
    );
}
