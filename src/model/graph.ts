/**
 * The model as a graphology MultiDirectedGraph (docs/model.md, "Notation"): nodes are departments,
 * employees and customers in declaration order, edges are hand-offs (parallel ones allowed).
 * `manager` and `parent` are structure only and never become edges.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  ACTOR_DEFAULTS,
  customerCoefficients,
  handoffId,
  handoffQuality,
  ratingScale,
} from './defaults.js';
import { useNullPrototypeAdjacency, useOwnKeyEdgeTests } from './graph-safe-keys.js';
import { ensureValidModel } from './load.js';
import type { Carries, Combine, Model, Priorities, Relationship, Segment } from './schema.js';

/** A node's attributes: kind, display name and scoring fields with defaults applied. */
export interface NodeAttributes {
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

/** The hand-off graph: node keys are ids, edge keys hand-off ids. */
export type ServiceGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Builds the hand-off graph of a model (validating it first unless it is known valid). */
export function toGraph(model: Model): ServiceGraph {
  ensureValidModel(model);
  const graph: ServiceGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  useOwnKeyEdgeTests(graph);
  for (const [id, attributes] of nodeEntries(model)) {
    graph.addNode(id, attributes);
    useNullPrototypeAdjacency(graph, id);
  }
  const priorities = receiverPriorities(model);
  const scale = ratingScale(model);
  for (const handoff of model.handoffs ?? []) {
    const attributes: EdgeAttributes = {
      quality: handoffQuality(handoff, scale, priorities.get(handoff.to)),
      weight: handoff.weight ?? 1,
      ...(handoff.group !== undefined && { group: handoff.group }),
      ...(handoff.carries !== undefined && { carries: handoff.carries }),
    };
    graph.addDirectedEdgeWithKey(handoffId(handoff), handoff.from, handoff.to, attributes);
  }
  return graph;
}

/** Nodes in declaration order: departments, employees, customers. */
function nodeEntries(model: Model): Array<[string, NodeAttributes]> {
  const entries: Array<[string, NodeAttributes]> = [];
  for (const d of model.departments ?? []) {
    entries.push([
      d.id,
      { ...actor('department', d), ...(d.parent !== undefined && { parent: d.parent }) },
    ]);
  }
  for (const e of model.employees ?? []) {
    entries.push([
      e.id,
      {
        ...actor('employee', e),
        ...(e.department !== undefined && { department: e.department }),
        ...(e.manager !== undefined && { manager: e.manager }),
      },
    ]);
  }
  for (const c of model.customers ?? []) {
    entries.push([
      c.id,
      {
        kind: 'customer',
        name: c.name ?? c.id,
        // External customers: p = 1, d = 1, combine mean (docs/model.md, "Notation").
        ...ACTOR_DEFAULTS,
        value: customerCoefficients(c, model.defaults).value,
        ...(c.segment !== undefined && { segment: c.segment }),
        ...(c.relationship !== undefined && { relationship: c.relationship }),
      },
    ]);
  }
  return entries;
}

interface ActorFields {
  id: string;
  name?: string | undefined;
  performance?: number | undefined;
  welfare?: number | undefined;
  dependence?: number | undefined;
  combine?: Combine | undefined;
}

function actor(kind: 'department' | 'employee', a: ActorFields): NodeAttributes {
  return {
    kind,
    name: a.name ?? a.id,
    performance: a.performance ?? ACTOR_DEFAULTS.performance,
    welfare: a.welfare ?? ACTOR_DEFAULTS.welfare,
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
