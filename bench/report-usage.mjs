/**
 * Preloaded into the CLI child of the bench's end-to-end stage (bench/end-to-end.ts:
 * `node --import <this file> dist/cli.js analyze ...`): when the process exits, writes its CPU
 * time and peak RSS (`process.resourceUsage()`: every thread's, in microseconds and KiB) as JSON to
 * the file named by SERVICE_CHAIN_BENCH_USAGE. Plain JavaScript, so the CLI runs as a user runs
 * it, without tsx's loader; no dependency on /usr/bin/time.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.SERVICE_CHAIN_BENCH_USAGE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userCPUTime, systemCPUTime, maxRSS }));
  });
}
