/**
 * The links of an impact pass grouped by the node they set (links.ts, linkNode), as lanes: (link,
 * 1) unless the link is already 1, (link, 0) unless it is already 0 (x = 1 cannot gain and x = 0
 * cannot lose: exact without recomputing). Each node's lanes go to one LaneRun, MAX_LANES at a time.
 */
import { type LaneRun, MAX_LANES } from './impact-lanes.js';
import { linkNode, linkValue } from './links.js';
import type { CompiledChain } from './types.js';

/**
 * Told how far a long impact pass has got: `done` of `total` links. Called at most about 10 times
 * a second (and once at the end); when absent the pass does not even read the clock.
 */
export type ImpactProgress = (done: number, total: number) => void;

/** Calls `onProgress` every ~100 ms; the returned tick is cheap (a counter) between clock reads. */
export function progressTicker(onProgress: ImpactProgress | undefined, total: number) {
  if (onProgress === undefined) return { tick: (_done: number) => {}, end: () => {} };
  let last = performance.now();
  let sinceClock = 0;
  return {
    tick: (done: number) => {
      if (++sinceClock < 16) return;
      sinceClock = 0;
      const time = performance.now();
      if (time - last < 100) return;
      last = time;
      onProgress(done, total);
    },
    end: () => onProgress(total, total),
  };
}

/** Links grouped by node (CSR): node v's links are links[start[v] .. start[v + 1]). */
export interface LinksByNode {
  readonly start: Int32Array;
  readonly links: Int32Array;
}

/** Groups `links` (every link when absent; those `keep` accepts) by the node each one sets. */
export function linksByNode(
  chain: CompiledChain,
  links: ArrayLike<number> | undefined,
  keep: (link: number) => boolean,
): LinksByNode {
  const count = links === undefined ? chain.linkCount : links.length;
  const start = new Int32Array(chain.nodeCount + 1);
  const chosen: number[] = [];
  for (let i = 0; i < count; i++) {
    const l = links === undefined ? i : links[i]!;
    if (!keep(l)) continue;
    chosen.push(l);
    start[linkNode(chain, l) + 1]!++;
  }
  for (let v = 0; v < chain.nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, chain.nodeCount);
  const grouped = new Int32Array(chosen.length);
  for (const l of chosen) grouped[fill[linkNode(chain, l)]!++] = l;
  return { start, links: grouped };
}

/** One batch's lanes and their changes: lane j is (links[j], xs[j]), its columns out[j * K ..]. */
export interface LaneBatch {
  readonly links: Int32Array;
  readonly xs: Float64Array;
  readonly out: Float64Array;
}

/** Runs the lanes of node v's links (`from .. to` of `grouped.links`), calling `done` per batch. */
export function runNodeLanes(
  chain: CompiledChain,
  run: LaneRun,
  v: number,
  links: ArrayLike<number>,
  from: number,
  to: number,
  batch: LaneBatch,
  done: (lanes: number) => void,
): void {
  let lanes = 0;
  const flush = () => {
    if (lanes === 0) return;
    run(v, batch.links, batch.xs, lanes, batch.out);
    done(lanes);
    lanes = 0;
  };
  for (let i = from; i < to; i++) {
    const l = links[i]!;
    const x = linkValue(chain, l);
    if (lanes + 2 > MAX_LANES) flush();
    if (x !== 1) {
      batch.links[lanes] = l;
      batch.xs[lanes++] = 1;
    }
    if (x !== 0) {
      batch.links[lanes] = l;
      batch.xs[lanes++] = 0;
    }
  }
  flush();
}

export function createLaneBatch(columns: number): LaneBatch {
  return {
    links: new Int32Array(MAX_LANES),
    xs: new Float64Array(MAX_LANES),
    out: new Float64Array(MAX_LANES * Math.max(columns, 1)),
  };
}

/**
 * Longest path from a source to each component of the condensation: components of one level
 * cannot reach each other (every hand-off between components climbs at least one level).
 */
function componentLevels(chain: CompiledChain): Int32Array {
  const { count, start, nodes, componentOf } = chain.components;
  const level = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    for (let n = start[k]!; n < start[k + 1]!; n++) {
      const v = nodes[n]!;
      for (let i = chain.outStart[v]!; i < chain.outStart[v + 1]!; i++) {
        const w = componentOf[chain.to[chain.outEdges[i]!]!]!;
        if (w !== k && level[w]! < level[k]! + 1) level[w] = level[k]! + 1;
      }
    }
  }
  return level;
}

/** Which batches of runAllLanes to run, by ordinal (0, 1, ... in the order they come). */
export type BatchFilter = (ordinal: number) => boolean;

