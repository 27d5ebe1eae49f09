/**
 * The seeded random source of the Monte Carlo (docs/uncertainty.md, "Monte Carlo"): sfc32 (Chris
 * Doty-Humphrey's Small Fast Counting generator, 32-bit, from PractRand), seeded per sample by
 * splitmix32 from (seed, sample), so that a sample's draws do not depend on which samples ran
 * before it or where. Normal deviates by Box–Muller, Gamma by Marsaglia–Tsang, Beta as
 * X / (X + Y) of two Gammas.
 */

/** A stream of uniform 32-bit words and the deviates built on them. */
export interface RandomSource {
  /** The next 32-bit word, as an unsigned integer. */
  nextWord(): number;
  /** A uniform deviate in (0, 1): never exactly 0 or 1, so its logarithm is finite. */
  uniform(): number;
  /** A standard normal deviate. */
  normal(): number;
  /** A Gamma(shape, 1) deviate; shape > 0. */
  gamma(shape: number): number;
  /** A Beta(alpha, beta) deviate on [0, 1]; both > 0. */
  beta(alpha: number, beta: number): number;
}

/** One step of splitmix32 (a 32-bit finaliser of a Weyl sequence): mixes a seed into a word. */
export function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * sfc32 as a class: the state in fields and the deviates as methods, so that V8 keeps one shape
 * and inlines the hot calls (a closure per method was a measurable share of a sample's time).
 */
class Sfc32 implements RandomSource {
  private spare = Number.NaN;

  constructor(
    private a: number,
    private b: number,
    private c: number,
    private counter: number,
  ) {}

  nextWord(): number {
    const t = (((this.a + this.b) | 0) + this.counter) | 0;
    this.counter = (this.counter + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (((this.c << 21) | (this.c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  uniform(): number {
    return (this.nextWord() + 0.5) / 4294967296;
  }

  normal(): number {
    // Box–Muller gives two deviates per pair of uniforms; the second is kept for the next call.
    if (!Number.isNaN(this.spare)) {
      const kept = this.spare;
      this.spare = Number.NaN;
      return kept;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  gamma(shape: number): number {
    // Marsaglia–Tsang (2000) for shape >= 1; below 1, Gamma(shape + 1) x U^(1 / shape).
    if (shape < 1) return this.gamma(shape + 1) * this.uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = this.uniform();
      // The paper's squeeze: below it the logarithmic test accepts too, so it is skipped (the
      // same draws are taken and accepted; only a logarithm is saved, most of the time).
      const xx = x * x;
      if (u < 1 - 0.0331 * xx * xx) return d * v;
      if (Math.log(u) < 0.5 * xx + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    const y = this.gamma(beta);
    // Both Gammas can underflow to 0 at tiny shapes; the Beta is then all but a coin with
    // P(1) = alpha / (alpha + beta), which is what is drawn.
    if (x + y === 0) return this.uniform() < alpha / (alpha + beta) ? 1 : 0;
    return x / (x + y);
  }
}

/** sfc32 from its raw state (a, b, c, counter), as PractRand defines it. */
export function sfc32(a: number, b: number, c: number, counter: number): RandomSource {
  return new Sfc32(a, b, c, counter);
}

/**
 * The random source of one sample: sfc32 keyed by splitmix32 of the seed and the sample index,
 * with its first 12 words discarded, as PractRand seeds it.
 */
export function sampleSource(seed: number, sample: number): RandomSource {
  const key = splitmix32(seed ^ splitmix32(sample));
  const source = sfc32(splitmix32(key), splitmix32(key + 1), splitmix32(key + 2), 1);
  for (let i = 0; i < 12; i++) source.nextWord();
  return source;
}
