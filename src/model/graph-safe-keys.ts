/**
 * Makes a graphology 0.26 directed graph safe for any node key. graphology indexes a node's
 * neighbours in plain objects keyed by neighbour id, so an id such as `__proto__` or
 * `constructor` reads Object.prototype members: edges go missing and, in a multi graph,
 * `Object.prototype.previous` gets written. This swaps those objects for null-prototype ones and
 * replaces the two methods that call `.hasOwnProperty` on them. It relies on graphology
 * internals, which is why graphology is pinned to an exact version and a test covers it.
 */
import type { AbstractGraph } from 'graphology-types';

interface NodeAdjacency {
  in: object;
  out: object;
}

type Internals = { _nodes?: Map<string, NodeAdjacency> };

/** Call right after `addNode`, before the node gets any edge. */
export function useNullPrototypeAdjacency(graph: AbstractGraph, id: string): void {
  const data = nodeData(graph, id);
  if (data === undefined) throw new Error('graphology internals changed: cannot find node data');
  data.in = Object.create(null);
  data.out = Object.create(null);
}

/** Call once on a directed graph whose nodes use null-prototype adjacency. */
export function useOwnKeyEdgeTests(graph: AbstractGraph): void {
  const original = graph.hasDirectedEdge.bind(graph);
  const between = (source: unknown, target: unknown) => {
    const data = nodeData(graph, String(source));
    return data !== undefined && Object.hasOwn(data.out, String(target));
  };
  const test = (...args: unknown[]) =>
    args.length === 2 ? between(args[0], args[1]) : original(...(args as [string]));
  Object.defineProperty(graph, 'hasDirectedEdge', {
    value: test,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(graph, 'hasEdge', { value: test, configurable: true, writable: true });
}

function nodeData(graph: AbstractGraph, id: string): NodeAdjacency | undefined {
  return (graph as unknown as Internals)._nodes?.get(id);
}
