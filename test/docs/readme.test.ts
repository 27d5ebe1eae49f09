import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's TypeScript block as written. */
function typescriptBlock(): string {
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no ```ts block');
  return block;
}

describe('README.md', () => {
  it('has a quick start of exactly two commands: install and demo, then the tests', () => {
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('## The model file'),
    );
    const commands = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) =>
      match[1]!.trim(),
    );
    expect(commands).toEqual(['npm install && npm run demo', 'npm test']);
  });

  it('runs its TypeScript example as written in a fresh ESM project with the packed tarball', () => {
    // Inside the repository so that the package's own dependencies resolve from its node_modules,
    // as `npm install <tarball>` would have installed them (no registry needed).
    const project = mkdtempSync(join(root, 'test', 'readme-'));
    try {
      // test/global-setup.ts has built dist/; pack what a user would get.
      const packed = execFileSync(
        'npm',
        ['pack', '--ignore-scripts', '--pack-destination', project],
        {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ).trim();
      const installed = join(project, 'node_modules', 'service-chain');
      mkdirSync(installed, { recursive: true });
      execFileSync('tar', [
        'xzf',
        join(project, packed.split('\n').at(-1)!),
        '-C',
        installed,
        '--strip-components=1',
      ]);
      writeFileSync(
        join(project, 'package.json'),
        '{ "name": "fresh", "private": true, "type": "module" }\n',
      );
      execFileSync(
        process.execPath,
        [join(installed, 'dist', 'cli.js'), 'init', 'retail', '--out', 'retail.yaml'],
        {
          cwd: project,
        },
      );
      writeFileSync(
        join(project, 'example.ts'),
        `${typescriptBlock()}\nconsole.log('built', built.model.name);\n`,
      );
      const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['example.ts'], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Service chain analysis: High Street Retail');
      expect(result.stdout).toMatch(/^0\.4696\d* -> 0\.5217\d*$/m);
      expect(result.stdout).toContain('built Corner Bakery');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
