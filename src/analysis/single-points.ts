/**
 * Single points of failure of each customer (docs/model.md, "Single points of failure"), both
 * figures: "no way around" (the engine's dominator sets, structure only) and "failure costs more
 * than the threshold" (read from the impact pass's exact per-customer failure losses, so no pass
 * of its own).
 */
import {
  type CompiledChain,
  type CustomerImpactVisitor,
  chainOrder,
  type Evaluation,
  noWayAround,
} from '../engine/index.js';
import { type CutSetsOfTwo, cutSetsOfTwo, topCustomersByValue } from './cut-sets.js';
import { isScored, weakestLinkRef } from './rankings.js';
import type { WeakestLink } from './report.js';

/** A link whose failure alone costs a customer more than the threshold share of its service. */
export interface CostlyFailure {
  readonly link: WeakestLink;
  /** s_c − s_c(x := 0): what the customer's service loses when this link fails. */
  readonly failureLoss: number;
}

/** One customer's two lists. */
export interface CustomerSinglePoints {
  /** The links every path of service to the customer passes through, in chain order. */
  readonly singlePointsOfFailure: readonly WeakestLink[];
  /** Links whose failure loses more than the threshold share of its service, in chain order. */
  readonly failureAboveThreshold: readonly CostlyFailure[];
  /** Its pairs of links that fail it together (cut-sets.ts): only for the customers searched. */
  readonly cutSetsOfTwo?: CutSetsOfTwo;
}

/** Which customers get their order-2 cut sets searched, and the bound on the pairs examined. */
export interface PairSearch {
  readonly customers: number;
  readonly pairLimit: number;
}

/** Collects the threshold list from the impact pass's per-link visits. */
export interface ThresholdCollector {
  readonly visit: CustomerImpactVisitor;
  /** Per customer ordinal: the links over the threshold, in chain order. */
  lists(): readonly { link: number; loss: number }[][];
}

/**
 * A visitor of the impact pass keeping, per scored customer, the links whose failure loss exceeds
 * `threshold × s_c` (docs/model.md, "Single points of failure"). A customer with service 0 has
 * nothing to lose, so it lists nothing.
 */
export function thresholdCollector(
  chain: CompiledChain,
  evaluation: Evaluation,
  threshold: number,
): ThresholdCollector {
  const first = chain.actorCount;
  const found: { link: number; loss: number }[][] = Array.from(
    { length: chain.customerCount },
    () => [],
  );
  const scored: number[] = [];
  for (let c = first; c < chain.nodeCount; c++) if (isScored(chain, c)) scored.push(c);
  return {
    visit(link, _fixes, failures) {
      for (const c of scored) {
        const loss = failures[c - first]!;
        const service = evaluation.service[c]!;
        if (service > 0 && loss > 0 && loss > threshold * service) {
          found[c - first]!.push({ link, loss });
        }
      }
    },
    lists: () => {
      // Chain order, as the "no way around" list: losses that tie up to rounding keep their place.
      const { rankOf } = chainOrder(chain);
      return found.map((list) => [...list].sort((a, b) => rankOf[a.link]! - rankOf[b.link]!));
    },
  };
}

/**
 * Both lists of every customer (by ordinal); `costly` from thresholdCollector, or none; with
 * `pairs`, the order-2 cut sets of the top customers by value too.
 */
export function singlePoints(
  chain: CompiledChain,
  costly: ThresholdCollector | null,
  pairs: PairSearch | null = null,
): CustomerSinglePoints[] {
  const structural = noWayAround(chain);
  const above = costly?.lists();
  const cut =
    pairs === null
      ? null
      : cutSetsOfTwo(chain, structural, {
          customers: topCustomersByValue(chain, pairs.customers),
          pairLimit: pairs.pairLimit,
        });
  return structural.map((links, c) => ({
    singlePointsOfFailure: [...links].map((l) => weakestLinkRef(chain, l)!),
    failureAboveThreshold: (above?.[c] ?? []).map(({ link, loss }) => ({
      link: weakestLinkRef(chain, link)!,
      failureLoss: loss,
    })),
    ...(cut?.has(chain.actorCount + c) === true && {
      cutSetsOfTwo: cut.get(chain.actorCount + c)!,
    }),
  }));
}

/** Two visitors of the impact pass as one (either may be absent). */
export function bothVisitors(
  a: CustomerImpactVisitor | undefined,
  b: CustomerImpactVisitor | undefined,
): CustomerImpactVisitor | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return (link, fixes, failures) => {
    a(link, fixes, failures);
    b(link, fixes, failures);
  };
}
