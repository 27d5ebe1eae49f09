/** `service-chain what-if` on the built binary: exit codes and outputs. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-what-if-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const retail = example('retail.yaml');

describe('service-chain what-if: bad input first', () => {
  it('exits 2 without a scenario or --set', () => {
    const result = runCli('what-if', retail);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('what-if needs --scenario <file> or at least one --set');
  });

  it('exits 2 on an unknown format', () => {
    expect(
      runCli('what-if', retail, '--set', 'dispatch.welfare=0.5', '--format', 'pdf').status,
    ).toBe(2);
  });

  it('exits 1 with every bad --set at once, with suggestions, and no stack trace', () => {
    const result = runCli(
      'what-if',
      retail,
      '--set',
      'warehouse->dispatchh.quality=0.4',
      '--set',
      'dispatch.wellfare=0.6',
      '--set',
      'dispatch.welfare=2',
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      '--set[0]: unknown hand-off, actor or customer "warehouse->dispatchh" (did you mean "warehouse->dispatch"?)',
      '--set[1]: an actor has no field "wellfare" (did you mean "welfare"?)',
      '--set dispatch.welfare: must be at most 1, got 2',
    ]);
  });

  it('exits 1 with the scenario file’s issues as path: message', () => {
    const file = join(scratch, 'bad.yaml');
    writeFileSync(file, 'changes:\n  - { handoff: warehouse->dispatchh, set: { quality: 0.9 } }\n');
    const result = runCli('what-if', retail, '--scenario', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'changes[0].handoff: unknown hand-off "warehouse->dispatchh" (did you mean "warehouse->dispatch"?)',
    );
  });
});

describe('service-chain what-if: names and hostile keys', () => {
  it('names a hand-off with an id of its own by from->to in --set and in a scenario', () => {
    const byPair = runCli(
      'what-if',
      retail,
      '--set',
      'call-centre->after-sales.quality=0.9',
      '--format',
      'json',
      '--no-rankings',
    );
    const byId = runCli(
      'what-if',
      retail,
      '--set',
      'fault-reports.quality=0.9',
      '--format',
      'json',
      '--no-rankings',
    );
    expect(byPair.status).toBe(0);
    expect(byPair.stdout).toBe(byId.stdout);
    const file = join(scratch, 'pair.yaml');
    writeFileSync(
      file,
      'changes:\n  - { handoff: call-centre->after-sales, set: { quality: 0.9 } }\n',
    );
    const fromFile = runCli(
      'what-if',
      retail,
      '--scenario',
      file,
      '--format',
      'json',
      '--no-rankings',
    );
    expect(JSON.parse(fromFile.stdout).score).toEqual(JSON.parse(byId.stdout).score);
  });

  it('exits 1 on __proto__ in set ratings instead of dropping it (S would rise silently)', () => {
    const file = join(scratch, 'proto.yaml');
    writeFileSync(
      file,
      'changes:\n  - { handoff: warehouse->dispatch, set: { ratings: { "__proto__": 3 } } }\n',
    );
    const result = runCli('what-if', retail, '--scenario', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'changes[0].set.ratings.__proto__: unknown dimension "__proto__"; add it to `dimensions` to use it',
    );
    const set = runCli('what-if', retail, '--set', 'warehouse->dispatch.ratings.__proto__=3');
    expect(set.status).toBe(1);
    expect(set.stderr).toContain(
      '--set warehouse->dispatch.ratings.__proto__: unknown dimension "__proto__"',
    );
  });

  it('reports a scenario syntax error with its line and column', () => {
    const file = join(scratch, 'broken.yaml');
    writeFileSync(file, 'changes:\n  - { handoff: warehouse->dispatch, set: { quality: 0.9 }\n');
    const result = runCli('what-if', retail, '--scenario', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/YAML syntax error at line \d+, column \d+/);
  });
});

describe('service-chain what-if', () => {
  it('prints S and the customers before and after a scenario file', () => {
    const result = runCli('what-if', retail, '--scenario', example('retail-scenario.yaml'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('What-if: Warehouse picking and call-centre staffing');
    expect(result.stdout).toContain('S: 0.470 -> 0.540 (+0.071) after 4 changes.');
    // How it was computed is not the client's business: no internal note.
    expect(result.stdout).not.toContain('Re-evaluated incrementally');
  });

  it('takes --set with hand-off ids holding "->" and nested fields, as JSON', () => {
    const result = runCli(
      'what-if',
      retail,
      '--set',
      'warehouse->dispatch.quality=0.95',
      '--set',
      'dispatch->online-shoppers.ratings.timeliness=5',
      '--format',
      'json',
      '--no-rankings',
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.scenario.changes).toBe(2);
    expect(json.rankingMoves).toBeNull();
    expect(json.score.after).toBeGreaterThan(json.score.before);
    const online = json.customers.find((c: { id: string }) => c.id === 'online-shoppers');
    expect(online.service.change).toBeGreaterThan(0);
  });

  it('writes Markdown to --out', () => {
    const out = join(scratch, 'what-if.md');
    const result = runCli(
      'what-if',
      retail,
      '--set',
      'call-centre.welfare=1',
      '--format',
      'markdown',
      '--out',
      out,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });
});
