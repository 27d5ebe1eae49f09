/**
 * Builds dist/ once before the test run, so CLI tests exercise the built binary (`node dist/cli.js`)
 * exactly as a user runs it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** vitest globalSetup: runs `tsup` once per test run. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(join(root, 'node_modules', '.bin', 'tsup'), [], { cwd: root, stdio: 'pipe' });
}
