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
