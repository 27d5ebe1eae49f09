/**
 * Compiles a plain model once into the typed-array form every engine algorithm reads
 * (docs/model.md, "Notation"; docs/model.md, "Propagation: service flows down the chain"): straight from the model, not through graphology, so that a million
 * actors cost a few typed arrays rather than a million attribute objects.
 */
import {
  ACTOR_DEFAULTS,
  customerCoefficients,
  handoffId,
  handoffQuality,
  ratingFrame,
} from '../model/defaults.js';
import { ServiceChainError } from '../model/errors.js';
import { pointValue } from '../model/estimates.js';
import type { Combine, Handoff, Model, Priorities } from '../model/schema.js';
import { findComponents } from './components.js';
import { buildGroupNeed } from './group-need.js';
import { HandoffIndex } from './handoff-index.js';
import {
  COMBINE_GEOMETRIC,
  COMBINE_MEAN,
  COMBINE_MIN,
  COMBINE_PRODUCT,
  type CompiledChain,
  KIND_CUSTOMER,
  KIND_DEPARTMENT,
  KIND_EMPLOYEE,
} from './types.js';

/** COMBINE_* code of a combine name. */
export function combineCode(combine: Combine | undefined): number {
  switch (combine ?? ACTOR_DEFAULTS.combine) {
    case 'min':
      return COMBINE_MIN;
    case 'product':
      return COMBINE_PRODUCT;
    case 'geometric':
      return COMBINE_GEOMETRIC;
    default:
      return COMBINE_MEAN;
  }
}

/** Compiles a (validated) model. Throws ServiceChainError `unknown_node` for a dangling hand-off. */
export function compileModel(model: Model): CompiledChain {
  const departments = model.departments ?? [];
  const employees = model.employees ?? [];
  const customers = model.customers ?? [];
  const handoffs = model.handoffs ?? [];
  const actorCount = departments.length + employees.length;
  const nodeCount = actorCount + customers.length;
  // Arrays filled by push: `new Array(n)` with a large n is a slow dictionary-mode array in V8.
  const ids: string[] = [];
  const nodeIndex = new Map<string, number>();
  const kind = new Uint8Array(nodeCount);
  const performance = new Float64Array(nodeCount).fill(1);
  const welfare = new Float64Array(nodeCount).fill(1);
  const effectivePerformance = new Float64Array(nodeCount);
  const dependence = new Float64Array(nodeCount).fill(1);
  const combine = new Uint8Array(nodeCount);
  const value = new Float64Array(nodeCount);
  const priorities: (Priorities | undefined)[] = [];

  let v = 0;
  for (const actor of departments.length === 0 ? employees : departments.concat(employees)) {
    ids.push(actor.id);
    nodeIndex.set(actor.id, v);
    kind[v] = v < departments.length ? KIND_DEPARTMENT : KIND_EMPLOYEE;
    // Estimates enter the point analysis as their means (docs/uncertainty.md, "Estimates").
    performance[v] = pointValue(actor.performance) ?? ACTOR_DEFAULTS.performance;
    welfare[v] = pointValue(actor.welfare) ?? ACTOR_DEFAULTS.welfare;
    dependence[v] = actor.dependence ?? ACTOR_DEFAULTS.dependence;
    combine[v] = combineCode(actor.combine);
    priorities.push(actor.priorities);
    v++;
  }
  for (const customer of customers) {
    ids.push(customer.id);
    nodeIndex.set(customer.id, v);
    kind[v] = KIND_CUSTOMER;
    value[v] = customerCoefficients(customer, model.defaults).value;
    priorities.push(customer.priorities);
    v++;
  }
  // Effective p = performance x welfare (docs/model.md, "Notation"), computed ONCE and stored: chain
  // strengths copy this very number, which is what lets the weakest-link walk compare with ===.
  for (let i = 0; i < nodeCount; i++) effectivePerformance[i] = performance[i]! * welfare[i]!;

  const handoffCount = handoffs.length;
  const from = new Int32Array(handoffCount);
  const to = new Int32Array(handoffCount);
  const quality = new Float64Array(handoffCount);
  const weight = new Float64Array(handoffCount);
  const frame = ratingFrame(model);
  const explicitIds = new Map<number, string>();
  // Consecutive hand-offs often share an end (a provider's hand-offs are declared together):
  // remembering the last lookup saves most Map probes, the dominant cost on large models.
  let lastFrom = '';
  let lastFromIndex: number | undefined;
  let lastTo = '';
  let lastToIndex: number | undefined;
  for (let h = 0; h < handoffCount; h++) {
    const handoff = handoffs[h]!;
    if (handoff.from !== lastFrom || lastFromIndex === undefined) {
      lastFrom = handoff.from;
      lastFromIndex = nodeIndex.get(lastFrom);
    }
    if (handoff.to !== lastTo || lastToIndex === undefined) {
      lastTo = handoff.to;
      lastToIndex = nodeIndex.get(lastTo);
    }
    if (lastFromIndex === undefined || lastToIndex === undefined)
      throw unknownNode(h, handoff, lastFromIndex);
    from[h] = lastFromIndex;
    to[h] = lastToIndex;
    quality[h] = handoffQuality(handoff, frame, priorities[lastToIndex]);
    weight[h] = handoff.weight ?? 1;
    if (handoff.id !== undefined) explicitIds.set(h, handoff.id);
  }

  const groups = buildGroups(nodeCount, to, handoffs);
  const groupNeed = buildGroupNeed(model, nodeIndex, handoffs, groups);
  const { outStart, outEdges } = buildOutEdges(nodeCount, from);
  const components = findComponents(nodeCount, outStart, outEdges, to);
  const { scoreWeight, scoredCount } = scoreWeights(
    actorCount,
    nodeCount,
    value,
    groups.groupStart,
  );

  const chain = {
    nodeCount,
    actorCount,
    departmentCount: departments.length,
    customerCount: customers.length,
    handoffCount,
    linkCount: actorCount + handoffCount,
    ids,
    nodeIndex,
    kind,
    performance,
    welfare,
    effectivePerformance,
    dependence,
    combine,
    value,
    scoreWeight,
    scoredCount,
    from,
    to,
    quality,
    weight,
    ...groups,
    groupNeed,
    outStart,
    outEdges,
    components,
  };
  return withLazyHandoffIds(chain, explicitIds);
}

