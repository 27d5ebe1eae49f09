/**
 * Dynamics (docs/model.md, "Change over time"): after a scenario applied on day 0, each node's
 * service day by day until it settles, each node following its inputs as they were `lag` days
 * earlier; the day each customer reaches half and 90% of its final change. The last day equals
 * the static what-if; with no lag anywhere it does from day 0. breakdown.ts runs a link that fails
 * for some days and recovers on the same machinery.
 */
import { z } from 'zod';
import {
  type CompiledChain,
  type DailyRun,
  ENGINE_DEFAULTS,
  KIND_CUSTOMER,
  runDays,
} from '../engine/index.js';
import { ServiceChainError, type Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import { type DefaultsOf, EngineOptionsSchema, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';
import { compileLagged, type LaggedChain } from './lagged-model.js';
import { isScored } from './rankings.js';
import { tryApplyChanges } from './scenario.js';
import { evaluateModel } from './scenario-eval.js';
import type { Scenario } from './scenario-schema.js';

/** Options of dynamics and breakdown. */
export const DynamicsOptionsSchema = EngineOptionsSchema.extend({
  /** The most days to compute (day 0 included); the run stops earlier once nothing moves. */
  days: z.int().min(1).max(100_000).optional(),
});

/** Options of dynamics and breakdown. @useDeclaredType */
export type DynamicsOptions = z.input<typeof DynamicsOptionsSchema>;

/** Defaults of DynamicsOptions: up to a year. */
export const DYNAMICS_DEFAULTS: DefaultsOf<DynamicsOptions> = {
  tolerance: ENGINE_DEFAULTS.tolerance,
  maxIterations: ENGINE_DEFAULTS.maxIterations,
  days: 365,
};

/** One customer's curve. */
export interface DynamicsCustomer {
  readonly id: string;
  readonly name: string;
  /** s_c before day 0 (null if unscored or new) and on the last day computed. */
  readonly before: number | null;
  readonly after: number | null;
  /** s_c on each day computed (null where unscored). */
  readonly daily: readonly (number | null)[];
  /** First day with at least half / 90% of the final change; null when nothing changes. */
  readonly halfDay: number | null;
  readonly ninetyDay: number | null;
}

/** What dynamics returns. */
export interface DynamicsResult {
  readonly scenario: { readonly name: string | null; readonly changes: number };
  /** How many days were computed (day 0 to days - 1). */
  readonly days: number;
  /** True when the run stopped because nothing moved any more. */
  readonly settled: boolean;
  /** The first day from which nothing moves any more; null when it did not settle. */
  readonly settledDay: number | null;
  readonly longestLag: number;
  /** S before day 0, S of the static what-if, and S on each day. */
  readonly score: {
    readonly before: number | null;
    readonly final: number | null;
    readonly daily: readonly (number | null)[];
  };
  /**
   * The largest gap between the last day and the static what-if over every node; 0 up to the
   * tolerance when it settled (a warning says when not).
   */
  readonly staticGap: number;
  readonly customers: readonly DynamicsCustomer[];
  readonly warnings: readonly Warning[];
}

/** The resolved options. */
export function dynamicsSettings(options: DynamicsOptions) {
  return resolveOptions(DynamicsOptionsSchema, DYNAMICS_DEFAULTS, options);
}

/** Every node's service before day 0 by the lagged chain's numbering: `known` by id, else `fallback`. */
export function pastOf(
  lagged: LaggedChain,
  known: ReadonlyMap<string, number>,
  fallback: ReadonlyMap<string, number>,
): Float64Array {
  const { chain } = lagged;
  const past = new Float64Array(chain.nodeCount);
  for (let v = 0; v < chain.nodeCount; v++) {
    const id = chain.ids[v]!;
    past[v] = known.get(id) ?? fallback.get(id) ?? 1;
  }
  // A ghost starts where its source was, so day 0 shows no move that did not happen.
  const { ghost, source } = lagged.lagged;
  for (let i = 0; i < ghost.length; i++) past[ghost[i]!] = past[source[i]!]!;
  return past;
}

/** Each node's service by id. */
export function serviceById(chain: CompiledChain, service: Float64Array): Map<string, number> {
  return new Map(chain.ids.map((id, v) => [id, service[v]!]));
}

/** The first day whose change from `start` reaches `share` of the final change. */
export function dayReaching(
  daily: readonly (number | null)[],
  start: number | null,
  share: number,
): number | null {
  const end = daily[daily.length - 1];
  if (start === null || end === null || end === undefined || end === start) return null;
  const total = end - start;
  const day = daily.findIndex((s) => s !== null && (s - start) / total >= share - 1e-12);
  return day === -1 ? null : day;
}

/** The day the final state was reached: the last day that moved by more than the tolerance (0 if none). */
export function settledDayOf(run: DailyRun, past: Float64Array, tolerance: number): number {
  let last = 0;
  run.service.forEach((service, day) => {
    const previous = day === 0 ? past : run.service[day - 1]!;
    if (service.some((s, v) => Math.abs(s - previous[v]!) > tolerance)) last = day;
  });
  return last;
}

/** The customers' curves of a run. */
export function customerCurves(
  model: Model,
  chain: CompiledChain,
  run: DailyRun,
  before: ReadonlyMap<string, number>,
): DynamicsCustomer[] {
  const names = new Map((model.customers ?? []).map((c) => [c.id, c.name ?? c.id]));
  const curves: DynamicsCustomer[] = [];
  for (let c = 0; c < chain.nodeCount; c++) {
    if (chain.kind[c] !== KIND_CUSTOMER) continue;
    const id = chain.ids[c]!;
    const scored = isScored(chain, c);
    const daily = run.service.map((service) => (scored ? service[c]! : null));
    const start = scored ? (before.get(id) ?? null) : null;
    curves.push({
      id,
      name: names.get(id) ?? id,
      before: start,
      after: daily[daily.length - 1] ?? null,
      daily,
      halfDay: dayReaching(daily, start, 0.5),
      ninetyDay: dayReaching(daily, start, 0.9),
    });
  }
  return curves;
}

/** The warnings of a run that did not settle, or whose cycles did not converge. */
export function runWarnings(run: DailyRun, days: number): Warning[] {
  const warnings: Warning[] = [];
  if (!run.settled)
    warnings.push({
      code: 'not_settled',
      path: '',
      message: `the service had not settled after ${days} days; raise the number of days (CLI: --days) to see it further`,
    });
  if (!run.converged)
    warnings.push({
      code: 'not_converged',
      path: '',
      message: 'a cycle did not converge within the iteration cap on some day',
    });
  return warnings;
}

/**
 * Applies a scenario (checked like whatIf's) on day 0 and follows the service day by day. Throws
 * ServiceChainError with every problem of the scenario or the options.
 */
export function dynamics(
  input: Model,
  scenario: Pick<Scenario, 'changes'> & { readonly name?: string },
  options: DynamicsOptions = {},
): DynamicsResult {
  const settings = dynamicsSettings(options);
  const { model } = ensureValidModel(input);
  const applied = tryApplyChanges(model, scenario.changes);
  if (applied.issues.length > 0) throw new ServiceChainError(applied.issues);
  const { warnings } = ensureValidModel(applied.model);
  const before = evaluateModel(model, settings, false);
  const after = evaluateModel(applied.model, settings, false);
  const beforeService = serviceById(before.chain, before.evaluation.service);
  const afterService = serviceById(after.chain, after.evaluation.service);
  const lagged = compileLagged(applied.model);
  const past = pastOf(lagged, beforeService, afterService);
  const run = runDays(() => lagged.chain, lagged.lagged, past, settings);
  const last = run.service[run.service.length - 1]!;
  let gap = 0;
  for (let v = 0; v < after.chain.nodeCount; v++)
    gap = Math.max(
      gap,
      Math.abs(
        last[lagged.chain.nodeIndex.get(after.chain.ids[v]!)!]! - after.evaluation.service[v]!,
      ),
    );
  const extra = runWarnings(run, settings.days);
  if (run.settled && gap > Math.max(settings.tolerance, 1e-9))
    extra.push({
      code: 'not_static',
      path: '',
      message: `the service settled ${gap.toExponential(2)} away from the static what-if: a cycle through lagged hand-offs held a state the static greatest fixed point does not`,
    });
  return {
    scenario: { name: scenario.name ?? null, changes: applied.changes.length },
    days: run.service.length,
    settled: run.settled,
    settledDay: run.settled ? settledDayOf(run, past, settings.tolerance) : null,
    longestLag: lagged.longest,
    score: { before: before.evaluation.score, final: after.evaluation.score, daily: run.score },
    staticGap: gap,
    customers: customerCurves(applied.model, lagged.chain, run, beforeService),
    warnings: [...warnings, ...extra],
  };
}
