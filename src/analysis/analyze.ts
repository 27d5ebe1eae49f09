/**
 * `analyze(model, options)`: the whole analysis of MODEL.md sections 2-4 as the report of section 7
 * (report.ts), plus rankings. The model is validated (ensureValidModel), compiled once, and every
 * figure comes from the engine (src/engine).
 */
import {
  type CompiledChain,
  chainStrength,
  compileModel,
  customerSensitivity,
  customersReached,
  type EngineOptions,
  type Evaluation,
  forEachLinkCustomerImpact,
  handoffsToCustomer,
  linkImpacts,
  propagate,
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
  Rankings,
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
    sensitivity === null ? null : linkImpacts(chain, evaluation, sensitivity, engineOptions);
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
    rankings: rankings(chain, evaluation, figures, resolved.top, engineOptions),
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

/** Overall rankings and, for each scored customer, rankings of its own service's figures. */
function rankings(
  chain: CompiledChain,
  evaluation: Evaluation,
  figures: { sensitivity: Float64Array; fixGain: Float64Array; failureLoss: Float64Array },
  top: number,
  options: EngineOptions,
): Rankings {
  const overall = buildRanking(chain, figures, top);
  if (evaluation.score === null) return { overall, byCustomer: [] };
  const scored: number[] = [];
  for (let c = chain.actorCount; c < chain.nodeCount; c++)
    if (chain.groupStart[c + 1]! > chain.groupStart[c]!) scored.push(c);
  const fix = new Map<number, TopLinks>();
  const failure = new Map<number, TopLinks>();
  for (const c of scored) {
    fix.set(c, createTopLinks(top));
    failure.set(c, createTopLinks(top));
  }
  forEachLinkCustomerImpact(chain, evaluation, options, (link, fixes, failures) => {
    for (const c of scored) {
      fix.get(c)!.offer(link, fixes[c - chain.actorCount]!);
      failure.get(c)!.offer(link, failures[c - chain.actorCount]!);
    }
  });
  const byCustomer = scored.map((c) => {
    const sensitivity = createTopLinks(top);
    const links = customerSensitivity(chain, evaluation, c, options).link;
    for (let l = 0; l < links.length; l++) sensitivity.offer(l, links[l]!);
    return {
      customer: chain.ids[c]!,
      ranking: {
        sensitivity: rankedFrom(chain, sensitivity),
        fixGain: rankedFrom(chain, fix.get(c)!),
        failureLoss: rankedFrom(chain, failure.get(c)!),
      },
    };
  });
  return { overall, byCustomer };
}
