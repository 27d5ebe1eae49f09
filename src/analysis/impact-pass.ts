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
  forEachLinkSensitivities,
  type ImpactProgress,
  type LaneBatch,
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
  /** The traversed links' lanes, already run (impact-tasks.ts, on worker threads). */
  readonly lanes?: readonly LaneBatch[] | undefined;
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
  const adjoints = customerAdjoints(chain, evaluation, options);
  // Link by link, every customer at once (node-major reads of the adjoints); each ranking still
  // sees its links in increasing order, as the tie rule needs.
  const ordinals = tops.map((t) => t.customer - first);
  const offers = (pick: (t: CustomerTops) => TopLinks) => offerer(tops.map(pick), ordinals, top);
  if (tops.length > 0) {
    forEachLinkSensitivities(
      chain,
      evaluation,
      adjoints,
      offers((t) => t.sensitivity),
    );
  }
  const offerFixes = offers((t) => t.fixGain);
  const offerFailures = offers((t) => t.failureLoss);
  const visitAll: CustomerImpactVisitor = (link, fixes, failures) => {
    offerFixes(link, fixes);
    offerFailures(link, failures);
    visit?.(link, fixes, failures);
  };
  const impacts = forEachLinkCustomerImpact(chain, evaluation, options, visitAll, {
    adjoints,
    ...(score !== null && { score }),
    ...(settings.onProgress !== undefined && { onProgress: settings.onProgress }),
    ...(settings.lanes !== undefined && { lanes: settings.lanes }),
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

/**
 * Offers one link's value per customer to each ranking (`values[ordinals[i]]`), skipping the call
 * where TopLinks.offer would return at once (not above 0, or not above a full ranking's last):
 * the same rankings, without a call per customer and link of a model of a million links.
 */
function offerer(rankings: readonly TopLinks[], ordinals: readonly number[], top: number) {
  const floors = new Float64Array(rankings.length);
  return (link: number, values: Float64Array) => {
    for (let i = 0; i < rankings.length; i++) {
      const value = values[ordinals[i]!]!;
      if (!(value > floors[i]!)) continue;
      const ranking = rankings[i]!;
      ranking.offer(link, value);
      if (ranking.links.length === top) floors[i] = ranking.values[top - 1]!;
    }
  };
}
