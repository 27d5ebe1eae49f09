/**
 * `npm run bench [-- --sizes 10000,100000] [-- --orgs mean,mixed,long-range]
 *   [-- --extra mixed:2000,team:50,team:100] [-- --budget 60] [-- --baseline-max 100000]
 *   [-- --no-cli] [-- --cli-repeat 1]` (USAGE below, `-- --help`).
 *
 * Each run (organisation x size, plus the `--extra` ones) is a CHILD process, so that its peak
 * memory is its own. It generates a seeded organisation (bench/generate.ts: `mean` = all-mean,
 * `mixed` = the layered generator, `long-range` = the same with 20 % of hand-offs to any later
 * layer, `min-heavy` = the all-`mean` layout with half the actors `min`, `team` = a fully connected
 * team; a plain model, not validated), then times compileModel
 * and every engine stage of docs/model.md ("Propagation", "Weakest link", "Impact", "no way around"
 * of single points of failure), the downstream
 * work of the impact pass, peak RSS, and the same propagation written plainly on graphology
 * attributes (bench/graphology-baseline.ts). Then, unless `--no-cli`, the same organisation end to
 * end (bench/end-to-end.ts): written as a JSON file, analysed by the built CLI into a JSON report
 * (wall, CPU, peak RSS), the CLI's stages one by one, and graphology loading the same file and
 * propagating. Progress goes to stderr, the table to stdout.
 *
 * fixGain/failureLoss: links where S is provably affine take the exact shortcut; the others need a
 * downstream traversal per node. Those nodes are processed in a seeded random order until
 * `--budget` seconds are spent; if not all are done, the time is EXTRAPOLATED from the share of
 * links done (marked `~`). The per-customer impact pass runs only when S's fitted the budget.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  affineNodes,
  applyChanges,
  type CompiledChain,
  chainStrength,
  compileModel,
  customerAdjoints,
  customersReached,
  ENGINE_DEFAULTS,
  type Evaluation,
  forEachLinkCustomerImpact,
  handoffsToCustomer,
  type ImpactWork,
  isAffineLink,
  linkImpacts,
  linkNode,
  noWayAround,
  propagate,
  reevaluate,
  reevaluateStrength,
  type Sensitivity,
  scoreSensitivity,
  weakestLink,
} from '../src/engine/index.js';
import type { Model } from '../src/model/schema.js';
import { cliMissing, type EndToEnd, endToEnd, endToEndRows } from './end-to-end.js';
import { generateOrganisation, ORGANISATIONS, organisation, seededRandom } from './generate.js';
import { baselineGraph, baselinePropagate, engineOrder } from './graphology-baseline.js';

interface Result {
  org: string;
  size: number;
  handoffs: number;
  cycles: number;
  largestCycle: number;
  generate: number;
  compile: number;
  propagate: number;
  strength: number;
  sensitivity: number;
  customerAdjoints: number;
  impactsAffine: number;
  noWayAround: number;
  impactsOther: number;
  impactsOtherCpu: number;
  otherLinks: number;
  otherDone: number;
  work: ImpactWork;
  customerImpacts: number | null;
  customerImpactsCpu: number | null;
  whatIf: number;
  fullRecompute: number;
  reach: number;
  total: number;
  modelRss: number;
  peakRss: number;
  baselineBuild: number | null;
  baselinePropagate: number | null;
  scoreCheck: number | null;
  load: number;
  /** Set by the parent after the engine's child: the run end to end (undefined: `--no-cli`). */
  endToEnd?: EndToEnd | undefined;
}

const USAGE = `usage: npm run bench -- [options]
  --sizes N,N,...      actors per organisation (default 10000,100000,1000000)
  --orgs NAME,...      organisations: ${Object.keys(ORGANISATIONS).join(', ')} (default mean,mixed,long-range)
  --extra ORG:N,...    extra runs (default mixed:2000,team:50,team:100; '' for none)
  --budget S           seconds for the exact impacts outside the affine shortcut (default 30)
  --baseline-max N     largest size the graphology baseline runs at (default 100000)
  --cli, --no-cli      run (the default) or skip the end-to-end stage: file -> built CLI -> JSON
                       report, so the bench needs npm run build first
  --cli-repeat N       CLI runs per organisation end to end, the one of least CPU time kept (default 1)
  --help               this text`;

