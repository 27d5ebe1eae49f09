/**
 * Edges routed around the boxes. Columns hold the slots (boxes, bends, labels); between two
 * columns is a channel that holds nothing. An edge leaves its box from the side facing where it
 * goes, runs level across each column at its own slot's height (no other slot of that column
 * shares it), and changes height only in a channel, each change on a track of its own when they
 * overlap. So no edge crosses a box, and each label sits on its own edge's level run.
 */
import type { Point } from './layout.js';
import { CHANNEL_MIN } from './layout-lanes.js';
import type { Heights, Ordering } from './layout-place.js';

/** Width of an empty channel, room between two tracks, and the widest a channel gets. */
const CHANNEL = { min: CHANNEL_MIN, track: 8, max: 480 } as const;
/** Room between two height changes on one track. */
const TRACK_CLEAR = 4;
/** Ports keep this far from a box's corners. */
const PORT_INSET = 6;

/** Each column's centre and width, and every edge's route and label point. */
export interface Routes {
  readonly columnX: Float64Array;
  readonly columnWidth: Float64Array;
  readonly right: number;
  readonly points: readonly Point[][];
  readonly labels: readonly Point[];
}

interface Hop {
  readonly edge: number;
  /** The channel the height change happens in (channel c lies right of column c). */
  readonly channel: number;
  readonly fromY: number;
  readonly toY: number;
  track: number;
}

/** The side of slot `a` that faces slot `b`: +1 right, -1 left (the same column: right). */
function side(ordering: Ordering, a: number, b: number): 1 | -1 {
  return ordering.slots[b]!.column < ordering.slots[a]!.column ? -1 : 1;
}

/** The side of the target `last` an edge arrives on from slot `before`: facing it (one column: right). */
function arrival(ordering: Ordering, before: number, last: number): 1 | -1 {
  const { slots } = ordering;
  return slots[before]!.column === slots[last]!.column ? 1 : side(ordering, last, before);
}

/**
 * Where each edge end meets its box: the ends on one side of a box share it evenly, in the order
 * of the heights they come from, so they do not cross at the box.
 */
function portHeights(ordering: Ordering, y: Float64Array): number[][] {
  const { paths, slots } = ordering;
  const ends: { node: number; side: number; other: number; edge: number; at: 0 | 1 }[] = [];
  paths.forEach((path, edge) => {
    const first = path[0]!;
    const last = path[path.length - 1]!;
    const second = path[1] ?? first;
    const before = path.length > 2 ? path[path.length - 2]! : first;
    ends.push({ node: first, side: side(ordering, first, second), other: y[second]!, edge, at: 0 });
    ends.push({
      node: last,
      side: arrival(ordering, before, last),
      other: y[before]!,
      edge,
      at: 1,
    });
  });
  const groups = new Map<string, typeof ends>();
  for (const end of ends) {
    const key = `${end.node}:${end.side}`;
    const list = groups.get(key) ?? [];
    list.push(end);
    groups.set(key, list);
  }
  const ports = paths.map(() => [0, 0]);
  for (const list of groups.values()) {
    list.sort((a, b) => a.other - b.other || a.edge - b.edge || a.at - b.at);
    const slot = slots[list[0]!.node]!;
    const top = y[list[0]!.node]! - slot.height / 2 + PORT_INSET;
    const room = Math.max(0, slot.height - 2 * PORT_INSET);
    list.forEach((end, k) => {
      ports[end.edge]![end.at] = top + (room * (k + 1)) / (list.length + 1);
    });
  }
  return ports;
}

