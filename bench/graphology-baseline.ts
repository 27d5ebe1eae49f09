/**
 * The baseline the engine is measured against: the SAME propagation (docs/model.md, "Propagation: service flows down the chain") written
 * plainly on graphology node and edge attributes, as one would without a compiled form. Cycles are
 * found with Kahn's algorithm (what it cannot order is cyclic) and iterated from s = 1 until the
 * change is within tolerance, like the engine.
 */
import { MultiDirectedGraph } from 'graphology';
import type { CompiledChain } from '../src/engine/index.js';
import { pointValue } from '../src/model/estimates.js';
import type { Combine, Model } from '../src/model/schema.js';

interface NodeAttributes {
  p: number;
  d: number;
  combine: Combine;
  value: number;
  customer: boolean;
  s: number;
}
interface EdgeAttributes {
  quality: number;
  weight: number;
  group: string | undefined;
}

/** The model as a graphology graph with scoring attributes. */
export function baselineGraph(model: Model): MultiDirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const a of [...(model.departments ?? []), ...(model.employees ?? [])])
    graph.addNode(a.id, {
      p: (pointValue(a.performance) ?? 1) * (pointValue(a.welfare) ?? 1),
      d: a.dependence ?? 1,
      combine: a.combine ?? 'mean',
      value: 0,
      customer: false,
      s: 1,
    });
  for (const c of model.customers ?? [])
    graph.addNode(c.id, { p: 1, d: 1, combine: 'mean', value: c.value ?? 1, customer: true, s: 1 });
  for (const h of model.handoffs ?? [])
    graph.addEdge(h.from, h.to, {
      quality: pointValue(h.quality) ?? 1,
      weight: h.weight ?? 1,
      group: h.group,
    });
  return graph;
}

function evaluate(graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes>, node: string): number {
  const attributes = graph.getNodeAttributes(node);
  const received = new Map<string, { miss: number; weight: number }>();
  let solo = 0;
  graph.forEachInEdge(node, (_edge, edge, source) => {
    const r = graph.getNodeAttribute(source, 's') * edge.quality;
    const key = edge.group === undefined ? `\u0000${solo++}` : edge.group;
    const group = received.get(key);
    if (group === undefined) received.set(key, { miss: 1 - r, weight: edge.weight });
    else {
      group.miss *= 1 - r;
      group.weight = Math.max(group.weight, edge.weight);
    }
  });
  let input = 1;
  if (received.size > 0) {
    const groups = [...received.values()];
    if (attributes.combine === 'mean') {
      let sum = 0;
      let total = 0;
      for (const g of groups) {
        sum += g.weight * (1 - g.miss);
        total += g.weight;
      }
      input = sum / total;
    } else if (attributes.combine === 'min') input = Math.min(...groups.map((g) => 1 - g.miss));
    else if (attributes.combine === 'product') input = groups.reduce((a, g) => a * (1 - g.miss), 1);
    else {
      let sum = 0;
      let total = 0;
      let zero = false;
      for (const g of groups) {
        if (1 - g.miss <= 0) zero = true;
        else sum += g.weight * Math.log(1 - g.miss);
        total += g.weight;
      }
      input = zero ? 0 : Math.exp(sum / total);
    }
  }
  return attributes.p * (1 - attributes.d * (1 - input));
}

/** Components in topological order, as node ids (the engine's order: compared like for like). */
export interface BaselineOrder {
  readonly nodes: readonly string[];
  /** Component k is nodes[start[k] .. start[k + 1]). */
  readonly start: readonly number[];
  readonly cyclic: readonly boolean[];
}

/** The compiled chain's component order as a BaselineOrder (node ids in place of indices). */
export function engineOrder(chain: CompiledChain): BaselineOrder {
  const { start, nodes, cyclic, count } = chain.components;
  return {
    nodes: Array.from(nodes, (v) => chain.ids[v]!),
    start: Array.from(start),
    cyclic: Array.from(cyclic.subarray(0, count), (c) => c === 1),
  };
}

/**
 * Propagates on the graph's attributes in the given component order (a node outside any cycle
 * once, a cycle by Gauss-Seidel from s = 1, as the engine does); returns S.
 */
export function baselinePropagate(
  graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes>,
  order: BaselineOrder,
  tolerance = 1e-12,
  maxIterations = 10_000,
): number | null {
  const { nodes, start, cyclic } = order;
  for (let k = 0; k + 1 < start.length; k++) {
    if (!cyclic[k]) {
      const node = nodes[start[k]!]!;
      graph.setNodeAttribute(node, 's', evaluate(graph, node));
      continue;
    }
    for (let i = start[k]!; i < start[k + 1]!; i++) graph.setNodeAttribute(nodes[i]!, 's', 1);
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      let change = 0;
      for (let i = start[k]!; i < start[k + 1]!; i++) {
        const node = nodes[i]!;
        const s = evaluate(graph, node);
        change = Math.max(change, Math.abs(s - graph.getNodeAttribute(node, 's')));
        graph.setNodeAttribute(node, 's', s);
      }
      if (change <= tolerance) break;
    }
  }
  let sum = 0;
  let total = 0;
  graph.forEachNode((node, attributes) => {
    if (!attributes.customer || graph.inDegree(node) === 0) return;
    sum += attributes.value * attributes.s;
    total += attributes.value;
  });
  return total > 0 ? sum / total : null;
}
