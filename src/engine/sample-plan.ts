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
  const actors = [...(model.departments ?? []), ...(model.employees ?? [])];
  const handoffs = model.handoffs ?? [];
  // Plain loops into typed arrays sized for every value: a spread object per entry took over a
  // second on 50,000 estimates.
  const size = 2 * actors.length + handoffs.length;
  const field = new Uint8Array(size);
  const index = new Int32Array(size);
  const shape = new Uint8Array(size);
  const a = new Float64Array(size);
  const b = new Float64Array(size);
  let count = 0;
  const add = (kind: number, at: number, share: EstimatedShare | undefined) => {
    if (share === undefined || typeof share === 'number') return;
    const estimate = estimateOf(share);
    if (estimate.kind === 'exact') return;
    field[count] = kind;
    index[count] = at;
    if (estimate.kind === 'beta') {
      shape[count] = SHAPE_BETA;
      a[count] = estimate.alpha;
      b[count] = estimate.beta;
    } else {
      shape[count] = SHAPE_UNIFORM;
      a[count] = estimate.low;
      b[count] = estimate.high;
    }
    count++;
  };
  for (let v = 0; v < actors.length; v++) {
    add(FIELD_PERFORMANCE, v, actors[v]!.performance);
    add(FIELD_WELFARE, v, actors[v]!.welfare);
  }
  for (let h = 0; h < handoffs.length; h++) add(FIELD_QUALITY, h, handoffs[h]!.quality);
  return {
    count,
    field: field.slice(0, count),
    index: index.slice(0, count),
    shape: shape.slice(0, count),
    a: a.slice(0, count),
    b: b.slice(0, count),
  };
}
