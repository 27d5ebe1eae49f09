/**
 * The Monte Carlo's fix gains (src/engine/fix-bound.ts, sample-fix-gains.ts) against the exact
 * impact pass (linkImpacts, a separate computation): every bound is at least the exact fix gain,
 * every fix gain computed is the exact one to the bit, and every link skipped is below the
 * `rank`-th largest fix gain, so it cannot rank.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { compileModel } from '../../src/engine/compile.js';
import { fixGainBounds, surelyBelow } from '../../src/engine/fix-bound.js';
import { linkImpacts } from '../../src/engine/impact.js';
import { propagate } from '../../src/engine/propagate.js';
import {
  createSampleFixGains,
  fixStructure,
  sampleFixGains,
} from '../../src/engine/sample-fix-gains.js';
import { scoreSensitivity } from '../../src/engine/sensitivity.js';
import { ENGINE_DEFAULTS } from '../../src/engine/types.js';
import type { Model } from '../../src/model/schema.js';
import { validModel } from '../model/model-arbitrary.js';

/** The exact fix gains, the bounds and a sampleFixGains run asking for the `rank` largest. */
function compare(model: Model, rank: number) {
  const chain = compileModel(model);
  const evaluation = propagate(chain);
  if (evaluation.score === null) return null;
  const sensitivity = scoreSensitivity(chain, evaluation);
  const exact = linkImpacts(chain, evaluation, sensitivity).fixGain;
  const bounds = fixGainBounds(chain, evaluation, ENGINE_DEFAULTS);
  const gains = createSampleFixGains(chain);
  const request = { rank, floor: 0 };
  sampleFixGains(
    chain,
    evaluation,
    sensitivity,
    fixStructure(chain),
    ENGINE_DEFAULTS,
    request,
    gains,
  );
  return { exact, bounds, gains };
}

/** The k-th largest value above 0 (0 when fewer). */
function kthLargest(values: Float64Array, k: number): number {
  const sorted = [...values].filter((x) => x > 0).sort((a, b) => b - a);
  return sorted.length < k ? 0 : sorted[k - 1]!;
}

function check(model: Model, rank: number): void {
  const result = compare(model, rank);
  if (result === null) return;
  const { exact, bounds, gains } = result;
  const kth = kthLargest(exact, rank);
  exact.forEach((x, l) => {
    if (!Number.isNaN(x)) expect(surelyBelow(bounds[l]!, x)).toBe(false);
    if (gains.skipped[l] === 1) {
      expect(x).toBeLessThan(kth);
      expect(surelyBelow(gains.bound[l]!, x)).toBe(false);
    } else expect(Object.is(gains.fixGain[l], x)).toBe(true);
  });
}

describe('Monte Carlo fix gains', () => {
  it('bound every exact fix gain and skip only links that cannot rank (random models)', () => {
    fc.assert(
      fc.property(validModel, fc.integer({ min: 1, max: 4 }), (model, rank) => check(model, rank)),
      { numRuns: 150 },
    );
  });

  it.each([
    [300, 3],
    [600, 11],
  ])(
    'do so on a generated organisation of %s actors with min, product, geometric and loops (seed %s)',
    (actors, seed) => {
      const model = generateOrganisation({ actors, customers: 8, seed });
      check(model, 5);
      const result = compare(model, 5)!;
      // The bound is useful, not only safe: most links are skipped.
      const skipped = result.gains.skipped.reduce((a, b) => a + b, 0);
      expect(skipped).toBeGreaterThan(result.exact.length / 2);
    },
  );

  it('bounds a hand-computed min node: only the input at the minimum can raise it', () => {
    // a (0.9) and b (0.5) into m (min, d 1) into shoppers: s_m = min(0.9 q, 0.5 q'), q = q' = 0.8.
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }, { id: 'b', performance: 0.5 }, { id: 'm', combine: 'min' }],
      customers: [{ id: 'shoppers' }],
      handoffs: [
        { from: 'a', to: 'm', carries: 'work', quality: 0.8 },
        { from: 'b', to: 'm', carries: 'work', quality: 0.8 },
        { from: 'm', to: 'shoppers', carries: 'work', quality: 1 },
      ],
    };
    const chain = compileModel(model);
    const bounds = fixGainBounds(chain, propagate(chain), ENGINE_DEFAULTS);
    const a = chain.actorCount + chain.handoffIndex.get('a->m')!;
    const b = chain.actorCount + chain.handoffIndex.get('b->m')!;
    expect(bounds[a]).toBe(0);
    // b -> m to 1: s_m = min(0.72, 0.5) = 0.5, from 0.4: the bound is that exactly.
    expect(bounds[b]).toBeCloseTo(0.1, 15);
  });
});
