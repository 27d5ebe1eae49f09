/**
 * `analyze(model, options)`: the whole analysis of MODEL.md sections 2-4 as the report of section 7
 * (report.ts), plus rankings. The model is validated (ensureValidModel), compiled once, and every
 * figure comes from the engine (src/engine).
 */
import {
  type CompiledChain,
  chainStrength,
  compileModel,
  customerAdjoints,
  customersReached,
  type EngineOptions,
  type Evaluation,
  forEachLinkCustomerImpact,
  handoffsToCustomer,
  type ImpactProgress,
  propagate,
  type Sensitivity,
  scoreSensitivity,
  weakestLink,
} from '../engine/index.js';
import { customerCoefficients } from '../model/defaults.js';
import { ensureValidModel } from '../model/load.js';
import type { Model } from '../model/schema.js';
import { type AnalyzeOptions, resolveAnalyzeOptions } from './analyze-options.js';
import { engineWarnings } from './engine-warnings.js';
import { buildRanking, createTopLinks, rankedFrom, type TopLinks } from './rankings.js';
import type {
  ActorReport,
  CustomerReport,
  CycleReport,
  HandoffReport,
  Report,
  WeakestLink,
} from './report.js';

export { ANALYZE_DEFAULTS, type AnalyzeOptions } from './analyze-options.js';

/** A figure as reported: null where absent or infinite (NaN inside the engine); never below 0. */
function figure(x: number | undefined): number | null {
  if (x === undefined || !Number.isFinite(x)) return null;
  return x > 0 ? x : 0;
}

/** The full report of a model. Throws ServiceChainError on an invalid model or option. */
export function analyze(model: Model, options?: AnalyzeOptions): Report {
  const resolved = resolveAnalyzeOptions(options);
  const modelWarnings = ensureValidModel(model);
  const engineOptions: EngineOptions = {
    tolerance: resolved.tolerance,
    maxIterations: resolved.maxIterations,
  };
  const chain = compileModel(model);
  const evaluation = propagate(chain, engineOptions);
  const strength = chainStrength(chain);
  const sensitivity =
    evaluation.score === null ? null : scoreSensitivity(chain, evaluation, engineOptions);
  const impacts =
    sensitivity === null
      ? null
      : impactPass(
          chain,
          evaluation,
          sensitivity,
          resolved.top,
          engineOptions,
          resolved.onProgress,
        );
  const nan = new Float64Array(chain.linkCount).fill(Number.NaN);
  const figures = {
    sensitivity: sensitivity?.link ?? nan,
    fixGain: impacts?.fixGain ?? nan,
    failureLoss: impacts?.failureLoss ?? nan,
  };

  const weakestFor: string[][] = Array.from({ length: chain.linkCount }, () => []);
  const customers = customerReports(model, chain, evaluation, strength, weakestFor);
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
      weakestFor: weakestFor[v]!,
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
      weakestFor: weakestFor[l]!,
    });
  }

  return {
    model: {
      name: model.name ?? 'Untitled model',
      actors: chain.actorCount,
      customers: chain.customerCount,
      handoffs: chain.handoffCount,
    },
    score: evaluation.score,
    customers,
    actors,
    handoffs,
    cycles: cycleReports(chain, evaluation),
    warnings: [...modelWarnings, ...engineWarnings(chain, evaluation, sensitivity)],
    rankings: {
      overall: buildRanking(chain, figures, resolved.top),
      byCustomer: impacts?.byCustomer ?? [],
    },
  };
}

/** Customers with service, chain strength and weakest link; fills `weakestFor` (declaration order). */
function customerReports(
  model: Model,
  chain: CompiledChain,
  evaluation: Evaluation,
  strength: Float64Array,
  weakestFor: string[][],
): CustomerReport[] {
  return (model.customers ?? []).map((customer, i) => {
    const c = chain.actorCount + i;
    const scored = chain.groupStart[c + 1]! > chain.groupStart[c]!;
    const { link, path } = weakestLink(chain, strength, c);
    let weakest: WeakestLink | null = null;
    const ids = path.map((v) => chain.ids[v]!);
    if (link >= chain.actorCount) {
      const h = link - chain.actorCount;
      weakest = {
        type: 'handoff',
        id: chain.handoffIds[h]!,
        from: chain.ids[chain.from[h]!]!,
        to: chain.ids[chain.to[h]!]!,
      };
      // The chain starts at the weakest hand-off's provider: ids of nodes, link first.
      ids.unshift(chain.ids[chain.from[h]!]!);
    } else if (link >= 0) {
      weakest = { type: 'actor', id: chain.ids[link]! };
    }
    if (link >= 0) weakestFor[link]!.push(customer.id);
    return {
      id: customer.id,
      name: customer.name ?? customer.id,
      segment: customer.segment ?? 'end-user',
      value: customerCoefficients(customer, model.defaults).value,
      service: scored ? evaluation.service[c]! : null,
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

/** Top links of one customer's three figures, filled as the impact pass goes. */
interface CustomerTops {
  readonly sensitivity: TopLinks;
  readonly fixGain: TopLinks;
  readonly failureLoss: TopLinks;
}

/**
 * The exact fixGain / failureLoss of every link for S AND for every scored customer, from ONE
 * set of recomputes (MODEL.md section 4): the engine spreads each recompute's frontier over every
 * customer's adjoint and S's, so S's figures are linkImpacts' own, bit for bit (the report is
 * unchanged by sharing the pass), and the customers' adjoint passes also give their sensitivity
 * rankings. Only called when S is not null.
 */
function impactPass(
  chain: CompiledChain,
  evaluation: Evaluation,
  sensitivity: Sensitivity,
  top: number,
  options: EngineOptions,
  onProgress: ImpactProgress | undefined,
) {
  const first = chain.actorCount;
  const scored: number[] = [];
  for (let c = first; c < chain.nodeCount; c++)
    if (chain.groupStart[c + 1]! > chain.groupStart[c]!) scored.push(c);
  const tops = new Map<number, CustomerTops>();
  for (const c of scored)
    tops.set(c, {
      sensitivity: createTopLinks(top),
      fixGain: createTopLinks(top),
      failureLoss: createTopLinks(top),
    });
  // The customers' adjoints serve twice: their link sensitivities rank here, and the recomputes'
  // frontier spreads over them below.
  const adjoints = customerAdjoints(chain, evaluation, options, (c, { link }) => {
    const ranking = tops.get(c);
    if (ranking === undefined) return;
    for (let l = 0; l < link.length; l++) ranking.sensitivity.offer(l, link[l]!);
  });
  const visit = (link: number, fixes: Float64Array, failures: Float64Array): void => {
    for (const c of scored) {
      const ranking = tops.get(c)!;
      ranking.fixGain.offer(link, fixes[c - first]!);
      ranking.failureLoss.offer(link, failures[c - first]!);
    }
  };
  const settings = {
    adjoints,
    score: sensitivity,
    ...(onProgress !== undefined && { onProgress }),
  };
  const { fixGain, failureLoss } = forEachLinkCustomerImpact(
    chain,
    evaluation,
    options,
    visit,
    settings,
  )!;
  const byCustomer = scored.map((c) => {
    const ranking = tops.get(c)!;
    return {
      customer: chain.ids[c]!,
      ranking: {
        sensitivity: rankedFrom(chain, ranking.sensitivity),
        fixGain: rankedFrom(chain, ranking.fixGain),
        failureLoss: rankedFrom(chain, ranking.failureLoss),
      },
    };
  });
  return { fixGain, failureLoss, byCustomer };
}
