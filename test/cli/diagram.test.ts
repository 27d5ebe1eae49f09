/** `service-chain diagram`, run as a user runs it: the built binary (test/global-setup.ts builds it). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { toDot } from '../../src/render/dot.js';
import { toMermaid } from '../../src/render/mermaid.js';
import { toSvg } from '../../src/render/svg.js';

const root = join(import.meta.dirname, '..', '..');
const retail = join(root, 'examples', 'retail.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'service-chain-diagram-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'diagram', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('service-chain diagram', () => {
  it('exits 2 on an unknown format or level, 1 on a missing file', () => {
    const format = cli(retail, '--format', 'png');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('expected one of mermaid, dot, svg');
    expect(cli(retail, '--level', 'team').status).toBe(2);
    const missing = cli(join(scratch, 'missing.yaml'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints what the library renders: Mermaid by default, DOT, SVG at department level', async () => {
    const { model } = await loadModelFile(retail);
    const report = analyze(model);
    expect(cli(retail).stdout).toBe(toMermaid(report, model));
    expect(cli(retail, '--format', 'dot').stdout).toBe(toDot(report, model));
    const out = join(scratch, 'retail.svg');
    const written = cli(retail, '--format', 'svg', '--level', 'department', '--out', out);
    expect(written).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(toSvg(report, model, { level: 'department' }));
  });
});
