/**
 * `service-chain explore`, run as a user runs it: the built binary writes the library's page, the
 * same bytes as `analyze --format html` (the report carries the explorer).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { toExplorer } from '../../src/render/explorer/explorer.js';
import { example, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-explore-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('service-chain explore', () => {
  it('writes the library’s page to --out, with one pinned script', async () => {
    const out = join(scratch, 'sub', 'retail.html');
    const run = runCli('explore', example('retail.yaml'), '--out', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const { model } = await loadModelFile(example('retail.yaml'));
    const html = readFileSync(out, 'utf8');
    expect(html).toBe(toExplorer(analyze(model), model));
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('is `analyze --format html`, byte for byte, in another process', () => {
    const explore = runCli('explore', example('retail.yaml'));
    const analyze = runCli('analyze', example('retail.yaml'), '--format', 'html');
    expect(explore.status).toBe(0);
    expect(analyze.status).toBe(0);
    expect(explore.stdout).toContain('id="sc-explore"');
    expect(explore.stdout).toBe(analyze.stdout);
  });

  it('says what is wrong with a bad model, exit 1, and writes nothing', () => {
    const bad = join(scratch, 'bad.json');
    const out = join(scratch, 'bad.html');
    writeFileSync(bad, '{"version": 1, "handoffs": [{"from": "a", "to": "b"}]}');
    const run = runCli('explore', bad, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown node "a"');
    expect(() => readFileSync(out)).toThrow();
  });
});
