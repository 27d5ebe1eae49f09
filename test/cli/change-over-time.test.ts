/** `diff`, `trend` and `dynamics` (and `analyze --dynamics`) on the built binary. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/load.js';
import { example, runCli } from './cli-run.js';

const q1 = example('waves/2026-q1.yaml');
const q2 = example('waves/2026-q2.yaml');
const q3 = example('waves/2026-q3.yaml');
const dir = mkdtempSync(join(tmpdir(), 'service-chain-time-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('service-chain diff', () => {
  it('JSON: score before and after, and the contributions add up to the change', () => {
    const result = runCli('diff', q1, q2, '--format', 'json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.attributionMethod.method).toBe('exact');
    const sum = json.attribution.reduce(
      (t: number, p: { contribution: number }) => t + p.contribution,
      0,
    );
    expect(Math.abs(sum - (json.score.after - json.score.before))).toBeLessThan(1e-12);
    expect(json.attribution.map((p: { change: { id: string } }) => p.change.id)).toEqual([
      'sewing',
      'web-shop',
    ]);
  });

  it('text: names, not ids, and the shares', () => {
    const result = runCli('diff', q1, q2);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('S: 0.412 -> 0.500 (+0.088).');
    expect(result.stdout).toContain('Sewing floor: welfare 0.550 -> 0.850');
    expect(result.stdout).toContain('Added customer Web shop customers (with 1 hand-off)');
  });

  it('sampled beyond --exact-limit, with the seed said', () => {
    const result = runCli(
      'diff',
      q2,
      q3,
      '--exact-limit',
      '0',
      '--orderings',
      '20',
      '--seed',
      '5',
      '-f',
      'markdown',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('estimated from 20 random orderings of the 3 changes (seed 5)');
  });

  it('HTML: one page, no script', () => {
    const result = runCli('diff', q1, q2, '--format', 'html');
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(result.stdout).not.toContain('<script');
  });

  it('a bad option is a usage error', () => {
    expect(runCli('diff', q1, q2, '--exact-limit', '21').status).toBe(2);
    expect(runCli('diff', q1).status).toBe(2);
  });
});

describe('service-chain trend', () => {
  it('a table per wave, and what is not in every wave', () => {
    const result = runCli('trend', q1, q2, q3);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/2026-q3 +0\.397 +-0\.103 +Despatch -> High-street retailers/);
    expect(result.stdout).toContain('Customers not in every wave: Web shop customers.');
  });

  it('SVG: one line per customer in every wave, and S', () => {
    const out = join(dir, 'trend.svg');
    expect(runCli('trend', q1, q2, q3, '-f', 'svg', '-o', out, '--width', '300').status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('width="300"');
    expect(svg.match(/<polyline/g)).toHaveLength(3);
  });

  it('needs two waves', () => {
    expect(runCli('trend', q1).status).toBe(2);
  });
});

describe('service-chain dynamics', () => {
  const factory = example('factory.yaml');

  it('--dynamics on the factory: the rest-room fix reaches shoppers on day 20, at the what-if figure', () => {
    const scenario = join(dir, 'fix.yaml');
    const fix = 'changes:\n  - { actor: sewing, set: { welfare: 0.85 } }\n';
    writeFileSync(scenario, fix);
    const result = runCli('analyze', factory, '--dynamics', scenario, '--format', 'json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    const whatIf = JSON.parse(runCli('what-if', factory, '-s', scenario, '-f', 'json').stdout);
    expect(json.score.daily.at(-1)).toBe(whatIf.score.after);
    const shoppers = json.customers.find((c: { id: string }) => c.id === 'shoppers');
    expect(shoppers.ninetyDay).toBe(20);
    expect(runCli('dynamics', factory, '--set', 'sewing.welfare=0.85').stdout).toContain(
      'The service settles on day 20',
    );
  });

  it('--breakdown: service-days lost', () => {
    const result = runCli('dynamics', factory, '--breakdown', 'sewing', '--for', '5');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Sewing floor fails for 5 days from day 0, then recovers.');
    expect(runCli('dynamics', factory, '--breakdown', 'sewing').status).toBe(2);
    expect(runCli('dynamics', factory, '--breakdown', 'nobody', '--for', '2').status).toBe(2);
  });
});

describe('examples/waves', () => {
  it('2026-q3.yaml is what survey --out writes from the Q2 model and the Q3 responses', () => {
    // The same model; the file is laid out by the formatter (biome) after survey wrote it.
    const out = join(dir, 'q3.yaml');
    const csv = example('waves/2026-q3-survey.csv');
    expect(runCli('survey', q2, '--responses', csv, '--out', out).status).toBe(0);
    expect(parseModel(readFileSync(out, 'utf8')).model).toEqual(
      parseModel(readFileSync(q3, 'utf8')).model,
    );
  });
});
