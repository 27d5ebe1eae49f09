/**
 * The diagram as the scenario leaves it: each box's service label, each arrow's quality label,
 * the customers' weakest links marked, the links the room changed outlined, and the weakest-link
 * chain of a selected customer traced end to end.
 */
import type { CompiledChain } from '../../../../engine/types.js';
import type { ExplorerData } from '../../explorer-data.js';
import type { Figures } from '../compute.js';

/** What the page does to its diagram. */
export interface DiagramView {
  /** Shows the figures of a state; `changed` holds the link numbers the scenario sets. */
  show(figures: Figures, chain: CompiledChain, changed: ReadonlySet<number>): void;
  /** Traces a customer's weakest-link chain: its link and the walk's nodes (none: -1, []). */
  trace(link: number, path: readonly number[], chain: CompiledChain): void;
  /** The diagram element of a node, by model id. */
  nodeElement(id: string): SVGGElement | null;
}

/** Binds the page's SVG to the data's keys. */
export function createDiagramView(svg: SVGSVGElement, data: ExplorerData): DiagramView {
  const nodes = new Map<string, SVGGElement>();
  for (const [key, id] of data.nodeKeys) {
    const g = svg.querySelector<SVGGElement>(`.sc-node[data-key="${key}"]`);
    if (g !== null) nodes.set(id, g);
  }
  const edgesOf = new Map<string, SVGGElement>();
  const single = new Map<SVGGElement, string>();
  for (const [key, handoffs] of data.edgeKeys) {
    const g = svg.querySelector<SVGGElement>(`.sc-edge[data-key="${key}"]`);
    if (g === null) continue;
    for (const id of handoffs) edgesOf.set(id, g);
    if (handoffs.length === 1) single.set(g, handoffs[0]!);
  }
  const mark = (className: string, elements: Iterable<Element>) => {
    for (const el of svg.querySelectorAll(`.${className}`)) el.classList.remove(className);
    for (const el of elements) el.classList.add(className);
  };
  const linkElement = (chain: CompiledChain, link: number): SVGGElement | undefined =>
    link < chain.actorCount
      ? nodes.get(chain.ids[link]!)
      : edgesOf.get(chain.handoffIds[link - chain.actorCount]!);
  return {
    show(figures, chain, changed) {
      svg.classList.add('sc-live');
      const weakest: SVGGElement[] = [];
      for (const customer of figures.customers) {
        const el = customer.weakest < 0 ? undefined : linkElement(chain, customer.weakest);
        if (el !== undefined) weakest.push(el);
      }
      mark('x-weakest', weakest);
      const outlined: SVGGElement[] = [];
      for (const link of changed) {
        const el = linkElement(chain, link);
        if (el !== undefined) outlined.push(el);
      }
      mark('x-changed', outlined);
      for (const [id, g] of nodes) {
        const v = chain.nodeIndex.get(id);
        const label = g.querySelectorAll('text')[1];
        if (v === undefined || label === undefined || !label.textContent?.startsWith('service '))
          continue;
        label.textContent = `service ${figures.service[v]!.toFixed(2)}`;
      }
      for (const [g, id] of single) {
        const h = chain.handoffIndex.get(id);
        const label = g.querySelector('text');
        if (h !== undefined && label !== null) label.textContent = chain.quality[h]!.toFixed(2);
      }
    },
    trace(link, path, chain) {
      const traced: SVGGElement[] = [];
      const weakest = link < 0 ? undefined : linkElement(chain, link);
      if (weakest !== undefined) traced.push(weakest);
      for (let i = 0; i < path.length; i++) {
        const node = nodes.get(chain.ids[path[i]!]!);
        if (node !== undefined) traced.push(node);
        if (i === 0) continue;
        for (let e = chain.outStart[path[i - 1]!]!; e < chain.outStart[path[i - 1]! + 1]!; e++) {
          const h = chain.outEdges[e]!;
          const edge = chain.to[h] === path[i] ? edgesOf.get(chain.handoffIds[h]!) : undefined;
          if (edge !== undefined) traced.push(edge);
        }
      }
      mark('x-path', traced);
      svg.classList.toggle('sc-tracing', traced.length > 0);
    },
    nodeElement: (id) => nodes.get(id) ?? null,
  };
}
