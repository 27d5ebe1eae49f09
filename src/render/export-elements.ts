/**
 * What the GEXF and GraphML exports write: every node (declaration order) and hand-off with the
 * report's scores, keyed by model id (toGraph's node keys are generated: `n0`, `n1`, ...).
 */
import type { Report } from '../analysis/report.js';
import { toGraph } from '../model/graph.js';
import type { Model } from '../model/schema.js';

/** A value an export writes. */
export type Value = string | number | boolean;

/** Attributes of one node or edge, nulls dropped (a missing score is absent, never NaN). */
export type Attributes = Record<string, Value>;

/** Keeps only the printable entries. */
function defined(entries: Record<string, Value | null | undefined>): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    attributes[key] = value;
  }
  return attributes;
}

/** A node's or edge's label and attributes for an export. */
export interface Element {
  readonly key: string;
  readonly label: string;
  readonly attributes: Attributes;
}

/** Nodes (declaration order) and edges (hand-offs, declaration order) with their scores. */
export function elements(report: Report, model: Model) {
  const graph = toGraph(model);
  const actors = new Map(report.actors.map((actor) => [actor.id, actor]));
  const customers = new Map(report.customers.map((customer) => [customer.id, customer]));
  const handoffs = new Map(report.handoffs.map((handoff) => [handoff.id, handoff]));
  const nodes: Element[] = graph.mapNodes((_key, node) => {
    const actor = actors.get(node.id);
    const customer = customers.get(node.id);
    return {
      key: node.id,
      label: node.name,
      attributes: defined({
        kind: node.kind,
        service: actor?.service ?? customer?.service,
        chainStrength: actor?.chainStrength ?? customer?.chainStrength,
        sensitivity: actor?.sensitivity,
        fixGain: actor?.fixGain,
        failureLoss: actor?.failureLoss,
        customersReached: actor?.customersReached,
        value: node.value,
        segment: node.segment,
      }),
    };
  });
  const edges = graph.mapEdges((key, edge, _source, _target, source, target) => {
    const handoff = handoffs.get(key);
    return {
      key,
      source: source.id,
      target: target.id,
      label: key,
      attributes: defined({
        quality: edge.quality,
        weight: edge.weight,
        received: handoff?.received,
        sensitivity: handoff?.sensitivity,
        fixGain: handoff?.fixGain,
        failureLoss: handoff?.failureLoss,
        carries: edge.carries,
        group: edge.group,
      }),
    };
  });
  return { nodes, edges };
}

/**
 * Each attribute name of one class (nodes or edges), in first-seen order, with its type: what
 * `typeOf` makes of every value the name takes.
 */
export function attributeTypes(
  items: readonly Element[],
  typeOf: (values: readonly Value[]) => string,
): Map<string, string> {
  const values = new Map<string, Value[]>();
  for (const item of items)
    for (const [name, value] of Object.entries(item.attributes)) {
      const seen = values.get(name);
      if (seen === undefined) values.set(name, [value]);
      else seen.push(value);
    }
  return new Map([...values].map(([name, all]) => [name, typeOf(all)]));
}
