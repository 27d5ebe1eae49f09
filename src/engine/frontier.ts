/**
 * The frontier of the impact pass (docs/model.md, "Impact of one link: sensitivity, fix gain,
 * failure loss"): at an A node (affine.ts) the rest of a lane's change is lambda_a (s'_a - s_a),
 * spread over every target column, each customer's adjoint and S's. What the lanes report on, the
 * sparse adjoint rows the spread reads, and the two lanes of a link whose own node is an A node
 * (no traversal at all).
 */
import { linkNode, linkValue, setLinkValue } from './links.js';
import { nodeInput, serviceOf } from './node-service.js';
import type { CompiledChain } from './types.js';

/** What the lanes' changes are reported on: columns 0 .. customers - 1, then S when asked. */
export interface ImpactTargets {
  /** Customer columns (customer ordinal = node index - actorCount); 0 for S alone. */
  readonly customers: number;
  /** Node-major d s_c / d s_a (stride `customers`), when customers > 0. */
  readonly adjoints: Float64Array | null;
  /** d S / d s_a (S's adjoint), when S is a column (the last one). */
  readonly score: Float64Array | null;
}

/** The number of columns: customers, then S when it is one. */
export function columnsOf(targets: ImpactTargets): number {
  return targets.customers + (targets.score === null ? 0 : 1);
}

/**
 * The non-zero customer adjoints of every A node (CSR: node v's are columns[start[v] ..
 * start[v + 1]), values alike), what the frontier spreads. An A row of a layered organisation
 * reaches a few customers of dozens, and a zero adjoint adds nothing: out + 0 * d is out exactly
 * (out starts at +0 and a sum of finite numbers that comes out 0 is +0, so no -0 is lost).
 */
export interface AdjointRows {
  readonly start: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float64Array;
}

/** The AdjointRows of the A nodes (other nodes' rows are empty: they never spread). */
export function adjointRows(
  chain: CompiledChain,
  affine: Uint8Array,
  targets: ImpactTargets,
): AdjointRows {
  const { customers, adjoints } = targets;
  const start = new Int32Array(chain.nodeCount + 1);
  for (let v = 0; v < chain.nodeCount; v++) {
    let count = 0;
    if (affine[v] === 1)
      for (let c = 0; c < customers; c++) if (adjoints![v * customers + c] !== 0) count++;
    start[v + 1] = start[v]! + count;
  }
  const columns = new Int32Array(start[chain.nodeCount]!);
  const values = new Float64Array(columns.length);
  for (let v = 0, i = 0; v < chain.nodeCount; v++) {
    if (affine[v] === 0) continue;
    for (let c = 0; c < customers; c++) {
      const a = adjoints![v * customers + c]!;
      if (a === 0) continue;
      columns[i] = c;
      values[i++] = a;
    }
  }
  return { start, columns, values };
}

/**
 * The two lanes of ONE link at an A node (affine.ts: acyclic, everything below linear), written as
 * a LaneRun of that link would write them: `lanes[c]` the fix lane's change of column c,
 * `lanes[columns + c]` the failure lane's (0 for a lane the link's value makes pointless). The
 * node is evaluated once per lane and the change spread as lambda_c,v (s'_v - s_v), the same
 * operations in the same order as the traversal's source and frontier, so bit-identical, without
 * a traversal, a batch or a queue per link (most links of an all-`mean` model are here).
 */
export function affineLinkLanes(
  chain: CompiledChain,
  base: Float64Array,
  targets: ImpactTargets,
  rows: AdjointRows,
  link: number,
  lanes: Float64Array,
): void {
  const columns = columnsOf(targets);
  const x = linkValue(chain, link);
  lanes.fill(0, 0, 2 * columns);
  if (x !== 1) spreadAt(chain, base, targets, rows, link, 1, lanes, 0);
  if (x !== 0) spreadAt(chain, base, targets, rows, link, 0, lanes, columns);
}

/** One lane of affineLinkLanes: the link set to x, its node re-evaluated, the change spread. */
function spreadAt(
  chain: CompiledChain,
  base: Float64Array,
  targets: ImpactTargets,
  rows: AdjointRows,
  link: number,
  x: number,
  lanes: Float64Array,
  offset: number,
): void {
  const v = linkNode(chain, link);
  const old = linkValue(chain, link);
  setLinkValue(chain, link, x);
  const s = serviceOf(chain, v, nodeInput(chain, base, v));
  setLinkValue(chain, link, old);
  const b = base[v]!;
  if (s === b) return;
  const d = s - b;
  const { customers, score } = targets;
  // 0 + ...: the traversal adds into a zeroed row (so a -0 product reads +0 there too).
  for (let r = rows.start[v]!; r < rows.start[v + 1]!; r++)
    lanes[offset + rows.columns[r]!] = 0 + rows.values[r]! * d;
  if (score !== null) lanes[offset + customers] = 0 + score[v]! * d;
}
