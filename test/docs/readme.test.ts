import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's TypeScript block, importing the package's source instead of its published name. */
function typescriptBlock(): string {
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no ```ts block');
  return block
    .replace("from 'service-chain'", `from '${join(root, 'src', 'index.ts')}'`)
    .replace("from 'service-chain/node'", `from '${join(root, 'src', 'node.ts')}'`);
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

  it('runs its TypeScript example as written', () => {
    const directory = mkdtempSync(join(root, 'test', 'readme-'));
    try {
      const file = join(directory, 'readme.ts');
      writeFileSync(file, `${typescriptBlock()}\nconsole.log('built', built.model.name);\n`);
      const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [file], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Service chain analysis: High Street Retail');
      expect(result.stdout).toMatch(/^0\.4696\d* -> 0\.5217\d*$/m);
      expect(result.stdout).toContain('built Corner Bakery');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
