/**
 * Reach of each actor (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"). `customersReached` counts the external customers
 * downstream EXACTLY (not an estimate: reach sets overlap, so counts cannot simply be added): each
 * node carries a bitset of customers, united in reverse topological order of the components (a
 * component shares one set). Customers are taken in blocks of BLOCK_BITS, so memory stays at
 * V * BLOCK_BITS / 8 bytes (4 MB per 100k nodes) whatever the number of customers, and time is
 * O((V + E) * ceil(C / BLOCK_BITS)): one pass for up to 256 customers.
 */
import type { CompiledChain } from './types.js';

/** Customers per pass (8 words of 32 bits per node). */
const BLOCK_BITS = 256;
const WORDS = BLOCK_BITS / 32;

/** Number of external customers downstream of each node (a customer does not count itself). */
export function customersReached(chain: CompiledChain): Int32Array {
  const reached = new Int32Array(chain.nodeCount);
  for (let first = 0; first < chain.customerCount; first += BLOCK_BITS) {
    const last = Math.min(chain.customerCount, first + BLOCK_BITS);
    reachBlock(chain, first, last, reached);
  }
  return reached;
}

/** Adds to `reached` the customers first .. last - 1 (ordinals) each node reaches. */
function reachBlock(chain: CompiledChain, first: number, last: number, reached: Int32Array): void {
  const { count, start, nodes, componentOf } = chain.components;
  const { outStart, outEdges, to, actorCount } = chain;
  const words = Math.ceil((last - first) / 32);
  const bits = new Int32Array(count * WORDS); // one set per component
  for (let k = count - 1; k >= 0; k--) {
    const row = k * WORDS;
    for (let n = start[k]!; n < start[k + 1]!; n++) {
      const v = nodes[n]!;
      for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
        const w = to[outEdges[i]!]!;
        const other = componentOf[w]!;
        // A customer counts when reached by a hand-off; its own downstream comes with its set.
        const c = w - actorCount - first;
        if (c >= 0 && c < last - first) bits[row + (c >> 5)]! |= 1 << (c & 31);
        if (other === k) continue;
        const from = other * WORDS;
        for (let x = 0; x < words; x++) bits[row + x]! |= bits[from + x]!;
      }
    }
    let total = 0;
    for (let x = 0; x < words; x++) total += popcount(bits[row + x]!);
    for (let n = start[k]!; n < start[k + 1]!; n++) {
      const v = nodes[n]!;
      // Inside a cycle a customer reaches itself through the loop; it does not count itself.
      const self = v - actorCount - first;
      const inBlock = self >= 0 && self < last - first;
      const own = inBlock ? (bits[row + (self >> 5)]! >>> (self & 31)) & 1 : 0;
      reached[v]! += total - own;
    }
  }
}

function popcount(x: number): number {
  let y = x - ((x >>> 1) & 0x55555555);
  y = (y & 0x33333333) + ((y >>> 2) & 0x33333333);
  return (((y + (y >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Fewest hand-offs from each node to any external customer (multi-source reverse BFS); -1 if none. */
export function handoffsToCustomer(chain: CompiledChain): Int32Array {
  const { groupStart, groupEdgeStart, groupEdges, from, actorCount, nodeCount } = chain;
  const distance = new Int32Array(nodeCount).fill(-1);
  const queue = new Int32Array(nodeCount);
  let tail = 0;
  for (let c = actorCount; c < nodeCount; c++) {
    distance[c] = 0;
    queue[tail++] = c;
  }
  for (let head = 0; head < tail; head++) {
    const x = queue[head]!;
    const next = distance[x]! + 1;
    for (let i = groupEdgeStart[groupStart[x]!]!; i < groupEdgeStart[groupStart[x + 1]!]!; i++) {
      const u = from[groupEdges[i]!]!;
      if (distance[u] !== -1) continue;
      distance[u] = next;
      queue[tail++] = u;
    }
  }
  return distance;
}
