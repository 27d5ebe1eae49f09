/**
 * dagre's ordering of a diagram (Sugiyama-style ranking, crossing reduction with clusters kept
 * together): its ranks become columns and its heights the order within them. Only the order is
 * kept; placement and routing are ours (layout-place.ts, layout-route.ts), so that frames never
 * overlap and edges never cross a box.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { Diagram } from './diagram-graph.js';
import type { Point } from './layout.js';
import { buildOrdering, customersLast } from './layout-order.js';
import type { Ordering, Size } from './layout-place.js';

/** dagre's ordering of the diagram. */
export function dagreOrdering(
  diagram: Diagram,
  sizes: readonly Size[],
  labels: readonly Size[],
): Ordering {
  const graph = new Graph({ multigraph: true, compound: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 48, edgesep: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  const keys = new Set(diagram.clusters.map((c) => c.key));
  for (const cluster of diagram.clusters) graph.setNode(cluster.key, {});
  for (const cluster of diagram.clusters) {
    if (cluster.parent !== null && keys.has(cluster.parent))
      graph.setParent(cluster.key, cluster.parent);
  }
  diagram.nodes.forEach((node, i) => {
    graph.setNode(node.key, { ...sizes[i]! });
    if (node.cluster !== null && keys.has(node.cluster)) graph.setParent(node.key, node.cluster);
  });
  diagram.edges.forEach((edge, e) => {
    graph.setEdge(edge.from, edge.to, { ...labels[e]!, labelpos: 'c' }, edge.key);
  });
  layout(graph);
  const nodes = diagram.nodes.map((node) => graph.node(node.key) as Point);
  const routes = diagram.edges.map((edge) => {
    const label = graph.edge({ v: edge.from, w: edge.to, name: edge.key }) as Point & {
      points: Point[];
    };
    return { label, bends: label.points.slice(1, -1) };
  });
  // dagre gives every node and bend of a rank the same x: those x values are the columns.
  const xs = new Set<number>();
  const snap = (x: number) => Math.round(x * 100) / 100;
  for (const n of nodes) xs.add(snap(n.x));
  for (const r of routes) for (const p of r.bends) xs.add(snap(p.x));
  const column = new Map([...xs].sort((a, b) => a - b).map((x, i) => [x, i]));
  // Customers no edge reaches: at the customers' end, not in dagre's first rank.
  const nodeColumn = customersLast(
    diagram,
    nodes.map((n) => column.get(snap(n.x))!),
    true,
  );
  const index = new Map(diagram.nodes.map((node, i) => [node.key, i]));
  const bendAt = routes.map((r) => new Map(r.bends.map((p) => [column.get(snap(p.x))!, p.y])));
  return buildOrdering(diagram, sizes, labels, {
    nodeColumn,
    nodeKey: nodes.map((n) => n.y),
    bendKey: (e, c) => {
      const known = bendAt[e]!.get(c);
      if (known !== undefined) return known;
      // A column dagre left no bend in: between the ends, in proportion.
      const from = index.get(diagram.edges[e]!.from)!;
      const to = index.get(diagram.edges[e]!.to)!;
      const t = (c - nodeColumn[from]!) / (nodeColumn[to]! - nodeColumn[from]!);
      return nodes[from]!.y + t * (nodes[to]!.y - nodes[from]!.y);
    },
    labelColumn: (e) => {
      const x = routes[e]!.label.x;
      return Number.isFinite(x) ? (column.get(snap(x)) ?? null) : null;
    },
  });
}
