/**
 * `analyze --format json` is streamed: the bytes written are JSON.stringify's of the in-memory
 * output object, indented by default on small models (and with --pretty), compact with --no-pretty
 * and by default for big models written to a file or pipe (more than PRETTY_JSON_LINKS links).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeWithMoney } from '../../src/analysis/analyze.js';
import {
  analysisOutput,
  analysisViews,
  jsonIndent,
  PRETTY_JSON_LINKS,
} from '../../src/cli/commands/analyze.js';
import { parseModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-json-stream-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const callCentre = example('call-centre.yaml');
const model = parseModel(readFileSync(callCentre, 'utf8'), { format: 'yaml' }).model;
const { report, money } = analyzeWithMoney(model);
const output = analysisOutput(
  report,
  analysisViews(report, model, { format: 'json', money: true }, money),
);

function run(...args: string[]): string {
  const result = runCli('analyze', ...args);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('analyze --format json, streamed', () => {
  it('writes JSON.stringify(output, null, 2) on a small model, and with --pretty', () => {
    const pretty = `${JSON.stringify(output, null, 2)}\n`;
    expect(run(callCentre, '--money', '--format', 'json')).toBe(pretty);
    expect(run(callCentre, '--money', '--format', 'json', '--pretty')).toBe(pretty);
  });

  it('writes compact JSON with --no-pretty, to stdout and to --out', () => {
    const compact = `${JSON.stringify(output)}\n`;
    expect(run(callCentre, '--money', '--format', 'json', '--no-pretty')).toBe(compact);
    const out = join(scratch, 'report.json');
    run(callCentre, '--money', '--format', 'json', '--no-pretty', '--out', out);
    expect(readFileSync(out, 'utf8')).toBe(compact);
  });

  it('is compact by default for a big model written to a file, indented on a terminal', () => {
    const actors = Array.from({ length: PRETTY_JSON_LINKS / 2 + 1 }, (_, i) => ({ id: `e${i}` }));
    const big: Model = {
      version: 1,
      employees: actors,
      customers: [{ id: 'c' }],
      handoffs: actors.map((a) => ({ from: a.id, to: 'c', quality: 0.9 })),
    };
    const file = join(scratch, 'big.json');
    writeFileSync(file, JSON.stringify(big));
    const out = join(scratch, 'big-report.json');
    run(file, '--format', 'json', '--top', '2', '--out', out);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\n  ');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
    const bigReport = JSON.parse(text);
    expect(jsonIndent(bigReport, { out })).toBe(0);
    expect(jsonIndent(bigReport, {}, true)).toBe(2);
    expect(jsonIndent(bigReport, { pretty: true, out })).toBe(2);
    expect(jsonIndent(report, { out })).toBe(2);
  });

  it('says where it cannot write', () => {
    const result = runCli(
      'analyze',
      callCentre,
      '--format',
      'json',
      '--out',
      join(scratch, 'no', 'such', 'dir.json'),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot write');
    expect(result.stderr).toContain('ENOENT');
  });
});
