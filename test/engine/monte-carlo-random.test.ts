/** The Monte Carlo's random source: sfc32's words, and the moments of its deviates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RandomSource, sampleSource, sfc32 } from '../../src/engine/sample-random.js';

/** sfc32 as PractRand writes it, in BigInt arithmetic mod 2^32: an independent implementation. */
function referenceSfc32(a: bigint, b: bigint, c: bigint, counter: bigint) {
  const m = (x: bigint) => x & 0xffffffffn;
  return () => {
    const t = m(a + b + counter);
    counter = m(counter + 1n);
    a = b ^ (b >> 9n);
    b = m(c + (c << 3n));
    c = m(((c << 21n) | (c >> 11n)) + t);
    return Number(t);
  };
}

/** Mean and variance of n deviates. */
function moments(n: number, draw: () => number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
}

describe('sfc32', () => {
  it('gives the first words of a small state computed by hand', () => {
    // a=1, b=2, c=3, counter=4: t = 1 + 2 + 4 = 7; then a = 2, b = 3 + 3*8 = 27,
    // c = rotl(3, 21) + 7 = 6291463; t = 2 + 27 + 5 = 34; then b = 9 * 6291463 = 56623167,
    // so t = 27 + 56623167 + 6 = 56623200.
    const source = sfc32(1, 2, 3, 4);
    expect([source.nextWord(), source.nextWord(), source.nextWord()]).toEqual([7, 34, 56623200]);
  });

  it('matches a BigInt implementation from any state', () => {
    const word = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(word, word, word, word, (a, b, c, d) => {
        const source = sfc32(a | 0, b | 0, c | 0, d | 0);
        const reference = referenceSfc32(BigInt(a), BigInt(b), BigInt(c), BigInt(d));
        for (let i = 0; i < 50; i++) expect(source.nextWord()).toBe(reference());
      }),
    );
  });

  it('keeps uniform deviates strictly inside (0, 1)', () => {
    expect(sfc32(0, 0, 0, 0).uniform()).toBeGreaterThan(0);
    expect(sfc32(-1, 0, 0, 0).uniform()).toBeLessThan(1);
  });
});

describe('deviates (moments over 200,000 draws, within about 5 standard errors)', () => {
  const n = 200_000;
  const source: RandomSource = sampleSource(7, 0);

  it('uniform: mean 1/2, variance 1/12', () => {
    const { mean, variance } = moments(n, () => source.uniform());
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal: mean 0, variance 1', () => {
    const { mean, variance } = moments(n, () => source.normal());
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it.each([0.3, 1, 2.4, 12])('gamma(%s): mean and variance equal to the shape', (shape) => {
    const { mean, variance } = moments(n, () => source.gamma(shape));
    expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.05);
  });

  it.each([
    [12, 12],
    [2.4, 0.6],
    [0.2, 0.5],
  ])('beta(%s, %s): mean a / (a + b), variance ab / ((a + b)^2 (a + b + 1))', (a, b) => {
    const { mean, variance } = moments(n, () => source.beta(a, b));
    const wantMean = a / (a + b);
    const wantVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean - wantMean)).toBeLessThan(5 * Math.sqrt(wantVariance / n));
    expect(Math.abs(variance / wantVariance - 1)).toBeLessThan(0.03);
  });

  it('gives each sample its own stream', () => {
    const first = [0, 1, 2].map((sample) => sampleSource(1, sample).nextWord());
    expect(new Set(first).size).toBe(3);
    expect(sampleSource(2, 0).nextWord()).not.toBe(first[0]);
  });
});
