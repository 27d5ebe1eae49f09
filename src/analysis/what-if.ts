/**
 * What-if (docs/model.md, "What-if scenarios and plans"): S, every customer's service, chain strength and weakest link
 * before and after a scenario, and the links whose fixGain ranking moved. Field-only changes are
 * re-evaluated incrementally (only what lies downstream of them); adding or removing nodes or
 * hand-offs, regrouping a hand-off or re-valuing a customer recompiles.
 */
import { z } from 'zod';
import {
  type CompiledChain,
  ENGINE_DEFAULTS,
  type ImpactProgress,
  KIND_CUSTOMER,
  linkImpacts,
  scoreSensitivity,
  weakestLink,
} from '../engine/index.js';
import { handoffId } from '../model/defaults.js';
import { ServiceChainError, type Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import {
  type DefaultsOf,
  EngineOptionsSchema,
  ProgressSchema,
  resolveOptions,
} from '../model/options.js';
import type { Model } from '../model/schema.js';
import { removalRaisesScore } from './engine-warnings.js';
import { isScored, linkRef, rankAll, weakestLinkRef } from './rankings.js';
import type { LinkRef, WeakestLink } from './report.js';
import { isStructural, tryApplyChanges } from './scenario.js';
import { type Evaluated, evaluateChanges, evaluateModel } from './scenario-eval.js';
import type { Scenario } from './scenario-schema.js';

/** Options of whatIf. */
export const WhatIfOptionsSchema = EngineOptionsSchema.extend({
  /**
   * Compare fixGain rankings before and after (one exact impact pass on each side). Unset: only
   * when both sides are within `rankingsLinkLimit` and `rankingsCycleLimit`, else skipped with a
   * `rankings_skipped` warning; true forces them, false skips them silently.
   */
  rankings: z.boolean().optional(),
  /** With `rankings` unset, the most links either side may have for the comparison to run. */
  rankingsLinkLimit: z.int().min(0).optional(),
  /** With `rankings` unset, the largest cycle (in nodes) either side may have for it to run. */
  rankingsCycleLimit: z.int().min(0).optional(),
  /** Re-evaluate field-only changes incrementally; false recomputes in full (same result). */
  incremental: z.boolean().optional(),
  /** Told how far each side's impact pass (rankings) has got: `done` of `total` links. */
  onProgress: ProgressSchema.optional(),
});

/** Options of whatIf. @useDeclaredType */
export type WhatIfOptions = z.input<typeof WhatIfOptionsSchema>;

/**
 * Defaults of WhatIfOptions; `rankings: 'auto'` compares them when both sides are within the
 * limits. The exact fixGain pass recomputes each link's
 * downstream (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"), and every link in or upstream of a cycle re-iterates that cycle
 * to convergence: about links x downstream size, and links x cycle size x iterations inside
 * cycles. 20,000 links take seconds on an acyclic organisation; a 500-node cycle keeps each
 * recompute to a few hundred thousand node updates. Beyond either, on either side, a what-if
 * could take minutes to hours (a 5,000-actor model with one giant cycle did not finish in 10
 * minutes), so the comparison is skipped with a warning unless asked for.
 */
export const WHAT_IF_DEFAULTS: DefaultsOf<Omit<WhatIfOptions, 'onProgress' | 'rankings'>> & {
  readonly rankings: 'auto';
} = {
  tolerance: ENGINE_DEFAULTS.tolerance,
  maxIterations: ENGINE_DEFAULTS.maxIterations,
  rankings: 'auto',
  rankingsLinkLimit: 20_000,
  rankingsCycleLimit: 500,
  incremental: true,
};

/** The limits of the default rankings comparison. */
interface RankingsLimits {
  readonly rankingsLinkLimit: number;
  readonly rankingsCycleLimit: number;
}

/** Why the default rankings comparison is too costly for this chain, or null if it is not. */
function rankingsTooCostly(chain: CompiledChain, limits: RankingsLimits): string | null {
  if (chain.linkCount > limits.rankingsLinkLimit)
    return `${chain.linkCount.toLocaleString('en')} links (more than ${limits.rankingsLinkLimit.toLocaleString('en')})`;
  const { count, start, cyclic } = chain.components;
  let largest = 0;
  for (let k = 0; k < count; k++)
    if (cyclic[k] === 1) largest = Math.max(largest, start[k + 1]! - start[k]!);
  if (largest > limits.rankingsCycleLimit)
    return `a cycle of ${largest.toLocaleString('en')} nodes (more than ${limits.rankingsCycleLimit.toLocaleString('en')})`;
  return null;
}

/** The `rankings_skipped` warning: what was too large, and how to force the comparison. */
function rankingsSkipped(reason: string): Warning {
  return {
    code: 'rankings_skipped',
    path: '',
    message:
      `fixGain ranking comparison skipped: the model has ${reason}, and the exact impact pass ` +
      'could take very long; force it with `rankings: true` (CLI: --rankings)',
  };
}

/** A figure before and after, and after - before (null where either side is null). */
export interface BeforeAfter {
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
}

/** One customer before and after. */
export interface WhatIfCustomer {
  readonly id: string;
  readonly name: string;
  /** `added` or `removed` by the scenario, else `kept`. */
  readonly status: 'kept' | 'added' | 'removed';
  /** s_c (null for a customer that receives no hand-off, or on the side where it does not exist). */
  readonly service: BeforeAfter;
  readonly chainStrength: BeforeAfter;
  readonly weakestLink: {
    readonly before: WeakestLink | null;
    readonly after: WeakestLink | null;
    readonly changed: boolean;
  };
}

/** A link's place in the fixGain ranking (1 = largest gain). */
export interface RankPlace {
  readonly rank: number;
  readonly fixGain: number | null;
}

/** A link whose fixGain rank moved (or that exists on one side only). */
export interface RankMove {
  readonly link: LinkRef;
  readonly before: RankPlace | null;
  readonly after: RankPlace | null;
}

/** What whatIf returns. */
export interface WhatIfResult {
  readonly scenario: { readonly name: string | null; readonly changes: number };
  /** False when only downstream components were re-evaluated; true after a full recompute. */
  readonly recompiled: boolean;
  readonly score: BeforeAfter;
  /** Largest absolute service change first; ties (and customers on one side only) in declaration order. */
  readonly customers: readonly WhatIfCustomer[];
  /**
   * Links whose fixGain rank changed, by rank after (links removed last); null when not asked, or
   * skipped on a large model (then a `rankings_skipped` warning says so).
   */
  readonly rankingMoves: readonly RankMove[] | null;
  /** The changed model's warnings (a structural change may leave a customer unreached). */
  readonly warnings: readonly Warning[];
}

/** One side of a customer: its service (null if unscored), chain strength and weakest link. */
interface CustomerSide {
  readonly name: string;
  readonly service: number | null;
  readonly chainStrength: number;
  readonly weakestLink: WeakestLink | null;
}

/** Every customer of an evaluation, by id, in declaration order. */
function customerSides(evaluated: Evaluated): Map<string, CustomerSide> {
  const { chain, evaluation, strength, model } = evaluated;
  const names = new Map((model.customers ?? []).map((c) => [c.id, c.name ?? c.id]));
  const sides = new Map<string, CustomerSide>();
  for (let v = 0; v < chain.nodeCount; v++) {
    if (chain.kind[v] !== KIND_CUSTOMER) continue;
    sides.set(chain.ids[v]!, {
      name: names.get(chain.ids[v]!) ?? chain.ids[v]!,
      service: isScored(chain, v) ? evaluation.service[v]! : null,
      chainStrength: strength![v]!,
      weakestLink: weakestLinkRef(chain, weakestLink(chain, strength!, v).link),
    });
  }
  return sides;
}

/** before/after/change of two nullable figures. */
function beforeAfter(
  before: number | null | undefined,
  after: number | null | undefined,
): BeforeAfter {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, change: b === null || a === null ? null : a - b };
}

