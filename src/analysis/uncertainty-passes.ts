/**
 * The two passes of the Monte Carlo (docs/uncertainty.md, "Monte Carlo"), as plain functions of a
 * context compiled once per process, so that any range of samples runs the same here or on a
 * worker thread (task-runner.ts). Pass 1 draws the samples and tallies them, each fix gain exact
 * where it can rank (uncertainty-tally.ts); pass 2 draws the same samples again for the few links
 * that might be listed but were skipped in some sample, and returns their exact fix gains.
 */
import {
  type CompiledChain,
  compileModel,
  type EngineOptions,
  type FixStructure,
  fixStructure,
  runSamples,
  type SamplePlan,
  samplePlan,
} from '../engine/index.js';
import type { Model } from '../model/schema.js';
import { NEGLIGIBLE_FACTOR } from './rankings.js';
import { createTally, tallyVisitor, type UncertaintyTally } from './uncertainty-tally.js';

/** The settings every pass of one Monte Carlo shares (plain data: it crosses to workers). */
export interface UncertaintySettings {
  readonly seed: number;
  readonly topRank: number;
  /** How many links the list keeps by mean fix gain. */
  readonly links: number;
  readonly engine: EngineOptions;
}

/** What the passes read: the compiled chain and its sample plan, compiled once per process. */
export interface UncertaintyContext {
  readonly chain: CompiledChain;
  readonly plan: SamplePlan;
  readonly structure: FixStructure;
  readonly settings: UncertaintySettings;
}

/** The context of a validated model. */
export function uncertaintyContext(
  model: Model,
  settings: UncertaintySettings,
): UncertaintyContext {
  const chain = compileModel(model);
  return { chain, plan: samplePlan(model), structure: fixStructure(chain), settings };
}

/** Pass 1 over samples `from .. to - 1`, the fix gains of `keep` exact in every sample. */
export interface SamplePassTask {
  readonly from: number;
  readonly to: number;
  readonly keep: readonly number[];
}

/** Pass 1 of the task's samples; `onSample` is told after each one. */
export function samplePass(
  context: UncertaintyContext,
  task: SamplePassTask,
  onSample?: () => void,
): UncertaintyTally {
  const { chain, plan, structure, settings } = context;
  const tally = createTally(chain, task.from, task.to, task.keep);
  const visitor = tallyVisitor(chain, tally, settings.topRank);
  const fixes = {
    // Exact wherever a link could be among the first topRank, or the `links` largest.
    rank: Math.max(settings.topRank, settings.links),
    floor: NEGLIGIBLE_FACTOR * settings.engine.tolerance,
    always: task.keep,
  };
  const run = { seed: settings.seed, from: task.from, to: task.to, options: settings.engine };
  runSamples(chain, plan, { ...run, fixes, structure, onProgress: onSample }, visitor.visit);
  visitor.finish();
  return tally;
}

/** Pass 2: the exact fix gains of `links` in samples `from .. to - 1`. */
export interface FixPassTask {
  readonly from: number;
  readonly to: number;
  readonly links: readonly number[];
}

/** Pass 2 of the task: link-major, [i * (to - from) + sample - from]. */
export function fixPass(
  context: UncertaintyContext,
  task: FixPassTask,
  onSample?: () => void,
): Float64Array {
  const { chain, plan, structure, settings } = context;
  const n = task.to - task.from;
  const values = new Float64Array(task.links.length * n);
  const fixes = { rank: 0, floor: 0, always: task.links, only: task.links };
  const run = { seed: settings.seed, from: task.from, to: task.to, options: settings.engine };
  runSamples(chain, plan, { ...run, fixes, structure, onProgress: onSample }, (view) => {
    const at = view.sample - task.from;
    task.links.forEach((l, i) => {
      values[i * n + at] = view.fixGain[l]!;
    });
  });
  return values;
}
