/** `service-chain init [template] [--out FILE]`: write a starter model to edit. */
import { Argument, type Command } from 'commander';
import { ServiceChainError } from '../../model/errors.js';
import { FileError, runCommand, writeFileSafely, writeOutput } from '../io.js';
import { DEFAULT_STARTER, readStarter, STARTER_NAMES, type StarterName } from '../starters.js';

/** The file `init` writes when `--out` is not given. */
export const DEFAULT_INIT_FILE = 'service-chain.yaml';

/** Registers `init`. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter model to edit (never overwrites a file)')
    .addArgument(
      new Argument('[template]', 'the example to start from')
        .choices(STARTER_NAMES)
        .default(DEFAULT_STARTER),
    )
    .option('-o, --out <file>', 'file to write', DEFAULT_INIT_FILE)
    .action(
      runCommand(async (template: StarterName, options: { out: string }) => {
        await writeStarter(template, options.out);
        await writeOutput(
          `wrote ${options.out} (the ${template} starter); next: service-chain analyze ${options.out}`,
        );
      }),
    );
}

/** Writes a starter, refusing to replace an existing file: a model being edited is precious. */
async function writeStarter(template: StarterName, file: string): Promise<void> {
  const text = await readStarter(template);
  try {
    // exclusive fails if the file exists, atomically: no window between a check and the write.
    await writeFileSafely(file, text, { exclusive: true });
  } catch (error) {
    if (error instanceof FileError && error.code === 'EEXIST') {
      throw new ServiceChainError([
        {
          code: 'file_exists',
          path: '',
          message: `${file} already exists; init never overwrites a file: remove it or choose another name with --out`,
        },
      ]);
    }
    throw error;
  }
}
