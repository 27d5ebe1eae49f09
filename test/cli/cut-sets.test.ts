/** `analyze --cut-sets 2` on the built binary: the section, the JSON key, bad values. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, root, runCli } from './cli-run.js';

const warehouse = example('warehouse.yaml');

describe('analyze --cut-sets', () => {
  it('adds the pairs that fail together to the text report', () => {
    const run = runCli('analyze', warehouse, '--cut-sets', '2');
    expect(run.status).toBe(0);
    // The two suppliers feed the one warehouse: losing both hand-offs into it cuts the town off.
    expect(run.stdout).toMatch(
      /Pairs that fail together\n-+\n[^\n]*\n\n- Town shoppers: [^\n]*Northern Foods -> Central warehouse \+ Valley Produce -> Central warehouse\n/,
    );
    expect(runCli('analyze', warehouse).stdout).not.toContain('Pairs that fail together');
  });

  it('puts cutSetsOfTwo next to singlePointsOfFailure in the JSON, for the top customers only', () => {
    const run = runCli('analyze', warehouse, '--cut-sets', '2', '--format', 'json');
    expect(run.status).toBe(0);
    const customers = JSON.parse(run.stdout).customers as Record<string, unknown>[];
    const searched = customers.filter((c) => 'cutSetsOfTwo' in c);
    expect(searched).toHaveLength(3);
    for (const customer of searched) {
      const keys = Object.keys(customer);
      expect(keys.indexOf('cutSetsOfTwo')).toBe(keys.indexOf('failureAboveThreshold') + 1);
    }
    const town = customers.find((c) => c.id === 'shoppers')!;
    expect(town.cutSetsOfTwo).toMatchObject({ complete: true });
    expect((town.cutSetsOfTwo as { pairs: unknown[] }).pairs).toContainEqual([
      { type: 'handoff', id: 'supplier-a->warehouse', from: 'supplier-a', to: 'warehouse' },
      { type: 'handoff', id: 'supplier-b->warehouse', from: 'supplier-b', to: 'warehouse' },
    ]);
  });

  it('takes 1 or 2; anything else is a usage error', () => {
    for (const bad of ['3', '0', 'two', '2.0']) {
      const run = runCli('analyze', warehouse, '--cut-sets', bad);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('It must be 1 (single points only) or 2 (pairs of links too).');
    }
    expect(runCli('analyze', warehouse, '--cut-sets', '1').status).toBe(0);
  });
});

describe('docs/model.md, "Cut sets of order 2"', () => {
  it('quotes the real section of the worked example', () => {
    const doc = readFileSync(join(root, 'docs', 'model.md'), 'utf8');
    const yaml = doc.match(/```yaml\n# worked-example: cut-sets\n([\s\S]*?)```/)![1]!;
    const quoted = doc.match(/```text\n(Pairs that fail together\n[\s\S]*?)\n```/)![1]!;
    const dir = mkdtempSync(join(tmpdir(), 'service-chain-cut-sets-'));
    try {
      const file = join(dir, 'one-warehouse.yaml');
      writeFileSync(file, yaml);
      const run = runCli('analyze', file, '--cut-sets', '2');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`\n${quoted}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
