/**
 * A diagram reduced to columns (an Ordering, src/render/layout-place.ts), from each node's column
 * and order key, whichever layout chose them: a slot per node, per column an edge crosses, and
 * the slot that carries the edge's label.
 */
import type { Diagram } from './diagram-graph.js';
import { clusterParents, type Ordering, type Size, type Slot } from './layout-place.js';

/** Where the layout put the nodes, and how it orders an edge's bends. */
export interface Columns {
  readonly nodeColumn: ArrayLike<number>;
  readonly nodeKey: ArrayLike<number>;
  /** The order key of edge `edge`'s bend in `column` (between its ends). */
  readonly bendKey: (edge: number, column: number) => number;
  /** The column of edge `edge`'s label, or null for the middle of its bends. */
  readonly labelColumn: (edge: number) => number | null;
}

/**
 * Customers that hand nothing on (or, with `isolatedOnly`, that no edge touches at all) moved to
 * the last column, so that a segment's frame stays at the customers' end of the picture.
 */
export function customersLast(
  diagram: Diagram,
  nodeColumn: number[],
  isolatedOnly: boolean,
): number[] {
  const from = new Set(diagram.edges.map((e) => e.from));
  const to = new Set(diagram.edges.map((e) => e.to));
  const last = nodeColumn.reduce((m, c) => Math.max(m, c), 0);
  return nodeColumn.map((column, i) => {
    const node = diagram.nodes[i]!;
    const sink = node.kind === 'customer' && !from.has(node.key);
    return sink && (!isolatedOnly || !to.has(node.key)) ? last : column;
  });
}

/** Builds the slots and paths; empty columns are dropped. */
export function buildOrdering(
  diagram: Diagram,
  sizes: readonly Size[],
  labels: readonly Size[],
  columns: Columns,
): Ordering {
  const parents = clusterParents(diagram);
  const index = new Map(diagram.nodes.map((node, i) => [node.key, i]));
  const slots: Slot[] = diagram.nodes.map((node, i) => ({
    column: columns.nodeColumn[i]!,
    key: columns.nodeKey[i]!,
    ...sizes[i]!,
    band: node.cluster !== null && parents.has(node.cluster) ? node.cluster : null,
    box: true,
  }));
  const paths: number[][] = [];
  const labelSlots: number[] = [];
  diagram.edges.forEach((edge, e) => {
    const from = index.get(edge.from)!;
    const to = index.get(edge.to)!;
    const a = columns.nodeColumn[from]!;
    const b = columns.nodeColumn[to]!;
    const step = b > a ? 1 : -1;
    const bends: number[] = [];
    for (let c = a + step; a !== b && c !== b; c += step) bends.push(c);
    const wanted = columns.labelColumn(e);
    const labelAt =
      bends.length === 0
        ? -1
        : wanted !== null && bends.includes(wanted)
          ? bends.indexOf(wanted)
          : Math.floor((bends.length - 1) / 2);
    const path = [from];
    bends.forEach((column, k) => {
      const size = k === labelAt ? labels[e]! : { width: 0, height: 0 };
      path.push(slots.length);
      // The first half of the bends runs in the source's band, the rest in the target's: an edge
      // between two clusters changes band once, in a channel, instead of crossing to a third.
      const band = slots[2 * k < bends.length ? from : to]!.band;
      slots.push({ column, key: columns.bendKey(e, column), ...size, band, box: false });
    });
    path.push(to);
    paths.push(path);
    labelSlots.push(labelAt < 0 ? -1 : path[labelAt + 1]!);
  });
  // Drop empty columns, so that no channel is doubled.
  const used = [...new Set(slots.map((s) => s.column))].sort((x, y) => x - y);
  const compact = new Map(used.map((c, i) => [c, i]));
  return {
    columns: used.length,
    slots: slots.map((s) => ({ ...s, column: compact.get(s.column)! })),
    paths,
    labels: labelSlots,
  };
}
