/**
 * A layered left-to-right layout of a Diagram (suppliers ... customers). The order of the boxes in
 * each column comes from dagre (Sugiyama-style ranking and crossing reduction, layout-dagre.ts)
 * or, above what dagre can take, from the plain layered ordering (layout-layered.ts). The rest is
 * the same for both: clusters placed as nested bands that never overlap (layout-place.ts), edges
 * routed around the boxes with each label on its own edge (layout-route.ts), names wrapped onto a
 * few lines (layout-text.ts). Text is measured by an estimate, not a browser, so the layout is the
 * same everywhere and deterministic.
 */
import type { Diagram, DiagramCluster, DiagramEdge, DiagramNode } from './diagram-graph.js';
import { dagreOrdering } from './layout-dagre.js';
import { layeredOrdering } from './layout-layered.js';
import { BAND, clusterParents, type Ordering, placeHeights, type Size } from './layout-place.js';
import { routeEdges } from './layout-route.js';
import { frameTitleWidth, textWidth, wrapName } from './layout-text.js';

export { textWidth } from './layout-text.js';

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

/** A node with its place and the lines of its name as drawn (wrapped, see layout-text.ts). */
export interface PlacedNode extends Placed {
  readonly node: DiagramNode;
  readonly lines: readonly string[];
}

/** A cluster with its place. */
export interface PlacedCluster extends Placed {
  readonly cluster: DiagramCluster;
}

/** An edge with its route (level runs and height changes) and label position, on the route. */
export interface PlacedEdge {
  readonly edge: DiagramEdge;
  readonly points: readonly Point[];
  readonly label: Point;
}

/** The whole placed picture; coordinates start at 0,0. */
export interface DiagramLayout {
  /** Why the plain layered ordering was used instead of dagre's; null when dagre ordered it. */
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
  /** From one line of a name to the next. */
  nameLine: 15,
  figureFont: 11,
  labelFont: 11,
  /** A box with a one-line name; each more line adds `nameLine`. */
  nodeHeight: 46,
  minNodeWidth: 120,
  labelHeight: 17,
  /** Room above a cluster's members for its title. */
  clusterTitle: BAND.title,
} as const;

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
 * linearly with the arrows (generated organisations on a busy 2-core machine, load about 16: 110
 * arrows 1 s, 571 arrows 15 to 19 s; earlier, 939 arrows 10 s and 2,158 arrows 106 s), and a
 * report must not wait that long. The plain ordering above it is placed and routed the same way
 * and crosses about as few edges (docs/performance.md, "Diagram layout").
 */
export const DAGRE_EDGE_LIMIT = 300;

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

/** A node's box: its widest name line and padding (at least the minimum), a line's height each. */
function nodeSize(lines: readonly string[]): Size {
  const widest = lines.reduce((w, line) => Math.max(w, textWidth(line, LAYOUT_SIZES.nameFont)), 0);
  return {
    width: Math.ceil(Math.max(LAYOUT_SIZES.minNodeWidth, widest + 24)),
    height: LAYOUT_SIZES.nodeHeight + LAYOUT_SIZES.nameLine * (lines.length - 1),
  };
}

/** An edge label's box. */
export function labelSize(label: string): Size {
  return {
    width: Math.ceil(textWidth(label, LAYOUT_SIZES.labelFont) + 8),
    height: LAYOUT_SIZES.labelHeight,
  };
}

/** What the layout measures before ordering: name lines, box sizes, label sizes. */
function measure(diagram: Diagram) {
  const lines = diagram.nodes.map((node) => wrapName(node.name));
  return {
    lines,
    sizes: lines.map(nodeSize),
    labels: diagram.edges.map((edge) => labelSize(edge.label)),
  };
}

/** Lays the diagram out left to right: dagre's order, or the plain layered one above its limits. */
export function layoutDiagram(diagram: Diagram): DiagramLayout {
  const fallback = layoutFallback(diagram);
  if (fallback !== null) return layeredLayout(diagram, fallback);
  const { lines, sizes, labels } = measure(diagram);
  try {
    return place(diagram, lines, dagreOrdering(diagram, sizes, labels), null);
  } catch (error) {
    // A stack smaller than the one DAGRE_LIMIT was measured with: never an internal error.
    if (!(error instanceof RangeError)) throw error;
    return layeredLayout(
      diagram,
      'the full layout ran out of stack: drawn with a plain layered layout',
    );
  }
}

