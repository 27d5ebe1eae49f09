/** docs/model.schema.json is the schema `service-chain schema` prints, and it accepts the examples. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from '../../src/model/json-schema.js';

const root = join(import.meta.dirname, '..', '..');

describe('modelJsonSchema', () => {
  it('is in sync with docs/model.schema.json (regenerate: node dist/cli.js schema -o docs/model.schema.json)', () => {
    const committed = readFileSync(join(root, 'docs', 'model.schema.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
  });

  it('describes the input shape with every top-level key and no extra keys', () => {
    const schema = modelJsonSchema();
    expect(schema.title).toBe('service-chain model');
    expect(Object.keys(schema.properties as object)).toEqual([
      '$schema',
      'version',
      'name',
      'description',
      'currency',
      'scale',
      'dimensions',
      'defaults',
      'departments',
      'employees',
      'customers',
      'handoffs',
      'groups',
      'observations',
    ]);
    expect(schema.required).toEqual(['version']);
    expect(schema.additionalProperties).toBe(false);
  });
});
