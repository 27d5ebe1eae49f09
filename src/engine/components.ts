/**
 * Strongly connected components by Tarjan's algorithm, written ITERATIVELY (an explicit call stack
 * in typed arrays) so that a chain of a million hand-offs cannot overflow the JS stack.
 * docs/model.md, "Propagation: service flows down the chain" processes components in topological order of the condensation; Tarjan emits
 * them sinks first, so the emitted order is reversed here.
 */
import type { Components } from './types.js';

/** The components of a graph given as out-edge CSR (`outStart`, `outEdges` into `to`). */
export function findComponents(
  nodeCount: number,
  outStart: Int32Array,
  outEdges: Int32Array,
  to: Int32Array,
): Components {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const callStack = new Int32Array(nodeCount);
  const edgePos = new Int32Array(nodeCount);
  // Emission number of each node's component (sinks first); turned into topological order below.
  const emitted = new Int32Array(nodeCount);
  let sp = 0;
  let counter = 0;
  let emittedCount = 0;

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    let csp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    edgePos[root] = outStart[root]!;
    callStack[csp++] = root;
    while (csp > 0) {
      const v = callStack[csp - 1]!;
      if (edgePos[v]! < outStart[v + 1]!) {
        const w = to[outEdges[edgePos[v]!]!]!;
        edgePos[v]!++;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          edgePos[w] = outStart[w]!;
          callStack[csp++] = w;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      csp--;
      if (csp > 0) {
        const parent = callStack[csp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          emitted[w] = emittedCount;
        } while (w !== v);
        emittedCount++;
      }
    }
  }
  return orderComponents(nodeCount, emittedCount, emitted, outStart, outEdges, to);
}

/**
 * Orders the components topologically, and among the valid orders the one closest to declaration
 * order: Kahn's algorithm on the condensation, always taking the ready component whose first node
 * was declared first. Tarjan's own (reverse post-) order is topological too, but it scatters the
 * nodes, and every later pass would then read the typed arrays at random; on a model declared in
 * flow order this order is the identity and the passes walk the arrays sequentially.
 * O(V + E + C log C).
 */
function orderComponents(
  nodeCount: number,
  count: number,
  emitted: Int32Array,
  outStart: Int32Array,
  outEdges: Int32Array,
  to: Int32Array,
): Components {
  // Members of each emitted component in declaration order (counting sort by emission number).
  const memberStart = new Int32Array(count + 1);
  for (let v = 0; v < nodeCount; v++) memberStart[emitted[v]! + 1]!++;
  for (let c = 0; c < count; c++) memberStart[c + 1]! += memberStart[c]!;
  const fill = memberStart.slice(0, count);
  const members = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) members[fill[emitted[v]!]!++] = v;
  // Hand-offs between components still to be "used" before each component is ready.
  const pending = new Int32Array(count);
  for (let v = 0; v < nodeCount; v++) {
    for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
      const target = emitted[to[outEdges[i]!]!]!;
      if (target !== emitted[v]) pending[target]!++;
    }
  }
  // A min-heap of ready components keyed by their first (smallest) node index.
  const heap = new Int32Array(count);
  let size = 0;
  const push = (c: number): void => {
    const key = members[memberStart[c]!]!;
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (members[memberStart[heap[parent]!]!]! <= key) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = c;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--size]!;
    const key = members[memberStart[last]!]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (
        right < size &&
        members[memberStart[heap[right]!]!]! < members[memberStart[heap[child]!]!]!
      )
        child = right;
      if (members[memberStart[heap[child]!]!]! >= key) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  };
  for (let c = 0; c < count; c++) if (pending[c] === 0) push(c);

  const componentOf = new Int32Array(nodeCount);
  const start = new Int32Array(count + 1);
  const nodes = new Int32Array(nodeCount);
  const cyclic = new Uint8Array(count);
  let placed = 0;
  for (let k = 0; k < count; k++) {
    const c = pop();
    start[k] = placed;
    const size0 = memberStart[c + 1]! - memberStart[c]!;
    for (let m = memberStart[c]!; m < memberStart[c + 1]!; m++) {
      const v = members[m]!;
      nodes[placed++] = v;
      componentOf[v] = k;
      for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
        const target = emitted[to[outEdges[i]!]!]!;
        if (target === c)
          cyclic[k] = 1; // a hand-off inside: a cycle (size > 1 or a self-loop)
        else if (--pending[target]! === 0) push(target);
      }
    }
    if (size0 > 1) cyclic[k] = 1;
  }
  start[count] = placed;
  return { count, componentOf, start, nodes, cyclic };
}
