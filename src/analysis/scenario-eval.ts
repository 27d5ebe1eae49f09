/**
 * Evaluating a model after scenario changes (docs/cookbook.md, "What-if scenarios"). Field-only changes go through
 * the engine's incremental re-evaluation: only the components downstream of the changed nodes are
 * recomputed. Changes the compiled form cannot take in place (adding or removing nodes or
 * hand-offs, moving a hand-off between groups, a customer's `value`, which re-weights S) recompile
 * the model and propagate in full. Internal: not exported from src/index.ts.
 */
import {
  applyChanges as applyChainChanges,
  type ChainChange,
  type CompiledChain,
  chainStrength,
  combineCode,
  compileModel,
  type EngineOptions,
  type Evaluation,
  propagate,
  reevaluate,
  reevaluateStrength,
} from '../engine/index.js';
import {
  ACTOR_DEFAULTS,
  HANDOFF_DEFAULTS,
  handoffQuality,
  ratingFrame,
} from '../model/defaults.js';
import { ServiceChainError } from '../model/errors.js';
import { pointValue } from '../model/estimates.js';
import { safeValidateModel } from '../model/load.js';
import type { Model } from '../model/schema.js';
import { receiverPriorities } from './ratings.js';
import type { Change } from './scenario-schema.js';

/** A model with its compiled chain, its evaluation and (when asked) its chain strengths. */
export interface Evaluated {
  readonly model: Model;
  readonly chain: CompiledChain;
  readonly evaluation: Evaluation;
  readonly strength: Float64Array | null;
  /** True when this evaluation came from a full compile, false when from incremental re-evaluation. */
  readonly recompiled: boolean;
}

/** Compiles and propagates a (valid) model in full. */
export function evaluateModel(
  model: Model,
  options: EngineOptions,
  withStrength: boolean,
): Evaluated {
  const chain = compileModel(model);
  const evaluation = propagate(chain, options);
  return {
    model,
    chain,
    evaluation,
    strength: withStrength ? chainStrength(chain) : null,
    recompiled: true,
  };
}

/** True when a change cannot be applied to the compiled chain in place. */
function needsRecompile(change: Change, chain: CompiledChain, before: Model): boolean {
  if ('add' in change || 'remove' in change) return true;
  if ('handoff' in change) {
    if (change.set.group === undefined) return false;
    const handoff = (before.handoffs ?? [])[chain.handoffIndex.get(change.handoff) ?? -1];
    return (handoff?.group ?? null) !== change.set.group;
  }
  if ('customer' in change)
    return (
      change.set.value !== undefined &&
      chain.value[chain.nodeIndex.get(change.customer)!] !== change.set.value
    );
  return false;
}

/**
 * The engine changes that turn `base` into `after` for field-only changes: every touched hand-off's
 * quality (derived again where it is rated, since priorities may have moved) and weight, every
 * touched actor's performance, welfare, dependence and combine, where they differ.
 */
function chainChanges(base: Evaluated, after: Model, changes: readonly Change[]): ChainChange[] {
  const { chain } = base;
  const handoffs = new Set<number>();
  const nodes = new Set<number>();
  const handoffList = after.handoffs ?? [];
  for (const change of changes) {
    if ('handoff' in change) handoffs.add(chain.handoffIndex.get(change.handoff)!);
    let node: string;
    let priorities: unknown;
    if ('actor' in change) {
      node = change.actor;
      priorities = change.set.priorities;
      nodes.add(chain.nodeIndex.get(node)!);
    } else if ('customer' in change) {
      node = change.customer;
      priorities = change.set.priorities;
    } else continue;
    // New priorities re-derive the quality of every rated hand-off the node receives.
    if (priorities !== undefined)
      handoffList.forEach((handoff, h) => {
        if (handoff.to === node && handoff.ratings !== undefined) handoffs.add(h);
      });
  }
  const result: ChainChange[] = [];
  const frame = ratingFrame(after);
  const priorities = receiverPriorities(after);
  for (const h of handoffs) {
    const handoff = handoffList[h]!;
    const quality = handoffQuality(handoff, frame, priorities.get(handoff.to));
    const weight = handoff.weight ?? HANDOFF_DEFAULTS.weight;
    if (quality !== chain.quality[h]) result.push({ handoff: h, field: 'quality', value: quality });
    if (weight !== chain.weight[h]) result.push({ handoff: h, field: 'weight', value: weight });
  }
  const actors = [...(after.departments ?? []), ...(after.employees ?? [])];
  for (const v of nodes) {
    const actor = actors[v]!;
    const fields = {
      performance: pointValue(actor.performance) ?? ACTOR_DEFAULTS.performance,
      welfare: pointValue(actor.welfare) ?? ACTOR_DEFAULTS.welfare,
      dependence: actor.dependence ?? ACTOR_DEFAULTS.dependence,
    };
    for (const field of ['performance', 'welfare', 'dependence'] as const)
      if (fields[field] !== chain[field][v]) result.push({ node: v, field, value: fields[field] });
    const combine = combineCode(actor.combine);
    if (combine !== chain.combine[v]) result.push({ node: v, field: 'combine', value: combine });
  }
  return result;
}

/**
 * `after` (= `base.model` with `changes` applied) evaluated: incrementally from `base` when every
 * change is a field the engine can change in place and `incremental` is on, else recompiled
 * (after validating the changed model: a structural change must leave a valid model).
 */
export function evaluateChanges(
  base: Evaluated,
  after: Model,
  changes: readonly Change[],
  options: EngineOptions & { incremental: boolean },
): Evaluated {
  const withStrength = base.strength !== null;
  const recompile =
    !options.incremental ||
    changes.some((change) => needsRecompile(change, base.chain, base.model));
  if (recompile) {
    if (changes.some((change) => 'add' in change || 'remove' in change)) {
      const checked = safeValidateModel(after);
      if (!checked.success)
        throw new ServiceChainError(
          checked.issues.map((issue) => ({
            ...issue,
            message: `after the changes: ${issue.message}`,
          })),
        );
    }
    return evaluateModel(after, options, withStrength);
  }
  const next = applyChainChanges(base.chain, chainChanges(base, after, changes));
  const evaluation = reevaluate(next.chain, base.evaluation, next.changedNodes, options);
  const strength =
    base.strength === null
      ? null
      : reevaluateStrength(next.chain, base.strength, next.changedNodes);
  return { model: after, chain: next.chain, evaluation, strength, recompiled: false };
}
