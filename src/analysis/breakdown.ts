/**
 * A breakdown (docs/model.md, "Change over time"): a link fails (quality or effective performance
 * 0) on day 0, stays down for some days and recovers; the service day by day on the machinery of
 * dynamics.ts until it is back, and the service-days it cost.
 */
import { applyChanges as applyChainChanges, type CompiledChain, runDays } from '../engine/index.js';
import { type Issue, ServiceChainError, type Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import type { Model } from '../model/schema.js';
import {
  customerCurves,
  type DynamicsCustomer,
  type DynamicsOptions,
  dynamicsSettings,
  pastOf,
  runWarnings,
  serviceById,
} from './dynamics.js';
import { compileLagged } from './lagged-model.js';
import { evaluateModel } from './scenario-eval.js';

/** The link that breaks down: a hand-off or an actor, by id. */
export type BrokenLink = { readonly handoff: string } | { readonly actor: string };

/** One customer's curve during a breakdown, with the service-days it lost. */
export type BreakdownCustomer = DynamicsCustomer & { readonly lost: number | null };

/** What breakdown returns: the curves while a link is down and after it recovers. */
export interface BreakdownResult {
  readonly link: { readonly type: 'actor' | 'handoff'; readonly id: string };
  readonly failedDays: number;
  /** How many days were computed (day 0 to days - 1). */
  readonly days: number;
  readonly settled: boolean;
  readonly score: {
    readonly before: number | null;
    readonly daily: readonly (number | null)[];
    /** Sum over the days of (S before - S that day): score-days lost. */
    readonly lost: number | null;
  };
  readonly customers: readonly BreakdownCustomer[];
  /** Service-days lost summed over the scored customers. */
  readonly customerDaysLost: number;
  readonly warnings: readonly Warning[];
}

/** The link's number in the chain (actors, then hand-offs), or why it names nothing usable. */
function findLink(chain: CompiledChain, link: BrokenLink): number | Issue {
  if ('handoff' in link) {
    const h = chain.handoffIndex.get(link.handoff);
    if (h !== undefined) return chain.actorCount + h;
    const message = `unknown hand-off ${JSON.stringify(link.handoff)}`;
    return { code: 'invalid_option', path: 'link', message };
  }
  const v = chain.nodeIndex.get(link.actor);
  if (v !== undefined && v < chain.actorCount) return v;
  const message =
    v === undefined
      ? `unknown actor ${JSON.stringify(link.actor)}`
      : `${JSON.stringify(link.actor)} is a customer, not an actor`;
  return { code: 'invalid_option', path: 'link', message };
}

function sumLost(daily: readonly (number | null)[], start: number): number {
  return daily.reduce<number>((total, s) => total + (s === null ? 0 : start - s), 0);
}

/**
 * A link that fails from day 0 for `failedDays` days and then recovers: the service day by day
 * until it is back, and the service-days lost. Throws ServiceChainError `invalid_option` for a
 * link that names nothing or a failure shorter than a day.
 */
export function breakdown(
  input: Model,
  link: BrokenLink,
  failedDays: number,
  options: DynamicsOptions = {},
): BreakdownResult {
  const settings = dynamicsSettings(options);
  const { model, warnings } = ensureValidModel(input);
  const lagged = compileLagged(model);
  const { chain } = lagged;
  const found = findLink(chain, link);
  const issues = typeof found === 'number' ? [] : [found];
  if (!(Number.isInteger(failedDays) && failedDays >= 1))
    issues.push({
      code: 'invalid_option',
      path: 'failedDays',
      message: 'the failure must last a whole number of days >= 1',
    });
  if (typeof found !== 'number' || issues.length > 0) throw new ServiceChainError(issues);
  const failed = applyChainChanges(chain, [
    found >= chain.actorCount
      ? { handoff: found - chain.actorCount, field: 'quality', value: 0 }
      : { node: found, field: 'performance', value: 0 },
  ]).chain;
  const before = evaluateModel(model, settings, false);
  const beforeService = serviceById(before.chain, before.evaluation.service);
  const past = pastOf(lagged, beforeService, beforeService);
  const run = runDays((day) => (day < failedDays ? failed : chain), lagged.lagged, past, {
    ...settings,
    holdUntil: failedDays,
  });
  const customers = customerCurves(model, chain, run, beforeService).map((curve) => ({
    ...curve,
    lost: curve.before === null ? null : sumLost(curve.daily, curve.before),
  }));
  const score = before.evaluation.score;
  return {
    link:
      'handoff' in link ? { type: 'handoff', id: link.handoff } : { type: 'actor', id: link.actor },
    failedDays,
    days: run.service.length,
    settled: run.settled,
    score: {
      before: score,
      daily: run.score,
      lost: score === null ? null : sumLost(run.score, score),
    },
    customers,
    customerDaysLost: customers.reduce((total, c) => total + (c.lost ?? 0), 0),
    warnings: [...warnings, ...runWarnings(run, settings.days)],
  };
}
