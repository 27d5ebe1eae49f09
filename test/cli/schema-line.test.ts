/** `schema` shows the `$schema` line a model uses, and a model carrying that line validates. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaLines } from '../../src/cli/commands/schema.js';
import { modelJsonSchema } from '../../src/model/json-schema.js';
import { runCli } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'service-chain-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the $schema line', () => {
  it('is described, with an example, in the schema itself', () => {
    const properties = modelJsonSchema().properties as Record<string, Record<string, unknown>>;
    expect(properties['$schema']!['examples']).toEqual(['./model.schema.json']);
    expect(properties['$schema']!['description']).toContain('"$schema": "./model.schema.json"');
  });

  it('schema --out prints the JSON and YAML lines that point a model at the file', () => {
    const out = join(dir, 'model.schema.json');
    const result = runCli('schema', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`"$schema": ${JSON.stringify(out)},`);
    expect(result.stdout).toContain(`# yaml-language-server: $schema=${out}`);
  });

  it('a bare file name is shown as ./name, and the lines are in the help', () => {
    expect(schemaLines('model.schema.json')).toContain('"$schema": "./model.schema.json",');
    expect(schemaLines('https://example.org/s.json')).toContain(
      '$schema=https://example.org/s.json',
    );
    expect(runCli('schema', '--help').stdout).toContain(schemaLines('model.schema.json'));
  });

  it('a JSON model with that line, and a YAML one with the comment, validate', () => {
    const json = join(dir, 'm.json');
    writeFileSync(json, '{\n  "$schema": "./model.schema.json",\n  "version": 1\n}\n');
    const yaml = join(dir, 'm.yaml');
    writeFileSync(yaml, '# yaml-language-server: $schema=./model.schema.json\nversion: 1\n');
    for (const file of [json, yaml]) {
      const result = runCli('validate', file);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^ok: 0 actors/);
    }
  });
});