const log = (message: string) => process.stderr.write(`${message}\n`);
const now = () => performance.now() / 1000;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
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
    linkImpacts(chain, evaluation, sens, { links: [0, 1, 2, 3, 3000, 3001] });
    chainStrength(chain);
    customersReached(chain);
    handoffsToCustomer(chain);
  }
  const graph = baselineGraph(model);
  for (let i = 0; i < 5; i++) baselinePropagate(graph, engineOrder(chain));
}

/**
 * Generates and compiles in a scope of its own: the analyses need only the compiled chain, so
 * without a baseline to run the model is let go, as a caller analysing a million-actor model would
 * (it is a gigabyte of plain objects for the garbage collector to walk).
 */
function generateAndCompile(org: string, size: number, keepModel: boolean) {
  const [generated, generate] = timed('generate', () => organisation(org, size), 1);
  globalThis.gc?.();
  const modelRss = process.memoryUsage().rss;
  const [chain, compile] = timed('compile', () => compileModel(generated), 1);
  const model: Model | undefined = keepModel ? generated : undefined;
  return { chain, model, generate, compile, modelRss };
}

/**
 * The exact impacts of the links where S is not affine, by NODE (the lanes of a node share one
 * traversal): nodes in a seeded random order until `budget` seconds are spent; if not all are
 * done, the time is EXTRAPOLATED from the share of links done (marked `~`).
 */
function otherImpacts(
  chain: CompiledChain,
  evaluation: Evaluation,
  sens: Sensitivity,
  otherLinks: readonly number[],
  budget: number,
) {
  const byNode = new Map<number, number[]>();
  for (const l of otherLinks) {
    const v = linkNode(chain, l);
    const list = byNode.get(v);
    if (list === undefined) byNode.set(v, [l]);
    else list.push(l);
  }
  const order = [...byNode.keys()];
  const random = seededRandom(7);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const work: ImpactWork = { traversals: 0, nodes: 0, laneNodes: 0 };
  let done = 0;
  let next = 0;
  const start = now();
  const startCpu = cpu();
  // Small batches first, doubled while they take under a second: the budget is kept even where
  // one node's traversal is slow (a large cycle that is iterated).
  let batch = 4;
  while (next < order.length && now() - start < budget) {
    const links = order.slice(next, next + batch).flatMap((v) => byNode.get(v)!);
    next += batch;
    const batchStart = now();
    linkImpacts(chain, evaluation, sens, { links, work });
    if (now() - batchStart < 1) batch *= 2;
    done += links.length;
  }
  const spent = now() - start;
  const spentCpu = cpu() - startCpu;
  const scale = done === 0 ? 0 : otherLinks.length / done;
  log(`  fixGain/failureLoss, other links: ${done} / ${otherLinks.length} (${spent.toFixed(1)} s)`);
  log(`  downstream work (done part): ${JSON.stringify(work)}`);
  return { time: spent * scale, cpuTime: spentCpu * scale, done, work };
}

/**
 * A one-link what-if (docs/model.md, "What-if scenarios and plans"): the quality of the middle
 * hand-off set to 1, then service and chain strength recomputed downstream only (applyChanges,
 * reevaluate, reevaluateStrength), against a full propagate + chainStrength of the changed chain.
 */
function oneLinkWhatIf(chain: CompiledChain, evaluation: Evaluation) {
  const handoff = chain.handoffCount >> 1;
  const strength = chainStrength(chain);
  const change = [{ handoff, field: 'quality' as const, value: 1 }];
  const [, whatIf] = timed('one-link what-if, downstream only', () => {
    const { chain: changed, changedNodes } = applyChanges(chain, change);
    reevaluate(changed, evaluation, changedNodes);
    reevaluateStrength(changed, strength, changedNodes);
  });
  const { chain: changed } = applyChanges(chain, change);
  const [, fullRecompute] = timed('same what-if, full recompute', () => {
    propagate(changed);
    chainStrength(changed);
  });
  return { whatIf, fullRecompute };
}

