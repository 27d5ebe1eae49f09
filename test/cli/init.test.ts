import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STARTER, STARTER_NAMES } from '../../src/cli/starters.js';
import { parseModel } from '../../src/model/load.js';

const root = join(import.meta.dirname, '..', '..');
const templates = ['retail', 'hospital', 'college', 'factory', 'call-centre'];

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'service-chain-init-'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

/**
 * Runs the built CLI (test/global-setup.ts builds dist/) in a scratch directory that holds no
 * examples: `init` finds the examples beside dist/, where the package ships them.
 */
function init(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'init', ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function written(file: string): string {
  return readFileSync(join(cwd, file), 'utf8');
}

/** An example model's text: what the package ships and `init` copies. */
function exampleText(name: string): string {
  return readFileSync(join(root, 'examples', `${name}.yaml`), 'utf8');
}

describe('STARTER_NAMES', () => {
  it('offers shipped examples only, the default first', () => {
    for (const name of STARTER_NAMES)
      expect(existsSync(join(root, 'examples', `${name}.yaml`))).toBe(true);
    expect(STARTER_NAMES[0]).toBe(DEFAULT_STARTER);
  });

  it.each(STARTER_NAMES)('%s is a valid model', (name) => {
    expect(() => parseModel(exampleText(name))).not.toThrow();
  });
});

describe('service-chain init', () => {
  it('writes the retail starter to service-chain.yaml by default', () => {
    const result = init();
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toBe(
      'wrote service-chain.yaml (the retail starter); next: service-chain analyze service-chain.yaml\n',
    );
    expect(written('service-chain.yaml')).toBe(exampleText('retail'));
  });

  it.each(templates)('writes the %s starter to --out', (name) => {
    const result = init(name, '--out', 'model.yaml');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toBe(
      `wrote model.yaml (the ${name} starter); next: service-chain analyze model.yaml\n`,
    );
    expect(written('model.yaml')).toBe(exampleText(name));
  });

  it('takes -o for --out', () => {
    expect(init('college', '-o', 'college.yml').status).toBe(0);
    expect(written('college.yml')).toBe(exampleText('college'));
  });

  it('refuses to overwrite an existing file: exit 1, the file untouched', () => {
    writeFileSync(join(cwd, 'service-chain.yaml'), 'my work\n');
    const result = init('college');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'service-chain.yaml already exists; init never overwrites a file: remove it or choose another name with --out\n',
    );
    expect(written('service-chain.yaml')).toBe('my work\n');
  });

  it('rejects an unknown template as a usage error listing the templates (exit 2)', () => {
    const result = init('garage');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("'garage'");
    expect(result.stderr).toContain('retail, hospital, college, factory, call-centre');
    expect(existsSync(join(cwd, 'service-chain.yaml'))).toBe(false);
  });

  it('creates a missing directory for --out', () => {
    const result = init('retail', '--out', join('sub', 'dir', 'model.yaml'));
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'sub', 'dir', 'model.yaml'), 'utf8')).toBe(exampleText('retail'));
  });

  it('reports a file it cannot write in one line, exit 1 (not a usage error)', () => {
    writeFileSync(join(cwd, 'plain-file'), 'x');
    const result = init('retail', '--out', join('plain-file', 'model.yaml'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'error: cannot create the directory "plain-file" for "plain-file/model.yaml" (a file is in the way)\n',
    );
  });
});
