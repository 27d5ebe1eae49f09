/** The built CLI (`node dist/cli.js`, built by test/global-setup.ts): validate, schema, usage errors. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'service-chain-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built binary from the repository root and collects its exit code and output. */
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [cli, ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('service-chain validate', () => {
  it('prints the summary of a valid model and exits 0', async () => {
    expect(await run('validate', 'examples/retail.yaml')).toEqual({
      code: 0,
      stdout: 'ok: 10 actors, 7 customers, 20 hand-offs\n',
      stderr: '',
    });
  });

  it('prints warnings after the summary', async () => {
    const path = file(
      'warn.yaml',
      'version: 1\ndepartments: [{ id: a }]\ncustomers: [{ id: c }]\n',
    );
    expect(await run('validate', path)).toEqual({
      code: 0,
      stdout: [
        'ok: 1 actor, 1 customer, 0 hand-offs',
        'warning: customers[0] (line 3, column 13): customer "c" receives no hand-off, so it is not scored',
        'warning: departments[0] (line 2, column 15): department "a" gives and receives no hand-off',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('prints every error as `path: message` on stderr and exits 1', async () => {
    const path = file(
      'bad.yaml',
      [
        'version: 1',
        'departments: [{ id: dispatch }, { id: warehouse, performance: 2 }]',
        'customers: [{ id: shoppers }]',
        'handoffs:',
        '  - { from: warehouse, to: dispatch }',
        '  - { from: dispatch, to: shoppers }',
        '  - { from: warehouse, to: shoppers, colour: red }',
        '  - { from: warehouse, to: dispatchh }',
      ].join('\n'),
    );
    expect(await run('validate', path)).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'departments[1].performance (line 2, column 63): must be at most 1, got 2',
        'handoffs[2].colour (line 7, column 38): unknown key "colour"',
        'handoffs[3].to (line 8, column 28): unknown node "dispatchh" (did you mean "dispatch"?)',
        '',
      ].join('\n'),
    });
  });

  it('prefixes whole-file errors with the file name', async () => {
    const empty = file('empty.yaml', '');
    expect(await run('validate', empty)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${empty}: the model is empty: a model needs at least \`version: 1\`\n`,
    });
    const broken = file('broken.json', '{\n  "version": 1,\n  "name": "x",,\n}');
    const result = await run('validate', broken);
    expect(result.code).toBe(1);
    // What JSON.parse says after the place is its own wording, not pinned here.
    const [line, rest] = result.stderr.split('\n');
    expect(line!.startsWith(`${broken}: JSON syntax error at line 3, column 15: `)).toBe(true);
    expect(line!.length).toBeGreaterThan(
      `${broken}: JSON syntax error at line 3, column 15: `.length,
    );
    expect(rest).toBe('');
  });

  it('reports a missing file in one line, exit 1', async () => {
    expect(await run('validate', 'no/such/model.yaml')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no/such/model.yaml: cannot read the file: no such file (ENOENT)\n',
    });
  });
});

describe('usage errors exit 2 with one line and no stack', () => {
  // commander's wording is its own: pin one line naming what is wrong, not the sentence.
  it.each([
    [['validate'], 'file'],
    [['validate', 'a.yaml', 'b.yaml'], 'argument'],
    [['validate', '--bogus', 'x.yaml'], "'--bogus'"],
    [['frobnicate'], "'frobnicate'"],
    [['validat'], "'validat'"],
  ])('%j', async (args, named) => {
    const result = await run(...args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^error: [^\n]+\n([^\n]+\n)?$/);
    expect(result.stderr.split('\n')[0]).toContain(named);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('suggests the command meant', async () => {
    const result = await run('validat');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[1]).toContain('validate');
  });

  it('with no command: help on stderr, exit 2', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: service-chain/);
  });
});

describe('--help and --version', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(await run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([[['--help']], [['validate', '--help']], [['schema', '--help']], [['help', 'validate']]])(
    '%j prints help and exits 0',
    async (args) => {
      const result = await run(...args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: service-chain/);
    },
  );
});

describe('service-chain schema', () => {
  it('prints docs/model.schema.json', async () => {
    const committed = readFileSync(join(root, 'docs', 'model.schema.json'), 'utf8');
    expect(await run('schema')).toEqual({ code: 0, stdout: committed, stderr: '' });
  });

  it('writes the schema to a file with --output', async () => {
    const out = join(dir, 'schema.json');
    expect(await run('schema', '--output', out)).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).title).toBe('service-chain model');
  });

  it('creates a missing directory for its output (never exit 2)', async () => {
    const out = join(dir, 'missing', 'schema.json');
    expect(await run('schema', '-o', out)).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).$schema).toBeDefined();
  });
});
