/**
 * What a `set` or `remove` names, found in the working copy. The model's validators cannot see
 * this (a name that matches nothing leaves the model as it was), so it is checked here, with the
 * model's did-you-mean. A hand-off is named by its id, or by `from->to` when it has an id of its own
 * and no other hand-off goes the same way (docs/model-file.md, "Hand-offs").
 */
import { DeclaredNodes } from '../model/declared-nodes.js';
import { handoffId } from '../model/defaults.js';
import { closest, didYouMean, suggestionBudget } from '../model/did-you-mean.js';
import type { Issue } from '../model/errors.js';
import type { Handoff } from '../model/schema.js';
import { type Working, workingModel } from './working-model.js';

/** `from->to` of a hand-off, whatever its id. */
function pairName(handoff: Pick<Handoff, 'from' | 'to'>): string {
  return `${handoff.from}->${handoff.to}`;
}

/** The index of the hand-off `name` names, or an issue: unknown (with a suggestion) or ambiguous. */
export function findHandoff(
  handoffs: readonly Handoff[],
  name: string,
  path: string,
): number | Issue {
  const byId = handoffs.findIndex((h) => handoffId(h) === name);
  if (byId >= 0) return byId;
  const byPair = handoffs.flatMap((h, i) => (pairName(h) === name ? [i] : []));
  if (byPair.length === 1) return byPair[0]!;
  if (byPair.length > 1) {
    const ids = byPair.map((i) => JSON.stringify(handoffId(handoffs[i]!))).join(', ');
    return {
      code: 'invalid_value',
      path,
      message: `${JSON.stringify(name)} names ${byPair.length} hand-offs (ids ${ids}): name one by its id`,
    };
  }
  return {
    code: 'unknown_node',
    path,
    message: `unknown hand-off ${JSON.stringify(name)}${handoffHint(handoffs, name)}`,
  };
}

/**
 * ` (did you mean "x"?)` over hand-off ids and the `from->to` names of hand-offs with ids of their
 * own; a `from->to` suggestion says the id it stands for.
 */
function handoffHint(handoffs: readonly Handoff[], name: string): string {
  const names = handoffNames(handoffs);
  const suggestion = closest(name, names.keys());
  if (suggestion === undefined) return '';
  const id = names.get(suggestion);
  const aka = id === undefined ? '' : `, the hand-off with id ${JSON.stringify(id)}`;
  return ` (did you mean ${JSON.stringify(suggestion)}${aka}?)`;
}

/**
 * Every name a hand-off answers to: its id (mapped to undefined), and `from->to` for a hand-off
 * with an id of its own (mapped to that id); a pair that two hand-offs share is left out.
 */
export function handoffNames(handoffs: readonly Handoff[]): Map<string, string | undefined> {
  const names = new Map<string, string | undefined>();
  for (const handoff of handoffs) names.set(handoffId(handoff), undefined);
  const shared = new Set<string>();
  for (const handoff of handoffs) {
    const pair = pairName(handoff);
    if (shared.has(pair) || (names.has(pair) && names.get(pair) === undefined)) continue;
    if (names.has(pair)) {
      names.delete(pair);
      shared.add(pair);
    } else names.set(pair, handoffId(handoff));
  }
  return names;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/**
 * Where the actor or customer `name` sits (`departments`, 3), or an issue: a node of another kind,
 * or unknown with a suggestion among the nodes of the wanted kind.
 */
export function findNode(
  work: Working,
  what: 'actor' | 'customer',
  name: string,
  path: string,
): { section: 'departments' | 'employees' | 'customers'; index: number } | Issue {
  const sections =
    what === 'actor' ? (['departments', 'employees'] as const) : (['customers'] as const);
  for (const section of sections) {
    const index = work[section].findIndex((node) => node.id === name);
    if (index >= 0) return { section, index };
  }
  const declared = new DeclaredNodes(workingModel(work), suggestionBudget());
  const node = declared.number.get(name);
  const kind = node === undefined ? undefined : declared.kindOf(node);
  if (kind !== undefined)
    return {
      code: 'wrong_kind',
      path,
      message: `${JSON.stringify(name)} is ${article(kind)}, not ${article(what)}`,
    };
  const candidates = sections.flatMap((section) => work[section].map((node) => node.id));
  return {
    code: 'unknown_node',
    path,
    message: `unknown ${what} ${JSON.stringify(name)}${didYouMean(name, candidates)}`,
  };
}
