/** Runs the built CLI (test/global-setup.ts builds dist/ once) as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root. */
export const root = join(import.meta.dirname, '..', '..');

/** An example file's path. */
export function example(name: string): string {
  return join(root, 'examples', name);
}

/** `node dist/cli.js ...args` with its exit status and output. */
export function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
