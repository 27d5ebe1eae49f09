/** What `npm pack` ships: the built entries and the example models `init` copies, no sources. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STARTER_NAMES } from '../../src/cli/starters.js';

const root = join(import.meta.dirname, '..', '..');

/** The paths `npm pack --dry-run --json` lists (test/global-setup.ts has built dist/). */
function packedFiles(): string[] {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [pack] = JSON.parse(json) as Array<{ files: Array<{ path: string }> }>;
  return (pack?.files ?? []).map((file) => file.path).sort();
}

describe('npm pack', () => {
  const files = packedFiles();

  it('ships every starter as the example YAML itself', () => {
    for (const name of STARTER_NAMES) expect(files).toContain(`examples/${name}.yaml`);
  });

  it('ships the built CLI and both entries with their types', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/cli-worker.js',
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/index.d.cts',
        'dist/node.js',
        'dist/node.cjs',
        'dist/node.d.ts',
        'dist/node.d.cts',
      ]),
    );
  });

  it('ships no sources, tests, scripts or generated starters', () => {
    const unwanted = files.filter(
      (path) => /^(src|test|scripts|bench)\//.test(path) || /starters/.test(path),
    );
    expect(unwanted).toEqual([]);
  });

  it('ships only the examples that are model files, not the TypeScript tours', () => {
    expect(files.filter((path) => path.startsWith('examples/') && !path.endsWith('.yaml'))).toEqual(
      [],
    );
  });
});
