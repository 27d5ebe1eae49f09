/**
 * The diagram as the scenario leaves it: each box's service label, each arrow's quality label,
 * the customers' weakest links marked, the links the room changed outlined, and the weakest-link
 * chain of a selected customer traced end to end.
 */
import type { CompiledChain } from '../../../../engine/types.js';
import type { ExplorerView } from '../../explorer-data.js';
import type { Figures } from '../compute.js';
import type { AddedHandoff } from '../scenario.js';
import { drawAddedHandoffs } from './added-edges.js';

/** What the page does to its diagram. */
export interface DiagramView {
  /**
   * Shows the figures of a state; `changed` holds the link numbers the scenario sets. Not `live`
   * (no change applied): the report's own marks and labels.
   */
  show(figures: Figures, changed: ReadonlySet<number>, live: boolean): void;
  /** Draws the scenario's added hand-offs (added-edges.ts); `name` gives a node's name. */
  showAdded(added: readonly AddedHandoff[], name: (id: string) => string): void;
  /** Traces a customer's weakest-link chain: its link and the walk's nodes (none: -1, []). */
  trace(link: number, path: readonly number[], chain: CompiledChain): void;
  /** The box that shows a node (at department level: its unit's), by model id. */
  nodeElement(id: string): SVGGElement | null;
  /** The boxes of these actors' ids (those this view draws). */
  boxesOf(ids: readonly string[]): SVGGElement[];
  /** The model id a box stands for, and its member actors. */
  unitOf(box: Element): { id: string; members: readonly string[] } | null;
}

/** Binds one of the page's SVGs to its view's keys. */
export function createDiagramView(svg: SVGSVGElement, view: ExplorerView): DiagramView {
  // Every node id (at department level: every member too) -> the box that shows it.
  const nodes = new Map<string, SVGGElement>();
  const units = new Map<Element, { id: string; members: readonly string[] }>();
  for (const [key, id, members] of view.nodes) {
    const g = svg.querySelector<SVGGElement>(`.sc-node[data-key="${key}"]`);
    if (g === null) continue;
    units.set(g, { id, members });
    for (const member of members) nodes.set(member, g);
    nodes.set(id, g);
  }
  const edgesOf = new Map<string, SVGGElement>();
  const single = new Map<SVGGElement, string>();
  for (const [key, handoffs] of view.edges) {
    const g = svg.querySelector<SVGGElement>(`.sc-edge[data-key="${key}"]`);
    if (g === null) continue;
    for (const id of handoffs) edgesOf.set(id, g);
    if (handoffs.length === 1) single.set(g, handoffs[0]!);
  }
  const mark = (className: string, elements: Iterable<Element>) => {
    for (const el of svg.querySelectorAll(`.${className}`)) el.classList.remove(className);
    for (const el of elements) el.classList.add(className);
  };
  // A hand-off inside a department is not drawn at department level: its department's box shows it.
  const linkElement = (chain: CompiledChain, link: number): SVGGElement | undefined => {
    if (link < chain.actorCount) return nodes.get(chain.ids[link]!);
    const h = link - chain.actorCount;
    return edgesOf.get(chain.handoffIds[h]!) ?? nodes.get(chain.ids[chain.to[h]!]!);
  };
  const departmentLevel = view.level === 'department';
  // The report's labels, put back when no change is applied.
  const given = new Map<Element, string>();
  for (const label of svg.querySelectorAll('.sc-node text, .sc-edge text'))
    given.set(label, label.textContent ?? '');
  const restore = () => {
    for (const [label, text] of given) if (label.textContent !== text) label.textContent = text;
  };
  return {
    show(figures, changed, live) {
      const chain = figures.chain;
      svg.classList.toggle('sc-live', live);
      if (!live) {
        mark('x-weakest', []);
        mark('x-changed', []);
        restore();
        return;
      }
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
      for (const [id, g] of departmentLevel ? [] : nodes) {
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
    showAdded(added, name) {
      drawAddedHandoffs(svg, added, (id) => nodes.get(id), name);
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
    boxesOf: (ids) => {
      const boxes = new Set<SVGGElement>();
      for (const id of ids) {
        const g = nodes.get(id);
        if (g !== undefined) boxes.add(g);
      }
      return [...boxes];
    },
    unitOf: (box) => units.get(box) ?? null,
  };
}
