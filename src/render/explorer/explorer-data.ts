/**
 * What the explorer page carries for its script: the model itself (the page compiles it with the
 * same engine the library runs), one control per link field a slider can set, and the diagram's
 * keys mapped back to model ids. Lists of pairs, never objects keyed by id, so that any id
 * (`__proto__` too) is plain data.
 */
import type { Report } from '../../analysis/report.js';
import type { Model } from '../../model/schema.js';
import type { Diagram } from '../diagram-graph.js';
import type { PanelItem } from '../html/panel-data.js';

/** The fields a slider sets: a hand-off's quality, an actor's performance or welfare. */
export type ExplorerField = 'quality' | 'performance' | 'welfare';

/** One slider: a link's field and how a person reads it (the page reads its value from the chain). */
export interface ExplorerControl {
  readonly type: 'handoff' | 'actor';
  /** The hand-off's id (`id` or `from->to`) or the actor's id, as a scenario names it. */
  readonly id: string;
  readonly field: ExplorerField;
  /** `Warehouse -> Dispatch` or `Warehouse`. */
  readonly label: string;
}

/** One diagram of the page, its keys mapped back to the model. */
export interface ExplorerView {
  readonly level: 'actor' | 'department';
  /** Diagram node key, the model id it stands for, and (department level) its member actors. */
  readonly nodes: readonly (readonly [string, string, readonly string[]])[];
  /** Diagram edge key -> the hand-off ids it draws. */
  readonly edges: readonly (readonly [string, readonly string[]])[];
}

/** Everything the page's script reads from its JSON data block. */
export interface ExplorerData {
  readonly model: Model;
  readonly controls: readonly ExplorerControl[];
  /** Node id -> display name. */
  readonly names: readonly (readonly [string, string])[];
  /** The diagrams the page draws, the first shown when it opens. */
  readonly views: readonly ExplorerView[];
  /** The engine's iteration controls the report was computed with. */
  readonly tolerance: number;
  readonly maxIterations: number;
  /** What the side panel shows for each box and arrow of the diagrams, by diagram key. */
  readonly items: readonly PanelItem[];
}

/** The page's data for a report of `model`, its diagrams and their panels. */
export function explorerData(
  report: Report,
  model: Model,
  diagrams: readonly Diagram[],
  engine: { tolerance: number; maxIterations: number },
  items: readonly PanelItem[] = [],
): ExplorerData {
  const names = new Map<string, string>();
  for (const actor of report.actors) names.set(actor.id, actor.name);
  for (const customer of report.customers) names.set(customer.id, customer.name);
  const name = (id: string) => names.get(id) ?? id;
  const controls: ExplorerControl[] = [];
  for (const actor of report.actors) {
    for (const field of ['performance', 'welfare'] as const)
      controls.push({ type: 'actor', id: actor.id, field, label: name(actor.id) });
  }
  for (const handoff of report.handoffs) {
    const label = `${name(handoff.from)} -> ${name(handoff.to)}`;
    controls.push({ type: 'handoff', id: handoff.id, field: 'quality', label });
  }
  return {
    model,
    controls,
    names: [...names],
    views: diagrams.map(viewOf),
    tolerance: engine.tolerance,
    maxIterations: engine.maxIterations,
    items,
  };
}

function viewOf(diagram: Diagram): ExplorerView {
  return {
    level: diagram.level,
    nodes: diagram.nodes.map(
      (node) => [node.key, node.id, node.unit?.members ?? [node.id]] as const,
    ),
    edges: diagram.edges.map((edge) => [edge.key, edge.handoffs] as const),
  };
}