function child(org: string, size: number, budget: number, baselineMax: number): Result {
  log(`${org} ${size}: warming up, then generating (seeded, not validated) ...`);
  warmUp();
  const { chain, model, generate, compile, modelRss } = generateAndCompile(
    org,
    size,
    size <= baselineMax,
  );
  const [evaluation, propagateTime] = timed('propagate', () => propagate(chain), 7);
  const [, strength] = timed('chain strength + weakest links', () => {
    const w = chainStrength(chain);
    for (let c = chain.actorCount; c < chain.nodeCount; c++) weakestLink(chain, w, c);
  });
  const [sens, sensitivity] = timed('sensitivity', () => scoreSensitivity(chain, evaluation));
  const [adjoints, adjointTime] = timed(
    `every customer's adjoint, one pass (${chain.customerCount} customers)`,
    () => customerAdjoints(chain, evaluation),
    1,
  );
  const affine = affineNodes(chain);
  const affineLinks: number[] = [];
  const otherLinks: number[] = [];
  for (let l = 0; l < chain.linkCount; l++)
    (isAffineLink(chain, affine, l) ? affineLinks : otherLinks).push(l);
  const [, impactsAffine] = timed(`fixGain/failureLoss, ${affineLinks.length} affine links`, () =>
    linkImpacts(chain, evaluation, sens, { links: affineLinks }),
  );
  const other = otherImpacts(chain, evaluation, sens, otherLinks, budget);
  let customerImpacts: number | null = null;
  let customerImpactsCpu: number | null = null;
  if (other.done === otherLinks.length && other.time + impactsAffine < budget) {
    const startCpu = cpu();
    const [, time] = timed(
      'impact pass, S and every customer (forEachLinkCustomerImpact)',
      () =>
        forEachLinkCustomerImpact(chain, evaluation, ENGINE_DEFAULTS, () => {}, {
          adjoints,
          score: sens,
        }),
      1,
    );
    customerImpacts = time;
    customerImpactsCpu = cpu() - startCpu;
  } else log('  impact pass with every customer: skipped (S alone did not fit the budget)');
  const [, noWay] = timed('no way around (single points of failure, every customer)', () =>
    noWayAround(chain),
  );
  const { whatIf, fullRecompute } = oneLinkWhatIf(chain, evaluation);
  const [, reach] = timed('reach', () => {
    customersReached(chain);
    handoffsToCustomer(chain);
  });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  let cycles = 0;
  let largestCycle = 0;
  const { count, cyclic, start } = chain.components;
  for (let k = 0; k < count; k++) {
    cycles += cyclic[k]!;
    if (cyclic[k] === 1) largestCycle = Math.max(largestCycle, start[k + 1]! - start[k]!);
  }
  let baselineBuild: number | null = null;
  let baselineTime: number | null = null;
  let scoreCheck: number | null = null;
  globalThis.gc?.();
  if (model !== undefined) {
    const [graph, build] = timed('graphology baseline: build graph', () => baselineGraph(model), 1);
    const order = engineOrder(chain);
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
    compile +
    propagateTime +
    strength +
    sensitivity +
    adjointTime +
    (customerImpacts ?? impactsAffine + other.time) +
    noWay +
    reach;
  return {
    org,
    size,
    handoffs: chain.handoffCount,
    cycles,
    largestCycle,
    generate,
    compile,
    propagate: propagateTime,
    strength,
    sensitivity,
    customerAdjoints: adjointTime,
    impactsAffine,
    noWayAround: noWay,
    impactsOther: other.time,
    impactsOtherCpu: other.cpuTime,
    otherLinks: otherLinks.length,
    otherDone: other.done,
    work: other.work,
    customerImpacts,
    customerImpactsCpu,
    whatIf,
    fullRecompute,
    reach,
    total,
    modelRss,
    peakRss,
    baselineBuild,
    baselinePropagate: baselineTime,
    scoreCheck,
    load: loadavg()[0]!,
  };
}

function table(results: readonly Result[]): string {
  const s = (x: number) => x.toFixed(3);
  const partial = (r: Result) => r.otherDone !== r.otherLinks;
  const rows = [
    ['', ...results.map((r) => `${r.org} ${r.size.toLocaleString('en')}`)],
    ['hand-offs', ...results.map((r) => r.handoffs.toLocaleString('en'))],
    ['cycles (largest)', ...results.map((r) => `${r.cycles} (${r.largestCycle})`)],
    ['compile (s)', ...results.map((r) => s(r.compile))],
    ['propagate (s)', ...results.map((r) => s(r.propagate))],
    ['chain strength + weakest links (s)', ...results.map((r) => s(r.strength))],
    ['sensitivity of S, all links (s)', ...results.map((r) => s(r.sensitivity))],
    ["every customer's adjoint, one pass (s)", ...results.map((r) => s(r.customerAdjoints))],
    ['fixGain/failureLoss, affine links (s)', ...results.map((r) => s(r.impactsAffine))],
    [
      'fixGain/failureLoss, other links (s)',
      ...results.map((r) =>
        partial(r)
          ? `~${s(r.impactsOther)} (${r.otherDone}/${r.otherLinks})`
          : `${s(r.impactsOther)} (${r.otherLinks})`,
      ),
    ],
    [
      '  same, CPU time of this process (s)',
      ...results.map((r) => (partial(r) ? '~' : '') + s(r.impactsOtherCpu)),
    ],
    [
      '  downstream node evaluations (x lanes)',
      ...results.map(
        (r) => `${r.work.nodes.toExponential(2)} (${r.work.laneNodes.toExponential(2)})`,
      ),
    ],
    [
      'impact pass, S + every customer (s)',
      ...results.map((r) => (r.customerImpacts === null ? 'skipped' : s(r.customerImpacts))),
    ],
    [
      '  impact pass, CPU time (s)',
      ...results.map((r) => (r.customerImpactsCpu === null ? '-' : s(r.customerImpactsCpu))),
    ],
    ['no way around, every customer (s)', ...results.map((r) => s(r.noWayAround))],
    ['one-link what-if, downstream only (s)', ...results.map((r) => r.whatIf.toFixed(4))],
    ['  same, full propagate + strength (s)', ...results.map((r) => r.fullRecompute.toFixed(4))],
    ['reach (s)', ...results.map((r) => s(r.reach))],
    ['TOTAL engine (s)', ...results.map((r) => (partial(r) ? '~' : '') + s(r.total))],
    ['RSS after generating the model (MB)', ...results.map((r) => mb(r.modelRss).toFixed(0))],
    ['peak RSS (MB)', ...results.map((r) => mb(r.peakRss).toFixed(0))],
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
    ...endToEndRows(results.map((r) => r.endToEnd)),
    ['load average (1 min) at the end', ...results.map((r) => r.load.toFixed(1))],
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
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const childRun = argument('--child');
  const budget = Number(argument('--budget') ?? 30);
  const baselineMax = Number(argument('--baseline-max') ?? 100_000);
  if (childRun !== undefined) {
    const [org, size] = childRun.split(':');
    process.stdout.write(JSON.stringify(child(org!, Number(size), budget, baselineMax)));
    return;
  }
  const sizes = (argument('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const orgs = (argument('--orgs') ?? 'mean,mixed,long-range').split(',');
  // Extra runs as org:size: the mixed 2k employer and the fully connected teams.
  const extra = (argument('--extra') ?? 'mixed:2000,team:50,team:100').split(',').filter(Boolean);
  const runs = [...extra, ...sizes.flatMap((size) => orgs.map((org) => `${org}:${size}`))];
  const cli = !process.argv.includes('--no-cli');
  const cliRepeat = Number(argument('--cli-repeat') ?? 1);
  const refusal =
    !Number.isInteger(cliRepeat) || cliRepeat < 1
      ? '--cli-repeat must be a positive integer'
      : cli
        ? cliMissing()
        : undefined;
  if (refusal !== undefined) {
    log(refusal);
    process.exitCode = 2;
    return;
  }
  const results: Result[] = [];
  for (const run of runs) {
    const result = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        '--child',
        run,
        '--budget',
        String(budget),
        '--baseline-max',
        String(baselineMax),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    if (result.status !== 0) {
      log(`the run ${run} failed (exit ${result.status}): left out of the table`);
      continue;
    }
    const engine = JSON.parse(result.stdout.toString()) as Result;
    if (cli) engine.endToEnd = endToEnd(engine.org, engine.size, cliRepeat);
    results.push(engine);
  }
  process.stdout.write(`${table(results)}\n`);
  process.stdout.write(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
}

main();
