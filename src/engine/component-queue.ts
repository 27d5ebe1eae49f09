/**
 * A min-heap of component indices: re-evaluating "only what is downstream" must visit changed
 * components in topological order (component index order), each once, after all its inputs.
 */
export interface ComponentQueue {
  push(k: number): void;
  /** The smallest queued component, or -1 when empty. */
  pop(): number;
}

/** A queue for components 0 .. count - 1; a component already queued is not queued twice. */
export function createComponentQueue(count: number): ComponentQueue {
  const heap = new Int32Array(count);
  const queued = new Uint8Array(count);
  let size = 0;
  return {
    push(k: number): void {
      if (queued[k] === 1) return;
      queued[k] = 1;
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= k) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = k;
    },
    pop(): number {
      if (size === 0) return -1;
      const top = heap[0]!;
      queued[top] = 0;
      const last = heap[--size]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
        if (heap[child]! >= last) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
      return top;
    },
  };
}

/**
 * The same queue as a bit set scanned upwards: O(1) per push and amortised O(1 / 32) per component
 * passed over. The impact pass's traversals only ever push components above the last one popped
 * (successors come later in topological order), where a heap paid O(log n) per push and pop.
 */
export function createBitQueue(count: number): ComponentQueue {
  const words = new Int32Array((count >> 5) + 1);
  let low = 0; // no queued component below word `low`
  let high = -1; // nor above word `high`; -1 when empty
  return {
    push(k: number): void {
      const word = k >> 5;
      words[word]! |= 1 << (k & 31);
      if (high < 0) {
        low = word;
        high = word;
      } else if (word < low) low = word;
      else if (word > high) high = word;
    },
    pop(): number {
      for (; low <= high; low++) {
        const bits = words[low]!;
        if (bits === 0) continue;
        words[low] = bits & (bits - 1);
        return (low << 5) | (31 - Math.clz32(bits & -bits));
      }
      high = -1;
      return -1;
    },
  };
}
