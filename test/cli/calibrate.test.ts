/** `service-chain calibrate` on the built binary: outputs as the API gives them, the written model, errors. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/analysis/calibrate.js';
import { parseModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { renderCalibration } from '../../src/render/calibrate-document.js';
import { example, root, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-calibrate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const callCentre = example('call-centre.yaml');

describe('service-chain calibrate', () => {
  it('prints the JSON the API gives, less the model', async () => {
    const run = runCli('calibrate', callCentre, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { model } = await loadModelFile(callCentre);
    const { model: _, ...summary } = calibrate(model);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(summary.objective.after).toBeLessThan(summary.objective.before);
  });

  it('prints the text document by name, with what the evidence implicates', async () => {
    const run = runCli('calibrate', callCentre, '--free', 'sales-desk->prospects', '--free', 'crm');
    expect(run.status).toBe(0);
    const { model } = await loadModelFile(callCentre);
    const result = calibrate(model, { free: ['sales-desk->prospects', 'crm'] });
    expect(run.stdout).toBe(renderCalibration(result, model, 'text'));
    expect(run.stdout).toContain(
      "Quote requests' low score is best explained by Sales & service desk -> Quote requests falling from 0.850 to",
    );
    expect(run.stdout).not.toContain('sales-desk->');
  });

  it('writes the calibrated model with --out, editing only the fitted values', async () => {
    const out = join(scratch, 'calibrated.yaml');
    const run = runCli('calibrate', callCentre, '--out', out, '--format', 'markdown');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('## What the evidence implicates');
    const { model } = await loadModelFile(callCentre);
    const written = readFileSync(out, 'utf8');
    expect(parseModel(written).model).toEqual(calibrate(model).model);
    const before = readFileSync(callCentre, 'utf8').split('\n');
    const after = written.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    expect(changed).toHaveLength(4);
    expect(after[changed[0]!]).toContain('performance: { mean: 0.8733, sd: 0.05 }');
  });

  it('refuses to write over the model without --in-place, and rewrites it with', async () => {
    const copy = join(scratch, 'model.yaml');
    copyFileSync(callCentre, copy);
    const refused = runCli('calibrate', copy, '--out', copy);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('say --in-place to rewrite the model');
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(callCentre, 'utf8'));
    expect(runCli('calibrate', copy, '--in-place').status).toBe(0);
    const { model } = await loadModelFile(callCentre);
    expect(parseModel(readFileSync(copy, 'utf8')).model).toEqual(calibrate(model).model);
  });

  it('an unknown --free is an error with a suggestion; a bad --max-steps a usage error', () => {
    const unknown = runCli('calibrate', callCentre, '--free', 'knowlege');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      'options.free[0]: unknown hand-off or actor "knowlege" (did you mean "knowledge"?)\n',
    );
    expect(runCli('calibrate', callCentre, '--max-steps', '0').status).toBe(2);
    expect(runCli('calibrate', callCentre, '--format', 'csv').status).toBe(2);
  });

  it('prints the head docs/cli.md quotes', () => {
    const command = '$ service-chain calibrate examples/call-centre.yaml --out calibrated.yaml\n';
    const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
    const start = doc.indexOf(command) + command.length;
    expect(start).toBeGreaterThan(command.length);
    const shown = doc.slice(start, doc.indexOf('...\n', start));
    const run = runCli('calibrate', callCentre);
    expect(run.stdout.startsWith(shown)).toBe(true);
    expect(shown.split('\n').length).toBeGreaterThan(8);
  });
});
