/** The JSON Schema of a model file, generated from the zod schema (committed as docs/model.schema.json). */
import { z } from 'zod';
import { ModelSchema } from './schema.js';

/** The JSON Schema (draft 2020-12) of what a model file may contain. */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ModelSchema, { io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'service-chain model',
    $comment:
      'Written by `service-chain schema`; see docs/model-file.md. Cross-references (ids, kinds, cycles, dimensions, scale) are checked by the tool, not by this schema.',
    ...rest,
  };
}
