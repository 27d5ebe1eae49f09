/**
 * `npm run bench [-- --sizes 10000,100000] [-- --budget 60] [-- --baseline-max 100000]`
 *
 * For each size, a CHILD process (so that each size's peak memory is its own) generates a seeded
 * layered organisation (bench/generate.ts; a plain model, not validated: validation is not part of
 * the measured analysis), then times compileModel and every analysis of MODEL.md sections 2-4, and
 * the same propagation written plainly on graphology attributes (bench/graphology-baseline.ts).
 * Progress goes to stderr, the table to stdout.
 *
 * fixGain/failureLoss: links where S is provably affine take the exact shortcut; the others need a
 * downstream recompute each. Those are processed in a seeded random order until `--budget` seconds
 * are spent; if they are not all done, their time is EXTRAPOLATED from the share done (marked `~`).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  affineNodes,
  chainStrength,
  compileModel,
  customersReached,
  handoffsToCustomer,
  isAffineLink,
  linkImpacts,
  propagate,
  scoreSensitivity,
  weakestLink,
} from '../src/engine/index.js';
import type { Model } from '../src/model/schema.js';
import { generateOrganisation, seededRandom } from './generate.js';
import { baselineGraph, baselinePropagate } from './graphology-baseline.js';

interface Result {
  size: number;
  handoffs: number;
  cycles: number;
  generate: number;
  compile: number;
  propagate: number;
  strength: number;
  sensitivity: number;
  impactsAffine: number;
  impactsOther: number;
  otherLinks: number;
  otherDone: number;
  reach: number;
  total: number;
  modelRss: number;
  peakRss: number;
  baselineBuild: number | null;
  baselinePropagate: number | null;
  scoreCheck: number | null;
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const now = () => performance.now() / 1000;
const mb = (bytes: number) => bytes / 2 ** 20;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

/**
 * Runs `run` `repeat` times and keeps the FASTEST time: the machine is shared (2 cores), and the
 * minimum is the figure least disturbed by other processes. Engine and baseline are treated alike.
 */
function timed<T>(label: string, run: () => T, repeat = 3): [T, number] {
  let best = Number.POSITIVE_INFINITY;
  let value: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const start = now();
    value = run();
    best = Math.min(best, now() - start);
  }
  log(`  ${label}: ${best.toFixed(3)} s${repeat > 1 ? ` (best of ${repeat})` : ''}`);
  return [value as T, best];
}

/**
 * Warms the JIT up on a small model, for the engine and the baseline alike, so that the timings
 * measure steady-state code rather than the interpreter's first pass.
 */
function warmUp(): void {
  const model = generateOrganisation({ actors: 3000, seed: 1 });
  const chain = compileModel(model);
  for (let i = 0; i < 5; i++) {
    const evaluation = propagate(chain);
    const sens = scoreSensitivity(chain, evaluation);
    linkImpacts(chain, evaluation, sens, { links: [0, 1, 2, 3] });
    chainStrength(chain);
    customersReached(chain);
    handoffsToCustomer(chain);
  }
  const graph = baselineGraph(model);
  const { start, nodes, cyclic, count } = chain.components;
  const order = {
    nodes: Array.from(nodes, (v) => chain.ids[v]!),
    start: Array.from(start),
    cyclic: Array.from(cyclic.subarray(0, count), (c) => c === 1),
  };
  for (let i = 0; i < 5; i++) baselinePropagate(graph, order);
}

/**
 * Generates and compiles in a scope of its own: the analyses need only the compiled chain, so
 * without a baseline to run the model is let go, as a caller analysing a million-actor model would
 * (it is a gigabyte of plain objects for the garbage collector to walk).
 */
function generateAndCompile(size: number, keepModel: boolean) {
  const [generated, generate] = timed('generate', () => generateOrganisation({ actors: size }), 1);
  globalThis.gc?.();
  const modelRss = process.memoryUsage().rss;
  const [chain, compile] = timed('compile', () => compileModel(generated), 1);
  const model: Model | undefined = keepModel ? generated : undefined;
  return { chain, model, generate, compile, modelRss };
}

