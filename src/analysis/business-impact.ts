/**
 * Business impact (docs/business-impact.md, "The model"): customers lost, prospects not won and money at risk per
 * customer and in total, and per link the money a fix would save and a failure would cost. Link
 * figures come from the engine's exact per-customer service after the change (section 4), never
 * from a slope: atRisk is a sum of one function per customer, phi_c(s_c), so the total after a
 * change is the sum of phi_c at each customer's new service.
 */
import { z } from 'zod';
import {
  type CompiledChain,
  type CustomerImpactVisitor,
  compileModel,
  customerServiceAfter,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
  linkValue,
  propagate,
} from '../engine/index.js';
import { type CustomerCoefficients, customerCoefficients } from '../model/defaults.js';
import { ensureValidModel } from '../model/load.js';
import {
  type DefaultsOf,
  EngineOptionsSchema,
  resolveOptions,
  TopSchema,
} from '../model/options.js';
import type { Model, Segment } from '../model/schema.js';
import { runImpactPass } from './impact-pass.js';
import { type CustomerMoney, customerMoney, moneyAtRisk } from './money.js';
import { type CoefficientUsed, coefficientsUsed } from './money-coefficients.js';
import { linkRef, ranked, scoredCustomers } from './rankings.js';
import type { LinkRef, RankedLink } from './report.js';

/** The options of `businessImpact`: the engine's controls (as `analyze`), `links` and `top`. */
export const BusinessImpactOptionsSchema = EngineOptionsSchema.extend({
  /** Price every link (fix saves, failure costs); false gives the customers and total only. */
  links: z.boolean().optional(),
  /** How many links each money ranking keeps (as `analyze`); `links` always holds every link. */
  top: TopSchema.optional(),
});

/** Options of `businessImpact`; every field optional, see BUSINESS_IMPACT_DEFAULTS. @useDeclaredType */
export type BusinessImpactOptions = z.input<typeof BusinessImpactOptionsSchema>;

/** Defaults of BusinessImpactOptions: every link priced, the engine's iteration controls. */
export const BUSINESS_IMPACT_DEFAULTS: DefaultsOf<BusinessImpactOptions> = {
  links: true,
  top: 10,
  ...ENGINE_DEFAULTS,
};

/** One external customer's money figures; the figures are null when it is not scored. */
export interface CustomerMoneyReport {
  readonly id: string;
  readonly name: string;
  readonly segment: Segment;
  /** s_c; null when no hand-off reaches the customer: then nothing is at risk for it. */
  readonly service: number | null;
  /** failed_c = (1 - s_c)(1 - recovery_c). */
  readonly failed: number | null;
  /** Customers lost a year. */
  readonly lost: number | null;
  /** Prospects not won a year through the lost customers' word of mouth. */
  readonly notWon: number | null;
  /** Money at risk a year. */
  readonly atRisk: number | null;
  /** Every coefficient used, each marked where it is a default. */
  readonly coefficients: readonly CoefficientUsed[];
}

/** Sums over the scored customers. */
export interface MoneyTotals {
  /** Mean failed share weighted by count; null when the scored customers stand for no one. */
  readonly failed: number | null;
  readonly lost: number;
  readonly notWon: number;
  readonly atRisk: number;
}

/** What one link is worth in money (section 9, computed as section 4). */
export interface LinkMoney {
  readonly link: LinkRef;
  /** The link's strength x: the actor's effective performance or the hand-off's quality. */
  readonly strength: number;
  /** Total atRisk now minus total atRisk with x := 1 (never negative). */
  readonly fixSaves: number;
  /** Total atRisk with x := 0 minus total atRisk now (never negative). */
  readonly failureCosts: number;
}

/** The top links by money, largest first; ties in declaration order (actors, then hand-offs). */
export interface MoneyRankings {
  readonly fixSaves: readonly RankedLink[];
  readonly failureCosts: readonly RankedLink[];
}

/** The money view of a model (the `money` key of the JSON report). */
export interface BusinessImpact {
  /** The model's `currency`, when it sets one: every money figure is in it. */
  readonly currency?: string;
  /** External customers in declaration order. */
  readonly customers: readonly CustomerMoneyReport[];
  readonly total: MoneyTotals;
  /** Every link (actors, then hand-offs, in declaration order); empty when `links` is false. */
  readonly links: readonly LinkMoney[];
  readonly rankings: MoneyRankings;
}

