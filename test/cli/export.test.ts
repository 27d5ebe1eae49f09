/** `service-chain export` on the built binary: exit codes and outputs. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { toGexf, toGraphml } from '../../src/render/export.js';
import { example, root, runCli } from './cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'service-chain-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const retail = example('retail.yaml');

describe('service-chain export: bad input first', () => {
  it('exits 2 without --format or with an unknown one', () => {
    expect(runCli('export', retail).status).toBe(2);
    expect(runCli('export', retail, '--format', 'svg').status).toBe(2);
  });

  it('exits 1 on a missing model', () => {
    expect(runCli('export', 'missing.yaml', '--format', 'gexf').status).toBe(1);
  });
});

describe('service-chain export', () => {
  it('writes GEXF to stdout', () => {
    const result = runCli('export', retail, '--format', 'gexf');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<gexf version="1.3"');
    expect(result.stdout).toContain('<attribute id="fixGain" title="fixGain" type="double"/>');
  });

  it('prints what the library writes, byte for byte, in another process', async () => {
    const { model } = await loadModelFile(retail);
    const report = analyze(model);
    expect(runCli('export', retail, '--format', 'gexf').stdout).toBe(toGexf(report, model));
    expect(runCli('export', retail, '--format', 'graphml').stdout).toBe(toGraphml(report, model));
  });

  it('writes GraphML to --out', () => {
    const out = join(scratch, 'retail.graphml');
    const result = runCli('export', retail, '--format', 'graphml', '--out', out);
    expect(result.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(
      '<edge id="warehouse-&gt;dispatch" source="warehouse" target="dispatch">',
    );
    expect(text.match(/<edge /g)).toHaveLength(20);
  });
});

describe('service-chain export: ids named like Object.prototype members', () => {
  const file = join(scratch, 'hostile.json');
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      departments: [{ id: '__proto__' }, { id: 'constructor' }],
      customers: [{ id: 'toString' }],
      handoffs: [
        { from: '__proto__', to: 'constructor', quality: 0.5 },
        { from: 'constructor', to: 'toString', quality: 0.8 },
      ],
    }),
  );

  it.each(['gexf', 'graphml'])('%s names every node and hand-off by its model id', (format) => {
    const result = runCli('export', file, '--format', format);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/<node id="[^"]*"/g)).toEqual([
      '<node id="__proto__"',
      '<node id="constructor"',
      '<node id="toString"',
    ]);
    expect(result.stdout).toContain(
      'id="__proto__-&gt;constructor" source="__proto__" target="constructor"',
    );
    expect(result.stdout).toContain(
      'id="constructor-&gt;toString" source="constructor" target="toString"',
    );
  });
});

describe('docs/cli.md', () => {
  it('shows the head of the GEXF the CLI writes', () => {
    const command = '$ service-chain export examples/retail.yaml --format gexf | head -n 24\n';
    const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
    const start = doc.indexOf(command) + command.length;
    const shown = doc.slice(start, doc.indexOf('```', start));
    const head = runCli('export', retail, '--format', 'gexf').stdout.split('\n').slice(0, 24);
    expect(shown).toBe(`${head.join('\n')}\n`);
  });
});
