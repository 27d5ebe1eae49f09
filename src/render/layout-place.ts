/**
 * Where every slot of an ordered diagram goes up and down: each cluster (department, customer
 * segment) is a horizontal band across the picture, nested bands inside their parent's, and a
 * column's slots are stacked inside their band. Bands never share a height, so two frames can only
 * be apart or one inside the other; and a slot's height is never shared with another slot of its
 * column, so an edge can run straight across a column at its own slot's height.
 */
import type { Diagram } from './diagram-graph.js';
import { narrowestColumns, packLanes, type Reach } from './layout-lanes.js';
import { frameTitleWidth } from './layout-text.js';

/** A box's size before it is placed. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** One entry of a column: a node's box, an edge's bend through the column, or an edge's label. */
export interface Slot {
  readonly column: number;
  /** Order within the column, and of bands among their siblings (smaller: higher up). */
  readonly key: number;
  readonly width: number;
  readonly height: number;
  /** The cluster whose band holds it (null: no cluster). */
  readonly band: string | null;
  /** True for a node's box. */
  readonly box: boolean;
}

/** A diagram reduced to columns: its slots (the first ones are its nodes, in order) and paths. */
export interface Ordering {
  readonly columns: number;
  readonly slots: readonly Slot[];
  /** Per edge: its slots from the source's box to the target's, one per column it crosses. */
  readonly paths: readonly (readonly number[])[];
  /** Per edge: the slot that carries its label, or -1 (an edge within one column). */
  readonly labels: readonly number[];
}

/** Room in a cluster's band: its title above, padding around, gaps between what it holds. */
export const BAND = { title: 20, pad: 10, gap: 16, margin: 16 } as const;

/** Vertical gap between two slots of a column: wider next to a box. */
function slotGap(a: Slot, b: Slot): number {
  return a.box || b.box ? 20 : 8;
}

/** The parent of every cluster, with unknown parents and parent loops cut (treated as top level). */
export function clusterParents(diagram: Diagram): Map<string, string | null> {
  const declared = new Map(diagram.clusters.map((c) => [c.key, c.parent]));
  const parents = new Map<string, string | null>();
  for (const cluster of diagram.clusters) {
    const seen = new Set([cluster.key]);
    let up = cluster.parent;
    while (up !== null && declared.has(up) && !seen.has(up)) {
      seen.add(up);
      up = declared.get(up) ?? null;
    }
    const sound = cluster.parent !== null && declared.has(cluster.parent) && up === null;
    parents.set(cluster.key, sound ? cluster.parent : null);
  }
  return parents;
}

/** The vertical placement: each slot's centre height and each band's top and height. */
export interface Heights {
  readonly y: Float64Array;
  readonly bands: ReadonlyMap<string, { readonly top: number; readonly height: number }>;
  readonly height: number;
}

/** What a band holds, or its own slots alone. */
interface Unit {
  readonly band: string | null;
  readonly own: boolean;
}

/** Sums over a band's slots (see `placeHeights`). */
interface Stats {
  sum: number;
  count: number;
  min: number;
  max: number;
  node: number;
  depth: number;
  title: number;
  /** Some cluster in it holds nothing. */
  empty: boolean;
}

