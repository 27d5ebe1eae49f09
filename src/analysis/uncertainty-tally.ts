/**
 * What the Monte Carlo keeps of each sample (docs/uncertainty.md, "Monte Carlo"): S and every
 * customer's service and chain strength per sample, each customer's weakest link counted, and per
 * link the sum of its fix gains and how often it ranked first and in the top ranks. Fix gains are
 * kept sample by sample only for the links asked for (`keep`): that is what the intervals need,
 * and a sample-by-link matrix of a large model would not fit in memory.
 */
import { type CompiledChain, type SampleView, weakestLink } from '../engine/index.js';
import { isScored, topLinks } from './rankings.js';

/** The running tally of a Monte Carlo. */
export interface UncertaintyTally {
  readonly samples: number;
  /** S per sample (NaN where null). */
  readonly score: Float64Array;
  /** s_c and W_c per sample, customer-major: [ordinal * samples + sample]. */
  readonly service: Float64Array;
  readonly strength: Float64Array;
  /** Per customer ordinal: link -> samples in which it was the weakest. */
  readonly weakest: readonly Map<number, number>[];
  /** Per link: sum of fix gains, whether some sample had none, first-fix and top-rank counts. */
  readonly fixSum: Float64Array;
  readonly fixMissing: Uint8Array;
  readonly first: Int32Array;
  readonly inTop: Int32Array;
  /** Fix gains per sample of the kept links. */
  readonly kept: ReadonlyMap<number, Float64Array>;
  /** Takes one sample. */
  visit(view: SampleView): void;
}

/** An empty tally for `samples` samples of `chain`, keeping the fix gains of `keep`. */
export function createTally(
  chain: CompiledChain,
  samples: number,
  keep: readonly number[],
  topRank: number,
): UncertaintyTally {
  const customers = chain.customerCount;
  const tally = {
    samples,
    score: new Float64Array(samples),
    service: new Float64Array(samples * customers),
    strength: new Float64Array(samples * customers),
    weakest: Array.from({ length: customers }, () => new Map<number, number>()),
    fixSum: new Float64Array(chain.linkCount),
    fixMissing: new Uint8Array(chain.linkCount),
    first: new Int32Array(chain.linkCount),
    inTop: new Int32Array(chain.linkCount),
    kept: new Map(keep.map((l) => [l, new Float64Array(samples)])),
    visit(view: SampleView) {
      const { sample, evaluation, strength, fixGain } = view;
      tally.score[sample] = evaluation.score ?? Number.NaN;
      for (let i = 0; i < customers; i++) {
        const c = chain.actorCount + i;
        tally.service[i * samples + sample] = isScored(chain, c)
          ? evaluation.service[c]!
          : Number.NaN;
        tally.strength[i * samples + sample] = strength[c]!;
        const { link } = weakestLink(view.chain, strength, c);
        if (link >= 0) tally.weakest[i]!.set(link, (tally.weakest[i]!.get(link) ?? 0) + 1);
      }
      for (let l = 0; l < fixGain.length; l++) {
        const x = fixGain[l]!;
        if (Number.isFinite(x)) tally.fixSum[l]! += x;
        else tally.fixMissing[l] = 1;
      }
      for (const [l, values] of tally.kept) values[sample] = fixGain[l]!;
      // The same ranking as the report's (rankings.ts): above 0 only, ties in link order.
      const top = topLinks(fixGain, topRank);
      if (top.length > 0) tally.first[top[0]!]! += 1;
      for (const l of top) tally.inTop[l]! += 1;
    },
  };
  return tally;
}
