/**
 * The organisation score of every coalition of changes between two models (docs/model.md,
 * "Change over time"): each set of structural changes is one compiled variant of the union model
 * (compiled once, then cached); the field changes on top of it are edits of that chain's value
 * arrays, re-evaluated incrementally downstream of what they touch.
 */
import {
  applyChanges,
  type ChainChange,
  type CompiledChain,
  compileModel,
  type EngineOptions,
  type Evaluation,
  propagate,
} from '../engine/index.js';
import { type Union, variantHandoffId, variantModel } from './union-model.js';

/** The worth of a coalition: `members[p]` is 1 for each player p that has happened. */
export type Worth = (members: Uint8Array) => number;

/**
 * S of a variant (a variant in which no customer is reached scores 0: nobody is served,
 * docs/model.md, "Where the reference leaves room: the readings we chose").
 */
function scoreOf(evaluation: Evaluation): number {
  return evaluation.score ?? 0;
}

/** The chain edits of the field players flagged in `members`. */
function fieldEdits(union: Union, chain: CompiledChain, members: Uint8Array): ChainChange[] {
  const edits: ChainChange[] = [];
  for (let p = union.structural; p < union.players.length; p++) {
    if (members[p] !== 1) continue;
    const player = union.players[p]!;
    if (player.type === 'actor-field') {
      const node = union.nodes[player.node]!;
      const form = node.after as Extract<typeof node.after, { role: 'actor' }>;
      const v = chain.nodeIndex.get(node.id)!;
      if (player.field === 'combine')
        edits.push({ node: v, field: 'combine', value: form.combine });
      else edits.push({ node: v, field: player.field, value: form[player.field] });
    } else if (player.type === 'handoff-field') {
      const h = chain.handoffIndex.get(variantHandoffId(player.handoff))!;
      const value = union.handoffs[player.handoff]!.after![player.field];
      edits.push({ handoff: h, field: player.field, value });
    }
  }
  return edits;
}

const VARIANT_CACHE = 64;

/** A worth function over the union's players, caching one compiled variant per structural set. */
export function coalitionWorth(union: Union, options: EngineOptions): Worth {
  const variants = new Map<string, { chain: CompiledChain; evaluation: Evaluation }>();
  return (members) => {
    const key = members.subarray(0, union.structural).join('');
    let variant = variants.get(key);
    if (variant === undefined) {
      const chain = compileModel(variantModel(union, members));
      variant = { chain, evaluation: propagate(chain, options) };
      // A bounded cache: the exact pass visits each structural set in one run of masks.
      if (variants.size >= VARIANT_CACHE) variants.clear();
      variants.set(key, variant);
    }
    const edits = fieldEdits(union, variant.chain, members);
    if (edits.length === 0) return scoreOf(variant.evaluation);
    // A full propagation of the edited chain: applyChanges copies the value arrays anyway (O(V + E)),
    // and measured on a 2,000-node tree a root change re-evaluated incrementally took 8 times as
    // long as propagating the whole chain. Both give the same numbers bit for bit.
    return scoreOf(propagate(applyChanges(variant.chain, edits).chain, options));
  };
}

/**
 * The worth of all 2^k coalitions, `values[mask]` with bit p for player p: structural sets in the
 * outer loop, so each variant is compiled exactly once.
 */
export function allCoalitions(union: Union, worth: Worth): Float64Array {
  const k = union.players.length;
  const s = union.structural;
  const values = new Float64Array(1 << k);
  const members = new Uint8Array(k);
  for (let structure = 0; structure < 1 << s; structure++)
    for (let fields = 0; fields < 1 << (k - s); fields++) {
      const mask = structure | (fields << s);
      for (let p = 0; p < k; p++) members[p] = (mask >> p) & 1;
      values[mask] = worth(members);
    }
  return values;
}
