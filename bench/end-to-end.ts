/**
 * The bench's end-to-end stage (bench/run.ts, on unless `--no-cli`): the generated organisation
 * written as a compact JSON file in a temporary directory (bench/write-model.ts), then, each as a
 * child process of its own:
 *
 * - the BUILT CLI, `node dist/cli.js analyze <file> --format json --out <report>` (so the bench
 *   needs `npm run build` first), `--cli-repeat` times: wall time of the process, CPU time (user +
 *   system, every thread) and peak RSS from `process.resourceUsage()` at its exit (the preload
 *   bench/report-usage.mjs), the report file's size; the figures of the run of least CPU time are
 *   kept (the machine is shared: CPU time is the least disturbed figure);
 * - the CLI's stages timed one by one with the CLI's own functions (bench/file-stages.ts,
 *   `library`), whose report must have the CLI's bytes exactly;
 * - the same file loaded into graphology and propagated (bench/file-stages.ts, `graphology`).
 *
 * The temporary directory is deleted afterwards, whatever happened.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphologyStages, LibraryStages, Stage } from './file-stages.js';

/** The CLI process: wall time (s), CPU time (s) and peak RSS (bytes). */
export interface CliRun {
  readonly wall: number;
  readonly user: number;
  readonly system: number;
  readonly peakRss: number;
}

/** The figures of one end-to-end run. */
export interface EndToEnd {
  readonly modelBytes: number;
  readonly reportBytes: number;
  /** The CLI run of least CPU time (the figure least disturbed by the other processes). */
  readonly cli: CliRun;
  /** `dist/cli.js --version`: Node's start-up and the CLI's modules, no model. */
  readonly startup: CliRun;
  readonly runs: number;
  readonly library: LibraryStages;
  /** The library stages wrote the CLI's report byte for byte. */
  readonly sameBytes: boolean;
  readonly graphology: GraphologyStages;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CLI = here('../dist/cli.js');
const SOURCES = here('../src');
const PRELOAD = new URL('./report-usage.mjs', import.meta.url).href;
const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Why the CLI cannot be measured (dist/cli.js missing), or undefined; warns when a source file
 * is newer than the build (the figures would be an older CLI's).
 */
export function cliMissing(): string | undefined {
  if (!existsSync(CLI)) return `${CLI} is missing: run \`npm run build\` first, or pass --no-cli`;
  const built = statSync(CLI).mtimeMs;
  const newer = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }).find(
    (name) => statSync(join(SOURCES, name)).mtimeMs > built,
  );
  if (newer !== undefined)
    log(`warning: src/${newer} is newer than dist/cli.js: \`npm run build\` to measure it`);
  return undefined;
}

/** Runs a bench script (tsx) as a child; its stdout, or an Error with what failed. */
function script(name: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, [...process.execArgv, here(name), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')}: exit ${result.status}`);
  return result.stdout.toString();
}

/** One run of the built CLI with these arguments, as a user runs it (no tsx, no flags), measured. */
function runCli(args: readonly string[], usage: string): CliRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', PRELOAD, CLI, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SERVICE_CHAIN_BENCH_USAGE: usage },
  });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`dist/cli.js ${args[0]}: exit ${result.status}`);
  const { userCPUTime, systemCPUTime, maxRSS } = JSON.parse(readFileSync(usage, 'utf8')) as {
    userCPUTime: number;
    systemCPUTime: number;
    maxRSS: number;
  };
  return { wall, user: userCPUTime / 1e6, system: systemCPUTime / 1e6, peakRss: maxRSS * 1024 };
}