/** The options merged over BUSINESS_IMPACT_DEFAULTS; throws ServiceChainError `invalid_option`. */
export function resolveBusinessImpactOptions(options: unknown): DefaultsOf<BusinessImpactOptions> {
  return resolveOptions(BusinessImpactOptionsSchema, BUSINESS_IMPACT_DEFAULTS, options);
}

/** Per customer ordinal: its coefficients, and whether it is scored (receives a hand-off). */
interface Scoring {
  readonly coefficients: readonly CustomerCoefficients[];
  /** Ordinals (node index - actorCount) of the scored customers, in declaration order. */
  readonly scored: readonly number[];
}

function scoring(model: Model, chain: CompiledChain): Scoring {
  const customers = model.customers ?? [];
  const coefficients = customers.map((customer) => customerCoefficients(customer, model.defaults));
  const scored = scoredCustomers(chain).map((v) => v - chain.actorCount);
  return { coefficients, scored };
}

/** A service as the formulas may read it: the engine's arithmetic can stray past [0, 1] by an ulp. */
function share(service: number): number {
  return Math.min(1, Math.max(0, service));
}

function customerReports(
  model: Model,
  { coefficients, scored }: Scoring,
  service: ArrayLike<number>,
  first: number,
): { customers: CustomerMoneyReport[]; total: MoneyTotals } {
  const isScoredOrdinal = new Set(scored);
  let lost = 0;
  let notWon = 0;
  let atRisk = 0;
  let failedCount = 0;
  let count = 0;
  const customers = (model.customers ?? []).map((customer, c): CustomerMoneyReport => {
    const used = coefficientsUsed(customer, model.defaults);
    const base = {
      id: customer.id,
      name: customer.name ?? customer.id,
      segment: customer.segment ?? 'end-user',
    };
    if (!isScoredOrdinal.has(c)) {
      const none = { failed: null, lost: null, notWon: null, atRisk: null };
      return { ...base, service: null, ...none, coefficients: used };
    }
    const s = share(service[first + c]!);
    const money: CustomerMoney = customerMoney(s, coefficients[c]!);
    lost += money.lost;
    notWon += money.notWon;
    atRisk += money.atRisk;
    failedCount += coefficients[c]!.count * money.failed;
    count += coefficients[c]!.count;
    return { ...base, service: s, ...money, coefficients: used };
  });
  const failed = count > 0 ? failedCount / count : null;
  return { customers, total: { failed, lost, notWon, atRisk } };
}

/** Prices links as the impact pass visits them (a visitor of runImpactPass); `links` fills up. */
export interface LinkPricer {
  readonly visit: CustomerImpactVisitor;
  readonly links: LinkMoney[];
}

/**
 * Money saved and lost per link: for each scored customer, phi(s) - phi(s after the change), summed.
 * Each customer's difference is >= 0 in exact arithmetic (s never falls when a link improves and
 * phi never rises when s does), so a negative rounding residue is taken as 0.
 */
function createLinkPricer(
  chain: CompiledChain,
  evaluation: Evaluation,
  { coefficients, scored }: Scoring,
  options: EngineOptions,
): LinkPricer {
  const first = chain.actorCount;
  const now = scored.map((c) => share(evaluation.service[first + c]!));
  const phiNow = scored.map((c, i) => moneyAtRisk(now[i]!, coefficients[c]!));
  /** Sum over customers of max(0, sign * (phi(s after) - phi(s now))). */
  const moneyChange = (sign: 1 | -1, after: (c: number, i: number) => number): number => {
    let total = 0;
    for (let i = 0; i < scored.length; i++) {
      const c = scored[i]!;
      const change = moneyAtRisk(share(after(c, i)), coefficients[c]!) - phiNow[i]!;
      total += Math.max(0, sign * change);
    }
    return total;
  };
  const links: LinkMoney[] = [];
  const visit: CustomerImpactVisitor = (l, fix, failure) => {
    // The engine's frontier shortcut multiplies by adjoints; should one be infinite, recompute.
    const exact = (deltas: Float64Array, x: number) =>
      scored.every((c) => Number.isFinite(deltas[c]!))
        ? undefined
        : customerServiceAfter(chain, evaluation, l, x, options);
    const fixed = exact(fix, 1);
    const failed = exact(failure, 0);
    const fixSaves = moneyChange(-1, (c, i) => fixed?.[c] ?? now[i]! + fix[c]!);
    const failureCosts = moneyChange(1, (c, i) => failed?.[c] ?? now[i]! - failure[c]!);
    links.push({ link: linkRef(chain, l), strength: linkValue(chain, l), fixSaves, failureCosts });
  };
  return { visit, links };
}

