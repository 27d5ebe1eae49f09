/**
 * A layered left-to-right layout of a Diagram (suppliers ... customers), computed by dagre
 * (Sugiyama-style ranking, crossing reduction, Brandes-Köpf coordinates); above what dagre can
 * take, by the plain layered layout of layout-layered.ts. Text is measured by an estimate, not a
 * browser, so the layout is the same everywhere and deterministic.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { Diagram, DiagramCluster, DiagramEdge, DiagramNode } from './diagram-graph.js';
import { layeredPositions, type Positions, type Size } from './layout-layered.js';

/** A point in SVG user units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A box placed at its centre. */
export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A node with its place and the lines it shows (name shortened to fit). */
export interface PlacedNode extends Placed {
  readonly node: DiagramNode;
  readonly title: string;
}

/** A cluster with its place. */
export interface PlacedCluster extends Placed {
  readonly cluster: DiagramCluster;
}

/** An edge with its route and label position. */
export interface PlacedEdge {
  readonly edge: DiagramEdge;
  readonly points: readonly Point[];
  readonly label: Point;
}

/** The whole placed picture; coordinates start at 0,0. */
export interface DiagramLayout {
  /** Why the plain layered layout was used instead of dagre's; null when dagre laid it out. */
  readonly fallback: string | null;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly clusters: readonly PlacedCluster[];
  readonly edges: readonly PlacedEdge[];
}

/** Sizes in SVG user units (font sizes in px); the SVG renderer draws with the same figures. */
export const LAYOUT_SIZES = {
  nameFont: 13,
  figureFont: 11,
  labelFont: 11,
  nodeHeight: 46,
  minNodeWidth: 120,
  maxNameChars: 26,
  /** Room above a cluster's members for its title. */
  clusterTitle: 18,
} as const;

/** Estimated width of a text at a font size: wide (CJK, emoji) characters count double. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) units += (char.codePointAt(0) ?? 0) > 0x2e80 ? 1.1 : 0.6;
  return units * fontSize;
}

/** The name as drawn: at most `maxNameChars` characters, with an ellipsis when cut. */
export function shortName(name: string): string {
  const chars = [...name];
  const max = LAYOUT_SIZES.maxNameChars;
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('')}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Boxes (nodes plus clusters) above which dagre is not tried: it recurses once per node along a
 * chain or cycle and overflowed the stack at about 1,800 boxes (a 2,000-department chain, a
 * 2,000-node cycle); this leaves room for deeper nesting and smaller stacks.
 */
export const DAGRE_LIMIT = 1000;

/**
 * Arrows above which dagre is not tried either: its crossing reduction grows faster than
 * linearly with the arrows (generated organisations on a busy 2-core machine: 566 arrows 5 s, 939
 * arrows 10 s, 2,158 arrows 106 s), and a report must not wait that long.
 */
export const DAGRE_EDGE_LIMIT = 800;

/** Why a diagram gets the plain layered layout, or null when dagre can lay it out. */
export function layoutFallback(diagram: Diagram): string | null {
  const boxes = diagram.nodes.length + diagram.clusters.length;
  if (boxes > DAGRE_LIMIT)
    return `the diagram has ${boxes.toLocaleString('en')} boxes, more than the ${DAGRE_LIMIT.toLocaleString('en')} the full layout takes: drawn with a plain layered layout (try --level department)`;
  const arrows = diagram.edges.length;
  if (arrows > DAGRE_EDGE_LIMIT)
    return `the diagram has ${arrows.toLocaleString('en')} arrows, more than the ${DAGRE_EDGE_LIMIT.toLocaleString('en')} the full layout takes in reasonable time: drawn with a plain layered layout (try --level department)`;
  return null;
}

/** A node's box size: its shortened name and padding, at least the minimum width. */
function nodeSize(node: DiagramNode): Size {
  const width = Math.max(
    LAYOUT_SIZES.minNodeWidth,
    textWidth(shortName(node.name), LAYOUT_SIZES.nameFont) + 24,
  );
  return { width: Math.ceil(width), height: LAYOUT_SIZES.nodeHeight };
}