/** Same weakest link on both sides? */
function sameLink(a: WeakestLink | null, b: WeakestLink | null): boolean {
  return a?.type === b?.type && a?.id === b?.id;
}

/** Customers before and after, ordered by absolute service change (what-if and diff). */
export function compareCustomers(before: Evaluated, after: Evaluated): WhatIfCustomer[] {
  const left = customerSides(before);
  const right = customerSides(after);
  const ids = [...new Set([...left.keys(), ...right.keys()])];
  const rows = ids.map((id) => {
    const b = left.get(id);
    const a = right.get(id);
    return {
      id,
      name: (a ?? b)!.name,
      status: b === undefined ? 'added' : a === undefined ? 'removed' : 'kept',
      service: beforeAfter(b?.service, a?.service),
      chainStrength: beforeAfter(b?.chainStrength, a?.chainStrength),
      weakestLink: {
        before: b?.weakestLink ?? null,
        after: a?.weakestLink ?? null,
        changed: !sameLink(b?.weakestLink ?? null, a?.weakestLink ?? null),
      },
    } satisfies WhatIfCustomer;
  });
  const size = (row: WhatIfCustomer) =>
    row.service.change === null ? -1 : Math.abs(row.service.change);
  // Array.prototype.sort is stable: ties keep declaration order.
  return rows.sort((x, y) => size(y) - size(x));
}

