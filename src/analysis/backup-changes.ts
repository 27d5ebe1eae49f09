/**
 * The scenario changes of one backup (docs/model.md, "Single points of failure"): a second
 * hand-off from the provider into the same receiver, in one alternatives group with the original.
 * An original without a group is given one (named after it), so the two become alternatives.
 */
import type { CompiledChain } from '../engine/index.js';
import { handoffId } from '../model/defaults.js';
import type { Carries, Model } from '../model/schema.js';
import type { Change } from './scenario-schema.js';

/** A hand-off a backup adds. */
export interface PlannedHandoff {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly carries?: Carries;
  readonly quality: number;
  /** The alternatives group it shares with the hand-off it backs up. */
  readonly group: string;
  /** The hand-off it backs up. */
  readonly backs: string;
}

/** Nodes reachable from `node` along hand-offs, `node` included. */
export function downstreamOf(chain: CompiledChain, node: number): Set<number> {
  const seen = new Set<number>([node]);
  const queue = [node];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let i = chain.outStart[u]!; i < chain.outStart[u + 1]!; i++) {
      const v = chain.to[chain.outEdges[i]!]!;
      if (!seen.has(v)) {
        seen.add(v);
        queue.push(v);
      }
    }
  }
  return seen;
}

/** `base`, or `base 2`, `base 3`, … : the first not in `taken`. */
function fresh(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/**
 * The changes that give each of `handoffs` (indices) a backup from actor `w` where `w` already
 * hands off what it carries; null when none can be backed up. `quality` absent: the original's.
 */
export function backupChanges(
  model: Model,
  chain: CompiledChain,
  handoffs: readonly number[],
  w: number,
  quality: number | undefined,
): { changes: Change[]; handoffs: PlannedHandoff[] } | null {
  const all = model.handoffs ?? [];
  const ids = new Set(chain.handoffIds);
  const provided = new Set(all.filter((h) => h.from === chain.ids[w]).map((h) => h.carries));
  const changes: Change[] = [];
  const planned: PlannedHandoff[] = [];
  for (const h of handoffs) {
    const original = all[h]!;
    const to = chain.to[h]!;
    if (to === w || !provided.has(original.carries)) continue;
    const groups = new Set(all.filter((e) => e.to === original.to).map((e) => e.group));
    const backs = handoffId(original);
    const group = original.group ?? fresh(`${backs} backup`, groups as Set<string>);
    const sameGroup = all.some(
      (e) => e.to === original.to && e.from === chain.ids[w] && e.group === group,
    );
    if (sameGroup) continue;
    if (original.group === undefined) changes.push({ handoff: backs, set: { group } });
    const id = fresh(`${chain.ids[w]}->${original.to}`, ids);
    ids.add(id);
    const added: PlannedHandoff = {
      id,
      from: chain.ids[w]!,
      to: original.to,
      ...(original.carries !== undefined && { carries: original.carries }),
      quality: quality ?? chain.quality[h]!,
      group,
      backs,
    };
    planned.push(added);
    const { backs: _backs, ...handoff } = added;
    changes.push({
      add: {
        handoff: { ...handoff, ...(original.weight !== undefined && { weight: original.weight }) },
      },
    });
  }
  return planned.length === 0 ? null : { changes, handoffs: planned };
}
