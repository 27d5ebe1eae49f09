/**
 * The traversals of the impact pass (docs/model.md, "Impact of one link: sensitivity, fix gain,
 * failure loss") as tasks of task-runner.ts: each task runs a range of the engine's batches
 * (traversedLanes) and returns their lanes; together they are the lanes the pass would run
 * itself, bit for bit, since every batch starts from the same evaluation whatever ran before it.
 */
import {
  type CompiledChain,
  compileModel,
  type EngineOptions,
  type LaneBatch,
  propagate,
  scoreSensitivity,
  type TraversedLanes,
  traversedBatches,
  traversedLanes,
} from '../engine/index.js';
import type { Model } from '../model/schema.js';
import type { TaskRunner } from './task-runner.js';

/** What every impact task of one analysis shares (the model is already validated). */
export interface ImpactShared {
  readonly model: Model;
  readonly options: EngineOptions;
  /** S is a column of the lanes (the analysis has S's sensitivity: some customer is scored). */
  readonly score: boolean;
}

/** One impact task: the batches `from .. to` of traversedLanes. */
export interface ImpactPayload {
  readonly from: number;
  readonly to: number;
}

/**
 * A worker's context: the model compiled and propagated once, with the same calls as
 * runAnalysis (analyze.ts), so its lanes are the analysis' own.
 */
export function impactContext(shared: ImpactShared): TraversedLanes {
  const chain = compileModel(shared.model);
  const evaluation = propagate(chain, shared.options);
  const score =
    shared.score && evaluation.score !== null
      ? scoreSensitivity(chain, evaluation, shared.options)
      : undefined;
  return traversedLanes(chain, evaluation, shared.options, {
    ...(score !== undefined && { score }),
  });
}

/**
 * How many ranges per task that may run at once: the first levels' batches cost about three times
 * the last ones' (a longer downstream), and the runner hands the next range to whichever worker is
 * free, so many small ranges, the costly ones first, keep the workers equally busy to the end.
 */
export const RANGES_PER_WORKER = 16;

/** The batches 0 .. batches split into about `count` consecutive ranges of equal size. */
export function batchRanges(batches: number, count: number): ImpactPayload[] {
  const parts = Math.max(1, Math.min(batches, count));
  const ranges: ImpactPayload[] = [];
  for (let i = 0; i < parts; i++) {
    const from = Math.floor((i * batches) / parts);
    const to = Math.floor(((i + 1) * batches) / parts);
    if (to > from) ranges.push({ from, to });
  }
  return ranges;
}

/**
 * The traversed lanes of `chain`'s impact pass, run as batch ranges on `runner` (worker threads
 * at the Node edge), one LaneBatch per range in batch order: what forEachLinkCustomerImpact takes
 * as `lanes`. `onRange` is told of each range done (`done` of `ranges`), in any order.
 */
export async function impactLanesOn(
  chain: CompiledChain,
  shared: ImpactShared,
  runner: TaskRunner,
  onRange?: (done: number, ranges: number) => void,
): Promise<LaneBatch[]> {
  const { batches } = traversedBatches(chain);
  const ranges = batchRanges(batches, runner.parallel * RANGES_PER_WORKER);
  let done = 0;
  const tick = onRange === undefined ? undefined : () => onRange(++done, ranges.length);
  return (await runner.run('impact', shared, ranges, tick)) as LaneBatch[];
}