/** Lays the diagram out left to right: dagre, or the plain layered layout above its limits. */
export function layoutDiagram(diagram: Diagram): DiagramLayout {
  const sizes = diagram.nodes.map(nodeSize);
  const fallback = layoutFallback(diagram);
  if (fallback !== null) return collect(diagram, layeredPositions(diagram, sizes), fallback);
  try {
    return collect(diagram, dagrePositions(diagram, sizes), null);
  } catch (error) {
    // A stack smaller than the one DAGRE_LIMIT was measured with: never an internal error.
    if (!(error instanceof RangeError)) throw error;
    const reason = 'the full layout ran out of stack: drawn with a plain layered layout';
    return collect(diagram, layeredPositions(diagram, sizes), reason);
  }
}

/** dagre's positions of every node, cluster and edge. */
function dagrePositions(diagram: Diagram, sizes: readonly Size[]): Positions {
  const graph = new Graph({ multigraph: true, compound: true });
  graph.setGraph({
    rankdir: 'LR',
    nodesep: 36,
    ranksep: 48,
    edgesep: 12,
    marginx: 16,
    marginy: 16,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const cluster of diagram.clusters) graph.setNode(cluster.key, {});
  for (const cluster of diagram.clusters) {
    if (cluster.parent !== null) graph.setParent(cluster.key, cluster.parent);
  }
  diagram.nodes.forEach((node, i) => {
    graph.setNode(node.key, { ...sizes[i]! });
    if (node.cluster !== null) graph.setParent(node.key, node.cluster);
  });
  for (const edge of diagram.edges) {
    graph.setEdge(
      edge.from,
      edge.to,
      {
        width: Math.ceil(textWidth(edge.label, LAYOUT_SIZES.labelFont) + 8),
        height: LAYOUT_SIZES.labelFont + 6,
        labelpos: 'c',
        // Heavier edges pull their ends into line: weak links read as straight runs.
        weight: edge.highlight === 'none' ? 1 : 2,
      },
      edge.key,
    );
  }
  layout(graph);
  const box = (key: string) => graph.node(key) as Placed;
  return {
    nodes: new Map(diagram.nodes.map((node) => [node.key, box(node.key)])),
    clusters: new Map(diagram.clusters.map((cluster) => [cluster.key, box(cluster.key)])),
    edges: new Map(
      diagram.edges.map((edge) => [
        edge.key,
        graph.edge({ v: edge.from, w: edge.to, name: edge.key }) as {
          points: Point[];
          x: number;
          y: number;
        },
      ]),
    ),
  };
}

function collect(diagram: Diagram, positions: Positions, fallback: string | null): DiagramLayout {
  const rounded = (label: Placed): Placed => {
    return {
      x: round(label.x),
      y: round(label.y),
      width: round(label.width),
      height: round(label.height),
    };
  };
  const nodes = diagram.nodes.map((node) => ({
    ...rounded(positions.nodes.get(node.key)!),
    node,
    title: shortName(node.name),
  }));
  const clusters = diagram.clusters.map((cluster) => {
    const box = rounded(positions.clusters.get(cluster.key)!);
    const extra = LAYOUT_SIZES.clusterTitle;
    return { ...box, y: box.y - extra / 2, height: box.height + extra, cluster };
  });
  const edges = diagram.edges.map((edge) => {
    const label = positions.edges.get(edge.key)!;
    return {
      edge,
      points: label.points.map((p) => ({ x: round(p.x), y: round(p.y) })),
      label: { x: round(label.x), y: round(label.y) },
    };
  });
  // Loops, not Math.min(...spread): a spread of 100,000 values overflows the stack too.
  let [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const include = (b: Placed) => {
    minX = Math.min(minX, b.x - b.width / 2);
    minY = Math.min(minY, b.y - b.height / 2);
    maxX = Math.max(maxX, b.x + b.width / 2);
    maxY = Math.max(maxY, b.y + b.height / 2);
  };
  for (const box of nodes) include(box);
  for (const box of clusters) include(box);
  for (const edge of edges) for (const p of edge.points) include({ ...p, width: 0, height: 0 });
  minX -= 8;
  minY -= 8;
  maxX += 8;
  maxY += 8;
  const shift = <T extends Point>(p: T): T => ({
    ...p,
    x: round(p.x - minX),
    y: round(p.y - minY),
  });
  return {
    fallback,
    width: Math.ceil(maxX - minX),
    height: Math.ceil(maxY - minY),
    nodes: nodes.map(shift),
    clusters: clusters.map(shift),
    edges: edges.map((e) => ({ edge: e.edge, points: e.points.map(shift), label: shift(e.label) })),
  };
}