/** Tracks per channel: overlapping height changes get different tracks (greedy, by top). */
function assignTracks(hops: Hop[], channels: number): Int32Array {
  const count = new Int32Array(channels);
  const byChannel: Hop[][] = Array.from({ length: channels }, () => []);
  for (const hop of hops) byChannel[hop.channel]!.push(hop);
  byChannel.forEach((list, channel) => {
    const lo = (h: Hop) => Math.min(h.fromY, h.toY);
    const hi = (h: Hop) => Math.max(h.fromY, h.toY);
    list.sort((a, b) => lo(a) - lo(b) || hi(a) - hi(b) || a.edge - b.edge);
    const ends: number[] = [];
    for (const hop of list) {
      let t = ends.findIndex((end) => end + TRACK_CLEAR < lo(hop));
      if (t < 0) {
        t = ends.length;
        ends.push(0);
      }
      ends[t] = hi(hop);
      hop.track = t;
    }
    count[channel] = ends.length;
  });
  return count;
}

/** Routes every edge of an ordered, placed diagram (see the file comment). */
export function routeEdges(ordering: Ordering, heights: Heights, margin: number): Routes {
  const { slots, paths, columns } = ordering;
  const { y } = heights;
  const columnWidth = new Float64Array(columns);
  for (const slot of slots)
    columnWidth[slot.column] = Math.max(columnWidth[slot.column]!, slot.width);
  const ports = portHeights(ordering, y);
  const at = (edge: number, k: number, path: readonly number[]) =>
    k === 0 ? ports[edge]![0]! : k === path.length - 1 ? ports[edge]![1]! : y[path[k]!]!;
  const hops: Hop[] = [];
  const hopsOf: Hop[][] = paths.map(() => []);
  paths.forEach((path, edge) => {
    for (let k = 0; k + 1 < path.length; k += 1) {
      const a = slots[path[k]!]!;
      const b = slots[path[k + 1]!]!;
      const hop: Hop = {
        edge,
        channel: a.column === b.column ? a.column : Math.min(a.column, b.column),
        fromY: at(edge, k, path),
        toY: at(edge, k + 1, path),
        track: -1,
      };
      hopsOf[edge]!.push(hop);
      if (Math.abs(hop.fromY - hop.toY) > 0.05) hops.push(hop);
    }
  });
  const tracks = assignTracks(hops, columns);
  const channelWidth = Array.from(tracks, (t) =>
    Math.min(CHANNEL.max, Math.max(CHANNEL.min, (t + 1) * CHANNEL.track)),
  );
  const columnX = new Float64Array(columns);
  let cursor = margin;
  for (let c = 0; c < columns; c += 1) {
    columnX[c] = cursor + columnWidth[c]! / 2;
    cursor += columnWidth[c]! + (c + 1 < columns ? channelWidth[c]! : 0);
  }
  const usesLast = hops.some((hop) => hop.channel === columns - 1);
  const right = cursor + (usesLast ? channelWidth[columns - 1]! : 0);
  const trackX = (hop: Hop) => {
    const left = columnX[hop.channel]! + columnWidth[hop.channel]! / 2;
    return left + (channelWidth[hop.channel]! * (hop.track + 1)) / (tracks[hop.channel]! + 1);
  };
  const boxSide = (slot: number, s: number) =>
    columnX[slots[slot]!.column]! + (s * slots[slot]!.width) / 2;
  const points = paths.map((path, edge) => {
    const n = path.length;
    const first = path[0]!;
    const last = path[n - 1]!;
    const out = side(ordering, first, path[1] ?? first);
    const into = arrival(ordering, n > 2 ? path[n - 2]! : first, last);
    const route: Point[] = [{ x: boxSide(first, out), y: ports[edge]![0]! }];
    for (const hop of hopsOf[edge]!) {
      if (hop.track < 0) continue;
      const x = trackX(hop);
      route.push({ x, y: hop.fromY }, { x, y: hop.toY });
    }
    route.push({ x: boxSide(last, into), y: ports[edge]![1]! });
    return route;
  });
  const labels = paths.map((_, edge): Point => {
    const slot = ordering.labels[edge]!;
    if (slot >= 0) return { x: columnX[slots[slot]!.column]!, y: y[slot]! };
    // No label slot (an edge within one column): the middle of its height change.
    const route = points[edge]!;
    const a = route[1] ?? route[0]!;
    const b = route[2] ?? route[route.length - 1]!;
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  });
  return { columnX, columnWidth, right, points, labels };
}
