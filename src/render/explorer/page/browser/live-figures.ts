/**
 * What the side panel adds while a change is applied: a box's service now (an actor or a
 * customer; a department box stands for several, so the tables have its members' figures), an
 * arrow's quality now (one hand-off; a merged arrow stands for several).
 */
import type { ExplorerData } from '../../explorer-data.js';
import type { Figures } from '../compute.js';

/** The panel's live figures by diagram key; `now()` is null while no change is applied. */
export function liveFigures(
  data: ExplorerData,
  now: () => Figures | null,
): (key: string) => readonly (readonly [string, string])[] {
  const nodes = new Map<string, string>();
  const edges = new Map<string, string>();
  for (const view of data.views) {
    for (const [key, id, members] of view.nodes) if (members.length <= 1) nodes.set(key, id);
    for (const [key, handoffs] of view.edges)
      if (handoffs.length === 1) edges.set(key, handoffs[0]!);
  }
  return (key) => {
    const figures = now();
    if (figures === null) return [];
    const { chain } = figures;
    const node = chain.nodeIndex.get(nodes.get(key) ?? '');
    if (node !== undefined) return [['Service now', figures.service[node]!.toFixed(3)]];
    const handoff = chain.handoffIndex.get(edges.get(key) ?? '');
    if (handoff !== undefined) return [['Quality now', chain.quality[handoff]!.toFixed(3)]];
    return [];
  };
}
