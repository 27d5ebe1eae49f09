/**
 * Service day by day after a change (docs/model.md, "Change over time"). The chain given here has
 * every hand-off with a lag re-pointed at a **ghost**: an actor with no inputs and dependence 0,
 * whose service is exactly its effective performance. Each day the ghosts are set to their
 * sources' service `lag` days earlier and the chain is propagated as usual: lag-0 hand-offs take
 * the same day's values in topological order, and a cycle of lag-0 hand-offs is iterated to its
 * greatest fixed point within the day, by the very code of the static propagation.
 */
import { propagate } from './propagate.js';
import type { CompiledChain, EngineOptions, Evaluation } from './types.js';

/** The lagged inputs of a chain: ghost node, source node and lag (days >= 1) of each. */
export interface LaggedInputs {
  readonly ghost: Int32Array;
  readonly source: Int32Array;
  readonly lag: Int32Array;
}

/** How far to run and when to stop. */
export interface DynamicsSettings extends EngineOptions {
  /** The most days to compute (day 0 included). */
  readonly days: number;
  /** No stop before this day (a schedule that changes again on that day, as a recovery). */
  readonly holdUntil?: number;
}

/** What each day gave: S and every node's service, day 0 first. */
export interface DailyRun {
  /** Service of every node on each day computed. */
  readonly service: readonly Float64Array[];
  readonly score: readonly (number | null)[];
  /** True when the run stopped because nothing moved any more (history included). */
  readonly settled: boolean;
  /** False when a cycle's iteration hit the cap on some day. */
  readonly converged: boolean;
}

/**
 * Runs `chainOn(t)` (the chain in force on day t; its ghosts' effective performance is written
 * here) from day 0, with `past` as every node's service before day 0. Stops once the service has
 * not moved by more than the tolerance for more days than the longest lag, or after `days` days.
 */
export function runDays(
  chainOn: (day: number) => CompiledChain,
  lagged: LaggedInputs,
  past: Float64Array,
  settings: DynamicsSettings,
): DailyRun {
  let longest = 0;
  for (let i = 0; i < lagged.lag.length; i++) longest = Math.max(longest, lagged.lag[i]!);
  const service: Float64Array[] = [];
  const score: (number | null)[] = [];
  const at = (node: number, day: number) => (day < 0 ? past[node]! : service[day]![node]!);
  let quiet = 0;
  let converged = true;
  for (let day = 0; day < settings.days; day++) {
    const chain = chainOn(day);
    const performance = chain.effectivePerformance as Float64Array;
    for (let i = 0; i < lagged.ghost.length; i++)
      performance[lagged.ghost[i]!] = at(lagged.source[i]!, day - lagged.lag[i]!);
    const evaluation: Evaluation = propagate(chain, settings);
    if (evaluation.converged.includes(0)) converged = false;
    const previous = day === 0 ? past : service[day - 1]!;
    let change = 0;
    for (let v = 0; v < previous.length; v++)
      change = Math.max(change, Math.abs(evaluation.service[v]! - previous[v]!));
    service.push(evaluation.service);
    score.push(evaluation.score);
    quiet = change <= settings.tolerance ? quiet + 1 : 0;
    // Once every value a lagged input can read is the same, every later day is too.
    if (quiet > longest && day > 0 && day > (settings.holdUntil ?? 0))
      return { service, score, settled: true, converged };
  }
  return { service, score, settled: false, converged };
}