/** Places every slot's height, band inside band (see the file comment). */
export function placeHeights(diagram: Diagram, ordering: Ordering): Heights {
  const parents = clusterParents(diagram);
  const { slots } = ordering;
  const children = new Map<string | null, string[]>([[null, []]]);
  for (const c of diagram.clusters) children.set(c.key, []);
  for (const c of diagram.clusters) children.get(parents.get(c.key) ?? null)!.push(c.key);
  const own = new Map<string | null, number[]>([...children.keys()].map((k) => [k, []]));
  for (let i = 0; i < slots.length; i += 1) {
    const band = slots[i]!.band;
    (own.get(band !== null && own.has(band) ? band : null) ?? []).push(i);
  }
  // Per band, over everything it holds: the sum and count of keys (its place among its siblings
  // is their mean), its columns, its nodes' first column, its depth and its titles' reach.
  const lb = narrowestColumns(slots, ordering.columns);
  const label = new Map(diagram.clusters.map((c) => [c.key, c.label]));
  const stats = new Map<string | null, Stats>();
  const ownStats = (band: string | null): Stats => {
    const s: Stats = {
      sum: 0,
      count: 0,
      min: Infinity,
      max: -Infinity,
      node: Infinity,
      depth: 0,
      title: -Infinity,
      empty: false,
    };
    for (const i of own.get(band)!) {
      const slot = slots[i]!;
      s.sum += slot.key;
      s.count += 1;
      s.min = Math.min(s.min, slot.column);
      s.max = Math.max(s.max, slot.column);
      if (slot.box) s.node = Math.min(s.node, slot.column);
    }
    return s;
  };
  const addUp = (band: string | null): Stats => {
    const s = ownStats(band);
    for (const child of children.get(band)!) {
      const c = addUp(child);
      s.sum += c.sum;
      s.count += c.count;
      s.min = Math.min(s.min, c.min);
      s.max = Math.max(s.max, c.max);
      s.node = Math.min(s.node, c.node);
      s.depth = Math.max(s.depth, c.depth + 1);
      s.title = Math.max(s.title, c.title);
      s.empty ||= c.empty;
    }
    if (band !== null) {
      s.empty ||= s.count === 0;
      const first = Number.isFinite(s.node) ? lb.right[s.node]! : 0;
      s.title = Math.max(s.title, first + frameTitleWidth(label.get(band) ?? ''));
    }
    stats.set(band, s);
    return s;
  };
  addUp(null);
  const statsOf = (unit: Unit) => (unit.own ? ownStats(unit.band) : stats.get(unit.band)!);
  const mean = (s: Stats) => (s.count === 0 ? Number.MAX_SAFE_INTEGER : s.sum / s.count);
  const reach = (unit: Unit): Reach => {
    const s = statsOf(unit);
    // A frame with nothing in it is drawn at the left (see frameBoxes): it shares no lane.
    if (s.count === 0 || s.empty) return null;
    // Frame padding grows with nesting: room for every level, and a little more. A band's own
    // slots draw no frame of their own: the frames beside them keep the room (their own slack).
    const slack = unit.own ? 0 : BAND.pad * (s.depth + 2) + 8;
    return { start: lb.left[s.min]! - slack, end: Math.max(lb.right[s.max]!, s.title) + slack };
  };
  const y = new Float64Array(slots.length);
  const bands = new Map<string, { top: number; height: number }>();
  const byColumn = (list: readonly number[]) => {
    const columns = new Map<number, number[]>();
    for (const i of list) {
      const col = columns.get(slots[i]!.column) ?? [];
      col.push(i);
      columns.set(slots[i]!.column, col);
    }
    for (const col of columns.values()) col.sort((a, b) => slots[a]!.key - slots[b]!.key || a - b);
    return [...columns.values()];
  };
  const stackHeight = (col: readonly number[]) =>
    col.reduce(
      (h, i, k) => h + slots[i]!.height + (k === 0 ? 0 : slotGap(slots[col[k - 1]!]!, slots[i]!)),
      0,
    );
  // Lays a band out from `top`; returns its height (the root's includes the picture's margin).
  const layBand = (band: string | null, top: number): number => {
    const units: Unit[] = [
      ...children.get(band)!.map((c) => ({ band: c, own: false })),
      { band, own: true },
    ];
    const keyOf = new Map(units.map((u) => [u, mean(statsOf(u))]));
    units.sort((a, b) => keyOf.get(a)! - keyOf.get(b)!);
    const pad = band === null ? BAND.margin : BAND.pad;
    let cursor = top + (band === null ? BAND.margin : BAND.title);
    let placed = 0;
    for (const lane of packLanes(units, reach)) {
      const start = cursor + (placed > 0 ? BAND.gap : 0);
      const height = lane.reduce(
        (h, unit) => Math.max(h, unit.own ? layOwn(band, start) : layBand(unit.band, start)),
        0,
      );
      if (height === 0) continue;
      cursor = start + height;
      placed += 1;
    }
    const height = cursor + pad - top;
    if (band !== null) bands.set(band, { top, height });
    return height;
  };
  const groups: Group[] = [];
  const layOwn = (band: string | null, top: number): number => {
    const columns = byColumn(own.get(band)!);
    const height = columns.reduce((h, col) => Math.max(h, stackHeight(col)), 0);
    groups.push({ top, height, columns });
    for (const col of columns) {
      // Centred in the band's height: a lone chain runs straight across.
      let cursor = top + (height - stackHeight(col)) / 2;
      col.forEach((i, k) => {
        if (k > 0) cursor += slotGap(slots[col[k - 1]!]!, slots[i]!);
        y[i] = cursor + slots[i]!.height / 2;
        cursor += slots[i]!.height;
      });
    }
    return height;
  };
  const height = layBand(null, 0);
  align(ordering, groups, y);
  return { y, bands, height };
}

