/**
 * What the Monte Carlo keeps of each sample (docs/uncertainty.md, "Monte Carlo"): S and every
 * customer's service and chain strength per sample, each customer's weakest link counted, and per
 * link the sum of its fix gains and how often it ranked first and in the top ranks. Fix gains are
 * kept sample by sample only for the links asked for (`keep`): that is what the intervals need,
 * and a sample-by-link matrix of a large model would not fit in memory.
 *
 * A tally covers the samples `from .. to - 1`, so that ranges run apart (on worker threads) and
 * are merged in sample order. A link whose fix gain a sample skipped (it could not rank:
 * src/engine/sample-fix-gains.ts) adds its bound to `fixUpper` instead of its value to `fixSum`:
 * the sums only say which links might have the largest mean fix gain, and those are recomputed
 * exactly (uncertainty.ts); the counts, which decide first fix and top ranks, are exact.
 */
import { type CompiledChain, type SampleView, weakestLink } from '../engine/index.js';
import { isScored, topLinks } from './rankings.js';

/** The per-sample figures and per-link counts of samples `from .. to - 1`. */
export interface UncertaintyTally {
  readonly from: number;
  readonly to: number;
  /** S per sample (NaN where null), index sample - from. */
  readonly score: Float64Array;
  /** s_c and W_c per sample, customer-major: [ordinal * (to - from) + sample - from]. */
  readonly service: Float64Array;
  readonly strength: Float64Array;
  /** Per customer ordinal: [link, samples in which it was the weakest] pairs, flat. */
  readonly weakest: Int32Array[];
  /** Per link: sum of exact fix gains, sum of bounds where skipped. */
  readonly fixSum: Float64Array;
  readonly fixUpper: Float64Array;
  /** Per link: 1 when some sample had no fix gain (an infinite derivative); 1 when some skipped it. */
  readonly fixMissing: Uint8Array;
  readonly fixSkipped: Uint8Array;
  /** Per link: samples in which it was the first fix, and among the first topRank. */
  readonly first: Int32Array;
  readonly inTop: Int32Array;
  /** The kept links, and their fix gains per sample: [i * (to - from) + sample - from]. */
  readonly keep: Int32Array;
  readonly kept: Float64Array;
}

/** An empty tally of samples `from .. to - 1` of `chain`, keeping the fix gains of `keep`. */
export function createTally(
  chain: CompiledChain,
  from: number,
  to: number,
  keep: ArrayLike<number>,
): UncertaintyTally {
  const n = to - from;
  const customers = chain.customerCount;
  return {
    from,
    to,
    score: new Float64Array(n),
    service: new Float64Array(n * customers),
    strength: new Float64Array(n * customers),
    weakest: Array.from({ length: customers }, () => new Int32Array(0)),
    fixSum: new Float64Array(chain.linkCount),
    fixUpper: new Float64Array(chain.linkCount),
    fixMissing: new Uint8Array(chain.linkCount),
    fixSkipped: new Uint8Array(chain.linkCount),
    first: new Int32Array(chain.linkCount),
    inTop: new Int32Array(chain.linkCount),
    keep: Int32Array.from(keep),
    kept: new Float64Array(keep.length * n),
  };
}

/** The visitor that fills `tally` sample by sample; `finish()` packs the weakest-link counts. */
export function tallyVisitor(chain: CompiledChain, tally: UncertaintyTally, topRank: number) {
  const customers = chain.customerCount;
  const n = tally.to - tally.from;
  const weakest = Array.from({ length: customers }, () => new Map<number, number>());
  return {
    visit(view: SampleView): void {
      const { evaluation, strength, fixGain, skipped, bound } = view;
      const at = view.sample - tally.from;
      tally.score[at] = evaluation.score ?? Number.NaN;
      for (let i = 0; i < customers; i++) {
        const c = chain.actorCount + i;
        tally.service[i * n + at] = isScored(chain, c) ? evaluation.service[c]! : Number.NaN;
        tally.strength[i * n + at] = strength[c]!;
        const { link } = weakestLink(view.chain, strength, c);
        if (link >= 0) weakest[i]!.set(link, (weakest[i]!.get(link) ?? 0) + 1);
      }
      for (let l = 0; l < fixGain.length; l++) {
        if (skipped[l] === 1) {
          tally.fixUpper[l]! += bound[l]!;
          tally.fixSkipped[l] = 1;
          continue;
        }
        const x = fixGain[l]!;
        if (Number.isFinite(x)) tally.fixSum[l]! += x;
        else tally.fixMissing[l] = 1;
      }
      for (let i = 0; i < tally.keep.length; i++) tally.kept[i * n + at] = fixGain[tally.keep[i]!]!;
      // The same ranking as the report's (rankings.ts): above 0 only, ties in link order. A
      // skipped link (NaN) cannot be in it: its bound is below the rank's fix gain.
      const top = topLinks(fixGain, topRank);
      if (top.length > 0) tally.first[top[0]!]! += 1;
      for (const l of top) tally.inTop[l]! += 1;
    },
    finish(): void {
      weakest.forEach((counts, i) => {
        tally.weakest[i] = Int32Array.from([...counts].flat());
      });
    },
  };
}

/**
 * The tallies of consecutive ranges (in sample order) as one tally of them all. Counts and
 * per-sample figures are exact whatever the split; the sums may differ in the last bits, which is
 * why they only ever choose links with a margin.
 */
export function mergeTallies(
  chain: CompiledChain,
  parts: readonly UncertaintyTally[],
): UncertaintyTally {
  const from = parts[0]!.from;
  const to = parts[parts.length - 1]!.to;
  const total = createTally(chain, from, to, parts[0]!.keep);
  const n = to - from;
  const counts = Array.from({ length: chain.customerCount }, () => new Map<number, number>());
  for (const part of parts) {
    const m = part.to - part.from;
    const offset = part.from - from;
    total.score.set(part.score, offset);
    for (let i = 0; i < chain.customerCount; i++) {
      total.service.set(part.service.subarray(i * m, (i + 1) * m), i * n + offset);
      total.strength.set(part.strength.subarray(i * m, (i + 1) * m), i * n + offset);
      const pairs = part.weakest[i]!;
      for (let j = 0; j < pairs.length; j += 2)
        counts[i]!.set(pairs[j]!, (counts[i]!.get(pairs[j]!) ?? 0) + pairs[j + 1]!);
    }
    for (let l = 0; l < chain.linkCount; l++) {
      total.fixSum[l]! += part.fixSum[l]!;
      total.fixUpper[l]! += part.fixUpper[l]!;
      total.fixMissing[l]! |= part.fixMissing[l]!;
      total.fixSkipped[l]! |= part.fixSkipped[l]!;
      total.first[l]! += part.first[l]!;
      total.inTop[l]! += part.inTop[l]!;
    }
    for (let i = 0; i < total.keep.length; i++)
      total.kept.set(part.kept.subarray(i * m, (i + 1) * m), i * n + offset);
  }
  counts.forEach((c, i) => {
    total.weakest[i] = Int32Array.from([...c].flat());
  });
  return total;
}