/**
 * A LaneRun that runs only the batches `chosen` accepts (counted in call order, one per `run` or
 * `many` call), and the `done` that reports only those: each batch is a traversal on its own (the
 * LaneRun keeps nothing from one call to the next), so a chosen batch gives the same bits as when
 * every batch runs.
 */
function filteredRun(run: LaneRun, chosen: BatchFilter, done: (lanes: number) => void) {
  let ordinal = 0;
  let last = false;
  const single = (...args: Parameters<LaneRun>) => {
    last = chosen(ordinal++);
    if (last) run(...args);
  };
  const many = (...args: Parameters<LaneRun['many']>) => {
    last = chosen(ordinal++);
    if (last) run.many(...args);
  };
  return {
    run: Object.assign(single, { many }) as LaneRun,
    done: (lanes: number) => {
      if (last) done(lanes);
    },
    count: () => ordinal,
  };
}

/**
 * Runs the lanes of every node's links (`grouped`), calling `done` per batch; returns the number
 * of batches. Nodes outside cycles share traversals with other nodes of their level
 * (`LaneRun.many`), up to MAX_LANES lanes: their downstream overlaps, so each node below is
 * visited once for all of them. A node in a cycle, or with more lanes than one batch takes, runs
 * alone (runNodeLanes). The batches are a function of the chain alone; with `chosen`, only the
 * batches it accepts run (any split of the ordinals gives every batch's bits unchanged).
 */
export function runAllLanes(
  chain: CompiledChain,
  allRun: LaneRun,
  grouped: LinksByNode,
  batch: LaneBatch,
  allDone: (lanes: number) => void,
  chosen?: BatchFilter,
): number {
  const filtered = filteredRun(allRun, chosen ?? (() => true), allDone);
  const { run, done } = filtered;
  const { start, links } = grouped;
  const { count, componentOf, cyclic, nodes } = chain.components;
  const level = componentLevels(chain);
  const byLevel = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) byLevel[level[k]! + 1]!++;
  for (let l = 0; l < count; l++) byLevel[l + 1]! += byLevel[l]!;
  const order = new Int32Array(count);
  const fill = byLevel.slice(0, count);
  for (let k = 0; k < count; k++) order[fill[level[k]!]!++] = k;
  const sources = new Int32Array(MAX_LANES);
  const ends = new Int32Array(MAX_LANES);
  let sourceCount = 0;
  let lanes = 0;
  let batchLevel = -1;
  const flush = () => {
    if (sourceCount === 0) return;
    run.many(sources, ends, sourceCount, batch.links, batch.xs, lanes, batch.out);
    done(lanes);
    sourceCount = 0;
    lanes = 0;
  };
  for (let i = 0; i < count; i++) {
    const k = order[i]!;
    const n0 = chain.components.start[k]!;
    if (cyclic[k] === 1) {
      flush(); // runNodeLanes fills the same batch
      for (let n = n0; n < chain.components.start[k + 1]!; n++) {
        const v = nodes[n]!;
        runNodeLanes(chain, run, v, links, start[v]!, start[v + 1]!, batch, done);
      }
      continue;
    }
    const v = nodes[n0]!;
    const own = laneCount(chain, links, start[v]!, start[v + 1]!);
    if (own === 0) continue;
    if (own > MAX_LANES) {
      flush();
      runNodeLanes(chain, run, v, links, start[v]!, start[v + 1]!, batch, done);
      continue;
    }
    if (level[componentOf[v]!] !== batchLevel || lanes + own > MAX_LANES) flush();
    batchLevel = level[k]!;
    for (let j = start[v]!; j < start[v + 1]!; j++) {
      const l = links[j]!;
      const x = linkValue(chain, l);
      if (x !== 1) {
        batch.links[lanes] = l;
        batch.xs[lanes++] = 1;
      }
      if (x !== 0) {
        batch.links[lanes] = l;
        batch.xs[lanes++] = 0;
      }
    }
    sources[sourceCount] = v;
    ends[sourceCount++] = lanes;
  }
  flush();
  return filtered.count();
}

/** The lanes of links[from .. to): (link, 1) unless x = 1, (link, 0) unless x = 0. */
export function laneCount(
  chain: CompiledChain,
  links: ArrayLike<number>,
  from: number,
  to: number,
) {
  let lanes = 0;
  for (let i = from; i < to; i++) {
    const x = linkValue(chain, links[i]!);
    if (x !== 1) lanes++;
    if (x !== 0) lanes++;
  }
  return lanes;
}