/** A band's own slots: where they may go, and each column's list in order. */
interface Group {
  readonly top: number;
  readonly height: number;
  readonly columns: readonly (readonly number[])[];
}

/** Alignment passes, each one left to right and back. */
const ALIGN_PASSES = 4;

/**
 * Moves each column's slots toward the mean height of their neighbours in the column before (so
 * that edges run straight), keeping their order, their gaps and their band: the closest heights
 * under those constraints, by pooling adjacent violators.
 */
function align(ordering: Ordering, groups: readonly Group[], y: Float64Array): void {
  const { slots, paths } = ordering;
  const left: number[][] = slots.map(() => []);
  const right: number[][] = slots.map(() => []);
  for (const path of paths) {
    for (let k = 0; k + 1 < path.length; k += 1) {
      const [a, b] = [path[k]!, path[k + 1]!];
      if (slots[a]!.column < slots[b]!.column) {
        left[b]!.push(a);
        right[a]!.push(b);
      } else if (slots[a]!.column > slots[b]!.column) {
        left[a]!.push(b);
        right[b]!.push(a);
      }
    }
  }
  const pieces = groups.flatMap((g) => g.columns.map((col) => ({ group: g, col })));
  const columnOf = (p: (typeof pieces)[number]) => slots[p.col[0]!]!.column;
  pieces.sort((a, b) => columnOf(a) - columnOf(b));
  for (let pass = 0; pass < 2 * ALIGN_PASSES; pass += 1) {
    const forward = pass % 2 === 0;
    const neighbours = forward ? left : right;
    const order = forward ? pieces : [...pieces].reverse();
    for (const { group, col } of order) fitColumn(group, col, slots, neighbours, y);
  }
}

/** The closest heights to the targets for one column of one band (see `align`). */
function fitColumn(
  group: Group,
  col: readonly number[],
  slots: readonly Slot[],
  neighbours: readonly (readonly number[])[],
  y: Float64Array,
): void {
  // Heights relative to the slot's offset in a packed stack: the gaps become "z never falls".
  const offset: number[] = [];
  let o = 0;
  col.forEach((i, k) => {
    if (k > 0)
      o +=
        slots[col[k - 1]!]!.height / 2 +
        slotGap(slots[col[k - 1]!]!, slots[i]!) +
        slots[i]!.height / 2;
    offset.push(o);
  });
  const target = col.map((i, k) => {
    const near = neighbours[i]!;
    const want = near.length === 0 ? y[i]! : near.reduce((s, n) => s + y[n]!, 0) / near.length;
    return want - offset[k]!;
  });
  // Pool adjacent violators: blocks of equal z, each at the mean of its targets.
  const blocks: { sum: number; count: number }[] = [];
  for (const t of target) {
    blocks.push({ sum: t, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.count <= last.sum / last.count) break;
      prev.sum += last.sum;
      prev.count += last.count;
      blocks.pop();
    }
  }
  const first = slots[col[0]!]!;
  const lastSlot = slots[col[col.length - 1]!]!;
  const lo = group.top + first.height / 2;
  const hi = group.top + group.height - lastSlot.height / 2 - offset[offset.length - 1]!;
  let k = 0;
  for (const block of blocks) {
    const z = Math.min(hi, Math.max(lo, block.sum / block.count));
    for (let c = 0; c < block.count; c += 1, k += 1) y[col[k]!] = z + offset[k]!;
  }
}
