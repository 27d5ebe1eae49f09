/**
 * The Monte Carlo over a compiled chain (docs/uncertainty.md, "Monte Carlo"): one working copy of
 * the value arrays, the planned entries overwritten per sample, then the engine's own propagate,
 * chainStrength and scoreSensitivity on it, and the fix gains a sample can rank (sample-fix-gains.ts). No model object is built per sample.
 * Sample i draws from its own stream (sampleSource(seed, i)), so any range of samples gives the
 * same figures wherever it runs.
 */

import { propagate } from './propagate.js';
import {
  createSampleFixGains,
  type FixRequest,
  type FixStructure,
  fixStructure,
  sampleFixGains,
} from './sample-fix-gains.js';
import { FIELD_QUALITY, FIELD_WELFARE, type SamplePlan, SHAPE_BETA } from './sample-plan.js';
import { sampleSource } from './sample-random.js';
import { scoreSensitivity } from './sensitivity.js';
import { chainStrength } from './strength.js';
import type { CompiledChain, EngineOptions, Evaluation } from './types.js';

/** What one sample gives its visitor; the arrays are reused by the next sample: copy what you keep. */
export interface SampleView {
  readonly sample: number;
  /** The working chain with this sample's values. */
  readonly chain: CompiledChain;
  readonly evaluation: Evaluation;
  readonly strength: Float64Array;
  /**
   * Exact fixGain of every link for S where computed (NaN where it has none, where skipped, and
   * everywhere when S is null or impacts are skipped).
   */
  readonly fixGain: Float64Array;
  /** 1 where the fix gain was skipped (it cannot rank: sample-fix-gains.ts); `bound` bounds it. */
  readonly skipped: Uint8Array;
  readonly bound: Float64Array;
}

/** Which samples to run and how. */
export interface SampleRun {
  readonly seed: number;
  /** Samples `from .. to - 1`. */
  readonly from: number;
  readonly to: number;
  readonly options: EngineOptions;
  /** Which fix gains to make exact; every link's when absent. */
  readonly fixes?: FixRequest | undefined;
  /** Skip the impact pass (fixGain all NaN): a run that needs service and strength only. */
  readonly skipImpacts?: boolean;
  /** The chain's fix structure, when the caller has it already (else computed here). */
  readonly structure?: FixStructure | undefined;
  /** Told after each sample: done of total. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Every fix gain exact: no link may be skipped. */
const EVERY_FIX: FixRequest = { rank: Number.MAX_SAFE_INTEGER, floor: Number.NEGATIVE_INFINITY };

/** Runs the samples of `run` in order and hands each to `visit`. */
export function runSamples(
  chain: CompiledChain,
  plan: SamplePlan,
  run: SampleRun,
  visit: (view: SampleView) => void,
): void {
  // The sample's own value arrays (the structure is shared and never written).
  const work = {
    ...chain,
    quality: chain.quality.slice(),
    performance: chain.performance.slice(),
    welfare: chain.welfare.slice(),
    effectivePerformance: chain.effectivePerformance.slice(),
  };
  const structure = run.structure ?? fixStructure(chain);
  const fixes = createSampleFixGains(chain);
  const none = createSampleFixGains(chain);
  none.fixGain.fill(Number.NaN);
  for (let sample = run.from; sample < run.to; sample++) {
    drawSample(work, plan, run.seed, sample);
    const evaluation = propagate(work, run.options);
    const strength = chainStrength(work);
    let gains = none;
    if (evaluation.score !== null && run.skipImpacts !== true) {
      const sensitivity = scoreSensitivity(work, evaluation, run.options);
      sampleFixGains(
        work,
        evaluation,
        sensitivity,
        structure,
        run.options,
        run.fixes ?? EVERY_FIX,
        fixes,
      );
      gains = fixes;
    }
    visit({ sample, chain: work, evaluation, strength, ...gains });
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
