/**
 * How many inputs each compiled input group needs (docs/model.md, "k-of-n alternatives"): 1 unless
 * the model's top-level `groups` list names the group at its receiver. The model is validated
 * first; an entry the compiled groups cannot take is still an error here, never dropped.
 */
import { ServiceChainError } from '../model/errors.js';
import type { Handoff, Model } from '../model/schema.js';

/** The compiled group structure `groupNeed` is read against. */
interface GroupStructure {
  readonly groupStart: Int32Array;
  readonly groupEdgeStart: Int32Array;
  readonly groupEdges: Int32Array;
}

/** groupNeed[g] for every group g (1 by default). Throws ServiceChainError on an entry that does not fit. */
export function buildGroupNeed(
  model: Model,
  nodeIndex: ReadonlyMap<string, number>,
  handoffs: readonly Handoff[],
  groups: GroupStructure,
): Int32Array {
  const { groupStart, groupEdgeStart, groupEdges } = groups;
  const need = new Int32Array(groupEdgeStart.length - 1).fill(1);
  (model.groups ?? []).forEach((entry, i) => {
    const v = nodeIndex.get(entry.to);
    let found = -1;
    if (v !== undefined)
      for (let g = groupStart[v]!; g < groupStart[v + 1]! && found === -1; g++)
        if (handoffs[groupEdges[groupEdgeStart[g]!]!]!.group === entry.group) found = g;
    if (found === -1) throw misfit(`groups[${i}].group`, 'unknown_group', 'no such group');
    const n = groupEdgeStart[found + 1]! - groupEdgeStart[found]!;
    if (!Number.isInteger(entry.need) || entry.need < 1 || entry.need > n)
      throw misfit(`groups[${i}].need`, 'out_of_range', `must be a whole number from 1 to ${n}`);
    need[found] = entry.need;
  });
  return need;
}

function misfit(path: string, code: 'unknown_group' | 'out_of_range', message: string) {
  return new ServiceChainError([{ code, path, message }]);
}
