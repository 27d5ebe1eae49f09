/** `service-chain backups` on the built binary: the warehouse example, its candidates file, bad input. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-backups-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const warehouse = example('warehouse.yaml');

describe('service-chain backups: bad input first', () => {
  it('exits 2 on a quality outside 0..1 or a cost of 0', () => {
    expect(runCli('backups', warehouse, '--quality', '1.5').status).toBe(2);
    expect(runCli('backups', warehouse, '--quality', 'good').status).toBe(2);
    expect(
      runCli('backups', warehouse, '--candidates-out', join(scratch, 'x.yaml'), '--cost', '0')
        .status,
    ).toBe(2);
  });
  it('exits 1 on a missing model', () => {
    expect(runCli('backups', 'nope.yaml').status).toBe(1);
  });
});

describe('service-chain backups examples/warehouse.yaml', () => {
  const run = runCli('backups', warehouse, '--format', 'json');
  const result = JSON.parse(run.stdout);

  it('ranks the regional depot standing in for the single warehouse first', () => {
    expect(run.status).toBe(0);
    const [best] = result.backups;
    expect(best.protects).toEqual({ type: 'actor', id: 'warehouse' });
    expect(best.provider).toBe('depot');
    expect(best.protectedCustomers).toEqual(['shoppers', 'online-shoppers']);
    expect(best.handoffs.map((h: { id: string }) => h.id)).toEqual([
      'depot->stores',
      'depot->dispatch',
    ]);
  });

  it('gives the gain that what-if finds for the same changes', () => {
    const [best] = result.backups;
    const scenario = join(scratch, 'second-warehouse.json');
    writeFileSync(scenario, JSON.stringify({ changes: best.changes }));
    const whatIf = JSON.parse(
      runCli('what-if', warehouse, '--scenario', scenario, '-f', 'json').stdout,
    );
    expect(best.scoreGain).toBeGreaterThan(0.1);
    expect(best.scoreGain).toBeCloseTo(whatIf.score.after - whatIf.score.before, 12);
  });

  it('names the warehouse and its gain in the text output', () => {
    const text = runCli('backups', warehouse).stdout;
    expect(text).toContain(' 1  Central warehouse ');
    expect(text).toMatch(
      /Regional depot -> Town stores \(0\.800\), Regional depot -> Dispatch \(0\.750\)\s+\+0\.135/,
    );
  });

  it('writes a candidates file that plan weighs', () => {
    const file = join(scratch, 'backups.yaml');
    expect(runCli('backups', warehouse, '--candidates-out', file, '--cost', '5000').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('id: backup:depot:warehouse');
    const plan = runCli('plan', warehouse, '--candidates', file, '--budget', '5000', '-f', 'json');
    expect(plan.status).toBe(0);
    const picked = JSON.parse(plan.stdout).steps.map((s: { candidate: string }) => s.candidate);
    expect(picked).toEqual(['backup:depot:warehouse']);
  });
});

describe('service-chain analyze --spof-threshold', () => {
  it('lists more failures at a lower threshold, and rejects a share above 1', () => {
    const at = (share: string) =>
      JSON.parse(runCli('analyze', warehouse, '-f', 'json', '--spof-threshold', share).stdout);
    const count = (report: { customers: { failureAboveThreshold: unknown[] }[] }) =>
      report.customers.reduce((n, c) => n + c.failureAboveThreshold.length, 0);
    expect(count(at('0.1'))).toBeGreaterThan(count(at('0.9')));
    expect(runCli('analyze', warehouse, '--spof-threshold', '2').status).toBe(2);
  });
});

describe('service-chain analyze --format html', () => {
  it('draws the single warehouse dashed and lists the single points of failure', () => {
    const html = runCli('analyze', warehouse, '--format', 'html').stdout;
    const box = (title: string) =>
      new RegExp(`<g class="([^"]*)" data-key="[^"]+" tabindex="0"><title>${title}`).exec(
        html,
      )?.[1];
    expect(box('Central warehouse')).toContain('sc-spof');
    // Customers are not links: never marked.
    expect(box('Town shoppers')).not.toContain('sc-spof');
    expect(html).toContain(
      '<li><strong>Town shoppers</strong>: Buying, Central warehouse, Central warehouse → Town stores, Town stores, Town stores → Town shoppers</li>',
    );
  });
});
