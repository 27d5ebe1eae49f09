/**
 * The union model of two models (docs/model.md, "Change over time"): every node and hand-off of
 * either, each with the figures it compiles to on each side (quality derived from ratings,
 * defaults applied), and the changes that turn one into the other as **players**: a node on one
 * side only (it brings or takes its own hand-offs), a hand-off between shared nodes on one side
 * only, a hand-off's group, a customer's value, and each scoring field of a shared node or
 * hand-off. `variantModel` builds the model in which a chosen set of structural players has
 * happened; field players are edits of its compiled chain (diff-eval.ts).
 */
import { type CompiledChain, compileModel } from '../engine/index.js';
import type { Combine, Model } from '../model/schema.js';
import { matchHandoffs } from './model-changes.js';

const COMBINES: readonly Combine[] = ['mean', 'min', 'product', 'geometric'];

/** A node as its figures: an actor's scoring fields or a customer's value. */
export type NodeForm =
  | {
      readonly role: 'actor';
      readonly performance: number;
      readonly welfare: number;
      readonly dependence: number;
      readonly combine: number;
    }
  | { readonly role: 'customer'; readonly value: number };

/** A hand-off as its figures. */
export interface HandoffForm {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly quality: number;
  readonly weight: number;
  readonly group: string | null;
}

/** A node of either model: its form on each side (undefined where it does not exist). */
export interface UnionNode {
  readonly id: string;
  readonly before?: NodeForm;
  readonly after?: NodeForm;
}

/** A hand-off of either model (matched by id, else by its two ends; moved ends make two). */
export interface UnionHandoff {
  readonly before?: HandoffForm;
  readonly after?: HandoffForm;
}

/** Actor fields a field player changes in place. */
export type ActorField = 'performance' | 'welfare' | 'dependence' | 'combine';

/** One change the score change is attributed to. */
export type Player =
  | { readonly type: 'node'; readonly node: number }
  | { readonly type: 'handoff'; readonly handoff: number }
  | { readonly type: 'group'; readonly handoff: number }
  | { readonly type: 'value'; readonly node: number }
  | { readonly type: 'actor-field'; readonly node: number; readonly field: ActorField }
  | {
      readonly type: 'handoff-field';
      readonly handoff: number;
      readonly field: 'quality' | 'weight';
    };

/** The union of two models and the players between them (structural ones first). */
export interface Union {
  readonly nodes: readonly UnionNode[];
  readonly handoffs: readonly UnionHandoff[];
  readonly players: readonly Player[];
  /** How many of `players` (the first ones) change the structure; the rest edit fields. */
  readonly structural: number;
}

function nodeForms(chain: CompiledChain): Map<string, NodeForm> {
  const forms = new Map<string, NodeForm>();
  for (let v = 0; v < chain.nodeCount; v++)
    forms.set(
      chain.ids[v]!,
      v < chain.actorCount
        ? {
            role: 'actor',
            performance: chain.performance[v]!,
            welfare: chain.welfare[v]!,
            dependence: chain.dependence[v]!,
            combine: chain.combine[v]!,
          }
        : { role: 'customer', value: chain.value[v]! },
    );
  return forms;
}

function handoffForms(model: Model, chain: CompiledChain): HandoffForm[] {
  return (model.handoffs ?? []).map((handoff, h) => ({
    id: chain.handoffIds[h]!,
    from: handoff.from,
    to: handoff.to,
    quality: chain.quality[h]!,
    weight: chain.weight[h]!,
    group: handoff.group ?? null,
  }));
}

/** Is a node on both sides in the same role (so it is present in every variant)? */
export function isShared(node: UnionNode): boolean {
  return node.before !== undefined && node.before.role === node.after?.role;
}

/** The union of two valid models and the players that turn `before` into `after`. */
export function unionOf(before: Model, after: Model): Union {
  const left = compileModel(before);
  const right = compileModel(after);
  const leftNodes = nodeForms(left);
  const rightNodes = nodeForms(right);
  const ids = [...new Set([...leftNodes.keys(), ...rightNodes.keys()])];
  const nodes: UnionNode[] = ids.map((nodeId) => ({
    id: nodeId,
    ...(leftNodes.has(nodeId) && { before: leftNodes.get(nodeId)! }),
    ...(rightNodes.has(nodeId) && { after: rightNodes.get(nodeId)! }),
  }));
  const handoffs = unionHandoffs(before, after, left, right);
  const structural: Player[] = [];
  const fields: Player[] = [];
  nodes.forEach((node, i) => {
    if (!isShared(node)) {
      structural.push({ type: 'node', node: i });
      return;
    }
    const b = node.before!;
    const a = node.after!;
    if (b.role === 'customer' && a.role === 'customer') {
      if (b.value !== a.value) structural.push({ type: 'value', node: i });
    } else if (b.role === 'actor' && a.role === 'actor')
      for (const field of ['performance', 'welfare', 'dependence', 'combine'] as const)
        if (b[field] !== a[field]) fields.push({ type: 'actor-field', node: i, field });
  });
  const shared = new Set(nodes.filter(isShared).map((node) => node.id));
  handoffs.forEach((handoff, i) => {
    const { before: b, after: a } = handoff;
    if (b === undefined || a === undefined) {
      const form = (b ?? a)!;
      if (shared.has(form.from) && shared.has(form.to))
        structural.push({ type: 'handoff', handoff: i });
      return;
    }
    if (b.group !== a.group) structural.push({ type: 'group', handoff: i });
    for (const field of ['quality', 'weight'] as const)
      if (b[field] !== a[field]) fields.push({ type: 'handoff-field', handoff: i, field });
  });
  return { nodes, handoffs, players: [...structural, ...fields], structural: structural.length };
}

