/**
 * Which compiled values the Monte Carlo redraws, and from what (docs/uncertainty.md, "Monte
 * Carlo"): read once from the model, like compile.ts, into typed arrays; exact values are left
 * out, so a model without estimates has an empty plan.
 */
import { estimateOf } from '../model/estimates.js';
import type { EstimatedShare, Model } from '../model/schema.js';

/** `SamplePlan.field`: a hand-off's quality. */
export const FIELD_QUALITY = 0;
/** An actor's performance. */
export const FIELD_PERFORMANCE = 1;
/** An actor's welfare. */
export const FIELD_WELFARE = 2;
/** `SamplePlan.shape`: Beta(a, b). */
export const SHAPE_BETA = 0;
/** Uniform on [a, b]. */
export const SHAPE_UNIFORM = 1;

/** The uncertain values, in model order: actors (performance, then welfare), then hand-offs. */
export interface SamplePlan {
  readonly count: number;
  /** FIELD_* of each entry. */
  readonly field: Uint8Array;
  /** Hand-off index for a quality, node index for a performance or welfare. */
  readonly index: Int32Array;
  /** SHAPE_* of each entry, and its two parameters (alpha, beta or low, high). */
  readonly shape: Uint8Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/** The plan of a (validated) model, node and hand-off indices as compileModel numbers them. */
export function samplePlan(model: Model): SamplePlan {
  const entries: { field: number; index: number; share: EstimatedShare }[] = [];
  const actors = [...(model.departments ?? []), ...(model.employees ?? [])];
  actors.forEach((actor, v) => {
    if (actor.performance !== undefined)
      entries.push({ field: FIELD_PERFORMANCE, index: v, share: actor.performance });
    if (actor.welfare !== undefined)
      entries.push({ field: FIELD_WELFARE, index: v, share: actor.welfare });
  });
  (model.handoffs ?? []).forEach((handoff, h) => {
    if (handoff.quality !== undefined)
      entries.push({ field: FIELD_QUALITY, index: h, share: handoff.quality });
  });
  const kept = entries.flatMap((entry) => {
    const estimate = estimateOf(entry.share);
    if (estimate.kind === 'exact') return [];
    const [shape, a, b] =
      estimate.kind === 'beta'
        ? [SHAPE_BETA, estimate.alpha, estimate.beta]
        : [SHAPE_UNIFORM, estimate.low, estimate.high];
    return [{ ...entry, shape, a, b }];
  });
  return {
    count: kept.length,
    field: Uint8Array.from(kept, (e) => e.field),
    index: Int32Array.from(kept, (e) => e.index),
    shape: Uint8Array.from(kept, (e) => e.shape),
    a: Float64Array.from(kept, (e) => e.a),
    b: Float64Array.from(kept, (e) => e.b),
  };
}
