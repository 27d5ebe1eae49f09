/**
 * `analyze --uncertainty --workers N` on the built binary (dist/cli.js with dist/cli-worker.js):
 * the same bytes in process and on one or two worker threads, on a model with loops and min /
 * product / geometric actors; a bad count is a usage error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { pointValue } from '../../src/model/estimates.js';
import { example, runCli } from './cli-run.js';

const generated = generateOrganisation({ actors: 200, customers: 5, seed: 4 });
const handoffs = (generated.handoffs ?? []).map((h) => {
  const q = pointValue(h.quality) ?? 1;
  const sd = Math.min(0.05, 0.5 * Math.sqrt(q * (1 - q)));
  return { ...h, quality: sd > 0 ? { mean: q, sd } : q };
});
const file = join(mkdtempSync(join(tmpdir(), 'sc-workers-')), 'org.json');
writeFileSync(file, JSON.stringify({ ...generated, handoffs }));

describe('analyze --uncertainty --workers', () => {
  it('writes the same bytes with 0, 1 and 2 workers', () => {
    const outputs = ['0', '1', '2'].map((workers) =>
      runCli(
        'analyze',
        file,
        '--uncertainty',
        '--samples',
        '40',
        '--workers',
        workers,
        '-f',
        'json',
      ),
    );
    for (const run of outputs) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    expect(JSON.parse(outputs[0]!.stdout).uncertainty.samples).toBe(40);
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout);
    expect(outputs[2]!.stdout).toBe(outputs[0]!.stdout);
  });

  it.each(['-1', '1.5', '257', 'many'])('rejects --workers %s as a usage error', (value) => {
    const run = runCli('analyze', example('call-centre.yaml'), '--uncertainty', '--workers', value);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});
