/**
 * Model to text (MODEL.md section 8): YAML or JSON with a stable key order, the order of the
 * schema (version, name, ..., departments, employees, customers, handoffs; `id` first in items),
 * so saving is deterministic and loading the text gives the same model back.
 */
import { Document } from 'yaml';
import { z } from 'zod';
import type { ModelFormat } from './load.js';
import { type Model, ModelSchema } from './schema.js';

/** The model as YAML or JSON text, ending with a newline. */
export function stringifyModel(model: Model, format: ModelFormat): string {
  const ordered = inSchemaOrder(model, ModelSchema);
  if (format === 'json') return `${JSON.stringify(ordered, null, 2)}\n`;
  return new Document(ordered).toString({ lineWidth: 0 });
}

/**
 * A copy with object keys in the order the schema declares them; records (ratings, priorities)
 * keep their own order. Built with Object.fromEntries, which defines keys rather than assigning
 * them, so an id or dimension such as `__proto__` survives.
 */
function inSchemaOrder(value: unknown, schema: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => inSchemaOrder(item, elementOf(schema)));
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value !== 'object' || value === null) return value;
  const shape = shapeOf(schema);
  const keys = Object.keys(value);
  const order = shape === undefined ? keys : orderedKeys(keys, Object.keys(shape));
  return Object.fromEntries(
    order
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [
        key,
        inSchemaOrder((value as Record<string, unknown>)[key], fieldSchema(shape, key)),
      ]),
  );
}

function orderedKeys(keys: readonly string[], schemaOrder: readonly string[]): string[] {
  const present = new Set(keys);
  const known = schemaOrder.filter((key) => present.has(key));
  const extra = keys.filter((key) => !schemaOrder.includes(key));
  return [...known, ...extra];
}

function fieldSchema(shape: Record<string, unknown> | undefined, key: string): unknown {
  return shape !== undefined && Object.hasOwn(shape, key) ? shape[key] : undefined;
}

function unwrap(schema: unknown): unknown {
  return schema instanceof z.ZodOptional ? schema.unwrap() : schema;
}

function elementOf(schema: unknown): unknown {
  const inner = unwrap(schema);
  return inner instanceof z.ZodArray ? inner.element : undefined;
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return undefined;
  return Object.fromEntries(Object.entries(inner.shape));
}