/** The error for a hand-off naming an undeclared node. */
function unknownNode(
  h: number,
  handoff: Handoff,
  fromIndex: number | undefined,
): ServiceChainError {
  const end = fromIndex === undefined ? 'from' : 'to';
  return new ServiceChainError([
    {
      code: 'unknown_node',
      path: `handoffs[${h}].${end}`,
      message: `unknown node "${handoff[end]}"`,
    },
  ]);
}

/**
 * Adds `handoffIds` and `handoffIndex`, built on first use: the numeric algorithms never need
 * them, and on a model of millions of hand-offs their strings and Map cost more than the analysis
 * (the index answers a few lookups from the ids' parts: handoff-index.ts).
 * Only the explicit ids are kept, so the compiled chain holds no reference to the model.
 */
function withLazyHandoffIds(
  chain: Omit<CompiledChain, 'handoffIds' | 'handoffIndex'>,
  explicitIds: ReadonlyMap<number, string>,
): CompiledChain {
  let ids: string[] | undefined;
  const handoffIds = (): string[] => {
    if (ids === undefined) {
      ids = [];
      for (let h = 0; h < chain.handoffCount; h++) {
        const from = chain.ids[chain.from[h]!]!;
        const to = chain.ids[chain.to[h]!]!;
        ids.push(handoffId({ id: explicitIds.get(h), from, to }));
      }
    }
    return ids;
  };
  const byExplicitId = new Map<string, number>();
  for (const [h, id] of explicitIds) byExplicitId.set(id, h);
  const index = new HandoffIndex(chain, explicitIds, byExplicitId, handoffIds);
  return Object.defineProperties(chain, {
    handoffIds: { enumerable: true, get: handoffIds },
    handoffIndex: { enumerable: true, get: () => index },
  }) as CompiledChain;
}

/**
 * Input groups (docs/model.md, "Propagation: service flows down the chain"): an ungrouped hand-off is its own group; hand-offs into one
 * receiver sharing `group` form one. Each receiver's inputs are visited in declaration order and
 * its groups numbered as they first appear, so a receiver's groups are a contiguous range in
 * first-declared order (the tie rule of `min`), and each group's hand-offs a contiguous range in
 * declaration order. No string keys: a receiver's group names are matched among its own few.
 */
