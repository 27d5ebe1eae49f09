import { defineConfig } from 'tsup';
import { EXPLORER_SCRIPT_DEFINE } from './scripts/explorer-script.js';

export default defineConfig([
  {
    // `index` is the portable library; `node` adds what needs Node's file system.
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    define: EXPLORER_SCRIPT_DEFINE,
  },
  {
    // `cli-worker` is the worker thread of src/cli/workers.ts, loaded next to cli.js.
    entry: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker-entry.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    define: EXPLORER_SCRIPT_DEFINE,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
