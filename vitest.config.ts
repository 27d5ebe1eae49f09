import { defineConfig } from 'vitest/config';
import { EXPLORER_SCRIPT_DEFINE } from './scripts/explorer-script.js';

export default defineConfig({
  // The build-time constants tsup defines, so tests of the sources see what the package ships.
  define: EXPLORER_SCRIPT_DEFINE,
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once; CLI tests run the built binary (node dist/cli.js).
    globalSetup: ['test/global-setup.ts'],
    // A fixed fast-check seed: the same cases on every run (test/fast-check-seed.ts).
    setupFiles: ['test/fast-check-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