/** What the impact passes of the rankings need. */
interface RankSettings {
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly onProgress?: ImpactProgress | undefined;
}

/** Every link's fixGain rank (1-based), keyed `actor:id` / `handoff:id`. */
function fixGainRanks(evaluated: Evaluated, options: RankSettings) {
  const { chain, evaluation } = evaluated;
  const ranks = new Map<string, { link: LinkRef; place: RankPlace }>();
  const gains = new Float64Array(chain.linkCount).fill(Number.NaN);
  if (evaluation.score !== null) {
    gains.set(
      linkImpacts(chain, evaluation, scoreSensitivity(chain, evaluation, options), options).fixGain,
    );
  }
  rankAll(gains).forEach((link, position) => {
    const ref = linkRef(chain, link);
    const gain = gains[link]!;
    ranks.set(`${ref.type}:${ref.id}`, {
      link: ref,
      place: { rank: position + 1, fixGain: Number.isFinite(gain) ? gain : null },
    });
  });
  return ranks;
}

/** Links whose rank moved, by rank after; links only before come last. */
function rankMoves(before: Evaluated, after: Evaluated, options: RankSettings) {
  const left = fixGainRanks(before, options);
  const right = fixGainRanks(after, options);
  const moves: RankMove[] = [];
  for (const [key, { link, place }] of right) {
    const old = left.get(key);
    if (old?.place.rank !== place.rank)
      moves.push({ link, before: old?.place ?? null, after: place });
  }
  for (const [key, { link, place }] of left)
    if (!right.has(key)) moves.push({ link, before: place, after: null });
  return moves;
}

/** Reads and checks options. */
function settingsOf(options: WhatIfOptions) {
  return resolveOptions(WhatIfOptionsSchema, WHAT_IF_DEFAULTS, options);
}

/**
 * Applies a scenario (validated here again: raw changes are accepted) to a valid model and
 * compares before and after. Throws ServiceChainError with every problem of the scenario.
 */
export function whatIf(
  input: Model,
  scenario: Pick<Scenario, 'changes'> & { readonly name?: string },
  options: WhatIfOptions = {},
): WhatIfResult {
  const settings = settingsOf(options);
  const { model, warnings: modelWarnings } = ensureValidModel(input);
  const applied = tryApplyChanges(model, scenario.changes);
  if (applied.issues.length > 0) throw new ServiceChainError(applied.issues);
  const before = evaluateModel(model, settings, true);
  const after = evaluateChanges(before, applied.model, applied.changes, settings);
  const tooCostly =
    settings.rankings === 'auto'
      ? (rankingsTooCostly(before.chain, settings) ?? rankingsTooCostly(after.chain, settings))
      : null;
  const compare =
    settings.rankings === true || (settings.rankings === 'auto' && tooCostly === null);
  // Field changes cannot change the model's warnings (reach, isolation); structure can.
  const warnings = applied.changes.some(isStructural)
    ? ensureValidModel(applied.model).warnings
    : modelWarnings;
  const score = beforeAfter(before.evaluation.score, after.evaluation.score);
  const removals = applied.changes.flatMap((change) => ('remove' in change ? [change.remove] : []));
  const names = new Map(
    [...(model.departments ?? []), ...(model.employees ?? []), ...(model.customers ?? [])].map(
      (node) => [node.id, node.name ?? node.id],
    ),
  );
  const nameOf = (nodeId: string) => names.get(nodeId) ?? nodeId;
  // A removed hand-off by its two ends' names (the change itself keeps its id).
  const ends = new Map((model.handoffs ?? []).map((h) => [handoffId(h), h]));
  const handoffName = (id: string) => {
    const h = ends.get(id);
    return h === undefined ? JSON.stringify(id) : `${nameOf(h.from)} -> ${nameOf(h.to)}`;
  };
  const raised = removalRaisesScore(removals, score, nameOf, handoffName);
  return {
    scenario: { name: scenario.name ?? null, changes: applied.changes.length },
    recompiled: after.recompiled,
    score,
    customers: compareCustomers(before, after),
    rankingMoves: compare ? rankMoves(before, after, settings) : null,
    warnings: [...warnings, ...(tooCostly === null ? [] : [rankingsSkipped(tooCostly)]), ...raised],
  };
}
