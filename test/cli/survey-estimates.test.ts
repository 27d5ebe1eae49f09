/** `service-chain survey --estimates` on the built binary: the model written with quality estimates. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateSurvey } from '../../src/analysis/survey.js';
import { parseModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-survey-estimates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const retail = example('retail.yaml');
const responses = example('retail-survey.csv');

describe('service-chain survey --estimates', () => {
  it('writes each surveyed quality as { mean, sd }, editing only those hand-offs', async () => {
    const out = join(scratch, 'estimated.yaml');
    const run = runCli('survey', retail, '--responses', responses, '--estimates', '--out', out);
    expect(run.status).toBe(0);
    const { model } = await loadModelFile(retail);
    const expected = aggregateSurvey(model, readFileSync(responses, 'utf8'), { estimates: true });
    const written = readFileSync(out, 'utf8');
    expect(parseModel(written).model).toEqual(expected.model);
    expect(written).toContain(
      '- { from: warehouse, to: stores, carries: goods, quality: { mean: 0.5, sd: 0.086 }, weight: 2 }',
    );
    const before = readFileSync(retail, 'utf8').split('\n');
    const changed = written.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toHaveLength(3);
  });

  it('is a usage error without --out or --in-place', () => {
    const run = runCli('survey', retail, '--responses', responses, '--estimates');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: survey --estimates writes a model: say --out <file> or --in-place\n',
    );
  });
});
