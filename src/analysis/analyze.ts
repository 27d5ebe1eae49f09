/**
 * `analyze(model, options)`: the whole analysis of docs/model.md, "Propagation: service flows down the chain"; docs/model.md, "Chain strength and the weakest link"; docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss" as the report of section 7
 * (report.ts), plus rankings. The model is validated (ensureValidModel), compiled once, and every
 * figure comes from the engine (src/engine).
 */
import {
  type CompiledChain,
  chainStrength,
  compileModel,
  customersReached,
  type EngineOptions,
  type Evaluation,
  handoffsToCustomer,
  type LaneBatch,
  propagate,
  scoreSensitivity,
  traversedBatches,
  weakestLink,
} from '../engine/index.js';
import { customerCoefficients } from '../model/defaults.js';
import { ensureValidModel } from '../model/load.js';
import type { Model } from '../model/schema.js';
import {
  type AnalyzeOptions,
  type ResolvedAnalyzeOptions,
  resolveAnalyzeOptions,
} from './analyze-options.js';
import { type BusinessImpact, moneyView } from './business-impact.js';
import { dampedWeakestLinkWarnings, engineWarnings } from './engine-warnings.js';
import { buildHeadline } from './headline.js';
import { runImpactPass } from './impact-pass.js';
import { impactLanesOn } from './impact-tasks.js';
import { observationRows } from './observations.js';
import { buildRanking, isScored, weakestLinkRef } from './rankings.js';
import type { ActorReport, CustomerReport, CycleReport, HandoffReport, Report } from './report.js';
import { bothVisitors, singlePoints, thresholdCollector } from './single-points.js';
import type { TaskRunner } from './task-runner.js';

export { ANALYZE_DEFAULTS, type AnalyzeOptions } from './analyze-options.js';

/** A figure as reported: null where absent or infinite (NaN inside the engine); never below 0. */
function figure(x: number | undefined): number | null {
  if (x === undefined || !Number.isFinite(x)) return null;
  return x > 0 ? x : 0;
}

/** The `weakestFor` of every link that is no customer's weakest: one shared, frozen empty list. */
const NOBODY: readonly string[] = Object.freeze([]);

/** The full report of a model. Throws ServiceChainError on an invalid model or option. */
export function analyze(model: Model, options?: AnalyzeOptions): Report {
  return runAnalysis(model, resolveAnalyzeOptions(options), false).report;
}

/**
 * The full report and the money view (`businessImpact`'s result, same figures) from ONE impact
 * pass: the money each link's fix saves is priced from the same per-customer recomputes as the
 * report's fix gains, with the same `top`, tolerance and progress. What `analyze --money` runs.
 */
export function analyzeWithMoney(
  model: Model,
  options?: AnalyzeOptions,
): { report: Report; money: BusinessImpact } {
  const { report, money } = runAnalysis(model, resolveAnalyzeOptions(options), true);
  return { report, money: money! };
}

/**
 * `analyze` (or `analyzeWithMoney`, with `money`) with the impact pass's traversals run as tasks
 * on the runner `runnerFor` picks from their number of lanes (none: in this process): the same
 * report to the bit, whatever the runner (impact-tasks.ts). What the CLI runs on worker threads.
 */
export async function analyzeOn(
  model: Model,
  runnerFor: (traversedLanes: number) => TaskRunner | undefined,
  options?: AnalyzeOptions,
  money = false,
): Promise<{ report: Report; money: BusinessImpact | null }> {
  const resolved = resolveAnalyzeOptions(options);
  const begun = beginAnalysis(model, resolved);
  const traversed = begun.sensitivity === null ? 0 : traversedBatches(begun.chain).lanes;
  const runner = traversed === 0 ? undefined : runnerFor(traversed);
  if (runner === undefined) return finishAnalysis(begun, resolved, money);
  const { onProgress } = resolved;
  const total = begun.chain.linkCount;
  // Progress in links, as in process: about half a link per lane, then the in-order loop's count.
  const links = traversed >> 1;
  const shared = { model: begun.model, options: begun.engineOptions, score: true };
  const lanes = await impactLanesOn(
    begun.chain,
    shared,
    runner,
    onProgress && ((done, ranges) => onProgress(Math.floor((links * done) / ranges), total)),
  );
  return finishAnalysis(begun, resolved, money, lanes);
}

