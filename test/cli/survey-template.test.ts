/** `service-chain survey --template` and `--by` on the built binary. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-template-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const retail = example('retail.yaml');

describe('service-chain survey --template', () => {
  it('writes the blank survey to --out; filled in, survey reads it back', () => {
    const out = join(scratch, 'blank.csv');
    const written = runCli('survey', retail, '--template', '--respondents', '1', '--out', out);
    expect(written.status).toBe(0);
    const rows = parse(readFileSync(out, 'utf8')) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['from', 'to', 'handoff', 'respondent']);
    expect(rows).toHaveLength(1 + 20); // retail.yaml has 20 hand-offs
    const filled = rows.map((row, i) =>
      i === 1 ? [...row.slice(0, 4), '4', ...row.slice(5)] : row,
    );
    const back = join(scratch, 'filled.csv');
    writeFileSync(back, stringify(filled));
    const read = runCli('survey', retail, '--responses', back, '--format', 'json');
    expect(read.status).toBe(0);
    const json = JSON.parse(read.stdout);
    expect(json.unmatched).toEqual([]);
    expect(json.handoffs.map((h: { id: string }) => h.id)).toEqual([rows[1]![2]]);
  });

  it('exits 2 on a bad --respondents and refuses to write over the model file', () => {
    expect(runCli('survey', retail, '--template', '--respondents', '0').status).toBe(2);
    const over = runCli('survey', retail, '--template', '--out', retail);
    expect(over.status).toBe(1);
  });
});

describe('service-chain survey --by', () => {
  it('adds how colleagues see the warehouse; an unknown actor exits 1 with a suggestion', () => {
    const responses = example('retail-survey.csv');
    const result = runCli('survey', retail, '--responses', responses, '--by', 'warehouse');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^How colleagues see Warehouse$/m);
    const wrong = runCli('survey', retail, '--responses', responses, '--by', 'warehous');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('did you mean "warehouse"?');
  });
});
