/**
 * The plain layered ordering, for diagrams too large for dagre (whose ranking and ordering recurse
 * once per node on a long chain or cycle, and overflow the stack at about 1,800 nodes). Loops
 * only, near linear in nodes plus edge lengths: longest-path ranks (a cycle is entered at its
 * first declared node; customers that hand nothing on in the last rank), a label column between
 * two ranks, then a few barycentre sweeps. The
 * placement and routing after it are the same as dagre's (layout-place.ts, layout-route.ts).
 */
import type { Diagram } from './diagram-graph.js';
import { buildOrdering, customersLast } from './layout-order.js';
import type { Ordering, Size } from './layout-place.js';

/** Barycentre sweeps, each one left to right and back. */
const SWEEPS = 3;

/**
 * Longest-path rank of every node; a cycle is cut at the first declared node still waiting, and
 * the two ends of every edge get different ranks.
 */
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
      // An edge back to a node already ranked runs leftwards: a column apart, never within one.
      for (const to of successors[node]!)
        if (done[to] === 1) rank[node] = Math.max(rank[node]!, rank[to]! + 1);
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

/** Reorders each column by the mean position of its neighbours in the column before it. */
function sweep(ordering: Ordering, keys: Float64Array, forward: boolean): void {
  const { slots, paths, columns } = ordering;
  const neighbours: number[][] = slots.map(() => []);
  for (const path of paths) {
    for (let k = 0; k + 1 < path.length; k += 1) {
      const [a, b] = [path[k]!, path[k + 1]!];
      const [ca, cb] = [slots[a]!.column, slots[b]!.column];
      if (ca === cb) continue;
      // Toward the sweep's direction: the slot further on looks back at the other.
      if (cb > ca === forward) neighbours[b]!.push(a);
      else neighbours[a]!.push(b);
    }
  }
  const byColumn: number[][] = Array.from({ length: columns }, () => []);
  slots.forEach((slot, i) => {
    byColumn[slot.column]!.push(i);
  });
  const position = new Float64Array(slots.length);
  const rankColumn = (list: number[]) => {
    list.sort((a, b) => keys[a]! - keys[b]! || a - b);
    list.forEach((slot, p) => {
      position[slot] = p;
    });
  };
  const start = forward ? 0 : columns - 1;
  rankColumn(byColumn[start]!);
  for (let c = start + (forward ? 1 : -1); c >= 0 && c < columns; c += forward ? 1 : -1) {
    const list = byColumn[c]!;
    for (const slot of list) {
      const near = neighbours[slot]!;
      if (near.length === 0) continue;
      keys[slot] = near.reduce((sum, n) => sum + position[n]!, 0) / near.length;
    }
    rankColumn(list);
    // Keys become positions, so that the next column compares like with like.
    for (const slot of list) keys[slot] = position[slot]!;
  }
}

/** The plain layered ordering of the file comment. */
export function layeredOrdering(
  diagram: Diagram,
  sizes: readonly Size[],
  labels: readonly Size[],
): Ordering {
  const { rank, order } = ranks(diagram);
  const nodeKey = new Float64Array(diagram.nodes.length);
  order.forEach((node, position) => {
    nodeKey[node] = position;
  });
  const index = new Map(diagram.nodes.map((node, i) => [node.key, i]));
  const nodeColumn = customersLast(
    diagram,
    Array.from(rank, (r) => 2 * r),
    false,
  );
  const ordering = buildOrdering(diagram, sizes, labels, {
    nodeColumn,
    nodeKey,
    bendKey: (e, column) => {
      const from = index.get(diagram.edges[e]!.from)!;
      const to = index.get(diagram.edges[e]!.to)!;
      const t = (column - nodeColumn[from]!) / (nodeColumn[to]! - nodeColumn[from]!);
      return nodeKey[from]! + t * (nodeKey[to]! - nodeKey[from]!);
    },
    labelColumn: () => null,
  });
  const keys = Float64Array.from(ordering.slots, (slot) => slot.key);
  for (let s = 0; s < SWEEPS; s += 1) {
    sweep(ordering, keys, true);
    sweep(ordering, keys, false);
  }
  return { ...ordering, slots: ordering.slots.map((slot, i) => ({ ...slot, key: keys[i]! })) };
}
