/** `service-chain plan` on the built binary: exit codes and outputs. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-plan-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const factory = example('factory.yaml');
const candidates = example('factory-candidates.yaml');

describe('service-chain plan: bad input first', () => {
  it('exits 2 without --candidates or with a bad --budget', () => {
    expect(runCli('plan', factory).status).toBe(2);
    expect(runCli('plan', factory, '--candidates', candidates, '--budget', '-5').status).toBe(2);
    expect(runCli('plan', factory, '--candidates', candidates, '--budget', 'lots').status).toBe(2);
  });

  it('exits 1 when the candidates file is missing', () => {
    const result = runCli('plan', factory, '--candidates', 'nope.yaml', '--budget', '10');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot read "nope.yaml"');
  });
});

describe('service-chain plan: every problem of a candidates file at once', () => {
  it('lists a bad budget and the candidates’ own mistakes together, exit 1', () => {
    const file = join(scratch, 'bad.yaml');
    writeFileSync(
      file,
      [
        'budget: lots',
        'candidates:',
        '  - { id: x, cost: 1, changes: [{ actor: sewingg, set: { welfare: 0.9 } }] }',
        '',
      ].join('\n'),
    );
    const result = runCli('plan', factory, '--candidates', file);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.some((line) => line.startsWith('budget: '))).toBe(true);
    expect(lines).toContain(
      'candidates[0].changes[0].actor: unknown actor "sewingg" (did you mean "sewing"?)',
    );
  });
});

describe('service-chain plan', () => {
  it('picks the rest rooms and pay phone first (budget from the file)', () => {
    const result = runCli('plan', factory, '--candidates', candidates);
    expect(result.status).toBe(0);
    const firstStep = result.stdout.split('\n').find((line) => /^\s+1\s/.test(line));
    expect(firstStep).toContain('rest-rooms-and-phone');
    expect(result.stdout).toContain('over budget: costs 12,000 with 300 left');
    expect(result.stdout).toMatch(/^Method: +exact: best of 2\^4 = 16 combinations/m);
  });

  it('prints JSON with the steps, the money left and what was not taken', () => {
    const result = runCli(
      'plan',
      factory,
      '--candidates',
      candidates,
      '--budget',
      '400',
      '--format',
      'json',
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.steps.map((s: { candidate: string }) => s.candidate)).toEqual([
      'rest-rooms-and-phone',
    ]);
    expect(json.moneyLeft).toBe(0);
    expect(json.model).toBeUndefined();
    expect(json.notTaken.map((n: { reason: string }) => n.reason)).toEqual([
      'over_budget',
      'over_budget',
      'over_budget',
    ]);
  });
});

describe('service-chain plan --objective', () => {
  const callCentre = example('call-centre.yaml');
  const remedies = example('call-centre-candidates.yaml');

  it('exits 2 on an unknown objective', () => {
    const result = runCli('plan', callCentre, '--candidates', remedies, '--objective', 'profit');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expected one of score, money');
  });

  it('plans by money (the file says so): the recovery program first, money at risk shown', () => {
    const result = runCli('plan', callCentre, '--candidates', remedies);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Objective: +money \(money at risk saved a year per unit of cost\)$/m,
    );
    expect(result.stdout).toMatch(/^Money at risk a year: +4,751,362 -> /m);
    const firstStep = result.stdout.split('\n').find((line) => /^\s+1\s/.test(line));
    expect(firstStep).toContain('recovery-program');
  });

  it('lets --objective score override the file: then the recovery program is never picked', () => {
    const result = runCli(
      'plan',
      callCentre,
      '--candidates',
      remedies,
      '--objective',
      'score',
      '--format',
      'json',
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.objective).toBe('score');
    expect(json.steps.map((s: { candidate: string }) => s.candidate)).not.toContain(
      'recovery-program',
    );
  });
});

describe('service-chain plan --auto', () => {
  it('plans over every weak link at 1 each: the sewing floor’s welfare first', () => {
    const result = runCli('plan', factory, '--auto', '--budget', '1', '--format', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).steps.map((s: { candidate: string }) => s.candidate)).toEqual([
      'sewing.welfare',
    ]);
  });

  it('exits 2 with both --auto and --candidates, or neither', () => {
    expect(runCli('plan', factory, '--auto', '--candidates', candidates, '-b', '1').status).toBe(2);
    expect(runCli('plan', factory, '-b', '1').status).toBe(2);
  });
});
