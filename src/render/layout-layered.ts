/**
 * A plain layered left-to-right layout for diagrams too large for dagre (whose ranking and
 * ordering recurse once per node on a long chain or cycle, and overflow the stack at about 1,800
 * nodes). Loops only, linear in nodes plus edges: longest-path ranks (a cycle is entered at its
 * first declared node), declaration order within a rank, straight edges, clusters boxed around
 * their members. Deterministic.
 */
import type { Diagram } from './diagram-graph.js';
import type { Placed, Point } from './layout.js';

/** A box's size before it is placed. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Where the layered layout puts everything (centres, as dagre gives them). */
export interface Positions {
  readonly nodes: ReadonlyMap<string, Placed>;
  readonly clusters: ReadonlyMap<string, Placed>;
  readonly edges: ReadonlyMap<string, { points: Point[]; x: number; y: number }>;
}

const NODE_GAP = 36;
const RANK_GAP = 96;
const CLUSTER_PADDING = 12;

/** Longest-path rank of every node; a cycle is cut at the first declared node still waiting. */
function ranks(diagram: Diagram): { rank: Int32Array; order: number[] } {
  const count = diagram.nodes.length;
  const index = new Map(diagram.nodes.map((node, i) => [node.key, i]));
  const successors: number[][] = Array.from({ length: count }, () => []);
  const waiting = new Int32Array(count);
  for (const edge of diagram.edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    successors[from]!.push(to);
    waiting[to]! += 1;
  }
  const rank = new Int32Array(count);
  const done = new Uint8Array(count);
  const order: number[] = [];
  const queue: number[] = [];
  for (let i = 0; i < count; i += 1) if (waiting[i] === 0) queue.push(i);
  let next = 0;
  while (order.length < count) {
    if (queue.length === 0) {
      while (done[next] === 1) next += 1;
      queue.push(next);
    }
    // A FIFO by index: shift() would make this quadratic.
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head]!;
      if (done[node] === 1) continue;
      done[node] = 1;
      order.push(node);
      for (const to of successors[node]!) {
        if (done[to] === 1) continue;
        rank[to] = Math.max(rank[to]!, rank[node]! + 1);
        waiting[to]! -= 1;
        if (waiting[to] === 0) queue.push(to);
      }
    }
    queue.length = 0;
  }
  return { rank, order };
}

/** Places nodes in columns by rank, clusters around their members, edges straight. */
export function layeredPositions(diagram: Diagram, sizes: readonly Size[]): Positions {
  const { rank, order } = ranks(diagram);
  const columns = rank.reduce((most, r) => Math.max(most, r + 1), 0);
  const columnWidth = new Float64Array(columns);
  for (let i = 0; i < sizes.length; i += 1)
    columnWidth[rank[i]!] = Math.max(columnWidth[rank[i]!]!, sizes[i]!.width);
  const columnX = new Float64Array(columns);
  for (let c = 1; c < columns; c += 1)
    columnX[c] = columnX[c - 1]! + columnWidth[c - 1]! / 2 + RANK_GAP + columnWidth[c]! / 2;
  const nextY = new Float64Array(columns);
  const nodes = new Map<string, Placed>();
  for (const i of order) {
    const node = diagram.nodes[i]!;
    const size = sizes[i]!;
    const column = rank[i]!;
    const y = nextY[column]! + size.height / 2;
    nextY[column] = y + size.height / 2 + NODE_GAP;
    nodes.set(node.key, { x: columnX[column]!, y, ...size });
  }
  return { nodes, clusters: clusterBoxes(diagram, nodes), edges: straightEdges(diagram, nodes) };
}

/** Each cluster's box: around its nodes and its child clusters, deepest first. */
function clusterBoxes(diagram: Diagram, nodes: ReadonlyMap<string, Placed>): Map<string, Placed> {
  const bounds = new Map<string, [number, number, number, number]>();
  const extend = (key: string, box: Placed, pad: number) => {
    const b = bounds.get(key) ?? [Infinity, Infinity, -Infinity, -Infinity];
    b[0] = Math.min(b[0], box.x - box.width / 2 - pad);
    b[1] = Math.min(b[1], box.y - box.height / 2 - pad);
    b[2] = Math.max(b[2], box.x + box.width / 2 + pad);
    b[3] = Math.max(b[3], box.y + box.height / 2 + pad);
    bounds.set(key, b);
  };
  for (const node of diagram.nodes)
    if (node.cluster !== null) extend(node.cluster, nodes.get(node.key)!, CLUSTER_PADDING);
  const parent = new Map(diagram.clusters.map((cluster) => [cluster.key, cluster.parent]));
  const depth = new Map<string, number>();
  for (const cluster of diagram.clusters) {
    // Walk up to a cluster of known depth, then number the path on the way back.
    const path: string[] = [];
    const seen = new Set<string>();
    let key: string | null = cluster.key;
    while (key !== null && !depth.has(key) && !seen.has(key)) {
      path.push(key);
      seen.add(key);
      key = parent.get(key) ?? null;
    }
    let known = key === null ? -1 : (depth.get(key) ?? -1);
    for (let i = path.length - 1; i >= 0; i -= 1) {
      known += 1;
      depth.set(path[i]!, known);
    }
  }
  const deepestFirst = [...diagram.clusters].sort(
    (a, b) => (depth.get(b.key) ?? 0) - (depth.get(a.key) ?? 0),
  );
  const boxes = new Map<string, Placed>();
  for (const cluster of deepestFirst) {
    const b = bounds.get(cluster.key);
    const box =
      b === undefined
        ? { x: 0, y: 0, width: 0, height: 0 }
        : { x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2, width: b[2] - b[0], height: b[3] - b[1] };
    boxes.set(cluster.key, box);
    if (cluster.parent !== null && b !== undefined) extend(cluster.parent, box, CLUSTER_PADDING);
  }
  return new Map(diagram.clusters.map((cluster) => [cluster.key, boxes.get(cluster.key)!]));
}

/** An edge from the right of its source to the left of its target, labelled at the middle. */
function straightEdges(
  diagram: Diagram,
  nodes: ReadonlyMap<string, Placed>,
): Map<string, { points: Point[]; x: number; y: number }> {
  const edges = new Map<string, { points: Point[]; x: number; y: number }>();
  for (const edge of diagram.edges) {
    const from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    const start = { x: from.x + from.width / 2, y: from.y };
    const end = { x: to.x - to.width / 2, y: to.y };
    edges.set(edge.key, {
      points: [start, end],
      x: (start.x + end.x) / 2,
      y: (start.y + end.y) / 2,
    });
  }
  return edges;
}
