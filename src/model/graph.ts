/**
 * The model as a graphology MultiDirectedGraph (docs/model.md, "Notation"): nodes are departments,
 * employees and customers in declaration order, edges are hand-offs (parallel ones allowed).
 * `manager` and `parent` are structure only and never become edges.
 *
 * Node keys are generated (`n0`, `n1`, ... in declaration order) and the model id is the node's
 * `id` attribute: graphology indexes neighbours in plain objects keyed by node key, where an id
 * such as `__proto__` or `constructor` would read Object.prototype. Edge keys are the hand-off
 * ids, which graphology keeps in a Map.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  ACTOR_DEFAULTS,
  customerCoefficients,
  handoffId,
  handoffQuality,
  ratingFrame,
} from './defaults.js';
import { pointValue } from './estimates.js';
import { ensureValidModel } from './load.js';
import type {
  Carries,
  Combine,
  EstimatedShare,
  Model,
  Priorities,
  Relationship,
  Segment,
} from './schema.js';

/** A node's attributes: kind, display name and scoring fields with defaults applied. */
export interface NodeAttributes {
  /** The model id (the node's key in the graph is generated: see `toGraph`). */
  id: string;
  kind: 'department' | 'employee' | 'customer';
  /** The node's `name`, or its id. */
  name: string;
  performance: number;
  welfare: number;
  dependence: number;
  combine: Combine;
  department?: string;
  parent?: string;
  manager?: string;
  segment?: Segment;
  /** A customer's value after the model's `defaults` (docs/model.md, "Notation"; docs/business-impact.md, "The model"). */
  value?: number;
  relationship?: Relationship;
}

/** A hand-off's attributes; quality is derived from ratings where the hand-off has them. */
export interface EdgeAttributes {
  quality: number;
  weight: number;
  group?: string;
  carries?: Carries;
}

/** The hand-off graph: node keys `n0`, `n1`, ... with the model id as `id`; edge keys hand-off ids. */
export type ServiceGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * Builds the hand-off graph of a model (validating it first unless it is known valid).
 *
 * Node keys are `n0`, `n1`, ... in declaration order (departments, employees, customers), and each
 * node's `id` attribute holds its model id, so any id works, `__proto__` included; find a node by
 * id with `graph.findNode((_key, node) => node.id === id)`. Edge keys are the hand-off ids
 * (`from->to` unless the hand-off has an `id`).
 */
export function toGraph(input: Model): ServiceGraph {
  const { model } = ensureValidModel(input);
  const graph: ServiceGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  const keys = new Map<string, string>();
  for (const attributes of nodeAttributes(model)) {
    const key = `n${keys.size}`;
    keys.set(attributes.id, key);
    graph.addNode(key, attributes);
  }
  const priorities = receiverPriorities(model);
  const frame = ratingFrame(model);
  for (const handoff of model.handoffs ?? []) {
    const attributes: EdgeAttributes = {
      quality: handoffQuality(handoff, frame, priorities.get(handoff.to)),
      weight: handoff.weight ?? 1,
      ...(handoff.group !== undefined && { group: handoff.group }),
      ...(handoff.carries !== undefined && { carries: handoff.carries }),
    };
    // A valid model's hand-offs name declared nodes only (docs/model-file.md, "Errors").
    graph.addDirectedEdgeWithKey(
      handoffId(handoff),
      keys.get(handoff.from)!,
      keys.get(handoff.to)!,
      attributes,
    );
  }
  return graph;
}

/** Node attributes in declaration order: departments, employees, customers. */
function nodeAttributes(model: Model): NodeAttributes[] {
  const entries: NodeAttributes[] = [];
  for (const d of model.departments ?? []) {
    entries.push({
      ...actor('department', d),
      ...(d.parent !== undefined && { parent: d.parent }),
    });
  }
  for (const e of model.employees ?? []) {
    entries.push({
      ...actor('employee', e),
      ...(e.department !== undefined && { department: e.department }),
      ...(e.manager !== undefined && { manager: e.manager }),
    });
  }
  for (const c of model.customers ?? []) {
    entries.push({
      id: c.id,
      kind: 'customer',
      name: c.name ?? c.id,
      // External customers: p = 1, d = 1, combine mean (docs/model.md, "Notation").
      ...ACTOR_DEFAULTS,
      value: customerCoefficients(c, model.defaults).value,
      ...(c.segment !== undefined && { segment: c.segment }),
      ...(c.relationship !== undefined && { relationship: c.relationship }),
    });
  }
  return entries;
}

interface ActorFields {
  id: string;
  name?: string | undefined;
  performance?: EstimatedShare | undefined;
  welfare?: EstimatedShare | undefined;
  dependence?: number | undefined;
  combine?: Combine | undefined;
}

function actor(kind: 'department' | 'employee', a: ActorFields): NodeAttributes {
  return {
    id: a.id,
    kind,
    name: a.name ?? a.id,
    performance: pointValue(a.performance) ?? ACTOR_DEFAULTS.performance,
    welfare: pointValue(a.welfare) ?? ACTOR_DEFAULTS.welfare,
    dependence: a.dependence ?? ACTOR_DEFAULTS.dependence,
    combine: a.combine ?? ACTOR_DEFAULTS.combine,
  };
}

/** Each node's priorities (actors as internal customers, and external customers). */
function receiverPriorities(model: Model): Map<string, Priorities> {
  const priorities = new Map<string, Priorities>();
  const nodes = [
    ...(model.departments ?? []),
    ...(model.employees ?? []),
    ...(model.customers ?? []),
  ];
  for (const node of nodes)
    if (node.priorities !== undefined) priorities.set(node.id, node.priorities);
  return priorities;
}