function child(size: number, budget: number, baselineMax: number): Result {
  log(`size ${size}: warming up, then generating (seeded, not validated) ...`);
  warmUp();
  const { chain, model, generate, compile, modelRss } = generateAndCompile(
    size,
    size <= baselineMax,
  );
  const [evaluation, propagateTime] = timed('propagate', () => propagate(chain), 7);
  const [, strength] = timed('chain strength + weakest links', () => {
    const w = chainStrength(chain);
    for (let c = chain.actorCount; c < chain.nodeCount; c++) weakestLink(chain, w, c);
  });
  const [sens, sensitivity] = timed('sensitivity', () => scoreSensitivity(chain, evaluation));
  const affine = affineNodes(chain);
  const affineLinks: number[] = [];
  const otherLinks: number[] = [];
  for (let l = 0; l < chain.linkCount; l++)
    (isAffineLink(chain, affine, l) ? affineLinks : otherLinks).push(l);
  const [, impactsAffine] = timed(`fixGain/failureLoss, ${affineLinks.length} affine links`, () =>
    linkImpacts(chain, evaluation, sens, { links: affineLinks }),
  );
  // Seeded shuffle: the links done within the budget are a uniform sample of the others.
  const random = seededRandom(7);
  for (let i = otherLinks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [otherLinks[i], otherLinks[j]] = [otherLinks[j]!, otherLinks[i]!];
  }
  let otherDone = 0;
  const otherStart = now();
  while (otherDone < otherLinks.length && now() - otherStart < budget) {
    const batch = otherLinks.slice(otherDone, otherDone + 2000);
    linkImpacts(chain, evaluation, sens, { links: batch });
    otherDone += batch.length;
    log(
      `  fixGain/failureLoss, other links: ${otherDone} / ${otherLinks.length} (${(now() - otherStart).toFixed(1)} s)`,
    );
  }
  const spent = now() - otherStart;
  const impactsOther = otherDone === 0 ? 0 : (spent * otherLinks.length) / otherDone;
  const [, reach] = timed('reach', () => {
    customersReached(chain);
    handoffsToCustomer(chain);
  });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  let cycles = 0;
  for (let k = 0; k < chain.components.count; k++) cycles += chain.components.cyclic[k]!;
  let baselineBuild: number | null = null;
  let baselineTime: number | null = null;
  let scoreCheck: number | null = null;
  globalThis.gc?.();
  if (model !== undefined) {
    const [graph, build] = timed('graphology baseline: build graph', () => baselineGraph(model), 1);
    const { start, nodes, cyclic, count } = chain.components;
    const order = {
      nodes: Array.from(nodes, (v) => chain.ids[v]!),
      start: Array.from(start),
      cyclic: Array.from(cyclic.subarray(0, count), (c) => c === 1),
    };
    const [score, time] = timed(
      'graphology baseline: propagate',
      () => baselinePropagate(graph, order),
      7,
    );
    baselineBuild = build;
    baselineTime = time;
    scoreCheck = Math.abs((score ?? 0) - (evaluation.score ?? 0));
  } else {
    log('  graphology baseline: skipped at this size (--baseline-max)');
  }
  const total =
    compile + propagateTime + strength + sensitivity + impactsAffine + impactsOther + reach;
  return {
    size,
    handoffs: chain.handoffCount,
    cycles,
    generate,
    compile,
    propagate: propagateTime,
    strength,
    sensitivity,
    impactsAffine,
    impactsOther,
    otherLinks: otherLinks.length,
    otherDone,
    reach,
    total,
    modelRss,
    peakRss,
    baselineBuild,
    baselinePropagate: baselineTime,
    scoreCheck,
  };
}

function table(results: readonly Result[]): string {
  const s = (x: number) => x.toFixed(3);
  const rows = [
    ['', ...results.map((r) => `${r.size.toLocaleString('en')} actors`)],
    ['hand-offs', ...results.map((r) => r.handoffs.toLocaleString('en'))],
    ['cycles (components)', ...results.map((r) => String(r.cycles))],
    ['compile (s)', ...results.map((r) => s(r.compile))],
    ['propagate (s)', ...results.map((r) => s(r.propagate))],
    ['chain strength + weakest links (s)', ...results.map((r) => s(r.strength))],
    ['sensitivity, all links (s)', ...results.map((r) => s(r.sensitivity))],
    ['fixGain/failureLoss, affine links (s)', ...results.map((r) => s(r.impactsAffine))],
    [
      'fixGain/failureLoss, other links (s)',
      ...results.map((r) =>
        r.otherDone === r.otherLinks
          ? s(r.impactsOther)
          : `~${s(r.impactsOther)} (${r.otherDone}/${r.otherLinks} done)`,
      ),
    ],
    ['reach (s)', ...results.map((r) => s(r.reach))],
    [
      'TOTAL analysis (s)',
      ...results.map((r) => (r.otherDone === r.otherLinks ? '' : '~') + s(r.total)),
    ],
    ['RSS after generating the model (MB)', ...results.map((r) => mb(r.modelRss).toFixed(0))],
    ['peak RSS, engine phase (MB)', ...results.map((r) => mb(r.peakRss).toFixed(0))],
    [
      'graphology: build graph (s)',
      ...results.map((r) => (r.baselineBuild === null ? 'skipped' : s(r.baselineBuild))),
    ],
    [
      'graphology: propagate (s)',
      ...results.map((r) => (r.baselinePropagate === null ? 'skipped' : s(r.baselinePropagate))),
    ],
    [
      'propagate speed-up vs graphology',
      ...results.map((r) =>
        r.baselinePropagate === null ? '-' : `${(r.baselinePropagate / r.propagate).toFixed(1)}x`,
      ),
    ],
    [
      '|S engine - S graphology|',
      ...results.map((r) => (r.scoreCheck === null ? '-' : r.scoreCheck.toExponential(1))),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join(' | '),
    )
    .join('\n');
}

function main(): void {
  const childSize = argument('--child');
  const budget = Number(argument('--budget') ?? 30);
  const baselineMax = Number(argument('--baseline-max') ?? 100_000);
  if (childSize !== undefined) {
    process.stdout.write(JSON.stringify(child(Number(childSize), budget, baselineMax)));
    return;
  }
  const sizes = (argument('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const results: Result[] = [];
  for (const size of sizes) {
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        '--child',
        String(size),
        '--budget',
        String(budget),
        '--baseline-max',
        String(baselineMax),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    if (run.status !== 0) throw new Error(`the run for ${size} actors failed (exit ${run.status})`);
    results.push(JSON.parse(run.stdout.toString()) as Result);
  }
  process.stdout.write(`${table(results)}\n`);
  process.stdout.write(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
}

main();
