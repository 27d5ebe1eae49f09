/**
 * Names for the text and Markdown reports: a node by its display name, by its id (set in code in
 * Markdown) only where no name is known; a hand-off as `Provider -> Receiver`.
 */
import type { Report, WeakestLink } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import { ARROW, type Cell, id, joined, named, type Span, text, words } from './document.js';

/** What a report shows for a node id. */
export type NodeName = (nodeId: string) => Span;

/** A lookup from a map of known names; unknown ids are shown as ids. */
function lookUp(names: ReadonlyMap<string, string>): NodeName {
  return (nodeId) => {
    const name = names.get(nodeId);
    return name === undefined ? id(nodeId) : named(name, nodeId);
  };
}

/**
 * Display names of a report's customers and actors (analyze fills a missing name with the id),
 * for the ids in `shown` only: one pass, and no map of every node of a huge model.
 */
export function reportNames(report: Report, shown: ReadonlySet<string>): NodeName {
  const names = new Map<string, string>();
  for (const customer of report.customers)
    if (shown.has(customer.id)) names.set(customer.id, customer.name);
  for (const actor of report.actors) if (shown.has(actor.id)) names.set(actor.id, actor.name);
  return lookUp(names);
}

/** Display names of a model's departments, employees and customers. */
export function modelNames(model: Model): NodeName {
  const names = new Map<string, string>();
  const nodes = [
    ...(model.departments ?? []),
    ...(model.employees ?? []),
    ...(model.customers ?? []),
  ];
  for (const node of nodes) names.set(node.id, node.name ?? node.id);
  return lookUp(names);
}

/** Names known from a list of `{ id, name }` (a result's customers or departments). */
export function listNames(nodes: readonly { id: string; name: string }[]): NodeName {
  return lookUp(new Map(nodes.map((node) => [node.id, node.name])));
}

/**
 * A hand-off as its two ends: `Warehouse -> Dispatch`. Given its id, the spans carry it, so that
 * the CSV id column shows the hand-off's id rather than `from -> to`.
 */
export function handoffSpans(
  handoff: { readonly from: string; readonly to: string; readonly id?: string },
  name: NodeName,
): Span[] {
  const spans = [name(handoff.from), words(ARROW), name(handoff.to)];
  const { id: handoffId } = handoff;
  return handoffId === undefined ? spans : spans.map((span) => ({ ...span, handoff: handoffId }));
}

/** Node ids as names joined by a separator: a chain (`ARROW`) or a list (`, `). */
export function nameList(ids: readonly string[], name: NodeName, separator: string): Span[] {
  return joined(
    ids.map((nodeId) => [name(nodeId)]),
    separator,
  );
}

/** A link by name: a hand-off's two ends, or the actor; `none` when nothing is weak. */
export function linkCell(link: WeakestLink | null, name: NodeName): Cell {
  if (link === null) return text('none');
  return link.type === 'handoff' ? handoffSpans(link, name) : [name(link.id)];
}

/** What a chain says before a node it comes back to (docs/model.md, "A chain round a loop"). */
export const BACK_TO = 'back to ';

/** A chain's nodes, each flagged when the chain has passed it before: it goes round a loop. */
export function chainSteps(ids: readonly string[]): { id: string; back: boolean }[] {
  const seen = new Set<string>();
  return ids.map((nodeId) => {
    const back = seen.has(nodeId);
    seen.add(nodeId);
    return { id: nodeId, back };
  });
}

/** A chain as names: `Warehouse -> Sales -> back to Warehouse -> Dispatch`. */
export function chainSpans(ids: readonly string[], name: NodeName): Span[] {
  return joined(
    chainSteps(ids).map(({ id: nodeId, back }) =>
      back ? [words(BACK_TO), name(nodeId)] : [name(nodeId)],
    ),
    ARROW,
  );
}
