/**
 * The Monte Carlo over a compiled chain (docs/uncertainty.md, "Monte Carlo"): one working copy of
 * the value arrays, the planned entries overwritten per sample, then the engine's own propagate,
 * chainStrength, scoreSensitivity and linkImpacts on it. No model object is built per sample.
 * Sample i draws from its own stream (sampleSource(seed, i)), so any range of samples gives the
 * same figures wherever it runs.
 */
import { linkImpacts } from './impact.js';
import { applyChanges } from './incremental.js';
import { propagate } from './propagate.js';
import { FIELD_QUALITY, FIELD_WELFARE, type SamplePlan, SHAPE_BETA } from './sample-plan.js';
import { sampleSource } from './sample-random.js';
import { scoreSensitivity } from './sensitivity.js';
import { chainStrength } from './strength.js';
import type { CompiledChain, EngineOptions, Evaluation } from './types.js';

/** What one sample gives its visitor; the arrays are the sample's own (valid after the call). */
export interface SampleView {
  readonly sample: number;
  /** The working chain with this sample's values. */
  readonly chain: CompiledChain;
  readonly evaluation: Evaluation;
  readonly strength: Float64Array;
  /** Exact fixGain of every link for S (NaN where it has none, and everywhere when S is null). */
  readonly fixGain: Float64Array;
}

/** Which samples to run and how. */
export interface SampleRun {
  readonly seed: number;
  /** Samples `from .. to - 1`. */
  readonly from: number;
  readonly to: number;
  readonly options: EngineOptions;
  /** Only these links' fix gains (the rest NaN); all links when absent. */
  readonly links?: ArrayLike<number> | undefined;
  /** Skip the impact pass (fixGain all NaN): a run that needs service and strength only. */
  readonly skipImpacts?: boolean;
  /** Told after each sample: done of total. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Runs the samples of `run` in order and hands each to `visit`. */
export function runSamples(
  chain: CompiledChain,
  plan: SamplePlan,
  run: SampleRun,
  visit: (view: SampleView) => void,
): void {
  const work = applyChanges(chain, []).chain as CompiledChain & {
    quality: Float64Array;
    performance: Float64Array;
    welfare: Float64Array;
    effectivePerformance: Float64Array;
  };
  const none = new Float64Array(chain.linkCount).fill(Number.NaN);
  for (let sample = run.from; sample < run.to; sample++) {
    drawSample(work, plan, run.seed, sample);
    const evaluation = propagate(work, run.options);
    const strength = chainStrength(work);
    let fixGain: Float64Array = none;
    if (evaluation.score !== null && run.skipImpacts !== true) {
      const sensitivity = scoreSensitivity(work, evaluation, run.options);
      const settings = { ...run.options, links: run.links };
      fixGain = linkImpacts(work, evaluation, sensitivity, settings).fixGain;
    }
    visit({ sample, chain: work, evaluation, strength, fixGain });
    run.onProgress?.(sample - run.from + 1, run.to - run.from);
  }
}

/** Overwrites the planned entries of `work` with sample `sample`'s draws, in plan order. */
export function drawSample(
  work: {
    quality: Float64Array;
    performance: Float64Array;
    welfare: Float64Array;
    effectivePerformance: Float64Array;
  },
  plan: SamplePlan,
  seed: number,
  sample: number,
): void {
  const source = sampleSource(seed, sample);
  for (let i = 0; i < plan.count; i++) {
    const a = plan.a[i]!;
    const b = plan.b[i]!;
    const x = plan.shape[i] === SHAPE_BETA ? source.beta(a, b) : a + (b - a) * source.uniform();
    const index = plan.index[i]!;
    const field = plan.field[i]!;
    if (field === FIELD_QUALITY) {
      work.quality[index] = x;
      continue;
    }
    if (field === FIELD_WELFARE) work.welfare[index] = x;
    else work.performance[index] = x;
    // p = performance x welfare, recomputed as compile.ts computes it (docs/model.md, "Notation").
    work.effectivePerformance[index] = work.performance[index]! * work.welfare[index]!;
  }
}
