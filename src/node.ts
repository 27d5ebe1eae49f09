/**
 * service-chain/node: the functions that need Node's file system, kept out of the main entry so
 * that `service-chain` itself bundles for a browser. Everything else comes from `service-chain`.
 */

/** A valid model with its warnings, as loading a file returns it. */
export type { LoadedModel } from './model/load.js';
/** Reads, parses and validates a model file (`.json` JSON, `.yaml`/`.yml` YAML, else guessed). */
export { loadModelFile } from './model/load-file.js';
/** Writes a model file with a stable key order; `.json` is JSON, anything else YAML. */
export { saveModelFile } from './model/save-file.js';