function runAnalysis(
  input: Model,
  resolved: ResolvedAnalyzeOptions,
  withMoney: boolean,
): { report: Report; money: BusinessImpact | null } {
  return finishAnalysis(beginAnalysis(input, resolved), resolved, withMoney);
}

/** The analysis up to its impact pass: the validated model, compiled and propagated. */
function beginAnalysis(input: Model, resolved: ResolvedAnalyzeOptions) {
  const { model, warnings: modelWarnings } = ensureValidModel(input);
  const engineOptions: EngineOptions = {
    tolerance: resolved.tolerance,
    maxIterations: resolved.maxIterations,
  };
  const chain = compileModel(model);
  const evaluation = propagate(chain, engineOptions);
  const sensitivity =
    evaluation.score === null ? null : scoreSensitivity(chain, evaluation, engineOptions);
  return { model, modelWarnings, engineOptions, chain, evaluation, sensitivity };
}

/** The rest: the impact pass (its traversed `lanes` already run, when given) and the report. */
function finishAnalysis(
  begun: ReturnType<typeof beginAnalysis>,
  resolved: ResolvedAnalyzeOptions,
  withMoney: boolean,
  lanes?: readonly LaneBatch[],
): { report: Report; money: BusinessImpact | null } {
  const { model, modelWarnings, engineOptions, chain, evaluation, sensitivity } = begun;
  const strength = chainStrength(chain);
  const money = withMoney
    ? moneyView(model, chain, evaluation, {
        links: true,
        top: resolved.top,
        engine: engineOptions,
      })
    : null;
  const costly =
    sensitivity === null ? null : thresholdCollector(chain, evaluation, resolved.spofThreshold);
  const visit = bothVisitors(money?.pricer?.visit, costly?.visit);
  // S is null exactly when no customer is scored: then no link moves S or any money (all 0).
  const pass =
    sensitivity === null
      ? null
      : runImpactPass(chain, evaluation, {
          options: engineOptions,
          score: sensitivity,
          top: resolved.top,
          ...(visit !== undefined && { visit }),
          ...(lanes !== undefined && { lanes }),
          onProgress: resolved.onProgress,
        });
  const impacts = pass?.impacts ?? null;
  const nan = new Float64Array(chain.linkCount).fill(Number.NaN);
  const figures = {
    sensitivity: sensitivity?.link ?? nan,
    fixGain: impacts?.fixGain ?? nan,
    failureLoss: impacts?.failureLoss ?? nan,
  };

  // Only the few links that are some customer's weakest get a list: the rest share NOBODY.
  const weakestFor = new Map<number, string[]>();
  const pairs =
    resolved.cutSets === 2
      ? { customers: resolved.cutSetCustomers, pairLimit: resolved.cutSetPairLimit }
      : null;
  const spof = singlePoints(chain, costly, pairs);
  const customers = customerReports(model, chain, evaluation, strength, weakestFor).map(
    (customer, i) => ({ ...customer, ...spof[i]! }),
  );
  const reached = customersReached(chain);
  const distance = handoffsToCustomer(chain);

  const actors: ActorReport[] = [];
  for (let v = 0; v < chain.actorCount; v++) {
    const actor =
      v < chain.departmentCount
        ? model.departments![v]!
        : model.employees![v - chain.departmentCount]!;
    actors.push({
      id: actor.id,
      name: actor.name ?? actor.id,
      kind: v < chain.departmentCount ? 'department' : 'employee',
      service: evaluation.service[v]!,
      chainStrength: strength[v]!,
      sensitivity: figure(figures.sensitivity[v]),
      fixGain: figure(figures.fixGain[v]),
      failureLoss: figure(figures.failureLoss[v]),
      customersReached: reached[v]!,
      handoffsToCustomer: distance[v]! < 0 ? null : distance[v]!,
      weakestFor: weakestFor.get(v) ?? NOBODY,
    });
  }
  const handoffs: HandoffReport[] = [];
  for (let h = 0; h < chain.handoffCount; h++) {
    const l = chain.actorCount + h;
    handoffs.push({
      id: chain.handoffIds[h]!,
      from: chain.ids[chain.from[h]!]!,
      to: chain.ids[chain.to[h]!]!,
      quality: chain.quality[h]!,
      received: evaluation.service[chain.from[h]!]! * chain.quality[h]!,
      sensitivity: figure(figures.sensitivity[l]),
      fixGain: figure(figures.fixGain[l]),
      failureLoss: figure(figures.failureLoss[l]),
      weakestFor: weakestFor.get(l) ?? NOBODY,
    });
  }

  const nameOf = (v: number) =>
    (v < chain.actorCount ? actors[v]! : customers[v - chain.actorCount]!).name;
  const parts = {
    model: {
      name: model.name ?? 'Untitled model',
      actors: chain.actorCount,
      customers: chain.customerCount,
      handoffs: chain.handoffCount,
      ...(model.currency !== undefined && { currency: model.currency }),
    },
    score: evaluation.score,
    customers,
    actors,
    handoffs,
    cycles: cycleReports(chain, evaluation),
    warnings: [
      ...modelWarnings,
      ...engineWarnings(chain, evaluation, sensitivity, {
        tolerance: resolved.tolerance,
        nameOf,
      }),
    ],
    rankings: {
      overall: buildRanking(chain, figures, resolved.top, { tolerance: resolved.tolerance }),
      byCustomer: pass?.byCustomer ?? [],
    },
    ...(model.observations !== undefined && {
      observations: observationRows(model, customers),
    }),
  };
  const headline = buildHeadline(parts, chain, resolved.top);
  const damped = dampedWeakestLinkWarnings(chain, headline, (nodeId) => {
    const v = chain.nodeIndex.get(nodeId);
    return v === undefined ? nodeId : nameOf(v);
  });
  const report: Report = { ...parts, warnings: [...parts.warnings, ...damped], headline };
  return { report, money: money?.finish() ?? null };
}

