/** `service-chain survey` on the built binary: exit codes, outputs and the updated model. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/load.js';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-survey-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const retail = example('retail.yaml');
const responses = example('retail-survey.csv');

describe('service-chain survey: bad input first', () => {
  it('exits 2 without --responses or with a bad --min-respondents', () => {
    expect(runCli('survey', retail).status).toBe(2);
    expect(
      runCli('survey', retail, '--responses', responses, '--min-respondents', '0').status,
    ).toBe(2);
  });

  it('exits 1 with every score outside the scale, by CSV line', () => {
    const file = join(scratch, 'bad.csv');
    writeFileSync(file, 'from,to,timeliness\nwarehouse,stores,7\nwarehouse,stores,0\n');
    const result = runCli('survey', retail, '--responses', file);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'line 2.timeliness: score 7 is outside the scale 1 to 5',
      'line 3.timeliness: score 0 is outside the scale 1 to 5',
    ]);
  });
});

describe('service-chain survey', () => {
  it('prints the aggregates, the unrated hand-offs and the unmatched rows', () => {
    const result = runCli('survey', retail, '--responses', responses);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Dispatch -> Online shoppers            3    0.560');
    expect(result.stdout).toContain('  10  no hand-off from "warehouse" to "shoppers"');
    expect(result.stdout).toContain(
      '- hand-off Warehouse -> Stores has 2 respondents, fewer than 3 (few_respondents)',
    );
  });

  it('writes the model with the mean ratings to --out, and it loads', () => {
    const out = join(scratch, 'surveyed.yaml');
    const result = runCli(
      'survey',
      retail,
      '--responses',
      responses,
      '--out',
      out,
      '--format',
      'json',
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).handoffs).toHaveLength(3);
    const { model } = parseModel(readFileSync(out, 'utf8'));
    const stores = model.handoffs!.find((h) => h.from === 'warehouse' && h.to === 'stores')!;
    expect(stores.quality).toBeUndefined();
    expect(stores.ratings).toEqual({
      reliability: 3.5,
      accuracy: 3,
      timeliness: 2.5,
      communication: 3,
    });
  });
});
