/**
 * `analyze --workers N` on the built binary (dist/cli.js with dist/cli-worker.js): the impact
 * pass's traversals on 0 (in process), 1, 2 or 3 worker threads give the same report bytes, on
 * the bench's mixed organisation of 2,000 actors and on one with large cycles (hand-offs back from
 * the last layers to the first).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { runCli } from './cli-run.js';

const folder = mkdtempSync(join(tmpdir(), 'sc-impact-workers-'));

function written(name: string, model: object): string {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(model));
  return file;
}

const mixed = written('mixed.json', generateOrganisation({ actors: 2000 }));

const layered = generateOrganisation({ actors: 400, customers: 8, seed: 7 });
const ids = [...(layered.departments ?? []), ...(layered.employees ?? [])].map((a) => a.id);
const back = Array.from({ length: 6 }, (_, i) => ({
  from: ids[ids.length - 1 - 37 * i]!,
  to: ids[3 * i]!,
  quality: 0.9,
}));
const cycles = written('cycles.json', {
  ...layered,
  handoffs: [...(layered.handoffs ?? []), ...back],
});

/** The JSON report (written to a file: megabytes) with each worker count; every run is quiet. */
function reports(file: string): string[] {
  return ['0', '1', '2', '3'].map((workers) => {
    const out = `${file}.${workers}.report.json`;
    const run = runCli('analyze', file, '--workers', workers, '-f', 'json', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return readFileSync(out, 'utf8');
  });
}

describe('analyze --workers: the impact pass on worker threads', () => {
  it('writes the same bytes with 0, 1, 2 and 3 workers (mixed, 2,000 actors)', () => {
    const [alone, ...spread] = reports(mixed);
    expect(JSON.parse(alone!).handoffs.length).toBeGreaterThan(9000);
    for (const output of spread) expect(output).toBe(alone);
  });

  it('writes the same bytes with 0, 1, 2 and 3 workers (large cycles)', () => {
    const [alone, ...spread] = reports(cycles);
    const largest = Math.max(
      ...JSON.parse(alone!).cycles.map((c: { nodes: string[] }) => c.nodes.length),
    );
    expect(largest).toBeGreaterThan(20);
    for (const output of spread) expect(output).toBe(alone);
  });
});