/** Customers with service, chain strength and weakest link; fills `weakestFor` (declaration order). */
function customerReports(
  model: Model,
  chain: CompiledChain,
  evaluation: Evaluation,
  strength: Float64Array,
  weakestFor: Map<number, string[]>,
): CustomerReport[] {
  return (model.customers ?? []).map((customer, i) => {
    const c = chain.actorCount + i;
    const { link, path } = weakestLink(chain, strength, c);
    const weakest = weakestLinkRef(chain, link);
    const ids = path.map((v) => chain.ids[v]!);
    // The chain starts at the weakest hand-off's provider: ids of nodes, link first.
    if (weakest?.type === 'handoff') ids.unshift(weakest.from);
    if (link >= 0) {
      const list = weakestFor.get(link);
      if (list === undefined) weakestFor.set(link, [customer.id]);
      else list.push(customer.id);
    }
    return {
      id: customer.id,
      name: customer.name ?? customer.id,
      segment: customer.segment ?? 'end-user',
      value: customerCoefficients(customer, model.defaults).value,
      service: isScored(chain, c) ? evaluation.service[c]! : null,
      chainStrength: strength[c]!,
      weakestLink: weakest,
      chain: ids,
    };
  });
}

/** Cyclic components, ordered by their first node in declaration order. */
function cycleReports(chain: CompiledChain, evaluation: Evaluation): CycleReport[] {
  const { count, start, nodes, cyclic } = chain.components;
  const cycles: { first: number; report: CycleReport }[] = [];
  for (let k = 0; k < count; k++) {
    if (cyclic[k] === 0) continue;
    const members = Array.from(nodes.subarray(start[k]!, start[k + 1]!));
    cycles.push({
      first: members[0]!,
      report: {
        nodes: members.map((v) => chain.ids[v]!),
        iterations: evaluation.iterations[k]!,
        converged: evaluation.converged[k] === 1,
      },
    });
  }
  return cycles.sort((a, b) => a.first - b.first).map((cycle) => cycle.report);
}
