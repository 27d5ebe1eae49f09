/** Warnings found in a YAML or JSON model file carry line and column, as errors do, in the CLI and the API. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, parseModel } from '../../src/index.js';
import { runCli } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'service-chain-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const YAML = `version: 1
departments:
  - id: desk
  - id: spare
customers:
  - id: shoppers
  - id: nobody
handoffs:
  - { from: desk, to: shoppers }
`;

const JSON_MODEL = `{
  "version": 1,
  "departments": [{ "id": "desk" }, { "id": "spare" }],
  "customers": [
    { "id": "shoppers" },
    { "id": "nobody" }
  ],
  "handoffs": [{ "from": "desk", "to": "shoppers" }]
}
`;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('warnings with line and column', () => {
  it('places model warnings of a YAML text in the API', () => {
    const { model, warnings } = parseModel(YAML);
    expect(warnings.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: 'customers[1]', line: 7, column: 5 },
      { path: 'departments[1]', line: 4, column: 5 },
    ]);
    // analyze() of the parsed model reports the same, placed, warnings.
    expect(analyze(model).warnings.filter((w) => w.line !== undefined)).toHaveLength(2);
  });

  it('places model warnings of a JSON text', () => {
    const { warnings } = parseModel(JSON_MODEL, { format: 'json' });
    expect(warnings.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: 'customers[1]', line: 6, column: 5 },
      { path: 'departments[1]', line: 3, column: 37 },
    ]);
  });

  it('validate prints the line and column of each warning', () => {
    const result = runCli('validate', file('m.yaml', YAML));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'warning: customers[1] (line 7, column 5): customer "nobody" receives no hand-off, so it is not scored',
    );
    expect(result.stdout).toContain('warning: departments[1] (line 4, column 5): ');
  });

  it('analyze prints them in its text report, for JSON files too', () => {
    const result = runCli('analyze', file('m.json', JSON_MODEL));
    expect(result.status).toBe(0);
    // The reader gets names and the place in the file; the model path is for the JSON.
    expect(result.stdout).toContain(
      '- customer "nobody" receives no hand-off, so it is not scored (line 6, column 5) (customer_unreached)',
    );
    expect(result.stdout).toMatch(
      /department "spare" gives and receives no hand-off \(line 3, column 37\)/,
    );
    expect(result.stdout).not.toContain('customers[1]');
  });
});
