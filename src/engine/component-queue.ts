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