function unionHandoffs(
  before: Model,
  after: Model,
  left: CompiledChain,
  right: CompiledChain,
): UnionHandoff[] {
  const b = handoffForms(before, left);
  const a = handoffForms(after, right);
  const match = matchHandoffs(before.handoffs ?? [], after.handoffs ?? []);
  const used = new Set<number>();
  const union: UnionHandoff[] = [];
  b.forEach((form, i) => {
    const j = match[i]!;
    const other = j === -1 ? undefined : a[j]!;
    // Moved ends: the old hand-off goes and a new one comes (two changes).
    if (other !== undefined && other.from === form.from && other.to === form.to) {
      union.push({ before: form, after: other });
      used.add(j);
    } else union.push({ before: form });
  });
  a.forEach((form, j) => {
    if (!used.has(j)) union.push({ after: form });
  });
  return union;
}

/** The hand-off id a variant model gives union hand-off i (unique even where ids were reused). */
export function variantHandoffId(i: number): string {
  return `u${i}`;
}

/**
 * The model in which the structural players flagged in `chosen` (indexed like `union.players`)
 * have happened and no field player has: shared nodes and hand-offs with their `before` figures.
 * A node on one side exists on that side's terms; a hand-off that needs a one-sided node exists
 * exactly when every such end is on the hand-off's own side.
 */
export function variantModel(union: Union, chosen: Uint8Array): Model {
  const side = new Map<string, 'before' | 'after' | 'both'>();
  const nodeSide: ('before' | 'after' | 'both')[] = union.nodes.map((node) =>
    isShared(node) ? 'both' : 'before',
  );
  const valueAfter = new Set<number>();
  const groupAfter = new Set<number>();
  const handoffAfter = new Set<number>();
  for (let p = 0; p < union.structural; p++) {
    if (chosen[p] !== 1) continue;
    const player = union.players[p]!;
    if (player.type === 'node') nodeSide[player.node] = 'after';
    else if (player.type === 'value') valueAfter.add(player.node);
    else if (player.type === 'group') groupAfter.add(player.handoff);
    else if (player.type === 'handoff') handoffAfter.add(player.handoff);
  }
  const actors: Record<string, unknown>[] = [];
  const customers: Record<string, unknown>[] = [];
  union.nodes.forEach((node, i) => {
    const where = nodeSide[i]!;
    const form = where === 'after' ? node.after : node.before;
    if (form === undefined) return;
    side.set(node.id, where);
    if (form.role === 'customer') {
      const value = valueAfter.has(i) ? (node.after as { value: number }).value : form.value;
      customers.push({ id: node.id, value });
    } else
      actors.push({
        id: node.id,
        performance: form.performance,
        welfare: form.welfare,
        dependence: form.dependence,
        combine: COMBINES[form.combine],
      });
  });
  const handoffs: Record<string, unknown>[] = [];
  union.handoffs.forEach((handoff, i) => {
    const form = presentForm(handoff, i, side, handoffAfter);
    if (form === undefined) return;
    const group =
      handoff.before !== undefined && groupAfter.has(i) ? handoff.after!.group : form.group;
    handoffs.push({
      id: variantHandoffId(i),
      from: form.from,
      to: form.to,
      quality: form.quality,
      weight: form.weight,
      ...(group !== null && { group }),
    });
  });
  return { version: 1, departments: actors, customers, handoffs } as Model;
}

function presentForm(
  handoff: UnionHandoff,
  i: number,
  side: ReadonlyMap<string, 'before' | 'after' | 'both'>,
  handoffAfter: ReadonlySet<number>,
): HandoffForm | undefined {
  if (handoff.before !== undefined && handoff.after !== undefined) return handoff.before;
  const own = handoff.before !== undefined ? 'before' : 'after';
  const form = (handoff.before ?? handoff.after)!;
  const ends = [side.get(form.from), side.get(form.to)];
  if (ends.every((end) => end === 'both'))
    return (own === 'after') === handoffAfter.has(i) ? form : undefined;
  return ends.every((end) => end === 'both' || end === own) ? form : undefined;
}
