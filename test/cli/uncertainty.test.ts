/** `service-chain analyze --uncertainty`, run as a user runs it: the built binary against the library. */
import { describe, expect, it } from 'vitest';
import { uncertainty } from '../../src/analysis/uncertainty.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { renderUncertainty } from '../../src/render/uncertainty-document.js';
import { example, runCli } from './cli-run.js';

const callCentre = example('call-centre.yaml');

describe('analyze --uncertainty', () => {
  it('adds the key `uncertainty` to the JSON, as the API computes it', async () => {
    const run = runCli(
      'analyze',
      callCentre,
      '--uncertainty',
      '--samples',
      '200',
      '--seed',
      '9',
      '-f',
      'json',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { model } = await loadModelFile(callCentre);
    const output = JSON.parse(run.stdout);
    expect(output.uncertainty).toEqual(uncertainty(model, { samples: 200, seed: 9 }));
    expect(output.uncertainty.score.low).toBeLessThan(output.uncertainty.score.high);
    expect(output.uncertainty.links[0].firstFix).toBeGreaterThan(0);
  });

  it('appends the uncertainty section to the text report, names not ids', async () => {
    const run = runCli('analyze', callCentre, '--uncertainty', '--samples', '100');
    expect(run.status).toBe(0);
    const { model } = await loadModelFile(callCentre);
    const section = renderUncertainty(uncertainty(model, { samples: 100 }), model, 'text');
    expect(run.stdout.trimEnd().endsWith(section.trimEnd())).toBe(true);
    expect(section).toContain('IT & CRM -> ');
    expect(section).not.toContain('crm->');
    expect(section).toContain('100 (seed 1), 4 estimates drawn');
  });

  it('adds the uncertainty section with its interval bars to the HTML report', () => {
    const run = runCli('analyze', callCentre, '--uncertainty', '--samples', '50', '-f', 'html');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<section id="sc-uncertainty">');
    expect(run.stdout).toContain('50 samples (seed 1), 4 estimates drawn.');
    expect(run.stdout.match(/<svg class="sc-interval"/g)!.length).toBeGreaterThan(8);
  });

  it.each([
    ['--samples', '0'],
    ['--samples', '2.5'],
    ['--seed', '-1'],
    ['--seed', '4294967296'],
  ])('rejects %s %s as a usage error', (flag, value) => {
    const run = runCli('analyze', callCentre, '--uncertainty', flag, value);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});
