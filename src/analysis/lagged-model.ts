/**
 * A model with its lagged hand-offs re-pointed at ghosts (docs/model.md, "Change over time"): one
 * ghost actor per hand-off with `lag` >= 1, with no inputs and dependence 0, so that its service
 * is exactly the performance the daily run gives it (its source's service `lag` days earlier).
 * The hand-offs keep their ids, receivers, groups and order, so the chain compiles to the same
 * inputs as the model's own.
 */
import { type CompiledChain, compileModel, type LaggedInputs } from '../engine/index.js';
import { handoffId } from '../model/defaults.js';
import type { Model } from '../model/schema.js';
import { nodesOf } from './model-changes.js';

/** The compiled lagged chain and where its ghosts read from. */
export interface LaggedChain {
  readonly chain: CompiledChain;
  readonly lagged: LaggedInputs;
  /** The longest lag (0 when none). */
  readonly longest: number;
}

/** A ghost id prefix no node id starts with. */
function ghostPrefix(model: Model): string {
  const ids = nodesOf(model).map((entry) => entry.node.id);
  let prefix = '~lag:';
  while (ids.some((id) => id.startsWith(prefix))) prefix = `~${prefix}`;
  return prefix;
}

/** Compiles a valid model with a ghost in front of each lagged hand-off. */
export function compileLagged(model: Model): LaggedChain {
  const prefix = ghostPrefix(model);
  const handoffs = model.handoffs ?? [];
  const ghosts: { id: string; source: string; lag: number }[] = [];
  const rewired = handoffs.map((handoff, h) => {
    const lag = handoff.lag ?? 0;
    if (lag === 0) return handoff;
    const ghost = `${prefix}${h}`;
    ghosts.push({ id: ghost, source: handoff.from, lag });
    return { ...handoff, id: handoffId(handoff), from: ghost };
  });
  const departments = [
    ...(model.departments ?? []),
    ...ghosts.map((ghost) => ({ id: ghost.id, performance: 1, dependence: 0 })),
  ];
  const chain = compileModel({ ...model, departments, handoffs: rewired });
  const lagged: LaggedInputs = {
    ghost: Int32Array.from(ghosts, (ghost) => chain.nodeIndex.get(ghost.id)!),
    source: Int32Array.from(ghosts, (ghost) => chain.nodeIndex.get(ghost.source)!),
    lag: Int32Array.from(ghosts, (ghost) => ghost.lag),
  };
  return { chain, lagged, longest: Math.max(0, ...ghosts.map((ghost) => ghost.lag)) };
}
