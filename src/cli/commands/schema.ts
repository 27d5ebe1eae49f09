/** `service-chain schema`: print the JSON Schema of the model file, and the `$schema` line that uses it. */
import { type Command, Option } from 'commander';
import { modelJsonSchema } from '../../model/json-schema.js';
import { runCommand, writeOutput } from '../io.js';

/** Registers `schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of a model file (for editors and other tools)')
    .option(
      '-o, --out <file>',
      'write to a file instead of stdout, and print the $schema line to use',
    )
    // The first release spelt it --output; every other command says --out.
    .addOption(new Option('--output <file>').hideHelp())
    .addHelpText('after', `\n${schemaLines('model.schema.json')}`)
    .action(
      runCommand(async (options: { out?: string; output?: string }) => {
        const text = `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
        const out = options.out ?? options.output;
        await writeOutput(text, out);
        // stdout stays the schema alone when it is the schema; after a file, say how to use it.
        if (out !== undefined) await writeOutput(schemaLines(out));
      }),
    );
}

/**
 * The lines that point a model at the schema file for editor completion (docs/model-file.md,
 * "Every field"): a `$schema` key in JSON, the yaml-language-server comment in YAML.
 */
export function schemaLines(file: string): string {
  const path = /^(?:[a-z][a-z\d+.-]*:|\/|\.{1,2}\/)/i.test(file) ? file : `./${file}`;
  return [
    'To get completion in an editor, point a model at the schema (a path from the model file, or a URL):',
    `  JSON, as the first key:   "$schema": ${JSON.stringify(path)},`,
    `  YAML, as the first line:  # yaml-language-server: $schema=${path}`,
  ].join('\n');
}
