/** `service-chain analyze`, run as a user runs it: the built binary (test/global-setup.ts builds it). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { loadModelFile } from '../../src/model/load-file.js';

const root = join(import.meta.dirname, '..', '..');
const retail = join(root, 'examples', 'retail.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'service-chain-analyze-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command and parses its JSON output, failing with stderr if it did not succeed. */
function jsonReport(...args: string[]) {
  const result = cli(...args);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** Lines of the text report's "Top links to fix" table body. */
function fixRows(text: string): string[] {
  const section = text.split('\nTop links to fix\n')[1] ?? '';
  const table = section.split('\n\n').find((part) => /^ *# {2}Link/.test(part)) ?? '';
  return table.split('\n').slice(2);
}

describe('service-chain analyze: bad input first', () => {
  it('exits 1 with the reason on stderr when the file does not exist', () => {
    const result = cli(join(scratch, 'missing.yaml'));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('missing.yaml');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with every issue as path: message when the model is invalid', () => {
    const file = join(scratch, 'invalid.yaml');
    writeFileSync(
      file,
      'version: 1\ndepartments: [{ id: dispatch }]\nhandoffs:\n  - { from: dispatch, to: dispatchh }\n  - { from: dispatch, to: dispatch }\n',
    );
    const result = cli(file);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('handoffs[0].to (line 4, column 27): ');
    expect(result.stderr).toContain('handoffs[1]');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['--top', '0'],
    ['--top', '-3'],
    ['--top', '1.5'],
    ['--top', 'ten'],
    ['--format', 'pdf'],
    ['--bogus', 'x'],
  ])('exits 2, a usage error, for %s %s', (option, value) => {
    const result = cli(retail, option, value);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('service-chain analyze examples/retail.yaml', () => {
  it('prints the text report by default', () => {
    const result = cli(retail);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Service chain analysis: High Street Retail\n=+\n/);
    for (const heading of ['Customers', 'Top links to fix', 'Cycles', 'Warnings']) {
      expect(result.stdout).toContain(`\n${heading}\n`);
    }
    expect(result.stdout).toContain('Organisation score S:');
    expect(result.stdout).not.toMatch(/NaN|Infinity/);
    expect(result.stdout).not.toContain('\u001b');
    expect(cli(retail, '--format', 'text').stdout).toBe(result.stdout);
  });

  it('caps the links to fix with --top', () => {
    const result = cli(retail, '--top', '2');
    expect(result.stderr).toBe('');
    const rows = fixRows(result.stdout);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^1 {2}/);
    expect(fixRows(cli(retail).stdout).length).toBeGreaterThan(2);
  });

  it('prints Markdown with --format markdown', () => {
    const result = cli(retail, '--format', 'markdown');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# Service chain analysis: High Street Retail\n/);
    expect(result.stdout).toContain('\n## Customers\n');
    expect(result.stdout).toContain('| Customer | Value |');
  });

  it('prints the API report object itself with --format json, byte for byte the same each run', async () => {
    const first = cli(retail, '--format', 'json');
    expect(first.status, first.stderr).toBe(0);
    expect(cli(retail, '--format', 'json').stdout).toBe(first.stdout);
    const { model } = await loadModelFile(retail);
    expect(first.stdout).toBe(`${JSON.stringify(analyze(model), null, 2)}\n`);
  });

  it('gives the JSON report exactly the keys of docs/model.md, "What each report field means to a consultant", plus rankings and the headline', () => {
    const report = jsonReport(retail, '--format', 'json');
    expect(Object.keys(report)).toEqual([
      'model',
      'score',
      'customers',
      'actors',
      'handoffs',
      'cycles',
      'warnings',
      'rankings',
      'headline',
    ]);
    expect(Object.keys(report.model).sort()).toEqual(['actors', 'customers', 'handoffs', 'name']);
    expect(Object.keys(report.customers[0]).sort()).toEqual(
      [
        ...['id', 'name', 'segment', 'value', 'service', 'chainStrength', 'weakestLink', 'chain'],
        ...['singlePointsOfFailure', 'failureAboveThreshold'],
      ].sort(),
    );
    expect(Object.keys(report.actors[0]).sort()).toEqual(
      [
        'id',
        'name',
        'kind',
        'service',
        'chainStrength',
        'sensitivity',
        'fixGain',
        'failureLoss',
        'customersReached',
        'handoffsToCustomer',
        'weakestFor',
      ].sort(),
    );
    expect(Object.keys(report.handoffs[0]).sort()).toEqual(
      [
        'id',
        'from',
        'to',
        'quality',
        'received',
        'sensitivity',
        'fixGain',
        'failureLoss',
        'weakestFor',
      ].sort(),
    );
    expect(Object.keys(report.cycles[0]).sort()).toEqual(['converged', 'iterations', 'nodes']);
    expect(Object.keys(report.rankings).sort()).toEqual(['byCustomer', 'overall']);
  });

  it('keeps --top in the JSON rankings', () => {
    const report = jsonReport(retail, '--format', 'json', '--top', '1');
    expect(report.rankings.overall.fixGain).toHaveLength(1);
  });

  it('prints a self-contained HTML page with --format html', () => {
    const result = cli(retail, '--format', 'html');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/i);
    expect(result.stdout).toContain('</html>');
  });

  it('writes the report to --out instead of stdout', () => {
    const out = join(scratch, 'report.md');
    const result = cli(retail, '--format', 'markdown', '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(cli(retail, '--format', 'markdown').stdout);
  });
});
