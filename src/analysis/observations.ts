/**
 * What customers said beside what the model says (docs/uncertainty.md, "Observations"): per
 * observed customer, the observed score (mean of its observations weighted by n, each rating
 * mapped onto [0, 1] by the model's scale), the model's service, and the gap observed - modelled.
 */
import { ratingScale } from '../model/defaults.js';
import type { Model, Observation, ObservationSource } from '../model/schema.js';
import type { CustomerReport } from './report.js';

/** One observed customer. */
export interface ObservationRow {
  readonly id: string;
  readonly name: string;
  /** The model's s_c; null when the customer is not scored. */
  readonly service: number | null;
  /** The weighted mean of the observations, on [0, 1]. */
  readonly observed: number;
  /** Sum of the observations' n (1 each where absent). */
  readonly n: number;
  /** observed - service: below 0, customers see worse than the model says; null without a service. */
  readonly gap: number | null;
  /** The sources, in first-listed order, without repeats. */
  readonly sources: readonly ObservationSource[];
}

/** An observation's score on [0, 1]: as written, or mapped from the rating scale. */
export function observedShare(observation: Observation, model: Pick<Model, 'scale'>): number {
  if (observation.scale !== true) return observation.score;
  const { min, max } = ratingScale(model);
  return (observation.score - min) / (max - min);
}

/** The rows of a (validated) model's observations, customers in declaration order. */
export function observationRows(
  model: Model,
  customers: readonly Pick<CustomerReport, 'id' | 'name' | 'service'>[],
): ObservationRow[] {
  const byCustomer = new Map<string, Observation[]>();
  for (const observation of model.observations ?? []) {
    const list = byCustomer.get(observation.customer);
    if (list === undefined) byCustomer.set(observation.customer, [observation]);
    else list.push(observation);
  }
  return customers.flatMap((customer) => {
    const list = byCustomer.get(customer.id);
    if (list === undefined) return [];
    let weighted = 0;
    let n = 0;
    for (const observation of list) {
      const weight = observation.n ?? 1;
      weighted += weight * observedShare(observation, model);
      n += weight;
    }
    // The mean of values in [0, 1] can round just outside; it is clamped back.
    const observed = Math.min(1, Math.max(0, weighted / n));
    const { service } = customer;
    return [
      {
        id: customer.id,
        name: customer.name,
        service,
        observed,
        n,
        gap: service === null ? null : observed - service,
        sources: [...new Set(list.map((o) => o.source))],
      },
    ];
  });
}
