/**
 * The lookup from hand-off id to hand-off number of a compiled chain, without a Map of every id:
 * on a model of hundreds of thousands of hand-offs that Map (and the id strings behind it) cost
 * more than the analysis, and the analysis looks up only a few ids. An id is found from its
 * parts instead: an explicit `id` in a small Map, a default `from->to` id through the node index
 * and the provider's out-hand-offs (ids are unique in a valid model: docs/model-file.md, "Errors").
 * After many lookups, or for iteration, the full Map is built once and used from then on.
 */

/** What the index reads of the chain: node ids and numbers, hand-off ends, out-hand-offs. */
export interface HandoffIndexSource {
  readonly handoffCount: number;
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly to: Int32Array;
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
}

const ARROW = '->';

/** Lookups answered from the parts before the full Map is cheaper (a hub's out-list is long). */
const PART_LOOKUPS = 64;

/** A ReadonlyMap from hand-off id to hand-off number, built in full only when it pays. */
export class HandoffIndex implements ReadonlyMap<string, number> {
  private full: Map<string, number> | undefined;
  private lookups = 0;

  constructor(
    private readonly chain: HandoffIndexSource,
    private readonly explicitIds: ReadonlyMap<number, string>,
    private readonly byExplicitId: ReadonlyMap<string, number>,
    private readonly ids: () => readonly string[],
  ) {}

  /** The hand-off number of an id, or undefined. */
  get(id: string): number | undefined {
    if (this.full === undefined && this.lookups++ < PART_LOOKUPS) return this.fromParts(id);
    return this.map().get(id);
  }

  /** Whether some hand-off has this id. */
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    return this.chain.handoffCount;
  }

  forEach(
    callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void,
    thisArg?: unknown,
  ): void {
    for (const [key, value] of this.map()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, number]> {
    return this.map().entries();
  }

  keys(): MapIterator<string> {
    return this.map().keys();
  }

  values(): MapIterator<number> {
    return this.map().values();
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.map().entries();
  }

  /** The full Map, built on first need. */
  private map(): Map<string, number> {
    this.full ??= new Map(this.ids().map((id, h) => [id, h]));
    return this.full;
  }

  /** An explicit id, else every reading of `id` as `from->to` of a hand-off without its own id. */
  private fromParts(id: string): number | undefined {
    const explicit = this.byExplicitId.get(id);
    if (explicit !== undefined) return explicit;
    const { nodeIndex, to, outStart, outEdges } = this.chain;
    for (let at = id.indexOf(ARROW); at !== -1; at = id.indexOf(ARROW, at + 1)) {
      const u = nodeIndex.get(id.slice(0, at));
      const v = u === undefined ? undefined : nodeIndex.get(id.slice(at + ARROW.length));
      if (u === undefined || v === undefined) continue;
      for (let i = outStart[u]!; i < outStart[u + 1]!; i++) {
        const h = outEdges[i]!;
        if (to[h] === v && !this.explicitIds.has(h)) return h;
      }
    }
    return undefined;
  }
}
