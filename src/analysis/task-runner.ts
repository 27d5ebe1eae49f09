/**
 * Tasks that can run apart (docs/uncertainty.md, "Monte Carlo"): each KIND prepares a context
 * once per process from data shared by a whole run (a model, its settings), then runs any number
 * of small tasks on it, each returning plain data. A TaskRunner runs them in this process or on
 * worker threads (src/cli/workers.ts, the Node edge, injects one); results come back in task
 * order, so a run's figures do not depend on where or how many at once. The Monte Carlo's passes
 * are the first kind, the impact pass's traversals the second (one mechanism).
 */
import type { LaneBatch, TraversedLanes } from '../engine/index.js';
import type { Model } from '../model/schema.js';
import { type ImpactPayload, type ImpactShared, impactContext } from './impact-tasks.js';
import {
  type FixPassTask,
  fixPass,
  type SamplePassTask,
  samplePass,
  type UncertaintyContext,
  type UncertaintySettings,
  uncertaintyContext,
} from './uncertainty-passes.js';
import type { UncertaintyTally } from './uncertainty-tally.js';

/** One kind of task: `prepare` once per process and run, then `run` per task (`tick` per unit done). */
export interface TaskKind<Shared, Context, Payload, Result> {
  prepare(shared: Shared): Context;
  run(context: Context, payload: Payload, tick: () => void): Result;
}

/** The Monte Carlo's data shared by every task of one run (the model is already validated). */
export interface UncertaintyShared {
  readonly model: Model;
  readonly settings: UncertaintySettings;
}

/** A Monte Carlo task: pass 1 (tally) or pass 2 (fix gains of some links). */
export type UncertaintyPayload =
  | ({ readonly pass: 1 } & SamplePassTask)
  | ({ readonly pass: 2 } & FixPassTask);

/** The Monte Carlo's passes as a task kind; `tick` is told after each sample. */
export const UNCERTAINTY_TASKS: TaskKind<
  UncertaintyShared,
  UncertaintyContext,
  UncertaintyPayload,
  UncertaintyTally | Float64Array
> = {
  prepare: (shared) => uncertaintyContext(shared.model, shared.settings),
  run: (context, payload, tick) =>
    payload.pass === 1 ? samplePass(context, payload, tick) : fixPass(context, payload, tick),
};

/**
 * The impact pass's traversals as a task kind (impact-tasks.ts); `tick` is told once per range
 * (a tick per batch would be tens of thousands of messages on a large model).
 */
export const IMPACT_TASKS: TaskKind<ImpactShared, TraversedLanes, ImpactPayload, LaneBatch> = {
  prepare: impactContext,
  run: (lanes, payload, tick) => {
    const range = lanes.run(payload.from, payload.to);
    tick();
    return range;
  },
};

/** Every task kind by name: what a worker thread can be asked to run. */
export const TASK_KINDS = { uncertainty: UNCERTAINTY_TASKS, impact: IMPACT_TASKS } as const;

/** The name of a task kind. */
export type TaskKindName = keyof typeof TASK_KINDS;

/** Runs the tasks of one kind somewhere; results in task order. */
export interface TaskRunner {
  /** How many tasks may run at once (what to split the work into). */
  readonly parallel: number;
  /** Runs `payloads` of `kind` with `shared`; `tick` is told of each unit done, in any order. */
  run(
    kind: TaskKindName,
    shared: unknown,
    payloads: readonly unknown[],
    tick?: () => void,
  ): Promise<unknown[]>;
}

/** A TaskRunner that runs every task here, one after another (`parallel` 1). */
export function inProcessRunner(): TaskRunner {
  return {
    parallel: 1,
    run: async (kind, shared, payloads, tick) => {
      const task = TASK_KINDS[kind] as TaskKind<unknown, unknown, unknown, unknown>;
      const context = task.prepare(shared);
      return payloads.map((payload) => task.run(context, payload, tick ?? (() => {})));
    },
  };
}