/** The plain layered layout at any size (what diagrams above dagre's limits get). */
export function layeredLayout(diagram: Diagram, reason = 'asked for'): DiagramLayout {
  const { lines, sizes, labels } = measure(diagram);
  return place(diagram, lines, layeredOrdering(diagram, sizes, labels), reason);
}

/** Places and routes an ordered diagram; frames around their members, within their bands. */
function place(
  diagram: Diagram,
  lines: readonly string[][],
  ordering: Ordering,
  fallback: string | null,
): DiagramLayout {
  const heights = placeHeights(diagram, ordering);
  const routes = routeEdges(ordering, heights, BAND.margin);
  const nodes = diagram.nodes.map((node, i) => {
    const slot = ordering.slots[i]!;
    const x = routes.columnX[slot.column]!;
    return { x, y: heights.y[i]!, width: slot.width, height: slot.height, node, lines: lines[i]! };
  });
  const frames = frameBoxes(diagram, nodes, heights.bands);
  let width = routes.right + BAND.margin;
  let minX = 0;
  for (const f of frames.values()) {
    minX = Math.min(minX, f.x - f.width / 2 - BAND.margin);
    width = Math.max(width, f.x + f.width / 2 + BAND.margin);
  }
  const dx = -minX;
  const at = (p: Point): Point => ({ x: round(p.x + dx), y: round(p.y) });
  const box = <T extends Placed>(b: T): T => ({
    ...b,
    ...at(b),
    width: round(b.width),
    height: round(b.height),
  });
  return {
    fallback,
    width: Math.ceil(width + dx),
    height: Math.ceil(heights.height),
    nodes: nodes.map(box),
    clusters: diagram.clusters.map((cluster) => box({ ...frames.get(cluster.key)!, cluster })),
    edges: diagram.edges.map((edge, e) => ({
      edge,
      points: routes.points[e]!.map(at),
      label: at(routes.labels[e]!),
    })),
  };
}

/**
 * Each cluster's frame: across its members and its inner frames (padded), down its band; at
 * least as wide as its title. A frame with nothing in it sits at the left.
 */
function frameBoxes(
  diagram: Diagram,
  nodes: readonly Placed[],
  bands: ReadonlyMap<string, { readonly top: number; readonly height: number }>,
): Map<string, Placed> {
  const parents = clusterParents(diagram);
  const span = new Map<string, [number, number]>();
  const extend = (key: string, left: number, right: number) => {
    const s = span.get(key) ?? [Infinity, -Infinity];
    span.set(key, [Math.min(s[0], left), Math.max(s[1], right)]);
  };
  diagram.nodes.forEach((node, i) => {
    if (node.cluster === null || !parents.has(node.cluster)) return;
    const n = nodes[i]!;
    extend(node.cluster, n.x - n.width / 2 - BAND.pad, n.x + n.width / 2 + BAND.pad);
  });
  const depth = (key: string) => {
    let d = 0;
    for (let k = parents.get(key) ?? null; k !== null; k = parents.get(k) ?? null) d += 1;
    return d;
  };
  const deepestFirst = [...diagram.clusters].sort((a, b) => depth(b.key) - depth(a.key));
  const frames = new Map<string, Placed>();
  for (const cluster of deepestFirst) {
    const [left0, right0] = span.get(cluster.key) ?? [BAND.margin, BAND.margin];
    const title = frameTitleWidth(cluster.label);
    const right = Math.max(right0, left0 + title);
    const band = bands.get(cluster.key) ?? { top: 0, height: 0 };
    frames.set(cluster.key, {
      x: (left0 + right) / 2,
      y: band.top + band.height / 2,
      width: right - left0,
      height: band.height,
    });
    const parent = parents.get(cluster.key) ?? null;
    if (parent !== null) extend(parent, left0 - BAND.pad, right + BAND.pad);
  }
  return frames;
}
