/**
 * The changes the score change is shared out over, as a reader names them (docs/model.md,
 * "Change over time"): a node or hand-off added or removed, or one field with its value before
 * and after.
 */
import type { Combine } from '../model/schema.js';
import type { NodeForm, Player, Union, UnionHandoff } from './union-model.js';

const COMBINES: readonly Combine[] = ['mean', 'min', 'product', 'geometric'];

/** The element a change is about. */
export type ChangeElement = 'actor' | 'customer' | 'handoff';

/** One change of the attribution. */
export interface AttributionChange {
  /** `added` / `removed` for structure, `changed` for one field. */
  readonly type: 'added' | 'removed' | 'changed';
  readonly element: ChangeElement;
  /** Node id, or the hand-off's id (`from->to` when it has none). */
  readonly id: string;
  /** A hand-off's two ends. */
  readonly from?: string;
  readonly to?: string;
  /**
   * For `changed`: the field (`quality` as compiled, so a change of ratings, priorities or scale
   * shows as the quality it gives; `group`, `value`, `role`, an actor's scoring fields).
   */
  readonly field?: string;
  readonly before?: number | string | null;
  readonly after?: number | string | null;
  /** For an added or removed node: how many of its hand-offs come or go with it. */
  readonly handoffs?: number;
}

function element(form: NodeForm): ChangeElement {
  return form.role === 'actor' ? 'actor' : 'customer';
}

function ends(handoff: UnionHandoff) {
  const form = (handoff.after ?? handoff.before)!;
  return { id: form.id, from: form.from, to: form.to };
}

/** How many hand-offs of one side touch a node present on that side only. */
function handoffsOf(union: Union, id: string, side: 'before' | 'after'): number {
  return union.handoffs.filter((handoff) => {
    const form = handoff[side];
    return (
      form !== undefined &&
      handoff[side === 'before' ? 'after' : 'before'] === undefined &&
      (form.from === id || form.to === id)
    );
  }).length;
}

/** A player as a change a reader recognises. */
export function describePlayer(union: Union, player: Player): AttributionChange {
  if (player.type === 'node' || player.type === 'value') {
    const node = union.nodes[player.node]!;
    const { before, after } = node;
    if (player.type === 'value')
      return {
        type: 'changed',
        element: 'customer',
        id: node.id,
        field: 'value',
        before: (before as { value: number }).value,
        after: (after as { value: number }).value,
      };
    if (before === undefined)
      return {
        type: 'added',
        element: element(after!),
        id: node.id,
        handoffs: handoffsOf(union, node.id, 'after'),
      };
    if (after === undefined)
      return {
        type: 'removed',
        element: element(before),
        id: node.id,
        handoffs: handoffsOf(union, node.id, 'before'),
      };
    return {
      type: 'changed',
      element: element(after),
      id: node.id,
      field: 'role',
      before: before.role,
      after: after.role,
    };
  }
  if (player.type === 'actor-field') {
    const node = union.nodes[player.node]!;
    const read = (form: NodeForm | undefined) => {
      const value = (form as Extract<NodeForm, { role: 'actor' }>)[player.field];
      return player.field === 'combine' ? COMBINES[value]! : value;
    };
    return {
      type: 'changed',
      element: 'actor',
      id: node.id,
      field: player.field,
      before: read(node.before),
      after: read(node.after),
    };
  }
  const handoff = union.handoffs[player.handoff]!;
  if (player.type === 'handoff')
    return {
      type: handoff.before === undefined ? 'added' : 'removed',
      element: 'handoff',
      ...ends(handoff),
    };
  const field = player.type === 'group' ? 'group' : player.field;
  return {
    type: 'changed',
    element: 'handoff',
    ...ends(handoff),
    field,
    before: handoff.before![field],
    after: handoff.after![field],
  };
}
