/**
 * A layered left-to-right layout of a Diagram (suppliers ... customers), computed by dagre
 * (Sugiyama-style ranking, crossing reduction, Brandes-Köpf coordinates). Text is measured by an
 * estimate, not a browser, so the layout is the same everywhere and deterministic.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { Diagram, DiagramCluster, DiagramEdge, DiagramNode } from './diagram-graph.js';

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

/** Lays the diagram out left to right with dagre. */
export function layoutDiagram(diagram: Diagram): DiagramLayout {
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
  for (const node of diagram.nodes) {
    const width = Math.max(
      LAYOUT_SIZES.minNodeWidth,
      textWidth(shortName(node.name), LAYOUT_SIZES.nameFont) + 24,
    );
    graph.setNode(node.key, { width: Math.ceil(width), height: LAYOUT_SIZES.nodeHeight });
    if (node.cluster !== null) graph.setParent(node.key, node.cluster);
  }
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
  return collect(diagram, graph);
}

function collect(diagram: Diagram, graph: InstanceType<typeof Graph>): DiagramLayout {
  const place = (key: string): Placed => {
    const label = graph.node(key) as { x: number; y: number; width: number; height: number };
    return {
      x: round(label.x),
      y: round(label.y),
      width: round(label.width),
      height: round(label.height),
    };
  };
  const nodes = diagram.nodes.map((node) => ({
    ...place(node.key),
    node,
    title: shortName(node.name),
  }));
  const clusters = diagram.clusters.map((cluster) => {
    const box = place(cluster.key);
    const extra = LAYOUT_SIZES.clusterTitle;
    return { ...box, y: box.y - extra / 2, height: box.height + extra, cluster };
  });
  const edges = diagram.edges.map((edge) => {
    const label = graph.edge({ v: edge.from, w: edge.to, name: edge.key }) as {
      points: Point[];
      x: number;
      y: number;
    };
    return {
      edge,
      points: label.points.map((p) => ({ x: round(p.x), y: round(p.y) })),
      label: { x: round(label.x), y: round(label.y) },
    };
  });
  const all = [
    ...nodes,
    ...clusters,
    ...edges.flatMap((e) => e.points.map((p) => ({ ...p, width: 0, height: 0 }))),
  ];
  const minX = Math.min(0, ...all.map((b) => b.x - b.width / 2)) - 8;
  const minY = Math.min(0, ...all.map((b) => b.y - b.height / 2)) - 8;
  const maxX = Math.max(0, ...all.map((b) => b.x + b.width / 2)) + 8;
  const maxY = Math.max(0, ...all.map((b) => b.y + b.height / 2)) + 8;
  const shift = <T extends Point>(p: T): T => ({
    ...p,
    x: round(p.x - minX),
    y: round(p.y - minY),
  });
  return {
    width: Math.ceil(maxX - minX),
    height: Math.ceil(maxY - minY),
    nodes: nodes.map(shift),
    clusters: clusters.map(shift),
    edges: edges.map((e) => ({ edge: e.edge, points: e.points.map(shift), label: shift(e.label) })),
  };
}