/** The money view of a compiled, evaluated model, and the pricer to hand to the impact pass. */
export interface MoneyView {
  /** Null when links are not priced. */
  readonly pricer: LinkPricer | null;
  /** The view once the pass (if any) has run. */
  finish(): BusinessImpact;
}

/**
 * Starts the money view of `model` (compiled to `chain`, evaluated): its customer figures now, its
 * link prices from the pricer's visits. Without any scored customer every price is exactly 0, and
 * `finish` fills them in when the pass was not run.
 */
export function moneyView(
  model: Model,
  chain: CompiledChain,
  evaluation: Evaluation,
  settings: { readonly links: boolean; readonly top: number; readonly engine: EngineOptions },
): MoneyView {
  const scoringOf = scoring(model, chain);
  const pricer = settings.links
    ? createLinkPricer(chain, evaluation, scoringOf, settings.engine)
    : null;
  let priced = false;
  return {
    pricer,
    finish: () => {
      const { customers, total } = customerReports(
        model,
        scoringOf,
        evaluation.service,
        chain.actorCount,
      );
      const links = pricer?.links ?? [];
      // No pass ran (nothing scored): every link's price is the empty sum, 0.
      if (pricer !== null && links.length < chain.linkCount && !priced) {
        const none = new Float64Array(chain.customerCount);
        for (let l = links.length; l < chain.linkCount; l++) pricer.visit(l, none, none);
      }
      priced = true;
      const best = (figure: 'fixSaves' | 'failureCosts') =>
        ranked(
          chain,
          links.map((entry) => entry[figure]),
          settings.top,
          { keepZero: true },
        );
      return {
        ...(model.currency !== undefined && { currency: model.currency }),
        customers,
        total,
        links,
        rankings: { fixSaves: best('fixSaves'), failureCosts: best('failureCosts') },
      };
    },
  };
}

/**
 * Total money at risk of a model at a service vector the engine computed for it (node-indexed):
 * the figure a plan with a money objective would lower. `model` must be the one `chain` was
 * compiled from (its customers' coefficients are read, so a changed `recovery` counts).
 */
export function totalMoneyAtRisk(
  model: Model,
  chain: CompiledChain,
  service: ArrayLike<number>,
): number {
  const { coefficients, scored } = scoring(model, chain);
  let total = 0;
  for (const c of scored) {
    total += moneyAtRisk(share(service[chain.actorCount + c]!), coefficients[c]!);
  }
  return total;
}

/**
 * The money view of a (validated) model: per customer and in total the failed share, customers
 * lost, prospects not won and money at risk, with the coefficients used; per link what a fix would
 * save and a failure would cost, exact, ranked. Throws ServiceChainError on an invalid model or
 * option (`invalid_option`). `analyzeWithMoney` gives the same view from the analysis' own pass.
 */
export function businessImpact(input: Model, options?: BusinessImpactOptions): BusinessImpact {
  const { links, top, ...engine } = resolveBusinessImpactOptions(options);
  const { model } = ensureValidModel(input);
  const chain = compileModel(model);
  const evaluation = propagate(chain, engine);
  const view = moneyView(model, chain, evaluation, { links, top, engine });
  if (view.pricer !== null && chain.scoredCount > 0)
    runImpactPass(chain, evaluation, { options: engine, top, visit: view.pricer.visit });
  return view.finish();
}

/** The money figures of each link in the order of one of its rankings (for the renderers). */
export function rankedMoneyLinks(
  impact: BusinessImpact,
  figure: 'fixSaves' | 'failureCosts',
): LinkMoney[] {
  const byKey = new Map(impact.links.map((entry) => [linkKey(entry.link), entry]));
  return impact.rankings[figure].flatMap((entry) => byKey.get(linkKey(entry.link)) ?? []);
}

function linkKey(link: LinkRef): string {
  return `${link.type}:${link.id}`;
}
