/** Rated hand-offs side by side with the quality derived from their ratings (docs/model.md, "Ratings and surveys"). */
import { handoffId, handoffQuality, ratingFrame, ratingShare } from '../model/defaults.js';
import type { Model, Priorities, Rating } from '../model/schema.js';

/** One rated dimension of a hand-off. */
export interface DimensionRating {
  readonly dimension: string;
  /** As written: a perception, or an expectation-gap pair. */
  readonly rating: Rating;
  /** The rating as a share in [0, 1]. */
  readonly share: number;
  /** The receiver's priority for this dimension (1 where it sets none). */
  readonly priority: number;
}

/** A hand-off given by ratings, and the quality they yield. */
export interface HandoffRatings {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly ratings: readonly DimensionRating[];
  /** The derived quality: the priority-weighted mean of the shares. */
  readonly quality: number;
}

/** Each node's priorities, by id (departments, employees and customers may all set them). */
export function receiverPriorities(model: Model): Map<string, Priorities | undefined> {
  const priorities = new Map<string, Priorities | undefined>();
  for (const node of [
    ...(model.departments ?? []),
    ...(model.employees ?? []),
    ...(model.customers ?? []),
  ])
    priorities.set(node.id, node.priorities);
  return priorities;
}

/** The rated hand-offs of a model, in declaration order, with their ratings and derived quality. */
export function handoffRatings(model: Model): HandoffRatings[] {
  const frame = ratingFrame(model);
  const { scale } = frame;
  const priorities = receiverPriorities(model);
  const rated: HandoffRatings[] = [];
  for (const handoff of model.handoffs ?? []) {
    if (handoff.ratings === undefined || handoff.quality !== undefined) continue;
    const receiver = priorities.get(handoff.to);
    rated.push({
      id: handoffId(handoff),
      from: handoff.from,
      to: handoff.to,
      ratings: Object.entries(handoff.ratings).map(([dimension, rating]) => ({
        dimension,
        rating,
        share: ratingShare(rating, scale),
        // Own keys only, as qualityFromRatings reads them (a dimension may be `constructor`).
        priority:
          receiver !== undefined && Object.hasOwn(receiver, dimension) ? receiver[dimension]! : 1,
      })),
      quality: handoffQuality(handoff, frame, receiver),
    });
  }
  return rated;
}
