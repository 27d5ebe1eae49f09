/**
 * The one impact pass of an analysis (docs/model.md, "Impact of one link"): the engine's exact recompute
 * of every link, run ONCE, read by every view that needs it — S's fixGain / failureLoss, each
 * scored customer's top links, and the money each link's fix saves or failure costs. Each view is
 * a visitor of the same per-link, per-customer changes; none runs a pass of its own.
 */
import {
  type CompiledChain,
  type CustomerImpactVisitor,
  customerAdjoints,
  type EngineOptions,
  type Evaluation,
  forEachLinkCustomerImpact,
  type ImpactProgress,
  type LinkImpacts,
  type Sensitivity,
} from '../engine/index.js';
import { createTopLinks, rankedFrom, scoredCustomers, type TopLinks } from './rankings.js';
import type { Ranking } from './report.js';

/** Top links of one customer's three figures, filled as the impact pass goes. */
interface CustomerTops {
  readonly customer: number;
  readonly sensitivity: TopLinks;
  readonly fixGain: TopLinks;
  readonly failureLoss: TopLinks;
}

/** What the pass is asked for. */
export interface ImpactPassSettings {
  readonly options: EngineOptions;
  /** S's sensitivity: S's own fixGain / failureLoss and the per-customer rankings are wanted. */
  readonly score?: Sensitivity | null;
  /** How many links each per-customer ranking keeps. */
  readonly top: number;
  /** Another view of the same per-link changes (the money pricer). */
  readonly visit?: CustomerImpactVisitor;
  readonly onProgress?: ImpactProgress | undefined;
}

/** What the pass gives: S's figures and the per-customer rankings (null without `score`). */
export interface ImpactPassResult {
  readonly impacts: LinkImpacts | null;
  readonly byCustomer: readonly { readonly customer: string; readonly ranking: Ranking }[];
}

/**
 * Runs the engine's per-link recomputes once (forEachLinkCustomerImpact) with every view asked for
 * as a visitor. The customers' adjoints serve twice: their link sensitivities rank per customer,
 * and the recomputes' frontier spreads over them. S's figures equal linkImpacts' bit for bit.
 */
export function runImpactPass(
  chain: CompiledChain,
  evaluation: Evaluation,
  settings: ImpactPassSettings,
): ImpactPassResult {
  const { options, top, visit } = settings;
  const score = settings.score ?? null;
  const first = chain.actorCount;
  const tops: CustomerTops[] =
    score === null
      ? []
      : scoredCustomers(chain).map((customer) => ({
          customer,
          sensitivity: createTopLinks(top, { tolerance: options.tolerance }),
          fixGain: createTopLinks(top, { tolerance: options.tolerance }),
          failureLoss: createTopLinks(top, { tolerance: options.tolerance }),
        }));
  const byNode = new Map(tops.map((t) => [t.customer, t]));
  const adjoints = customerAdjoints(chain, evaluation, options, (c, { link }) => {
    const ranking = byNode.get(c);
    if (ranking === undefined) return;
    for (let l = 0; l < link.length; l++) ranking.sensitivity.offer(l, link[l]!);
  });
  const visitAll: CustomerImpactVisitor = (link, fixes, failures) => {
    for (const ranking of tops) {
      ranking.fixGain.offer(link, fixes[ranking.customer - first]!);
      ranking.failureLoss.offer(link, failures[ranking.customer - first]!);
    }
    visit?.(link, fixes, failures);
  };
  const impacts = forEachLinkCustomerImpact(chain, evaluation, options, visitAll, {
    adjoints,
    ...(score !== null && { score }),
    ...(settings.onProgress !== undefined && { onProgress: settings.onProgress }),
  });
  const byCustomer = tops.map((ranking) => ({
    customer: chain.ids[ranking.customer]!,
    ranking: {
      sensitivity: rankedFrom(chain, ranking.sensitivity),
      fixGain: rankedFrom(chain, ranking.fixGain),
      failureLoss: rankedFrom(chain, ranking.failureLoss),
    },
  }));
  return { impacts, byCustomer };
}
