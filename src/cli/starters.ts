/**
 * The starter models `service-chain init` can write: the example models shipped in the package
 * (`files` in package.json lists `examples/*.yaml`), read from disk when asked for.
 */
import { readFile } from 'node:fs/promises';

/** The templates `init` offers, in the order its usage lists them; the first is the default. */
export const STARTER_NAMES = ['retail', 'hospital', 'college', 'factory', 'call-centre'] as const;

/** A template name `service-chain init` accepts. */
export type StarterName = (typeof STARTER_NAMES)[number];

/** The template `service-chain init` writes when none is named. */
export const DEFAULT_STARTER: StarterName = 'retail';

/**
 * The package's examples directory. The CLI is bundled into one file, `dist/cli.js`, so this
 * module's URL is that file's, and the examples sit beside `dist/` in the package and the
 * repository alike.
 */
const EXAMPLES = new URL('../examples/', import.meta.url);

/** The text of a starter: the example model file, byte for byte. */
export function readStarter(name: StarterName): Promise<string> {
  return readFile(new URL(`${name}.yaml`, EXAMPLES), 'utf8');
}