/** Whether two files hold the same bytes, read a MiB at a time (a 1M report is a gigabyte). */
function sameFile(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    for (;;) {
      const na = readSync(fa, ba, 0, ba.length, null);
      const nb = readSync(fb, bb, 0, bb.length, null);
      if (na !== nb || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
      if (na === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/** The end-to-end figures of organisation `org` at `size` actors; undefined if a step failed. */
export function endToEnd(org: string, size: number, repeat: number): EndToEnd | undefined {
  const directory = mkdtempSync(join(tmpdir(), 'service-chain-bench-'));
  const path = (name: string) => join(directory, name);
  try {
    log(`${org} ${size}: end to end, the model as a JSON file ...`);
    script('./write-model.ts', [org, String(size), path('model.json')]);
    let cli: CliRun | undefined;
    for (let i = 0; i < repeat; i++) {
      const args = ['analyze', path('model.json'), '--format', 'json', '--out', path('cli.json')];
      const run = runCli(args, path('usage.json'));
      log(
        `  CLI analyze --format json: ${run.wall.toFixed(3)} s wall, ${(run.user + run.system).toFixed(3)} s CPU`,
      );
      if (cli === undefined || run.user + run.system < cli.user + cli.system) cli = run;
    }
    const startup = runCli(['--version'], path('usage.json'));
    const library = JSON.parse(
      script('./file-stages.ts', ['library', path('model.json'), path('library.json')]),
    ) as LibraryStages;
    const graphology = JSON.parse(
      script('./file-stages.ts', ['graphology', path('model.json')]),
    ) as GraphologyStages;
    return {
      modelBytes: statSync(path('model.json')).size,
      reportBytes: statSync(path('cli.json')).size,
      cli: cli!,
      startup,
      runs: repeat,
      library,
      sameBytes: sameFile(path('cli.json'), path('library.json')),
      graphology,
    };
  } catch (error) {
    log(`  end to end failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const s = (x: number) => x.toFixed(3);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const cpuWall = (stage: Stage) => `${s(stage.cpu)} / ${s(stage.wall)}`;
const sum = (stages: readonly Stage[]): Stage => ({
  wall: stages.reduce((total, x) => total + x.wall, 0),
  cpu: stages.reduce((total, x) => total + x.cpu, 0),
});
const graphologyTotal = (g: GraphologyStages) => sum([g.load, g.build, g.propagate]);

/** The table rows of the end-to-end figures, one cell per run (`-` where it did not run). */
export function endToEndRows(runs: readonly (EndToEnd | undefined)[]): string[][] {
  if (runs.every((run) => run === undefined)) return [];
  const row = (label: string, cell: (run: EndToEnd) => string) => [
    label,
    ...runs.map((run) => (run === undefined ? '-' : cell(run))),
  ];
  const stages = (run: EndToEnd) => run.library;
  return [
    row('END TO END: model file, compact JSON (MB)', (r) => mb(r.modelBytes)),
    row(
      'CLI analyze --format json --out: wall (s)',
      (r) => `${s(r.cli.wall)} (${r.runs === 1 ? '1 run' : `least CPU of ${r.runs}`})`,
    ),
    row(
      '  CLI CPU time, user + sys (s)',
      (r) => `${s(r.cli.user + r.cli.system)} (${s(r.cli.user)} + ${s(r.cli.system)})`,
    ),
    row('  CLI peak RSS (MB)', (r) => mb(r.cli.peakRss)),
    row('  report file (MB)', (r) => mb(r.reportBytes)),
    row('  CLI start-up alone, --version (s CPU / wall)', (r) =>
      cpuWall({ cpu: r.startup.user + r.startup.system, wall: r.startup.wall }),
    ),
    row('  read + decode (s CPU / wall)', (r) => cpuWall(stages(r).read)),
    row('  parse + validation (s CPU / wall)', (r) => cpuWall(stages(r).parseAndValidate)),
    row('    of which JSON.parse + key scan, alone (s CPU / wall)', (r) =>
      cpuWall(stages(r).parse),
    ),
    row('  compile + analysis (s CPU / wall)', (r) => cpuWall(stages(r).analysis)),
    row('  JSON text + write (s CPU / wall)', (r) => cpuWall(stages(r).write)),
    row('  stages, sum (s CPU / wall)', (r) => {
      const { read, parseAndValidate, analysis, write } = stages(r);
      return cpuWall(sum([read, parseAndValidate, analysis, write]));
    }),
    row(
      '  stages: peak RSS (MB), same bytes as the CLI',
      (r) => `${mb(stages(r).peakRss)}, ${r.sameBytes ? 'yes' : 'NO'}`,
    ),
    row('graphology: read + JSON.parse (s CPU / wall)', (r) => cpuWall(r.graphology.load)),
    row('graphology: build graph (s CPU / wall)', (r) => cpuWall(r.graphology.build)),
    row('graphology: propagate, cold (s CPU / wall)', (r) => cpuWall(r.graphology.propagate)),
    row('graphology: load + propagate (s CPU / wall)', (r) =>
      cpuWall(graphologyTotal(r.graphology)),
    ),
    row('CLI end to end / graphology load + propagate (CPU; wall)', (r) => {
      const g = graphologyTotal(r.graphology);
      return `${((r.cli.user + r.cli.system) / g.cpu).toFixed(2)}x; ${(r.cli.wall / g.wall).toFixed(2)}x`;
    }),
    row('|S CLI - S graphology|', (r) =>
      Math.abs((r.library.score ?? 0) - (r.graphology.score ?? 0)).toExponential(1),
    ),
  ];
}
