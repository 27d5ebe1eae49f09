/** Defaults of docs/model.md, "Notation"; docs/model.md, "Ratings and surveys"; docs/business-impact.md, "The model", and the derived values every layer reads the same way. */

import { pointValue } from './estimates.js';
import type {
  Combine,
  Customer,
  CustomerDefaults,
  Handoff,
  Model,
  Priorities,
  Rating,
  Scale,
} from './schema.js';

/** Field defaults for actors and customers (docs/model.md, "Notation"). */
export const ACTOR_DEFAULTS = {
  performance: 1,
  welfare: 1,
  dependence: 1,
  combine: 'mean' as Combine,
} as const;

/** Hand-off defaults. A hand-off with neither `quality` nor `ratings` is taken as perfect (docs/model.md). */
export const HANDOFF_DEFAULTS = { quality: 1, weight: 1 } as const;

/** The default rating scale (docs/model.md, "Ratings and surveys"). */
export const DEFAULT_SCALE: Scale = { min: 1, max: 5 };

/** What customers say they want (docs/model.md, "Ratings and surveys"). */
export const DEFAULT_DIMENSIONS: readonly string[] = [
  'reliability',
  'responsiveness',
  'accuracy',
  'timeliness',
  'courtesy',
  'communication',
  'competence',
  'empathy',
];

/** Business-impact defaults (docs/business-impact.md, "The model"): starting figures, not truths. */
export const CUSTOMER_DEFAULTS = {
  value: 1,
  count: 1,
  churn: { base: 0, perFailure: 0.25 },
  recovery: 0,
  wordOfMouth: { tells: 10, conversion: 0 },
  acquisitionCost: 0,
} as const;

/** A hand-off's id: its own, or `from->to`. */
export function handoffId(handoff: Pick<Handoff, 'id' | 'from' | 'to'>): string {
  return handoff.id ?? `${handoff.from}->${handoff.to}`;
}

/** The model's rating scale. */
export function ratingScale(model: Pick<Model, 'scale'>): Scale {
  return model.scale ?? DEFAULT_SCALE;
}

/** The model's rating dimensions. */
export function ratingDimensions(model: Pick<Model, 'dimensions'>): readonly string[] {
  return model.dimensions ?? DEFAULT_DIMENSIONS;
}

/**
 * One rating as a share in [0, 1]. A perception maps linearly onto the scale; an expectation-gap
 * pair scores 1 when perception meets or exceeds expectation and loses (E - P) / (max - min) below it.
 */
export function ratingShare(rating: Rating, scale: Scale): number {
  const span = scale.max - scale.min;
  if (typeof rating === 'number') return (rating - scale.min) / span;
  return Math.min(1, Math.max(0, 1 - (rating.expected - rating.perceived) / span));
}

/** What turns ratings into a quality: the scale and the declared dimensions, in declaration order. */
export interface RatingFrame {
  readonly scale: Scale;
  readonly dimensions: readonly string[];
}

/** The model's rating frame: its scale and its dimensions. */
export function ratingFrame(model: Pick<Model, 'scale' | 'dimensions'>): RatingFrame {
  return { scale: ratingScale(model), dimensions: ratingDimensions(model) };
}

/**
 * quality = sum_k w_k (r_k - lo) / (hi - lo) / sum_k w_k over the rated dimensions
 * (docs/model.md, "Ratings and surveys"); w_k are the receiver's priorities, 1 where it sets none. If every rated dimension has
 * priority 0, the plain mean is used rather than 0/0. The sums run in dimension declaration order
 * (keys the frame does not declare follow, sorted), so the order of keys in `ratings` or
 * `priorities` never changes a bit of the result; and the weights are divided by the largest
 * first, so priorities near the largest finite number neither overflow nor, near the smallest,
 * underflow (docs/model.md, "Where the reference leaves room: the readings we chose").
 */
export function qualityFromRatings(
  ratings: Readonly<Record<string, Rating>>,
  frame: RatingFrame,
  priorities: Priorities | undefined,
): number {
  const rated = ratedDimensions(ratings, frame.dimensions);
  if (rated.length === 0) return HANDOFF_DEFAULTS.quality;
  // Own keys only: a dimension named `constructor` must not read Object.prototype.constructor.
  const weights = rated.map((dimension) =>
    priorities !== undefined && Object.hasOwn(priorities, dimension) ? priorities[dimension]! : 1,
  );
  const largest = Math.max(...weights);
  let weighted = 0;
  let totalWeight = 0;
  let plain = 0;
  rated.forEach((dimension, i) => {
    const share = ratingShare(ratings[dimension]!, frame.scale);
    const weight = largest > 0 ? weights[i]! / largest : 0;
    weighted += weight * share;
    totalWeight += weight;
    plain += share;
  });
  return totalWeight > 0 ? weighted / totalWeight : plain / rated.length;
}

/** The rated dimensions in a fixed order: declared ones in declaration order, then the rest sorted. */
function ratedDimensions(
  ratings: Readonly<Record<string, Rating>>,
  dimensions: readonly string[],
): string[] {
  const rated = dimensions.filter((dimension) => Object.hasOwn(ratings, dimension));
  if (rated.length === Object.keys(ratings).length) return rated;
  const declared = new Set(dimensions);
  const rest = Object.keys(ratings).filter((key) => !declared.has(key));
  return rated.concat(rest.sort());
}

/** A hand-off's quality: its own, derived from its ratings, or the default. */
export function handoffQuality(
  handoff: Handoff,
  frame: RatingFrame,
  receiverPriorities: Priorities | undefined,
): number {
  if (handoff.quality !== undefined) return pointValue(handoff.quality);
  if (handoff.ratings !== undefined)
    return qualityFromRatings(handoff.ratings, frame, receiverPriorities);
  return HANDOFF_DEFAULTS.quality;
}

/** A customer's business coefficients with the model's `defaults` and then the built-in defaults applied. */
export function customerCoefficients(customer: Customer, defaults: CustomerDefaults | undefined) {
  return {
    value: customer.value ?? defaults?.value ?? CUSTOMER_DEFAULTS.value,
    count: customer.count ?? defaults?.count ?? CUSTOMER_DEFAULTS.count,
    churn: {
      base: customer.churn?.base ?? defaults?.churn?.base ?? CUSTOMER_DEFAULTS.churn.base,
      perFailure:
        customer.churn?.perFailure ??
        defaults?.churn?.perFailure ??
        CUSTOMER_DEFAULTS.churn.perFailure,
    },
    recovery: customer.recovery ?? defaults?.recovery ?? CUSTOMER_DEFAULTS.recovery,
    wordOfMouth: {
      tells:
        customer.wordOfMouth?.tells ??
        defaults?.wordOfMouth?.tells ??
        CUSTOMER_DEFAULTS.wordOfMouth.tells,
      conversion:
        customer.wordOfMouth?.conversion ??
        defaults?.wordOfMouth?.conversion ??
        CUSTOMER_DEFAULTS.wordOfMouth.conversion,
    },
    acquisitionCost:
      customer.acquisitionCost ?? defaults?.acquisitionCost ?? CUSTOMER_DEFAULTS.acquisitionCost,
  };
}

/** Business coefficients of one customer after defaults. */
export type CustomerCoefficients = ReturnType<typeof customerCoefficients>;