function buildGroups(
  nodeCount: number,
  to: Int32Array,
  handoffs: readonly { readonly group?: string | undefined }[],
) {
  const handoffCount = to.length;
  // In-hand-offs of each receiver in declaration order (stable counting sort by receiver).
  const inStart = new Int32Array(nodeCount + 1);
  for (let h = 0; h < handoffCount; h++) inStart[to[h]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) inStart[v + 1]! += inStart[v]!;
  const inFill = inStart.slice(0, nodeCount);
  const inEdges = new Int32Array(handoffCount);
  for (let h = 0; h < handoffCount; h++) inEdges[inFill[to[h]!]!++] = h;

  const handoffGroup = new Int32Array(handoffCount);
  const groupStart = new Int32Array(nodeCount + 1);
  const names: string[] = [];
  const ids: number[] = [];
  let groupCount = 0;
  for (let v = 0; v < nodeCount; v++) {
    groupStart[v] = groupCount;
    names.length = 0;
    ids.length = 0;
    let many: Map<string, number> | undefined;
    for (let i = inStart[v]!; i < inStart[v + 1]!; i++) {
      const h = inEdges[i]!;
      const name = handoffs[h]!.group;
      if (name === undefined) {
        handoffGroup[h] = groupCount++;
        continue;
      }
      // A linear scan over the receiver's few names; a Map once there are many (no O(k^2)).
      if (names.length > 16 && many === undefined)
        many = new Map(names.map((n, j) => [n, ids[j]!]));
      const known = many !== undefined ? (many.get(name) ?? -1) : names.indexOf(name);
      if (known !== -1) {
        handoffGroup[h] = many !== undefined ? known : ids[known]!;
        continue;
      }
      names.push(name);
      ids.push(groupCount);
      many?.set(name, groupCount);
      handoffGroup[h] = groupCount++;
    }
  }
  groupStart[nodeCount] = groupCount;
  // Hand-offs of each group in declaration order (stable counting sort by group).
  const groupEdgeStart = new Int32Array(groupCount + 1);
  for (let h = 0; h < handoffCount; h++) groupEdgeStart[handoffGroup[h]! + 1]!++;
  for (let g = 0; g < groupCount; g++) groupEdgeStart[g + 1]! += groupEdgeStart[g]!;
  const edgeFill = groupEdgeStart.slice(0, groupCount);
  const groupEdges = new Int32Array(handoffCount);
  for (let h = 0; h < handoffCount; h++) groupEdges[edgeFill[handoffGroup[h]!]!++] = h;
  return { handoffGroup, groupStart, groupEdgeStart, groupEdges };
}

/** Out-hand-offs of each node in declaration order, as compressed sparse rows. */
function buildOutEdges(nodeCount: number, from: Int32Array) {
  const outStart = new Int32Array(nodeCount + 1);
  for (let h = 0; h < from.length; h++) outStart[from[h]! + 1]!++;
  for (let i = 0; i < nodeCount; i++) outStart[i + 1]! += outStart[i]!;
  const fill = outStart.slice(0, nodeCount);
  const outEdges = new Int32Array(from.length);
  for (let h = 0; h < from.length; h++) outEdges[fill[from[h]!]!++] = h;
  return { outStart, outEdges };
}

/**
 * Weights of s_c in S (docs/model.md, "Propagation: service flows down the chain"): customers receiving at least one hand-off are scored,
 * weighted by value; if their values add to 0, the plain mean.
 */
function scoreWeights(
  actorCount: number,
  nodeCount: number,
  value: Float64Array,
  groupStart: Int32Array,
) {
  const scoreWeight = new Float64Array(nodeCount);
  let scoredCount = 0;
  let total = 0;
  for (let c = actorCount; c < nodeCount; c++) {
    if (groupStart[c + 1]! > groupStart[c]!) {
      scoredCount++;
      total += value[c]!;
    }
  }
  for (let c = actorCount; c < nodeCount; c++) {
    if (groupStart[c + 1]! === groupStart[c]!) continue;
    scoreWeight[c] = total > 0 ? value[c]! / total : 1 / scoredCount;
  }
  return { scoreWeight, scoredCount };
}
