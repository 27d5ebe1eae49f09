/**
 * Structural metrics of the hand-off graph (graphology-metrics): in- and out-degree (hand-offs
 * counted, parallel ones each) and betweenness centrality (Brandes, unweighted: a hand-off's
 * weight is reliance, not distance). Betweenness costs O(V x E); above a size limit it runs only
 * when asked.
 */
import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { z } from 'zod';
import type { Warning } from '../model/errors.js';
import { type ServiceGraph, toGraph } from '../model/graph.js';
import { type DefaultsOf, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';

/**
 * The module is CommonJS whose typings declare an ES default export: at run time (Node ESM, the
 * bundlers) the default import is `module.exports`, the function itself.
 */
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/** Options of structuralMetrics. */
export const MetricsOptionsSchema = z.strictObject({
  /** Compute betweenness even above `sizeLimit` (the CLI's `--metrics`). */
  metrics: z.boolean().optional(),
  /** Hand-off count above which betweenness is skipped unless `metrics` is true. */
  sizeLimit: z.number().int().min(0).optional(),
});

/** Options of structuralMetrics. @useDeclaredType */
export type MetricsOptions = z.input<typeof MetricsOptionsSchema>;

/** Defaults of MetricsOptions. */
export const METRICS_DEFAULTS: DefaultsOf<MetricsOptions> = { metrics: false, sizeLimit: 20_000 };

/** Metrics of one node. */
export interface NodeMetrics {
  readonly id: string;
  readonly kind: 'department' | 'employee' | 'customer';
  /** Hand-offs received. */
  readonly inDegree: number;
  /** Hand-offs given. */
  readonly outDegree: number;
  /** Normalised betweenness in [0, 1] (divided by (n-1)(n-2)); null when not computed. */
  readonly betweenness: number | null;
}

/** Structural metrics of a model, nodes in declaration order. */
export interface StructuralMetrics {
  readonly nodes: readonly NodeMetrics[];
  /** Whether betweenness was computed, and what it costs: V x E (unweighted Brandes). */
  readonly betweenness: {
    readonly computed: boolean;
    readonly nodes: number;
    readonly handoffs: number;
    readonly operations: number;
    /** Wall time in milliseconds when computed (not deterministic; not in text output). */
    readonly milliseconds: number | null;
  };
  readonly warnings: readonly Warning[];
}

/**
 * The graph with parallel hand-offs merged into one edge: betweenness is about who lies between
 * whom, and graphology-metrics 2.4.2's Brandes miscounts parallel edges (a path a->b->c->d with a
 * second c->d gives every node 0.5). It indexes nodes and returns scores in plain objects keyed by
 * node key, which is safe because toGraph's keys are generated (`n0`, `n1`, ...), never model ids.
 */
function simpleGraph(graph: ServiceGraph): DirectedGraph {
  const simple = new DirectedGraph();
  graph.forEachNode((key) => {
    simple.addNode(key);
  });
  graph.forEachEdge((_key, _attributes, source, target) => {
    simple.mergeEdge(source, target);
  });
  return simple;
}

/** In/out-degree and betweenness of every node; betweenness skipped above the size limit unless asked. */
export function structuralMetrics(model: Model, options: MetricsOptions = {}): StructuralMetrics {
  const { metrics: force, sizeLimit } = resolveOptions(
    MetricsOptionsSchema,
    METRICS_DEFAULTS,
    options,
  );
  const graph = toGraph(model);
  const operations = graph.order * graph.size;
  const compute = force || graph.size <= sizeLimit;
  const warnings: Warning[] = [];
  let scores: Record<string, number> | undefined;
  let milliseconds: number | null = null;
  if (compute) {
    const start = performance.now();
    // graphology-metrics' Brandes sizes a stack by the node count and refuses an empty graph.
    scores =
      graph.order === 0
        ? {}
        : betweennessCentrality(simpleGraph(graph), { getEdgeWeight: null, normalized: true });
    milliseconds = performance.now() - start;
  } else {
    warnings.push({
      code: 'betweenness_skipped',
      path: '',
      message: `betweenness skipped: ${graph.size} hand-offs exceed the limit of ${sizeLimit}; it costs about ${graph.order} x ${graph.size} = ${operations} steps (ask with --metrics)`,
    });
  }
  const nodes: NodeMetrics[] = graph.mapNodes((key, node) => ({
    id: node.id,
    kind: node.kind,
    inDegree: graph.inDegree(key),
    outDegree: graph.outDegree(key),
    betweenness: scores === undefined ? null : (scores[key] ?? 0),
  }));
  return {
    nodes,
    betweenness: {
      computed: compute,
      nodes: graph.order,
      handoffs: graph.size,
      operations,
      milliseconds,
    },
    warnings,
  };
}
