/** The engine's compiled, typed-array form of a model and the results its algorithms return. */

/** Codes of `combine` in `CompiledChain.combine` (docs/model.md, "Propagation: service flows down the chain"). */
export const COMBINE_MEAN = 0;
/** `min`: the worst input group rules. */
export const COMBINE_MIN = 1;
/** `product`: series reliability. */
export const COMBINE_PRODUCT = 2;
/** `geometric`: weighted geometric mean. */
export const COMBINE_GEOMETRIC = 3;

/** Codes of `CompiledChain.kind`. */
export const KIND_DEPARTMENT = 0;
/** An employee (an actor). */
export const KIND_EMPLOYEE = 1;
/** An external customer. */
export const KIND_CUSTOMER = 2;

/**
 * Strongly connected components of the hand-off graph, in topological order of the condensation
 * (every hand-off goes from a component to itself or to a later one).
 */
export interface Components {
  readonly count: number;
  /** Component of each node. */
  readonly componentOf: Int32Array;
  /** Nodes of component k are `nodes[start[k] .. start[k + 1])`, in declaration order. */
  readonly start: Int32Array;
  readonly nodes: Int32Array;
  /** 1 when the component holds a cycle (more than one node, or a hand-off to itself). */
  readonly cyclic: Uint8Array;
}

/**
 * A model compiled once for the numeric algorithms. Node index = declaration order (departments,
 * employees, customers), so actors are nodes `0 .. actorCount - 1` and customers the rest.
 * Hand-off index = declaration order.
 *
 * A **link** (docs/model.md, "Chain strength and the weakest link") is numbered `0 .. actorCount - 1` for the actor with that node
 * index, and `actorCount + h` for hand-off h: `linkCount = actorCount + handoffCount`.
 *
 * The value arrays (quality, weight, performance, welfare, effectivePerformance, dependence,
 * combine) may be replaced by `applyChanges`; the structure arrays are shared and never written.
 */
export interface CompiledChain {
  readonly nodeCount: number;
  readonly actorCount: number;
  readonly departmentCount: number;
  readonly customerCount: number;
  readonly handoffCount: number;
  readonly linkCount: number;
  /** Node ids in declaration order; lookups through `nodeIndex` (a Map: `__proto__` is an ordinary id). */
  readonly ids: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** KIND_* of each node. */
  readonly kind: Uint8Array;
  /** Declared performance (default 1; customers 1). */
  readonly performance: Float64Array;
  /** Declared welfare (default 1; customers 1). */
  readonly welfare: Float64Array;
  /** p = performance x welfare: the actor's strength as a link (docs/model.md, "Notation"; docs/model.md, "Chain strength and the weakest link"). */
  readonly effectivePerformance: Float64Array;
  readonly dependence: Float64Array;
  /** COMBINE_* of each node (customers: mean). */
  readonly combine: Uint8Array;
  /** Customer value (actors 0). */
  readonly value: Float64Array;
  /** Weight of s_c in S (value / sum, or 1 / n when the values add to 0); 0 for unscored nodes. */
  readonly scoreWeight: Float64Array;
  /** Customers that receive at least one hand-off (docs/model.md, "Propagation: service flows down the chain"). */
  readonly scoredCount: number;
  /** Hand-off ids (`id` or `from->to`) in declaration order, and their lookup. */
  readonly handoffIds: readonly string[];
  readonly handoffIndex: ReadonlyMap<string, number>;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly quality: Float64Array;
  readonly weight: Float64Array;
  /** Input group of each hand-off (index into groupEdgeStart). */
  readonly handoffGroup: Int32Array;
  /** Input groups of node v are `groupStart[v] .. groupStart[v + 1]`, ordered by first-declared hand-off. */
  readonly groupStart: Int32Array;
  /** Hand-offs of group g are `groupEdges[groupEdgeStart[g] .. groupEdgeStart[g + 1]]`, in declaration order. */
  readonly groupEdgeStart: Int32Array;
  readonly groupEdges: Int32Array;
  /**
   * How many of group g's hand-offs its receiver needs (docs/model.md, "k-of-n alternatives"):
   * 1 by default ("any one will do"), at most the group's size.
   */
  readonly groupNeed: Int32Array;
  /** Out-hand-offs of node v are `outEdges[outStart[v] .. outStart[v + 1]]`, in declaration order. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  /** Strongly connected components, computed once at compile time (structure only). */
  readonly components: Components;
}

/** Iteration controls of the fixed points (docs/model.md, "Propagation: service flows down the chain"). */
export interface EngineOptions {
  /** Stop iterating a cycle when max |change| <= tolerance. */
  readonly tolerance: number;
  /** Iteration cap per cycle; reaching it gives `converged: false`. */
  readonly maxIterations: number;
}

/** Defaults of EngineOptions. */
export const ENGINE_DEFAULTS: EngineOptions = { tolerance: 1e-12, maxIterations: 10_000 };

/** The result of propagation (docs/model.md, "Propagation: service flows down the chain"). */
export interface Evaluation {
  /** s_v for every node. */
  readonly service: Float64Array;
  /** I_v for every node (1 without inputs). */
  readonly input: Float64Array;
  /** S; null when no customer is scored. */
  readonly score: number | null;
  /** Iterations used per component (1 for an acyclic node). */
  readonly iterations: Int32Array;
  /** 1 when the component's iteration converged. */
  readonly converged: Uint8Array;
}

/** The weakest link behind one node (docs/model.md, "Chain strength and the weakest link"). */
export interface WeakestLinkResult {
  /** Link index (see CompiledChain), or -1 when nothing is weak. */
  readonly link: number;
  /** Node indices the walk took from the weakest link's node to the target, target last. */
  readonly path: readonly number[];
}

/** Marginal figures of docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss" for one seed (S, or one customer's s_c). */
export interface Sensitivity {
  /** d(target)/d(s_v) for every node; +Infinity where infinite. */
  readonly adjoint: Float64Array;
  /** d(target)/dx for every link; NaN where infinite (reported as null). */
  readonly link: Float64Array;
  /** 1 when the adjoint iteration converged in every cycle. */
  readonly converged: boolean;
}

/** Exact fixGain and failureLoss of every link for S (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"). */
export interface LinkImpacts {
  readonly fixGain: Float64Array;
  readonly failureLoss: Float64Array;
}

/** One field change for `applyChanges` (what-if). Indices are node / hand-off indices. */
export type ChainChange =
  | { readonly handoff: number; readonly field: 'quality' | 'weight'; readonly value: number }
  | {
      readonly node: number;
      readonly field: 'performance' | 'welfare' | 'dependence';
      readonly value: number;
    }
  | { readonly node: number; readonly field: 'combine'; readonly value: number };
