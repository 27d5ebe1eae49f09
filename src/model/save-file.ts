/**
 * Saving a model file: Node's file system at the edge, so the main entry stays free of Node
 * built-ins. Exported from `service-chain/node`.
 */
import { writeFile } from 'node:fs/promises';
import { formatOf } from './load.js';
import { stringifyModel } from './save.js';
import type { Model } from './schema.js';

/** Writes a model file; the format follows the extension (`.json`, else YAML). */
export async function saveModelFile(path: string, model: Model): Promise<void> {
  await writeFile(path, stringifyModel(model, formatOf(path) ?? 'yaml'), 'utf8');
}
