/** The order of keys inside `ratings` and `priorities` never changes a byte of the output. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { qualityFromRatings, ratingFrame } from '../../src/model/defaults.js';
import type { Model } from '../../src/model/schema.js';

const dimensions = ['accuracy', 'timeliness', 'courtesy'];

/** A two-node chain whose one hand-off carries `ratings`, rated by a customer with `priorities`. */
function chain(ratings: Record<string, number>, priorities?: Record<string, number>): Model {
  return {
    version: 1,
    dimensions,
    departments: [{ id: 'desk' }],
    customers: [{ id: 'buyer', ...(priorities !== undefined && { priorities }) }],
    handoffs: [{ from: 'desk', to: 'buyer', ratings }],
  };
}

describe('rating sums in dimension declaration order', () => {
  // Summed left to right, (0.05 + 0.05 + 0.5) / 3 and (0.5 + 0.05 + 0.05) / 3 differ in the last bit.
  const forward = { accuracy: 1.2, timeliness: 1.2, courtesy: 3 };
  const backward = { courtesy: 3, timeliness: 1.2, accuracy: 1.2 };

  it('gives one quality whatever the order of the keys in ratings', () => {
    const frame = ratingFrame({ dimensions });
    const a = qualityFromRatings(forward, frame, undefined);
    expect(qualityFromRatings(backward, frame, undefined)).toBe(a);
    expect(a).toBeCloseTo(0.2, 12);
  });

  it('gives identical JSON reports for models differing only in key order', () => {
    const one = JSON.stringify(analyze(chain(forward)));
    const two = JSON.stringify(analyze(chain(backward)));
    expect(two).toBe(one);
  });

  it('gives identical JSON reports when only the order of priorities differs', () => {
    const ratings = { accuracy: 2, timeliness: 4, courtesy: 3.4 };
    const one = JSON.stringify(
      analyze(chain(ratings, { accuracy: 0.1, timeliness: 0.7, courtesy: 0.2 })),
    );
    const two = JSON.stringify(
      analyze(chain(ratings, { courtesy: 0.2, accuracy: 0.1, timeliness: 0.7 })),
    );
    expect(two).toBe(one);
  });
});

describe('priorities at the edges of the finite numbers', () => {
  const frame = ratingFrame({ dimensions: ['a', 'b'] });
  const ratings = { a: 3, b: 5 }; // shares 0.5 and 1

  it('does not overflow with priorities of 1e308 (quality 0.75, not 0 or NaN)', () => {
    expect(qualityFromRatings(ratings, frame, { a: 1e308, b: 1e308 })).toBe(0.75);
  });

  it('does not underflow with priorities of 5e-324 (quality 0.75)', () => {
    expect(qualityFromRatings(ratings, frame, { a: 5e-324, b: 5e-324 })).toBe(0.75);
  });

  it('weighs 3 : 1 exactly as hand-computed: (3 * 0.5 + 1 * 1) / 4 = 0.625', () => {
    expect(qualityFromRatings(ratings, frame, { a: 3e300, b: 1e300 })).toBeCloseTo(0.625, 15);
  });
});
